import Caseload
@testable import CoachScreens
import TerminalKit
import XCTest

/// A caseload row shows what is true and stays in its columns: a contact dated after today is
/// "toekomst", never a negative count of days; a name of emoji joined by ZWJ takes the columns
/// we count, with no joiner in any cell (a terminal that joins emoji would shift the row).
final class CaseloadRowTruthTests: XCTestCase {
    static let sizes = [(60, 16), (80, 24), (200, 60)]
    static let family = "\u{1F469}\u{200D}\u{1F469}\u{200D}\u{1F467}\u{200D}\u{1F466}"

    /// The column (in cells) where `text` starts on the row holding `marker`.
    private func column(of text: String, onRowWith marker: String, in harness: Harness) throws -> Int {
        let row = try XCTUnwrap(harness.rows(containing: marker).first, harness.screen)
        let prefix = try XCTUnwrap(row.range(of: text).map { String(row[..<$0.lowerBound]) }, row)
        return Glyphs.width(of: prefix)
    }

    func testAContactAfterTodayIsShownAsFutureNeverNegative() throws {
        let harness = try Harness(self, youths: ["Zoë Çelik"]) { store in
            var youth = try store.youth(id: store.summaries[0].id)
            youth.save(JournalEntry(date: LocalDate(year: 9999, month: 12, day: 31)!, kind: .atHome))
            try store.save(youth)
        }
        for (width, height) in Self.sizes {
            harness.width = width
            harness.height = height
            let row = try XCTUnwrap(harness.rows(containing: "Zoë Çelik").first, harness.screen)
            XCTAssertFalse(row.contains("-"), "\(width)x\(height): \(row)")
            if width >= 80 { XCTAssertTrue(row.contains("toekomst"), "\(width)x\(height): \(row)") }
        }
        harness.press(.enter)
        XCTAssertTrue(harness.screen.contains("laatste contact op 31-12-9999, in de toekomst"), harness.screen)
        XCTAssertFalse(harness.screen.contains("vandaag"), harness.screen)
        harness.press(.char("l"))
        XCTAssertTrue(harness.screen.contains("Laatste contact op 31-12-9999, in de toekomst"), harness.screen)
        let youth = try harness.store.youth(id: harness.store.summaries[0].id)
        XCTAssertEqual(youth.daysWithoutContact(today: LocalDate(year: 2026, month: 11, day: 22)!), 0)
    }

    func testANameOfJoinedEmojiKeepsItsRowInColumns() throws {
        let harness = try Harness(self, youths: [Self.family, "Ahmed"])
        for (width, height) in Self.sizes {
            harness.width = width
            harness.height = height
            let canvas = harness.canvas
            for row in 0..<canvas.height {
                for col in 0..<canvas.width {
                    XCTAssertFalse(canvas[row, col].text.unicodeScalars.contains { $0.value == 0x200D || $0.value == 0xFE0F },
                                   "\(width)x\(height) cell \(row),\(col)")
                }
            }
            XCTAssertEqual(try column(of: "Scout", onRowWith: "\u{1F469}", in: harness), try column(of: "Scout", onRowWith: "Ahmed", in: harness),
                           "\(width)x\(height): \(harness.screen)")
        }
    }
}
