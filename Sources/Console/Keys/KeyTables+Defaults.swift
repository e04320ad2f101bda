import AutomationDocuments
import AutomationModel

/// Every row each context's table can have, with its default keys: what the key map checks a rebinding
/// against, and what `config --default` lists. The form tables change with the form, so their rows are
/// gathered from forms in every phase.
extension KeyTables {
    public static func defaults(for context: KeyContext) -> KeyTable<Void> {
        var rows: [KeyBinding<Void>] = []
        for table in everyTable where table.context == context {
            for binding in table.bindings
            where !rows.contains(where: { $0.name == binding.name && $0.keys == binding.keys }) {
                rows.append(binding)
            }
        }
        return KeyTable(context, rows)
    }

    private static var everyTable: [KeyTable<Void>] {
        var tables: [KeyTable<Void>] = [
            ActionTable.table(for: .executions).described, ActionTable.table(for: .execution).described,
            ActionTable.tooSmall.described, HelpKeys.table.described,
            LineInputKeys.filter.described, LineInputKeys.command.described,
        ]
        for signal in SignalType.allCases {
            for phase in [FormPhase.loading, .editing, .confirming, .sending] {
                var form = SignalForm(signal: signal, executionId: "", documentName: nil, phase: phase)
                tables.append(SignalFormKeys.table(for: form).described)
                form.approval = sampleApproval
                tables.append(SignalFormKeys.table(for: form).described)
            }
        }
        for step in [StartForm.Step.loadingDocuments, .documentsFailed, .pickingDocument, .loadingDocument, .editingParameters, .sending] {
            var form = StartForm()
            form.step = step
            form.documents = ["document"]
            let pickList = ParameterDefinition(name: "choice", type: .string, allowedValues: ["a", "b"])
            form.fields = [
                ParameterField(DocumentParameter(name: "typed", type: "String")),
                ParameterField(DocumentParameter(name: "choice", type: "String"), rules: pickList),
            ]
            for focus in 0...form.fields.count {
                form.focus = focus
                tables.append(StartFormKeys.table(for: form).described)
            }
        }
        tables.append(TargetPickerKeys.table(for: TargetPicker(kind: .profile, choices: ["a"], current: nil)).described)
        tables += [CommandOutputKeys.instances.described, CommandOutputKeys.output.described, ScreenKeys.table.described]
        for phase in [FormPhase.confirming, .sending] {
            var form = StopForm(executionId: "", type: .cancel)
            form.phase = phase
            tables.append(StopFormKeys.table(for: form).described)
        }
        return tables
    }

    /// An approval with a message, whose form scrolls it.
    private static var sampleApproval: ApprovalView? {
        var step = StepExecution(stepName: "approve", action: AutomationActionName.approve.rawValue, stepExecutionId: "")
        step.inputs = ["Message": "message"]
        return ApprovalView(step)
    }
}
