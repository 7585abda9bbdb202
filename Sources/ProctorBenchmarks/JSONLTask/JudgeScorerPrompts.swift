public import ProctorCore

/// The judge prompts of `--scorer judge:rubric` and `judge:grade` for any JSONL task.
///
/// `judge:rubric` is Proctor's rubric judge: instructions and 1–5 anchors for correctness,
/// completeness and format in the system message (or a `--rubric` file's text instead), the data
/// in inspect/OpenAI-style blocks, brief reasoning first and one final JSON object
/// `{"correctness":…,"completeness":…,"format":…,"reason":…}`. `judge:grade` is inspect's
/// `model_graded_fact` template with its default C/I instructions.
public enum JudgeScorerPrompts {
    /// The rubric's criteria, in order.
    public static let rubricCriteria = ["correctness", "completeness", "format"]

    /// The built-in rubric instructions.
    public static let defaultRubric = """
        You are grading an AI assistant's answer to a question, against a reference answer written by an expert. Score three criteria, each an integer from 1 to 5:
        - correctness: 1 = wrong or contradicts the reference; 3 = partly right, with a material error or omission; 5 = fully consistent with the reference.
        - completeness: 1 = misses most of what the reference covers; 3 = covers the main point but leaves out important parts; 5 = covers everything the question asks for.
        - format: 1 = hard to use (rambling, wrong form, or ignores requested structure); 3 = usable but untidy; 5 = clear, direct and in the form the question asks for.
        Judge only the submission's content; ignore differences of style that do not change the meaning. First give your reasoning in a few sentences, then end with one JSON object on the last line:
        {"correctness": <1-5>, "completeness": <1-5>, "format": <1-5>, "reason": "<one sentence>"}
        """

    /// The rubric request: `rubric` as the system message, the data blocks as the user message.
    public static func rubric(question: String, context: String?, reference: String, submission: String, rubric: String)
        -> [ChatMessage]
    {
        var data = "[BEGIN DATA]\n***\n[Question]: \(question)\n***\n"
        if let context, !context.isEmpty { data += "[Context]: \(context)\n***\n" }
        if !reference.isEmpty { data += "[Reference]: \(reference)\n***\n" }
        data += "[Submission]: \(submission)\n***\n[END DATA]\n\nGrade the submission as instructed, ending with the JSON object."
        return [ChatMessage(role: .system, content: rubric), ChatMessage(role: .user, content: data)]
    }

    /// inspect's `model_graded_fact` request, with its default C/I instructions.
    public static func grade(question: String, reference: String, submission: String) -> [ChatMessage] {
        let prompt = """
            You are comparing a submitted answer to an expert answer on a given question. Here is the data:

            [BEGIN DATA]
            ************
            [Question]: \(question)
            ************
            [Expert]: \(reference)
            ************
            [Submission]: \(submission)
            ************
            [END DATA]

            Compare the factual content of the submitted answer with the expert answer. Ignore any differences in style, grammar, or punctuation.

            Does the submission contain the content in the expert answer?

            After assessing the submitted answer, reply with 'GRADE: $LETTER' (without quotes) where LETTER is one of CI.  Please choose ONE option for the grade: either "C" for correct answers, or "I" for incorrect answers.

            For example, after reviewing a correct answer you might write 'GRADE: C' or after reviewing an incorrect answer you might write 'GRADE: I'.

            First, write out in a step by step manner your reasoning about the criterion to be sure that your conclusion is correct. Avoid simply stating the correct answers at the outset. Then, end with your answer formatted as 'GRADE: $LETTER' (without quotes) where LETTER is one of CI.
            """
        return [ChatMessage(role: .user, content: prompt)]
    }
}
