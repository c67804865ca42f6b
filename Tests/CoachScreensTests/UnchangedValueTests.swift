@testable import Caseload
@testable import CoachScreens
import Foundation
import TerminalKit
import XCTest

/// Confirming a value as it was writes nothing: the youth keeps its "gewijzigd" moment and its
/// file is not rewritten, for every kind of field (text, date typed as a line, date, choice, pick)
/// and with Enter as with Tab.
final class UnchangedValueTests: XCTestCase {
    private func jesse(_ harness: Harness) throws -> Youth {
        try harness.store.youth(id: XCTUnwrap(harness.store.summaries.first { $0.name == "Jesse Testman" }).id)
    }

    private func fileDate(_ harness: Harness, _ youth: Youth) -> Date? {
        let path = harness.directory + "/youths/\(youth.id).json"
        return (try? FileManager.default.attributesOfItem(atPath: path))?[.modificationDate] as? Date
    }

    func testConfirmingEveryDossierFieldUnchangedWritesNothing() throws {
        let labels = ["Naam", "Geboortedatum", "Gemeente", "Telefoon", "Vindplaats", "Toelichting vindplaats", "Aangemeld door",
                      "Start (gevonden op)", "Fase"]
        for (width, height) in [(60, 16), (80, 24), (200, 60)] {
            for (index, label) in labels.enumerated() {
                for confirm in [Key.enter, .tab] {
                    let harness = try Harness(self, demo: true)
                    (harness.width, harness.height) = (width, height)
                    let before = try jesse(harness)
                    let written = fileDate(harness, before)
                    harness.press(KeyWalkTests.jesse + Array(repeating: .down, count: index) + [.enter])
                    XCTAssertTrue(harness.app.top.capturesKeys || !harness.app.popups.isEmpty, "\(label) opens")
                    harness.press(confirm)
                    XCTAssertFalse(harness.screen.contains("bestaat niet"), harness.screen)
                    let after = try jesse(harness)
                    XCTAssertEqual(after, before, "\(label), \(confirm.name), \(width)x\(height): nothing changed")
                    XCTAssertEqual(after.updated, before.updated, "\(label): not marked changed")
                    XCTAssertEqual(fileDate(harness, after), written, "\(label): the file is not rewritten")
                    XCTAssertFalse(harness.screen.contains("Gewijzigd vandaag"), harness.screen)
                }
            }
        }
    }

    /// The same for the fields of a record (an action): text, choice, date.
    func testConfirmingAnActionsFieldsUnchangedWritesNothing() throws {
        for index in 0..<3 {
            let harness = try Harness(self, demo: true)
            let before = try jesse(harness)
            harness.press(KeyWalkTests.jesse + [.char("a"), .enter] + Array(repeating: .down, count: index) + [.enter, .enter])
            XCTAssertEqual(try jesse(harness).updated, before.updated, "action field \(index)")
        }
    }

    /// A real change is still saved and stamped.
    func testAChangedStartIsSaved() throws {
        let harness = try Harness(self, demo: true)
        let before = try jesse(harness)
        harness.press(KeyWalkTests.jesse + Array(repeating: .down, count: 7) + [.enter, .ctrl("u")])
        let earlier = try XCTUnwrap(before.started).adding(days: -1)
        harness.type(earlier.text)
        harness.press(.enter)
        let after = try jesse(harness)
        XCTAssertEqual(after.started, earlier)
        XCTAssertEqual(after.updated, Harness.now)
    }
}
