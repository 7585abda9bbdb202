import Foundation

/// NVIDIA's management library, loaded at run time with `dlopen`, so that Proctor builds and runs
/// on machines without a GPU and links nothing of NVIDIA's. The functions are the handful
/// CodeCarbon and vLLM read (OBS.md's table).
final class NVMLLibrary: @unchecked Sendable {
    typealias Device = OpaquePointer
    private typealias Init = @convention(c) () -> Int32
    private typealias Count = @convention(c) (UnsafeMutablePointer<UInt32>) -> Int32
    private typealias Handle = @convention(c) (UInt32, UnsafeMutablePointer<Device?>) -> Int32
    private typealias Name = @convention(c) (Device, UnsafeMutablePointer<CChar>, UInt32) -> Int32
    private typealias Power = @convention(c) (Device, UnsafeMutablePointer<UInt32>) -> Int32
    private typealias Energy = @convention(c) (Device, UnsafeMutablePointer<UInt64>) -> Int32
    private typealias Utilization = @convention(c) (Device, UnsafeMutablePointer<UInt32>) -> Int32
    private typealias Memory = @convention(c) (Device, UnsafeMutablePointer<UInt64>) -> Int32

    /// `NVML_SUCCESS`.
    static let success: Int32 = 0

    private let handle: UnsafeMutableRawPointer
    private let shutdownFunction: Init
    private let countFunction: Count
    private let handleFunction: Handle
    private let nameFunction: Name?
    private let powerFunction: Power?
    private let energyFunction: Energy?
    private let utilizationFunction: Utilization?
    private let memoryFunction: Memory?
    /// The path that was loaded.
    let path: String

    /// Loads and initialises the library at `path` (a name the dynamic loader searches for, or a file).
    ///
    /// - Throws: a reason, for the monitor's "no GPU" state.
    init(path: String) throws(MonitorError) {
        guard let handle = dlopen(path, RTLD_NOW | RTLD_LOCAL) else {
            let reason = dlerror().map { String(cString: $0) } ?? "not found"
            throw MonitorError(source: path, reason: "cannot be loaded (\(reason)): no NVIDIA driver library, so no GPU is monitored")
        }
        func symbol<T>(_ name: String, as type: T.Type) -> T? {
            dlsym(handle, name).map { unsafeBitCast($0, to: type) }
        }
        guard let initialise = symbol("nvmlInit_v2", as: Init.self), let shutdown = symbol("nvmlShutdown", as: Init.self),
            let count = symbol("nvmlDeviceGetCount_v2", as: Count.self),
            let byIndex = symbol("nvmlDeviceGetHandleByIndex_v2", as: Handle.self)
        else {
            dlclose(handle)
            throw MonitorError(source: path, reason: "lacks nvmlInit_v2, nvmlDeviceGetCount_v2 or nvmlDeviceGetHandleByIndex_v2")
        }
        let status = initialise()
        guard status == Self.success else {
            dlclose(handle)
            throw MonitorError(source: path, reason: "nvmlInit_v2 failed with NVML error \(status)")
        }
        self.handle = handle
        self.path = path
        shutdownFunction = shutdown
        countFunction = count
        handleFunction = byIndex
        nameFunction = symbol("nvmlDeviceGetName", as: Name.self)
        powerFunction = symbol("nvmlDeviceGetPowerUsage", as: Power.self)
        energyFunction = symbol("nvmlDeviceGetTotalEnergyConsumption", as: Energy.self)
        utilizationFunction = symbol("nvmlDeviceGetUtilizationRates", as: Utilization.self)
        memoryFunction = symbol("nvmlDeviceGetMemoryInfo", as: Memory.self)
    }

    deinit {
        _ = shutdownFunction()
        dlclose(handle)
    }

    /// The devices, by index.
    func devices() -> [Device] {
        var count: UInt32 = 0
        guard countFunction(&count) == Self.success else { return [] }
        return (0..<count).compactMap { index in
            var device: Device?
            return handleFunction(index, &device) == Self.success ? device : nil
        }
    }

    func name(_ device: Device) -> String? {
        guard let nameFunction else { return nil }
        var buffer = [CChar](repeating: 0, count: 96)
        guard nameFunction(device, &buffer, UInt32(buffer.count)) == Self.success else { return nil }
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// Power draw in milliwatts.
    func powerMilliwatts(_ device: Device) -> UInt32? {
        var value: UInt32 = 0
        guard let powerFunction, powerFunction(device, &value) == Self.success else { return nil }
        return value
    }

    /// Millijoules since the driver loaded (Volta and newer); `nil` where unsupported.
    func energyMillijoules(_ device: Device) -> UInt64? {
        var value: UInt64 = 0
        guard let energyFunction, energyFunction(device, &value) == Self.success else { return nil }
        return value
    }

    /// `(gpu, memory)` busy percentages.
    func utilization(_ device: Device) -> (gpu: UInt32, memory: UInt32)? {
        var value: [UInt32] = [0, 0]
        guard let utilizationFunction, utilizationFunction(device, &value) == Self.success else { return nil }
        return (value[0], value[1])
    }

    /// `(total, free, used)` bytes.
    func memory(_ device: Device) -> (total: UInt64, used: UInt64)? {
        var value: [UInt64] = [0, 0, 0]
        guard let memoryFunction, memoryFunction(device, &value) == Self.success else { return nil }
        return (value[0], value[2])
    }
}
