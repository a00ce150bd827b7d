/// One level of an `Encodable` value as the streamed JSON writer sees it
/// (``JSONTextWriter``): the value's `encode(to:)` runs against a ``JSONCapture``, which records
/// its scalars as text and keeps its composite members unencoded (``JSONPiece/deferred(_:)``),
/// to be encoded one at a time as the writer reaches them. So memory holds one path from the
/// root to the value being written, never the whole document.
enum JSONPiece {
    /// A number, `true`, `false` or `null`, as written.
    case literal(String)
    /// A string, escaped when written.
    case string(String)
    /// A member not encoded yet.
    case deferred(any Encodable)
    /// A nested keyed container.
    case object(JSONObjectBox)
    /// A nested unkeyed container.
    case array(JSONArrayBox)
    /// A super-encoder's (or a value's) capture.
    case capture(JSONCapture)

    /// The piece for a value: scalars as text now, anything else deferred.
    static func of<T: Encodable>(_ value: T, codingPath: [any CodingKey]) throws -> JSONPiece {
        if T.self == String.self, let text = value as? String { return .string(text) }
        if T.self == Int.self, let number = value as? Int { return .literal(String(number)) }
        if T.self == Double.self, let number = value as? Double { return .literal(try JSONNumber.text(number, codingPath)) }
        if T.self == Bool.self, let flag = value as? Bool { return .literal(flag ? "true" : "false") }
        return .deferred(value)
    }
}

/// A keyed container's members in the order encoded (the writer sorts them).
final class JSONObjectBox {
    var members: [(key: String, piece: JSONPiece)] = []
}

/// An unkeyed container's elements.
final class JSONArrayBox {
    var elements: [JSONPiece] = []
}

/// How Foundation's `JSONEncoder` writes numbers: integers in decimal, floating-point values
/// as their shortest round-tripping `description` without a trailing `.0`; NaN and infinities
/// cannot be encoded (the default non-conforming-float strategy).
enum JSONNumber {
    static func text<F: BinaryFloatingPoint & CustomStringConvertible>(_ value: F, _ codingPath: [any CodingKey]) throws -> String {
        guard value.isFinite else {
            throw EncodingError.invalidValue(value, EncodingError.Context(
                codingPath: codingPath, debugDescription: "Unable to encode \(F.self).\(value) directly in JSON."))
        }
        var text = value.description
        if text.hasSuffix(".0") { text.removeLast(2) }
        return text
    }
}

/// The `Encoder` one value is encoded against: it records which container the value asked
/// for and what went into it.
final class JSONCapture: Encoder {
    enum Storage {
        case nothing
        case object(JSONObjectBox)
        case array(JSONArrayBox)
        case single(JSONPiece)
    }

    var storage: Storage = .nothing
    let codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    init(codingPath: [any CodingKey] = []) {
        self.codingPath = codingPath
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        let box: JSONObjectBox
        if case .object(let existing) = storage {
            box = existing
        } else {
            box = JSONObjectBox()
            storage = .object(box)
        }
        return KeyedEncodingContainer(JSONKeyedCapture<Key>(box: box, codingPath: codingPath))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        let box: JSONArrayBox
        if case .array(let existing) = storage {
            box = existing
        } else {
            box = JSONArrayBox()
            storage = .array(box)
        }
        return JSONUnkeyedCapture(box: box, codingPath: codingPath)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        JSONSingleCapture(capture: self)
    }
}

/// A key for super-encoders, as Foundation names it.
private struct JSONSuperKey: CodingKey {
    var stringValue: String { "super" }
    var intValue: Int? { nil }
    init() {}
    init?(stringValue: String) { nil }
    init?(intValue: Int) { nil }
}

/// A position in an unkeyed container, for coding paths.
private struct JSONIndexKey: CodingKey {
    let intValue: Int?
    var stringValue: String { "Index \(intValue ?? 0)" }
    init(index: Int) { intValue = index }
    init?(stringValue: String) { nil }
    init?(intValue: Int) { self.intValue = intValue }
}

struct JSONKeyedCapture<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let box: JSONObjectBox
    let codingPath: [any CodingKey]

    private func add(_ key: Key, _ piece: JSONPiece) {
        box.members.append((key.stringValue, piece))
    }

    mutating func encodeNil(forKey key: Key) throws { add(key, .literal("null")) }
    mutating func encode(_ value: Bool, forKey key: Key) throws { add(key, .literal(value ? "true" : "false")) }
    mutating func encode(_ value: String, forKey key: Key) throws { add(key, .string(value)) }
    mutating func encode(_ value: Double, forKey key: Key) throws {
        add(key, .literal(try JSONNumber.text(value, codingPath + [key])))
    }
    mutating func encode(_ value: Float, forKey key: Key) throws {
        add(key, .literal(try JSONNumber.text(value, codingPath + [key])))
    }
    mutating func encode(_ value: Int, forKey key: Key) throws { add(key, .literal(String(value))) }
    mutating func encode(_ value: Int8, forKey key: Key) throws { add(key, .literal(String(value))) }
    mutating func encode(_ value: Int16, forKey key: Key) throws { add(key, .literal(String(value))) }
    mutating func encode(_ value: Int32, forKey key: Key) throws { add(key, .literal(String(value))) }
    mutating func encode(_ value: Int64, forKey key: Key) throws { add(key, .literal(String(value))) }
    mutating func encode(_ value: UInt, forKey key: Key) throws { add(key, .literal(String(value))) }
    mutating func encode(_ value: UInt8, forKey key: Key) throws { add(key, .literal(String(value))) }
    mutating func encode(_ value: UInt16, forKey key: Key) throws { add(key, .literal(String(value))) }
    mutating func encode(_ value: UInt32, forKey key: Key) throws { add(key, .literal(String(value))) }
    mutating func encode(_ value: UInt64, forKey key: Key) throws { add(key, .literal(String(value))) }
    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        add(key, try JSONPiece.of(value, codingPath: codingPath + [key]))
    }

    mutating func nestedContainer<NestedKey: CodingKey>(
        keyedBy keyType: NestedKey.Type, forKey key: Key
    ) -> KeyedEncodingContainer<NestedKey> {
        let nested = JSONObjectBox()
        add(key, .object(nested))
        return KeyedEncodingContainer(JSONKeyedCapture<NestedKey>(box: nested, codingPath: codingPath + [key]))
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        let nested = JSONArrayBox()
        add(key, .array(nested))
        return JSONUnkeyedCapture(box: nested, codingPath: codingPath + [key])
    }

    mutating func superEncoder() -> any Encoder {
        let capture = JSONCapture(codingPath: codingPath + [JSONSuperKey()])
        box.members.append(("super", .capture(capture)))
        return capture
    }

    mutating func superEncoder(forKey key: Key) -> any Encoder {
        let capture = JSONCapture(codingPath: codingPath + [key])
        add(key, .capture(capture))
        return capture
    }
}

