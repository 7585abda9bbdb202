import Foundation
import ProctorCore
import Testing

/// Fine-tuning runs stored by earlier releases still read.
@Suite("Finetune specification")
struct FinetuneSpecificationTests {
    @Test("a finetune run stored before held-out losses and served adapters were recorded decodes, with neither")
    func earlierLayout() throws {
        let stored = """
            {"finetune":{"base":"local","baseSHA256":"ab","data":{"heldOutExamples":4,"overlapCheck":"not checked",\
            "sha256":"cd","source":"gsm8k:train","trainExamples":20},"hyperparameters":{"alpha":32,"batchSize":2,\
            "learningRate":0.0002,"maxLength":128,"rank":16,"seed":1234,"steps":2,"threads":1},"losses":[{"loss":1.5,\
            "seconds":9,"step":1}],"method":"lora","name":"n","trainerVersions":{"peft":"0.21.2"}},"version":1}
            """
        let specification = try RunSpecification.decode(Data(stored.utf8), runId: "r1", kind: .finetune)
        guard case .finetune(let finetune) = specification else {
            Issue.record("not a finetune specification")
            return
        }
        #expect(finetune.losses == [TrainingStep(step: 1, loss: 1.5, seconds: 9)])
        #expect(finetune.heldOutLosses == nil)
        #expect(finetune.servedAdapter == nil)
        #expect(try RunSpecification.decode(try specification.encoded(), runId: "r1", kind: .finetune) == specification)
    }
}
