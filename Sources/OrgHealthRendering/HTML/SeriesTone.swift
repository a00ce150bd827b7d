/// The meaning a chart series carries by its name — favorable, neutral or unfavorable answers,
/// promoters, passives or detractors — and the colour that goes with it everywhere in the
/// report: favorable green (the healthy band's), neutral grey, unfavorable red-orange (toward
/// the at-risk band's). The legend, each bar's `<title>` and the data table under every chart
/// say the same in words, so colour is never the only carrier.
enum SeriesTone: Equatable {
    case favorable, neutral, unfavorable

    /// The tone a series name announces (`Favorable`, `% unfavorable`, `Promoters (9–10)`),
    /// if any. "Unfavorable" is looked for before "favorable", which it contains.
    init?(seriesName: String) {
        let name = seriesName.lowercased()
        func has(_ words: String...) -> Bool { words.contains { name.contains($0) } }
        if has("unfavorable", "unfavourable", "detractor") {
            self = .unfavorable
        } else if has("favorable", "favourable", "promoter") {
            self = .favorable
        } else if has("neutral", "passive") {
            self = .neutral
        } else {
            return nil
        }
    }

    /// The fill colour.
    var colour: String {
        switch self {
        case .favorable: return "#1f7a4d"
        case .neutral: return "#9aa4b1"
        case .unfavorable: return "#c2410c"
        }
    }

    /// The class of text drawn on a fill: dark on the light grey, white (`on-dark`) on the
    /// others — contrast ≥ 4.5:1 for both. A class, since the stylesheet's text fill outranks
    /// an SVG `fill` attribute.
    static func textClass(on fill: String) -> String {
        fill == SeriesTone.neutral.colour ? "on-light" : "on-dark"
    }
}

/// Wraps SVG label text to a width, measured with per-character advance estimates for the
/// 11 px sans-serif the charts use, so labels are wrapped onto more lines instead of being
/// clipped or cut. Estimates err wide (a line is never longer than the room it gets).
enum SVGTextWrap {
    /// The line height of wrapped labels, in px.
    static let lineHeight = 13

    /// The estimated advance of one character at 11 px, in px.
    static func advance(_ character: Character) -> Double {
        switch character {
        case "i", "l", "j", "t", "f", "r", "I", ".", ",", ":", ";", "'", "!", "|", "(", ")", " ": return 3.6
        case "m", "w", "M", "W", "@", "%": return 10
        case "—", "–": return 8
        default: return character.isUppercase ? 7.8 : 6.4
        }
    }

    /// The estimated width of a text, in px.
    static func width(_ text: String) -> Double { text.reduce(0) { $0 + advance($1) } }

    /// The text in lines no wider than `maxWidth`, broken at spaces; a word longer than a line
    /// is broken where it no longer fits. The current line's width is carried on, character
    /// by character in the order ``width(_:)`` adds them, so each sum is the same number
    /// `width` gives for the whole line (issue 16: measured again from the start for every
    /// word and every character, labels took a tenth of each manager's edition).
    static func lines(_ text: String, maxWidth: Double) -> [String] {
        var lines: [String] = []
        var current = ""
        var currentWidth = 0.0
        for word in text.split(separator: " ", omittingEmptySubsequences: true).map(String.init) {
            let candidateWidth = word.reduce(current.isEmpty ? 0 : currentWidth + advance(" ")) { $0 + advance($1) }
            if candidateWidth <= maxWidth {
                current = current.isEmpty ? word : current + " " + word
                currentWidth = candidateWidth
                continue
            }
            if !current.isEmpty { lines.append(current) }
            current = ""
            currentWidth = 0
            for character in word {
                let widened = currentWidth + advance(character)
                if !current.isEmpty && widened > maxWidth {
                    lines.append(current)
                    current = ""
                    currentWidth = advance(character)
                } else {
                    currentWidth = widened
                }
                current.append(character)
            }
        }
        if !current.isEmpty || lines.isEmpty { lines.append(current) }
        return lines
    }
}
