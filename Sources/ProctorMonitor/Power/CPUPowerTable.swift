import Foundation
public import ProctorCore

/// CodeCarbon's table of CPU models and their TDP (bundled `cpu_power.csv`), matched the way
/// CodeCarbon matches: the exact name ignoring case; then the name without `(R)`, ` CPU @ …`,
/// ` CPU` and `@ N.NNGHz`; then a unique model whose words contain all of the name's words or
/// the other way round. A machine whose model is not found counts threads × 4 W, as CodeCarbon does.
public struct CPUPowerTable: Sendable {
    /// Rows as (name, TDP watts).
    public let rows: [(name: String, watts: Double)]
    /// Rows whose TDP is not a number (CodeCarbon 3.3.2's table has four old Celerons with values
    /// like `27.29.5`); skipped, as CodeCarbon would fail on them too if they ever matched.
    public let skippedRows: [Int]

    /// Watts per thread when the model is not in the table.
    public static let wattsPerThread = 4.0

    /// Reads the bundled table.
    ///
    /// - Throws: ``MonitorError`` if the resource is missing or malformed.
    public static func bundled() throws(MonitorError) -> CPUPowerTable {
        guard let url = Bundle.module.url(forResource: "cpu_power", withExtension: "csv", subdirectory: "codecarbon"),
            let data = try? Data(contentsOf: url)
        else {
            throw MonitorError(source: "codecarbon/cpu_power.csv", reason: "is missing from Proctor's resources", hint: "reinstall Proctor")
        }
        return try CPUPowerTable(csv: String(decoding: data, as: UTF8.self), path: url.path)
    }

    /// Reads `Name,TDP` rows.
    ///
    /// - Throws: ``MonitorError`` naming the file and line of a row without a comma.
    public init(csv: String, path: String) throws(MonitorError) {
        var rows: [(String, Double)] = []
        var skipped: [Int] = []
        for (number, line) in csv.split(separator: "\n", omittingEmptySubsequences: false).enumerated().dropFirst() where !line.isEmpty {
            guard let comma = line.lastIndex(of: ",") else {
                throw MonitorError(source: "\(path):\(number + 1)", reason: "is not a `Name,TDP` row: \(line)")
            }
            guard let watts = Double(line[line.index(after: comma)...].trimmingCharacters(in: .whitespaces)) else {
                skipped.append(number + 1)
                continue
            }
            rows.append((String(line[..<comma]), watts))
        }
        self.rows = rows
        skippedRows = skipped
    }

    /// The rating for `model` on a machine with `threads` logical CPUs and `sockets` packages.
    public func rating(model: String, threads: Int, sockets: Int = 1) -> CPUPowerRating {
        if let (name, watts) = match(model) {
            return CPUPowerRating(watts: watts * Double(max(sockets, 1)), source: "CodeCarbon table: \(name)")
        }
        return CPUPowerRating(
            watts: Double(threads) * Self.wattsPerThread,
            source: "\"\(model)\" is not in CodeCarbon's table: \(threads) threads × 4 W")
    }

    /// The table row for `model`, or `nil` when none matches or several match equally.
    public func match(_ model: String) -> (name: String, watts: Double)? {
        if let exact = rows.first(where: { $0.name.lowercased() == model.lowercased() }) { return exact }
        let cleaned = Self.clean(model)
        if let exact = rows.first(where: { $0.name.lowercased() == cleaned.lowercased() }) { return exact }
        let words = Self.words(cleaned)
        guard !words.isEmpty else { return nil }
        let candidates = rows.filter { row in
            let rowWords = Self.words(row.name)
            return !rowWords.isEmpty && (words.isSubset(of: rowWords) || rowWords.isSubset(of: words))
        }
        return candidates.count == 1 ? candidates[0] : nil
    }

    static func clean(_ model: String) -> String {
        var text = model.replacingOccurrences(of: "(R)", with: "")
        if let range = text.range(of: " CPU @ "), range.lowerBound > text.startIndex { text = String(text[..<range.lowerBound]) }
        text = text.replacingOccurrences(of: " CPU", with: "")
        return text.replacingOccurrences(of: #" @\s*\d+\.\d+GHz"#, with: "", options: .regularExpression)
    }

    /// rapidfuzz's default processing: lower case, anything not a letter or digit is a space.
    static func words(_ text: String) -> Set<String> {
        let mapped = text.lowercased().map { $0.isLetter || $0.isNumber ? $0 : " " }
        return Set(String(mapped).split(separator: " ").map(String.init))
    }
}
