import Foundation

/// A streaming reader of RFC 4180 CSV: one ``CSVRecord`` at a time, from a file read in large
/// buffers (never loaded whole) or from bytes in memory.
///
/// ```swift
/// var reader = try CSVReader(contentsOf: rosterURL)
/// guard let first = try reader.next() else { return }      // the header
/// let header = CSVHeader(first, mapping: columnMapping)   // canonical name → export header
/// reader.expectedFieldCount = header.fields.count
/// while true {
///     do {
///         guard let row = try reader.next() else { break }
///         // row[i], row.double(i), row.isEmpty(i) …
///     } catch where !error.isFatal {
///         diagnostics.append(error.diagnostic)                 // a ragged row: skipped
///     }
/// }
/// ```
///
/// What it accepts:
/// - Fields separated by commas; records ended by CRLF, LF or a lone CR (mixed freely); the
///   last record may or may not end with a line break.
/// - Quoted fields (`"…"`) holding commas, line breaks (kept as they are) and doubled quotes
///   (`""` for one `"`). A quote inside an unquoted field is kept literally (`a"b`), and text
///   after a closing quote is appended to the field (`"a"b` is `ab`), as Python's `csv` does.
/// - A UTF-8 byte order mark at the start, which is dropped.
/// - Blank lines (no bytes at all between two line breaks, outside quotes) are skipped, but
///   they count for line numbers. A line holding only spaces is a record with one field.
///
/// Anything that is not UTF-8 stops the reader with ``CSVError/Kind/invalidUTF8`` naming the
/// line. Line numbers are physical lines, so they match what an editor shows even after
/// quoted fields that span lines.
///
/// A reader is a value that owns its buffer and open file (closed when the last copy goes
/// away). Copies share the file, so read from one copy only.
public struct CSVReader {
    /// The input's name for messages: the file's base name, or the name given for memory input.
    public let source: String
    /// When set (e.g. to the header's width), records with a different number of fields are
    /// reported as ``CSVError/Kind/raggedRow(expected:found:)`` and skipped.
    public var expectedFieldCount: Int?
    /// Bytes consumed so far, including any byte order mark (for progress).
    public var bytesRead: Int { bytesBeforeBuffer + position }

    private let input: CSVInput
    private let buffer: UnsafeMutablePointer<UInt8>
    /// The next byte to look at in the buffer.
    private var position = 0
    /// The end of the bytes usable in the buffer: the end of the data, or the first byte that
    /// is not UTF-8 when ``limitIsInvalid``.
    private var limit = 0
    private var limitIsInvalid = false
    private var invalidByte: UInt8 = 0
    private var bytesBeforeBuffer = 0
    private var previousBufferLastByte: UInt8 = 0
    private var validator = UTF8Validator()
    /// The physical line of the byte at ``position``.
    private var line = 1
    /// A record ended with CR as the last byte of a buffer: skip an LF that starts the next one.
    private var skipLineFeed = false
    private var checkedByteOrderMark = false
    private var atEnd = false
    private var finished = false
    /// The record being assembled.
    private var record = CSVRecordBuilder()

    /// Opens a CSV file for reading in buffers of `bufferSize` bytes (at least 1).
    /// - Throws: ``CSVError/Kind/cannotOpen`` when the file is missing, unreadable or a directory.
    public init(contentsOf url: URL, bufferSize: Int = 1 << 20) throws(CSVError) {
        source = url.lastPathComponent
        do {
            input = try CSVInput(url: url, capacity: bufferSize)
        } catch {
            throw CSVError(kind: .cannotOpen, source: source, line: nil, reason: error.reason)
        }
        buffer = input.buffer
    }

    /// Reads CSV from bytes in memory (for tests and small inputs), `bufferSize` bytes at a time.
    public init(bytes: [UInt8], source: String = "<memory>", bufferSize: Int = 1 << 20) {
        self.source = source
        input = CSVInput(memory: bytes, capacity: bufferSize)
        buffer = input.buffer
    }

    /// Reads CSV from text in memory (for tests and small inputs), `bufferSize` bytes at a time.
    public init(string: String, source: String = "<memory>", bufferSize: Int = 1 << 20) {
        self.init(bytes: Array(string.utf8), source: source, bufferSize: bufferSize)
    }

    /// The next record, or `nil` at the end of the input.
    ///
    /// - Throws: ``CSVError`` for input that is not UTF-8 or a quoted field left open at the end
    ///   (both fatal: later calls return `nil`), a failed read (fatal), or — when
    ///   ``expectedFieldCount`` is set — a record with another number of fields (not fatal: that
    ///   record is skipped and the next call returns the record after it).
    public mutating func next() throws(CSVError) -> CSVRecord? {
        guard !finished else { return nil }
        guard let record = try readRecord() else {
            finished = true
            return nil
        }
        if let expected = expectedFieldCount, record.count != expected {
            throw CSVError(kind: .raggedRow(expected: expected, found: record.count), source: source, line: record.line)
        }
        return record
    }

    /// Reads every remaining record (for small inputs and tests); throws the first error.
    public mutating func readAll() throws(CSVError) -> [CSVRecord] {
        var records: [CSVRecord] = []
        while let record = try next() { records.append(record) }
        return records
    }
}

// MARK: - Scanning

private let comma: UInt8 = 0x2C
private let quote: UInt8 = 0x22
private let lineFeed: UInt8 = 0x0A
private let carriageReturn: UInt8 = 0x0D

extension CSVReader {
    private enum State {
        case unquoted, quoted, afterQuote
    }

