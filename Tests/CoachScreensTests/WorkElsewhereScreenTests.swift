import Caseload
@testable import CoachScreens
import Foundation
import TerminalKit
import XCTest

/// Coaching on the job as the rest of the program shows it, on the demo: the caseload row names
/// the workplace of a youth in Coachen, the youth screen and the review page show the current
/// placement and the last talk, and a lopende placement without a recent talk is on the review.
final class WorkElsewhereScreenTests: XCTestCase {
    private func demo(width: Int = 80, height: Int = 24) throws -> Harness {
        let harness = try Harness(self, demo: true)
        harness.width = width
        harness.height = height
        return harness
    }

    private func open(_ name: String, in harness: Harness) {
        harness.press(.char("/"))
        harness.type(name)
        harness.press(.enter)
    }

    func testTheCaseloadRowNamesTheWorkplaceInCoachenCutWithAMarkAndWholeAtTheWidestSize() throws {
        let narrow = try demo()
        let jesse = try XCTUnwrap(narrow.rows(containing: "Jesse Testman").first)
        XCTAssertTrue(jesse.contains("Coachen · Insta"), jesse)
        XCTAssertTrue(jesse.contains("…"), "cut with a mark: \(jesse)")
        let sem = narrow.rows(containing: "Sem Verzonnen").first ?? ""
        XCTAssertTrue(sem.contains("Match & wrap") && !sem.contains("Coachen"), "no workplace before Coachen: \(sem)")
        // Selected, the row is shown in full under the table.
        open("jesse", in: narrow)
        narrow.press(.escape)
        XCTAssertTrue(narrow.screen.contains("Coachen · Installatiebedrijf Karim & Zn"), narrow.screen)
        let wide = try demo(width: 200, height: 60)
        XCTAssertTrue(wide.rows(containing: "Jesse Testman").first?.contains("Coachen · Installatiebedrijf Karim & Zn") ?? false, wide.screen)
    }

    func testTheYouthScreenShowsTheCurrentPlacementAndTheLastTalk() throws {
        for (width, height) in [(80, 24), (200, 60)] {
            let harness = try demo(width: width, height: height)
            open("jesse", in: harness)
            // Wrapped, never cut: the words of the line are all on the screen.
            let text = harness.screen.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
            XCTAssertTrue(text.contains("Werk: leerwerkplek bij Installatiebedrijf Karim & Zn, lopend sinds"), "\(width)x\(height)\n\(harness.screen)")
            XCTAssertTrue(text.contains("laatste gesprek"), "\(width)x\(height)\n\(harness.screen)")
        }
        // In a small window one line, cut with a mark, so the form and the history keep their rows.
        let small = try demo(width: 60, height: 16)
        open("jesse", in: small)
        let line = try XCTUnwrap(small.rows(containing: "Werk: leerwerkplek").first, small.screen)
        XCTAssertTrue(line.hasSuffix("…"), line)
        XCTAssertTrue(small.screen.contains("f toont alle"), small.screen)
    }

    func testAPlacementWhoseWorkplaceIsGoneSaysSo() throws {
        let harness = try Harness(self, demo: true) { store in
            let karim = try XCTUnwrap(store.workplaces.first { $0.name.hasPrefix("Installatiebedrijf") })
            try FileManager.default.removeItem(atPath: store.directory + "/workplaces/\(karim.id).json")
        }
        let reopened = try CaseloadStore(directory: harness.directory, mode: .readOnly)
        XCTAssertFalse(reopened.workplaces.contains { $0.name.hasPrefix("Installatiebedrijf") })
        let youth = try reopened.youth(id: try XCTUnwrap(reopened.summaries.first { $0.name == "Jesse Testman" }).id)
        let placement = try XCTUnwrap(youth.currentPlacement)
        XCTAssertEqual(reopened.workplaceName(of: placement), "Installatiebedrijf Karim & Zn (werkplek niet gevonden)")
    }

    func testTheReviewPutsALopendePlacementWithoutARecentTalkOnTheAgenda() throws {
        let harness = try demo(width: 200, height: 60)
        harness.press(.char("r"))
        for _ in 0..<12 { harness.press(.pageUp) }
        for _ in 0..<12 where !harness.screen.contains("·  Kevin Kunstmatig") { harness.press(.pageDown) }
        XCTAssertTrue(harness.screen.contains("Geen voortgangsgesprek: Bakkerij De Korrel: laatste gesprek"), harness.screen)
        XCTAssertTrue(harness.screen.contains("Werk: baan bij Bakkerij De Korrel, lopend sinds"), harness.screen)
    }
}
