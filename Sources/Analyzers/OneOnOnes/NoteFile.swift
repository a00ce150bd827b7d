import OrgHealthKit

/// One file of the notes folder, and the form it is read as.
struct NoteFile: Sendable {
    /// The forms of notes: Markdown (one meeting per file, or a running document), an HTML
    /// export, or JSON Lines.
    enum Form: Sendable {
        case markdown, html, jsonLines
    }

    /// The full path.
    let path: String
    /// The path below the configured folder (for ordering and telling files apart).
    let relativePath: String
    /// The base name, the only part of a path a diagnostic shows.
    let name: String
    /// The folder the file is in (the path without `/` and the name; empty for a bare name).
    let folder: String
    /// The form its extension claims, if any.
    let formByExtension: Form?

    init(path: String, relativePath: String) {
        self.path = path
        self.relativePath = relativePath
        // The path's bytes read in place (51,000 files at 10^4 people: an array of each path,
        // and a string of each extension, were most of listing the folder, issue 16).
        var path = path
        (name, folder, formByExtension) = path.withUTF8 { bytes in
            let slash = bytes.lastIndex(of: UInt8(ascii: "/"))
            let baseStart = slash.map { $0 + 1 } ?? 0
            let base = UnsafeBufferPointer(rebasing: bytes[baseStart...])
            let folder = slash.map { String(decoding: UnsafeBufferPointer(rebasing: bytes[..<$0]), as: UTF8.self) } ?? ""
            var form: Form?
            if let dot = base.lastIndex(of: UInt8(ascii: ".")), dot != base.startIndex {
                form = Self.form(ofExtension: UnsafeBufferPointer(rebasing: base[(dot + 1)...]))
            }
            return (String(decoding: base, as: UTF8.self), folder, form)
        }
    }

    /// The form a file extension (the bytes after the last dot, ASCII letters in either case)
    /// names, if any: its bytes lower-cased and packed into one integer, compared with the
    /// known extensions packed the same way (no string made per file).
    static func form(ofExtension bytes: UnsafeBufferPointer<UInt8>) -> Form? {
        guard !bytes.isEmpty, bytes.count <= 8 else { return nil }
        let packed = bytes.enumerated().reduce(UInt64(0)) { packed, element in
            let byte = (0x41...0x5A).contains(element.element) ? element.element + 0x20 : element.element
            return packed | UInt64(byte) << (8 * UInt64(element.offset))
        }
        return knownExtensions.first { $0.packed == packed && $0.length == bytes.count }?.form
    }

    /// The extensions that name a form, packed as ``form(ofExtension:)`` packs them.
    private static let knownExtensions: [(packed: UInt64, length: Int, form: Form)] = [
        ("md", Form.markdown), ("markdown", .markdown), ("mdown", .markdown), ("mkd", .markdown),
        ("html", .html), ("htm", .html), ("xhtml", .html), ("jsonl", .jsonLines), ("ndjson", .jsonLines),
    ].map { name, form in
        (Array(name.utf8).enumerated().reduce(UInt64(0)) { $0 | UInt64($1.element) << (8 * UInt64($1.offset)) }, name.utf8.count, form)
    }

    /// The form the content shows (its first non-blank bytes), or the extension's when the
    /// content does not say.
    func form(of bytes: [UInt8]) -> Form? {
        var index = ByteOrderMark.utf8Length(in: bytes)
        while index < bytes.count, bytes[index] == 0x20 || bytes[index] == 0x09 || bytes[index] == 0x0A || bytes[index] == 0x0D {
            index += 1
        }
        guard index < bytes.count else { return formByExtension }
        let head = bytes[index...]
        if head.starts(with: Self.frontMatterOpening) { return .markdown }
        if Self.starts(head, lowercasedWith: Self.doctypeOpening) || Self.starts(head, lowercasedWith: Self.htmlOpening) { return .html }
        if formByExtension == nil, head.first == UInt8(ascii: "<") { return .html }
        if formByExtension == nil, head.first == UInt8(ascii: "{") { return .jsonLines }
        return formByExtension
    }

    /// The openings that tell a form (made once, not per file).
    private static let frontMatterOpening = Array("---".utf8)
    private static let doctypeOpening = Array("<!doctype".utf8)
    private static let htmlOpening = Array("<html".utf8)

    /// Whether `bytes` start with `lowercased`, ASCII letters of `bytes` compared lower-cased.
    private static func starts(_ bytes: ArraySlice<UInt8>, lowercasedWith lowercased: [UInt8]) -> Bool {
        bytes.count >= lowercased.count && zip(bytes, lowercased).allSatisfy { byte, expected in
            ((0x41...0x5A).contains(byte) ? byte + 0x20 : byte) == expected
        }
    }
}

/// Lists the files of the configured notes folders (or files), recursively, in a stable order.
/// Hidden files and folders (a leading `.`) are left out.
enum NoteFolder {
    static func files(in roots: [String]) throws(NoteFolderError) -> [NoteFile] {
        var files: [NoteFile] = []
        for root in roots {
            switch POSIXFiles.isFolder(root) {
            case nil:
                throw NoteFolderError(path: root, problem: "does not exist")
            case false?:
                files.append(NoteFile(path: root, relativePath: NoteFile(path: root, relativePath: "").name))
            case true?:
                let base = root.hasSuffix("/") && root.count > 1 ? String(root.dropLast()) : root
                do {
                    for relative in try POSIXFiles.list(base) {
                        files.append(NoteFile(path: base + "/" + relative, relativePath: relative))
                    }
                } catch {
                    throw NoteFolderError(path: root, problem: "cannot be read")
                }
            }
        }
        // Positions are sorted, not files (each holds five strings to move); the sort is
        // stable, as `sorted(by:)` is.
        return files.indices.sorted { files[$0].relativePath < files[$1].relativePath }.map { files[$0] }
    }
}

/// The notes folder itself is missing or unreadable.
struct NoteFolderError: Error {
    let path: String
    let problem: String
}
