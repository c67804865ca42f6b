import Foundation

// SCAFFOLD: built by the calendar engineer.
extension CaseloadStore {
    /// The active caseload's wrap-around meetings, action deadlines and due metingen as an
    /// iCalendar file (RFC 5545).
    public func calendar(today: LocalDate, now: Date) throws -> String {
        throw HandoverError("De agenda-export is nog niet gebouwd.")
    }
}
