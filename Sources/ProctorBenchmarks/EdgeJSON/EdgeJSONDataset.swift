public import Foundation
public import ProctorCore

/// EdgeJSON v3's 158 test rows and their 25 JSON Schemas (Apache-2.0, CycleCore), bundled with
/// Proctor and digest checked. Lines are read with ``JSONValueParser``, so `1` and `1.0` in an
/// expected object stay as Python reads them.
public enum EdgeJSONDataset {
    /// One test row.
    public struct Row: Sendable, Hashable {
        /// The row's `id`.
        public var id: String
        /// The schema's file name without `.json`.
        public var schemaId: String
        /// `schema_name` where the row has one, else `schema_id` (EdgeJSON's by-schema key).
        public var schemaName: String
        /// `simple`, `medium` or `complex`; `nil` for the 20 rows without one.
        public var complexity: String?
        /// The text to extract from.
        public var prompt: String
        /// The gold object.
        public var expected: JSONValue
    }

    /// SHA-256 of `edgejson/edgejson_test_v3.jsonl`.
    public static let testSHA256 = "39ce24e2c72e1864d759e53ad856a554bab724e808f9b9a957c6388c1875cd30"

    /// Every bundled schema: folder, name and SHA-256, as the data's SOURCES records them.
    static let schemaFiles: [(folder: String, name: String, sha256: String)] = [
        ("complex", "ecommerce_analytics", "5a87c2f0d30b9e41706c93b951107a09f3f7a4cebfb01496a5ea1187bd78ea2d"),
        ("complex", "iot_device_network", "f6f7a941152e7ad25273e65733d233a367fc942455769cb5fa0aa790fb6b2a9b"),
        ("complex", "medical_encounter", "a5263a419320a55972332ca70b47b898b96813edabca7d8a3a23189e22a3c762"),
        ("complex", "multi_party_transaction", "0f56dc1882732000a689e1b1fe56a94ec6d38c78224d8f3a1c7180fbe567b0de"),
        ("complex", "nested_organization", "017e1bd3ef79a705cdb9b695a36202628b40ced95f32b6521b876f2d7e462997"),
        ("medium", "api_response", "319566187bd3aaaa47dcf30e4935d26be208eb3fa77f468f45a2de3ea09d2212"),
        ("medium", "email_metadata", "89a9a7e965f6d8dcdfe56406a7c180a913b7c4a86adb21deddc08b445835db56"),
        ("medium", "event_registration", "1b1786eb8c1772c4d9593a79a24903da772f1bbe8a5dbd92b40a32451f83c9d1"),
        ("medium", "invoice", "26f6a92fbb152f19ca5f369328a1d9b8f23ce86fc9547600fe536c11a2695b60"),
        ("medium", "medical_record", "9b9d2073b18f7ffe43957afdee455c1577ef3c0df8abb0d595117408b2d13022"),
        ("medium", "meeting_notes", "6b35c35c801edc631c503627734aaebabd5b007cc7945c3e195d1febbf1392d6"),
        ("medium", "order_details", "8e1cf696e32622d71e29eb1773d0a0a61ed69e7831910561bf63792689f4a98c"),
        ("medium", "shopping_cart", "79edbad156667844f7595a31b7b3bc0699c0f6e7f96044ac2b50db46f4deba7f"),
        ("medium", "support_ticket", "f4ea2c9fc999a770d2a7f7cfdf24fe1604a3a91a786297729e23471dace02437"),
        ("medium", "transaction_record", "38e69fecba797bc7cee0625c2f1695e05f0ba6bbbcf1d6c079fdea17145b64dc"),
        ("simple", "contact_info", "d4a5bcf64f2f267fd09c4ddfd810625e7b98ab574b2eb01a0a0f90a79a929336"),
        ("simple", "location", "60963fa3b1aeddf7caff00d1b1b1307fda92aaafd2fa368b0329970583ec843a"),
        ("simple", "log_entry", "f4f56122ac409d687cbc4aed204ceab5496023e9c0ababbf58a7344413349e18"),
        ("simple", "notification", "8e576728d83d8cb5537e92eadb45acc4209faf0af5f3f4480cd8e952a669be03"),
        ("simple", "product_info", "a130a8ef65464c76107e2f8cf17e299436684d8a05490ca48ed0690011769666"),
        ("simple", "rating", "44ebc30411c5874e499835a90a11b04e203a86a45d1a3049d13b91441d2827fc"),
        ("simple", "sensor_reading", "4a32b71745451787ca181719793f127dfbc0f99646e74bf578617642f603e7f3"),
        ("simple", "simple_config", "59ea9f2182b0e4201c9fa581d7c0f9c00332b76e9ce4bbca51bcf616242acb18"),
        ("simple", "tag_list", "0c6db28923516c61bd363d275f55c64ab21d2b9fa95fce794592eaca7bc588ce"),
        ("simple", "user_profile", "36dd6937642265d1ff61d1639ba1e660c7855dfbc54c1ddd8f318f6136b7c0a8"),
    ]

    /// Loads the test rows and the schemas (by schema id, as text and parsed).
    public static func load() throws(DatasetError) -> (
        rows: [Row], schemas: [String: (text: String, value: JSONValue)], info: DatasetInfo
    ) {
        let file = try BundledFile.load(subdirectory: "edgejson", name: "edgejson_test_v3.jsonl", expectedSHA256: testSHA256)
        let rows = try parse(file.data, file: file.displayPath)
        var schemas: [String: (text: String, value: JSONValue)] = [:]
        for schema in schemaFiles {
            let bundled = try BundledFile.load(
                subdirectory: "edgejson/schemas/\(schema.folder)", name: "\(schema.name).json", expectedSHA256: schema.sha256)
            let text = String(decoding: bundled.data, as: UTF8.self)
            guard let value = JSONValueParser.parse(text) else {
                throw DatasetError(file: bundled.displayPath, message: "not valid JSON")
            }
            schemas[schema.name] = (text, value)
        }
        return (rows, schemas, DatasetInfo(name: "edgejson/test_v3", sha256: file.sha256, count: rows.count))
    }

    /// Parses EdgeJSON rows (`id`, `schema_id`, `prompt`, `expected_output`, optional
    /// `complexity` and `schema_name`), naming file, line and field on error.
    public static func parse(_ data: Data, file: String) throws(DatasetError) -> [Row] {
        var rows: [Row] = []
        for (offset, line) in String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
            .enumerated()
        {
            guard !line.allSatisfy(\.isWhitespace) else { continue }
            let number = offset + 1
            guard case .object(let object) = JSONValueParser.parse(String(line)) else {
                throw DatasetError(file: file, line: number, message: "not a JSON object")
            }
            func text(_ field: String) throws(DatasetError) -> String {
                guard case .string(let value) = object[field] else {
                    throw DatasetError(file: file, line: number, field: field, message: "missing or not a string")
                }
                return value
            }
            guard let expected = object["expected_output"], case .object = expected else {
                throw DatasetError(file: file, line: number, field: "expected_output", message: "missing or not an object")
            }
            let schemaId = try text("schema_id")
            var complexity: String?
            if case .string(let value) = object["complexity"] { complexity = value }
            var schemaName = schemaId
            if case .string(let value) = object["schema_name"] { schemaName = value }
            rows.append(
                Row(
                    id: try text("id"), schemaId: schemaId, schemaName: schemaName, complexity: complexity,
                    prompt: try text("prompt"), expected: expected))
        }
        return rows
    }
}
