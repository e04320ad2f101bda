import Foundation

/// An ISO-8601 duration as aws:sleep takes it: `PT10S`, `PT5M`, `PT1H30M`, `P1D`, `P1DT2H`, `PT0.5S`, `P2W`.
/// Years and months are refused because their length depends on the calendar.
struct ISO8601Duration: Sendable, Hashable {
    var seconds: Double

    static let acceptedForms =
        "an ISO-8601 duration such as PT10S, PT5M, PT1H30M, P1D or P1DT2H (weeks W, days D, then after T hours H, minutes M and seconds S, which may have a fraction such as PT1.5S)"

    init?(_ text: String) {
        let upper = text.trimmingCharacters(in: .whitespaces).uppercased()
        guard upper.hasPrefix("P"), upper.count > 1 else { return nil }
        var total = 0.0
        var number = ""
        var inTime = false
        var sawComponent = false
        var lastUnitRank = -1
        for character in upper.dropFirst() {
            if character.isNumber || character == "." || character == "," {
                number.append(character == "," ? "." : character)
                continue
            }
            if character == "T" {
                guard !inTime, number.isEmpty else { return nil }
                inTime = true
                continue
            }
            // Each unit may appear once, largest first; only seconds may have a fraction.
            let units: [Character: (rank: Int, seconds: Double)] =
                inTime ? ["H": (2, 3600), "M": (3, 60), "S": (4, 1)] : ["W": (0, 604_800), "D": (1, 86_400)]
            guard let unit = units[character], unit.rank > lastUnitRank, !number.isEmpty,
                let value = Double(number), value.isFinite,
                character == "S" || !number.contains(".")
            else { return nil }
            total += value * unit.seconds
            lastUnitRank = unit.rank
            number = ""
            sawComponent = true
        }
        guard number.isEmpty, sawComponent, !(inTime && lastUnitRank < 2) else { return nil }
        seconds = total
    }
}

/// An ISO-8601 date and time with `Z` or an offset, as aws:sleep's Timestamp takes it.
enum ISO8601Timestamp {
    static let acceptedForms =
        "an ISO-8601 date and time with Z or an offset, such as 2025-06-01T12:00:00Z, 2025-06-01T14:00:00+02:00 or 2025-06-01T12:00:00.250Z"

    static func parse(_ text: String) -> Date? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        if let date = formatter.date(from: trimmed) { return date }
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.date(from: trimmed)
    }
}
