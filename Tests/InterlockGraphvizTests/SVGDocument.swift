import Foundation
import InterlockGraphviz
#if canImport(FoundationXML)
import FoundationXML
#endif

/// An SVG file parsed as XML, with the queries the tests need. Parsing fails on any
/// malformed output, which is itself a check.
struct SVGDocument {
    let document: XMLDocument

    init(_ data: Data) throws {
        document = try XMLDocument(data: data, options: [])
    }

    /// Every `id` attribute in the file.
    var ids: Set<String> {
        Set(((try? document.nodes(forXPath: "//@id")) ?? []).compactMap(\.stringValue))
    }

    /// Ids of the node groups outside the legend, in document order.
    var diagramNodeIDs: [String] {
        nodeIDs.filter { !$0.hasPrefix(Diagram.legendNodeID) }
    }

    /// Ids of the node groups (`<g class="node">`), in document order.
    var nodeIDs: [String] {
        ((try? document.nodes(forXPath: "//*[@class='node']/@id")) ?? []).compactMap(\.stringValue)
    }

    /// The `<text>` contents inside the element with the given id, in document order.
    func texts(inElementWithID id: String) throws -> [String] {
        try document.nodes(forXPath: "//*[@id=\(Self.literal(id))]//*[local-name()='text']").compactMap(\.stringValue)
    }

    /// Every `<text>` content in the file.
    var texts: [String] {
        ((try? document.nodes(forXPath: "//*[local-name()='text']")) ?? []).compactMap(\.stringValue)
    }

    /// The hover text (`xlink:title` of the link) inside the element with the given id.
    func tooltip(ofElementWithID id: String) throws -> String? {
        try document.nodes(forXPath: "//*[@id=\(Self.literal(id))]//*[local-name()='a']/@*[local-name()='title']").first?.stringValue
    }

    /// An XPath string literal; ids in the tests contain no apostrophe.
    private static func literal(_ text: String) -> String { "'\(text)'" }
}
