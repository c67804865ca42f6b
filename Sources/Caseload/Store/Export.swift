import Foundation

/// The whole caseload as one JSON document, for backups and checks: the youths (with their
/// placements and talks) in the youth schema, and the workplaces in theirs.
public struct CaseloadExport: Encodable {
    public var schemaVersion = CaseloadStore.schemaVersion
    public var workplaceSchemaVersion = Workplace.schemaVersion
    public var exportedAt: Date
    public var youths: [Youth]
    public var workplaces: [Workplace]

    public init(youths: [Youth], workplaces: [Workplace] = [], exportedAt: Date) {
        self.youths = youths.sorted { $0.name.sortKey < $1.name.sortKey }
        self.workplaces = workplaces.sorted { ($0.name.sortKey, $0.id) < ($1.name.sortKey, $1.id) }
        self.exportedAt = exportedAt.wholeSeconds
    }

    public func json() throws -> Data { try CaseloadStore.encode(self) }
}

extension String {
    /// For sorting and matching names the Dutch way: case and accents do not matter ("Çelik" near "Celik").
    public var sortKey: String { folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil) }
}
