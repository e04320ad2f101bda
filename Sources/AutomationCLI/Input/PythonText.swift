import Foundation

/// The few Python string operations the AWS CLI's input handling depends on, with Python's definitions.
enum PythonText {
    /// str.strip() / str.lstrip(): Unicode whitespace as `str.isspace` defines it.
    static func strip(_ text: String) -> String {
        let scalars = Array(text.unicodeScalars)
        guard let start = scalars.firstIndex(where: { !ShorthandCharacters.isPythonSpace($0) }) else { return "" }
        let end = scalars.lastIndex(where: { !ShorthandCharacters.isPythonSpace($0) })!
        return String(String.UnicodeScalarView(scalars[start...end]))
    }

    static func lstrip(_ text: String) -> String {
        let scalars = text.unicodeScalars
        guard let start = scalars.firstIndex(where: { !ShorthandCharacters.isPythonSpace($0) }) else { return "" }
        return String(scalars[start...])
    }

    /// int(text): surrounding whitespace, an optional sign, ASCII digits with single underscores between them.
    static func int(_ text: String) -> Int? {
        var body = Substring(strip(text))
        var negative = false
        if let sign = body.first, sign == "+" || sign == "-" {
            negative = sign == "-"
            body = body.dropFirst()
        }
        guard let first = body.first, first.isASCII, first.isNumber, body.last != "_", !body.contains("__") else { return nil }
        let digits = body.filter { $0 != "_" }
        guard digits.allSatisfy({ $0.isASCII && $0.isNumber }), let magnitude = Int(digits) else { return nil }
        return negative ? -magnitude : magnitude
    }
}

/// Readable reasons for JSON that did not parse.
enum JSONText {
    static func reason(_ error: any Error) -> String {
        if case DecodingError.dataCorrupted(let context) = error {
            if let underlying = context.underlyingError as NSError?,
                let detail = underlying.userInfo[NSDebugDescriptionErrorKey] as? String
            {
                return detail
            }
            return context.debugDescription
        }
        return "\(error)"
    }
}

/// Timestamps as botocore accepts them for input: ISO 8601 or seconds since the epoch.
enum Timestamp {
    static func isValid(_ text: String) -> Bool {
        if Double(text) != nil { return true }
        let full = ISO8601DateFormatter()
        if full.date(from: text) != nil { return true }
        full.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        if full.date(from: text) != nil { return true }
        let dateOnly = ISO8601DateFormatter()
        dateOnly.formatOptions = [.withFullDate]
        return dateOnly.date(from: text) != nil
    }
}
