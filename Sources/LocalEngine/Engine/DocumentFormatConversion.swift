import AutomationModel
import Foundation
import Yams

/// GetDocument may ask for the content in another format than it was stored in.
enum DocumentFormatConversion {
    static func convert(_ content: String, from stored: DocumentFormat, to wanted: DocumentFormat) throws(ServiceError)
        -> String
    {
        if stored == wanted || wanted == .text { return content }
        do {
            switch wanted {
            case .json:
                // JSON is YAML, so one loader reads both; sorted keys keep the output stable.
                guard let object = try Yams.load(yaml: content) else { return "{}" }
                let data = try JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys])
                return String(decoding: data, as: UTF8.self)
            case .yaml:
                guard let object = try Yams.load(yaml: content) else { return "" }
                return try Yams.dump(object: object)
            case .text:
                return content
            }
        } catch {
            throw ServiceError(
                .invalidDocumentContent, "The stored document could not be converted to \(wanted.rawValue): \(error)")
        }
    }
}
