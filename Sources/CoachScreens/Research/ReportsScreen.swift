import Caseload
import Foundation
import TerminalKit

/// The figures for the action research, line for line as `rodeloper report` prints them (the same
/// `ResearchReport.render(.text)`), over a period, as the coach's own figures or as they are
/// shared (research consent only, small numbers as "< 5"). `x` writes the research export into
/// exports/ of the data directory, as every screen's export. The report is made when the screen
/// opens and when the period or the view changes, never per key or per frame.
final class ReportsScreen: Screen {
    let kind = ScreenKind.reports
    let title = "Rapportage"
    private let session: Session
    /// How a report becomes its lines: the text the command line prints (a test gives a long one).
    private let text: (ResearchReport) -> String
    /// The period as the coach gave it: nil is from the beginning, and up to and including today.
    private var from: LocalDate?
    private var to: LocalDate?
    /// The view as others get it (`report --share`) instead of the coach's own figures.
    private(set) var shared = false
    /// The report's lines, exactly as the command line prints them.
    private(set) var lines: [String] = []
    /// In the shared view: the youths left out for lack of research consent.
    private var leftOut = 0
    /// Why there is no report (the data could not be read).
    private var failure: String?
    /// What the export did, or why it did not.
    private var message: (text: String, style: Style)?
    /// Where the report stands; moved by the keys and resizes, never by drawing.
    private(set) var scroll = ScrollPosition()
    private var area = Rect(row: 1, col: 0, width: 80, height: 22)

    init(session: Session, text: @escaping (ResearchReport) -> String = { $0.render(.text) }) {
        self.session = session
        self.text = text
        makeReport()
    }

    var period: ReportPeriod { ReportPeriod(from: from, to: to ?? session.today) }

    /// Up and down only move when the report does not fit; `s` says which view it goes to.
    var bindings: [KeyBinding] {
        let rows = KeyTable.bindings(for: kind).dropping(.move, when: scroll.fits)
        guard shared else { return rows }
        return rows.naming(.toggleShared, "eigen cijfers", help: "Terug naar uw eigen cijfers: alle jongeren, ook kleine aantallen precies")
    }

    /// The report for the period and view now chosen, read from its top.
    private func makeReport() {
        scroll = ScrollPosition()
        do {
            let (data, leftOut) = try session.store.researchData(forSharing: shared, today: session.today)
            self.leftOut = leftOut
            lines = Self.lines(of: text(ResearchReport(data: data, period: period, shared: shared)))
            failure = nil
        } catch {
            (lines, leftOut) = ([], 0)
            failure = "De rapportage kon niet worden gemaakt: \(error.localizedDescription)"
        }
        layOut()
    }

