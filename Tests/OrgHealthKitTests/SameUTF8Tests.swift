import Testing
import OrgHealthKit

@Suite("Strings compared by their bytes: hasSameUTF8 and utf8Order")
struct SameUTF8Tests {
    /// "é" as one scalar (NFC) and as "e" with a combining accent (NFD): `==` calls them equal.
    static let composed = "caf\u{E9}", decomposed = "cafe\u{301}"

    @Test("two spellings Swift's == calls one are two byte strings")
    func canonicalEquivalentsDiffer() {
        #expect(Self.composed == Self.decomposed)
        #expect(!Self.composed.hasSameUTF8(as: Self.decomposed))
        #expect(String.utf8Order(Self.composed, Self.decomposed) != 0)
        // 0xC3 (the first byte of "é") sorts after 0x65 ("e").
        #expect(String.utf8Order(Self.composed, Self.decomposed) > 0)
        #expect(Self.composed.hasSameUTF8(as: "caf" + "\u{E9}"))
    }

    @Test("edge cases: empty strings, prefixes, small and large strings")
    func edgeCases() {
        #expect("".hasSameUTF8(as: ""))
        #expect(String.utf8Order("", "") == 0)
        #expect(String.utf8Order("", "a") < 0)
        #expect(String.utf8Order("team:A", "team:AB") < 0)
        #expect(String.utf8Order("team:AB", "team:A") > 0)
        let long = String(repeating: "department:Engineering/", count: 4)
        #expect(long.hasSameUTF8(as: String(repeating: "department:Engineering/", count: 4)))
        #expect(!long.hasSameUTF8(as: long + "x"))
        // An upper-case letter sorts before every lower-case one by its byte.
        #expect(String.utf8Order("Zeta", "alpha") < 0)
    }

    @Test("agree with the byte arrays' own comparison on random strings")
    func agreeWithByteArrays() {
        // Letters, a separator, an accented letter, a combining mark and a scalar of 4 bytes.
        let alphabet: [String] = ["a", "b", "B", ":", "\u{E9}", "e\u{301}", "\u{1F600}", " "]
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next() -> Int {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return Int(truncatingIfNeeded: (z ^ (z >> 31)) >> 1)
        }
        func randomString() -> String {
            (0..<(next() % 24)).map { _ in alphabet[next() % alphabet.count] }.joined()
        }
        for _ in 0..<2000 {
            let left = randomString(), right = next() % 2 == 0 ? randomString() : left
            let leftBytes = Array(left.utf8), rightBytes = Array(right.utf8)
            #expect(left.hasSameUTF8(as: right) == (leftBytes == rightBytes))
            let order = String.utf8Order(left, right)
            let expected = leftBytes == rightBytes ? 0 : (leftBytes.lexicographicallyPrecedes(rightBytes) ? -1 : 1)
            #expect(order.signum() == expected, "\(left) vs \(right)")
        }
    }
}
