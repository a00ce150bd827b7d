import Foundation
import OrgHealthKit
@testable import OrgHealthRendering
import Testing

/// The JSON is streamed into its temporary file (``JSONTextWriter``) instead of being encoded
/// in memory by Foundation's `JSONEncoder`; the bytes must be the encoder's, which stays the
/// reference (``JSONRenderer/render(_:)``).
@Suite("Streamed JSON")
struct JSONStreamTests {
    /// The streamed text of `value`.
    static func streamed<T: Encodable>(_ value: T) throws -> String {
        var bytes: [UInt8] = []
        var writer = JSONTextWriter { bytes.append(contentsOf: $0) }
        try writer.writeDocument(value)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Foundation's text of `value`, with the renderer's options and line end.
    static func encoded<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self) + "\n"
    }

    /// Keys that sort differently by bytes and by words, every kind of container, empty ones,
    /// absent and null values, and the numbers and strings whose text is easy to get wrong.
    struct Awkward: Encodable {
        struct Inner: Encodable {
            var Zeta = 1
            var alpha: [Int] = []
            var beta: [String: Int] = [:]
        }

        var b = "x/y \"quoted\" back\\slash tab\t line\n cr\r bell\u{7} nul\u{0} unit\u{1F} del\u{7F} é 中 😀"
        var a10 = 0.1
        var a2 = 1e-7
        var A = 1e20
        var negativeZero = -0.0
        var whole = 5.0
        var big = Double.greatestFiniteMagnitude
        var smallest = Double.leastNonzeroMagnitude
        var integers = [Int.min, -1, 0, Int.max]
        var floats: [Float] = [0.1, 3, -2.5]
        var unsigned: UInt64 = .max
        var flags = [true, false]
        var missing: String?
        var optionals: [Double?] = [nil, 2.5, nil]
        var empty: [String] = []
        var emptyObject = [String: String]()
        var nested: [[Int]] = [[], [1, 2], [3]]
        var inner = Inner()
        var inners = [Inner(), Inner(Zeta: 2, alpha: [7], beta: ["é": 1, "e": 2, "E": 3, "_": 4])]
        var byNumber: [Int: String] = [10: "ten", 2: "two", -1: "minus one"]
        var é = "accent key"
    }

    @Test("a value with every awkward case is written as JSONEncoder writes it")
    func awkwardValue() throws {
        #expect(try Self.streamed(Awkward()) == (try Self.encoded(Awkward())))
    }

    /// Encodes through a nested keyed and unkeyed container and a super-encoder.
    struct Manual: Encodable {
        enum Keys: String, CodingKey { case z, y, list }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: Keys.self)
            var nested = container.nestedContainer(keyedBy: Keys.self, forKey: .z)
            try nested.encode("inner", forKey: .y)
            var list = container.nestedUnkeyedContainer(forKey: .list)
            try list.encode(1)
            var deeper = list.nestedContainer(keyedBy: Keys.self)
            try deeper.encodeNil(forKey: .z)
            var inList = list.nestedUnkeyedContainer()
            try inList.encode("a")
            try "parent".encode(to: container.superEncoder())
            try 3.25.encode(to: container.superEncoder(forKey: .y))
        }
    }

    @Test("nested containers and super-encoders are written as JSONEncoder writes them")
    func manualContainers() throws {
        #expect(try Self.streamed(Manual()) == (try Self.encoded(Manual())))
    }

    struct Small: Encodable {
        var b: [Int] = []
        var a = "x/y"
        var c: [String: Bool] = ["k": true]
    }

    @Test("the layout: two-space indent, \" : \", sorted keys, empty containers on two lines, slashes as is")
    func layout() throws {
        // Worked out by hand from JSONEncoder's documented pretty printing (swift-foundation's
        // JSONWriter): keys a, b, c; the empty array as "[", blank line, indented "]".
        let expected = "{\n  \"a\" : \"x/y\",\n  \"b\" : [\n\n  ],\n  \"c\" : {\n    \"k\" : true\n  }\n}\n"
        #expect(try Self.streamed(Small()) == expected)
    }

    /// The Foundation types JSONEncoder encodes its own way (none is in the report model).
    struct FoundationTypes: Encodable {
        var date = Date(timeIntervalSinceReferenceDate: 1_000.5)
        var url = URL(string: "https://example.com/a/b?c=d")
        var data = Data([0, 1, 2, 250])
        var decimal = Decimal(string: "12.340")
        var dates = [Date(timeIntervalSinceReferenceDate: -1), Date(timeIntervalSinceReferenceDate: 0)]
    }

    @Test("Date, URL, Data and Decimal are written as JSONEncoder writes them")
    func foundationTypes() throws {
        #expect(try Self.streamed(FoundationTypes()) == (try Self.encoded(FoundationTypes())))
    }

    @Test("NaN cannot be written, as in JSONEncoder")
    func notANumber() throws {
        #expect(throws: EncodingError.self) { try Self.streamed([1, Double.nan]) }
        #expect(throws: EncodingError.self) { try Self.encoded([1, Double.nan]) }
    }

    @Test("the streamed report equals JSONEncoder's on the fixture report")
    func fixtureReport() throws {
        let report = try ReportFixtures.hostileReport()
        #expect(try Self.streamed(report) == String(decoding: try JSONRenderer().render(report), as: UTF8.self))
    }

    @Test("a report that cannot be written as JSON mid-stream leaves the earlier report and no temporary file")
    func failureMidStream() throws {
        let folder = try ReportFixtures.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var report = try ReportFixtures.hostileReport()
        // The last analyzer's metrics come after most of the document (keys sorted: analyzers
        // first, but its own later keys follow): a NaN there fails the encoding part-way.
        let last = report.analyzers.indices.last ?? 0
        report.analyzers[last].result.metrics.append(
            Metric(id: "org.headcount", scope: .org, value: .nan, unit: .count, n: 33))
        let json = folder.appendingPathComponent("health-report.json")
        try "earlier json".write(to: json, atomically: false, encoding: .utf8)
        #expect(throws: EncodingError.self) { _ = try ReportOutput(formats: [.json]).write(report, to: folder) }
        #expect(try String(contentsOf: json, encoding: .utf8) == "earlier json")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["health-report.json"])
    }
}
