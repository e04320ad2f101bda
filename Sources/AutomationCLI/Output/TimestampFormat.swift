import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `cli_timestamp_format`, a profile setting the AWS CLI reads from the config file only (no variable or flag
/// sets it there either): `wire` prints timestamps as the service sent them, `iso8601` as botocore's
/// `parse_timestamp(value).isoformat()` gives them, in the local time zone. The default is `wire`, AWS CLI v1's
/// default and the installed AWS CLI's, which the byte-for-byte comparisons run against; `none` is v1's other
/// name for it.
public enum TimestampFormat: String, Sendable, Equatable {
    case wire
    case iso8601

    /// The profile's setting; a value the AWS CLI does not know is a configuration error with its wording.
    public static func named(_ value: String?, origin: String) throws(CLIFailure) -> TimestampFormat {
        switch value {
        case nil, "wire", "none": return .wire
        case "iso8601": return .iso8601
        case let other?:
            throw CLIFailure.configuration(
                "Unknown cli_timestamp_format value: \(other), valid values are \"none\", \"wire\" or \"iso8601\" (from \(origin)).")
        }
    }

    /// A timestamp member's value as this format prints it. Only numbers are converted: the SSM JSON protocol
    /// sends epoch seconds, and anything else is left as sent rather than guessed at.
    func apply(to value: WireJSON) -> WireJSON {
        guard self == .iso8601, case .number(let text) = value, let seconds = Double(text), seconds.isFinite else {
            return value
        }
        return .string(Self.isoformat(epochSeconds: seconds))
    }

    /// Python's `datetime.fromtimestamp(seconds, tzlocal()).isoformat()`: microseconds rounded half to even
    /// as CPython rounds them, printed only when not zero; the offset as ±HH:MM (with :SS when it has seconds).
    static func isoformat(epochSeconds seconds: Double) -> String {
        var whole = seconds.rounded(.towardZero)
        var micro = roundHalfEven((seconds - whole) * 1e6)
        if micro >= 1e6 {
            micro -= 1e6
            whole += 1
        } else if micro < 0 {
            micro += 1e6
            whole -= 1
        }
        let zone = LocalZone.current
        var time = time_t(whole)
        var local = tm()
        localtime_r(&time, &local)
        let offset = zone.hasDaylightTime && local.tm_isdst > 0 ? zone.daylightOffset : zone.standardOffset
        var wall = time_t(whole) + time_t(offset)
        var parts = tm()
        gmtime_r(&wall, &parts)
        var text = String(
            format: "%04d-%02d-%02dT%02d:%02d:%02d", Int(parts.tm_year) + 1900, Int(parts.tm_mon) + 1,
            Int(parts.tm_mday), Int(parts.tm_hour), Int(parts.tm_min), Int(parts.tm_sec))
        if micro != 0 { text += String(format: ".%06d", Int(micro)) }
        let magnitude = abs(offset)
        text += String(format: "%@%02d:%02d", offset < 0 ? "-" : "+", magnitude / 3600, magnitude % 3600 / 60)
        if magnitude % 60 != 0 { text += String(format: ":%02d", magnitude % 60) }
        return text
    }

    /// dateutil's tzlocal offsets a time by the zone's standard or daylight offset of this year (Python's
    /// time.timezone and time.altzone, which CPython on glibc reads from January and July), whichever
    /// localtime says is in force, rather than by the offset the zone's history gives for that date.
    struct LocalZone {
        let standardOffset: Int
        let daylightOffset: Int
        var hasDaylightTime: Bool { standardOffset != daylightOffset }

        static var current: LocalZone {
            tzset()
            let year: time_t = (365 * 24 + 6) * 3600
            let start = (time(nil) / year) * year
            let january = gmtoff(start), july = gmtoff(start + year / 2)
            // In the southern hemisphere January is the daylight half.
            return january > july
                ? LocalZone(standardOffset: july, daylightOffset: january)
                : LocalZone(standardOffset: january, daylightOffset: july)
        }

        private static func gmtoff(_ moment: time_t) -> Int {
            var moment = moment
            var parts = tm()
            localtime_r(&moment, &parts)
            return Int(parts.tm_gmtoff)
        }
    }

    /// CPython's _PyTime_RoundHalfEven.
    private static func roundHalfEven(_ value: Double) -> Double {
        let rounded = value.rounded()
        if abs(value - rounded) == 0.5 { return 2 * (value / 2).rounded() }
        return rounded
    }
}
