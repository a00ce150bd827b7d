import Testing
@testable import OrgHealthEngine

/// SHA-256 against the standard's own examples (FIPS 180-2 appendix B), on each engine this
/// processor has: the SHA instructions and the portable rounds must both give them.
@Suite("SHA-256")
struct SHA256Tests {
    static let engines = SHA256.Engine.allCases.filter(\.isAvailable)

    /// FIPS 180-2 appendix B: "abc", the two-block message; and the empty message.
    @Test(arguments: engines) func matchesTheStandard(engine: SHA256.Engine) {
        #expect(SHA256.hex(Array("abc".utf8), engine: engine)
            == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(SHA256.hex([UInt8](), engine: engine)
            == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256.hex(Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8), engine: engine)
            == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
    }

    /// FIPS 180-2 appendix B.3: a million "a"s, here fed in pieces of 1 to 200 bytes (so that
    /// pieces end inside blocks, on their edges and across several), and whole.
    @Test(arguments: engines) func aMillionAsInPieces(engine: SHA256.Engine) {
        let expected = "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0"
        let message = [UInt8](repeating: UInt8(ascii: "a"), count: 1_000_000)
        #expect(SHA256.hex(message, engine: engine) == expected)
        var hasher = SHA256(engine: engine)
        var offset = 0, piece = 1
        while offset < message.count {
            let end = min(offset + piece, message.count)
            hasher.update(message[offset..<end])
            offset = end
            piece = piece % 200 + 1
        }
        #expect(hasher.hexDigest() == expected)
    }

    /// The two engines agree on random messages of every length from 0 to 600 bytes (every
    /// padding case: the length field in the last block or in one more), fed whole and in random
    /// pieces that start at odd addresses. Only where the processor has the instructions.
    @Test(.enabled(if: SHA256.Engine.hardware.isAvailable)) func enginesAgreeOnRandomMessages() {
        var generator = HistorySplitMix(seed: 256)
        for length in 0...600 {
            let message = (0..<length).map { _ in UInt8(truncatingIfNeeded: generator.next()) }
            let portable = SHA256.hex(message, engine: .portable)
            #expect(SHA256.hex(message, engine: .hardware) == portable, "length \(length)")
            var hasher = SHA256(engine: .hardware)
            var offset = 0
            while offset < length {
                let end = min(length, offset + 1 + generator.below(150))
                hasher.update(message[offset..<end])
                offset = end
            }
            #expect(hasher.hexDigest() == portable, "length \(length), in pieces")
        }
    }
}
