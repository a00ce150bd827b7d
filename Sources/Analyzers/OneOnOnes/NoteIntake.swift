import OrgHealthKit

/// Reads note files one at a time into a ledger: picks the reader by content and extension,
/// refuses binary and non-UTF-8 files, resolves people through the roster, drops meetings
/// outside the period (counting them). One intake per worker; ledgers merge afterwards.
struct NoteIntake {
    let settings: OneOnOneOptions
    let roster: Roster
    let period: ReportingPeriod
    private(set) var ledger = NoteLedger()
    /// The employee ids already looked up by the reference a note used (the same names recur
    /// in many files); `nil` inside for a reference the roster does not know. Ids, not whole
    /// `Person` values: copying a person (a dozen strings) for every file cost more than the look-up.
    private var people: [String: String?] = [:]
    /// The folder of the last file read, held open: the files of a folder come one after
    /// another, and each is then opened by its name (issue 16: the kernel walked every folder
    /// of every note's path again, about a quarter of the 10,000-person report's system time).
    private var openFolder: OpenFolder?

    /// Markdown and HTML files larger than this are skipped (a notes file is kilobytes).
    static let maxDocumentBytes = 32 << 20

    init(settings: OneOnOneOptions, roster: Roster, period: ReportingPeriod) {
        self.settings = settings
        self.roster = roster
        self.period = period
    }

    mutating func read(_ file: NoteFile) {
        let content: NoteFileContent
        do {
            guard let read = try readContent(file) else { return }
            content = read
        } catch .tooLarge(let bytes) {
            ledger.bytesRead += bytes
            skip(file, "is larger than \(Self.maxDocumentBytes >> 20) MB, too large for a notes document; it was skipped")
            return
        } catch .refused(let reason) {
            skip(file, "could not be read (\(reason)); it was skipped — notes are read from regular files only")
            return
        } catch {
            skip(file, "could not be read; it was skipped — check that the file is readable")
            return
        }
        ledger.bytesRead += content.bytesRead
        for problem in content.problems {
            note(file, Diagnostic(severity: problem.severity, source: file.name, line: problem.line,
                                  message: "This file \(problem.message)"))
        }
        if content.meetings.isEmpty && !content.problems.isEmpty {
            ledger.filesSkipped += 1
        } else {
            ledger.filesRead += 1
        }
        absorb(content.meetings, from: file)
    }

    /// The file's meetings and problems, or `nil` when the file was skipped (and reported).
    private mutating func readContent(_ file: NoteFile) throws(POSIXFiles.Failure) -> NoteFileContent? {
        if file.formByExtension == .jsonLines {
            return try JSONLinesNoteReader(lexicon: settings.lexicon, fields: settings.fields).read(path: file.path)
        }
        let bytes = try bytes(of: file)
        ledger.bytesRead += bytes.count
        let form = bytes.isEmpty ? nil : file.form(of: bytes)
        if let problem = bytes.withUnsafeBytes({ NoteTextCheck.problem(in: $0) }) {
            skip(file, problem.message, line: problem.line, severity: form == nil ? .warning : .error)
            return nil
        }
        switch form {
        case .markdown:
            return MarkdownNoteReader(lexicon: settings.lexicon, fields: settings.fields).read(utf8: bytes, fileName: file.name)
        case .html:
            return HTMLNoteReader(lexicon: settings.lexicon).read(bytes, fileName: file.name)
        case .jsonLines:
            return try JSONLinesNoteReader(lexicon: settings.lexicon, fields: settings.fields).read(path: file.path)
        case nil:
            skip(file, bytes.isEmpty ? "is empty; it was skipped" : "is not in a notes format (Markdown, HTML or JSON Lines); it was skipped",
                 severity: .info)
            return nil
        }
    }

    /// The file's bytes, opened by its name in its folder (kept open for the next file), or by
    /// its path when the folder cannot be opened.
    private mutating func bytes(of file: NoteFile) throws(POSIXFiles.Failure) -> [UInt8] {
        if !file.folder.isEmpty, openFolder?.path != file.folder { openFolder = OpenFolder(file.folder) }
        guard let openFolder, openFolder.path == file.folder else {
            return try POSIXFiles.read(file.path, limit: Self.maxDocumentBytes)
        }
        return try POSIXFiles.read(file.name, inFolder: openFolder.descriptor, limit: Self.maxDocumentBytes)
    }

    /// Resolves the people of each meeting and adds those in the period to the ledger.
    private mutating func absorb(_ meetings: [(pair: PairReference, meeting: NoteMeeting)], from file: NoteFile) {
        // Each pair is resolved (and reported) once per file. Most files hold one meeting, and
        // need no table for that.
        var resolved: [PairReference: PairKey?] = [:]
        for (pair, meeting) in meetings {
            let key: PairKey?
            if meetings.count == 1 {
                key = resolve(pair, in: file)
            } else if let known = resolved[pair] {
                key = known
            } else {
                key = resolve(pair, in: file)
                resolved[pair] = key
            }
            guard let key else {
                ledger.meetingsSkipped += 1
                continue
            }
            guard period.contains(meeting.date) else {
                ledger.meetingsOutsidePeriod += 1
                continue
            }
            ledger.meetingsInPeriod += 1
            ledger.pairs[key, default: PairLog()].record(meeting)
        }
    }

    private mutating func resolve(_ pair: PairReference, in file: NoteFile) -> PairKey? {
        let manager = personID(pair.manager)
        let report = personID(pair.report)
        if manager == nil {
            note(file, Diagnostic(severity: .error, source: file.name, line: pair.managerLine,
                                  message: "This file names a manager who is not in the roster (people are matched by employee_id or email); their meetings were skipped"))
        }
        if report == nil {
            note(file, Diagnostic(severity: .error, source: file.name, line: pair.reportLine,
                                  message: "This file names a report who is not in the roster (people are matched by employee_id or email); their meetings were skipped"))
        }
        guard let manager, let report else { return nil }
        guard manager != report else {
            note(file, Diagnostic(severity: .error, source: file.name, line: pair.reportLine,
                                  message: "This file names the same person as manager and report; those meetings were skipped"))
            return nil
        }
        return PairKey(manager: manager, report: report)
    }

    /// The employee id of the person a note names by employee id or email, through the roster (cached).
    private mutating func personID(_ reference: String) -> String? {
        if let known = people[reference] { return known }
        let found = roster.id(matching: reference)
        people[reference] = .some(found)
        return found
    }

    private mutating func skip(_ file: NoteFile, _ message: String, line: Int? = nil, severity: DiagnosticSeverity = .error) {
        ledger.filesSkipped += 1
        note(file, Diagnostic(severity: severity, source: file.name, line: line, message: "This file \(message)"))
    }

    private mutating func note(_ file: NoteFile, _ diagnostic: Diagnostic) {
        ledger.diagnostics.append(PendingDiagnostic(path: file.relativePath, diagnostic: diagnostic))
    }
}
