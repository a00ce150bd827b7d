import Foundation

/// Reads a roster from a CSV export (docs/INPUTS.md "Roster"), with optional column
/// re-mapping and the ``RosterOptions`` of the config's `roster:` mapping.
///
/// Problems that spoil the whole file (it cannot be opened, is not UTF-8, lacks a required
/// column, its dates are in an ambiguous or unknown format) throw a ``RosterError``. Problems
/// with single rows — a duplicate id, an unknown or ambiguous manager, a manager cycle, a
/// date that does not parse — become diagnostics with the file and line (the first 20 of
/// each kind, then a count), and the rest of the roster is read.
public struct RosterReader: Sendable {
    /// Canonical column → the export's header text (the config's `columns.roster`).
    public var columnMapping: [String: String]
    /// Dates, manager key, preset and status handling (the config's `roster:` mapping).
    public var options: RosterOptions
    /// The reporting period, for `statusMeansLeft` (people who left without an end date are
    /// dated to its first day); `nil` leaves them employed.
    public var period: ReportingPeriod?

    /// Creates a reader.
    public init(columnMapping: [String: String] = [:], options: RosterOptions = RosterOptions(), period: ReportingPeriod? = nil) {
        self.columnMapping = columnMapping
        self.options = options
        self.period = period
    }

    /// The roster read from a file, and what was wrong with it.
    public struct Output: Sendable {
        /// The people read.
        public let roster: Roster
        /// Data-quality notes with file and line.
        public let diagnostics: [Diagnostic]
        /// Data rows read (header excluded).
        public let rowsRead: Int
        /// How the file was read: the date format, the manager links, the statuses.
        public let facts: Facts

        /// Creates an output (readers of other formats build one).
        public init(roster: Roster, diagnostics: [Diagnostic], rowsRead: Int, facts: Facts = Facts()) {
            self.roster = roster
            self.diagnostics = diagnostics
            self.rowsRead = rowsRead
            self.facts = facts
        }
    }

    /// How a roster file was read, for `orghealth validate` and the data-quality section.
    public struct Facts: Sendable, Equatable {
        /// The date format used; `nil` when the file has no dates.
        public var dateFormat: RosterDateFormat?
        /// Whether the format was inferred from the values rather than given in the config.
        public var dateFormatInferred: Bool
        /// How managers were matched.
        public var managerBy: ManagerKey
        /// Whether the file has a manager column at all.
        public var hasManagerInformation: Bool
        /// People whose manager was found.
        public var managersLinked: Int
        /// People with a manager value that could not be linked (unknown, ambiguous, a cycle).
        public var managersUnlinked: Int
        /// People whose status says they left but who have no end date.
        public var leftWithoutEndDate: Int
        /// The field delimiter of a text file (detected or declared); `nil` for a workbook or XML.
        public var delimiter: TabularDelimiter?
        /// The text encoding of a text file (declared, or known from a byte order mark).
        public var encoding: TabularEncoding?

        /// Creates facts.
        public init(
            dateFormat: RosterDateFormat? = nil, dateFormatInferred: Bool = false, managerBy: ManagerKey = .id,
            hasManagerInformation: Bool = true, managersLinked: Int = 0, managersUnlinked: Int = 0, leftWithoutEndDate: Int = 0
        ) {
            self.dateFormat = dateFormat
            self.dateFormatInferred = dateFormatInferred
            self.managerBy = managerBy
            self.hasManagerInformation = hasManagerInformation
            self.managersLinked = managersLinked
            self.managersUnlinked = managersUnlinked
            self.leftWithoutEndDate = leftWithoutEndDate
        }
    }

