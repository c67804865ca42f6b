import Foundation
import SafeText

// How stored types read and write themselves. Files on coaches' disks were written by every
// earlier version: a key that is missing decodes to the default docs/data-format.md names, and
// a key that is there but wrong is an error that names the field (never a silent fix).

extension KeyedDecodingContainer {
    /// The value under `key`, or `fallback` when the key is missing or null.
    func value<T: Decodable>(_ key: Key, or fallback: @autoclosure () -> T) throws -> T {
        try decodeIfPresent(T.self, forKey: key) ?? fallback()
    }
}

/// The messages our decoders put in a `DecodingError`, in Dutch and naming the value, so that a
/// quarantine reason can show them (the generated decoders' English texts are not shown).
enum StoredCodingMessage {
    static func unknownCode(_ code: String) -> String { "onbekende code \(SafeText.quoted(code))" }
    static func unknownKind(_ kind: String) -> String { "onbekende soort \(SafeText.quoted(kind))" }
    static func missing(_ key: String) -> String { "\"\(key)\" ontbreekt" }
    static func notADate(_ text: String) -> String { "geen geldige datum (jjjj-mm-dd): \(SafeText.quoted(text))" }

    static func isOurs(_ message: String) -> Bool {
        message.hasPrefix("onbekende ") || message.hasPrefix("geen geldige datum") || message.hasSuffix(" ontbreekt")
    }
}

/// An enum stored by its code (its raw value). An unknown code is an error that names the code.
protocol StoredCode: RawRepresentable<String>, CaseIterable, Codable {}

extension StoredCode {
    static func decodeCode(from decoder: Decoder) throws -> Self {
        let container = try decoder.singleValueContainer()
        let code = try container.decode(String.self)
        guard let value = Self(rawValue: code) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: StoredCodingMessage.unknownCode(code))
        }
        return value
    }
}

/// A value that is one of a few kinds, some carrying an id, stored as `{"kind": "person", "personID": "…"}`.
/// Also reads the shape that schema 3 and earlier wrote (`{"person": {"_0": "…"}}`).
struct TaggedValue {
    var kind: String
    var id: String?

    init(kind: String, id: String? = nil) {
        self.kind = kind
        self.id = id
    }

    private struct AnyKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(_ string: String) { stringValue = string }
        init?(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    /// `idKey` is the name the id is stored under, e.g. "personID".
    static func decode(from decoder: Decoder, idKey: String) throws -> TaggedValue {
        let container = try decoder.container(keyedBy: AnyKey.self)
        if let kind = try container.decodeIfPresent(String.self, forKey: AnyKey("kind")) {
            return TaggedValue(kind: kind, id: try container.decodeIfPresent(String.self, forKey: AnyKey(idKey)))
        }
        // Schema 3: the compiler's shape, one key naming the case, its payload under "_0".
        guard container.allKeys.count == 1, let key = container.allKeys.first else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: StoredCodingMessage.missing("kind")))
        }
        let payload = try container.nestedContainer(keyedBy: AnyKey.self, forKey: key)
        return TaggedValue(kind: key.stringValue, id: try payload.decodeIfPresent(String.self, forKey: AnyKey("_0")))
    }

    func encode(to encoder: Encoder, idKey: String) throws {
        var container = encoder.container(keyedBy: AnyKey.self)
        try container.encode(kind, forKey: AnyKey("kind"))
        if let id { try container.encode(id, forKey: AnyKey(idKey)) }
    }

    /// The id a kind such as "person" needs: an error naming `idKey` when it is missing.
    func requiredID(_ decoder: Decoder, idKey: String) throws -> String {
        guard let id else { throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: StoredCodingMessage.missing(idKey))) }
        return id
    }

    func unknown(_ decoder: Decoder) -> DecodingError {
        DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: StoredCodingMessage.unknownKind(kind)))
    }
}

extension Array where Element: Identifiable {
    /// Puts `element` in the place of the one with its id, or at the end when there is none: how
    /// every record of a youth (an action, a contact, a meeting) is saved.
    mutating func replaceOrAppend(_ element: Element) {
        if let index = firstIndex(where: { $0.id == element.id }) { self[index] = element } else { append(element) }
    }
}
