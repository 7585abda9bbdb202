import CLibFuzzer
import Foundation
import ProctorFuzzTargets

/// `proctor-fuzz`: Proctor's parsers under libFuzzer, and the tools around it.
///
/// - `proctor-fuzz list`: the targets.
/// - `proctor-fuzz seeds TARGET DIR`: writes the target's seed inputs into DIR.
/// - `proctor-fuzz replay TARGET FILE…`: runs inputs (a crash, a corpus) without libFuzzer.
/// - `PROCTOR_FUZZ_TARGET=TARGET proctor-fuzz [libFuzzer flags] CORPUS…`: fuzzes, in the build
///   `scripts/fuzz.sh` makes (others refuse).
@main
struct ProctorFuzz {
    static func main() {
        let arguments = Array(CommandLine.arguments.dropFirst())
        if let target = ProcessInfo.processInfo.environment["PROCTOR_FUZZ_TARGET"] {
            fuzz(target)
        }
        switch arguments.first {
        case "list":
            for target in FuzzTarget.all { print("\(target.name)\t\(target.summary)") }
        case "seeds" where arguments.count == 3:
            writeSeeds(target(arguments[1]), into: arguments[2])
        case "replay" where arguments.count >= 3:
            replay(target(arguments[1]), files: Array(arguments.dropFirst(2)))
        default:
            fail("usage: proctor-fuzz list | seeds TARGET DIR | replay TARGET FILE…; PROCTOR_FUZZ_TARGET=TARGET proctor-fuzz CORPUS… fuzzes")
        }
    }

    private static func target(_ name: String) -> FuzzTarget {
        guard let target = FuzzTarget.named(name) else {
            fail("no fuzz target \"\(name)\"; `proctor-fuzz list` names them")
        }
        return target
    }

    private static func writeSeeds(_ target: FuzzTarget, into directory: String) {
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            for (index, seed) in target.seeds().enumerated() {
                try seed.write(to: URL(fileURLWithPath: directory).appendingPathComponent(String(format: "seed-%04d", index)))
            }
        } catch {
            fail("cannot write seeds into \(directory): \(error.localizedDescription)")
        }
    }

    private static func replay(_ target: FuzzTarget, files: [String]) {
        var failures = 0
        for file in files {
            guard let input = FileManager.default.contents(atPath: file) else { fail("cannot read \(file)") }
            let broken = target.check(input)
            for promise in broken { print("\(file): \(promise)") }
            failures += broken.isEmpty ? 0 : 1
        }
        print("\(files.count) inputs, \(failures) broke a property")
        exit(failures == 0 ? 0 : 1)
    }

    private static func fuzz(_ name: String) -> Never {
        #if PROCTOR_FUZZING
        FuzzEntry.target = target(name)
        var argc = CommandLine.argc
        var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
        exit(LLVMFuzzerRunDriver(&argc, &argv) { data, size in
            let input = data.map { Data(bytes: $0, count: size) } ?? Data()
            let broken = FuzzEntry.target?.check(input) ?? []
            if !broken.isEmpty { fatalError("\(FuzzEntry.target?.name ?? "?"): \(broken.joined(separator: "; "))") }
            return 0
        })
        #else
        fail("this proctor-fuzz was built without libFuzzer; scripts/fuzz.sh builds one that fuzzes \(name)")
        #endif
    }

    private static func fail(_ message: String) -> Never {
        FileHandle.standardError.write(Data("proctor-fuzz: \(message)\n".utf8))
        exit(2)
    }
}

#if PROCTOR_FUZZING
/// The target libFuzzer's C callback runs, set once before the driver starts.
enum FuzzEntry {
    nonisolated(unsafe) static var target: FuzzTarget?
}
#endif