    private mutating func readRecord() throws(CSVError) -> CSVRecord? {
        record.reset()
        if !checkedByteOrderMark { try skipByteOrderMark() }

        var state = State.unquoted
        var fieldStart = record.byteCount  // record offset where the current field starts
        var fieldQuoted = false            // the current field opened with a quote
        var quoteLine = line
        var recordLine = line
        var runStart = position            // buffer bytes from here on are not in the record yet
        while true {
            if position == limit {
                append(runStart, position)
                guard try refill() else {
                    if state == .quoted { throw fail(.unterminatedQuote, line: quoteLine) }
                    if record.byteCount == 0, record.fieldCount == 0, !fieldQuoted { return nil }
                    record.endField(at: record.byteCount)
                    return record.makeRecord(line: recordLine)
                }
                runStart = position
                continue
            }
            if skipLineFeed {
                skipLineFeed = false
                if buffer[position] == lineFeed {
                    position += 1
                    runStart = position
                    continue
                }
            }
            let bytes = buffer
            let end = limit
            switch state {
            case .unquoted:
                let base = record.byteCount - runStart  // record offset of buffer index i is base + i
                var index = position
                while true {
                    // Fast path, eight bytes at a time: commas are handled in place; stop at any
                    // other special byte, or when fewer than eight bytes are left.
                    words: while index + 8 <= end {
                        var found = ByteSearch.matches(
                            of: comma, quote, lineFeed, carriageReturn, in: ByteSearch.word(at: bytes, index))
                        while found != 0 {
                            let at = index + found.trailingZeroBitCount >> 3
                            guard bytes[at] == comma else {
                                index = at
                                break words
                            }
                            record.endField(at: base + at)
                            fieldStart = base + at + 1
                            fieldQuoted = false
                            found &= found &- 1
                        }
                        index += 8
                    }
                    index = ByteSearch.first(of: comma, quote, lineFeed, carriageReturn, in: bytes, from: index, to: end)
                    guard index < end else { break }
                    let byte = bytes[index]
                    if byte == comma {
                        record.endField(at: base + index)
                        fieldStart = base + index + 1
                        fieldQuoted = false
                        index += 1
                    } else if byte == quote {
                        index += 1
                        if base + index - 1 == fieldStart, !fieldQuoted {
                            append(runStart, index - 1)
                            runStart = index
                            fieldQuoted = true
                            quoteLine = line
                            state = .quoted
                            break
                        }
                    } else {
                        let terminator = index
                        index += 1
                        if byte == carriageReturn {
                            if index < end {
                                if bytes[index] == lineFeed { index += 1 }
                            } else {
                                skipLineFeed = true
                            }
                        }
                        line += 1
                        if base + terminator == 0, record.fieldCount == 0, !fieldQuoted {
                            // A blank line: no record; start again after it.
                            runStart = index
                            recordLine = line
                            break
                        }
                        record.endField(at: base + terminator)
                        append(runStart, terminator)
                        position = index
                        return record.makeRecord(line: recordLine)
                    }
                }
                position = index
            case .quoted:
                var index = position
                while true {
                    index = ByteSearch.first(of: quote, lineFeed, carriageReturn, in: bytes, from: index, to: end)
                    guard index < end else { break }
                    let byte = bytes[index]
                    if byte == quote {
                        append(runStart, index)
                        index += 1
                        runStart = index
                        state = .afterQuote
                        break
                    }
                    if byte == carriageReturn || (index > 0 ? bytes[index - 1] : previousBufferLastByte) != carriageReturn {
                        line += 1  // CR, LF and CRLF are one line break each
                    }
                    index += 1
                }
                position = index
            case .afterQuote:
                if bytes[position] == quote {
                    // A doubled quote: keep the second one (runStart is already on it).
                    position += 1
                    state = .quoted
                } else {
                    state = .unquoted
                }
            }
        }
    }

    /// Drops a UTF-8 byte order mark at the very start; bytes that only begin like one are kept.
    private mutating func skipByteOrderMark() throws(CSVError) {
        checkedByteOrderMark = true
        let mark: [UInt8] = [0xEF, 0xBB, 0xBF]
        var matched = 0
        while matched < mark.count {
            if position == limit {
                guard !limitIsInvalid, try refill() else { break }
                continue
            }
            guard buffer[position] == mark[matched] else { break }
            matched += 1
            position += 1
        }
        if matched < mark.count {
            mark.withUnsafeBufferPointer { prefix in
                if let start = prefix.baseAddress { record.append(start, count: matched) }
            }
        }
    }

    /// Copies buffer bytes `start..<end` into the record being assembled.
    private mutating func append(_ start: Int, _ end: Int) {
        record.append(buffer + start, count: end - start)
    }

    /// Loads the next buffer. Returns `false` at the end of the input.
    private mutating func refill() throws(CSVError) -> Bool {
        if limitIsInvalid { throw fail(.invalidUTF8, line: line, byte: invalidByte) }
        if atEnd { return false }
        if limit > 0 { previousBufferLastByte = buffer[limit - 1] }
        bytesBeforeBuffer += limit
        position = 0
        limit = 0
        let count: Int
        do {
            count = try input.fill()
        } catch {
            throw fail(.readFailed, line: line, reason: error.reason)
        }
        guard count > 0 else {
            atEnd = true
            if validator.isInsideSequence { throw fail(.invalidUTF8, line: line, byte: validator.leadByte) }
            return false
        }
        if let invalid = validator.validate(UnsafeBufferPointer(start: buffer, count: count)) {
            limit = invalid.offset
            limitIsInvalid = true
            invalidByte = invalid.byte
        } else {
            limit = count
        }
        return true
    }

    /// Stops the reader and makes the error to throw.
    private mutating func fail(_ kind: CSVError.Kind, line: Int, byte: UInt8? = nil, reason: String? = nil) -> CSVError {
        finished = true
        return CSVError(kind: kind, source: source, line: line, byte: byte, reason: reason)
    }
}
