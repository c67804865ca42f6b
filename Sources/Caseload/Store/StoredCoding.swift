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

/// The messages our decoders put in a `DecodingError`, in Dutch, so that a quarantine reason can
/// show them (the generated decoders' English texts are not shown). A code is named (escaped and
/// short); a date or time is not: it may be personal data (a date of birth).
enum StoredCodingMessage {
    static func unknownCode(_ code: String) -> String { "onbekende code \(SafeText.quoted(code))" }
    static func unknownKind(_ kind: String) -> String { "onbekende soort \(SafeText.quoted(kind))" }
    static func missing(_ key: String) -> String { "\"\(key)\" ontbreekt" }
    static let notADate = "geen bestaande datum (jjjj-mm-dd, jaar 1 tot en met 9999)"
    static let notATime = "geen bestaand tijdstip (jjjj-mm-ddTuu:mm:ssZ)"
    static let notAWritableTime = "geen tijdstip dat Rode Loper kan schrijven (in UTC jaar 1 tot en met 9999)"
    static let notAWeek = "geen bestaande week (jjjj-Www, jaar \(ReviewWeek.years.lowerBound) tot en met \(ReviewWeek.years.upperBound))"
    static let notAWholeNumber = "geen geheel getal binnen het bereik"

    /// A key in the path of a field: it can come from the file (a meeting's roles, an export's
    /// pseudonyms, an unknown key), so it is escaped and cut short.
    static func key(_ key: String) -> String { SafeText.escaped(key.count > 40 ? String(key.prefix(39)) + "…" : key) }

    static func isOurs(_ message: String) -> Bool {
        message.hasPrefix("onbekende ") || message.hasPrefix("geen bestaand") || message.hasPrefix("geen geheel") || message == notAWritableTime || message.hasSuffix(" ontbreekt")
    }
}

/// Stored timestamps (`created`, `updated`, `saved`, …): `2026-02-28T10:00:00Z`, or with an
/// offset `+01:00`, as RFC 3339 without fractions. A day or time that does not exist
/// (`2026-02-31T10:00:00Z`, `25:00`) is refused, where Foundation's ISO 8601 reading would move it
/// silently to another day. What is read must be writable: the instant, in UTC, lies in years 0001
/// to 9999 (`9999-12-31T23:59:59-23:59` is in year 10000 in UTC and is refused). Written by
/// `encode`, always in UTC, in the same proleptic Gregorian calendar the reading uses (Foundation's
/// ISO 8601 writer switches to the Julian calendar before 15 October 1582).
enum StoredTimestamp {
    /// The seconds since 1970 of the first and the last instant that can be written.
    static let writable = LocalDate.dayNumber(year: 1, month: 1, day: 1) * 86_400
        ... LocalDate.dayNumber(year: 9999, month: 12, day: 31) * 86_400 + 86_399

    static func date(from text: String) -> Date? {
        guard let seconds = seconds(from: text), writable.contains(seconds) else { return nil }
        return Date(timeIntervalSince1970: TimeInterval(seconds))
    }

    /// The instant `text` names, in seconds since 1970, whatever its year in UTC.
    private static func seconds(from text: String) -> Int? {
        let bytes = Array(text.utf8)
        func number(_ range: Range<Int>) -> Int? {
            guard range.upperBound <= bytes.count, bytes[range].allSatisfy({ (0x30...0x39).contains($0) }) else { return nil }
            return bytes[range].reduce(0) { $0 * 10 + Int($1 - 0x30) }
        }
        func byte(_ index: Int) -> UInt8? { index < bytes.count ? bytes[index] : nil }
        guard bytes.count >= 20, byte(4) == UInt8(ascii: "-"), byte(7) == UInt8(ascii: "-"), byte(10) == UInt8(ascii: "T"),
              byte(13) == UInt8(ascii: ":"), byte(16) == UInt8(ascii: ":"),
              let year = number(0..<4), let month = number(5..<7), let day = number(8..<10),
              let hour = number(11..<13), let minute = number(14..<16), let second = number(17..<19),
              let date = LocalDate(year: year, month: month, day: day), hour < 24, minute < 60, second < 60 else { return nil }
        let offsetSeconds: Int
        if bytes.count == 20, byte(19) == UInt8(ascii: "Z") {
            offsetSeconds = 0
        } else if bytes.count == 25, let sign = byte(19), sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-"), byte(22) == UInt8(ascii: ":"),
                  let hours = number(20..<22), let minutes = number(23..<25), hours < 24, minutes < 60 {
            offsetSeconds = (sign == UInt8(ascii: "-") ? -1 : 1) * (hours * 3600 + minutes * 60)
        } else {
            return nil
        }
        return date.dayNumber * 86_400 + hour * 3600 + minute * 60 + second - offsetSeconds
    }

    /// `date` as stored, `yyyy-mm-ddThh:mm:ssZ` in whole seconds (a fraction is dropped), or nil
    /// when it lies outside what `date(from:)` reads back.
    static func text(for date: Date) -> String? {
        let interval = date.timeIntervalSince1970.rounded(.down)
        guard interval.isFinite, interval >= Double(writable.lowerBound), interval <= Double(writable.upperBound) else { return nil }
        let seconds = Int(interval)
        let day = LocalDate(dayNumber: seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400)
        let time = seconds - day.dayNumber * 86_400
        return day.iso + String(format: "T%02d:%02d:%02dZ", time / 3600, time / 60 % 60, time % 60)
    }

    static func decode(_ decoder: Decoder) throws -> Date {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let seconds = seconds(from: text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: StoredCodingMessage.notATime)
        }
        guard writable.contains(seconds) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: StoredCodingMessage.notAWritableTime)
        }
        return Date(timeIntervalSince1970: TimeInterval(seconds))
    }

    /// Refuses to write a moment the next start could not read (a clock far off), naming the field.
    static func encode(_ date: Date, _ encoder: Encoder) throws {
        guard let text = text(for: date) else {
            throw EncodingError.invalidValue(date, .init(codingPath: encoder.codingPath, debugDescription: StoredCodingMessage.notAWritableTime))
        }
        var container = encoder.singleValueContainer()
        try container.encode(text)
    }
}

/// An enum stored by its code (its raw value). An unknown code is an error that names the code.
/// Every case spells its code as a string literal (`case quickScan = "quickScan"`): a raw value
/// left to the compiler would change the files when a case is renamed. DataFormatTests pins them.
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

extension Array {
    /// The records oldest first by `day`, those of one day in the order they were made (or the
    /// reverse: newest first, of one day the one made last first): how every dated list is shown.
    func byDay(_ day: (Element) -> LocalDate, newestFirst: Bool = false) -> [Element] {
        enumerated().sorted { a, b in
            let order = (day(a.element), a.offset) < (day(b.element), b.offset)
            return newestFirst ? !order : order
        }.map(\.element)
    }
}
