@testable import Caseload
@testable import CoachScreens
import Foundation
import TerminalKit
import XCTest

/// A draft kept for later opens with its text; a quarantine notice names the youth; the caseload
/// keeps a line about unseen quarantined files, with the key that lists them, until they are seen.
final class DraftsAndQuarantineScreenTests: XCTestCase {
    static let sizes = [(60, 16), (80, 24), (200, 60)]

    // MARK: - A draft kept for later

    func testADraftKeptForLaterOpensWithItsTextWhenThePartIsOpened() throws {
        let harness = try Harness(self, youths: ["Zoë Çelik"])
        harness.press(.enter, .char("p"), .enter)
        harness.type("Half af toen het programma viel")
        harness.app.idle()
        // A new start offers the draft; the coach keeps it for later (Esc) and quits.
        let restarted = Harness(reopening: harness)
        XCTAssertTrue(restarted.screen.contains("Niet bevestigde tekst"), restarted.screen)
        restarted.press(.escape)
        XCTAssertEqual(restarted.store.drafts().count, 1, "kept on disk")
        restarted.press(.char("q"))
        // The next start offers it again; later once more, and the coach opens the part itself.
        let again = Harness(reopening: harness)
        again.press(.escape)
        XCTAssertTrue(again.screen.contains("Zoë Çelik"), again.screen)
        again.press(.enter, .char("p"))
        XCTAssertFalse(again.screen.contains("Half af toen het programma viel"), "the page shows what is confirmed")
        for (width, height) in Self.sizes {
            again.width = width
            again.height = height
            if width == 80 { again.press(.enter) }
        }
        again.width = 80
        again.height = 24
        let screen = again.screen
        XCTAssertTrue(screen.contains("Half af toen het programma viel"), "the editor starts from the draft: \(screen)")
        XCTAssertTrue(screen.contains("Concept van 22-11-2026"), "marked as a restored draft: \(screen)")
        again.type(".")
        again.app.idle()
        XCTAssertEqual(again.store.drafts().map(\.text), ["Half af toen het programma viel."], "the first key adds to the draft")
        again.press(.tab)
        XCTAssertEqual(try again.store.youth(id: try XCTUnwrap(again.store.summaries.first).id).changePlan.goal,
                       "Half af toen het programma viel.")
        XCTAssertEqual(again.store.drafts(), [], "confirmed: the draft is gone")
    }

    func testLeavingAPartOpenedFromItsDraftAsksBeforeThrowingItAway() throws {
        let harness = try Harness(self, youths: ["Zoë Çelik"])
        harness.press(.enter, .char("p"), .enter)
        harness.type("Bewaar mij")
        harness.app.idle()
        let restarted = Harness(reopening: harness)
        restarted.press(.escape, .enter, .char("p"), .enter, .escape)
        XCTAssertTrue(restarted.screen.contains("weggooien?"), restarted.screen)
        restarted.press(.char("n"))
        XCTAssertEqual(restarted.store.drafts().map(\.text), ["Bewaar mij"], "nothing typed yet: the draft stays")
    }

    func testThrowingAnOfferedDraftAwayRemovesOnlyThatDraft() throws {
        let harness = try Harness(self, youths: ["Zoë Çelik"])
        harness.press(.enter, .char("p"), .enter)
        harness.type("weg")
        harness.press(.tab)
        harness.type("blijft")
        harness.app.idle()
        let restarted = Harness(reopening: harness)
        XCTAssertEqual(restarted.store.drafts().map(\.text), ["blijft"])
        restarted.press(.char("d"))
        XCTAssertEqual(restarted.store.drafts().map(\.text), ["blijft"], "asked first")
        restarted.press(.char("j"))
        XCTAssertEqual(restarted.store.drafts(), [])
    }

    // MARK: - Quarantine

    /// A caseload whose youth file broke after the index knew the name; the notice is answered.
    private func quarantineHarness(name: String = "Zoë Çelik") throws -> Harness {
        let harness = try Harness(self, youths: [name, "Bram"]) { store in
            let id = try XCTUnwrap(store.summaries.first { $0.name == name }).id
            try Data("{ afgekapt".utf8).write(to: URL(fileURLWithPath: store.directory + "/youths/\(id).json"))
            XCTAssertThrowsError(try store.youth(id: id))
        }
        return harness
    }

    func testTheQuarantineNoticeNamesTheYouth() throws {
        let harness = try quarantineHarness()
        let screen = harness.screen
        XCTAssertTrue(screen.contains("Dossier van Zoë Çelik:"), screen)
        XCTAssertTrue(screen.contains("geen geldige JSON"), screen)
    }

