@testable import Caseload
@testable import CoachScreens
import Foundation
import TerminalKit
import XCTest

/// Escalations to the IPTA-overleg on screen (issue 18): a youth's list and the form (made, answered
/// and removed by keys, command letters typed into the question as text), the open ones across the
/// caseload, and the review page that shows them; at 60x16, 80x24 and 200x60.
final class EscalationScreensTests: XCTestCase {
    static let sizes = [(width: 60, height: 16), (width: 80, height: 24), (width: 200, height: 60)]
    static let today = LocalDate(Harness.now, timeZone: testZone)
    static func typed(_ text: String) -> [Key] { text.map { Key.char($0) } }
    static func find(_ name: String) -> [Key] { [.char("/")] + typed(name) + [.enter] }

    /// The screen's text as one line: wrapped text reads as it was written.
    private func flat(_ harness: Harness) -> String {
        harness.screen.replacingOccurrences(of: "│", with: " ").split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    private func stored(_ harness: Harness, _ name: String) throws -> Youth {
        try harness.store.youth(id: try XCTUnwrap(harness.store.summaries.first { $0.name == name }).id)
    }

    private static func escalation(daysAgo: Int, _ question: String, level: EscalationLevel = .municipal, answeredDaysAgo: Int? = nil) -> Escalation {
        var escalation = Escalation(level: level, question: question, block: .municipalPolicy, blockDetail: "Bijstandsregels",
                                    raisedOn: today.adding(days: -daysAgo))
        escalation.answeredOn = answeredDaysAgo.map { today.adding(days: -$0) }
        if answeredDaysAgo != nil { escalation.answer = "Het antwoord van het overleg." }
        return escalation
    }

    /// A caseload whose youths were made long ago, each given `escalations`; `closed` names a youth closed today.
    private func harness(_ size: (width: Int, height: Int), _ youths: [String: [Escalation]], closed: Set<String> = []) throws -> Harness {
        let harness = try Harness(self) { store in
            for (name, escalations) in youths {
                var youth = try Youth(name: name, now: Harness.now, today: Self.today.adding(days: -400))
                youth.escalations = escalations
                if closed.contains(name) {
                    try youth.close(ClosingInput(outcome: .regularWork, date: Self.today), today: Self.today, now: Harness.now)
                }
                try store.save(youth)
            }
        }
        (harness.width, harness.height) = size
        return harness
    }

    // MARK: - A youth's escalations

    func testAnEscalationIsMadeByKeysWithCommandLettersInItsQuestion() throws {
        let question = "q d n e: mag Esra met behoud van uitkering stage lopen?"
        for size in Self.sizes {
            let harness = try harness(size, ["Esra Escalatie": []])
            let at = "at \(size.width)x\(size.height)"
            harness.press(Self.find("esra") + [.char("e")])
            XCTAssertTrue(harness.app.top is EscalationsScreen, at)
            XCTAssertTrue(flat(harness).contains("Nog geen escalaties. Druk op n om"), "\(at): the empty list says what n does\n\(harness.screen)")
            // n: the overleg to choose first; Tab chooses and leads on to the question.
            harness.press(.char("n"))
            XCTAssertTrue(harness.screen.contains("landelijk IPTA-overleg"), "\(at): \(harness.screen)")
            harness.press(.down, .tab)
            XCTAssertTrue(harness.app.top.capturesKeys, "\(at): the question is open for typing")
            XCTAssertTrue(flat(harness).contains("Nog niet bewaard"), "\(at): not saved before its question\n\(harness.screen)")
            XCTAssertEqual(try stored(harness, "Esra Escalatie").escalations, [], at)
            harness.press(Self.typed(question) + [.enter])
            var saved = try XCTUnwrap(try stored(harness, "Esra Escalatie").escalations.first, at)
            XCTAssertEqual(saved.question, question, "\(at): every letter went into the question")
            XCTAssertEqual(saved.level, .national, "\(at): the overleg chosen before is saved with it")
            XCTAssertEqual(saved.raisedOn, Self.today, at)
            XCTAssertTrue(saved.isOpen, at)
            XCTAssertFalse(flat(harness).contains("Nog niet bewaard"), "\(at): \(harness.screen)")
            // What blocks: a law or regulation, and which.
            harness.press(.down, .enter, .down, .enter, .down, .enter)
            harness.press(Self.typed("Participatiewet") + [.enter])
            saved = try XCTUnwrap(try stored(harness, "Esra Escalatie").escalations.first, at)
            XCTAssertEqual(saved.block, .lawOrRegulation, at)
            XCTAssertEqual(saved.blockDetail, "Participatiewet", at)
            // Back in the list: the row, open.
            harness.press(.escape)
            XCTAssertTrue(harness.app.top is EscalationsScreen, at)
            let row = try XCTUnwrap(harness.rows(containing: "landelijk").first, "\(at): \(harness.screen)")
            XCTAssertTrue(row.contains(Self.today.text), "\(at): \(row)")
            XCTAssertTrue(row.contains("open"), "\(at): \(row)")
            XCTAssertTrue(flat(harness).contains("Vraag: \(question)"), "\(at): the question in full under the table\n\(harness.screen)")
            XCTAssertTrue(canvasIsSafe(harness), at)
        }
    }

    func testLeavingANewEscalationBeforeItsQuestionSavesNothing() throws {
        let harness = try harness((80, 24), ["Esra Escalatie": []])
        harness.press(Self.find("esra") + [.char("e"), .char("n"), .enter, .escape])
        XCTAssertTrue(harness.app.top is EscalationsScreen)
        XCTAssertEqual(try stored(harness, "Esra Escalatie").escalations, [])
        XCTAssertTrue(flat(harness).contains("Nog geen escalaties"), harness.screen)
    }

    func testAnEscalationIsAnsweredAndAnAnswerBeforeTheQuestionRefused() throws {
        for size in Self.sizes {
            let harness = try harness(size, ["Esra Escalatie": [Self.escalation(daysAgo: 70, "Krijgt Esra een uitzondering?")]])
            let at = "at \(size.width)x\(size.height)"
            harness.press(Self.find("esra") + [.char("e")])
            // Open for ten weeks: marked, and said in words.
            let row = try XCTUnwrap(harness.rows(containing: Self.today.adding(days: -70).text).first, "\(at): \(harness.screen)")
            XCTAssertTrue(row.hasPrefix("!"), "\(at): \(row)")
            XCTAssertTrue(flat(harness).contains("langer dan 8 weken zonder antwoord"), "\(at): \(harness.screen)")
            harness.press(.enter)
            XCTAssertTrue(flat(harness).contains("10 weken zonder antwoord (drempel 8)"), "\(at): \(harness.screen)")
            // The answer, then its day: first one before the question (refused), then yesterday.
            harness.press(Array(repeating: .down, count: 5) + [.enter] + Self.typed("Ja, voor zes maanden") + [.tab])
            XCTAssertTrue(flat(harness).contains("Nog open"), "\(at): an answer without its day leaves it open\n\(harness.screen)")
            harness.press(Self.typed("01-01-2026") + [.enter])
            XCTAssertTrue(flat(harness).contains("Het antwoord kan niet vóór de dag van de vraag liggen"), "\(at): \(harness.screen)")
            XCTAssertNil(try stored(harness, "Esra Escalatie").escalations.first?.answeredOn, at)
            harness.press(.ctrl("u"))
            harness.press(Self.typed(Self.today.adding(days: -1).text) + [.enter])
            let answered = try XCTUnwrap(try stored(harness, "Esra Escalatie").escalations.first, at)
            XCTAssertEqual(answered.answer, "Ja, voor zes maanden", at)
            XCTAssertEqual(answered.answeredOn, Self.today.adding(days: -1), at)
            harness.press(.escape)
            XCTAssertTrue(flat(harness).contains("beantwoord op \(Self.today.adding(days: -1).shortText(near: Self.today))"), "\(at): \(harness.screen)")
            XCTAssertTrue(flat(harness).contains("Antwoord van \(Self.today.adding(days: -1).text): Ja, voor zes maanden"), "\(at): \(harness.screen)")
            XCTAssertFalse(harness.rows(containing: Self.today.adding(days: -70).text).first?.hasPrefix("!") ?? true, "\(at): answered, no longer marked")
        }
    }

    func testAnEscalationIsRemovedAfterTheQuestion() throws {
        for size in Self.sizes {
            let harness = try harness(size, ["Esra Escalatie": [Self.escalation(daysAgo: 3, "Per ongeluk gesteld")]])
            let at = "at \(size.width)x\(size.height)"
            harness.press(Self.find("esra") + [.char("e"), .char("d")])
            XCTAssertTrue(flat(harness).contains("Escalatie van \(Self.today.adding(days: -3).text) aan het gemeentelijk IPTA-overleg \"Per ongeluk gesteld\" verwijderen?"),
                          "\(at): \(harness.screen)")
            harness.press(.char("n"))
            XCTAssertEqual(try stored(harness, "Esra Escalatie").escalations.count, 1, "\(at): n keeps it")
            harness.press(.delete, .char("j"))
            XCTAssertEqual(try stored(harness, "Esra Escalatie").escalations, [], "\(at): j removes it, on disk")
            XCTAssertTrue(flat(harness).contains("Nog geen escalaties"), "\(at): \(harness.screen)")
        }
    }

    func testTheHintsNameOnlyKeysThatWork() throws {
        let harness = try harness((200, 60), ["Esra Escalatie": []])
        harness.press(Self.find("esra") + [.char("e")])
        var actions = harness.app.activeBindings.map(\.action)
        XCTAssertFalse(actions.contains(.open), "nothing to open in an empty list")
        XCTAssertFalse(actions.contains(.remove), "nothing to remove")
        XCTAssertTrue(actions.contains(.new))
        var hints = harness.canvas.line(harness.height - 1)
        XCTAssertTrue(hints.contains("n nieuw"), hints)
        XCTAssertFalse(hints.contains("verwijder"), hints)
        harness.press(.char("n"), .tab)
        harness.press(Self.typed("Een vraag") + [.enter, .escape])
        actions = harness.app.activeBindings.map(\.action)
        XCTAssertTrue(actions.contains(.open) && actions.contains(.remove), "with a row: open and remove")
        hints = harness.canvas.line(harness.height - 1)
        XCTAssertTrue(hints.contains("verwijder") && hints.contains("open"), hints)
        // The caseload's list: Enter only with a row.
        harness.press(.escape, .escape, .char("E"))
        XCTAssertTrue(harness.app.activeBindings.contains { $0.action == .open })
        let empty = try self.harness((80, 24), ["Esra Escalatie": []])
        empty.press(.char("E"))
        XCTAssertTrue(empty.app.top is CaseloadEscalationsScreen)
        XCTAssertFalse(empty.app.activeBindings.contains { $0.action == .open })
        XCTAssertTrue(empty.screen.contains("Geen open escalaties."), empty.screen)
    }

    // MARK: - The caseload's open escalations

    func testTheCaseloadListsOnlyOpenOnesOldestFirstAndEnterOpensTheYouth() throws {
        let youths = [
            "Bram Later": [Self.escalation(daysAgo: 10, "Vraag van Bram", level: .national),
                           Self.escalation(daysAgo: 200, "Al beantwoord", answeredDaysAgo: 100)],
            "Anna Eerder": [Self.escalation(daysAgo: 70, "Vraag van Anna")],
            "Carl Gesloten": [Self.escalation(daysAgo: 90, "Vraag van een gesloten dossier")],
        ]
        for size in Self.sizes {
            let harness = try harness(size, youths, closed: ["Carl Gesloten"])
            let at = "at \(size.width)x\(size.height)"
            harness.press(.char("E"))
            XCTAssertTrue(harness.app.top is CaseloadEscalationsScreen, at)
            let screen = harness.screen
            XCTAssertFalse(screen.contains("Carl"), "\(at): a closed case is on no agenda\n\(screen)")
            XCTAssertFalse(screen.contains("Al beantwoord"), "\(at): an answered one is not open\n\(screen)")
            let anna = try XCTUnwrap(harness.rows(containing: Self.today.adding(days: -70).text).first, "\(at): \(screen)")
            let bram = try XCTUnwrap(harness.rows(containing: Self.today.adding(days: -10).text).first, "\(at): \(screen)")
            let rows = screen.split(separator: "\n").map(String.init)
            XCTAssertLessThan(try XCTUnwrap(rows.firstIndex(of: anna)), try XCTUnwrap(rows.firstIndex(of: bram)), "\(at): oldest first")
            XCTAssertTrue(anna.hasPrefix("!") && anna.contains("10 !"), "\(at): ten weeks is past the threshold of 8: \(anna)")
            XCTAssertFalse(bram.hasPrefix("!"), "\(at): \(bram)")
            XCTAssertTrue(bram.contains("landelijk"), "\(at): \(bram)")
            XCTAssertTrue(flat(harness).contains("Vraag: Vraag van Anna"), "\(at): the selected one in full underneath\n\(screen)")
            harness.press(.down)
            XCTAssertTrue(flat(harness).contains("Vraag: Vraag van Bram"), "\(at): \(harness.screen)")
            harness.press(.enter)
            XCTAssertTrue(harness.app.top is YouthScreen, at)
            XCTAssertTrue(harness.screen.contains("Bram Later"), "\(at): \(harness.screen)")
            // Answered from the youth's screen, it leaves the list.
            harness.press(.char("e"), .down, .enter)
            harness.press(Array(repeating: .down, count: 6) + [.enter] + Self.typed(Self.today.text) + [.enter])
            harness.press(.escape, .escape, .escape)
            XCTAssertTrue(harness.app.top is CaseloadEscalationsScreen, at)
            XCTAssertFalse(harness.screen.contains("Bram"), "\(at): \(harness.screen)")
        }
    }

    // MARK: - The review page

    func testTheReviewPageShowsTheOpenEscalation() throws {
        for size in Self.sizes.dropFirst() {
            let harness = try harness(size, ["Esra Escalatie": [Self.escalation(daysAgo: 70, "Mag Esra stage lopen met behoud van uitkering?"),
                                                                Self.escalation(daysAgo: 300, "Al beantwoord", answeredDaysAgo: 200)]])
            let at = "at \(size.width)x\(size.height)"
            harness.press(.char("r"))
            XCTAssertTrue(harness.app.top is ReviewScreen, at)
            let page = flat(harness)
            XCTAssertTrue(page.contains("Open escalaties (1)"), "\(at): \(harness.screen)")
            XCTAssertTrue(page.contains("gemeentelijk IPTA-overleg sinds \(Self.today.adding(days: -70).text) (10 weken): Mag Esra stage lopen"),
                          "\(at): \(harness.screen)")
            XCTAssertFalse(page.contains("Al beantwoord"), at)
            XCTAssertTrue(page.contains("Escalatie open:"), "\(at): and the reason it is on the agenda\n\(harness.screen)")
        }
    }

    // MARK: - Nothing cut without a mark

    func testTheHeadingAndTheWarningWrapInsteadOfBeingCut() throws {
        for size in Self.sizes {
            let harness = try harness(size, ["Esra Escalatie": [Self.escalation(daysAgo: 70, "Krijgt Esra een uitzondering?")]])
            let at = "at \(size.width)x\(size.height)"
            harness.press(.char("E"))
            XCTAssertTrue(flat(harness).contains("Open escalaties naar het IPTA-overleg: 1 · \(Self.today.text) ! 1 langer dan 8 weken zonder antwoord: op de weekbespreking"),
                          "\(at): \(harness.screen)")
            XCTAssertNotNil(harness.rows(containing: "Krijgt Esra").first, "\(at): the table keeps its row\n\(harness.screen)")
            harness.press(.escape, .char("/"))
            harness.press(Self.typed("esra") + [.enter, .char("e")])
            XCTAssertTrue(flat(harness).contains("Esra Escalatie · Escalaties naar het IPTA-overleg: 1 open van 1 ! 1 langer dan 8 weken zonder antwoord: op de weekbespreking"),
                          "\(at): \(harness.screen)")
            XCTAssertNotNil(harness.rows(containing: "Krijgt Esra").first, "\(at): the table keeps its row\n\(harness.screen)")
        }
    }

    func testLongQuestionsAreNeverCutWithoutAnEllipsis() throws {
        let long = String(repeating: "Een heel lange vraag aan het overleg ", count: 14).prefix(TextLimits.line).description
        for size in Self.sizes {
            var escalation = Self.escalation(daysAgo: 70, long, level: .national)
            escalation.blockDetail = String(long.prefix(200))
            escalation.answer = long
            let harness = try harness(size, ["Esra Escalatie met een heel lange achternaam die niet past": [escalation, Self.escalation(daysAgo: 3, long)]])
            let at = "at \(size.width)x\(size.height)"
            for keys: [Key] in [[.char("E")], [.enter, .char("e")], [.enter, .char("e"), .enter], [.enter, .char("e"), .enter, .down],
                                [.enter, .char("e"), .char("d")], [.char("r")]] {
                harness.press(.escape, .escape, .escape, .escape, .home)
                harness.press(keys)
                XCTAssertEqual(harness.canvas.silentCuts, [], "\(at) \(keys.map(\.name))")
                XCTAssertTrue(canvasIsSafe(harness), "\(at) \(keys.map(\.name))")
            }
        }
    }

    /// Every line of the screen fits its width.
    private func canvasIsSafe(_ harness: Harness) -> Bool {
        harness.canvas.silentCuts.isEmpty && harness.screen.split(separator: "\n").allSatisfy { Glyphs.width(of: String($0)) <= harness.width }
    }
}
