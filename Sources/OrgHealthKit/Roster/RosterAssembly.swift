/// Turns roster rows — from a CSV export or a Workday report — into people: finds the
/// columns (explicit mapping, then the preset's headers), reads the dates in one format for
/// the whole file (given, or inferred once every row is in), links managers by id, email or
/// name, and applies the employment status. Memory is proportional to the people kept.
///
/// The people go straight into the roster's columns (``RosterColumns``) and its id index as
/// the rows come in; what can only be settled once all rows are in (dates, statuses, manager
/// links) waits in columns of its own, freed when settled. `finish()` hands the columns to the
/// roster without copying them (issue 16).
struct RosterAssembly {
    let source: String
    let options: RosterOptions
    let period: ReportingPeriod?
    private(set) var header: CSVHeader
    private(set) var columns: [String: Int] = [:]
    private var rowLog: DiagnosticCollector
    private var linkLog: DiagnosticCollector
    /// The people kept, in the roster's own storage.
    private var people = RosterColumns()
    /// Their exact ids (for duplicates and manager ids), then the roster's index.
    private var keys = RosterKeyIndex(capacity: 1024)
    private(set) var rowsRead = 0
    // What can only be settled once all rows are in, by position in `people`:
    private var lines: [Int] = []
    private var hireTexts = SparseColumn<String>()
    private var endTexts = SparseColumn<String>()
    private var managerTexts = SparseColumn<String>()
    /// "First Last" from the first/last name columns, when the file has them.
    private var firstLasts = SparseColumn<String>()
    /// The people whose status says they have left, in order.
    private var statusSaysLeft: [Int] = []
    /// Whether the status column is a yes/no flag of being active (its header says "active",
    /// as Workday's `Active_Status` does: 1 active, 0 not), so `0`, `false` or `no` says left.
    private var statusIsActiveFlag = false
    /// The columns ``add(line:field:)`` reads, looked up once on the first row: a dictionary
    /// look-up per field per row was a tenth of reading a 10⁶-person roster.
    private var rowColumns: RowColumns?

    private struct RowColumns {
        let id, team, firstName, lastName, name, status, department, email, location, level, hireDate, endDate, manager: Int?

        init(_ columns: [String: Int], managerColumn: Int?) {
            id = columns["employee_id"]
            team = columns["team"]
            firstName = columns["first_name"]
            lastName = columns["last_name"]
            name = columns["name"]
            status = columns["status"]
            department = columns["department"]
            email = columns["email"]
            location = columns["location"]
            level = columns["level"]
            hireDate = columns["hire_date"]
            endDate = columns["end_date"]
            manager = managerColumn
        }
    }

    /// The canonical columns a roster may have besides the required two.
    static let optionalColumns = [
        "manager_id", "manager_email", "manager_name", "department", "name", "first_name", "last_name", "email",
        "location", "level", "hire_date", "end_date", "status",
    ]

    /// Values of an active flag (``statusIsActiveFlag``) that say a person is not active.
    static let inactiveFlags: Set<String> = ["0", "false", "no", "n"]

    /// Status values that say a person has left (compared lowercased; `terminated …` and
    /// `inactive …` also match).
    static let leftStatusWords: Set<String> = [
        "terminated", "inactive", "left", "former", "former employee", "resigned", "separated", "dismissed",
        "retired", "deceased", "ausgetreten", "inaktiv",
    ]