    /// Reads a roster file.
    public func read(_ url: URL) throws(RosterError) -> Output {
        var reader: CSVReader
        do { reader = try TabularFile.open(url, options: options.tabular) } catch { throw RosterError(error.description) }
        // The reader's source names a workbook's sheet too (`roster.xlsx, sheet 'Employees'`).
        let isText = reader.source == url.lastPathComponent
        let size = isText ? (try? FileManager.default.attributesOfItem(atPath: url.path))?[.size] as? Int : nil
        let output = try read(&reader, source: reader.source, fileSize: size)
        guard isText else { return output }  // a workbook sheet
        var facts = output.facts
        facts.delimiter = reader.delimiter
        facts.encoding = reader.encoding
        return Output(roster: output.roster, diagnostics: output.diagnostics, rowsRead: output.rowsRead, facts: facts)
    }

    /// Reads a roster from CSV text (for tests and small inputs).
    public func read(csv text: String, source: String = "roster.csv") throws(RosterError) -> Output {
        var reader = CSVReader(string: text, source: source, delimiter: options.tabular.delimiter)
        return try read(&reader, source: source)
    }

    /// Reads a roster already split into a header and rows (e.g. a Workday report): the same
    /// column mapping, preset, dates, managers and status rules as a CSV file.
    public func read(
        columns: [String], rows: some Sequence<(line: Int, fields: [String])>, source: String
    ) throws(RosterError) -> Output {
        var assembly = try RosterAssembly(
            headerFields: columns, headerLine: 1, columnMapping: columnMapping, options: options, period: period,
            source: source)
        for row in rows {
            assembly.add(line: row.line) { index in
                guard index < row.fields.count else { return nil }
                return row.fields[index].trimmingCharacters(in: .whitespacesAndNewlines)
            }
        }
        return try assembly.finish()
    }

    /// Rows read before the roster's size is estimated from the file's (`fileSize`).
    static let rowsBeforeEstimate = 4_096

    private func read(_ reader: inout CSVReader, source: String, fileSize: Int? = nil) throws(RosterError) -> Output {
        let headerRecord: CSVRecord
        do {
            guard let first = try reader.next() else {
                throw RosterError("\(source): the roster is empty; it needs a header row with employee_id and team")
            }
            headerRecord = first
        } catch let error as CSVError {
            throw RosterError(error.description)
        } catch {
            throw RosterError("\(source): \(error)")
        }
        var assembly = try RosterAssembly(
            headerFields: headerRecord.fields, headerLine: headerRecord.line, columnMapping: columnMapping,
            options: options, period: period, source: source)
        reader.expectedFieldCount = headerRecord.count
        var strayCharacters = 0
        var firstStrayLine: Int?
        // The rows are read and trimmed on a thread of their own while they are added here, in
        // order (RosterRowsAhead).
        let ahead = assembly.fieldsRead
        let width = ahead.columns.count
        var placeOfColumn = [Int](repeating: -1, count: (ahead.columns.max() ?? -1) + 1)
        for (place, column) in ahead.columns.enumerated() { placeOfColumn[column] = place }
        let rows = RosterRowsAhead(reading: reader, columns: ahead.columns, idPosition: ahead.idPosition)
        while true {
            let batch: RosterRowsAhead.Batch
            do {
                guard let next = try rows.next() else { break }
                batch = next
            } catch {
                throw RosterError(error.description)
            }
            // Read in place: a closure holding the batch retained its arrays for every field asked.
            batch.fields.withUnsafeBufferPointer { fields in
                placeOfColumn.withUnsafeBufferPointer { placeOfColumn in
                    for event in batch.events {
                        switch event {
                        case .ragged(let row):
                            assembly.skipRow(
                                line: row.line,
                                message: "the row has \(row.found) fields but the header has \(row.expected); the row was skipped")
                        case .row(let row):
                            // The id index's slot for a row a few ahead, so that it is in the cache by then.
                            if row + 4 < batch.idHashes.count { assembly.prefetchID(hash: batch.idHashes[row + 4]) }
                            let line = batch.lines[row]
                            // trimmed(_:) removes control characters and BOMs inside fields; count them here.
                            if batch.strayCharacters[row] > 0 {
                                strayCharacters += batch.strayCharacters[row]
                                firstStrayLine = firstStrayLine ?? line
                            }
                            let first = row * width
                            let id = ahead.idPosition.map { fields[first + $0] } ?? ""
                            assembly.add(line: line, id: .init(id: id.isEmpty ? nil : id, hash: batch.idHashes[row])) { column in
                                // Every column the assembly reads was trimmed ahead.
                                column < placeOfColumn.count && placeOfColumn[column] >= 0 ? fields[first + placeOfColumn[column]] : nil
                            }
                            if assembly.rowsRead == Self.rowsBeforeEstimate, let fileSize, batch.bytesRead[row] > 0 {
                                // The rows so far, scaled to the whole file; at most 2^26 people.
                                let estimate = Double(fileSize) / Double(batch.bytesRead[row]) * Double(Self.rowsBeforeEstimate)
                                assembly.reserve(rows: Int(min(estimate, Double(1 << 26))))
                            }
                        }
                    }
                }
            }
        }
        let output = try assembly.finish()
        guard strayCharacters > 0 else { return output }
        let note = Diagnostic(
            severity: .warning, source: source, line: firstStrayLine,
            message: "\(strayCharacters) control character\(strayCharacters == 1 ? "" : "s") or byte order mark\(strayCharacters == 1 ? "" : "s") "
                + "inside fields (the first on this line) were removed; names and teams are read without them")
        return Output(roster: output.roster, diagnostics: output.diagnostics + [note], rowsRead: output.rowsRead, facts: output.facts)
    }

