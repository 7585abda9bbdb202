/// The judge prompts for MathChat's error analysis and problem generation. The criteria and the
/// 1–5 guidelines follow the prompts of a third-party re-implementation whose criteria match the
/// paper's IF / ED / SA / PQ (the authors published none); as Proctor proposes, the judge is asked
/// for the three scores separately, as integers in one final JSON object, instead of their sum.
enum MathChatJudgePrompts {
    static let errorAnalysisCriteria = ["instruction_following", "error_diagnosis", "solution_accuracy"]
    static let problemGenerationCriteria = ["instruction_following", "problem_quality", "solution_accuracy"]

    static func errorAnalysis(question: String, reference: String, wrongAttempt: String, prediction: String) -> String {
        """
        Evaluate the large language model's ability to identify and correct errors in an attempted solution to a math word problem. The evaluation focuses on the model's comprehension, analytical reasoning, and problem-solving capabilities within the context of mathematical problem-solving. Use the following criteria for scoring:
        1. Understanding and Instruction Adherence: Assess how well the AI model understands the given task and follows the instructions. Consider whether the AI model accurately grasps the context and objectives of the task.
        2. Identification of the Wrong Attempt: Evaluate the AI model's capability to identify and generate a reasonable and correct analysis of the wrong attempt. Assess the depth and accuracy of the analysis.
        3. Correction of the Wrong Solution: Measure the effectiveness of the AI model in correcting the previously wrong solution into a correct one. This not only involves providing the correct answer but also explaining the correct approach to solving the problem, ensuring the explanation is mathematically sound and logically structured.
        Scoring Guidelines (1-5 points):
        1 point: The model shows very poor understanding and adherence to instructions, provides incorrect or irrelevant analysis of the wrong attempt, and fails to correct the solution or makes it worse.
        2 points: The model demonstrates limited understanding and partial adherence to instructions, offers an inaccurate or shallow analysis of the wrong attempt, and corrects the solution with significant errors or misunderstandings.
        3 points: The model shows fair understanding and adherence to instructions, provides a moderately accurate analysis of the wrong attempt with some correct elements, and corrects the solution with noticeable errors or logical flaws.
        4 points: The model demonstrates good understanding and adherence to instructions, offers a well-reasoned and mostly accurate analysis of the wrong attempt, and corrects the solution effectively with minor mistakes or areas for improvement.
        5 points: The model exhibits excellent understanding and strict adherence to instructions, provides a detailed and accurate analysis of the wrong attempt, and corrects the solution perfectly with a clear, logical, and mathematically sound explanation.

        Problem: \(question)
        Correct Solution: \(reference)
        User's Attempt (Wrong Solution): \(wrongAttempt)
        Model's Analysis and Correction: \(prediction)

        For each of the three aspects, provide a score along with a concise rationale for each score. Explain how the AI model's performance aligns with the evaluation criteria and contributes to effectively identifying, analyzing, and correcting the mathematical error.

        Finally, output the three scores, each an integer from 1 to 5, as one JSON object on the last line:
        {"instruction_following": <1-5>, "error_diagnosis": <1-5>, "solution_accuracy": <1-5>, "rationale": "<one sentence>"}
        """
    }

    static func problemGeneration(seedProblem: String, seedSolution: String, reference: String, prediction: String) -> String {
        """
        Evaluate the large language model's ability to create a new math problem, with its solution, from a given seed problem. Use the following criteria for scoring:
        1. Understanding and Instruction Adherence: Assess whether the AI model fully grasps the task and adheres to the instructions given. Consider how well the generated problem aligns with the seed problem's topic or mathematical principles.
        2. Problem Relevance and Quality: Evaluate the relevance and quality of the generated problem. Determine if it explores the same topic more deeply or applies the same mathematical principles in a different context, while also assessing the problem's complexity and ingenuity.
        3. Solution Accuracy: Check the correctness of the solution provided for the generated problem. Ensure the solution is logically sound, mathematically accurate, and effectively solves the problem.
        Scoring Guidelines (1-5 points):
        1 point: The model does not understand the task, generates an unrelated problem, and provides an incorrect or irrelevant solution.
        2 points: The model shows limited understanding of the task, creates a problem somewhat related to the seed problem, but the solution has significant errors or is partially irrelevant.
        3 points: The model shows moderate understanding, generates a problem that is relevant and has quality, and provides a solution that is mostly correct with some errors or inconsistencies.
        4 points: The model shows good understanding, creates a relevant and well-constructed problem, and provides a solution that is largely correct with minor mistakes.
        5 points: The model shows excellent understanding of the task, generates a highly relevant and challenging problem, and provides a perfectly accurate and comprehensive solution.

        Seed Problem: \(seedProblem)
        Seed Solution: \(seedSolution)
        Reference (Example): \(reference)
        Model's Generated Problem and Solution: \(prediction)

        When scoring, consider the overall effectiveness of the generated problem and its solution. Provide a score for each criterion, and a rationale for each score.

        Finally, output the three scores, each an integer from 1 to 5, as one JSON object on the last line:
        {"instruction_following": <1-5>, "problem_quality": <1-5>, "solution_accuracy": <1-5>, "rationale": "<one sentence>"}
        """
    }
}
