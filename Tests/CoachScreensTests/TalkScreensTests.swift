@testable import Caseload
@testable import CoachScreens
import Foundation
import TerminalKit
import XCTest

/// The progress talks, the talk form and the skills grid, headless at 60x16, 80x24 and 200x60.
final class TalkScreensTests: XCTestCase {
    static let sizes = [(60, 16), (80, 24), (200, 60)]
    static let today = LocalDate(Harness.now, timeZone: testZone)

    private static func day(_ day: Int, _ month: Int) -> LocalDate { LocalDate(year: 2026, month: month, day: day)! }

    /// Sem, in a job at Bakkerij De Korst since 01-09-2026, with five talks a month apart; the
    /// last one moves "Op tijd komen" up and "Doorzetten" down.
    static func sem(talks: Int = 5, placed: Bool = true) -> (CaseloadStore) throws -> Void {
        { store in
            var youth = try Youth(name: "Sem Voorbeeld", now: Harness.now, today: today)
            youth.quickScan.basicSkills["onTime"] = .attention
            if placed {
                let workplace = try store.save(try Workplace(name: "Bakkerij De Korst", now: Harness.now, id: "w1"))
                var placement = Placement(workplace: workplace, kind: .job, start: day(1, 6), id: "p1")
                placement.status = .running
                try youth.save(placement, now: Harness.now)
            }
            for index in 0..<(placed ? talks : 0) {
                var talk = youth.newTalk(placementID: "p1", on: day(15, 6 + index), id: "t\(index + 1)")
                talk.withWhom = "Marco (chef) \(index + 1)"
                talk.notes = "Gesprek nummer \(index + 1) over de ochtenden"
                for skill in Catalog.basicSkills { talk.scores[skill.code] = talk.scores[skill.code] ?? .sometimes }
                if index == talks - 1 { talk.scores["onTime"] = .mostly; talk.scores["perseveres"] = .notYet }
                try youth.save(talk)
            }
            try store.save(youth)
        }
    }

    private func harness(talks: Int = 5, placed: Bool = true, size: (Int, Int) = (80, 24)) throws -> Harness {
        let harness = try Harness(self, prepare: Self.sem(talks: talks, placed: placed))
        (harness.width, harness.height) = size
        harness.press(.enter, .char("c"))
        return harness
    }

    private func youth(_ harness: Harness) throws -> Youth { try harness.store.youth(id: try XCTUnwrap(harness.store.summaries.first).id) }

    func testTheTalksShowNewestFirstAtEverySize() throws {
        for size in Self.sizes {
            let harness = try harness(size: size)
            let screen = harness.screen
            XCTAssertTrue(harness.app.top is TalksScreen, screen)
            XCTAssertTrue(screen.contains("Voortgangsgesprekken"), screen)
            XCTAssertEqual(harness.canvas.silentCuts, [], "\(size)")
            let newest = try XCTUnwrap(screen.range(of: "15-10-2026")), oldest = try XCTUnwrap(screen.range(of: "15-06-2026"))
            XCTAssertTrue(newest.lowerBound < oldest.lowerBound, "newest first at \(size)\n\(screen)")
            XCTAssertTrue(harness.rows(containing: "15-10-2026").first?.contains("Marco") ?? false, screen)
            if size.0 >= 80 { XCTAssertTrue(screen.contains("Bakkerij De Korst"), screen) }
        }
    }

