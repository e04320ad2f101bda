/// The Types a step output may declare.
enum OutputType: String, CaseIterable, Sendable {
    case string = "String"
    case integer = "Integer"
    case boolean = "Boolean"
    case stringList = "StringList"
    case stringMap = "StringMap"
    case mapList = "MapList"
}
