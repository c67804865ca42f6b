@testable import Caseload
@testable import CoachScreens
import Foundation
import TerminalKit
import XCTest

/// The draft offer names only what its keys do: a draft this version cannot open (a newer
/// version's field, a dossier not in the caseload) is offered to keep, never to open or throw
/// away; a draft whose text is gone goes to quarantine through the logged path.
final class DraftOfferTruthTests: XCTestCase {
    static let sizes = [(60, 16), (80, 24), (200, 60)]

    private func offering(youthID: ((CaseloadStore) -> String)? = nil, field: String) throws -> Harness {
        let typed = try Harness(self, youths: ["Zoë Çelik"])
        let id = youthID?(typed.store) ?? typed.store.summaries[0].id
        try typed.store.saveDraft(Draft(youthID: id, field: field, text: "Half getypt", saved: Harness.now))
        let harness = Harness(reopening: typed)
        XCTAssertTrue(harness.app.popups.last is DraftOfferPopup)
        return harness
    }

    private func assertOnlyKept(_ harness: Harness, saying words: String, file: StaticString = #filePath, line: UInt = #line) {
        for (width, height) in Self.sizes {
            harness.width = width
            harness.height = height
            let screen = harness.screen
            XCTAssertFalse(screen.contains("Enter opent"), "\(width)x\(height): \(screen)", file: file, line: line)
            XCTAssertFalse(screen.contains("weggooien") || screen.contains("gooit het weg"), "\(width)x\(height): \(screen)", file: file, line: line)
            XCTAssertFalse(screen.contains("meer dan één"), screen, file: file, line: line)
        }
        harness.width = 200
        harness.height = 60
        XCTAssertTrue(harness.screen.contains(words), harness.screen, file: file, line: line)
        let before = harness.store.drafts()
        harness.press(.char("d"))
        XCTAssertTrue(harness.app.popups.last is DraftOfferPopup, "d does nothing here", file: file, line: line)
        harness.press(.enter)
        XCTAssertTrue(harness.app.popups.isEmpty, file: file, line: line)
        XCTAssertTrue(harness.app.top is CaseloadScreen, file: file, line: line)
        XCTAssertEqual(harness.store.drafts(), before, "kept where it is", file: file, line: line)
        XCTAssertEqual(harness.store.quarantined, [], "nothing moved", file: file, line: line)
    }

    func testANewerVersionsDraftIsOfferedOnlyToKeep() throws {
        let harness = try offering(field: "workplace.notes")
        assertOnlyKept(harness, saying: "Zoë Çelik dat deze versie")
    }

    func testADraftOfADossierNotInTheCaseloadIsOfferedOnlyToKeep() throws {
        let harness = try offering(youthID: { _ in "abcd1234-0000-0000-0000-000000000000" }, field: "changePlan.goal")
        assertOnlyKept(harness, saying: "zonder dossier kan het niet worden geopend")
    }

    /// Walked both ways: no key outside the rows does anything; each key in them closes the
    /// offer and keeps the draft where it is.
    func testTheKeptOnlyOfferDispatchesFromItsRows() throws {
        let rows = ComponentKeys.draftKeptOnly
        let harness = try offering(field: "workplace.notes")
        let before = harness.canvas
        for key in HintsAndHelpTests.universe where !rows.contains(where: { $0.covers(key) }) && key != .ctrl("c") && key != .ctrl("l") {
            harness.press(key)
            XCTAssertEqual(harness.canvas, before, "\(key.name) does nothing")
        }
        for row in rows {
            XCTAssertEqual(row.action, .cancel)
            for key in row.keys {
                let harness = try offering(field: "workplace.notes")
                harness.press(key)
                XCTAssertTrue(harness.app.popups.isEmpty, "\(key.name) closes the offer")
                XCTAssertEqual(harness.store.drafts().map(\.field), ["workplace.notes"], "kept")
            }
        }
    }

    func testADraftWhoseContactIsGoneGoesToTheLoggedQuarantineOnEnter() throws {
        let harness = try offering(field: "journal.verdwenen")
        XCTAssertTrue(harness.screen.contains("Enter opent"), harness.screen)
        harness.press(.enter)
        XCTAssertTrue(harness.screen.contains("niet meer bestaat"), harness.screen)
        let entry = try XCTUnwrap(harness.store.unseenQuarantined.first)
        XCTAssertTrue(entry.from.hasPrefix("drafts/"), entry.from)
        XCTAssertEqual(permissions(harness.directory + "/quarantine/" + entry.file), 0o600)
        harness.press(.enter)
        XCTAssertTrue(harness.screen.contains("in quarantaine"), "the caseload announces it: \(harness.screen)")
    }
}

/// Several drafts at the start: opening one never lets the next offer replace its editor; the
/// others are offered again once the coach is back on the caseload.
final class DraftOffersInTurnTests: XCTestCase {
    func testTheNextOfferWaitsUntilTheOpenedDraftIsLeft() throws {
        let typed = try Harness(self, youths: ["Zoë Çelik", "Sem"])
        for summary in typed.store.summaries {
            try typed.store.saveDraft(Draft(youthID: summary.id, field: .userManual, text: "Half getypt \(summary.name)", saved: Harness.now))
        }
        let harness = Harness(reopening: typed)
        XCTAssertEqual(harness.app.popups.filter { $0 is DraftOfferPopup }.count, 2)
        harness.press(.enter)
        XCTAssertTrue(harness.app.popups.isEmpty, "no offer over the opened editor")
        XCTAssertEqual(harness.app.top.kind, .userManual)
        harness.type("x")
        XCTAssertTrue(harness.screen.contains("getypt"), harness.screen)
        // Saved (Tab), then back on the caseload: the other is offered.
        harness.press(.tab)
        for _ in 0..<6 where harness.app.stack.count > 1 {
            harness.press(.escape)
        }
        XCTAssertEqual(harness.app.stack.count, 1, harness.screen)
        XCTAssertEqual(harness.app.popups.filter { $0 is DraftOfferPopup }.count, 1, harness.screen)
    }
}
