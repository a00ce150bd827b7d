import Foundation

/// Reads a roster from a CSV export (FORMATS.md "Roster"), with optional column re-mapping.
///
/// Problems that spoil the whole file (it cannot be opened, is not UTF-8, lacks a required
/// column) throw a ``RosterError``. Problems with single rows — a duplicate id, an unknown
/// manager, a manager cycle, a date that does not parse — become diagnostics with the file
/// and line, and the rest of the roster is read.
public struct RosterReader: Sendable {
    /// Canonical column → the export's header text (the config's `columns.roster`).
    public var columnMapping: [String: String]
    /// How the file is read: delimiter, encoding, sheet (the roster's `delimiter`, `encoding`,
    /// `sheet` in the config). By default the delimiter is detected and the file is UTF-8.
    public var tabular: TabularOptions

    /// Creates a reader.
    public init(columnMapping: [String: String] = [:], tabular: TabularOptions = TabularOptions()) {
        self.columnMapping = columnMapping
        self.tabular = tabular
    }

    /// The roster read from a file, and what was wrong with it.
    public struct Output: Sendable {
        /// The people read.
        public let roster: Roster
        /// Data-quality notes with file and line.
        public let diagnostics: [Diagnostic]
        /// Data rows read (header excluded).
        public let rowsRead: Int
    }

    /// Reads a roster file.
    public func read(_ url: URL) throws(RosterError) -> Output {
        var reader: CSVReader
        do { reader = try TabularFile.open(url, options: tabular) } catch { throw RosterError(error.description) }
        // The reader's source names a workbook's sheet too (`roster.xlsx, sheet 'Employees'`).
        return try read(&reader, source: reader.source)
    }

    /// Reads a roster from CSV text (for tests and small inputs).
    public func read(csv text: String, source: String = "roster.csv") throws(RosterError) -> Output {
        var reader = CSVReader(string: text, source: source, delimiter: tabular.delimiter)
        return try read(&reader, source: source)
    }

