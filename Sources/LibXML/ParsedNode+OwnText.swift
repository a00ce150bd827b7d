internal import CLibXML2

extension ParsedNode {
    /// The text of the subtree like ``textContent``, except that each child element for which
    /// `isSeparate` is true contributes `separator` instead of its text (and is not entered).
    ///
    /// One pass over the nodes it reads, so a reader that takes each block's own text this way,
    /// then descends into the separated children, reads every text node once: linear in the
    /// document, however many blocks an element holds.
    public func textContent(separatingChildren isSeparate: (ParsedNode) -> Bool, with separator: UInt8) -> [UInt8] {
        var bytes: [UInt8] = []
        var child = node.pointee.children
        while let current = child {
            child = current.pointee.next
            switch current.pointee.type {
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                if let content = current.pointee.content {
                    bytes.append(contentsOf: UnsafeBufferPointer(start: content, count: Int(xmlStrlen(content))))
                }
            case XML_ELEMENT_NODE:
                let element = ParsedNode(document: document, node: current)
                if isSeparate(element) {
                    bytes.append(separator)
                } else {
                    bytes.append(contentsOf: element.textContent.utf8)
                }
            default:
                continue
            }
        }
        return bytes
    }
}
