@testable import Caseload
@testable import CoachScreens
import Foundation
import TerminalKit
import XCTest

/// Typing is text: on every page of texts, Tab confirms the text and opens the next one for
/// typing, so letters that are commands on the page behind (export, new action, next phase,
/// back) stay text.
final class TypingFlowTests: XCTestCase {
    /// Letters that are commands on the plan, agenda or quick scan pages.
    private static let commandLetters = " e a n v q x d h t o m p s z ? + -"
    private static let sizes = [(60, 16), (80, 24), (200, 60)]

    private func youth(_ harness: Harness) throws -> Youth {
        try harness.store.youth(id: try XCTUnwrap(harness.store.summaries.first).id)
    }

    private func nothingButTextChanged(_ harness: Harness, phase: Phase, file: StaticString = #filePath, line: UInt = #line) throws {
        let youth = try youth(harness)
        XCTAssertEqual(youth.phase, phase, "no phase moved", file: file, line: line)
        XCTAssertTrue(youth.actions.isEmpty, "no action made", file: file, line: line)
        XCTAssertTrue(youth.network.isEmpty && youth.professionals.isEmpty, "no person made", file: file, line: line)
        XCTAssertFalse(FileManager.default.fileExists(atPath: harness.directory + "/exports"), "nothing exported", file: file, line: line)
    }

    func testTabThroughEveryPlanPartWhileTypingCommandLettersChangesOnlyTheTexts() throws {
        for (width, height) in Self.sizes {
            let harness = try Harness(self, youths: ["Sem"])
            harness.width = width
            harness.height = height
            let phase = try youth(harness).phase
            harness.press(.enter, .char("p"), .enter)
            for part in ChangePlan.Part.allCases {
                XCTAssertTrue(harness.app.top.capturesKeys, "\(part) is open for typing at \(width)x\(height)")
                harness.type(part.rawValue + Self.commandLetters)
                harness.press(.tab)
            }
            XCTAssertTrue(harness.screen.contains("faciliteren"), "after the last part, the strategy's list: \(harness.screen)")
            harness.press(.escape)
            let plan = try youth(harness).changePlan
            for part in ChangePlan.Part.allCases {
                XCTAssertEqual(plan[part], part.rawValue + Self.commandLetters, "\(part) at \(width)x\(height)")
            }
            XCTAssertNil(plan.strategy)
            XCTAssertTrue(harness.store.drafts().isEmpty)
            try nothingButTextChanged(harness, phase: phase)
        }
    }

    func testShiftTabOpensThePreviousPartAndTheStrategyLeadsBackOrOn() throws {
        let harness = try Harness(self, youths: ["Sem"])
        harness.press(.enter, .char("p"), .enter)
        harness.type("doel")
        harness.press(.tab)
        harness.type("belangrijk")
        harness.press(.backTab)
        XCTAssertTrue(harness.app.top.capturesKeys, "the goal is open again")
        harness.type(" e")
        harness.press(.tab)
        XCTAssertEqual(try youth(harness).changePlan.goal, "doel e")
        XCTAssertEqual(try youth(harness).changePlan.mattersMost, "belangrijk")
        // From the strategy's list, Shift-Tab chooses and goes back to the last part for typing.
        harness.press(.escape)
        harness.press(.end, .enter)
        harness.press(.escape)
        harness.press(.up, .enter)
        harness.press(.tab)
        XCTAssertTrue(harness.screen.contains("faciliteren"), harness.screen)
        harness.press(.down, .down, .backTab)
        XCTAssertEqual(try youth(harness).changePlan.strategy, .teach)
        XCTAssertTrue(harness.app.top.capturesKeys, "the last part is open again")
        harness.type("n")
        harness.press(.tab, .down, .tab)
        XCTAssertEqual(try youth(harness).changePlan.remember, "n")
        XCTAssertEqual(try youth(harness).changePlan.strategy, .takeOverAndStructure, "Tab in the list chooses")
        XCTAssertFalse(harness.app.popups.isEmpty, "and stays in the list, the plan's last row: \(harness.screen)")
        XCTAssertTrue(harness.screen.contains("laatste onderdeel"), harness.screen)
        harness.type(Self.commandLetters)
        harness.press(.enter)
        XCTAssertTrue(harness.app.popups.isEmpty, "Enter chooses and closes the list")
        try nothingButTextChanged(harness, phase: try youth(harness).phase)
    }