    init(
        headerFields: [String], headerLine: Int, columnMapping: [String: String], options: RosterOptions,
        period: ReportingPeriod?, source: String
    ) throws(RosterError) {
        self.source = source
        self.options = options
        self.period = period
        rowLog = DiagnosticCollector(source: source)
        linkLog = DiagnosticCollector(source: source)
        var mapping = columnMapping
        if let preset = options.preset {
            let plain = CSVHeader(fields: headerFields)
            for (canonical, candidates) in preset.headers where mapping[canonical] == nil {
                if let found = candidates.first(where: plain.contains) { mapping[canonical] = found }
            }
        }
        if let status = options.status { mapping["status"] = status }
        header = CSVHeader(fields: headerFields, mapping: mapping)
        // Every missing required column at once, so one fix of the export is enough.
        let required = ["employee_id", "team"]
        let absent = required.filter { header.index(of: $0) == nil }
        guard absent.isEmpty else {
            let names = absent.map { name in
                "'\(header.expectedHeader(for: name))'"
                    + (options.preset.map { " (the \($0.rawValue) preset looks for \(($0.headers[name] ?? []).map { "'\($0)'" }.joined(separator: ", ")))" } ?? "")
            }.joined(separator: ", ")
            let keys = absent.map { "columns.roster.\($0)" }.joined(separator: ", ")
            let them = absent.count == 1 ? "it" : "them"
            throw RosterError(
                "\(TabularFile.location(source: source, line: headerLine)): the roster has no column \(names); add \(them), or map \(them) with \(keys) in the config"
                    + (header.delimiterHint.map { " (\($0))" } ?? ""))
        }
        for name in required { columns[name] = header.index(of: name) }
        for name in Self.optionalColumns { columns[name] = header.index(of: name) }
        if let status = columns["status"], headerFields.indices.contains(status) {
            statusIsActiveFlag = headerFields[status].lowercased().contains("active")
        }
        try checkCuts(headerFields: headerFields, headerLine: headerLine)
        if let status = options.status, columns["status"] == nil {
            throw RosterError(
                "\(TabularFile.location(source: source, line: headerLine)): the roster has no column '\(status)' (roster.status in the config); "
                    + "fix the name or remove roster.status")
        }
    }

    /// The column a cut reads (`hire_date` for tenure); throws, naming the roster's columns and
    /// the closest one, when the roster has none.
    private mutating func checkCuts(headerFields: [String], headerLine: Int) throws(RosterError) {
        for cut in options.cuts {
            let column = cut.name == "tenure" ? "hire_date" : cut.name
            if cut.isExtraColumn { columns["cut:\(cut.name)"] = header.index(of: cut.name) }
            guard header.index(of: column) == nil else { continue }
            let fields = headerFields.filter { !$0.isEmpty }
            throw RosterError(
                "\(TabularFile.location(source: source, line: headerLine)): cuts: \(cut.name) needs the roster column "
                    + "'\(header.expectedHeader(for: column))', which it does not have"
                    + RosterCut.suggestion(for: header.expectedHeader(for: column), among: fields)
                    + "; the roster's columns are \(fields.joined(separator: ", ")). Fix the name under cuts: in the config "
                    + "(or map it with columns.roster.\(column))")
        }
    }

    /// The values of the extra columns cut by, or `nil` when no extra column is cut (blank
    /// values are left out: they go to no group).
    private func cutValues(_ field: (Int) -> String?) -> [String: String]? {
        var values: [String: String] = [:]
        var any = false
        for cut in options.cuts where cut.isExtraColumn {
            any = true
            guard let index = columns["cut:\(cut.name)"] ?? nil, let text = field(index), !text.isEmpty else { continue }
            values[cut.name] = text
        }
        return any ? values : nil
    }

    /// The manager column in effect, when the file has it.
    var managerColumn: Int? { columns[options.effectiveManagerBy.column] ?? nil }

    /// Makes room for about `rows` people in all (an estimate from the file's size): the
    /// columns and the id index then grow at most once instead of doubling some twenty times,
    /// each time copying everything read so far (issue 16). The columns get a tenth more,
    /// since room never touched costs no memory; the index, whose slots are all written when
    /// it is made, gets the estimate alone.
    mutating func reserve(rows: Int) {
        guard rows > people.count else { return }
        let withMargin = rows + rows / 10
        people.reserve(withMargin)
        lines.reserveCapacity(withMargin)
        keys.reserve(rows)
    }

