import Foundation

/// The days a report covers: `to` is the day the caseload is counted on (today unless given).
public struct ReportPeriod: Equatable, Sendable {
    public var from: LocalDate?
    public var to: LocalDate

    public init(from: LocalDate? = nil, to: LocalDate) {
        self.from = from
        self.to = to
    }

    /// "tot en met 02-12-2026" or "van 01-01-2026 tot en met 02-12-2026".
    public var text: String {
        (from.map { "van \($0.text) " } ?? "") + "tot en met \(to.text)"
    }
}

public enum ReportFormat: Sendable {
    case text, markdown
}

/// The figures for the action research over `data` in `period`. `shared`: meant for others
/// (`report --share`, `report --merge`): small numbers are suppressed (docs/decisions.md).
public struct ResearchReport: Sendable {
    public let data: ResearchData
    public let period: ReportPeriod
    public let shared: Bool

    public init(data: ResearchData, period: ReportPeriod, shared: Bool) {
        self.data = data
        self.period = period
        self.shared = shared
    }

    static let title = "Rapportage actieonderzoek"

    /// The whole report; the reports screen shows `render(.text)` line for line.
    public func render(_ format: ReportFormat) -> String {
        ReportLayout.render(title: Self.title, blocks: blocks, as: format)
    }

    /// The figures in order, each with the number of youths it rests on.
    var blocks: [ReportBlock] {
        let figures = ReportFigures(data: data, period: period)
        let rules = Suppression(shared: shared)
        let phases = phaseCounts(figures, rules)
        var blocks = header(started: phases.total)
        blocks += phaseFigure(figures, rules, phases)
        blocks += measurementFigure(figures, rules)
        blocks += changeFigure(figures, rules)
        blocks += skillsFigure(figures, rules)
        blocks += outcomeFigure(figures, rules, closedShown: phases.cells.last ?? .hidden)
        return blocks
    }

    private func header(started: Shown) -> [ReportBlock] {
        var lines = ["Periode: \(period.text).",
                     "Rust op \(started.text) jongeren (begonnen op of voor \(period.to.text)); elk cijfer noemt zijn n."]
        if shared {
            lines.append("Gedeelde rapportage: \"< 5\" is 1 tot 4 jongeren; \"x\" is weggelaten, omdat het op minder dan 5 rust of een klein getal zou verraden.")
        }
        return lines.map(ReportBlock.paragraph)
    }

    // MARK: 1. Caseload by phase

    private func phaseCounts(_ figures: ReportFigures, _ rules: Suppression) -> (cells: [Shown], active: Shown, total: Shown) {
        rules.phaseRow(active: ReportFigures.activePhases.map { figures.phaseCounts[$0] ?? 0 }, closed: figures.closed)
    }

    private func phaseFigure(_ figures: ReportFigures, _ rules: Suppression, _ counts: (cells: [Shown], active: Shown, total: Shown)) -> [ReportBlock] {
        var blocks: [ReportBlock] = [.heading("1. Caseload per fase op \(period.to.text)")]
        if figures.started == 0 {
            blocks.append(.paragraph("Nog geen jongeren begonnen op \(period.to.text)."))
        } else {
            blocks.append(.paragraph("n = \(counts.total.text) jongeren die op \(period.to.text) begonnen waren."))
            let largest = counts.cells.compactMap(\.exact).max() ?? 0
            var rows = zip(ReportFigures.activePhases + [.closed], counts.cells).map { phase, shown in
                [phase.label, shown.text, shown.exact.map { Bar.draw($0, largest: largest) } ?? ""]
            }
            rows.insert(["Actief (samen)", counts.active.text, ""], at: ReportFigures.activePhases.count)
            rows.append(["Totaal", counts.total.text, ""])
            blocks.append(.table(ReportTable(header: ["Fase", "aantal", ""], rows: rows, hasBars: true)))
        }
        let ended = ReportFigures.activePhases.map { figures.phaseDurations[$0] ?? [] }
        if ended.allSatisfy(\.isEmpty) {
            blocks.append(.paragraph("Mediane duur per fase: nog geen fase afgerond in deze periode."))
        } else {
            blocks.append(.paragraph("Mediane duur per fase, in weken: van de perioden die in de periode eindigden (n = aantal perioden"
                                     + (shared ? "; gedeeld alleen < 5 of 5+)." : ").")))
            let rows = zip(ReportFigures.activePhases, ended).map { phase, days in
                [phase.label, medianText(days, rules), rules.periods(days.count)]
            }
            blocks.append(.table(ReportTable(header: ["Fase", "mediaan", "n"], rows: rows)))
        }
        return blocks
    }

