import Foundation

/// ISO 8601 timestamps as AWS credential sources write them (`2024-05-01T12:00:00Z`, with or without
/// fractional seconds, `Z` or a numeric offset).
enum ISO8601Timestamp {
    static func parse(_ text: String) -> Date? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if let date = try? Date(trimmed, strategy: .iso8601) { return date }
        let fractional = Date.ISO8601FormatStyle(includingFractionalSeconds: true)
        if let date = try? fractional.parse(trimmed) { return date }
        return nil
    }

    static func format(_ date: Date) -> String {
        date.formatted(.iso8601)
    }
}
