@testable import Caseload
import Foundation
import SafeText
import XCTest

// The generated corpus of LoaderFuzzTests: the kinds of file the loader reads, a JSON tree to
// mutate field by field, the mutations themselves, and the checks every outcome must pass.

/// The fuzzing's settings: `RODELOPER_FUZZ_LONG=1` for the long run, `RODELOPER_FUZZ_SEED=N` to
/// repeat a run (the long run picks a random seed unless one is given; every failure prints it).
enum FuzzSettings {
    static let long = ProcessInfo.processInfo.environment["RODELOPER_FUZZ_LONG"] == "1"
    static let seed: UInt64 = {
        if let text = ProcessInfo.processInfo.environment["RODELOPER_FUZZ_SEED"], let seed = UInt64(text) { return seed }
        return long ? UInt64.random(in: 1...UInt64(UInt32.max)) : 2020
    }()
    static var repeatHint: String { "seed \(seed): RODELOPER_FUZZ_SEED=\(seed)\(long ? " RODELOPER_FUZZ_LONG=1" : "") to repeat" }
}


/// The kinds of file the loader reads, with the function that reads one from its bytes.
enum FuzzKind: String, CaseIterable, Sendable {
    case youth, settings, review, workplace, draft, erasures, export

    /// The samples of this kind, oldest first (Tests/Samples; a draft has no sample file).
    var samples: [String] {
        switch self {
        case .youth: (1...CaseloadStore.schemaVersion).map { "youth-v\($0)" }
        case .settings: (1...CoachSettings.schemaVersion).map { "settings-v\($0)" }
        case .review: (1...WeeklyReview.schemaVersion).map { "review-v\($0)" }
        case .workplace: (1...Workplace.schemaVersion).map { "workplace-v\($0)" }
        case .erasures: (1...ErasureLog.schemaVersion).map { "erasures-v\($0)" }
        case .export: ["export-v8", "export-v9"]
        case .draft: ["draft"]
        }
    }

    static let samplesFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Samples")
    static let draftYouthID = "0b5e7c3a-0003-4000-8000-000000000003"

    static func sample(_ name: String) -> Data {
        if name == "draft" {
            let draft = Draft(youthID: draftYouthID, field: "changePlan.goal", text: "half af\nMoeder belt morgen.", saved: Date(timeIntervalSince1970: 1_795_000_000))
            return try! CaseloadStore.encode(draft)
        }
        return try! Data(contentsOf: samplesFolder.appendingPathComponent(name + ".json"))
    }

    var hasSchemaVersion: Bool { self != .draft }
    var knownSchema: Int {
        switch self {
        case .youth, .export: CaseloadStore.schemaVersion
        case .settings: CoachSettings.schemaVersion
        case .review: WeeklyReview.schemaVersion
        case .workplace: Workplace.schemaVersion
        case .erasures: ErasureLog.schemaVersion
        case .draft: 0
        }
    }

    /// Reads `data` as the loader reads a file of this kind: the schema it was written in (0 for
    /// a draft), or why it cannot be read.
    func decode(_ data: Data) -> Result<Int, CaseloadStore.UnreadableReason> {
        do throws(CaseloadStore.UnreadableReason) {
            switch self {
            case .youth: return .success(try CaseloadStore.decodeYouth(data).1)
            case .settings: return .success(try CaseloadStore.decodeDocument(CoachSettings.self, from: data, known: knownSchema).1)
            case .review: return .success(try CaseloadStore.decodeDocument(ReviewRecord.self, from: data, known: knownSchema).1)
            case .workplace: return .success(try CaseloadStore.decodeDocument(WorkplaceRecord.self, from: data, known: knownSchema).1)
            case .erasures: return .success(try CaseloadStore.decodeDocument(ErasureLog.self, from: data, known: knownSchema).1)
            case .export: return .success(try CaseloadStore.decodeDocument(CaseloadExport.self, from: data, known: knownSchema).1)
            case .draft: _ = try CaseloadStore.decodeDraft(data); return .success(0)
            }
        } catch {
            return .failure(error)
        }
    }
}

/// The class of a reason, for what a mutation may end in.
enum ReasonClass: String, Sendable {
    case empty, notJSON, noSchemaVersion, invalidSchemaVersion, newerSchema, wrongShape, invalid, other

