import Foundation

/// A JSON line's object as ``JSONLinesNoteReader`` reads a meeting from it: fields by
/// lower-cased name, read as text, a list of texts, a flag or a list of action items.
///
/// Two forms: ``FoundationLineFields`` over `JSONSerialization`'s `[String: Any]`, the
/// reference, and ``FastLineFields`` over a ``JSONLineValue``, which throws ``Unsure`` where it
/// cannot be certain to read a field as the reference does (the reader then reads the line
/// with Foundation).
protocol JSONLineFields {
    associatedtype Unsure: Error

    /// A string (without surrounding spaces and tabs) or a number, as text; `nil` for anything else.
    func text(_ key: String) throws(Unsure) -> String?
    /// A string, or every string of a list.
    func texts(_ key: String) -> [String]
    /// `true`/`false`, a number (non-zero is `true`), or text such as "yes", "done", "x".
    func flag(_ key: String) throws(Unsure) -> Bool?
    /// A list's objects and strings (its other elements skipped).
    func actionItems(_ key: String) throws(Unsure) -> [JSONLineActionItem<Self>]
}

/// An action item of a JSON line: an object with its own fields, or plain text.
enum JSONLineActionItem<Fields> {
    case fields(Fields)
    case plain(String)
}

extension JSONLineFields {
    /// Whether text marks a flag as set: "true", "yes", "y", "x", "1", "done", "completed" or
    /// "closed", letter case and surrounding spaces ignored.
    static func isSetFlag(text: String) -> Bool {
        ["true", "yes", "y", "x", "1", "done", "completed", "closed"].contains(text.lowercased().trimmed(of: " "))
    }
}

/// The fields of an object `JSONSerialization` read, the reference reading.
struct FoundationLineFields: JSONLineFields {
    typealias Unsure = Never

    private let object: [String: Any]

    /// The object's fields under lower-cased keys.
    init(lowercasing raw: [String: Any]) {
        var object: [String: Any] = [:]
        for (key, value) in raw { object[key.lowercased()] = value }
        self.object = object
    }

    func text(_ key: String) -> String? {
        let value = object[key]
        if let string = value as? String { return string.trimmed(of: " \t") }
        if let number = value as? NSNumber, !(value is Bool) { return number.stringValue }
        return nil
    }

    func texts(_ key: String) -> [String] {
        let value = object[key]
        if let string = value as? String { return [string] }
        return (value as? [Any])?.compactMap { $0 as? String } ?? []
    }

    func flag(_ key: String) -> Bool? {
        let value = object[key]
        if let bool = value as? Bool { return bool }
        if let number = value as? NSNumber { return number.intValue != 0 }
        if let string = value as? String { return Self.isSetFlag(text: string) }
        return nil
    }

    func actionItems(_ key: String) -> [JSONLineActionItem<Self>] {
        (object[key] as? [Any] ?? []).compactMap { item in
            if let entry = item as? [String: Any] { return .fields(Self(lowercasing: entry)) }
            if let plain = item as? String { return .plain(plain) }
            return nil
        }
    }
}

/// The fields of an object ``JSONLineValue`` read: what Foundation's reading would give, or
/// ``Unsure``.
struct FastLineFields: JSONLineFields {
    /// The field cannot be read here for certain as Foundation reads it.
    struct Unsure: Error {}

    /// The members under lower-cased keys.
    private let members: [JSONLineValue.Member]

    /// The object's fields under lower-cased keys; ``Unsure`` when two keys are equal once
    /// lower-cased (Foundation's dictionary then keeps one by its order).
    init(_ members: [JSONLineValue.Member]) throws(Unsure) {
        let lowered = members.map { JSONLineValue.Member(key: $0.key.lowercased(), value: $0.value) }
        guard !lowered.hasRepeatedKey else { throw Unsure() }
        self.members = lowered
    }

    private func value(_ key: String) -> JSONLineValue? {
        members.first { $0.key == key }?.value
    }

    /// Foundation reads a number as an `NSNumber`, and text is its `stringValue`. For a plain
    /// integer of up to 15 digits (no sign, fraction or exponent; JSON allows no leading zero)
    /// that is the digits. Other numbers, and 0 and 1 (which Foundation's casts take for a
    /// `Bool`, not text), are left to Foundation.
    func text(_ key: String) throws(Unsure) -> String? {
        switch value(key) {
        case .string(let string):
            return string.trimmed(of: " \t")
        case .number(let digits):
            guard Self.isPlainInteger(digits), digits != "0", digits != "1" else { throw Unsure() }
            return digits
        case .bool, .null, .array, .object, nil:
            return nil
        }
    }

    func texts(_ key: String) -> [String] {
        switch value(key) {
        case .string(let string):
            return [string]
        case .array(let elements):
            return elements.compactMap { element in
                guard case .string(let string) = element else { return nil }
                return string
            }
        case .number, .bool, .null, .object, nil:
            return []
        }
    }

    /// A plain integer (see ``text(_:)``) is set unless it is 0; other numbers are left to Foundation.
    func flag(_ key: String) throws(Unsure) -> Bool? {
        switch value(key) {
        case .bool(let bool):
            return bool
        case .number(let digits):
            guard Self.isPlainInteger(digits) else { throw Unsure() }
            return digits != "0"
        case .string(let string):
            return Self.isSetFlag(text: string)
        case .null, .array, .object, nil:
            return nil
        }
    }

    func actionItems(_ key: String) throws(Unsure) -> [JSONLineActionItem<Self>] {
        guard case .array(let elements) = value(key) else { return [] }
        var items: [JSONLineActionItem<Self>] = []
        for element in elements {
            switch element {
            case .object(let members): items.append(.fields(try Self(members)))
            case .string(let plain): items.append(.plain(plain))
            case .array, .number, .bool, .null: continue
            }
        }
        return items
    }

    /// Digits only, at most 15 of them.
    private static func isPlainInteger(_ text: String) -> Bool {
        text.utf8.count <= 15 && text.utf8.allSatisfy { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
    }
}
