import AutomationModel
import Testing

/// Expects `body` to throw a ServiceError with `code` whose message contains every fragment.
func expectServiceError<T>(
    _ code: ServiceError.Code, containing fragments: [String] = [],
    sourceLocation: SourceLocation = #_sourceLocation, _ body: () throws -> T
) {
    do {
        let value = try body()
        Issue.record("Expected \(code) but got \(value)", sourceLocation: sourceLocation)
    } catch let error as ServiceError {
        #expect(error.code == code, "\(error.message)", sourceLocation: sourceLocation)
        for fragment in fragments {
            #expect(error.message.contains(fragment), "'\(error.message)' lacks '\(fragment)'", sourceLocation: sourceLocation)
        }
    } catch {
        Issue.record("Expected a ServiceError but got \(error)", sourceLocation: sourceLocation)
    }
}
