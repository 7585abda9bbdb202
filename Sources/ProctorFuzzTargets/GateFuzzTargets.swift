import Foundation
import ProctorClient
import ProctorReport

extension FuzzTarget {
    /// A gate file: read, or refused with an error naming the file; every threshold it holds
    /// parses again from its own text.
    static let gates = FuzzTarget(name: "gates", summary: "a gate file (YAML thresholds and the k6-style grammar)") {
        GateSeeds.files.map { Data($0.utf8) }
    } property: { data in
        let text = FuzzInput.text(data)
        _ = try? GateExpression(parsing: text)
        _ = try? GateSelector(parsing: text)
        let file: GateFile
        do throws(GateFileError) {
            file = try GateFile(yaml: text, file: "fuzz.yaml")
        } catch {
            return error.file == "fuzz.yaml" ? [] : ["a refusal naming \(error.file), not the file it read"]
        }
        var broken: [String] = []
        for threshold in file.thresholds {
            do {
                let again = try GateExpression(parsing: threshold.expression.text)
                if again != threshold.expression { broken.append("\(threshold.expression.text.debugDescription) parsed differently the second time") }
            } catch {
                broken.append("the threshold \(threshold.expression.text.debugDescription) no longer parses: \(error)")
            }
        }
        return broken
    }

    /// A `proctor.yaml`: its endpoints, or an error that names the file.
    static let config = FuzzTarget(name: "config", summary: "a proctor.yaml endpoint file") {
        GateSeeds.configs.map { Data($0.utf8) }
    } property: { data in
        do throws(EndpointError) {
            _ = try EndpointConfigFile.parse(data, path: "fuzz/proctor.yaml")
            return []
        } catch {
            return error.message.contains("fuzz/proctor.yaml") ? [] : ["a refusal that does not name the file: \(error.message)"]
        }
    }
}

/// Gate and config files from the tests and the README.
enum GateSeeds {
    static let files = [
        """
        defaults: {alpha: 0.05, min_samples: 10, on_inconclusive: warn, holm: true, iterations: 2000, seed: 7}
        thresholds:
          accuracy{extractor:strict-match}: ["rate >= 0.6", "count == 9"]
          accuracy{vs:baseline}: ["delta >= -0.02 significant"]
          errors: ["rate < 0.05", "count <= 1"]
          e2el: ["p(50) < 300ms", "max < 205ms", "p(99) <= baseline * 1.10 + 20ms"]
          energy_per_correct: [{threshold: "value < 2J", severity: warn}]
          saturation: ["value >= 4"]
          cost: ["value <= 0.5$"]
        """,
        "thresholds:\n  ttft{level:3}: [\"p(95) < 1.5s\", \"mean < 900us\"]\n  judge_score: [\"mean >= 7.5\"]\n",
        "thresholds: []\n",
        "defaults: {alpha: 2}\n",
        "- not a mapping",
        "thresholds:\n  accuracy: [\"rate >=\"]\n",
    ]

    static let configs = [
        """
        models:
          qwen:
            url: http://gpu:8000/v1
            model: Qwen/Qwen2.5-0.5B-Instruct
            api_key_env: QWEN_KEY
            headers: {X-Team: evals}
            prices: {input_per_million: 0.15, output_per_million: 0.6}
          local: {url: "http://127.0.0.1:8080/v1", model: smollm}
        """,
        "models:\n  a:\n    model: m\n",
        "models:\n  a:\n    url: ftp://h\n    model: m\n    prices: {input_per_million: -1}\n",
        "models: 7\n",
        "",
    ]
}
