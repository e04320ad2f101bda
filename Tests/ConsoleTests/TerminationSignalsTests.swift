import Console
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// A signal sent to the console's whole process group arrives twice (directly, and passed on by the
/// supervisor): that is one request to stop, while a second request still ends the console at once.
@Suite("Termination signals")
struct TerminationSignalsTests {
    let first = TerminationSignals.Received(signal: SIGTERM, at: ContinuousClock.now)

    @Test func theSameSignalAtOnceIsAnEcho() {
        #expect(TerminationSignals.isEcho(SIGTERM, at: first.at + .milliseconds(20), after: first))
    }

    @Test func theSameSignalLaterIsASecondRequest() {
        #expect(!TerminationSignals.isEcho(SIGTERM, at: first.at + TerminationSignals.echoWindow, after: first))
        #expect(!TerminationSignals.isEcho(SIGTERM, at: first.at + .seconds(3), after: first))
    }

    @Test func anotherSignalIsASecondRequest() {
        #expect(!TerminationSignals.isEcho(SIGINT, at: first.at + .milliseconds(20), after: first))
    }
}