    func testAgendaNotesFlowFromItemToItem() throws {
        for (width, height) in Self.sizes {
            let harness = try Harness(self) { store in
                let today = LocalDate(Harness.now, timeZone: testZone)
                var youth = try Youth(name: "Sem", now: Harness.now, today: today)
                var meeting = WrapAroundMeeting(date: today)
                meeting.agenda = ["Doel", "Werk", "Rondvraag"].map { AgendaItem(title: $0, source: .free) }
                youth.save(meeting)
                try store.save(youth)
            }
            harness.width = width
            harness.height = height
            let phase = try youth(harness).phase
            // Youth → meetings → the meeting → its agenda row → the first item's notes.
            harness.press(.enter, .char("o"), .enter)
            for _ in 0..<5 { harness.press(.down) }
            harness.press(.enter, .enter)
            XCTAssertTrue(harness.app.top.capturesKeys, harness.screen)
            for title in ["Doel", "Werk", "Rondvraag"] {
                harness.type(title + Self.commandLetters)
                harness.press(.tab)
            }
            XCTAssertTrue(harness.app.top.capturesKeys, "Tab after the last item saves and keeps the coach writing")
            XCTAssertTrue(harness.screen.contains("laatste tekst"), harness.screen)
            harness.type(Self.commandLetters)
            harness.press(.tab)
            let agenda = try XCTUnwrap(try youth(harness).meetings.first).agenda
            XCTAssertEqual(agenda.map(\.notes), ["Doel", "Werk", "Rondvraag" + Self.commandLetters].map { $0 + Self.commandLetters }, "\(width)x\(height)")
            harness.press(.escape)
            XCTAssertFalse(harness.app.top.capturesKeys, "Esc leaves")
            harness.press(.enter, .backTab)
            XCTAssertTrue(harness.app.top.capturesKeys, "Shift-Tab opens the notes of the item before")
            harness.type("!")
            harness.press(.tab)
            XCTAssertEqual(try XCTUnwrap(try youth(harness).meetings.first).agenda[1].notes, "Werk" + Self.commandLetters + "!")
            try nothingButTextChanged(harness, phase: phase)
        }
    }

    func testQuickScanTextsFlowFromTextToText() throws {
        for (width, height) in Self.sizes {
            let harness = try Harness(self, youths: ["Sem"])
            harness.width = width
            harness.height = height
            let phase = try youth(harness).phase
            harness.press(.enter, .char("s"), .enter)
            let texts: [QuickScanText] = [.motivation, .wishes, .talents, .network] + Catalog.lifeDomains.map { .situation($0.code) }
            for text in texts {
                XCTAssertTrue(harness.app.top.capturesKeys, "\(text) is open at \(width)x\(height)")
                harness.type(text.stored + Self.commandLetters)
                harness.press(.tab)
            }
            XCTAssertTrue(harness.screen.contains("aandachtspunt"), "after the texts, the first skill's list: \(harness.screen)")
            harness.press(.escape)
            let scan = try youth(harness).quickScan
            for text in texts { XCTAssertEqual(scan[text], text.stored + Self.commandLetters) }
            try nothingButTextChanged(harness, phase: phase)
        }
    }

    func testTheFlowFindsTheNextRowToTypeIn() {
        XCTAssertEqual(TextFlow.next(from: 0, move: 1, count: 3), 1)
        XCTAssertEqual(TextFlow.next(from: 2, move: -1, count: 3), 1)
        XCTAssertNil(TextFlow.next(from: 2, move: 1, count: 3), "past the last: the owner keeps the coach typing there")
        XCTAssertNil(TextFlow.next(from: 0, move: -1, count: 3), "before the first")
        XCTAssertNil(TextFlow.next(from: 1, move: 0, count: 3), "Esc or nothing changed: writing stops")
        XCTAssertEqual(TextFlow.next(from: 0, move: 1, among: [0, 3, 4]), 3, "rows that cannot be typed in are passed over")
        XCTAssertEqual(TextFlow.next(from: 3, move: -1, among: [0, 3, 4]), 0)
        XCTAssertNil(TextFlow.next(from: 4, move: 1, among: [0, 3, 4]))
    }

    // MARK: - Tab and Shift-Tab never leave typing; an Alt-key is nothing

    /// A youth with a meeting whose agenda holds three items, and the meeting's agreements.
    private func withMeeting() throws -> Harness {
        try Harness(self) { store in
            let today = LocalDate(Harness.now, timeZone: testZone)
            var youth = try Youth(name: "Sem", now: Harness.now, today: today)
            var meeting = WrapAroundMeeting(date: today)
            meeting.agenda = ["Doel", "Werk", "Rondvraag"].map { AgendaItem(title: $0, source: .free) }
            youth.save(meeting)
            try store.save(youth)
        }
    }

    /// The keys of the terminal that are nothing (an Alt-key and an unknown sequence arrive so).
    private func pressNothing(_ harness: Harness) { harness.press(.unknown) }

