import Foundation

// The workplaces of the caseload: one file per workplace in workplaces/, through the one document
// mechanism (StoredDocuments.swift): read without following links, validated, set aside to
// quarantine with a notice when unreadable, never written when a newer version made it, written
// atomically with 0600 under the directory's lock. Read once at opening and kept in memory.

extension CaseloadStore {
    public static let workplacesFolder = "workplaces"

    /// Reads every workplace file; unreadable ones go to quarantine with a notice (or are named in
    /// a notice, read-only). A file whose id is not its name is refused: the id names the file.
    func loadWorkplaces() -> [String: Workplace] {
        var found: [String: Workplace] = [:]
        for name in documentNames(in: Self.workplacesFolder) {
            let record = readDocument(WorkplaceRecord.self, folder: Self.workplacesFolder, name: name, known: Workplace.schemaVersion) { record in
                guard record.workplace.id + ".json" == name else {
                    throw ValidationFailure("workplace.id", record.workplace.id, "past niet bij de bestandsnaam")
                }
            }
            if let workplace = record?.workplace { found[workplace.id] = workplace }
        }
        return found
    }

    /// Every readable workplace, by name (accents and capitals do not count), then id.
    public var workplaces: [Workplace] {
        workplaceCache.values.sorted { ($0.name.sortKey, $0.id) < ($1.name.sortKey, $1.id) }
    }

    /// The workplace with `id`, or nil when it is gone, in quarantine or too new to read.
    public func workplace(id: String) -> Workplace? { workplaceCache[id] }

    /// Why a workplace a youth refers to cannot be shown, for the screen ("…"): in quarantine,
    /// made by a newer version, or gone.
    public func missingWorkplaceReason(id: String) -> String {
        if newerDocuments[Self.workplacesFolder + "/" + id + ".json"] != nil { return "gemaakt met een nieuwere versie van Rode Loper" }
        if quarantineLog.contains(where: { $0.from == Self.workplacesFolder + "/" + id + ".json" }) { return "in quarantaine" }
        return "niet gevonden"
    }

    /// Why the workplace `id` cannot be changed here, for the screen; nil when it can: the data
    /// directory is open for reading only, or a newer Rode Loper made the file.
    public func workplaceReadOnlyReason(id: String) -> String? {
        if let readOnlyReason { return StoreError.readOnlyDirectory(reason: readOnlyReason).localizedDescription }
        return newerDocuments[Self.workplacesFolder + "/" + id + ".json"].map {
            StoreError.newerDocument(StoredDocumentKind(relative: Self.workplacesFolder + "/" + id + ".json"), schema: $0).localizedDescription
        }
    }

    /// The name to show for the workplace `id` of a placement: its name as it is now, or the name
    /// stored with the placement and why the workplace cannot be shown: "Bakkerij Jansen (werkplek
    /// in quarantaine)". Every screen and export names a placement's workplace through this.
    public func workplaceName(id: String, stored: String) -> String {
        if let workplace = workplace(id: id) { return workplace.name }
        return "\(stored.isEmpty ? "onbekende werkplek" : stored) (werkplek \(missingWorkplaceReason(id: id)))"
    }

    public func workplaceName(of placement: Placement) -> String { workplaceName(id: placement.workplaceID, stored: placement.workplaceName) }

    /// Writes a workplace at once and atomically, stamping `updated` with now (or with
    /// `updatedAt`: an imported workplace keeps its own). Returns what was saved.
    @discardableResult
    public func save(_ workplace: Workplace, updatedAt: Date? = nil) throws -> Workplace {
        var saved = workplace
        saved.updated = (updatedAt ?? clockNow()).wholeSeconds
        try writeDocument(WorkplaceRecord(workplace: saved), folder: Self.workplacesFolder, name: saved.id + ".json")
        workplaceCache[saved.id] = saved
        return saved
    }

    /// Every placement at the workplace `id`, from the youths' summaries (never typed twice),
    /// oldest start first, with the youth's id and name.
    public func placements(at id: String) -> [(youthID: String, youthName: String, placement: PlacementSummary)] {
        summaries.flatMap { summary in
            summary.placements.filter { $0.workplaceID == id }.map { (summary.id, summary.name, $0) }
        }.sorted { ($0.placement.start, $0.youthName, $0.placement.id) < ($1.placement.start, $1.youthName, $1.placement.id) }
    }
}

/// What the caseload and a workplace's history need of a placement, kept in the summary cache.
public struct PlacementSummary: Codable, Equatable, Sendable {
    public var id: String
    public var workplaceID: String
    public var workplaceName: String
    public var kind: PlaceKind
    public var start: LocalDate
    public var end: LocalDate?
    public var plannedEnd: LocalDate?
    public var status: PlacementStatus
    public var ending: PlacementEnding?

    public init(_ placement: Placement) {
        id = placement.id
        workplaceID = placement.workplaceID
        workplaceName = placement.workplaceName
        kind = placement.kind
        start = placement.start
        end = placement.end
        plannedEnd = placement.plannedEnd
        status = placement.status
        ending = placement.ending
    }
}