    /// Counts a row that could not be read at all (e.g. a ragged CSV row).
    mutating func skipRow(line: Int?, message: String) {
        rowsRead += 1
        rowLog.note("ragged", severity: .error, line: line, message: message, summary: "rows with the wrong number of fields were skipped")
    }

    /// Takes one data row; `field` gives a column's trimmed text (`nil` or empty when blank).
    mutating func add(line: Int, field: (Int) -> String?) {
        add(line: line, id: prepareID(field: field), field: field)
    }

    /// A row's employee id and the id's hash, worked out before the row is added.
    struct PreparedID {
        /// The id; `nil` when the row has none.
        let id: String?
        let hash: Int
    }

    /// The employee id of a row, with its hash.
    mutating func prepareID(field: (Int) -> String?) -> PreparedID {
        guard let index = rowColumnsFound().id, let id = field(index), !id.isEmpty else { return PreparedID(id: nil, hash: 0) }
        return PreparedID(id: id, hash: RosterKeyIndex.hash(id))
    }

    /// Starts loading the id index's slot for an id that hashed to `hash`, so that adding its
    /// row a little later does not wait on memory (the index of 10^6 people is far larger than
    /// the caches: each probe was a cache miss, issue 16).
    func prefetchID(hash: Int) {
        keys.prefetch(hash: hash)
    }

    /// Every column ``add(line:id:field:)`` asks `field` for (the canonical columns found and
    /// the extra columns of the configured cuts), which a reader may trim ahead, and the
    /// employee id's place among them.
    var fieldsRead: (columns: [Int], idPosition: Int?) {
        mutating get {
            let at = rowColumnsFound()
            let canonical = [
                at.id, at.team, at.firstName, at.lastName, at.name, at.status, at.department, at.email, at.location,
                at.level, at.hireDate, at.endDate, at.manager,
            ]
            let cuts = options.cuts.filter(\.isExtraColumn).map { columns["cut:\($0.name)"] ?? nil }
            let read = Array(Set((canonical + cuts).compactMap { $0 })).sorted()
            return (read, at.id.flatMap { read.firstIndex(of: $0) })
        }
    }

    /// The columns rows are read from, looked up on first use.
    private mutating func rowColumnsFound() -> RowColumns {
        if let rowColumns { return rowColumns }
        let found = RowColumns(columns, managerColumn: managerColumn)
        rowColumns = found
        return found
    }

    /// Adds a row whose id `prepareID(field:)` gave.
    mutating func add(line: Int, id prepared: PreparedID, field: (Int) -> String?) {
        rowsRead += 1
        let at = rowColumnsFound()
        func value(_ index: Int?) -> String? {
            guard let index, let text = field(index), !text.isEmpty else { return nil }
            return text
        }
        guard let id = prepared.id else {
            rowLog.note("no-id", severity: .error, line: line, message: "the row has no employee_id; it was skipped",
                        summary: "rows without an employee_id were skipped")
            return
        }
        let hash = prepared.hash
        if let first = keys.position(ofID: id, hash: hash, in: people).map({ lines[$0] }) {
            rowLog.note("duplicate", severity: .error, line: line,
                        message: "employee_id \(id) appears again (first on line \(first)); the later row was skipped",
                        summary: "rows repeating an employee_id were skipped")
            return
        }
        guard let team = value(at.team) else {
            rowLog.note("no-team", severity: .error, line: line, message: "employee \(id) has no team; the row was skipped",
                        summary: "rows without a team were skipped")
            return
        }
        let parts = [value(at.firstName), value(at.lastName)].compactMap { $0 }
        let firstLast = parts.isEmpty ? nil : parts.joined(separator: " ")
        let name = value(at.name) ?? firstLast
        let status = value(at.status).map { $0.lowercased() }
        let saysLeft = status.map { text in
            (statusIsActiveFlag && Self.inactiveFlags.contains(text))
                || Self.leftStatusWords.contains(text) || text.hasPrefix("terminated") || text.hasPrefix("inactive")
        } ?? false
        let position = people.count
        people.append(
            id: id, team: team, department: value(at.department), name: name, email: value(at.email),
            location: value(at.location), level: value(at.level), attributes: cutValues(field))
        keys.insertID(of: position, hash: hash)
        lines.append(line)
        hireTexts.append(value(at.hireDate), count: position)
        endTexts.append(value(at.endDate), count: position)
        managerTexts.append(value(at.manager), count: position)
        firstLasts.append(firstLast, count: position)
        if saysLeft { statusSaysLeft.append(position) }
    }

