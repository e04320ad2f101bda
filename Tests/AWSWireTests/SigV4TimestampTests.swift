@testable import AWSWire
import Foundation
import Testing

@Suite struct SigV4TimestampTests {
    /// The arithmetic agrees with Foundation's Gregorian calendar, leap days and century years included.
    @Test func formatsAsTheGregorianCalendarDoes() {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        var seconds: TimeInterval = -2_208_988_800  // 1900-01-01
        while seconds < 4_102_444_800 {  // 2100-01-01
            let date = Date(timeIntervalSince1970: seconds)
            let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
            let expected = String(
                format: "%04d%02d%02dT%02d%02d%02dZ", parts.year!, parts.month!, parts.day!, parts.hour!,
                parts.minute!, parts.second!)
            #expect(SigV4Timestamp.format(date) == expected)
            #expect(SigV4Timestamp.parse(expected) == date)
            // A fraction of a second is dropped, as the signers drop it.
            #expect(SigV4Timestamp.format(date.addingTimeInterval(0.75)) == expected)
            seconds += 86_400 * 37 + 3_661
        }
    }

    @Test func refusesWhatIsNotATimestamp() {
        for text in ["20150231T000000Z", "20151301T000000Z", "20150830T246000Z", "20150830T123600", "2015-08-30T12:36:00Z",
            "2015083OT123600Z", ""]
        {
            #expect(SigV4Timestamp.parse(text) == nil, "\(text)")
        }
        #expect(SigV4Timestamp.parse("20160229T235959Z") != nil)
        #expect(SigV4Timestamp.parse("21000229T000000Z") == nil)
        #expect(SigV4Timestamp.parse("20000229T000000Z") != nil)
    }
}
