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
/// - Fields separated by `,` `;` a tab or `|`: given (``delimiter``), or detected from the
///   header row (the candidate that occurs most often outside quotes; see ``TabularDelimiter``).
/// - Records ended by CRLF, LF, a lone CR, or the `CR CR LF` some exporters write (one record
///   end, not a blank line), mixed freely; the last record may or may not end with a line break.
/// - Quoted fields (`"…"`) holding delimiters, line breaks (kept as they are) and doubled quotes
///   (`""` for one `"`). A quote inside an unquoted field is kept literally (`a"b`), and text
///   after a closing quote is appended to the field (`"a"b` is `ab`), as Python's `csv` does.
/// - UTF-8, with or without a byte order mark (dropped); UTF-16 with a byte order mark; and
///   windows-1252 or ISO-8859-1 when declared (``TabularEncoding``). Other input stops the
///   reader with ``CSVError/Kind/invalidUTF8`` naming the row and the byte offset.
/// - Blank lines (no bytes at all between two line breaks, outside quotes) are skipped, but
///   they count as rows. A line holding only spaces is a record with one field.
///
/// Line numbers (``CSVRecord/line``, ``CSVError/line``) are **rows as a spreadsheet shows
/// them**: the header is row 1, each record is one row even when a quoted field in it spans
/// several lines, and a blank line is an (empty) row. So "row 17" in a message is row 17 when
/// the file is opened in Excel, Numbers or LibreOffice.
///
/// A reader is a value that owns its buffer and open file (closed when the last copy goes
/// away). Copies share the file, so read from one copy only. Readers of every tabular source
/// open it with ``TabularFile/open(_:options:bufferSize:)``, which also refuses workbooks.
public struct CSVReader {
    /// The input's name for messages: the file's base name, or the name given for memory input.
    public let source: String
    /// When set (e.g. to the header's width), records with a different number of fields are
    /// reported as ``CSVError/Kind/raggedRow(expected:found:)`` and skipped.
    public var expectedFieldCount: Int?
    /// Bytes consumed so far, including any byte order mark (for progress). For transcoded
    /// input, UTF-8 bytes produced so far.
    public var bytesRead: Int { bytesBeforeBuffer + position }
    /// The field delimiter: the one given, or — once the first record has been read — the one
    /// detected from it.
    public private(set) var delimiter: TabularDelimiter
    /// The input's encoding, known once the first record has been read (`nil` before, and for
    /// rows that come from a ``TabularRowSource``).
    public var encoding: TabularEncoding? { input.encoding }

    private let input: CSVInput
    private let buffer: UnsafeMutablePointer<UInt8>
    /// The next byte to look at in the buffer.
    private var position = 0
    /// The end of the bytes usable in the buffer: the end of the data, or the first byte that
    /// is not UTF-8 when ``limitIsInvalid``.
    private var limit = 0
    private var limitIsInvalid = false
    private var invalidByte: UInt8 = 0
    private var invalidOffset = 0
    private var bytesBeforeBuffer = 0
    private var validator = UTF8Validator()
    /// The spreadsheet row of the byte at ``position``.
    private var line = 1
    /// After a record ended with CR as the last byte of a buffer: skip an LF (CR LF) or a CR LF
    /// (CR CR LF) that starts the next one.
    private var afterCarriageReturn = CarriageReturnState.none
    /// Whether the delimiter is still to be detected from the header.
    private var detectDelimiter: Bool
    /// Rows from elsewhere (a workbook reader) instead of bytes.
    private var rowSource: (any TabularRowSource)?
    private var checkedByteOrderMark = false
    private var atEnd = false
    private var finished = false
    /// The record being assembled.
    private var record = CSVRecordBuilder()