struct JSONUnkeyedCapture: UnkeyedEncodingContainer {
    let box: JSONArrayBox
    let codingPath: [any CodingKey]
    var count: Int { box.elements.count }

    private var nextKey: JSONIndexKey { JSONIndexKey(index: box.elements.count) }

    mutating func encodeNil() throws { box.elements.append(.literal("null")) }
    mutating func encode(_ value: Bool) throws { box.elements.append(.literal(value ? "true" : "false")) }
    mutating func encode(_ value: String) throws { box.elements.append(.string(value)) }
    mutating func encode(_ value: Double) throws {
        box.elements.append(.literal(try JSONNumber.text(value, codingPath + [nextKey])))
    }
    mutating func encode(_ value: Float) throws {
        box.elements.append(.literal(try JSONNumber.text(value, codingPath + [nextKey])))
    }
    mutating func encode(_ value: Int) throws { box.elements.append(.literal(String(value))) }
    mutating func encode(_ value: Int8) throws { box.elements.append(.literal(String(value))) }
    mutating func encode(_ value: Int16) throws { box.elements.append(.literal(String(value))) }
    mutating func encode(_ value: Int32) throws { box.elements.append(.literal(String(value))) }
    mutating func encode(_ value: Int64) throws { box.elements.append(.literal(String(value))) }
    mutating func encode(_ value: UInt) throws { box.elements.append(.literal(String(value))) }
    mutating func encode(_ value: UInt8) throws { box.elements.append(.literal(String(value))) }
    mutating func encode(_ value: UInt16) throws { box.elements.append(.literal(String(value))) }
    mutating func encode(_ value: UInt32) throws { box.elements.append(.literal(String(value))) }
    mutating func encode(_ value: UInt64) throws { box.elements.append(.literal(String(value))) }
    mutating func encode<T: Encodable>(_ value: T) throws {
        box.elements.append(try JSONPiece.of(value, codingPath: codingPath + [nextKey]))
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        let nested = JSONObjectBox()
        let path = codingPath + [nextKey]
        box.elements.append(.object(nested))
        return KeyedEncodingContainer(JSONKeyedCapture<NestedKey>(box: nested, codingPath: path))
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        let nested = JSONArrayBox()
        let path = codingPath + [nextKey]
        box.elements.append(.array(nested))
        return JSONUnkeyedCapture(box: nested, codingPath: path)
    }

    mutating func superEncoder() -> any Encoder {
        let capture = JSONCapture(codingPath: codingPath + [nextKey])
        box.elements.append(.capture(capture))
        return capture
    }
}

struct JSONSingleCapture: SingleValueEncodingContainer {
    let capture: JSONCapture
    var codingPath: [any CodingKey] { capture.codingPath }

    private func set(_ piece: JSONPiece) { capture.storage = .single(piece) }

    mutating func encodeNil() throws { set(.literal("null")) }
    mutating func encode(_ value: Bool) throws { set(.literal(value ? "true" : "false")) }
    mutating func encode(_ value: String) throws { set(.string(value)) }
    mutating func encode(_ value: Double) throws { set(.literal(try JSONNumber.text(value, codingPath))) }
    mutating func encode(_ value: Float) throws { set(.literal(try JSONNumber.text(value, codingPath))) }
    mutating func encode(_ value: Int) throws { set(.literal(String(value))) }
    mutating func encode(_ value: Int8) throws { set(.literal(String(value))) }
    mutating func encode(_ value: Int16) throws { set(.literal(String(value))) }
    mutating func encode(_ value: Int32) throws { set(.literal(String(value))) }
    mutating func encode(_ value: Int64) throws { set(.literal(String(value))) }
    mutating func encode(_ value: UInt) throws { set(.literal(String(value))) }
    mutating func encode(_ value: UInt8) throws { set(.literal(String(value))) }
    mutating func encode(_ value: UInt16) throws { set(.literal(String(value))) }
    mutating func encode(_ value: UInt32) throws { set(.literal(String(value))) }
    mutating func encode(_ value: UInt64) throws { set(.literal(String(value))) }
    mutating func encode<T: Encodable>(_ value: T) throws { set(try JSONPiece.of(value, codingPath: codingPath)) }
}
