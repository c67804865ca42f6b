@testable import Caseload
@testable import CoachScreens
import TerminalKit
import XCTest

/// Typing or pasting past a text's limit is refused with a message; nothing is cut.
final class TextLimitScreenTests: XCTestCase {
    private func youth(_ harness: Harness) throws -> Youth {
        try harness.store.youth(id: try XCTUnwrap(harness.store.summaries.first).id)
    }

    func testAFieldRefusesAPastePastItsLimitAndSaysSo() throws {
        for (width, height) in [(60, 16), (80, 24), (200, 60)] {
            let harness = try Harness(self, youths: ["Sem"])
            harness.width = width
            harness.height = height
            harness.press(.enter, .down, .down, .enter)
            XCTAssertTrue(harness.app.top.capturesKeys, harness.screen)
            harness.press(.paste(String(repeating: "a", count: TextLimits.line)))
            harness.press(.char("b"))
            XCTAssertTrue(harness.screen.contains("is te lang: hoogstens 500 tekens"), "\(width)x\(height)\n\(harness.screen)")
            harness.press(.backspace)
            XCTAssertFalse(harness.screen.contains("is te lang"), "gone once the text changes")
            harness.press(.enter)
            XCTAssertEqual(try youth(harness).municipality.count, TextLimits.line - 1)
        }
    }

    func testAPlanPartRefusesAPastePastItsLimitWholeAndKeepsTheText() throws {
        let harness = try Harness(self, youths: ["Sem"])
        harness.press(.enter, .char("p"), .enter)
        harness.type("begin")
        harness.press(.paste(String(repeating: "woord ", count: TextLimits.page / 6)))
        XCTAssertTrue(harness.screen.contains("De tekst is te lang: hoogstens 20.000 tekens."), harness.screen)
        harness.press(.paste("kort"))
        harness.press(.tab)
        XCTAssertEqual(try youth(harness).changePlan.goal, "beginkort", "the long paste was refused whole, never cut")
    }

    func testTheCoachNameTakesAHundredCharacters() throws {
        let harness = try Harness(self)
        XCTAssertTrue(harness.screen.contains("Hoe heet u?"), "the first start asks the name: \(harness.screen)")
        harness.press(.paste(String(repeating: "c", count: TextLimits.coachName + 1)))
        XCTAssertTrue(harness.screen.contains("hoogstens 100 tekens"), harness.screen)
        harness.press(.paste(String(repeating: "c", count: TextLimits.coachName)), .enter)
        XCTAssertEqual(harness.store.settings.coachName.count, TextLimits.coachName)
    }
}