    /// Opens a CSV file for reading in buffers of `bufferSize` bytes (at least 1). Readers of
    /// configured sources use ``TabularFile/open(_:options:bufferSize:)`` instead.
    /// - Parameters:
    ///   - delimiter: the field delimiter; `nil` (the default) to detect it from the header row.
    ///   - encoding: the declared encoding (UTF-8 by default; a UTF-16 byte order mark wins).
    /// - Throws: ``CSVError/Kind/cannotOpen`` when the file is missing, unreadable or a directory.
    public init(
        contentsOf url: URL, bufferSize: Int = 1 << 20, delimiter: TabularDelimiter? = nil,
        encoding: TabularEncoding = .utf8
    ) throws(CSVError) {
        source = url.lastPathComponent
        do {
            input = try CSVInput(url: url, capacity: bufferSize, encoding: encoding)
        } catch {
            throw CSVError(kind: .cannotOpen, source: source, line: nil, reason: error.reason)
        }
        buffer = input.buffer
        self.delimiter = delimiter ?? .comma
        detectDelimiter = delimiter == nil
    }

    /// Reads CSV from bytes in memory (for tests and small inputs), `bufferSize` bytes at a time.
    public init(
        bytes: [UInt8], source: String = "<memory>", bufferSize: Int = 1 << 20, delimiter: TabularDelimiter? = nil,
        encoding: TabularEncoding = .utf8
    ) {
        self.source = source
        input = CSVInput(memory: bytes, capacity: bufferSize, encoding: encoding)
        buffer = input.buffer
        self.delimiter = delimiter ?? .comma
        detectDelimiter = delimiter == nil
    }

    /// Reads CSV from text in memory (for tests and small inputs), `bufferSize` bytes at a time.
    public init(
        string: String, source: String = "<memory>", bufferSize: Int = 1 << 20, delimiter: TabularDelimiter? = nil
    ) {
        self.init(bytes: Array(string.utf8), source: source, bufferSize: bufferSize, delimiter: delimiter)
    }

    /// Serves the records of `rows` (e.g. a workbook's sheet) through the same interface, so
    /// every reader of tabular sources handles workbooks and text files alike.
    public init(rows: some TabularRowSource) {
        source = rows.source
        input = CSVInput(memory: [], capacity: 1)
        buffer = input.buffer
        delimiter = .comma
        detectDelimiter = false
        rowSource = rows
    }

