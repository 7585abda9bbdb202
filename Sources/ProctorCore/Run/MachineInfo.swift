/// The machine a run happens on, as stored with the run.
public struct MachineInfo: Sendable, Hashable, Codable {
    /// Host name.
    public var host: String
    /// Operating system name and version, with the kernel release.
    public var os: String
    /// CPU model and logical core count.
    public var cpu: String

    /// Creates a description.
    public init(host: String, os: String, cpu: String) {
        self.host = host
        self.os = os
        self.cpu = cpu
    }
}
