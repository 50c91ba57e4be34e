import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import ProfileModel
import StructuredErrors

/// One XML element as eap-config parsing needs it: name, attributes, text, children and where it started.
struct XMLElementNode: Sendable {
    var name: String
    var attributes: [String: String]
    var text: String
    var children: [XMLElementNode]
    /// 1-based line of the start tag, as the parser reported it.
    var line: Int
    /// 1-based column of the start tag, as the parser reported it.
    var column: Int

    /// Children with this local name (namespace prefixes are ignored).
    func all(_ name: String) -> [XMLElementNode] { children.filter { $0.localName == name } }

    /// The first child with this local name.
    func first(_ name: String) -> XMLElementNode? { children.first { $0.localName == name } }

    /// The name without a namespace prefix.
    var localName: String {
        if let colon = name.lastIndex(of: ":") { return String(name[name.index(after: colon)...]) }
        return name
    }

    /// The trimmed text content.
    var trimmedText: String { text.trimmingCharacters(in: .whitespacesAndNewlines) }

    /// "line L, column C" for messages.
    var position: String { "line \(line), column \(column)" }

    /// Parses a whole document into its root element.
    /// - Throws: ``ImportError`` `malformed-file` with the parser's line and column.
    static func parse(_ bytes: [UInt8], source: String) throws -> XMLElementNode {
        // FoundationXML traps on element names that are not valid UTF-8, so invalid input is refused first.
        if let (line, column) = firstInvalidUTF8(bytes) {
            throw ImportError(.malformedFile, "\(source): malformed XML at line \(line), column \(column): the text is not valid UTF-8",
                              details: ["file": .string(source), "line": .int(line), "column": .int(column)])
        }
        // FoundationXML hands a processing instruction without data (`<?name?>`) to strlen as a null pointer and
        // crashes (found by scripts/fuzz; Tests/FuzzCorpus/regressions/eap-config), so such a document is refused too.
        if let (line, column) = firstEmptyProcessingInstruction(bytes) {
            throw ImportError(.malformedFile, "\(source): malformed XML at line \(line), column \(column): a processing instruction without content (<?name?>) is not accepted",
                              details: ["file": .string(source), "line": .int(line), "column": .int(column)])
        }
        let parser = XMLParser(data: Data(bytes))
        let builder = TreeBuilder(parser: parser)
        parser.delegate = builder
        parser.shouldProcessNamespaces = false
        parser.shouldResolveExternalEntities = false
        let ok = parser.parse()
        guard ok, builder.failure == nil, let root = builder.root else {
            let line = builder.failureLine ?? parser.lineNumber
            let column = builder.failureColumn ?? parser.columnNumber
            let reason = builder.failure ?? (parser.parserError.map { Self.describe($0) } ?? "the document is incomplete")
            throw ImportError(.malformedFile, "\(source): malformed XML at line \(line), column \(column): \(reason)",
                              details: ["file": .string(source), "line": .int(line), "column": .int(column)])
        }
        return root
    }

    /// The line and column (1-based, in bytes) of the first `<?name?>`: a processing instruction whose target is
    /// followed directly by `?>`, which libxml2 reports with no data at all. Anywhere in the text (a comment or
    /// CDATA holding one is refused as well: eap-config documents have none).
    static func firstEmptyProcessingInstruction(_ bytes: [UInt8]) -> (Int, Int)? {
        var line = 1
        var lineStart = 0
        var index = 0
        while index + 1 < bytes.count {
            if bytes[index] == 0x0A { line += 1; lineStart = index + 1 }
            if bytes[index] == UInt8(ascii: "<") && bytes[index + 1] == UInt8(ascii: "?") {
                var end = index + 2
                while end < bytes.count, !Self.endsPITarget(bytes[end]) { end += 1 }
                if end > index + 2, end + 1 < bytes.count, bytes[end] == UInt8(ascii: "?"), bytes[end + 1] == UInt8(ascii: ">") {
                    return (line, index - lineStart + 1)
                }
            }
            index += 1
        }
        return nil
    }

    /// Whether `byte` ends a processing instruction's target: white space, `?`, or markup.
    private static func endsPITarget(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == UInt8(ascii: "?") || byte == UInt8(ascii: "<")
            || byte == UInt8(ascii: ">")
    }

    /// The line and column (1-based, in bytes) of the first byte that breaks UTF-8, or nil when all is valid.
    static func firstInvalidUTF8(_ bytes: [UInt8]) -> (Int, Int)? {
        var line = 1
        var lineStart = 0
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0x0A { line += 1; lineStart = index + 1; index += 1; continue }
            if byte < 0x80 {
                if byte == 0 { return (line, index - lineStart + 1) }
                index += 1
                continue
            }
            let length: Int
            switch byte {
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default: return (line, index - lineStart + 1)
            }
            guard index + length <= bytes.count,
                  String(validating: bytes[index..<index + length], as: UTF8.self) != nil else {
                return (line, index - lineStart + 1)
            }
            index += length
        }
        return nil
    }

    private static func describe(_ error: any Error) -> String {
        let ns = error as NSError
        if let text = ns.userInfo[NSLocalizedDescriptionKey] as? String, !text.isEmpty { return text }
        return "XML parser error \(ns.code)"
    }
}

/// Builds the element tree from XMLParser callbacks. Used only on the thread that runs `parse()`.
private final class TreeBuilder: NSObject, XMLParserDelegate {
    /// The parser is kept to read positions; the delegate never outlives one `parse()` call.
    unowned let parser: XMLParser
    var stack: [XMLElementNode] = []
    var root: XMLElementNode?
    var failure: String?
    var failureLine: Int?
    var failureColumn: Int?
    /// Guards against documents nested absurdly deep (a cheap denial of service).
    static let maximumDepth = 64

    init(parser: XMLParser) { self.parser = parser }

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]) {
        guard stack.count < Self.maximumDepth else {
            fail("elements nested deeper than \(Self.maximumDepth) levels")
            return
        }
        if root != nil, stack.isEmpty {
            fail("content after the root element")
            return
        }
        stack.append(XMLElementNode(name: elementName, attributes: attributeDict, text: "", children: [],
                                    line: parser.lineNumber, column: parser.columnNumber))
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?) {
        guard let node = stack.popLast() else { return }
        if stack.isEmpty {
            root = node
        } else {
            stack[stack.count - 1].children.append(node)
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        guard !stack.isEmpty else { return }
        stack[stack.count - 1].text += string
    }

    func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) {
        guard !stack.isEmpty else { return }
        stack[stack.count - 1].text += String(decoding: CDATABlock, as: UTF8.self)
    }

    func parser(_ parser: XMLParser, parseErrorOccurred parseError: any Error) {
        if failure == nil {
            let ns = parseError as NSError
            failure = (ns.userInfo[NSLocalizedDescriptionKey] as? String).flatMap { $0.isEmpty ? nil : $0 }
                ?? "XML syntax error \(ns.code)"
            failureLine = parser.lineNumber
            failureColumn = parser.columnNumber
        }
    }

    private func fail(_ reason: String) {
        guard failure == nil else { return }
        failure = reason
        failureLine = parser.lineNumber
        failureColumn = parser.columnNumber
        parser.abortParsing()
    }
}