    /// The next record, or `nil` at the end of the input.
    ///
    /// - Throws: ``CSVError`` for input that is not UTF-8 or a quoted field left open at the end
    ///   (both fatal: later calls return `nil`), a failed read (fatal), or — when
    ///   ``expectedFieldCount`` is set — a record with another number of fields (not fatal: that
    ///   record is skipped and the next call returns the record after it).
    public mutating func next() throws(CSVError) -> CSVRecord? {
        guard !finished else { return nil }
        guard let record = try rowSource == nil ? readRecord() : readSourceRow() else {
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

private let quote: UInt8 = 0x22
private let lineFeed: UInt8 = 0x0A
private let carriageReturn: UInt8 = 0x0D

/// What a record that ended with CR at the end of a buffer leaves to look at in the next one.
private enum CarriageReturnState {
    case none
    /// The record ended with CR: an LF, or CR LF, right after it belongs to the same record end.
    case carriageReturn
    /// CR then CR: an LF now makes `CR CR LF` one record end; anything else makes the second
    /// CR a blank line.
    case twoCarriageReturns
}

extension CSVReader {
    private enum State {
        case unquoted, quoted, afterQuote
    }

    /// The next row of a ``TabularRowSource``; a fatal error stops the reader.
    private mutating func readSourceRow() throws(CSVError) -> CSVRecord? {
        guard var rows = rowSource else { return nil }
        rowSource = nil  // keeps `rows` uniquely referenced while it reads
        defer { rowSource = rows }
        do {
            return try rows.nextRecord()
        } catch {
            if error.isFatal { finished = true }
            throw error
        }
    }

    private mutating func readRecord() throws(CSVError) -> CSVRecord? {
        record.reset()
        if detectDelimiter { try detectDelimiterFromHeader() }
        if !checkedByteOrderMark { try skipByteOrderMark() }
        let comma = delimiter.byte

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
            if afterCarriageReturn != .none {
                // Only ever at the start of a record: nothing of it is assembled yet.
                let byte = buffer[position]
                if afterCarriageReturn == .carriageReturn, byte == carriageReturn {
                    afterCarriageReturn = .twoCarriageReturns  // CR CR: CR CR LF if an LF follows
                    position += 1
                    runStart = position
                    continue
                }
                if afterCarriageReturn == .twoCarriageReturns, byte != lineFeed {
                    line += 1  // the second CR ended a blank line of its own
                    recordLine = line
                    if byte == carriageReturn {
                        // … and this CR may start that blank line's CR CR LF: decide on the next byte.
                        position += 1
                        runStart = position
                        continue
                    }
                }
                afterCarriageReturn = .none
                if byte == lineFeed {
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
                            if index + 1 < end {
                                if bytes[index] == lineFeed {
                                    index += 1
                                } else if bytes[index] == carriageReturn, bytes[index + 1] == lineFeed {
                                    index += 2  // CR CR LF: one record end
                                }
                            } else if index < end, bytes[index] == lineFeed {
                                index += 1
                            } else {
                                afterCarriageReturn = .carriageReturn
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
                // Line breaks inside a quoted field are kept and do not end the row: only a
                // quote matters here.
                let index = ByteSearch.first(of: quote, quote, quote, in: bytes, from: position, to: end)
                if index < end {
                    append(runStart, index)
                    runStart = index + 1
                    state = .afterQuote
                    position = index + 1
                } else {
                    position = index
                }
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
        let mark = ByteOrderMark.utf8
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
        if limitIsInvalid { throw fail(.invalidUTF8, line: line, byte: invalidByte, offset: invalidOffset) }
        if atEnd { return false }
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
            if validator.isInsideSequence {
                throw fail(.invalidUTF8, line: line, byte: validator.leadByte, offset: bytesBeforeBuffer - validator.bytesOfSequence)
            }
            return false
        }
        if let invalid = validator.validate(UnsafeBufferPointer(start: buffer, count: count)) {
            limit = invalid.offset
            limitIsInvalid = true
            invalidByte = invalid.byte
            invalidOffset = bytesBeforeBuffer + invalid.leadOffset
        } else {
            limit = count
        }
        return true
    }

    /// Stops the reader and makes the error to throw.
    private mutating func fail(
        _ kind: CSVError.Kind, line: Int, byte: UInt8? = nil, offset: Int? = nil, reason: String? = nil
    ) -> CSVError {
        finished = true
        return CSVError(kind: kind, source: source, line: line, byte: byte, offset: offset, reason: reason)
    }

    /// Picks the delimiter from the header row (the first 64 KiB are looked at; a header is
    /// never that long, and a longer one without a line break is one column anyway).
    private mutating func detectDelimiterFromHeader() throws(CSVError) {
        detectDelimiter = false
        let head: ArraySlice<UInt8>
        do {
            head = try input.peek(1 << 16)
        } catch {
            throw fail(.readFailed, line: line, reason: error.reason)
        }
        let header = ByteOrderMark.droppingUTF8(head)
        if input.encoding == .utf8, let zero = header.prefix(while: { $0 != 0x0A }).firstIndex(of: 0) {
            // NUL bytes in a header are UTF-16 (or UTF-32) text without its byte order mark:
            // read as UTF-8 it would only give columns that are never found.
            let little = zero > header.startIndex && zero % 2 == 1
            throw fail(
                .unsupportedFormat, line: 1,
                reason: "the header holds NUL bytes (at byte offset \(zero)), so the file is probably UTF-16 without a "
                    + "byte order mark; declare it for this source in the config (encoding: "
                    + "\(little ? "utf-16le" : "utf-16be")), or save it as UTF-8")
        }
        delimiter = TabularDelimiter.detect(inHeader: header) ?? .comma
    }
}
