import Foundation

/// Reads the text of simple, unique elements (`<AccessKeyId>…</AccessKeyId>`) out of a small XML document
/// such as an STS answer, without a full XML parser. Namespaced prefixes and attributes are tolerated.
enum XMLElementText {
    static func first(_ name: String, in xml: String) -> String? {
        var searchStart = xml.startIndex
        while let open = xml.range(of: "<", range: searchStart..<xml.endIndex) {
            guard let close = xml.range(of: ">", range: open.upperBound..<xml.endIndex) else { return nil }
            let tag = xml[open.upperBound..<close.lowerBound]
            var tagName = tag.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }).first.map(String.init) ?? ""
            if tagName.hasSuffix("/") { tagName.removeLast() }
            let localName = tagName.split(separator: ":").last.map(String.init) ?? tagName
            searchStart = close.upperBound
            guard localName == name else { continue }
            if tag.hasSuffix("/") { return "" }
            guard let end = xml.range(of: "</\(tagName)>", range: close.upperBound..<xml.endIndex) else { return nil }
            return unescape(String(xml[close.upperBound..<end.lowerBound]))
        }
        return nil
    }

    static func unescape(_ text: String) -> String {
        var result = text
        if let start = result.range(of: "<![CDATA["), let end = result.range(of: "]]>", range: start.upperBound..<result.endIndex) {
            return String(result[start.upperBound..<end.lowerBound])
        }
        for (entity, character) in [("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&apos;", "'")] {
            result = result.replacingOccurrences(of: entity, with: character)
        }
        // Numeric references, then &amp; last so "&amp;lt;" stays "&lt;".
        while let range = result.range(of: "&#[0-9a-fA-Fx]+;", options: .regularExpression) {
            let body = result[range].dropFirst(2).dropLast()
            let value = body.hasPrefix("x") ? UInt32(body.dropFirst(), radix: 16) : UInt32(body)
            result.replaceSubrange(range, with: value.flatMap(Unicode.Scalar.init).map { String($0) } ?? "")
        }
        return result.replacingOccurrences(of: "&amp;", with: "&")
    }
}
