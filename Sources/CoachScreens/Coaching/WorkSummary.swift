import Caseload
import TerminalKit

/// The work of a youth in one line, for the youth screen and the weekly review page: the current
/// placement, the last progress talk and the skills that went down in it. Nil when the youth has
/// no placement, nor ever had one.
enum WorkSummary {
    static func line(_ youth: Youth, store: CaseloadStore) -> (text: String, style: Style)? {
        guard let placement = youth.currentPlacement else {
            guard let last = youth.placementsInOrder.last else { return nil }
            return ("Werk: geen lopende plaatsing; laatste \(last.kind.label) bij \(store.workplaceName(of: last))"
                    + (last.endingText.map { ", \($0)" } ?? ""), .dim)
        }
        var text = "Werk: \(placement.kind.label) bij \(store.workplaceName(of: placement)), \(placement.status.label)"
            + (placement.status == .planned ? " vanaf \(placement.start.text)" : " sinds \(placement.start.text)")
        let talks = youth.talksInOrder.filter { $0.placementID == placement.id }
        text += talks.last.map { " · laatste gesprek \($0.date.text)" } ?? " · nog geen voortgangsgesprek"
        let down = youth.skillsWentDown
        if !down.isEmpty { text += " · omlaag: " + down.map { "\($0.name) (\($0.from.label) → \($0.to.label))" }.joined(separator: ", ") }
        return (text, down.isEmpty ? .normal : .warning)
    }
}
