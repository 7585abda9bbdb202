import Foundation
import ProctorFuzzTargets
import Testing

/// Every fuzz target keeps its properties on its seeds and on every input that once broke it.
@Suite("Fuzz targets")
struct FuzzTargetTests {
    static let names = FuzzTarget.all.map(\.name)

    @Test("each target's seeds keep its properties", arguments: names)
    func seedsHold(_ name: String) throws {
        let target = try #require(FuzzTarget.named(name))
        let seeds = target.seeds()
        #expect(seeds.count >= 4, "\(name) has \(seeds.count) seeds")
        for seed in seeds {
            let broken = target.check(seed)
            #expect(broken.isEmpty, "\(name) on \(String(decoding: seed.prefix(120), as: UTF8.self).debugDescription): \(broken)")
        }
    }

    @Test("each input that once broke a target keeps its properties now", arguments: names)
    func regressionsHold(_ name: String) throws {
        let target = try #require(FuzzTarget.named(name))
        for file in Self.regressions(name) {
            let input = try Data(contentsOf: file)
            #expect(target.check(input).isEmpty, "\(name)/\(file.lastPathComponent): \(target.check(input))")
        }
    }

    @Test func targetNamesAreUniqueAndFoldersMatchThem() throws {
        #expect(Set(Self.names).count == Self.names.count)
        let root = try #require(Bundle.module.url(forResource: "Regressions", withExtension: nil))
        let folders = try FileManager.default.contentsOfDirectory(atPath: root.path).filter { $0 != "README.md" }
        #expect(Set(folders).isSubset(of: Set(Self.names)), "\(folders)")
    }

    static func regressions(_ name: String) -> [URL] {
        guard let folder = Bundle.module.url(forResource: "Regressions/\(name)", withExtension: nil),
            let files = try? FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)
        else { return [] }
        return files.sorted { $0.lastPathComponent < $1.lastPathComponent }
    }
}