    func testANewTalkStartsFromTheLastScoresAndOpensItsForm() throws {
        let harness = try harness()
        harness.press(.char("n"))
        XCTAssertTrue(harness.screen.contains("Voortgangsgesprek"), harness.screen)
        XCTAssertTrue(harness.rows(containing: "Datum").first?.contains("22-11-2026") ?? false, harness.screen)
        let talks = try youth(harness).talksInOrder
        XCTAssertEqual(talks.count, 6)
        XCTAssertEqual(talks.last?.scores, talks[4].scores, "the new talk starts from the last scores")
        XCTAssertEqual(talks.last?.placementID, "p1", "for the current placement")
        XCTAssertTrue(harness.rows(containing: "Op tijd komen").first?.contains("meestal") ?? false, harness.screen)
        // The first skill (after date, with whom, placement and notes) one step up: altijd ▲.
        harness.press(.down, .down, .down, .down, .enter, .down, .enter)
        XCTAssertEqual(try youth(harness).talksInOrder.last?.scores["onTime"], .always)
        XCTAssertTrue(harness.rows(containing: "Op tijd komen").first?.contains("altijd ▲") ?? false, harness.screen)
    }

    func testANewTalkNeedsAPlacement() throws {
        let harness = try harness(placed: false)
        XCTAssertTrue(harness.screen.contains("Nog geen voortgangsgesprekken"), harness.screen)
        XCTAssertTrue(harness.screen.contains("Maak eerst een plaatsing (w"), harness.screen)
        XCTAssertFalse(harness.app.activeBindings.contains { $0.action == .new }, "n is named only when there is a placement")
        harness.press(.char("n"))
        XCTAssertTrue(try youth(harness).progressTalks.isEmpty)
    }

    func testTheFormRefusesADayToComeAndSavesWithWhomAndNotes() throws {
        let harness = try harness()
        harness.press(.enter)
        XCTAssertTrue(harness.screen.contains("Gesprek nummer 5"), harness.screen)
        harness.press(.enter, .ctrl("u"))
        harness.type("23-11-2026")
        harness.press(.enter)
        XCTAssertTrue(harness.screen.contains("Een gesprek kan niet in de toekomst liggen"), harness.screen)
        harness.press(.ctrl("u"))
        harness.type("01-11-2026")
        harness.press(.tab)
        harness.press(.ctrl("u"))
        harness.type("Petra")
        harness.press(.tab, .tab)
        harness.type(" en de planning")
        harness.press(.tab, .escape)
        let talk = try XCTUnwrap(try youth(harness).progressTalks.first { $0.id == "t5" })
        XCTAssertEqual(talk.date, Self.day(1, 11))
        XCTAssertEqual(talk.withWhom, "Petra")
        XCTAssertEqual(talk.notes, "Gesprek nummer 5 over de ochtenden en de planning")
    }

    func testATalkIsRemovedAfterAQuestion() throws {
        let harness = try harness()
        harness.press(.char("d"))
        XCTAssertTrue(harness.screen.contains("ja, verwijder"), harness.screen)
        harness.press(.char("j"))
        XCTAssertEqual(try youth(harness).progressTalks.map(\.id), ["t1", "t2", "t3", "t4"])
        XCTAssertFalse(harness.screen.contains("15-10-2026"), harness.screen)
    }

    func testTheGridAtEverySize() throws {
        for size in Self.sizes {
            let harness = try harness(size: size)
            harness.press(.char("v"))
            XCTAssertTrue(harness.app.top is SkillsGridScreen, harness.screen)
            var screen = harness.screen
            XCTAssertEqual(harness.canvas.silentCuts, [], "\(size)")
            XCTAssertTrue(screen.contains("Eerste indruk") && screen.contains("aandachtspunt"), "\(size)\n\(screen)")
            // The marks are characters, not colours: they read the same with NO_COLOR.
            XCTAssertTrue(harness.rows(containing: "Op tijd komen").first?.contains("meestal ▲") ?? false, "\(size)\n\(screen)")
            XCTAssertTrue(screen.contains("Gesprek van 15-10-2026 met Marco (chef) 5"), "the selected talk below\n\(screen)")
            let allColumns = (6...10).allSatisfy { screen.contains(String(format: "15-%02d-2026", $0)) }
            XCTAssertEqual(screen.contains("◀"), !allColumns, "\(size): ◀ exactly when talks are out of sight\n\(screen)")
            let names = Catalog.basicSkills.map(\.name)
            let allRows = names.allSatisfy { screen.contains($0) }
            let marks = { (screen: String, mark: Character) in screen.split(separator: "\n").contains { $0.first == mark } }
            XCTAssertEqual(marks(screen, "▼"), !allRows, "\(size): ▼ in the margin exactly when skills are out of sight\n\(screen)")
            XCTAssertFalse(marks(screen, "▲"), "\(size)")
            if !allRows {
                harness.press(.end)
                screen = harness.screen
                XCTAssertTrue(screen.contains("Doorzetten") && marks(screen, "▲") && !marks(screen, "▼"), "\(size)\n\(screen)")
                XCTAssertEqual(harness.canvas.silentCuts, [], "\(size)")
            }
        }
    }

