import Foundation

/// The export file (`rodeloper export --format json`): a stored format and a promise, read back by
/// `rodeloper import` (Closing/Handover.swift; the fields are in docs/data-format.md). Two kinds:
/// - `handover`: one case whole (every record of the youth; drafts are files of their own and
///   stay behind) and the workplaces its placements refer to, for another coach's caseload;
/// - `backup`: the whole caseload, with the coach's settings and the stored weekly reviews, to
///   restore into an empty data directory.
/// Each part carries the schema it was written in; the youths and workplaces are written exactly
/// as in their own files (`youth`/`workplace` of `youths/<id>.json` and `workplaces/<id>.json`).
public struct CaseloadExport: Codable {
    public enum Kind: String, Codable, Sendable {
        case handover, backup
    }

    public var kind: Kind
    /// The youth schema (`CaseloadStore.schemaVersion`), as in every export since schema 1.
    public var schemaVersion = CaseloadStore.schemaVersion
    public var workplaceSchemaVersion = Workplace.schemaVersion
    /// Only in a backup, with the settings and the reviews.
    public var settingsSchemaVersion: Int?
    public var reviewSchemaVersion: Int?
    public var exportedAt: Date
    public var youths: [Youth]
    public var workplaces: [Workplace]
    /// The coach's settings.json; nil in a handover, and in a backup of a directory without one.
    public var settings: CoachSettings?
    /// The stored weekly reviews, oldest week first; nil in a handover.
    public var reviews: [WeeklyReview]?
    /// The research pseudonym of each youth in the file, by youth id (issue 19): the receiver keeps
    /// it, so a handed-over or restored case stays the same youth in the research. Nil (and not
    /// written) when the caseload had no secret and none could be made, and in older files.
    public var pseudonyms: [String: String]?

    public init(kind: Kind = .backup, youths: [Youth], workplaces: [Workplace] = [], settings: CoachSettings? = nil,
                reviews: [WeeklyReview]? = nil, pseudonyms: [String: String]? = nil, exportedAt: Date) {
        self.kind = kind
        // Each name folded once; a name twice keeps the order given.
        self.youths = youths.enumerated().map { ($0.element.name.sortKey, $0.offset, $0.element) }.sorted { ($0.0, $0.1) < ($1.0, $1.1) }.map(\.2)
        self.workplaces = workplaces.sorted { ($0.name.sortKey, $0.id) < ($1.name.sortKey, $1.id) }
        self.exportedAt = exportedAt.wholeSeconds
        self.pseudonyms = pseudonyms
        if kind == .backup {
            self.settings = settings
            self.reviews = (reviews ?? []).sorted { $0.week < $1.week }
            settingsSchemaVersion = CoachSettings.schemaVersion
            reviewSchemaVersion = WeeklyReview.schemaVersion
        }
    }

    private enum CodingKeys: String, CodingKey {
        case kind, schemaVersion, workplaceSchemaVersion, settingsSchemaVersion, reviewSchemaVersion, exportedAt, youths, workplaces, settings, reviews, pseudonyms
    }

    /// Read tolerantly: an export written before handovers existed (no `kind`, perhaps no
    /// workplaces: schema 3 wrote `schemaVersion`, `exportedAt` and `youths`) is a backup of the
    /// whole caseload; a part that is missing is empty.
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        kind = try c.value(.kind, or: .backup)
        schemaVersion = try c.decode(Int.self, forKey: .schemaVersion)
        workplaceSchemaVersion = try c.value(.workplaceSchemaVersion, or: Workplace.schemaVersion)
        settingsSchemaVersion = try c.decodeIfPresent(Int.self, forKey: .settingsSchemaVersion)
        reviewSchemaVersion = try c.decodeIfPresent(Int.self, forKey: .reviewSchemaVersion)
        exportedAt = try c.value(.exportedAt, or: Date(timeIntervalSince1970: 0))
        youths = try c.decode([Youth].self, forKey: .youths)
        workplaces = try c.value(.workplaces, or: [])
        settings = try c.decodeIfPresent(CoachSettings.self, forKey: .settings)
        reviews = try c.decodeIfPresent([WeeklyReview].self, forKey: .reviews)
        pseudonyms = try c.decodeIfPresent([String: String].self, forKey: .pseudonyms)
    }

    public func json() throws -> Data { try CaseloadStore.encode(self) }

    // A backup is written youth by youth (`CaseloadStore.writeBackup`), byte for byte as `json()`
    // would write it whole: `youths` is the last key, so the document is this head (every other
    // part, up to and including `"youths" : [`), each youth encoded on its own and indented to
    // its place, separated by `youthSeparator`, and `tail`.

    /// `json()` of this export without its youths, up to the first youth.
    func head() throws -> Data {
        var empty = self
        empty.youths = []
        let whole = try CaseloadStore.encode(empty)
        // The encoder writes an empty array as "[", a blank line and the closing indent.
        let emptyEnd = Data("\n".utf8) + Self.tail
        guard whole.count >= emptyEnd.count, whole.suffix(emptyEnd.count) == emptyEnd else {
            throw EncodingError.invalidValue(self, .init(codingPath: [], debugDescription: "unexpected end of an export without youths"))
        }
        return whole.dropLast(Self.tail.count)
    }

    static let tail = Data("\n  ]\n}\n".utf8)
    static let youthSeparator = Data(",\n".utf8)

    /// One youth as it stands in `youths`: encoded alone, every line indented by the two levels
    /// it lies at (a blank line, of an empty list, stays blank as the encoder writes it).
    static func youthPart(_ youth: Youth) throws -> Data {
        let alone = try CaseloadStore.encodeWithoutNewline(youth)
        let indent: [UInt8] = Array("    ".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(alone.count + alone.count / 8)
        alone.withUnsafeBytes { bytes in
            var lineStart = true
            for byte in bytes {
                if lineStart && byte != 0x0A { out.append(contentsOf: indent) }
                out.append(byte)
                lineStart = byte == 0x0A
            }
        }
        return Data(out)
    }
}

extension String {
    /// For sorting and matching names the Dutch way: case and accents do not matter ("Çelik" near "Celik").
    public var sortKey: String {
        // Plain ASCII (most names) folds by lowering its capitals, without Foundation's round trip.
        if utf8.allSatisfy({ $0 < 0x80 }) {
            return String(decoding: utf8.map { (0x41...0x5A).contains($0) ? $0 | 0x20 : $0 }, as: UTF8.self)
        }
        return folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
    }
}