    /// Settles dates, statuses and manager links, and builds the roster.
    mutating func finish() throws(RosterError) -> RosterReader.Output {
        let format = try settleDates()
        let leftWithoutEnd = settleStatuses()
        let links = linkManagers()
        managerTexts.removeAll()
        firstLasts.removeAll()
        let repaired = RosterReader.repairManagerLinks(&people, lines: lines, source: source)
        let hasManagers = managerColumn != nil
        var diagnostics = rowLog.diagnostics(byLine: true)
        if let format, format.inferred {
            diagnostics.append(Diagnostic(
                severity: .info, source: source,
                message: "dates read as \(format.format.pattern), the one format every hire_date and end_date value fits; "
                    + "set roster.dateFormat in the config to make it explicit"))
        }
        if leftWithoutEnd > 0 {
            let treatment = options.statusMeansLeft && period != nil
                ? "counted as leavers on the period's first day (roster.statusMeansLeft)"
                : "counted as employed; set roster.statusMeansLeft: true to count them as leavers, or add their end dates"
            diagnostics.append(Diagnostic(
                severity: .warning, source: source,
                message: "\(leftWithoutEnd) \(leftWithoutEnd == 1 ? "person's" : "people's") status says they left but "
                    + "\(leftWithoutEnd == 1 ? "there is" : "there are") no end_date; \(treatment)"))
        }
        if !hasManagers {
            let by = options.effectiveManagerBy
            diagnostics.append(Diagnostic(
                severity: .warning, source: source,
                message: "the roster has no '\(header.expectedHeader(for: by.column))' column (managerBy: \(by.rawValue)), so no "
                    + "one has a manager: span of control, layers and direct reports are left out; map the column with "
                    + "columns.roster.\(by.column) or set roster.managerBy"))
        }
        diagnostics += linkLog.diagnostics() + repaired.diagnostics
        let unlinkedAfterRepair = repaired.removed
        let facts = RosterReader.Facts(
            dateFormat: format?.format, dateFormatInferred: format?.inferred ?? false,
            managerBy: options.effectiveManagerBy, hasManagerInformation: hasManagers,
            managersLinked: links.linked - unlinkedAfterRepair, managersUnlinked: links.unlinked + unlinkedAfterRepair,
            leftWithoutEndDate: leftWithoutEnd)
        // Moved out, so that the roster takes the index without a copy.
        var keys = RosterKeyIndex(capacity: 0)
        swap(&keys, &self.keys)
        return RosterReader.Output(
            roster: Roster(columns: people, idKeys: keys, hasManagerInformation: hasManagers), diagnostics: diagnostics,
            rowsRead: rowsRead, facts: facts)
    }

    // MARK: Dates

    /// Decides the format and reads every date. Returns `nil` when there are no dates.
    private mutating func settleDates() throws(RosterError) -> (format: RosterDateFormat, inferred: Bool)? {
        // No date anywhere and no format given: nothing to settle (walking a million people's
        // empty dates was a twentieth of reading the roster, issue 16).
        if options.dateFormat == nil, hireTexts.isEmpty, endTexts.isEmpty { return nil }
        // The date strings stay in their columns; this walks them without copying.
        let hires = hireTexts, ends = endTexts, lines = self.lines
        let values = lines.indices.lazy.flatMap { position in
            [(hires[position], "hire_date"), (ends[position], "end_date")].compactMap { text, column in
                text.map { (text: $0, line: lines[position], column: column) }
            }
        }
        let format: RosterDateFormat
        var inferred = false
        if let given = options.dateFormat {
            format = given
            if let example = values.first(where: { _ in true }), !values.contains(where: { given.date(from: $0.text) != nil }) {
                throw RosterError(
                    "\(TabularFile.location(source: source, line: example.line)): no \(example.column) value reads as dateFormat '\(given.pattern)' "
                        + "(e.g. '\(example.text)'); fix roster.dateFormat in the config")
            }
        } else {
            guard values.first(where: { _ in true }) != nil else { return nil }
            format = try inferFormat(values)
            inferred = !format.isISO
        }
        for position in lines.indices {
            people.hireDates[position] = RosterColumns.packed(readDate(hires[position], "hire_date", lines[position], format))
            people.endDates[position] = RosterColumns.packed(readDate(ends[position], "end_date", lines[position], format))
        }
        hireTexts.removeAll()
        endTexts.removeAll()
        return (format, inferred)
    }