    init(_ reason: CaseloadStore.UnreadableReason) {
        switch reason {
        case .empty: self = .empty
        case .notJSON: self = .notJSON
        case .noSchemaVersion: self = .noSchemaVersion
        case .invalidSchemaVersion: self = .invalidSchemaVersion
        case .newerSchema: self = .newerSchema
        case .wrongShape: self = .wrongShape
        case .invalid: self = .invalid
        default: self = .other
        }
    }
}

/// What a mutated file must end in.
enum FuzzExpectation: Sendable {
    /// Read, or refused with any clear reason.
    case either
    /// Refused, for one of these reasons.
    case refused(Set<ReasonClass>)
}

/// One file of the corpus; its bytes are made when checked, so that thousands of truncations
/// are never in memory at once.
struct Mutation {
    let label: String
    let expectation: FuzzExpectation
    let make: () -> Data

    /// The same mutation, its label naming the sample it was made from.
    func of(_ sample: String) -> Mutation { Mutation(label: sample + " " + label, expectation: expectation, make: make) }
}

/// A JSON document as a tree whose keys keep their order, written back by `data` the way the
/// program writes (sorted keys) or with what the program never writes (duplicates, nesting).
indirect enum JSONValue: Decodable, Equatable {
    case null, bool(Bool), int(Int), double(Double), string(String), array([JSONValue]), object([(String, JSONValue)])

    static func == (a: JSONValue, b: JSONValue) -> Bool { a.text == b.text }

    private struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    init(from decoder: Decoder) throws {
        if let object = try? decoder.container(keyedBy: Key.self) {
            self = .object(try object.allKeys.map(\.stringValue).sorted().map { ($0, try object.decode(JSONValue.self, forKey: Key(stringValue: $0))) })
            return
        }
        if var array = try? decoder.unkeyedContainer() {
            var elements: [JSONValue] = []
            while !array.isAtEnd { elements.append(try array.decode(JSONValue.self)) }
            self = .array(elements)
            return
        }
        let single = try decoder.singleValueContainer()
        if single.decodeNil() { self = .null }
        else if let bool = try? single.decode(Bool.self) { self = .bool(bool) }
        else if let int = try? single.decode(Int.self) { self = .int(int) }
        else if let double = try? single.decode(Double.self) { self = .double(double) }
        else { self = .string(try single.decode(String.self)) }
    }

    init(_ data: Data) { self = try! JSONDecoder().decode(JSONValue.self, from: data) }

    var text: String {
        switch self {
        case .null: "null"
        case .bool(let value): value ? "true" : "false"
        case .int(let value): String(value)
        case .double(let value): String(value)
        case .string(let value): Self.quote(value)
        case .array(let elements): "[" + elements.map(\.text).joined(separator: ",") + "]"
        case .object(let members): "{" + members.map { Self.quote($0.0) + ":" + $0.1.text }.joined(separator: ",") + "}"
        }
    }

    var data: Data { Data(text.utf8) }

    static func quote(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case _ where scalar.value < 0x20: out += String(format: "\\u%04x", scalar.value)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    enum Step: Equatable { case key(String), index(Int) }

    /// Every path in the tree below the root, parents first.
    var paths: [[Step]] {
        switch self {
        case .array(let elements): elements.indices.flatMap { index in [[Step.index(index)]] + elements[index].paths.map { [.index(index)] + $0 } }
        case .object(let members): members.flatMap { key, value in [[Step.key(key)]] + value.paths.map { [.key(key)] + $0 } }
        default: []
        }
    }

    func value(at path: [Step]) -> JSONValue? {
        guard let first = path.first else { return self }
        switch (self, first) {
        case (.array(let elements), .index(let index)): return elements[index].value(at: Array(path.dropFirst()))
        case (.object(let members), .key(let key)): return members.first { $0.0 == key }?.1.value(at: Array(path.dropFirst()))
        default: return nil
        }
    }

    /// The tree with the value at `path` replaced, or removed when `replacement` is nil.
    func replacing(_ path: [Step], with replacement: JSONValue?) -> JSONValue {
        guard let first = path.first else { return replacement ?? .null }
        let rest = Array(path.dropFirst())
        switch (self, first) {
        case (.array(var elements), .index(let index)):
            if rest.isEmpty, replacement == nil { elements.remove(at: index) } else { elements[index] = elements[index].replacing(rest, with: replacement) }
            return .array(elements)
        case (.object(var members), .key(let key)):
            guard let index = members.firstIndex(where: { $0.0 == key }) else { return self }
            if rest.isEmpty, replacement == nil { members.remove(at: index) } else { members[index].1 = members[index].1.replacing(rest, with: replacement) }
            return .object(members)
        default: return self
        }
    }

    var typeName: String {
        switch self {
        case .null: "null"
        case .bool: "bool"
        case .int, .double: "number"
        case .string: "string"
        case .array: "array"
        case .object: "object"
        }
    }

    static func describe(_ path: [Step]) -> String {
        path.map { step in
            switch step {
            case .key(let key): "." + key
            case .index(let index): "[\(index)]"
            }
        }.joined()
    }
}

/// Collects what the fuzzing finds, from the thread that runs it.
final class FuzzLog: @unchecked Sendable {
    private let lock = NSLock()
    private var _problems: [String] = []
    private var _current = ""
    private var _counts: [String: Int] = [:]

    var current: String {
        get { lock.withLock { _current } }
        set { lock.withLock { _current = newValue } }
    }
    var problems: [String] { lock.withLock { _problems } }
    var counts: [String: Int] { lock.withLock { _counts } }

    func problem(_ text: String) { lock.withLock { _problems.append(text) } }
    func count(_ outcome: String) { lock.withLock { _counts[outcome, default: 0] += 1 } }
}

enum FuzzCheck {
    /// Fragments of what Foundation, the decoders and Swift say in English: never in a reason.
    static let englishMarkers = ["couldn", "correct format", "Unexpected", "Expected ", "No value", "Cannot ", "Invalid", "Badly formed",
                                 "Garbage", "Unable", "corrupted", "Error Domain", "DecodingError", "CodingKeys", "Optional(", "found a",
                                 "but found", "not valid", "The data", "The given", "keyNotFound", "typeMismatch", "valueNotFound", "Swift.",
                                 "NSError", "JSON text", "nesting", "Unterminated", "index "]
    /// The longest message that is still read: a hostile key or value is never quoted whole.
    static let longest = 1_000

    /// Why `message` is not a clear Dutch message for the coach, or nil when it is.
    static func problem(in message: String) -> String? {
        if message.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { return "an empty message" }
        if let raw = message.unicodeScalars.first(where: SafeText.needsEscape) { return "a raw control character U+\(String(raw.value, radix: 16)) in the message" }
        if let english = englishMarkers.first(where: { message.contains($0) }) { return "English (\(english)) in the message" }
        if message.contains("(bij ?)") || message.contains("(bij )") { return "a reason that names no field" }
        if message.count > longest { return "a message of \(message.count) characters" }
        return nil
    }

    /// Checks the loader's reading of one mutated file: no crash (the process would stop), a
    /// clear reason, and the outcome the mutation must have.
    static func check(_ kind: FuzzKind, _ mutation: Mutation, log: FuzzLog) {
        log.current = "\(kind.rawValue): \(mutation.label)"
        let outcome = kind.decode(mutation.make())
        switch outcome {
        case .success(let schema):
            log.count(schema > kind.knownSchema && kind.hasSchemaVersion ? "read (newer schema)" : "read")
            if case .refused(let allowed) = mutation.expectation {
                log.problem("\(kind.rawValue) \(mutation.label): read, but should be refused (\(allowed.map(\.rawValue).sorted().joined(separator: "/")))")
            }
        case .failure(let reason):
            let reasonClass = ReasonClass(reason)
            log.count(reasonClass.rawValue)
            if let problem = problem(in: reason.text) {
                log.problem("\(kind.rawValue) \(mutation.label): \(problem): \(reason.text.prefix(300))")
            }
            if case .refused(let allowed) = mutation.expectation, !allowed.contains(reasonClass) {
                log.problem("\(kind.rawValue) \(mutation.label): refused as \(reasonClass.rawValue) (\(reason.text.prefix(200))), expected \(allowed.map(\.rawValue).sorted().joined(separator: "/"))")
            }
        }
    }
}

/// The corpus: every mutation of one sample, in a fixed order for a seed.
enum FuzzCorpus {
    static let shapeFailures: Set<ReasonClass> = [.wrongShape, .invalid, .noSchemaVersion, .invalidSchemaVersion]

    /// Each prefix of the sample: shorter than its closing brace it is refused as empty or not
    /// JSON. `stride` 1 is every offset.
    static func truncations(_ sample: Data, stride: Int) -> [Mutation] {
        let bytes = [UInt8](sample)
        let end = (bytes.lastIndex(of: UInt8(ascii: "}")) ?? bytes.count - 1) + 1
        return Swift.stride(from: 0, to: bytes.count, by: stride).map { length in
            Mutation(label: "truncated at \(length) of \(bytes.count)", expectation: length < end ? .refused([.empty, .notJSON]) : .either) {
                Data(bytes[0..<length])
            }
        }
    }

    /// Every field given a value of each other type, null, or removed.
    static func wrongTypes(_ sample: Data, kind: FuzzKind) -> [Mutation] {
        let tree = JSONValue(sample)
        let others: [JSONValue] = [.string("x"), .int(7), .bool(true), .array([]), .object([])]
        var mutations: [Mutation] = []
        for path in tree.paths {
            guard let original = tree.value(at: path) else { continue }
            let name = JSONValue.describe(path)
            for other in others where other.typeName != original.typeName {
                // The schema version of a newer-looking file may still be read: it only must not crash.
                mutations.append(Mutation(label: "\(name) as \(other.typeName)", expectation: .refused(shapeFailures)) { tree.replacing(path, with: other).data })
            }
            mutations.append(Mutation(label: "\(name) as null", expectation: .either) { tree.replacing(path, with: .null).data })
            mutations.append(Mutation(label: "\(name) removed", expectation: .either) { tree.replacing(path, with: nil).data })
        }
        return mutations
    }

    /// Strings far longer than any limit, a huge key and a number of thousands of digits.
    static func hugeValues(_ sample: Data, kind: FuzzKind, fields: Int, using random: inout SeededGenerator) -> [Mutation] {
        let tree = JSONValue(sample)
        let strings = tree.paths.filter { if case .string? = tree.value(at: $0) { true } else { false } }
        let chosen = strings.count <= fields ? strings : Array(strings.shuffled(using: &random).prefix(fields))
        let huge = String(repeating: "Zoë ", count: 150_000)
        var mutations = chosen.map { path in
            Mutation(label: "\(JSONValue.describe(path)) of \(huge.utf8.count) bytes", expectation: .either) {
                tree.replacing(path, with: .string(huge)).data
            }
        }
        let numbers = tree.paths.filter { if case .int? = tree.value(at: $0) { true } else { false } }
        // Foundation refuses a number of thousands of digits as no JSON at all: said so, never read.
        for path in numbers.shuffled(using: &random).prefix(fields) {
            let digits = String(repeating: "9", count: 20_000)
            mutations.append(Mutation(label: "\(JSONValue.describe(path)) of 20000 digits", expectation: .refused(shapeFailures.union([.newerSchema, .notJSON]))) {
                Data(tree.replacing(path, with: .string("@@")).text.replacingOccurrences(of: "\"@@\"", with: digits).utf8)
            })
        }
        let hugeKey = String(repeating: "k\u{1B}[2J", count: 50_000)
        mutations.append(Mutation(label: "a key of \(hugeKey.utf8.count) bytes at the top", expectation: .either) {
            guard case .object(let members) = tree else { return tree.data }
            return JSONValue.object(members + [(hugeKey, .string("waarde"))]).data
        })
        return mutations
    }

    static let badUTF8: [(String, [UInt8])] = [("a lone continuation byte", [0x80]), ("0xFF", [0xFF]), ("a cut-off sequence", [0xC3]),
                                               ("an overlong slash", [0xC0, 0xAF]), ("an encoded surrogate", [0xED, 0xA0, 0x80]),
                                               ("a code point past U+10FFFF", [0xF4, 0x90, 0x80, 0x80]), ("a raw NUL", [0x00]),
                                               ("a raw escape", [0x1B]), ("a raw line break", [0x0A])]

    /// Invalid UTF-8 (and raw control characters, which JSON does not allow) inside strings.
    static func invalidUTF8(_ sample: Data, places: Int, using random: inout SeededGenerator) -> [Mutation] {
        let bytes = [UInt8](sample)
        // The offsets inside strings, found by a scan that knows quotes and escapes.
        var inside: [Int] = []
        var inString = false, escaped = false
        for (offset, byte) in bytes.enumerated() {
            if inString {
                if escaped { escaped = false } else if byte == UInt8(ascii: "\\") { escaped = true } else if byte == UInt8(ascii: "\"") { inString = false } else { inside.append(offset) }
            } else if byte == UInt8(ascii: "\"") { inString = true }
        }
        var mutations: [Mutation] = []
        for _ in 0..<places {
            guard let offset = inside.randomElement(using: &random) else { break }
            for (name, bad) in badUTF8 {
                mutations.append(Mutation(label: "\(name) at \(offset)", expectation: .refused([.notJSON])) {
                    Data(bytes[0..<offset] + bad + bytes[offset...])
                })
            }
        }
        // Escaped, they are valid JSON: a lone surrogate reads as U+FFFD or is refused, never a crash.
        if let offset = inside.randomElement(using: &random) {
            for escape in ["\\ud800", "\\udfff", "\\u0000", "\\u001b[31m", "\\u202e"] {
                mutations.append(Mutation(label: "escaped \(escape) at \(offset)", expectation: .either) {
                    Data(bytes[0..<offset] + Array(escape.utf8) + bytes[offset...])
                })
            }
        }
        return mutations
    }

    /// Arrays and objects nested far deeper than any file, closed and left open, as the whole
    /// file and in place of a field.
    static func deepNesting(_ sample: Data, depths: [Int], using random: inout SeededGenerator) -> [Mutation] {
        let tree = JSONValue(sample)
        let path = tree.paths.randomElement(using: &random) ?? []
        var mutations: [Mutation] = []
        for depth in depths {
            let arrays = String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
            let objects = String(repeating: "{\"a\":", count: depth) + "1" + String(repeating: "}", count: depth)
            mutations.append(Mutation(label: "\(depth) nested arrays as the file", expectation: .refused([.notJSON, .wrongShape, .noSchemaVersion])) { Data(arrays.utf8) })
            mutations.append(Mutation(label: "\(depth) open arrays as the file", expectation: .refused([.notJSON])) { Data(String(repeating: "[", count: depth).utf8) })
            mutations.append(Mutation(label: "\(depth) nested objects as the file", expectation: .refused([.notJSON, .wrongShape, .noSchemaVersion])) { Data(objects.utf8) })
            mutations.append(Mutation(label: "\(depth) nested arrays at \(JSONValue.describe(path))", expectation: .either) {
                Data(tree.replacing(path, with: .string("@@")).text.replacingOccurrences(of: "\"@@\"", with: arrays).utf8)
            })
            mutations.append(Mutation(label: "\(depth) nested objects at \(JSONValue.describe(path))", expectation: .either) {
                Data(tree.replacing(path, with: .string("@@")).text.replacingOccurrences(of: "\"@@\"", with: objects).utf8)
            })
        }
        return mutations
    }

    /// The same key twice: the schema version, the payload, a field inside.
    static func duplicateKeys(_ sample: Data, kind: FuzzKind, using random: inout SeededGenerator) -> [Mutation] {
        let tree = JSONValue(sample)
        guard case .object(let members) = tree else { return [] }
        var mutations: [Mutation] = []
        for (key, value) in members {
            for other in [JSONValue.int(99), .object([]), .string("x")] {
                mutations.append(Mutation(label: "\(key) twice, then \(other.text)", expectation: .either) { JSONValue.object(members + [(key, other)]).data })
                mutations.append(Mutation(label: "\(key) twice, \(other.text) first", expectation: .either) { JSONValue.object([(key, other)] + members).data })
            }
            _ = value
        }
        let objects = tree.paths.filter { if case .object(let inner)? = tree.value(at: $0) { !inner.isEmpty } else { false } }
        if let path = objects.randomElement(using: &random), case .object(let inner)? = tree.value(at: path), let first = inner.first {
            mutations.append(Mutation(label: "\(JSONValue.describe(path)).\(first.0) twice", expectation: .either) {
                tree.replacing(path, with: .object(inner + [(first.0, .bool(false))])).data
            })
        }
        return mutations
    }

    /// A key no version writes, holding a number, in every object: ignored, or named (escaped and
    /// short) where the key itself is data (the roles of a meeting, the pseudonyms of an export).
    static func strangeKeys(_ sample: Data, huge: Int) -> [Mutation] {
        let tree = JSONValue(sample)
        let objects = [[]] + tree.paths.filter { if case .object? = tree.value(at: $0) { true } else { false } }
        let escapes = "\u{1B}]0;titel\u{07}\u{1B}[2J\u{202E}"
        let long = String(repeating: "sleutel\u{1B}[1m", count: 20_000)
        var mutations: [Mutation] = []
        for (index, path) in objects.enumerated() {
            guard case .object(let members)? = tree.value(at: path) else { continue }
            for (label, key) in [("escapes", escapes)] + (index % max(1, objects.count / max(1, huge)) == 0 ? [("\(long.utf8.count) bytes", long)] : []) {
                mutations.append(Mutation(label: "a key of \(label) in \(JSONValue.describe(path))", expectation: .either) {
                    tree.replacing(path, with: .object(members + [(key, .int(7))])).data
                })
            }
        }
        return mutations
    }

    /// Padding a crash or a copy can leave: NULs, spaces, a second document.
    static func padding(_ sample: Data) -> [Mutation] {
        [Mutation(label: "NULs after the end", expectation: .refused([.notJSON])) { sample + Data(repeating: 0, count: 4_096) },
         Mutation(label: "NULs before the start", expectation: .refused([.notJSON])) { Data(repeating: 0, count: 16) + sample },
         Mutation(label: "a second document after the end", expectation: .refused([.notJSON])) { sample + sample },
         Mutation(label: "spaces around it", expectation: .either) { Data(repeating: 0x20, count: 100) + sample + Data("\r\n\t ".utf8) },
         Mutation(label: "only NULs", expectation: .refused([.empty])) { Data(repeating: 0, count: sample.count) },
         Mutation(label: "only a line break", expectation: .refused([.empty])) { Data("\n".utf8) }]
    }

    /// Byte order marks, and the whole file in UTF-16 and UTF-32.
    static func byteOrderMarks(_ sample: Data) -> [Mutation] {
        let text = String(decoding: sample, as: UTF8.self)
        func encoded(_ encoding: String.Encoding) -> Data { text.data(using: encoding) ?? Data() }
        return [
            Mutation(label: "a UTF-8 BOM", expectation: .either) { Data([0xEF, 0xBB, 0xBF]) + sample },
            Mutation(label: "two UTF-8 BOMs", expectation: .either) { Data([0xEF, 0xBB, 0xBF, 0xEF, 0xBB, 0xBF]) + sample },
            Mutation(label: "a UTF-8 BOM after the first brace", expectation: .refused([.notJSON])) { sample.prefix(1) + Data([0xEF, 0xBB, 0xBF]) + sample.dropFirst() },
            Mutation(label: "UTF-16 LE with BOM", expectation: .either) { Data([0xFF, 0xFE]) + encoded(.utf16LittleEndian) },
            Mutation(label: "UTF-16 BE with BOM", expectation: .either) { Data([0xFE, 0xFF]) + encoded(.utf16BigEndian) },
            Mutation(label: "UTF-16 LE without BOM", expectation: .either) { encoded(.utf16LittleEndian) },
            Mutation(label: "UTF-32 LE with BOM", expectation: .either) { Data([0xFF, 0xFE, 0x00, 0x00]) + encoded(.utf32LittleEndian) },
            Mutation(label: "UTF-32 BE with BOM", expectation: .either) { Data([0x00, 0x00, 0xFE, 0xFF]) + encoded(.utf32BigEndian) },
            Mutation(label: "a UTF-16 BOM on UTF-8", expectation: .either) { Data([0xFF, 0xFE]) + sample },
        ]
    }

    /// Newer, zero, negative and impossible schema versions, alone and with a damaged field.
    static func schemaVersions(_ sample: Data, kind: FuzzKind) -> [Mutation] {
        guard kind.hasSchemaVersion else { return [] }
        let tree = JSONValue(sample)
        let path: [JSONValue.Step] = [.key("schemaVersion")]
        func with(_ literal: String, _ base: JSONValue = tree) -> Data {
            Data(base.replacing(path, with: .string("@@")).text.replacingOccurrences(of: "\"@@\"", with: literal).utf8)
        }
        var mutations: [Mutation] = []
        for literal in ["0", "-1", "-9223372036854775808", "9223372036854775808", "-99999999999999999999", "1.5", "1e300", "-0", "\"9\"", "true", "[]", "{}", "null"] {
            mutations.append(Mutation(label: "schemaVersion \(literal)", expectation: .refused([.invalidSchemaVersion, .noSchemaVersion])) { with(literal) })
        }
        mutations.append(Mutation(label: "schemaVersion removed", expectation: .refused([.noSchemaVersion])) { tree.replacing(path, with: nil).data })
        // A damaged newer file says it is newer (read as far as known, or not at all), never "damaged".
        let payload = tree.paths.first { $0.count == 1 && $0 != path } ?? path
        for newer in [kind.knownSchema + 1, 1_000, Int.max] {
            mutations.append(Mutation(label: "schemaVersion \(newer)", expectation: .either) { with(String(newer)) })
            mutations.append(Mutation(label: "schemaVersion \(newer), payload a number", expectation: .refused([.newerSchema])) {
                with(String(newer), tree.replacing(payload, with: .int(1)))
            })
        }
        return mutations
    }

    /// Random byte changes: flipped, inserted, removed, copied.
    static func randomBytes(_ sample: Data, count: Int, using random: inout SeededGenerator) -> [Mutation] {
        let bytes = [UInt8](sample)
        return (0..<count).map { index in
            var copy = bytes
            let edits = Int.random(in: 1...4, using: &random)
            var described: [String] = []
            for _ in 0..<edits where !copy.isEmpty {
                let offset = Int.random(in: 0..<copy.count, using: &random)
                switch Int.random(in: 0..<4, using: &random) {
                case 0: copy[offset] ^= UInt8(1 << Int.random(in: 0..<8, using: &random)); described.append("flip at \(offset)")
                case 1: copy.insert(UInt8.random(in: 0...255, using: &random), at: offset); described.append("insert at \(offset)")
                case 2: copy.remove(at: offset); described.append("remove at \(offset)")
                default:
                    let length = Int.random(in: 1...min(64, copy.count - offset), using: &random)
                    copy.insert(contentsOf: copy[offset..<offset + length], at: Int.random(in: 0...copy.count, using: &random)); described.append("copy at \(offset)")
                }
            }
            let result = copy
            return Mutation(label: "random \(index): " + described.joined(separator: ", "), expectation: .either) { Data(result) }
        }
    }

    /// Every mutation of one sample but its truncations (those are many; see `truncations`).
    static func mutations(of sample: Data, kind: FuzzKind, using random: inout SeededGenerator) -> [Mutation] {
        let long = FuzzSettings.long
        return wrongTypes(sample, kind: kind)
            + hugeValues(sample, kind: kind, fields: long ? 1_000 : 4, using: &random)
            + invalidUTF8(sample, places: long ? 40 : 3, using: &random)
            + deepNesting(sample, depths: long ? [64, 600, 10_000, 200_000] : [600, 100_000], using: &random)
            + duplicateKeys(sample, kind: kind, using: &random)
            + byteOrderMarks(sample)
            + strangeKeys(sample, huge: long ? 1_000 : 3)
            + padding(sample)
            + schemaVersions(sample, kind: kind)
            + randomBytes(sample, count: long ? 3_000 : 100, using: &random)
    }
}

extension XCTestCase {
    /// Runs `work` on its own thread and fails, naming the file it was reading, when it does not
    /// finish within `limit` seconds (a hang: far beyond what the work takes). Reports every problem
    /// found, with the seed.
    func fuzz(_ name: String, limit: TimeInterval = 600, _ work: @escaping @Sendable (FuzzLog) -> Void) {
        let log = FuzzLog()
        let done = DispatchSemaphore(value: 0)
        let thread = Thread {
            work(log)
            done.signal()
        }
        thread.start()
        if done.wait(timeout: .now() + limit) == .timedOut {
            XCTFail("\(name): no answer within \(Int(limit)) s while reading \(log.current): a hang (\(FuzzSettings.repeatHint))")
            return
        }
        let counts = log.counts.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
        print("\(name): \(counts) (\(FuzzSettings.repeatHint))")
        for problem in log.problems.prefix(30) { XCTFail("\(problem) (\(FuzzSettings.repeatHint))") }
        if log.problems.count > 30 { XCTFail("\(name): \(log.problems.count - 30) more problems (\(FuzzSettings.repeatHint))") }
    }
}