    /// A text's lines, as a terminal shows what the command prints: the final line break ends
    /// the last line, it adds no empty one.
    static func lines(of text: String) -> [String] {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() }
        return lines
    }

    func resize(to area: Rect) {
        self.area = area
        layOut()
    }

    private func layOut() {
        scroll.resize(count: lines.count, height: layout(in: area).body.height)
    }

    func handle(_ key: Key) -> Navigation {
        guard let action = bindings.action(for: key) else { return .stay }
        defer { layOut() }
        if action != .move { message = nil }
        switch action {
        case .move: _ = scroll.handle(key)
        case .setPeriod: return .popup(askStart())
        case .toggleShared:
            shared.toggle()
            makeReport()
        case .exportResearch: message = export()
        case .back: return .pop
        default: break
        }
        return .stay
    }

    // MARK: - The period

    /// The first of two days asked: from when (empty: from the beginning); then up to when.
    private func askStart() -> PromptPopup {
        let prompt = Prompt(title: "Periode", question: "Vanaf welke dag telt de rapportage? Leeg: vanaf het begin.",
                            label: "Vanaf (dd-mm-jjjj):", text: from?.text ?? "", enterLabel: "verder")
        return PromptPopup(prompt) { [self] text in
            do throws(InputError) {
                return .done(.popup(askEnd(after: try Self.day(text))))
            } catch {
                return .refuse(error.message)
            }
        }
    }

    private func askEnd(after start: LocalDate?) -> PromptPopup {
        let today = session.today
        let prompt = Prompt(title: "Periode", question: "Tot en met welke dag? Leeg: tot en met vandaag (\(today.text)).",
                            label: "Tot en met (dd-mm-jjjj):", text: to?.text ?? "", enterLabel: "toon")
        return PromptPopup(prompt) { [self] text in
            do throws(InputError) {
                let end = try Self.day(text)
                if let start, start > end ?? today {
                    return .refuse("Tot en met \(end?.text ?? "vandaag (\(today.text))") ligt vóór vanaf \(start.text). Kies een latere dag, "
                        + "of Esc: de periode blijft zoals hij was.")
                }
                (from, to) = (start, end)
                makeReport()
                return .done(.stay)
            } catch {
                return .refuse(error.message)
            }
        }
    }

    /// A typed day; empty is none.
    private static func day(_ text: String) throws(InputError) -> LocalDate? {
        text.trimmingCharacters(in: .whitespaces).isEmpty ? nil : try LocalDate.parseInput(text)
    }

    // MARK: - The export

    /// The research export (CSV for Dutch Excel) in a new folder in exports/; what it did, or why not.
    private func export() -> (text: String, style: Style) {
        let today = session.today
        do {
            let result = try session.store.writeResearchExportIntoExports(dialect: .excel, today: today, now: session.now)
            let folder = ExportPlace.fullPath(result.directory, in: session.store.directory)
            // Dossiers that could not be read are not in it: the export is not complete, and says so.
            let missing = result.unreadable == 0 ? "" : "; niet compleet: \(result.unreadable) dossier\(result.unreadable == 1 ? "" : "s") niet leesbaar"
            return ("Export: \(Wording.youths(result.exported)), \(result.leftOut) zonder toestemming weggelaten\(missing); in \(folder)",
                    result.unreadable == 0 ? .accent : .warning)
        } catch {
            return ("Er is geen export voor onderzoek gemaakt: \(error.localizedDescription)", .error)
        }
    }

    // MARK: - Drawing

    /// The heading lines, the lines under the report (the export's message) and the rectangle
    /// the report scrolls in, for `area`.
    private func layout(in area: Rect) -> (heading: [(text: String, style: Style)], notes: [(text: String, style: Style)], body: Rect) {
        let width = max(1, area.width - 4)
        let periodText = "\(period.from.map(\.text) ?? "vanaf het begin") t/m \(period.to.text)\(to == nil ? " (vandaag)" : "")"
        let mode = shared
            ? "Zoals gedeeld: alleen met toestemming voor onderzoek, kleine aantallen als <\u{00A0}5; "
                + (leftOut == 0 ? "alle jongeren meegeteld." : "\(Wording.youths(leftOut)) zonder toestemming voor onderzoek niet meegeteld.")
            : "Uw eigen cijfers: alle jongeren, ook kleine aantallen precies; niet om te delen."
        let heading = [("Rapportage  ·  \(periodText)", Style.heading)]
            + Glyphs.wrap(mode, width: width).map { ($0, shared ? Style.warning : Style.dim) }
        let noteText = failure.map { ($0, Style.error) } ?? message
        // The report keeps most of the rows: a message takes at most two lines on a small screen
        // (four on a larger one); a longer one shows its first lines, ending in "…". A refusal
        // says what to do about it, so it may take all but two lines of the report.
        let isError = noteText?.1 == .error
        let noteRoom = max(1, isError ? area.height - heading.count - 4 : min(area.height < 20 ? 2 : 4, area.height - heading.count - 5))
        let notes = noteText.map { note in Glyphs.wrap(note.text, width: width, maxLines: noteRoom).map { ($0, note.style) } } ?? []
        let top = area.row + heading.count + 1
        let body = Rect(row: top, col: area.col, width: area.width, height: max(1, area.row + area.height - top - notes.count - (notes.isEmpty ? 0 : 1)))
        return (heading, notes, body)
    }

    func render(into canvas: inout Canvas, area: Rect) {
        let (heading, notes, body) = layout(in: area)
        for (offset, line) in heading.enumerated() {
            canvas.put(line.text, row: area.row + offset, col: area.col + 2, style: line.style, maxWidth: area.width - 4)
        }
        // A copy, clamped to this rectangle: drawing changes nothing.
        let window = ScrollPosition(count: lines.count, height: body.height, top: scroll.top)
        for (offset, index) in window.visible.enumerated() {
            canvas.put(lines[index], row: body.row + offset, col: body.col + 2, maxWidth: body.width - 4)
        }
        window.drawMarks(into: &canvas, rect: body, col: body.col)
        for (offset, line) in notes.enumerated() {
            canvas.put(line.text, row: area.row + area.height - notes.count + offset, col: area.col + 2, style: line.style, maxWidth: area.width - 4)
        }
    }
}