    private func medianText(_ days: [Int], _ rules: Suppression) -> String {
        days.isEmpty ? "–" : rules.showsFigure(over: days.count) ? DutchNumber.medianWeeks(days) : "x"
    }

    // MARK: 2. ZRM per domain and moment

    private func measurementFigure(_ figures: ReportFigures, _ rules: Suppression) -> [ReportBlock] {
        var blocks: [ReportBlock] = [.heading("2. ZRM per leefgebied per meting")]
        let moments = ReportFigures.moments.map { figures.moments[$0] ?? ReportFigures.MomentFigures() }
        guard moments.contains(where: { $0.measured > 0 }) else {
            return blocks + [.paragraph("Nog geen metingen in deze periode.")]
        }
        blocks.append(.paragraph("Gemiddelde score (1 acuut tot 5 volledig zelfredzaam), met tussen haakjes n: jongeren met een score voor dat leefgebied bij die meting (de laatste van die meting in de periode)."))
        var rows = Catalog.lifeDomains.map { domain in
            [domain.name] + moments.map { moment in
                let scores = moment.scores[domain.code] ?? []
                if scores.isEmpty { return "–" }
                let mean = rules.showsFigure(over: scores.count) ? DutchNumber.mean(scores) : "x"
                return "\(mean) (\(rules.count(scores.count).text))"
            }
        }
        rows.append(["Met acuut leefgebied"] + moments.map { moment in
            if moment.measured == 0 { return "–" }
            let share = rules.showsShare(moment.acute, of: moment.measured) ? DutchNumber.percent(moment.acute, of: moment.measured) : "x"
            return "\(share) (\(rules.count(moment.measured).text))"
        })
        blocks.append(.table(ReportTable(header: ["Leefgebied"] + ReportFigures.moments.map(\.label), rows: rows)))
        blocks.append(.paragraph("Met acuut leefgebied: het deel van de jongeren met minstens één leefgebied op 1, met tussen haakjes n: de jongeren met die meting."))
        return blocks
    }

    // MARK: 3. First against latest

    private func changeFigure(_ figures: ReportFigures, _ rules: Suppression) -> [ReportBlock] {
        var blocks: [ReportBlock] = [.heading("3. Eerste tegen laatste meting")]
        guard figures.changes.values.contains(where: { $0.total > 0 }) else {
            return blocks + [.paragraph("Nog geen jongeren met twee metingen in deze periode.")]
        }
        blocks.append(.paragraph("Per leefgebied de eerste en de laatste meting in de periode die het scoorden (elke meting, ook tussentijds); hoger is zelfredzamer. n = jongeren met twee zulke metingen."))
        let rows = Catalog.lifeDomains.map { domain in
            let change = figures.changes[domain.code] ?? ReportFigures.Change()
            let shown = rules.group([change.up, change.same, change.down], total: change.total)
            return [domain.name] + shown.cells.map(\.text) + [shown.total.text]
        }
        blocks.append(.table(ReportTable(header: ["Leefgebied", "hoger", "gelijk", "lager", "n"], rows: rows)))
        return blocks
    }

    // MARK: 4. The ten skills

