/// What `proctor eval --data FILE.jsonl` was asked to do; stored with the run so that it can be
/// resumed.
public struct JSONLTaskDefinition: Codable, Sendable, Hashable {
    /// The JSONL file.
    public var path: String
    /// The field holding each prompt.
    public var promptField: String
    /// The field holding each reference answer, if there are references.
    public var labelField: String?
    /// A system message sent before every prompt.
    public var system: String?
    /// The scorer, as ``TaskScorer/spec``.
    public var scorer: String
    /// With the `json` scorer: a JSON Schema file every answer is validated against.
    public var schema: String?
    /// With a judge scorer: the field holding each question's context, if any.
    public var contextField: String?
    /// With `judge:rubric`: a file whose text replaces the built-in rubric instructions.
    public var rubric: String?

    /// Creates a definition.
    public init(
        path: String, promptField: String, labelField: String?, system: String?, scorer: String, schema: String? = nil,
        contextField: String? = nil, rubric: String? = nil
    ) {
        self.schema = schema
        self.contextField = contextField
        self.rubric = rubric
        self.path = path
        self.promptField = promptField
        self.labelField = labelField
        self.system = system
        self.scorer = scorer
    }
}
