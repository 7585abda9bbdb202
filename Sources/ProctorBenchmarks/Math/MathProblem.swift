/// One MATH problem: the statement, the worked solution, and where it sits in the dataset.
public struct MathProblem: Sendable, Hashable {
    /// Position in the file (0-based).
    public var index: Int
    /// The original release's path, e.g. `test/algebra/1.json`; stable across MATH and MATH-500.
    public var uniqueId: String
    /// The problem statement (LaTeX).
    public var problem: String
    /// The worked solution, with the answer in `\boxed{…}`.
    public var solution: String
    /// The subject, e.g. `Algebra` or `Counting & Probability`.
    public var subject: String
    /// The difficulty level 1–5, when the dataset gives one.
    public var level: Int?
    /// The final answer: the dataset's `answer` field when it has one (MATH-500), else the content
    /// of the solution's last `\boxed{…}`; `nil` when neither exists.
    public var answer: String?

    /// Creates a problem.
    public init(
        index: Int, uniqueId: String, problem: String, solution: String, subject: String, level: Int?, answer: String?
    ) {
        self.index = index
        self.uniqueId = uniqueId
        self.problem = problem
        self.solution = solution
        self.subject = subject
        self.level = level
        self.answer = answer
    }
}
