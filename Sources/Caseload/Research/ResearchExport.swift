import Foundation

/// How the CSV files are written: for Dutch Excel (semicolon, UTF-8 with BOM, CRLF, decimal
/// comma) or plain (comma, decimal point).
public enum CSVDialect: Sendable {
    case excel, comma
}

/// What a research export wrote.
public struct ResearchExportResult: Equatable, Sendable {
    /// The folder holding the CSV files and the README.
    public let directory: String
    public let exported: Int
    /// Youths left out for lack of research consent.
    public let leftOut: Int
}

// SCAFFOLD: built by the export engineer.
extension CaseloadStore {
    /// The research tables of this caseload. `forSharing`: only youths with research consent
    /// today, under their secret pseudonym (`leftOut` counts the others); otherwise every youth,
    /// active and closed, under its id (the coach's own report).
    public func researchData(forSharing: Bool, today: LocalDate) throws -> (data: ResearchData, leftOut: Int) {
        (ResearchData(youths: allYouths(), pseudonym: \.id), 0)
    }

    /// The pseudonymised export for the researchers: one CSV per table and a README, in a new
    /// (or empty) folder `directory` outside the data directory.
    public func writeResearchExport(to directory: String, dialect: CSVDialect, today: LocalDate, now: Date) throws -> ResearchExportResult {
        throw HandoverError("De export voor onderzoek is nog niet gebouwd.")
    }
}

public enum ResearchExport {
    /// The tables of several coaches' research exports together. Refused: a folder that is no
    /// research export, and a youth (pseudonym) in two of them.
    public static func merge(directories: [String]) throws -> ResearchData {
        throw HandoverError("Samenvoegen is nog niet gebouwd.")
    }
}
