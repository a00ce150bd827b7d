import LibXML

/// Reads an HTML export of a running document (as office suites write it) with libxml2's HTML
/// parser, network and entities off: dated headings split meetings, list items and paragraphs
/// hold the notes, checkbox inputs or ☐/☑ glyphs mark action items. The pair comes from
/// `<meta name="manager">`/`<meta name="report">` or from a `MANAGER__REPORT.html` file name.
///
/// A file whose DOCTYPE declares entities is refused outright: nothing in it is read.
struct HTMLNoteReader {
    let lexicon: TopicLexicon

    func read(_ data: [UInt8], fileName: String) -> NoteFileContent {
        var content = NoteFileContent()
        if let line = Self.entityDeclarationLine(data) {
            content.problem("declares entities in its DOCTYPE, which are never loaded or expanded; the file was skipped — export it again without them",
                            line: line)
            return content
        }
        let document: ParsedDocument
        do { document = try HardenedParser.parseHTML(data, url: fileName) } catch {
            content.problem("could not be read as HTML; the file was skipped", line: error.line)
            return content
        }
        guard let root = document.root else {
            content.problem("holds no HTML elements; the file was skipped")
            return content
        }
        guard let pair = Self.pair(root, fileName: fileName) else {
            content.problem("names no manager and report (<meta name=\"manager\"> and <meta name=\"report\">, or a MANAGER__REPORT.html file name); the file was skipped")
            return content
        }
        var splitter = MeetingSplitter(lexicon: lexicon)
        walk(root, into: &splitter)
        splitter.finish()
        content.problems += splitter.problems
        content.meetings = splitter.meetings.map { (pair, $0) }
        return content
    }

    /// Visits the elements in document order without recursion (exports can nest deeply).
    private func walk(_ root: ParsedNode, into splitter: inout MeetingSplitter) {
        var stack: [ParsedNode] = [root]
        while let node = stack.popLast() {
            let kind = HTMLElementKind(of: node)
            if kind == .skipped { continue }
            if case .heading(let level) = kind {
                splitter.heading(level: level, text: node.textContentUTF8[...], line: node.line)
                continue
            }
            let children = node.children
            let blocks = children.filter { HTMLElementKind(of: $0) != .inline }
            if blocks.isEmpty {
                block(node.textContentUTF8[...], inputs: node.descendants(named: "input"), into: &splitter)
                continue
            }
            // A list item (or any block) with text of its own before nested blocks: the own
            // text is what remains once the nested blocks' text is taken out (each becomes a
            // line break). Taken in one pass that skips the nested blocks, which are read on
            // their own below, so every text node is read once: linear in the file (it used to
            // search and splice the whole text once per child, quadratic for 250,000 <p>).
            let own = node.textContent(separatingChildren: { HTMLElementKind(of: $0) != .inline }, with: 0x0A)
            if own.contains(where: { $0 > 0x20 }) {
                let inputs = children.filter { HTMLElementKind(of: $0) == .inline }.flatMap { child in
                    child.name == "input" ? [child] : child.descendants(named: "input")
                }
                block(own[...], inputs: inputs, into: &splitter)
            }
            stack.append(contentsOf: blocks.reversed())
        }
    }

    /// One block of text: an action item when it has a checkbox input or glyph, notes otherwise.
    private func block(_ text: ArraySlice<UInt8>, inputs: [ParsedNode], into splitter: inout MeetingSplitter) {
        if let box = inputs.first(where: { $0.attribute("type")?.lowercased() == "checkbox" }) {
            splitter.actionItem(done: box.attribute("checked") != nil, text: text)
        } else if let item = ActionItemLine.checkbox(text) {
            splitter.actionItem(done: item.done, text: item.text)
        } else {
            splitter.content(text)
        }
    }

    /// The pair from the `<meta>` tags, else from the file name.
    private static func pair(_ root: ParsedNode, fileName: String) -> PairReference? {
        var manager: (String, Int)?
        var report: (String, Int)?
        for meta in root.descendants(named: "meta") {
            guard let name = meta.attribute("name")?.lowercased(), let value = meta.attribute("content")?.trimmed(of: " \t"),
                  !value.isEmpty else { continue }
            if name == "manager", manager == nil { manager = (value, meta.line) }
            if name == "report", report == nil { report = (value, meta.line) }
        }
        if let manager, let report {
            return PairReference(manager: manager.0, report: report.0, managerLine: manager.1, reportLine: report.1)
        }
        return PairReference(fileName: fileName)
    }

    /// `entity`, lower-case: what follows `<!` in an entity declaration.
    private static let entityWord = Array("entity".utf8)

    /// The line of the first `<!ENTITY` declaration (any letter case), if there is one. Each
    /// `!` is found by `memchr` (far rarer in an export than `<`, and a byte-by-byte search
    /// of every export was about 7 instructions a byte, issue 16), then the bytes around it
    /// are compared.
    static func entityDeclarationLine(_ bytes: [UInt8]) -> Int? {
        let found: Int? = bytes.withUnsafeBytes { raw in
            var start = 0
            while start < raw.count, let offset = LibC.firstOffset(of: UInt8(ascii: "!"), in: UnsafeRawBufferPointer(rebasing: raw[start...])) {
                let bang = start + offset
                if bang > 0, raw[bang - 1] == UInt8(ascii: "<"), bang + entityWord.count < raw.count,
                   entityWord.indices.allSatisfy({ index in
                       let byte = raw[bang + 1 + index]
                       return ((0x41...0x5A).contains(byte) ? byte + 0x20 : byte) == entityWord[index]
                   }) {
                    return bang - 1
                }
                start = bang + 1
            }
            return nil
        }
        guard let opening = found else { return nil }
        return 1 + bytes[..<opening].reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
    }
}
