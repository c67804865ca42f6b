@testable import Caseload
@testable import CoachScreens
import TerminalKit
import XCTest

/// A refusal is about the value refused: it never stays beside a value that is valid.
final class RefusalMessageTests: XCTestCase {
    private static let refusal = "31-02-2006 bestaat niet"

    func testARefusalGoesOnceTheCoachChangesTheValue() throws {
        for (width, height) in [(60, 16), (80, 24), (200, 60)] {
            let harness = try Harness(self, youths: ["Sem"])
            harness.width = width
            harness.height = height
            harness.press(.enter, .down, .enter)
            harness.type("31-02-2006")
            harness.press(.enter)
            XCTAssertTrue(harness.screen.contains(Self.refusal), harness.screen)
            harness.press(.left)
            XCTAssertTrue(harness.screen.contains(Self.refusal), "a move changes nothing: the refusal stays")
            harness.press(.ctrl("u"), .ctrl("k"))
            harness.type("28-02-2006")
            XCTAssertFalse(harness.screen.contains(Self.refusal), "\(width)x\(height): gone beside the corrected date\n\(harness.screen)")
            harness.press(.enter)
            XCTAssertFalse(harness.screen.contains(Self.refusal), harness.screen)
        }
    }

    func testARefusalGoesWhenTheCorrectedValueOnlyNeedsAQuestion() throws {
        let harness = try Harness(self, youths: ["Sem"])
        harness.press(.enter, .down, .enter)
        harness.type("31-02-1990")
        harness.press(.enter)
        XCTAssertTrue(harness.screen.contains("31-02-1990 bestaat niet"), harness.screen)
        harness.press(.backspace, .backspace, .backspace, .backspace)
        harness.type("1990")
        harness.press(.ctrl("a"), .delete, .delete)
        harness.type("28")
        harness.press(.enter)
        XCTAssertTrue(harness.screen.contains("valt buiten 16-27 jaar"), harness.screen)
        XCTAssertFalse(harness.screen.contains("bestaat niet"), "no refusal beside the question\n\(harness.screen)")
        harness.press(.char("n"))
        XCTAssertFalse(harness.screen.contains("bestaat niet"), "nor beside the field it leads back to\n\(harness.screen)")
    }

    func testAPromptsRefusalGoesOnceTheTextChanges() throws {
        let harness = try Harness(self)
        harness.press(.escape, .enter, .char("n"))
        harness.press(.enter)
        XCTAssertTrue(harness.screen.contains("is verplicht"), harness.screen)
        harness.type("S")
        XCTAssertFalse(harness.screen.contains("is verplicht"), harness.screen)
        XCTAssertTrue(harness.screen.contains("Naam: S"), harness.screen)
    }
}
