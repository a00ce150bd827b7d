import Foundation
import OrgHealthKit

/// Checks a config against what the analyzers declare, once they are all known (built-in and
/// external): every option under `analyzers.<id>` must be one the analyzer declares (or a
/// host key: `enabled`, `timeoutSeconds`), and every kind under `sources:` must be one some
/// analyzer reads. A typo is otherwise silently ignored: the option falls back to its
/// default, the source is never read.
///
/// Unknown options of built-in analyzers are ``ConfigError``s with the line and a "did you
/// mean" suggestion, and so are unknown source kinds close to a kind some analyzer reads (a
/// typo). Undeclared options of external analyzers are warnings (an analyzer written before
/// declarations existed declares none), and so are source kinds far from every kind read (the
/// input of an external analyzer not loaded this run).
public struct ConfigurationCheck: Sendable {
    /// The analyzers, with their origin (`built-in` or a path).
    public var registry: AnalyzerRegistry

    /// Creates the check.
    public init(registry: AnalyzerRegistry) { self.registry = registry }

    /// Checks the config text; returns the warnings, throws the first error.
    public func check(_ text: String, file: URL) throws(ConfigError) -> [Diagnostic] {
        try check(ConfigDocument(text: text, file: file))
    }

    /// Checks an already parsed config; returns the warnings, throws the first error.
    public func check(_ document: ConfigDocument) throws(ConfigError) -> [Diagnostic] {
        let file = document.file
        guard case .mapping(let top, _) = document.root else { return [] }
        var warnings: [Diagnostic] = []
        let descriptors = Dictionary(
            registry.entries.map { ($0.analyzer.descriptor.id, ($0.analyzer.descriptor, $0.origin)) },
            uniquingKeysWith: { first, _ in first })

        if let sources = top.first(where: { $0.key == "sources" }), case .mapping(let kinds, _) = sources.value {
            let declared = Set(registry.entries.flatMap { $0.analyzer.descriptor.inputs.map(\.kind.rawValue) })
            for kind in kinds where !declared.contains(where: { InputKind(rawValue: $0).covers(InputKind(rawValue: kind.key)) }) {
                let suggestion = Self.suggestion(for: kind.key, among: declared)
                let message = "no analyzer reads this source kind\(suggestion); "
                    + "the kinds read are \(declared.sorted().joined(separator: ", "))"
                // Close to a kind an analyzer reads: a typo, and that analyzer would silently
                // not run. Far from every kind: the input of an external analyzer that is not
                // loaded this time (the sample's `exits:`), worth a warning only.
                guard suggestion.isEmpty else {
                    throw ConfigError(file: file.path, line: kind.keyLine, key: "sources.\(kind.key)", message: message)
                }
                warnings.append(Diagnostic(
                    severity: .warning, source: file.lastPathComponent, line: kind.keyLine,
                    message: "sources.\(kind.key): \(message); it is not read (load the analyzer that reads it with --plugin)"))
            }
        }

        if let analyzers = top.first(where: { $0.key == "analyzers" }), case .mapping(let sections, _) = analyzers.value {
            for section in sections {
                guard let (descriptor, origin) = descriptors[section.key], case .mapping(let options, _) = section.value
                else { continue }
                guard let declarations = descriptor.options else { continue }
                let names = Set(declarations.map(\.name)).union(AnalyzerOptionDeclaration.hostKeys)
                for option in options where !names.contains(option.key) {
                    let key = "analyzers.\(section.key).\(option.key)"
                    let message = "\(descriptor.name) has no option '\(option.key)'"
                        + Self.suggestion(for: option.key, among: names)
                        + "; its options are \(names.sorted().joined(separator: ", "))"
                    if origin == "built-in" {
                        throw ConfigError(file: file.path, line: option.keyLine, key: key, message: message)
                    }
                    warnings.append(Diagnostic(
                        severity: .warning, source: file.lastPathComponent, line: option.keyLine, message: "\(key): \(message)"))
                }
            }
        }
        return warnings
    }

    /// `; did you mean 'x'?` for the closest name, or nothing when none is close.
    static func suggestion(for name: String, among names: Set<String>) -> String {
        let lower = name.lowercased()
        let scored = names.map { candidate -> (String, Int) in
            let other = candidate.lowercased()
            if other.hasPrefix(lower) || lower.hasPrefix(other) { return (candidate, 0) }
            // A shared start of five letters or more (`reviews` for `review-cycles`) is a near miss.
            let shared = zip(lower, other).prefix { $0 == $1 }.count
            if shared >= 5 { return (candidate, 1) }
            return (candidate, editDistance(Array(lower), Array(other)))
        }
        guard let best = scored.min(by: { ($0.1, $0.0) < ($1.1, $1.0) }),
              best.1 <= max(2, name.count / 3) else { return "" }
        return "; did you mean '\(best.0)'?"
    }

    /// Levenshtein distance.
    static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
        guard !a.isEmpty else { return b.count }
        guard !b.isEmpty else { return a.count }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }
}
