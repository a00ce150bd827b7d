import OrgHealthKit

/// Reads a Markdown note: one meeting per file (front matter with `date`), or a running
/// document per pair (front matter with `manager` and `report`, a dated heading per meeting).
///
/// Works on the file's UTF-8 bytes line by line. Fenced code blocks are note text, never
/// headings or action items.
struct MarkdownNoteReader {
    let lexicon: TopicLexicon
    let fields: NoteFieldNames

    /// Reads a note given as text.
    func read(_ text: String, fileName: String) -> NoteFileContent {
        read(utf8: Array(text.utf8), fileName: fileName)
    }

    /// Reads a note given as UTF-8 bytes (a byte-order mark is dropped).
    func read(utf8 bytes: [UInt8], fileName: String) -> NoteFileContent {
        var content = NoteFileContent()
        let lines = Self.lineRanges(bytes)
        var bodyStart = 0
        var frontMatter = FrontMatter.empty
        if let first = lines.first, Self.isFence(bytes[first].trimmed, closing: false) {
            guard let close = lines.dropFirst().firstIndex(where: { Self.isFence(bytes[$0].trimmed, closing: true) }) else {
                content.problem("opens front matter on line 1 but never closes it with '---'; the file was skipped", line: 1)
                return content
            }
            do {
                frontMatter = try FrontMatter(utf8: lines[1..<close].map { bytes[$0] }, firstLine: 2)
            } catch {
                content.problem("has front matter that \(error.message); the file was skipped", line: error.line ?? 1)
                return content
            }
            bodyStart = close + 1
        }
        guard let pair = pair(frontMatter, fileName: fileName) else {
            content.problem("names no manager and report (front matter 'manager:' and 'report:', or a MANAGER__REPORT file name); the file was skipped")
            return content
        }

        var splitter = MeetingSplitter(lexicon: lexicon)
        if let dateEntry = frontMatter[fields.date] {
            guard let date = CalendarDate(iso: dateEntry.value) else {
                content.problem("has a date that is not an ISO date (YYYY-MM-DD); the file was skipped", line: dateEntry.line)
                return content
            }
            var status = MeetingStatus.held
            if let statusEntry = frontMatter[fields.status], !statusEntry.value.isEmpty {
                guard let parsed = MeetingStatus(parsing: statusEntry.value) else {
                    content.problem("has a status other than held, cancelled or no-show; the file was skipped",
                                    line: statusEntry.line)
                    return content
                }
                status = parsed
            }
            splitter.begin(NoteMeeting(date: date, status: status, line: dateEntry.line))
        }
        scanBody(bytes, lines, from: bodyStart, into: &splitter)
        splitter.finish()
        content.problems += splitter.problems
        content.meetings = splitter.meetings.map { (pair, $0) }
        return content
    }

    /// Whether a trimmed line is `---` (or, closing front matter, `...`), compared as bytes (a
    /// comparison with a string's UTF-8 view went through the standard library's generic
    /// path, twice for every front-matter line, issue 16).
    static func isFence(_ line: ArraySlice<UInt8>, closing: Bool) -> Bool {
        guard line.count == 3, let first = line.first, first == UInt8(ascii: "-") || (closing && first == UInt8(ascii: ".")) else {
            return false
        }
        return line.allSatisfy { $0 == first }
    }

    /// Where the lines are, without line breaks (`\n` or `\r\n`) and without a leading
    /// byte-order mark: ranges rather than slices, which would each hold on to the bytes.
    static func lineRanges(_ bytes: [UInt8]) -> [Range<Int>] {
        var lines: [Range<Int>] = []
        lines.reserveCapacity(bytes.count / 24 + 1)
        var start = ByteOrderMark.utf8Length(in: bytes)
        bytes.withUnsafeBytes { bytes in
            // Each line break found by `memchr` (a byte loop was about 8 instructions a byte).
            while start < bytes.count, let offset = LibC.firstOffset(of: 0x0A, in: UnsafeRawBufferPointer(rebasing: bytes[start...])) {
                let index = start + offset
                var end = index
                if end > start, bytes[end - 1] == 0x0D { end -= 1 }
                lines.append(start..<end)
                start = index + 1
            }
            var end = bytes.count
            if end > start, bytes[end - 1] == 0x0D { end -= 1 }
            lines.append(start..<end)
        }
        return lines
    }

    private func scanBody(_ bytes: [UInt8], _ lines: [Range<Int>], from start: Int, into splitter: inout MeetingSplitter) {
        var fence: ArraySlice<UInt8>?
        for index in start..<lines.count {
            let line = bytes[lines[index]]
            let trimmed = line.drop { $0 == 0x20 || $0 == 0x09 }
            if let open = fence {
                if trimmed.starts(with: open) { fence = nil } else { splitter.content(line) }
                continue
            }
            if trimmed.count >= 3, let mark = trimmed.first, mark == UInt8(ascii: "`") || mark == UInt8(ascii: "~"),
               trimmed[trimmed.startIndex + 1] == mark, trimmed[trimmed.startIndex + 2] == mark {
                fence = trimmed.prefix(3)
                continue
            }
            if let heading = Self.heading(line) {
                splitter.heading(level: heading.level, text: heading.text, line: index + 1)
            } else if let item = ActionItemLine.markdown(line) {
                splitter.actionItem(done: item.done, text: item.text)
            } else {
                splitter.content(line)
            }
        }
    }

    /// An ATX heading (`## text`, up to three leading spaces): its level and text.
    @inline(__always)
    static func heading(_ line: ArraySlice<UInt8>) -> (level: Int, text: ArraySlice<UInt8>)? {
        // Most lines start with neither a space nor `#`: told from their first byte, in place
        // (a call per line of 51,000 notes at 10^4 people, issue 16).
        guard let first = line.first, first == UInt8(ascii: "#") || first == 0x20 else { return nil }
        return headingAfterFirstByte(line)
    }

    private static func headingAfterFirstByte(_ line: ArraySlice<UInt8>) -> (level: Int, text: ArraySlice<UInt8>)? {
        let indent = line.prefix { $0 == 0x20 }.count
        guard indent <= 3 else { return nil }
        let rest = line.dropFirst(indent)
        let hashes = rest.prefix { $0 == UInt8(ascii: "#") }.count
        guard (1...6).contains(hashes) else { return nil }
        let text = rest.dropFirst(hashes)
        guard text.isEmpty || text.first == 0x20 || text.first == 0x09 else { return nil }
        return (hashes, text)
    }

    private func pair(_ frontMatter: FrontMatter, fileName: String) -> PairReference? {
        if let manager = frontMatter[fields.manager], let report = frontMatter[fields.report],
           !manager.value.isEmpty, !report.value.isEmpty {
            return PairReference(manager: manager.value, report: report.value,
                                 managerLine: manager.line, reportLine: report.line)
        }
        return PairReference(fileName: fileName)
    }
}

extension PairReference {
    /// The pair a `MANAGER__REPORT.ext` file name names, if it does.
    init?(fileName: String) {
        var stem = Substring(fileName)
        if let dot = stem.lastIndex(of: ".") { stem = stem[..<dot] }
        let parts = stem.split(separator: "__", omittingEmptySubsequences: false)
        guard parts.count == 2 else { return nil }
        let manager = parts[0].trimmed(of: " ")
        let report = parts[1].trimmed(of: " ")
        guard !manager.isEmpty, !report.isEmpty else { return nil }
        self.init(manager: manager, report: report)
    }
}
