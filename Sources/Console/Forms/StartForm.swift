import AutomationModel
import Foundation

/// The form `n` opens: pick a document, fill in its parameters, choose the mode, send StartAutomationExecution.
public struct StartForm: Sendable, Hashable {
    public enum Step: Sendable, Hashable {
        /// Waiting for ListDocuments.
        case loadingDocuments
        /// ListDocuments failed (the error says why); Enter or R asks again.
        case documentsFailed
        case pickingDocument
        /// Waiting for DescribeDocument.
        case loadingDocument
        case editingParameters
        case sending
    }

    public var step: Step = .loadingDocuments
    public var documents: [String] = []
    /// What has been typed in the document picker: only the documents whose names contain it are listed.
    public var documentFilter = ""
    /// The chosen row of `pickableDocuments`.
    public var documentIndex = 0
    public var documentName: String?
    public var documentVersion: String?
    public var fields: [ParameterField] = []
    /// The focused row: a parameter, or `fields.count` for the mode.
    public var focus = 0
    public var mode: ExecutionMode = .auto
    public var error: String?
    /// Why only DescribeDocument's types are checked, when the document's content could not be read.
    public var rulesNote: String?
    /// How many local targets the Targets row resolves to, for the targets it was counted for.
    public var targetCount: TargetCount?

    public init() {}

    /// The targets counted and how many instances they name.
    public struct TargetCount: Sendable, Hashable {
        public var targets: [Target]
        public var count: Int
    }

    /// The count for the Targets row as typed now, if it was counted.
    public var currentTargetCount: Int? {
        guard case .success(let targets) = RateControl.parseTargets(value(of: .targets)), let targetCount,
            targetCount.targets == targets
        else { return nil }
        return targetCount.count
    }

    public var isModeFocused: Bool { focus == fields.count }

    /// The documents the picker lists: those whose names contain the typed filter, in any case.
    public var pickableDocuments: [String] {
        documentFilter.isEmpty ? documents : documents.filter { $0.localizedCaseInsensitiveContains(documentFilter) }
    }

    /// The focused field when it is a pick-list of allowed values.
    public var focusedPickList: Int? {
        fields.indices.contains(focus) && fields[focus].isPickList ? focus : nil
    }

    /// The request to send, or the first problem with the parameters (checked before sending).
    public var request: Result<StartAutomationExecutionRequest, FormProblem> {
        guard let documentName else { return .failure(FormProblem("pick a document first")) }
        let rateControl: RateControl?
        switch self.rateControl {
        case .failure(let problem): return .failure(problem)
        case .success(let value): rateControl = value
        }
        var parameters: AutomationParameterMap = [:]
        // The target parameter is each child's own target: the form does not ask for it.
        for field in fields where field.rateControl == nil && field.name != rateControl?.targetParameterName {
            switch field.wireValue() {
            case .failure(let problem): return .failure(problem)
            case .success(let values?): parameters[field.name] = values
            case .success(nil): break
            }
        }
        var request = StartAutomationExecutionRequest(
            documentName: documentName, documentVersion: documentVersion,
            parameters: parameters.isEmpty ? nil : parameters, mode: mode)
        if let rateControl {
            request.targets = rateControl.targets
            request.targetParameterName = rateControl.targetParameterName
            request.maxConcurrency = rateControl.maxConcurrency
            request.maxErrors = rateControl.maxErrors
        }
        return .success(request)
    }

    /// The value typed in a rate-control row.
    func value(of field: RateControlField) -> String {
        fields.first { $0.rateControl == field }?.value ?? ""
    }

    /// The rate-control rows read and checked: nil when they are empty.
    public var rateControl: Result<RateControl?, FormProblem> {
        RateControl.read(
            targets: value(of: .targets), targetParameterName: value(of: .targetParameterName),
            maxConcurrency: value(of: .maxConcurrency), maxErrors: value(of: .maxErrors))
    }

    /// The focused row's rate-control field, if it is one.
    var focusedRateControl: RateControlField? {
        fields.indices.contains(focus) ? fields[focus].rateControl : nil
    }
}
