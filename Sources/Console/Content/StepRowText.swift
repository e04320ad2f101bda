import AutomationModel

/// How a step reads in the steps table. A step run inside a loop (it has ParentStepDetails) sits indented under
/// its loop with its iteration number and iterator value, so the iterations of one step are told apart.
enum StepRowText {
    static func name(_ step: StepExecution) -> String {
        let name = step.stepName ?? "-"
        guard let parent = step.parentStepDetails else { return name }
        var iteration = [parent.iteration.map(String.init), parent.iteratorValue].compactMap { $0 }.joined(separator: ": ")
        if !iteration.isEmpty { iteration = "[\(iteration)] " }
        return "  " + iteration + name
    }
}

/// The order the steps table lists steps in: as the service returns them, except that the steps run inside a
/// loop follow their loop step, iteration after iteration, wherever the service put them.
enum StepGrouping {
    static func grouped(_ steps: [StepExecution]) -> [StepExecution] {
        guard steps.contains(where: { $0.parentStepDetails != nil }) else { return steps }
        let ids = Set(steps.compactMap(\.stepExecutionId))
        var children: [String: [Int]] = [:]
        var roots: [Int] = []
        for (index, step) in steps.enumerated() {
            if let parent = step.parentStepDetails?.stepExecutionId, ids.contains(parent), parent != step.stepExecutionId {
                children[parent, default: []].append(index)
            } else {
                roots.append(index)
            }
        }
        var result: [StepExecution] = []
        var placed = Set<Int>()
        func place(_ index: Int) {
            guard placed.insert(index).inserted else { return }
            result.append(steps[index])
            if let id = steps[index].stepExecutionId { for child in children[id] ?? [] { place(child) } }
        }
        for index in roots { place(index) }
        // Steps whose parents form a cycle (a malformed answer) still appear, where they were.
        for index in steps.indices { place(index) }
        return result
    }
}
