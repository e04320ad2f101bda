/// One shape of botocore's SSM service model, referring to other shapes by name as the model does. The skeletons
/// need what the public `Shape` leaves out: shape names (the `output` skeleton prints them) and enum values.
struct ModelShape: Sendable {
    enum Kind: String, Sendable {
        case string, integer, long, boolean, timestamp, list, map, structure
    }

    let type: Kind
    let members: [(name: String, shape: String)]
    let required: Set<String>
    let member: String?
    let key: String?
    let value: String?
    let enumValues: [String]
    let min: Int?
    let max: Int?

    init(
        type: Kind, members: [(String, String)] = [], required: Set<String> = [], member: String? = nil,
        key: String? = nil, value: String? = nil, enumValues: [String] = [], min: Int? = nil, max: Int? = nil
    ) {
        self.type = type
        self.members = members.map { (name: $0.0, shape: $0.1) }
        self.required = required
        self.member = member
        self.key = key
        self.value = value
        self.enumValues = enumValues
        self.min = min
        self.max = max
    }
}

/// The part of the SSM service model the operations the CLI offers use (see ServiceModel+Shapes.swift).
enum ServiceModel {
    /// The named shape; the generated table holds every name it refers to, which ShapesTests checks.
    static func shape(named name: String) -> ModelShape {
        guard let shape = shapes[name] else { preconditionFailure("no shape \(name) in the generated SSM model") }
        return shape
    }

    /// The public view of a named shape (no names, enums or limits).
    static func publicShape(named name: String) -> Shape {
        let model = shape(named: name)
        switch model.type {
        case .string: return .string
        case .integer, .long: return .integer
        case .boolean: return .boolean
        case .timestamp: return .timestamp
        case .list: return .list(publicShape(named: model.member!))
        case .map: return .map(value: publicShape(named: model.value!))
        case .structure: return .structure(publicMembers(of: name))
        }
    }

    static func publicMembers(of structureName: String) -> [Member] {
        let model = shape(named: structureName)
        return model.members.map { member in
            Member(name: member.name, shape: publicShape(named: member.shape), required: model.required.contains(member.name))
        }
    }
}
