import Caseload
import TerminalKit

/// The files moved to quarantine/ and why: opened with `x` from the caseload list while some are
/// unseen; opening it marks them seen (quarantine.json), so the caseload stops mentioning them.
/// The files themselves stay in quarantine/ for the coach (or an administrator) to look at.
final class QuarantineScreen: Screen {
    let kind = ScreenKind.quarantine
    let title = "Quarantaine"
    private let session: Session
    private let files: [QuarantinedFile]
    private var table = Table(columns: [.init("Wanneer", width: 16, minimum: 10), .init("Dossier", width: 20, minimum: 8),
                                        .init("Reden", width: 60, minimum: 14)], detailLines: 5)

    init(session: Session) {
        self.session = session
        // Newest first: what just happened is what the coach came for.
        files = session.store.quarantined.reversed()
        table.setCount(files.count)
        session.store.markQuarantineSeen()
    }

    func resize(to area: Rect) { table.resize(to: Rect(row: area.row + 1, col: area.col, width: area.width, height: area.height - 1)) }

    func handle(_ key: Key) -> Navigation {
        switch KeyTable.action(for: key, on: kind) {
        case .move: _ = table.handle(key)
        case .back: return .pop
        default: break
        }
        return .stay
    }

    func render(into canvas: inout Canvas, area: Rect) {
        canvas.put("In quarantine/, niet gewist: \(files.count) \(files.count == 1 ? "bestand" : "bestanden")",
                   row: area.row, col: 2, style: .heading, maxWidth: area.width - 4)
        table.render(into: &canvas, rows: files.map(row), empty: "Er staat niets in quarantaine.")
    }

    /// The caseload's line while files in quarantine are unseen: "2 dossiers in quarantaine" (or
    /// "bestanden" when not all are dossiers), with the key that opens the list; nil when none are.
    static func caseloadLine(_ store: CaseloadStore) -> String? {
        let unseen = store.unseenQuarantined
        guard !unseen.isEmpty else { return nil }
        let dossiers = unseen.allSatisfy { $0.from.hasPrefix("youths/") }
        let noun = dossiers ? (unseen.count == 1 ? "dossier" : "dossiers") : (unseen.count == 1 ? "bestand" : "bestanden")
        return "\(unseen.count) \(noun) in quarantaine: x toont welke en waarom."
    }

    private func row(_ file: QuarantinedFile) -> Table.Row {
        let whose = file.youthName ?? "–"
        // Under the list, the selected file in full: its reason, and where it was and went.
        return Table.Row([session.dateTime(file.at), whose, file.reason], full: (file.youthName.map { "\($0): " } ?? "") + file.reason,
                         detail: "van \(file.from) naar quarantine/\(file.file)")
    }
}