    private mutating func readDate(_ text: String?, _ column: String, _ line: Int, _ format: RosterDateFormat) -> CalendarDate? {
        guard let text else { return nil }
        if let date = format.date(from: text) { return date }
        let message = format.isISO && options.dateFormat == nil
            ? "\(column) is not an ISO date (YYYY-MM-DD); the value was ignored"
            : "\(column) '\(text)' is not a date in the format \(format.pattern); the value was ignored"
        rowLog.note("date", line: line, message: message, summary: "dates that could not be read were ignored")
        return nil
    }

    /// The one candidate format that reads the values best. Stops the run when two formats
    /// read them equally well (e.g. every day ≤ 12) or when no format reads even half of them.
    private func inferFormat(
        _ values: some Sequence<(text: String, line: Int, column: String)>
    ) throws(RosterError) -> RosterDateFormat {
        // The common case, decided in one pass: every value is ISO (no other candidate reads
        // an ISO date, so nothing can tie with it).
        if values.allSatisfy({ CalendarDate(iso: $0.text) != nil }) { return .iso }
        let total = values.reduce(0) { count, _ in count + 1 }
        guard let first = values.first(where: { _ in true }) else { return .iso }
        let scores = RosterDateFormat.candidates.map { format in
            (format, values.reduce(0) { $0 + (format.date(from: $1.text) != nil ? 1 : 0) })
        }
        let best = scores.map(\.1).max() ?? 0
        let winners = scores.filter { $0.1 == best }.map(\.0)
        let columnsNamed = Set(values.lazy.map(\.column)).sorted().joined(separator: " and ")
        if best * 2 < total || best == 0 {
            let unread = values.first { value in !RosterDateFormat.candidates.contains { $0.date(from: value.text) != nil } }
                ?? first
            throw RosterError(
                "\(TabularFile.location(source: source, line: unread.line)): the \(columnsNamed) values are in no date format OrgHealth knows "
                    + "(e.g. '\(unread.text)'); set roster.dateFormat in the config (e.g. dateFormat: dd.MM.yyyy)")
        }
        if winners.count > 1 {
            // A tie of formats that each misread some values: the file mixes them (a value only
            // one of them reads, for each).
            let onlyReadBy = winners.map { format in
                values.first { value in winners.filter { $0.date(from: value.text) != nil } == [format] }
            }
            if onlyReadBy.allSatisfy({ $0 != nil }) {
                let examples = zip(winners, onlyReadBy.compactMap { $0 }).map { format, value in
                    "'\(value.text)' (line \(value.line)) reads only as \(format.pattern)"
                }
                throw RosterError(
                    "\(TabularFile.location(source: source, line: onlyReadBy[0]?.line ?? first.line)): the \(columnsNamed) values "
                        + "mix date formats: " + examples.joined(separator: ", ")
                        + "; make them one format in the export, or set roster.dateFormat in the config to the right one "
                        + "(the values in the other format are then reported and ignored)")
            }
            let example = values.first { value in winners.filter { $0.date(from: value.text) != nil }.count > 1 } ?? first
            throw RosterError(
                "\(TabularFile.location(source: source, line: example.line)): the \(columnsNamed) values (e.g. '\(example.text)') read as "
                    + winners.map(\.pattern).joined(separator: " or ")
                    + " alike — every day is 12 or less; set roster.dateFormat in the config (e.g. dateFormat: "
                    + "\(winners[0].pattern.replacingOccurrences(of: "M", with: "MM").replacingOccurrences(of: "d", with: "dd")))")
        }
        return winners[0]
    }

