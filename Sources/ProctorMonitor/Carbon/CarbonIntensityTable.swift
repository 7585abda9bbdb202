public import Foundation
public import ProctorCore

/// Grams of CO₂e per kWh by country: CodeCarbon's bundled energy-mix data (Our World in Data),
/// keyed by ISO 3166-1 alpha-3 code.
public struct CarbonIntensityTable: Sendable {
    /// One country's figure.
    public struct Country: Sendable, Hashable {
        /// ISO alpha-3 code.
        public var code: String
        /// The country's name.
        public var name: String
        /// g CO₂e per kWh.
        public var gramsPerKWh: Double
        /// The data year.
        public var year: Int?
    }

    /// Countries by code.
    public let countries: [String: Country]

    /// Reads the bundled table.
    ///
    /// - Throws: ``MonitorError`` if the resource is missing or malformed.
    public static func bundled() throws(MonitorError) -> CarbonIntensityTable {
        guard let url = Bundle.module.url(forResource: "global_energy_mix", withExtension: "json", subdirectory: "codecarbon"),
            let data = try? Data(contentsOf: url)
        else {
            throw MonitorError(source: "codecarbon/global_energy_mix.json", reason: "is missing from Proctor's resources", hint: "reinstall Proctor")
        }
        return try CarbonIntensityTable(json: data, path: url.path)
    }

    private struct Row: Decodable {
        var country_name: String
        var carbon_intensity: Double
        var year: Int?
    }

    /// Reads `{"FRA": {"country_name": …, "carbon_intensity": …, "year": …}, …}`.
    public init(json: Data, path: String) throws(MonitorError) {
        do {
            let rows = try JSONDecoder().decode([String: Row].self, from: json)
            countries = Dictionary(
                uniqueKeysWithValues: rows.map { ($0.key, Country(code: $0.key, name: $0.value.country_name, gramsPerKWh: $0.value.carbon_intensity, year: $0.value.year)) })
        } catch {
            throw MonitorError(source: path, reason: "does not decode as CodeCarbon's energy mix: \(error)")
        }
    }

    /// The intensity for `code` (alpha-3, any case).
    ///
    /// - Throws: ``MonitorError`` naming `--country` and listing examples when the code is unknown.
    public func intensity(country code: String) throws(MonitorError) -> CarbonIntensity {
        guard let country = countries[code.uppercased()] else {
            throw MonitorError(
                source: "--country \(code)", reason: "is not an ISO 3166-1 alpha-3 code in CodeCarbon's energy-mix table",
                hint: "use a three-letter code such as FRA, DEU, USA or GBR, or give --carbon-intensity G_PER_KWH")
        }
        let year = country.year.map { " \($0)" } ?? ""
        return CarbonIntensity(
            gramsPerKWh: country.gramsPerKWh,
            source: "\(country.name) (\(country.code)) \(country.gramsPerKWh) g/kWh, Our World in Data\(year) via CodeCarbon",
            countryCode: country.code, countryName: country.name)
    }

    /// The intensity a run uses: `--carbon-intensity` if given, else `--country`, else the world
    /// average, each with its source named.
    public func resolve(gramsPerKWh: Double?, country: String?) throws(MonitorError) -> CarbonIntensity {
        if let gramsPerKWh {
            guard gramsPerKWh >= 0, gramsPerKWh.isFinite else {
                throw MonitorError(source: "--carbon-intensity \(gramsPerKWh)", reason: "must be a non-negative number of g CO₂e per kWh")
            }
            return CarbonIntensity(gramsPerKWh: gramsPerKWh, source: "--carbon-intensity \(gramsPerKWh) g/kWh")
        }
        if let country { return try intensity(country: country) }
        return .worldAverage
    }
}
