@testable import Caseload
import XCTest

/// The figures of the action research on hand-made tables whose answers were worked out by
/// hand (in the comments), the small-number rules, and the layout (56 columns, text = Markdown).
final class ResearchReportTests: XCTestCase {
    private func day(_ year: Int, _ month: Int, _ day: Int) -> LocalDate { LocalDate(year: year, month: month, day: day)! }
    private var toDay: LocalDate { day(2026, 12, 2) }

    /// A: Scout 01-01 (14 days), Quick scan 01-15 (28 days), Coachen since 02-12.
    /// B: Scout 02-01 (7 days), Quick scan 02-08 (35 days), Afgesloten since 03-15.
    /// C: Scout 03-01 (21 days), Quick scan since 03-22.
    /// D: starts 05-01-2027, after the report's day.
    /// E: Scout for no day at all on 10-01 (a correction, not counted), Quick scan since.
    /// F-J: closings only. So on 02-12-2026: Quick scan 2, Coachen 1, Afgesloten 1 (4 started).
    private var handMade: ResearchData {
        var data = ResearchData()
        data.youths = "ABCDEFGHIJ".map { ResearchYouth(pseudonym: String($0), birthYear: 2006, municipality: "Zwolle", started: nil) }
        data.phases = [
            ResearchPhase(pseudonym: "A", phase: .scout, from: day(2026, 1, 1), until: day(2026, 1, 15)),
            ResearchPhase(pseudonym: "A", phase: .quickScan, from: day(2026, 1, 15), until: day(2026, 2, 12)),
            ResearchPhase(pseudonym: "A", phase: .coaching, from: day(2026, 2, 12), until: nil),
            ResearchPhase(pseudonym: "B", phase: .scout, from: day(2026, 2, 1), until: day(2026, 2, 8)),
            ResearchPhase(pseudonym: "B", phase: .quickScan, from: day(2026, 2, 8), until: day(2026, 3, 15)),
            ResearchPhase(pseudonym: "B", phase: .closed, from: day(2026, 3, 15), until: nil),
            ResearchPhase(pseudonym: "C", phase: .scout, from: day(2026, 3, 1), until: day(2026, 3, 22)),
            ResearchPhase(pseudonym: "C", phase: .quickScan, from: day(2026, 3, 22), until: nil),
            ResearchPhase(pseudonym: "D", phase: .scout, from: day(2027, 1, 5), until: nil),
            ResearchPhase(pseudonym: "E", phase: .scout, from: day(2026, 10, 1), until: day(2026, 10, 1)),
            ResearchPhase(pseudonym: "E", phase: .quickScan, from: day(2026, 10, 1), until: nil),
        ]
        data.measurements = [
            // A's 0-meting was done again five days later: the later one counts (no acute domain).
            ResearchMeasurement(pseudonym: "A", date: day(2026, 1, 20), moment: .zero, scores: ["finances": 1, "housing": 3]),
            ResearchMeasurement(pseudonym: "A", date: day(2026, 1, 25), moment: .zero, scores: ["finances": 2, "housing": 3]),
            ResearchMeasurement(pseudonym: "A", date: day(2026, 3, 1), moment: .interim, scores: ["finances": 3]),
            ResearchMeasurement(pseudonym: "A", date: day(2026, 6, 1), moment: .one, scores: ["finances": 4, "housing": 2]),
            ResearchMeasurement(pseudonym: "B", date: day(2026, 2, 10), moment: .zero, scores: ["finances": 3, "housing": 4]),
            ResearchMeasurement(pseudonym: "B", date: day(2027, 1, 1), moment: .one, scores: ["finances": 5]),
            ResearchMeasurement(pseudonym: "C", date: day(2026, 3, 25), moment: .zero, scores: ["finances": 1]),
            ResearchMeasurement(pseudonym: "E", date: day(2026, 10, 5), moment: .zero, scores: [:]),
        ]
        data.skills = [
            ResearchSkill(pseudonym: "A", skill: "onTime", firstImpression: .attention, latestTalk: .mostly, latestTalkOn: day(2026, 5, 1)),
            ResearchSkill(pseudonym: "B", skill: "onTime", firstImpression: .attention, latestTalk: .sometimes, latestTalkOn: day(2026, 5, 2)),
            ResearchSkill(pseudonym: "C", skill: "onTime", firstImpression: .strong, latestTalk: .always, latestTalkOn: day(2026, 5, 3)),
            ResearchSkill(pseudonym: "E", skill: "onTime", firstImpression: .attention, latestTalk: .always, latestTalkOn: day(2027, 1, 1)),
            ResearchSkill(pseudonym: "A", skill: "wantsToWork", firstImpression: nil, latestTalk: .mostly, latestTalkOn: day(2026, 5, 1)),
        ]
        data.outcomes = [
            ResearchOutcome(pseudonym: "B", closedOn: day(2026, 3, 15), outcome: .regularWork),
            // F reopened; the later closing is after the report's day: the one inside counts.
            ResearchOutcome(pseudonym: "F", closedOn: day(2026, 4, 1), outcome: .education),
            ResearchOutcome(pseudonym: "F", closedOn: day(2027, 2, 1), outcome: .moved),
            ResearchOutcome(pseudonym: "G", closedOn: day(2026, 5, 1), outcome: .moved),
            // H reopened and closed again: the latest closing counts.
            ResearchOutcome(pseudonym: "H", closedOn: day(2026, 6, 1), outcome: .stoppedByYouth),
            ResearchOutcome(pseudonym: "H", closedOn: day(2026, 7, 1), outcome: .ownBusiness),
            ResearchOutcome(pseudonym: "I", closedOn: day(2026, 8, 1), outcome: .handedOver),
            ResearchOutcome(pseudonym: "J", closedOn: day(2026, 9, 1), outcome: .stoppedByYouth),
        ]
        return data
    }