    // MARK: Status

    private mutating func settleStatuses() -> Int {
        var count = 0
        for position in statusSaysLeft where people.endDates[position] == 0 {
            count += 1
            if options.statusMeansLeft, let period {
                var end = period.start
                if let hire = RosterColumns.date(people.hireDates[position]), hire > end { end = hire }
                people.endDates[position] = RosterColumns.packed(end)
            }
            rowLog.note("status", line: lines[position],
                        message: "employee \(people.ids[position])'s status says they left, but there is no end_date",
                        summary: "people whose status says they left have no end_date")
        }
        return count
    }

    // MARK: Managers

    private mutating func linkManagers() -> (linked: Int, unlinked: Int) {
        let by = options.effectiveManagerBy
        var index: [String: [Int]] = [:]
        switch by {
        case .id: break
        case .email:
            for position in 0..<people.count {
                if let email = people.emails[position]?.lowercased() { index[email, default: []].append(position) }
            }
        case .name:
            for position in 0..<people.count {
                for key in Self.nameKeys(name: people.names[position], firstLast: firstLasts[position]) {
                    if index[key]?.last != position { index[key, default: []].append(position) }
                }
            }
        }
        var linked = 0, unlinked = 0
        // The manager id of the last person and where it was found: people of one team, listed
        // together as exports list them, share a manager, so most look-ups are the last one
        // again (issue 16: a cache miss in the id index for each of a million people).
        var last: (id: String, position: Int?)?
        for position in 0..<people.count {
            guard let text = managerTexts[position] else { continue }
            let line = lines[position]
            switch by {
            case .id:
                // An id that is nobody in the roster is kept for now: the repair reports it.
                let manager = last.flatMap { $0.id == text ? $0.position : nil } ?? keys.position(ofID: text, in: people)
                last = (text, manager)
                people.setManager(of: position, to: manager, text: text)
                linked += 1
                continue
            case .email, .name:
                let key = by == .email ? text.lowercased() : Self.normalizedName(text)
                let matches = index[key] ?? []
                if matches.count == 1 {
                    people.setManager(of: position, to: matches[0], text: people.ids[matches[0]])
                    linked += 1
                } else if matches.isEmpty {
                    unlinked += 1
                    linkLog.note("manager-unknown", line: line,
                                 message: "employee \(people.ids[position])'s manager \(by.rawValue) '\(text)' matches no one in the roster; treated as having no manager",
                                 summary: "managers matching no one were left unlinked")
                } else {
                    unlinked += 1
                    let ids = matches.prefix(3).map { people.ids[$0] }.joined(separator: ", ")
                    linkLog.note("manager-ambiguous", line: line,
                                 message: "employee \(people.ids[position])'s manager \(by.rawValue) '\(text)' matches \(matches.count) people (\(ids)); left unlinked — map managers by id or email",
                                 summary: "managers matching several people were left unlinked")
                }
            }
        }
        return (linked, unlinked)
    }

    /// The keys a person can be named by: their name (also read as "Last, First").
    static func nameKeys(name: String?, firstLast: String?) -> [String] {
        [name, firstLast].compactMap { $0 }.map(normalizedName).filter { !$0.isEmpty }
    }

    /// "First Last" or "Last, First" as `first last`: lowercased, runs of spaces collapsed.
    static func normalizedName(_ text: String) -> String {
        var text = text
        if let comma = text.firstIndex(of: ",") {
            let last = text[..<comma]
            let first = text[text.index(after: comma)...]
            text = first + " " + last
        }
        return text.lowercased().split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }
}