    private func read(_ reader: inout CSVReader, source: String) throws(RosterError) -> Output {
        let headerRecord: CSVRecord
        do {
            guard let first = try reader.next() else {
                throw RosterError("\(source): the roster is empty; it needs a header row with employee_id, manager_id and team")
            }
            headerRecord = first
        } catch let error as CSVError {
            throw RosterError(error.description)
        } catch {
            throw RosterError("\(source): \(error)")
        }
        let header = CSVHeader(headerRecord, mapping: columnMapping)
        var columns: [String: Int] = [:]
        // Every missing required column at once, so one fix of the export is enough.
        let required = ["employee_id", "manager_id", "team"]
        let absent = required.filter { header.index(of: $0) == nil }
        guard absent.isEmpty else {
            let names = absent.map { "'\(header.expectedHeader(for: $0))'" }.joined(separator: ", ")
            let keys = absent.map { "columns.roster.\($0)" }.joined(separator: ", ")
            throw RosterError(
                "\(source):\(headerRecord.line): the roster has no column \(names); "
                    + "add \(absent.count == 1 ? "it" : "them"), or map \(absent.count == 1 ? "it" : "them") with \(keys) in the config"
                    + (header.delimiterHint.map { " (\($0))" } ?? ""))
        }
        for name in required { columns[name] = header.index(of: name) }
        for name in ["department", "name", "email", "location", "level", "hire_date", "end_date"] {
            columns[name] = header.index(of: name)
        }
        reader.expectedFieldCount = headerRecord.count

        var diagnostics: [Diagnostic] = []
        var people: [Person] = []
        var lineOfID: [String: Int] = [:]
        var lines: [Int] = []
        var rows = 0
        var strayCharacters = 0
        var firstStrayLine: Int?
        func warn(_ line: Int?, _ message: String, _ severity: DiagnosticSeverity = .warning) {
            diagnostics.append(Diagnostic(severity: severity, source: source, line: line, message: message))
        }
        while true {
            let record: CSVRecord
            do {
                guard let next = try reader.next() else { break }
                record = next
            } catch {
                if case .raggedRow(let expected, let found) = error.kind {
                    rows += 1
                    warn(error.line, "the row has \(found) fields but the header has \(expected); the row was skipped", .error)
                    continue
                }
                throw RosterError(error.description)
            }
            rows += 1
            // trimmed(_:) removes control characters and BOMs inside fields; count them here.
            let stray = record.strayCharacterCount
            if stray > 0 {
                strayCharacters += stray
                firstStrayLine = firstStrayLine ?? record.line
            }
            func field(_ name: String) -> String? {
                guard let index = columns[name] ?? nil else { return nil }
                let value = record.trimmed(index)
                return value.isEmpty ? nil : value
            }
            func date(_ name: String) -> CalendarDate? {
                guard let text = field(name) else { return nil }
                guard let date = CalendarDate(iso: text) else {
                    warn(record.line, "\(name) is not an ISO date (YYYY-MM-DD); the value was ignored")
                    return nil
                }
                return date
            }
            guard let id = field("employee_id") else {
                warn(record.line, "the row has no employee_id; it was skipped", .error)
                continue
            }
            if let first = lineOfID[id] {
                warn(record.line, "employee_id \(id) appears again (first on line \(first)); the later row was skipped", .error)
                continue
            }
            guard let team = field("team") else {
                warn(record.line, "employee \(id) has no team; the row was skipped", .error)
                continue
            }
            lineOfID[id] = record.line
            lines.append(record.line)
            people.append(Person(
                id: id, managerID: field("manager_id"), team: team, department: field("department"),
                name: field("name"), email: field("email"), location: field("location"), level: field("level"),
                hireDate: date("hire_date"), endDate: date("end_date")))
        }
        if strayCharacters > 0 {
            warn(firstStrayLine, "\(strayCharacters) control character\(strayCharacters == 1 ? "" : "s") or byte order mark\(strayCharacters == 1 ? "" : "s") "
                + "inside fields (the first on this line) were removed; names and teams are read without them")
        }
        let checked = RosterReader.repairManagerLinks(people, lines: lines, source: source)
        return Output(roster: Roster(people: checked.people), diagnostics: diagnostics + checked.diagnostics, rowsRead: rows)
    }

    /// Removes manager links to unknown ids and breaks manager cycles, reporting each.
    static func repairManagerLinks(
        _ input: [Person], lines: [Int], source: String
    ) -> (people: [Person], diagnostics: [Diagnostic]) {
        var people = input
        var diagnostics: [Diagnostic] = []
        var indexByID: [String: Int] = [:]
        for (index, person) in people.enumerated() { indexByID[person.id] = index }
        for index in people.indices {
            guard let manager = people[index].managerID else { continue }
            if manager == people[index].id || indexByID[manager] == nil {
                let what = manager == people[index].id ? "is their own manager" : "has an unknown manager_id \(manager)"
                diagnostics.append(Diagnostic(
                    severity: .warning, source: source, line: lines[index],
                    message: "employee \(people[index].id) \(what); treated as having no manager"))
                people[index].managerID = nil
            }
        }
        // Walk up from every person; a walk that meets itself is a cycle, broken at the
        // person where it was found.
        var state = [UInt8](repeating: 0, count: people.count)  // 0 new, 1 on path, 2 done
        for start in people.indices where state[start] == 0 {
            var path: [Int] = []
            var current: Int? = start
            while let node = current, state[node] != 2 {
                if state[node] == 1 {
                    let cycle = path[(path.firstIndex(of: node) ?? 0)...].map { people[$0].id }
                    diagnostics.append(Diagnostic(
                        severity: .warning, source: source, line: lines[node],
                        message: "manager cycle \(cycle.joined(separator: " → ")) → \(people[node].id); "
                            + "\(people[node].id) is treated as having no manager — fix manager_id in the roster"))
                    people[node].managerID = nil
                    break
                }
                state[node] = 1
                path.append(node)
                current = people[node].managerID.flatMap { indexByID[$0] }
            }
            for node in path { state[node] = 2 }
        }
        return (people, diagnostics)
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