    /// Shift-Tab on the first text of a page saved and closed the editor, so the next letters were
    /// commands: on the plan `e` exported, on the agenda `-` moved an item.
    func testShiftTabOnTheFirstTextKeepsTheCoachWriting() throws {
        for (width, height) in Self.sizes {
            let harness = try withMeeting()
            (harness.width, harness.height) = (width, height)
            let phase = try youth(harness).phase
            harness.press(.enter, .char("p"), .enter)
            harness.type("doel")
            harness.press(.backTab)
            XCTAssertTrue(harness.app.top.capturesKeys, "\(width)x\(height)")
            XCTAssertTrue(harness.screen.contains("eerste tekst"), harness.screen)
            pressNothing(harness)
            XCTAssertFalse(harness.screen.contains("weggooien"), "an Alt-key asks nothing: \(harness.screen)")
            harness.type(" en" + Self.commandLetters)
            harness.press(.backTab, .escape)
            XCTAssertFalse(harness.app.top.capturesKeys, "Esc leaves")
            XCTAssertEqual(try youth(harness).changePlan.goal, "doel en" + Self.commandLetters)
            harness.press(.escape)

            // The agenda's first item's notes.
            harness.press(.char("o"), .enter)
            for _ in 0..<5 { harness.press(.down) }
            harness.press(.enter, .enter)
            harness.type("eerst")
            harness.press(.backTab)
            XCTAssertTrue(harness.app.top.capturesKeys, "\(width)x\(height)")
            harness.type(Self.commandLetters)
            harness.press(.backTab, .escape)
            let agenda = try XCTUnwrap(try youth(harness).meetings.first).agenda
            XCTAssertEqual(agenda.map(\.title), ["Doel", "Werk", "Rondvraag"], "no item moved")
            XCTAssertEqual(agenda[0].notes, "eerst" + Self.commandLetters)
            try nothingButTextChanged(harness, phase: phase)
        }
    }

    /// The quick scan's first text and the profile's first field: Shift-Tab stays; the meeting's
    /// last field (links follow it): Tab stays.
    func testTheEndsOfEveryFormKeepTheCoachTyping() throws {
        for (width, height) in Self.sizes {
            let harness = try withMeeting()
            (harness.width, harness.height) = (width, height)
            let phase = try youth(harness).phase
            harness.press(.enter, .char("s"), .enter)
            harness.type("motief")
            harness.press(.backTab)
            XCTAssertTrue(harness.app.top.capturesKeys, "the quick scan's first text stays open at \(width)x\(height)")
            harness.type(Self.commandLetters)
            harness.press(.tab)
            XCTAssertEqual(try youth(harness).quickScan[.motivation], "motief" + Self.commandLetters)
            harness.press(.escape)
            XCTAssertFalse(harness.app.top.capturesKeys)
            harness.press(.escape)
            XCTAssertEqual(harness.app.top.kind, .youth, harness.screen)

            // The profile's first field.
            harness.press(.enter)
            XCTAssertTrue(harness.app.top.capturesKeys, harness.screen)
            let name = try youth(harness).name
            harness.press(.backTab)
            XCTAssertTrue(harness.app.top.capturesKeys, "the profile's first field stays open at \(width)x\(height)")
            XCTAssertTrue(harness.screen.contains("eerste veld"), harness.screen)
            pressNothing(harness)
            harness.type("x")
            harness.press(.backspace, .enter)
            XCTAssertEqual(try youth(harness).name, name)
            XCTAssertFalse(harness.app.top.capturesKeys, "Enter leaves a one-line field")

            // The meeting: Tab from its last field (the chair; links follow) stays in it.
            harness.press(.char("o"), .enter)
            for _ in 0..<3 { harness.press(.down) }
            harness.press(.enter, .ctrl("u"))
            harness.type("Ans")
            harness.press(.tab)
            XCTAssertTrue(harness.app.top.capturesKeys, "the chair stays open: \(harness.screen)")
            harness.type(Self.commandLetters)
            harness.press(.enter)
            XCTAssertEqual(try XCTUnwrap(try youth(harness).meetings.first).chair, "Ans" + Self.commandLetters)
            XCTAssertEqual(harness.app.top.kind, .meeting, "no screen opened")
            try nothingButTextChanged(harness, phase: phase)
        }
    }

    /// Meeting → Afspraken: Tab from Doelen led onto Acties, a link; the `q` typed next left the
    /// screen. Tab passes over links to the next field that can be typed in, Shift-Tab back.
    func testTabInTheAgreementsPassesOverTheActionsLink() throws {
        for (width, height) in Self.sizes {
            let harness = try withMeeting()
            (harness.width, harness.height) = (width, height)
            let phase = try youth(harness).phase
            harness.press(.enter, .char("o"), .enter)
            for _ in 0..<6 { harness.press(.down) }
            harness.press(.enter)
            XCTAssertEqual(harness.app.top.title, "Afspraken", harness.screen)
            harness.press(.enter)
            harness.type("doelen")
            harness.press(.tab)
            XCTAssertTrue(harness.app.top.capturesKeys, "the next typable field is open at \(width)x\(height): \(harness.screen)")
            harness.type("info" + Self.commandLetters)
            harness.press(.backTab)
            XCTAssertTrue(harness.app.top.capturesKeys, "Shift-Tab back over the link to Doelen")
            harness.type(Self.commandLetters)
            harness.press(.enter)
            XCTAssertEqual(harness.app.top.title, "Afspraken", "nothing left the screen")
            let agreements = try XCTUnwrap(try youth(harness).meetings.first).agreements
            XCTAssertEqual(agreements.goals, "doelen" + Self.commandLetters)
            XCTAssertEqual(agreements.informing, "info" + Self.commandLetters)
            try nothingButTextChanged(harness, phase: phase)
        }
    }
}
