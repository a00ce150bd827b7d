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
        let bytes = Array(path.utf8)
        let slash = bytes.lastIndex(of: UInt8(ascii: "/"))
        let base = slash.map { bytes[($0 + 1)...] } ?? bytes[...]
        name = base.string
        folder = slash.map { bytes[..<$0].string } ?? ""
        var fileExtension = ""
        if let dot = base.lastIndex(of: UInt8(ascii: ".")), dot != base.startIndex {
            fileExtension = String(decoding: base[(dot + 1)...].map { (0x41...0x5A).contains($0) ? $0 + 0x20 : $0 }, as: UTF8.self)
        }
        switch fileExtension {
        case "md", "markdown", "mdown", "mkd": formByExtension = .markdown
        case "html", "htm", "xhtml": formByExtension = .html
        case "jsonl", "ndjson": formByExtension = .jsonLines
        default: formByExtension = nil
        }
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
        return files.sorted { $0.relativePath < $1.relativePath }
    }
}

/// The notes folder itself is missing or unreadable.
struct NoteFolderError: Error {
    let path: String
    let problem: String
}
