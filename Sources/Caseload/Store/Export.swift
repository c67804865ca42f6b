import Foundation

/// The whole caseload as one JSON document, for backups and checks.
public struct CaseloadExport: Encodable {
    public var schemaVersion = CaseloadStore.schemaVersion
    public var exportedAt: Date
    public var youths: [Youth]

    public init(youths: [Youth], exportedAt: Date) {
        self.youths = youths.sorted { $0.name.sortKey < $1.name.sortKey }
        self.exportedAt = exportedAt.wholeSeconds
    }

    public func json() throws -> Data { try CaseloadStore.encode(self) }
}

extension String {
    /// For sorting and matching names the Dutch way: case and accents do not matter ("Çelik" near "Celik").
    public var sortKey: String { folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil) }
}