    /// Removes manager links to unknown ids and breaks manager cycles, reporting each;
    /// `removed` counts the links removed.
    static func repairManagerLinks(
        _ columns: inout RosterColumns, lines: [Int], source: String
    ) -> (diagnostics: [Diagnostic], removed: Int) {
        var diagnostics: [Diagnostic] = []
        var removed = 0
        for position in 0..<columns.count {
            let manager = columns.managers[position]
            guard manager != RosterColumns.none, manager < 0 || Int(manager) == position,
                  let managerID = columns.managerID(at: position) else { continue }
            let id = columns.ids[position]
            let what = Int(manager) == position ? "is their own manager" : "has an unknown manager_id \(managerID)"
            diagnostics.append(Diagnostic(
                severity: .warning, source: source, line: lines[position],
                message: "employee \(id) \(what); treated as having no manager"))
            columns.removeManager(of: position)
            removed += 1
        }
        // Walk up from every person; a walk that meets itself is a cycle, broken at the
        // person where it was found.
        var state = [UInt8](repeating: 0, count: columns.count)  // 0 new, 1 on path, 2 done
        var path: [Int] = []
        for start in 0..<columns.count where state[start] == 0 {
            path.removeAll(keepingCapacity: true)
            var current: Int? = start
            while let node = current, state[node] != 2 {
                if state[node] == 1 {
                    let cycle = path[(path.firstIndex(of: node) ?? 0)...].map { columns.ids[$0] }
                    diagnostics.append(Diagnostic(
                        severity: .warning, source: source, line: lines[node],
                        message: "manager cycle \(cycle.joined(separator: " → ")) → \(columns.ids[node]); "
                            + "\(columns.ids[node]) is treated as having no manager — fix manager_id in the roster"))
                    columns.removeManager(of: node)
                    removed += 1
                    break
                }
                state[node] = 1
                path.append(node)
                let manager = columns.managers[node]
                current = manager >= 0 ? Int(manager) : nil
            }
            for node in path { state[node] = 2 }
        }
        return (diagnostics, removed)
    }
}

/// A roster that cannot be read at all. The message names the file (and line or column)
/// and says what to do.
public struct RosterError: Error, CustomStringConvertible, Sendable, Equatable {
    /// What went wrong.
    public let message: String
    /// Creates an error.
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