    private func skillsFigure(_ figures: ReportFigures, _ rules: Suppression) -> [ReportBlock] {
        var blocks: [ReportBlock] = [.heading("4. Basisvaardigheden: eerste indruk en laatste gesprek")]
        guard figures.skills.values.contains(where: { $0.n > 0 }) else {
            return blocks + [.paragraph("Nog geen voortgangsgesprekken in deze periode bij jongeren met een eerste indruk.")]
        }
        blocks.append(.paragraph("De quick scan (aandachtspunt, voldoende, sterk) en het gesprek (nog niet, soms, meestal, altijd) hebben elk hun eigen schaal; daarom geen gemiddelde, maar tellingen. n = jongeren met een eerste indruk en een laatste voortgangsgesprek in de periode. aandacht: eerste indruk aandachtspunt. daarvan: van hen nu meestal of altijd. nu m/a: van alle n nu meestal of altijd."))
        let rows = Catalog.basicSkills.map { skill in
            let f = figures.skills[skill.code] ?? ReportFigures.SkillFigures()
            return [skill.name] + rules.skillRow(n: f.n, attention: f.attention, attentionNowGood: f.attentionNowGood, nowGood: f.nowGood).map(\.text)
        }
        blocks.append(.table(ReportTable(header: ["Vaardigheid", "n", "aandacht", "daarvan", "nu m/a"], rows: rows)))
        return blocks
    }

    // MARK: 5. Outcomes

    /// `closedShown`: how figure 1 showed Afgesloten. Without a start date figure 5 counts the
    /// same youths, so when figure 1 hid them, this figure hides its total and every cell too.
    private func outcomeFigure(_ figures: ReportFigures, _ rules: Suppression, closedShown: Shown) -> [ReportBlock] {
        var blocks: [ReportBlock] = [.heading("5. Uitstroom van afgesloten dossiers")]
        guard figures.closures > 0 else {
            return blocks + [.paragraph("Nog geen dossiers afgesloten in deze periode.")]
        }
        let counts = Outcome.allCases.map { figures.outcomes[$0] ?? 0 }
        var shown = rules.group(counts, total: figures.closures)
        if period.from == nil, closedShown == .hidden {
            shown = (counts.map { _ in .hidden }, .hidden)
        }
        blocks.append(.paragraph("n = \(shown.total.text) jongeren met een afsluiting in de periode (per jongere de laatste)."))
        let largest = shown.cells.compactMap(\.exact).max() ?? 0
        var rows = zip(Outcome.allCases, shown.cells).map { outcome, cell in
            [capitalised(outcome.label), cell.text, cell.exact.map { Bar.draw($0, largest: largest) } ?? ""]
        }
        rows.append(["Totaal", shown.total.text, ""])
        blocks.append(.table(ReportTable(header: ["Uitstroom", "aantal", ""], rows: rows, hasBars: true)))

        // The share rests on the cells it is made of; they must all be shown.
        let counted = zip(Outcome.allCases, shown.cells).filter { !ReportFigures.notAnOutcome.contains($0.0) }
        let reached = counted.filter { ReportFigures.workOrSchool.contains($0.0) }.compactMap(\.1.exact).reduce(0, +)
        let denominator = counted.compactMap(\.1.exact).reduce(0, +)
        let allShown = counted.allSatisfy { $0.1.exact != nil }
        let share: String
        if denominator == 0, allShown {
            share = "Werk of school: – (geen uitstroom die meetelt)."
        } else if allShown, rules.showsFigure(over: denominator) {
            share = "Werk of school: \(DutchNumber.percent(reached, of: denominator)) (\(reached) van \(denominator))."
        } else {
            share = "Werk of school: x (weggelaten: het rust op kleine aantallen)."
        }
        blocks.append(.paragraph(share + " Werk of school is regulier werk, werk met loonkostensubsidie, opleiding of een eigen onderneming; verhuisd en overgedragen zijn geen uitkomst van de methode en tellen niet mee."))
        return blocks
    }

    private func capitalised(_ text: String) -> String { text.prefix(1).uppercased() + text.dropFirst() }
}
