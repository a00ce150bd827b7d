import OrgHealthKit
@testable import OrgHealthRendering
import Testing

/// Chart labels wrapped to a width: the lines carry their width on rather than measuring each
/// candidate line again (issue 16); the lines must be those of measuring every candidate whole.
@Suite("Chart labels wrapped to a width")
struct SVGTextWrapTests {
    /// Wrapping as it was first written: each candidate line measured whole with `width`.
    static func measuredWhole(_ text: String, maxWidth: Double) -> [String] {
        var lines: [String] = []
        var current = ""
        for word in text.split(separator: " ", omittingEmptySubsequences: true).map(String.init) {
            let candidate = current.isEmpty ? word : current + " " + word
            if SVGTextWrap.width(candidate) <= maxWidth {
                current = candidate
                continue
            }
            if !current.isEmpty { lines.append(current) }
            current = ""
            for character in word {
                if !current.isEmpty && SVGTextWrap.width(current + String(character)) > maxWidth {
                    lines.append(current)
                    current = ""
                }
                current.append(character)
            }
        }
        if !current.isEmpty || lines.isEmpty { lines.append(current) }
        return lines
    }

    @Test("worked by hand: words moved down, a long word cut where it no longer fits")
    func byHand() {
        // "iii" is 3 × 3.6 = 10.8 px; "iii iii" 7 × 3.6 = 25.2 px (a little over, in doubles).
        #expect(SVGTextWrap.lines("iii iii", maxWidth: 25.3) == ["iii iii"])
        #expect(SVGTextWrap.lines("iii iii", maxWidth: 25) == ["iii", "iii"])
        // "mmmmm" (50 px) in 25 px: two m's a line, the last alone.
        #expect(SVGTextWrap.lines("mmmmm", maxWidth: 25) == ["mm", "mm", "m"])
        #expect(SVGTextWrap.lines("", maxWidth: 25) == [""])
        #expect(SVGTextWrap.lines("  ", maxWidth: 25) == [""])
    }

    @Test("20,000 labels of every kind of character at many widths: the lines of measuring each candidate whole")
    func sameAsMeasuredWhole() {
        var random = SplitMix64(seed: 20261205)
        let pieces = ["i", "l", "m", "W", "A", "a", " ", " ", ".", "—", "é", "Team", "Engineering", "%", "Ω", "7"]
        for _ in 0..<20_000 {
            let text = (0..<Int(random.next() % 40)).map { _ in pieces[Int(random.next() % UInt64(pieces.count))] }.joined()
            // Widths on and between the sums the characters make (multiples of 0.2 px and not).
            let maxWidth = Double(random.next() % 2_000) / 10 + (random.next() % 2 == 0 ? 0 : 0.05)
            #expect(SVGTextWrap.lines(text, maxWidth: maxWidth) == Self.measuredWhole(text, maxWidth: maxWidth), "\(text) in \(maxWidth)")
        }
    }
}