    private func render(_ data: ResearchData, from: LocalDate? = nil, to: LocalDate? = nil, shared: Bool = false, _ format: ReportFormat = .markdown) -> String {
        ResearchReport(data: data, period: ReportPeriod(from: from, to: to ?? toDay), shared: shared).render(format)
    }

    /// The cells after the label of every Markdown table row with that label in figure `figure`.
    private func rows(_ markdown: String, figure: Int, _ label: String) -> [[String]] {
        var inFigure = false
        var found: [[String]] = []
        for line in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("## ") { inFigure = line.hasPrefix("## \(figure).") }
            guard inFigure, line.hasPrefix("| ") else { continue }
            let cells = line.dropFirst(2).dropLast(2).components(separatedBy: " | ").map { $0.trimmingCharacters(in: .whitespaces) }
            if cells.first == label { found.append(Array(cells.dropFirst())) }
        }
        return found
    }

    private func row(_ markdown: String, figure: Int, _ label: String, _ index: Int = 0, file: StaticString = #filePath, line: UInt = #line) -> [String] {
        let found = rows(markdown, figure: figure, label)
        XCTAssertGreaterThan(found.count, index, "no row \(label) in figure \(figure)", file: file, line: line)
        return found.indices.contains(index) ? found[index] : []
    }

    private func blocks(_ count: Int) -> String { String(repeating: "█", count: count) }

    // MARK: The figures, own report

    func testCaseloadByPhaseOnTheLastDayAndMedianTimeInEachPhase() {
        let report = render(handMade)
        XCTAssertTrue(report.contains("Rust op 4 jongeren (begonnen op of voor 02-12-2026)"))
        XCTAssertEqual(row(report, figure: 1, "Scout"), ["0", ""])
        // Bars are scaled to the largest: 2 fills 16 columns, 1 fills 8.
        XCTAssertEqual(row(report, figure: 1, "Quick scan"), ["2", blocks(16)])
        XCTAssertEqual(row(report, figure: 1, "Coachen"), ["1", blocks(8)])
        XCTAssertEqual(row(report, figure: 1, "Borgen"), ["0", ""])
        XCTAssertEqual(row(report, figure: 1, "Actief (samen)"), ["3", ""])
        XCTAssertEqual(row(report, figure: 1, "Afgesloten"), ["1", blocks(8)])
        XCTAssertEqual(row(report, figure: 1, "Totaal"), ["4", ""])
        XCTAssertTrue(report.contains("n = 4 jongeren die op 02-12-2026 begonnen waren."))
        // Scout: 7, 14, 21 days (E's day-less Scout left out): odd n, the middle one, 14 days = 2,0 wk.
        XCTAssertEqual(row(report, figure: 1, "Scout", 1), ["2,0 wk", "3"])
        // Quick scan: 28 and 35 days: even n, their mean 31,5 days = 4,5 wk.
        XCTAssertEqual(row(report, figure: 1, "Quick scan", 1), ["4,5 wk", "2"])
        XCTAssertEqual(row(report, figure: 1, "Coachen", 1), ["–", "0"])
        XCTAssertTrue(rows(report, figure: 1, "Afgesloten").count == 1, "no median time in Afgesloten")
    }

    func testZRMMeanPerDomainPerMomentWithNAndTheAcuteShare() {
        let report = render(handMade)
        // 0-meting: A's later one (2), B (3), C (1): 6 / 3 = 2,0; housing A 3, B 4: 3,5. 1-meting: A only
        // (B's is after the report's day); interim measurements and E's empty one do not count.
        XCTAssertEqual(row(report, figure: 2, "Financiën"), ["2,0 (3)", "4,0 (1)", "–", "–"])
        XCTAssertEqual(row(report, figure: 2, "Huisvesting"), ["3,5 (2)", "2,0 (1)", "–", "–"])
        XCTAssertEqual(row(report, figure: 2, "Justitie"), ["–", "–", "–", "–"])
        // Acute at the 0-meting: only C (A's acute finances were in the earlier 0-meting): 1 of 3.
        XCTAssertEqual(row(report, figure: 2, "Met acuut leefgebied"), ["33% (3)", "0% (1)", "–", "–"])
    }

    func testChangeFromFirstToLatestPerDomain() {
        let report = render(handMade)
        // A's finances 1 → 2 → 3 (interim) → 4: up; housing 3 → 3 → 2: down. B's second finances
        // score is after the report's day, C has one measurement: neither counts.
        XCTAssertEqual(row(report, figure: 3, "Financiën"), ["1", "0", "0", "1"])
        XCTAssertEqual(row(report, figure: 3, "Huisvesting"), ["0", "0", "1", "1"])
        XCTAssertEqual(row(report, figure: 3, "Tijdsbesteding"), ["0", "0", "0", "0"])
    }

    func testSkillsFirstImpressionAgainstTheLatestTalk() {
        let report = render(handMade)
        // On time: A attention → mostly, B attention → sometimes, C strong → always; E's talk is
        // after the report's day. n 3, attention 2, of those now good 1, now good 2.
        XCTAssertEqual(row(report, figure: 4, "Op tijd komen"), ["3", "2", "1", "2"])
        // A has no first impression of wanting to work: not counted.
        XCTAssertEqual(row(report, figure: 4, "Willen werken"), ["0", "0", "0", "0"])
    }

    func testOutcomesOfClosedCasesAndTheShareThatReachedWorkOrSchool() {
        let report = render(handMade)
        XCTAssertEqual(row(report, figure: 5, "Regulier werk"), ["1", blocks(16)])
        XCTAssertEqual(row(report, figure: 5, "Werk met loonkostensubsidie"), ["0", ""])
        XCTAssertEqual(row(report, figure: 5, "Opleiding"), ["1", blocks(16)])  // F: the closing inside the period
        XCTAssertEqual(row(report, figure: 5, "Eigen onderneming (deeltijd)"), ["1", blocks(16)])  // H: the latest
        XCTAssertEqual(row(report, figure: 5, "Verhuisd"), ["1", blocks(16)])
        XCTAssertEqual(row(report, figure: 5, "Gestopt door jongere"), ["1", blocks(16)])
        XCTAssertEqual(row(report, figure: 5, "Overgedragen aan andere coach"), ["1", blocks(16)])
        XCTAssertEqual(row(report, figure: 5, "Anders"), ["0", ""])
        XCTAssertEqual(row(report, figure: 5, "Totaal"), ["6", ""])
        // Work or school: regular work, education, own business = 3; moved and handed over are
        // left out of the denominator: 6 - 2 = 4.
        XCTAssertTrue(report.contains("Werk of school: 75% (3 van 4)."))
    }

    func testThePeriodFromAndTo() {
        let report = render(handMade, from: day(2026, 2, 1), to: day(2026, 3, 20))
        XCTAssertTrue(report.contains("Periode: van 01-02-2026 tot en met 20-03-2026."))
        // On 20-03: A in Coachen, B closed, C in Scout; E had not begun.
        XCTAssertEqual(row(report, figure: 1, "Scout"), ["1", blocks(16)])
        XCTAssertEqual(row(report, figure: 1, "Quick scan"), ["0", ""])
        XCTAssertEqual(row(report, figure: 1, "Totaal"), ["3", ""])
        // Periods that ended from 01-02 to 20-03: B's Scout (7 days); A's and B's Quick scan.
        XCTAssertEqual(row(report, figure: 1, "Scout", 1), ["1,0 wk", "1"])
        XCTAssertEqual(row(report, figure: 1, "Quick scan", 1), ["4,5 wk", "2"])
        // A's 0-metingen were before the period, C's after it: B (3) alone; A's 1-meting after it.
        XCTAssertEqual(row(report, figure: 2, "Financiën"), ["3,0 (1)", "–", "–", "–"])
        XCTAssertEqual(row(report, figure: 2, "Met acuut leefgebied"), ["0% (1)", "–", "–", "–"])
        XCTAssertTrue(report.contains("Nog geen jongeren met twee metingen in deze periode."))
        XCTAssertTrue(report.contains("Nog geen voortgangsgesprekken in deze periode"))
        XCTAssertEqual(row(report, figure: 5, "Regulier werk"), ["1", blocks(16)])
        XCTAssertEqual(row(report, figure: 5, "Totaal"), ["1", ""])
        XCTAssertTrue(report.contains("Werk of school: 100% (1 van 1)."))
    }

    func testDutchNumbersRoundHalfUp() {
        XCTAssertEqual(DutchNumber.oneDecimal(13, 4), "3,3")  // 3,25
        XCTAssertEqual(DutchNumber.oneDecimal(5, 2), "2,5")
        XCTAssertEqual(DutchNumber.percent(1, of: 8), "13%")  // 12,5
        XCTAssertEqual(DutchNumber.percent(2, of: 3), "67%")
        XCTAssertEqual(DutchNumber.medianWeeks([10, 3, 7]), "1,0 wk")
        XCTAssertEqual(DutchNumber.medianWeeks([3, 4, 10, 100]), "1,0 wk")  // 7 days
    }

    // MARK: Small numbers

    func testSmallCountsAreShownAsLessThanFiveInTheSharedReportOnly() {
        let own = render(handMade)
        let shared = render(handMade, shared: true)
        XCTAssertTrue(shared.contains("\"< 5\" is 1 tot 4 jongeren"))
        XCTAssertFalse(own.contains("< 5"))
        // Four youths started: the whole figure rests on fewer than 5, so every cell is left out.
        XCTAssertTrue(shared.contains("Rust op < 5 jongeren"))
        XCTAssertEqual(row(shared, figure: 1, "Quick scan"), ["x", ""])
        XCTAssertEqual(row(shared, figure: 1, "Totaal"), ["< 5", ""])
        // Medians and means over fewer than 5 are left out, with n "< 5"; n = 0 stays 0.
        XCTAssertEqual(row(shared, figure: 1, "Scout", 1), ["x", "< 5"])
        XCTAssertEqual(row(shared, figure: 1, "Coachen", 1), ["–", "0"])
        XCTAssertEqual(row(shared, figure: 2, "Financiën"), ["x (< 5)", "x (< 5)", "–", "–"])
        XCTAssertEqual(row(shared, figure: 2, "Met acuut leefgebied"), ["x (< 5)", "x (< 5)", "–", "–"])
        XCTAssertEqual(row(shared, figure: 3, "Financiën"), ["x", "x", "x", "< 5"])
        XCTAssertEqual(row(shared, figure: 4, "Op tijd komen"), ["< 5", "x", "x", "x"])
        // Figure 1 hid Afgesloten, and without a start date figure 5 counts the same youths:
        // its total and every cell are hidden too.
        XCTAssertEqual(row(shared, figure: 5, "Regulier werk"), ["x", ""])
        XCTAssertEqual(row(shared, figure: 5, "Anders"), ["x", ""])
        XCTAssertEqual(row(shared, figure: 5, "Totaal"), ["x", ""])
        XCTAssertTrue(shared.contains("Werk of school: x"))
        // From a start date on, figure 5 stands alone. Six closings, each outcome 1: the total
        // (public) says they are all 1, so only the total shows.
        let fromStart = render(handMade, from: day(2026, 1, 1), shared: true)
        XCTAssertEqual(row(fromStart, figure: 5, "Regulier werk"), ["x", ""])
        XCTAssertEqual(row(fromStart, figure: 5, "Anders"), ["x", ""])
        XCTAssertEqual(row(fromStart, figure: 5, "Totaal"), ["6", ""])
    }

    /// 12 youths closed: 10 to regular work, 2 to education. The total (public: it is
    /// Afgesloten too) would give the 2 away, so only the total shows.
    func testOneSmallCellBesideATotalHidesTheRow() {
        var data = ResearchData()
        for index in 0..<12 {
            data.outcomes.append(ResearchOutcome(pseudonym: "y\(index)", closedOn: day(2026, 6, 1), outcome: index < 10 ? .regularWork : .education))
        }
        let shared = render(data, shared: true)
        XCTAssertEqual(row(shared, figure: 5, "Regulier werk"), ["x", ""])
        XCTAssertEqual(row(shared, figure: 5, "Opleiding"), ["x", ""])
        XCTAssertEqual(row(shared, figure: 5, "Anders"), ["x", ""])
        XCTAssertEqual(row(shared, figure: 5, "Totaal"), ["12", ""])
        XCTAssertTrue(shared.contains("n = 12 jongeren met een afsluiting"))
        XCTAssertTrue(shared.contains("Werk of school: x"), "the share would give the cells away")
        let own = render(data)
        XCTAssertEqual(row(own, figure: 5, "Opleiding"), ["2", blocks(3)])
        XCTAssertEqual(row(own, figure: 5, "Totaal"), ["12", ""])
        XCTAssertTrue(own.contains("Werk of school: 100% (12 van 12)."))
    }

    /// Finances first against latest: 5 up and 2 the same shows only n (n minus 5 is 2); 5 up,
    /// 2 the same and 3 down shows all (the same and down together are 5, each can be 1 to 4).
    func testUpSameDownKeepTheirTotalOnlyWhenNothingCanBeWorkedBack() {
        func data(up: Int, same: Int, down: Int) -> ResearchData {
            var data = ResearchData()
            for (index, latest) in (Array(repeating: 4, count: up) + Array(repeating: 3, count: same) + Array(repeating: 2, count: down)).enumerated() {
                data.measurements.append(ResearchMeasurement(pseudonym: "y\(index)", date: day(2026, 1, 1), moment: .zero, scores: ["finances": 3]))
                data.measurements.append(ResearchMeasurement(pseudonym: "y\(index)", date: day(2026, 6, 1), moment: .one, scores: ["finances": latest]))
            }
            return data
        }
        XCTAssertEqual(row(render(data(up: 5, same: 2, down: 0), shared: true), figure: 3, "Financiën"), ["x", "x", "x", "7"])
        XCTAssertEqual(row(render(data(up: 5, same: 2, down: 3), shared: true), figure: 3, "Financiën"), ["5", "< 5", "< 5", "10"])
        XCTAssertEqual(row(render(data(up: 5, same: 2, down: 0)), figure: 3, "Financiën"), ["5", "2", "0", "7"])
    }

    /// Every table (each count 0 to `bound`) as `shown` shows it, keyed by what a reader sees and
    /// by what they know besides (`known`, e.g. the total). A reader who knows the rules can only
    /// tell that the true table is one of those with the same key; every secret number (`secrets`,
    /// one per shown number, nil where the reader knows it) not shown must differ among them, so
    /// none can be worked back. Leaving out tables above the bound only
    /// leaves out candidates, so what differs here differs among all tables.
    private func assertNothingPinned(cellCount: Int, bound: Int, file: StaticString = #filePath, line: UInt = #line,
                                     _ shown: ([Int]) -> (looks: [Shown], known: [Int], secrets: [Int?])) {
        let rules = Suppression(shared: true)
        var seen: [[Shown]: [[Int?]]] = [:]
        var cells = [Int](repeating: 0, count: cellCount)
        while true {
            let table = shown(cells)
            seen[table.looks + table.known.map { .exact($0) }, default: []].append(table.secrets)
            for value in table.looks.compactMap(\.exact) {
                XCTAssertFalse(rules.isSmall(value), "a small number shown", file: file, line: line)
            }
            guard let next = cells.indices.first(where: { cells[$0] < bound }) else { break }
            for index in 0..<next { cells[index] = 0 }
            cells[next] += 1
        }
        for (key, tables) in seen {
            for (position, shown) in key.enumerated() where position < tables[0].count && shown.exact == nil {
                let values = Set(tables.compactMap { $0[position] })
                if values.isEmpty { continue }
                XCTAssertGreaterThan(values.count, 1, "\(key.map(\.text)) gives away position \(position): \(values)", file: file, line: line)
            }
        }
    }

    /// A row's total is public: the same n is in the other rows of figure 3 (usually equal), in
    /// figure 2, in the header, or Afgesloten in figure 5's total. So the reader is given the
    /// true total even where the row shows "< 5", and still cannot work back a hidden count.
    func testNoHiddenCountCanBeWorkedBackEvenKnowingTheTotal() {
        let rules = Suppression(shared: true)
        for (cellCount, bound) in [(2, 11), (3, 10), (4, 8), (5, 6), (6, 5)] {
            assertNothingPinned(cellCount: cellCount, bound: bound) { cells in
                let total = cells.reduce(0, +)
                let shown = rules.group(cells, total: total)
                XCTAssertEqual(shown.total, rules.count(total), "a total is never hidden")
                return (shown.cells + [shown.total], [total], cells + [nil])
            }
        }
    }

    /// Rows of one table with equal n, as figure 3 on the demo: finances 7 up and 2 the same,
    /// substance use 2 up, 6 the same and 1 down, and more rows, all with n = 9. A reader who
    /// takes any row's n for every row works nothing back: a row with one "< 5" beside n shows
    /// only n.
    func testRowsWithEqualTotalsGiveNothingAwayTogether() {
        let rows: [(code: String, label: String, up: Int, same: Int, down: Int)] = [
            ("finances", "Financiën", 7, 2, 0), ("workAndEducation", "Werk & opleiding", 8, 1, 0),
            ("housing", "Huisvesting", 5, 4, 0), ("substanceUse", "Middelengebruik", 2, 6, 1),
            ("justice", "Justitie", 9, 0, 0)]
        var data = ResearchData()
        for youth in 0..<9 {
            var first: [String: Int] = [:], latest: [String: Int] = [:]
            for row in rows {
                first[row.code] = 3
                latest[row.code] = youth < row.up ? 4 : youth < row.up + row.same ? 3 : 2
            }
            data.measurements.append(ResearchMeasurement(pseudonym: "y\(youth)", date: day(2026, 1, 1), moment: .zero, scores: first))
            data.measurements.append(ResearchMeasurement(pseudonym: "y\(youth)", date: day(2026, 6, 1), moment: .one, scores: latest))
        }
        let shared = render(data, shared: true)
        XCTAssertEqual(row(shared, figure: 3, "Financiën"), ["x", "x", "x", "9"])
        XCTAssertEqual(row(shared, figure: 3, "Middelengebruik"), ["< 5", "6", "< 5", "9"])
        XCTAssertEqual(row(shared, figure: 3, "Justitie"), ["9", "0", "0", "9"])
        // The reader's sum: with n known (any row shows it), a row's small cells are worked back
        // when there is one, or they are all ones or all fours.
        let n = 9
        for domain in rows {
            let cells = row(shared, figure: 3, domain.label).prefix(3)
            XCTAssertEqual(row(shared, figure: 3, domain.label).last, "\(n)", "n is never hidden")
            let small = cells.filter { $0 == "< 5" }.count
            let rest = n - cells.compactMap { Int($0) }.reduce(0, +)
            guard small > 0, !cells.contains("x") else { continue }
            XCTAssertTrue(small >= 2 && rest > small && rest < 4 * small, "\(domain.label) gives away \(rest)")
        }
        XCTAssertEqual(row(render(data), figure: 3, "Financiën"), ["7", "2", "0", "9"], "the own report shows all")
    }

    /// Figure 1: five active phases and Afgesloten. The total is public (the header) and so is
    /// Afgesloten without a start date (figure 5's total); figure 5 hides whole when figure 1
    /// hid Afgesloten, and tells only that it is 0. Actief is a hidden number too.
    func testNoPhaseCountCanBeWorkedBackKnowingTheTotalAndAfgesloten() {
        let rules = Suppression(shared: true)
        assertNothingPinned(cellCount: 6, bound: 7) { cells in
            let active = Array(cells.prefix(5)), closed = cells[5]
            let shown = rules.phaseRow(active: active, closed: closed)
            let total = cells.reduce(0, +)
            XCTAssertEqual(shown.total, rules.count(total))
            // The reader knows a total of 5 or more, and from figure 5 Afgesloten when figure 1
            // shows it exactly, and whether it is 0 ("Nog geen dossiers afgesloten").
            let known = shown.cells[5].exact != nil || closed == 0
            let secrets: [Int?] = active + (known ? [nil, nil] : [closed, total - closed]) + [nil]
            let facts = [rules.isSmall(total) ? -1 : total, min(closed, 1)] + (known ? [closed] : [])
            return (shown.cells + [shown.active, shown.total], facts, secrets)
        }
    }

    /// 3 youths in Coachen and 7 closed: Actief 3 is the total minus Afgesloten, so figure 1
    /// shows only its total, and without a start date figure 5 (the same 7) hides whole.
    /// 12 closed (10 to regular work, 2 to education) beside 5 in Coachen: Afgesloten 12 and
    /// figure 5's total 12 both show, and figure 5's cells are hidden (12 − 10 = 2).
    func testAfgeslotenAndTheOutcomesTotalAreShownOrHiddenTogether() {
        func data(coaching: Int, regularWork: Int, education: Int) -> ResearchData {
            var data = ResearchData()
            for index in 0..<(coaching + regularWork + education) {
                let id = "y\(index)"
                if index < coaching {
                    data.phases.append(ResearchPhase(pseudonym: id, phase: .coaching, from: day(2026, 3, 1), until: nil))
                    continue
                }
                data.phases.append(ResearchPhase(pseudonym: id, phase: .closed, from: day(2026, 6, 1), until: nil))
                let outcome: Outcome = index < coaching + regularWork ? .regularWork : .education
                data.outcomes.append(ResearchOutcome(pseudonym: id, closedOn: day(2026, 6, 1), outcome: outcome))
            }
            return data
        }
        let few = render(data(coaching: 3, regularWork: 7, education: 0), shared: true)
        XCTAssertTrue(few.contains("Rust op 10 jongeren"))
        XCTAssertEqual(row(few, figure: 1, "Coachen"), ["x", ""])
        XCTAssertEqual(row(few, figure: 1, "Actief (samen)"), ["x", ""])
        XCTAssertEqual(row(few, figure: 1, "Afgesloten"), ["x", ""])
        XCTAssertEqual(row(few, figure: 1, "Totaal"), ["10", ""])
        XCTAssertEqual(row(few, figure: 5, "Regulier werk"), ["x", ""])
        XCTAssertEqual(row(few, figure: 5, "Totaal"), ["x", ""])
        XCTAssertTrue(few.contains("n = x jongeren met een afsluiting"))
        // From a start date on, figure 5 counts closures in the period, not Afgesloten.
        let fromStart = render(data(coaching: 3, regularWork: 7, education: 0), from: day(2026, 1, 1), shared: true)
        XCTAssertEqual(row(fromStart, figure: 5, "Regulier werk"), ["7", blocks(16)])
        XCTAssertEqual(row(fromStart, figure: 5, "Totaal"), ["7", ""])
        XCTAssertEqual(row(render(data(coaching: 3, regularWork: 7, education: 0)), figure: 1, "Actief (samen)"), ["3", ""])

        let many = render(data(coaching: 5, regularWork: 10, education: 2), shared: true)
        XCTAssertEqual(row(many, figure: 1, "Afgesloten"), ["12", blocks(16)])
        XCTAssertEqual(row(many, figure: 1, "Actief (samen)"), ["5", ""])
        XCTAssertEqual(row(many, figure: 5, "Totaal"), ["12", ""])
        XCTAssertEqual(row(many, figure: 5, "Opleiding"), ["x", ""])
        XCTAssertEqual(row(many, figure: 5, "Regulier werk"), ["x", ""])
    }

    /// The skills row gives away a two-by-two table (first impression attention or not, against
    /// now good or not). Every such table with cells up to 9: no cell of 1 to 4 can be worked back
    /// from what a shared row shows, and no number shown is 1 to 4.
    func testNoSmallSkillsCellCanBeWorkedBack() {
        let rules = Suppression(shared: true)
        var seen: [[Shown]: [[Int]]] = [:]
        for attentionGood in 0...9 { for attentionNot in 0...9 { for otherGood in 0...9 { for otherNot in 0...9 {
            let n = attentionGood + attentionNot + otherGood + otherNot
            let looks = rules.skillRow(n: n, attention: attentionGood + attentionNot, attentionNowGood: attentionGood, nowGood: attentionGood + otherGood)
            // n is public: keyed by it too, even where the row shows "< 5".
            seen[looks + [.exact(n)], default: []].append([attentionGood, attentionNot, otherGood, otherNot])
            for shown in looks { if let value = shown.exact { XCTAssertFalse(rules.isSmall(value)) } }
        } } } }
        for (looks, tables) in seen {
            for cell in 0..<4 {
                let values = Set(tables.map { $0[cell] })
                if values.count == 1, let value = values.first { XCTAssertFalse(rules.isSmall(value), "\(looks.map(\.text)) gives away \(value)") }
            }
        }
    }

    // MARK: Layout

    /// 300 youths over every phase, moment, skill and outcome, as a merge of many coaches would give.
    private var big: ResearchData {
        var data = ResearchData()
        var seed: UInt64 = 42
        func next(_ range: Int) -> Int {
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            return Int((seed >> 33) % UInt64(range))
        }
        let start = day(2025, 1, 1)
        for index in 0..<300 {
            let id = "y\(index)"
            data.youths.append(ResearchYouth(pseudonym: id, birthYear: 2005, municipality: "Zwolle", started: start))
            var from = start.adding(days: next(200))
            for phase in Phase.allCases.prefix(1 + next(6)) {
                let until = from.adding(days: 7 + next(120))
                data.phases.append(ResearchPhase(pseudonym: id, phase: phase, from: from, until: until))
                from = until
            }
            data.phases[data.phases.count - 1].until = nil
            for (offset, moment) in MeasurementMoment.allCases.enumerated() where next(4) > 0 {
                var scores: [String: Int] = [:]
                for domain in Catalog.lifeDomains where next(5) > 0 { scores[domain.code] = 1 + next(5) }
                data.measurements.append(ResearchMeasurement(pseudonym: id, date: start.adding(days: 60 * offset + next(50)), moment: moment, scores: scores))
            }
            for skill in Catalog.basicSkills where next(3) > 0 {
                data.skills.append(ResearchSkill(pseudonym: id, skill: skill.code, firstImpression: SkillImpression.allCases[next(3)],
                                                 latestTalk: SkillLevel.allCases[next(4)], latestTalkOn: start.adding(days: next(600))))
            }
            if next(2) == 0 { data.outcomes.append(ResearchOutcome(pseudonym: id, closedOn: start.adding(days: next(600)), outcome: Outcome.allCases[next(8)])) }
        }
        return data
    }

    /// Our own Dutch text, digits and block characters: one column each (no wide or combining ones).
    private func assertFits(_ text: String, file: StaticString = #filePath, line: UInt = #line) {
        for reportLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
            XCTAssertLessThanOrEqual(reportLine.count, 56, "too wide: \(reportLine)", file: file, line: line)
            for scalar in reportLine.unicodeScalars {
                XCTAssertTrue(scalar.value >= 0x20 && (scalar.value < 0x300 || "█▌–≥".unicodeScalars.contains(scalar)),
                              "not one column: \(scalar) in \(reportLine)", file: file, line: line)
            }
        }
    }

    func testEveryLineFitsIn56ColumnsForABigAndAnEmptyCaseloadInBothModes() {
        for data in [big, ResearchData(), handMade] {
            for shared in [false, true] {
                let text = render(data, to: day(2026, 6, 30), shared: shared, .text)
                assertFits(text)
                XCTAssertTrue(text.hasSuffix("\n"))
                XCTAssertTrue(render(data, shared: shared).hasSuffix("\n"))
            }
        }
        // The big one has three-digit numbers and every figure filled in.
        let text = render(big, to: day(2026, 6, 30), .text)
        XCTAssertFalse(text.contains("Nog geen"))
    }

    /// Every label stays on its own row, in the own and the shared view: a table too wide is
    /// split into parts that each repeat the label column (figure 2: two moments a part).
    func testEveryRowLabelStaysOnItsRow() {
        let labels = Catalog.lifeDomains.map(\.name) + Outcome.allCases.map { $0.label.prefix(1).uppercased() + $0.label.dropFirst() }
            + ["Met acuut leefgebied", "Match & wrap-around"]
        for (data, to) in [(big, day(2026, 6, 30)), (handMade, toDay)] {
            for shared in [false, true] {
                let lines = render(data, to: to, shared: shared, .text).split(separator: "\n").map(String.init)
                for label in labels {
                    XCTAssertTrue(lines.contains { $0.hasPrefix(label + "  ") || $0 == label }, "\(label) not whole on a row (shared: \(shared))")
                }
                XCTAssertFalse(lines.contains { $0.hasPrefix("  ") }, "a wrapped label (shared: \(shared))")
                let parts = lines.filter { $0.hasPrefix("Leefgebied ") && $0.contains("-meting") }.map { $0.split(separator: " ").dropFirst() }
                XCTAssertEqual(parts, [["0-meting", "1-meting"], ["2-meting", "3-meting"]], "\(lines)")
            }
        }
        // The Markdown keeps one table a figure, the full names in it.
        XCTAssertEqual(row(render(handMade), figure: 2, "Maatschappelijke participatie"), ["–", "–", "–", "–"])
        // A label too long even beside one column wraps, its rest indented under it: never a row of its own.
        let table = ReportTable(header: ["Label", "n"], rows: [[String(repeating: "lang ", count: 14), "7"]])
        let lines = ReportLayout.textTable(table)
        XCTAssertTrue(lines[1].hasSuffix("  7"))
        XCTAssertTrue(lines.dropFirst(2).allSatisfy { $0.hasPrefix("  lang") && $0.count <= 56 }, "\(lines)")
        XCTAssertEqual(lines.joined(separator: " ").split(separator: " ").filter { $0 == "lang" }.count, 14)
    }

    func testAnEmptyCaseloadGivesASensibleReport() {
        let text = render(ResearchData(), .text)
        XCTAssertTrue(text.hasPrefix("Rapportage actieonderzoek\n=========================\n"))
        XCTAssertTrue(text.contains("Rust op 0 jongeren"))
        XCTAssertTrue(text.contains("Nog geen jongeren begonnen op 02-12-2026."))
        XCTAssertTrue(text.contains("nog geen fase afgerond"))
        XCTAssertTrue(text.contains("Nog geen metingen in deze periode."))
        XCTAssertTrue(text.contains("Nog geen jongeren met twee metingen"))
        XCTAssertTrue(text.contains("Nog geen voortgangsgesprekken"))
        XCTAssertTrue(text.contains("Nog geen dossiers afgesloten"))
        XCTAssertEqual(render(ResearchData(), shared: true, .text), render(ResearchData(), .text)
            .replacingOccurrences(of: "zijn n.\n", with: "zijn n.\n\nGedeelde rapportage: \"< 5\" is 1 tot 4 jongeren; \"x\" is\nweggelaten, omdat het op minder dan 5 rust of een klein\ngetal zou verraden.\n"))
    }

    func testTheTextReadsAsATableWithBarsBesideTheNumbers() {
        let text = render(handMade, .text)
        XCTAssertTrue(text.contains("\n1. Caseload per fase op 02-12-2026\n----------------------------------\n"))
        XCTAssertTrue(text.contains("\nQuick scan                2 \(blocks(16))\n"))
        XCTAssertTrue(text.contains("\nActief (samen)            3\n"))
        // Figure 2 in two parts, the label column as wide as its longest label.
        XCTAssertTrue(text.contains("\nFinanciën" + String(repeating: " ", count: 23) + "2,0 (3)  4,0 (1)\n"))
        XCTAssertTrue(text.contains("\nFinanciën" + String(repeating: " ", count: 29) + "–" + String(repeating: " ", count: 8) + "–\n"))
        // A half step is a half block; a count above zero always shows something.
        XCTAssertEqual(Bar.draw(1, largest: 6), blocks(2) + "▌")
        XCTAssertEqual(Bar.draw(1, largest: 1000), "▌")
        XCTAssertEqual(Bar.draw(0, largest: 5), "")
    }

    /// Same figures: the numbers of the text are the numbers of the Markdown, figure by figure
    /// (the text may show a wide table in parts, so their order within a figure may differ).
    func testMarkdownHoldsTheSameNumbersAsText() throws {
        let numbers = try NSRegularExpression(pattern: "[0-9]+(,[0-9])?%?|< 5|(?<![A-Za-z])x(?![A-Za-z])")
        func found(_ text: String) -> [String] {
            numbers.matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap { Range($0.range, in: text).map { String(text[$0]) } }
        }
        /// The numbers of each figure, sorted: the text before the first heading, then one per heading.
        func figures(_ text: String, heading: (String) -> Bool) -> [[String]] {
            var figures: [[String]] = [[]]
            for line in text.components(separatedBy: "\n") {
                if heading(line) { figures.append([]) }
                figures[figures.count - 1] += found(line)
            }
            return figures.map { $0.sorted() }
        }
        for data in [big, handMade] {
            for shared in [false, true] {
                let text = render(data, to: day(2026, 6, 30), shared: shared, .text)
                let markdown = render(data, to: day(2026, 6, 30), shared: shared, .markdown)
                XCTAssertEqual(figures(text) { $0.range(of: #"^[1-5]\. "#, options: .regularExpression) != nil },
                               figures(markdown) { $0.hasPrefix("## ") })
                XCTAssertGreaterThan(found(text).count, 100)
                let headings = markdown.split(separator: "\n").filter { $0.hasPrefix("## ") }.map { $0.dropFirst(3) }
                XCTAssertEqual(headings.map { $0.prefix(2) }, ["1.", "2.", "3.", "4.", "5."])
                for heading in headings { XCTAssertTrue(text.contains("\n\(heading)\n")) }
            }
        }
    }

    /// The report rests on the tables alone: two caseloads' tables appended give the report
    /// of one caseload holding both.
    func testAMergeOfTablesCountsAsOneCaseload() {
        var first = handMade
        first.append(big)
        var both = ResearchData()
        both.youths = handMade.youths + big.youths
        both.phases = handMade.phases + big.phases
        both.measurements = handMade.measurements + big.measurements
        both.outcomes = handMade.outcomes + big.outcomes
        both.skills = handMade.skills + big.skills
        XCTAssertEqual(render(first, shared: true), render(both, shared: true))
        // And the order of the tables does not matter.
        var reversed = big
        reversed.append(handMade)
        XCTAssertEqual(render(first, .text), render(reversed, .text))
    }
}