    func testTheCaseloadKeepsALineUntilTheListIsSeen() throws {
        let harness = try quarantineHarness()
        harness.press(.enter)
        for (width, height) in Self.sizes {
            harness.width = width
            harness.height = height
            XCTAssertEqual(harness.rows(containing: "1 dossier in quarantaine").count, 1, "\(width)x\(height):\n\(harness.screen)")
            XCTAssertTrue(harness.canvas.line(height - 1).contains("x quarantaine"), "\(width)x\(height): the hint names the key")
        }
        harness.width = 80
        harness.height = 24
        // It stays when the program starts again on the same store (the notice itself is answered again).
        let restarted = Harness(reopening: harness)
        restarted.press(.enter)
        XCTAssertTrue(restarted.screen.contains("1 dossier in quarantaine"), restarted.screen)
        restarted.press(.char("x"))
        let list = restarted.screen
        XCTAssertTrue(list.contains("Caseload › Quarantaine"), list)
        XCTAssertTrue(list.contains("Zoë Çelik"), list)
        XCTAssertTrue(list.contains("geen geldige JSON"), list)
        // The file's stamp is in the coach's time zone: only where it went is asserted, not the hour.
        XCTAssertNotNil(list.range(of: #"naar\s+quarantine/\d{8}-\d{6}-"#, options: .regularExpression), "where it went: \(list)")
        restarted.press(.escape)
        XCTAssertFalse(restarted.screen.contains("in quarantaine"), restarted.screen)
        XCTAssertFalse(restarted.canvas.line(23).contains("quarantaine"), "the key is gone from the hints")
        restarted.press(.char("x"))
        XCTAssertEqual(restarted.app.top.kind, .caseload, "and does nothing")
        XCTAssertFalse(Harness(reopening: harness).screen.contains("in quarantaine"), "seen is remembered")
    }

    func testTheListShowsEveryFileAtEverySize() throws {
        let harness = try quarantineHarness()
        // What the list shows comes from quarantine.json, which is never trusted: control characters everywhere.
        let hostile = HostileScreensTests.hostileName
        harness.store.recordQuarantined(QuarantinedFile(file: hostile, from: "youths/" + hostile, reason: hostile + String(repeating: " lang", count: 40),
                                                        youthName: hostile, at: Harness.now))
        harness.press(.enter, .char("x"))
        for (width, height) in Self.sizes {
            harness.width = width
            harness.height = height
            let canvas = harness.canvas
            XCTAssertTrue(canvas.text.contains("Quarantaine"), canvas.text)
            XCTAssertTrue(canvas.text.contains("2 bestanden"), canvas.text)
            for row in 0..<canvas.height {
                for col in 0..<canvas.width where canvas[row, col].text.unicodeScalars.contains(where: Glyphs.needsEscape) {
                    XCTFail("raw control character at \(row),\(col) at \(width)x\(height)")
                }
            }
            XCTAssertEqual(canvas.silentCuts, [], "\(width)x\(height)")
        }
    }

    func testNoKeyOutsideTheListsRowsDoesAnything() throws {
        let harness = try quarantineHarness()
        harness.press(.enter, .char("x"))
        XCTAssertEqual(harness.app.top.kind, .quarantine)
        for key in HintsAndHelpTests.universe where !harness.app.activeBindings.contains(where: { $0.covers(key) }) {
            let before = (harness.canvas, harness.app.stack.count)
            harness.press(key)
            XCTAssertTrue(before.0 == harness.canvas && before.1 == harness.app.stack.count, "\(key.name) does something")
        }
        harness.press(.char("?"))
        XCTAssertTrue(harness.screen.contains("Terug naar het vorige scherm"), harness.screen)
    }

    // MARK: - A folder made read-only

    func testAYouthsFolderMadeReadOnlyOpensReadOnlyWithTheReason() throws {
        let harness = try Harness(self, youths: ["Sem Verzonnen"])
        chmod(harness.directory + "/youths", 0o500)
        let store = try CaseloadStore(directory: harness.directory, clock: { Harness.now })
        let app = App(session: Session(store: store, clock: { Harness.now }, timeZone: testZone))
        for (width, height) in [(60, 16), (80, 24)] {
            var canvas = Canvas(width: width, height: height)
            app.render(into: &canvas)
            let text = canvas.text.replacingOccurrences(of: "\n ", with: " ")
            XCTAssertTrue(text.contains("Alleen lezen: de map youths/ is alleen-lezen"), "\(width)x\(height):\n\(canvas.text)")
            XCTAssertTrue(canvas.text.contains("Sem Verzonnen"))
        }
        XCTAssertEqual(permissions(harness.directory + "/youths"), 0o500, "left as the coach made it")
        chmod(harness.directory + "/youths", 0o700)
    }
}
