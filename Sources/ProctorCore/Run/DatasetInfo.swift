/// The identity of a dataset, stored with every run that uses it.
public struct DatasetInfo: Sendable, Hashable, Codable {
    /// A name such as `gsm8k/test`.
    public var name: String
    /// The SHA-256 of the file's bytes, in lower-case hex.
    public var sha256: String
    /// How many samples the file holds.
    public var count: Int

    /// Creates a dataset description.
    public init(name: String, sha256: String, count: Int) {
        self.name = name
        self.sha256 = sha256
        self.count = count
    }
}
