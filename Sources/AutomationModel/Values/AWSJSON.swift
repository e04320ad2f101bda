import Foundation

/// The JSON 1.1 wire encoding shared by every layer: timestamps are epoch seconds with a fraction. Keys are
/// sorted so that the same value is always the same bytes: a map's order would otherwise follow each
/// Dictionary instance's seed, and two reads of one command could print its Parameters in different orders.
public enum AWSJSON {
    public static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .secondsSince1970
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    public static func decoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .secondsSince1970
        return decoder
    }

    public static func encode<T: Encodable>(_ value: T) throws -> Data {
        try encoder().encode(value)
    }

    public static func decode<T: Decodable>(_ type: T.Type, from data: Data) throws -> T {
        try decoder().decode(type, from: data)
    }
}
