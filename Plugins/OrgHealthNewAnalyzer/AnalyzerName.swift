/// The names one analyzer goes by: `ExitInterviews` gives the type `ExitInterviewsAnalyzer`
/// (also its module), the id and input kind `exit-interviews`, and the executable
/// `orghealth-analyzer-exit-interviews`.
struct AnalyzerName {
    /// UpperCamelCase, without a trailing `Analyzer`.
    let base: String

    init?(_ text: String) {
        var base = text
        if base.hasSuffix("Analyzer"), base.count > "Analyzer".count { base.removeLast("Analyzer".count) }
        guard let first = base.unicodeScalars.first, ("A"..."Z").contains(first) || ("a"..."z").contains(first),
              base.unicodeScalars.allSatisfy({ ("A"..."Z").contains($0) || ("a"..."z").contains($0) || ("0"..."9").contains($0) })
        else { return nil }
        self.base = base.prefix(1).uppercased() + base.dropFirst()
    }

    /// The Swift type and module: `ExitInterviewsAnalyzer`.
    var module: String { base + "Analyzer" }

    /// The analyzer id and input kind: `exit-interviews`.
    var id: String {
        var words = ""
        for character in base {
            if character.isUppercase, !words.isEmpty { words.append("-") }
            words.append(Character(character.lowercased()))
        }
        return words
    }

    /// The executable: `orghealth-analyzer-exit-interviews`.
    var executable: String { "orghealth-analyzer-" + id }

    /// A display name: `Exit Interviews`.
    var display: String {
        var words = ""
        for character in base {
            if character.isUppercase, !words.isEmpty { words.append(" ") }
            words.append(character)
        }
        return words
    }
}