    func testTheGridMarksWhatWentDownAndScrollsBothWays() throws {
        let harness = try harness(size: (60, 16))
        harness.press(.char("v"))
        var screen = harness.screen
        let lines = screen.split(separator: "\n").map(String.init)
        XCTAssertTrue(lines.contains { $0.hasPrefix("▼") }, "skills out of sight below\n\(screen)")
        XCTAssertTrue(screen.contains("◀") && !screen.contains("▶"), screen)
        XCTAssertTrue(screen.contains("15-10-2026") && !screen.contains("15-06-2026"), screen)
        harness.press(.end)
        XCTAssertTrue(harness.rows(containing: "Doorzetten").first?.contains("nog niet ▼") ?? false, harness.screen)
        for _ in 0..<4 { harness.press(.left) }
        screen = harness.screen
        XCTAssertTrue(screen.contains("15-06-2026") && screen.contains("▶") && !screen.contains("◀"), screen)
        XCTAssertTrue(screen.contains("Gesprek van 15-06-2026"), screen)
        harness.press(.enter)
        XCTAssertTrue(harness.screen.contains("Gesprek nummer 1"), "Enter opens the selected talk\n\(harness.screen)")
    }

    func testAnEmptyGridShowsTheFirstImpression() throws {
        let harness = try harness(placed: false)
        harness.press(.char("v"))
        XCTAssertTrue(harness.screen.contains("aandachtspunt") && harness.screen.contains("Nog geen voortgangsgesprekken"), harness.screen)
        XCTAssertFalse(harness.app.activeBindings.contains { $0.action == .open || $0.action == .column }, "nothing to open or choose")
    }

    func testTalkNotesLeftByAHangupReopenTheTalkForm() throws {
        let harness = try harness()
        harness.press(.enter, .down, .down, .down, .enter)
        harness.type(" halverwege")
        harness.app.idle()
        let again = Harness(reopening: harness)
        XCTAssertTrue(again.screen.contains("de notities van een voortgangsgesprek"), again.screen)
        again.press(.enter)
        XCTAssertTrue(again.screen.contains("Voortgangsgesprek") && again.screen.contains("halverwege"), again.screen)
        again.press(.tab)
        XCTAssertTrue(try youth(again).progressTalks.first { $0.id == "t5" }?.notes.hasSuffix("halverwege") ?? false)
        XCTAssertTrue(again.store.drafts().isEmpty)
    }
}

extension TalkScreensTests {
    func testTheLetterIsExportedFromTheLastTalk() throws {
        let harness = try harness()
        let editor = try XCTUnwrap((harness.app.top as? TalksScreen)?.editor)
        let message = LetterExport.write(editor: editor, placementID: "p1")
        let file = "exports/aanbevelingsbrief-sem-voorbeeld-2026-11-22-nr\(editor.youth.id.prefix(8)).md"
        XCTAssertTrue(message.text.contains(file), message.text)
        let letter = try String(contentsOfFile: harness.directory + "/" + file, encoding: .utf8)
        XCTAssertTrue(letter.contains("bij Bakkerij De Korst") && !letter.contains("Gesprek nummer"), letter)
        XCTAssertEqual(LetterExport.write(editor: editor, placementID: "none").style, .warning)
    }
}
