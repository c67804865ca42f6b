import Caseload
@testable import CoachScreens
import Foundation
import TerminalKit
import XCTest

/// `i` on the caseload agenda writes the calendar into exports/ and says where; the settings
/// screen chooses how a title names the youth. Today is 22-11-2026 (Harness.now).
final class CalendarScreenTests: XCTestCase {
    private let today = LocalDate(year: 2026, month: 11, day: 22)!
    private let file = "exports/agenda-2026-11-22.ics"
    /// The message names the file by its full path: a coach need not know where the data directory is.
    private func message(_ harness: Harness) -> String {
        "Agenda: 2 afspraken; in \(harness.directory)/\(file). Importeer het in uw agenda."
    }

    /// Zoë Çelik with a meeting on Friday at 14:30 and an action due Tuesday.
    private func harness() throws -> Harness {
        try Harness(self) { store in
            var zoe = try Youth(name: "Zoë Çelik", now: Harness.now, today: self.today)
            var meeting = WrapAroundMeeting(date: self.today.adding(days: 5))
            meeting.time = "14:30"
            meeting.place = "Buurthuis De Klimop, Utrecht"
            zoe.save(meeting)
            zoe.save(try CaseAction(what: "Schuldhulp bellen", owner: .coach, due: self.today.adding(days: 2), created: self.today))
            try store.save(zoe)
        }
    }

    /// The screen's rows joined, trimmed, so a wrapped message reads as one text.
    private func joined(_ harness: Harness) -> String {
        harness.screen.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }.joined(separator: " ")
    }

    /// Whether the screen shows `text` whole, wrapped anywhere (a long path breaks inside a word).
    private func shows(_ text: String, _ harness: Harness) -> Bool {
        joined(harness).replacingOccurrences(of: " ", with: "").contains(text.replacingOccurrences(of: " ", with: ""))
    }

    func testIOnTheCaseloadAgendaWritesTheCalendarIntoExportsAndSaysWhere() throws {
        for (width, height) in [(60, 16), (80, 24), (200, 60)] {
            let harness = try harness()
            harness.width = width
            harness.height = height
            harness.press(.char("o"))
            XCTAssertTrue(harness.screen.contains("Agenda van de caseload"), harness.screen)
            XCTAssertTrue(harness.screen.contains("i agenda-export"), "the hint names the key at \(width)x\(height):\n\(harness.screen)")
            harness.press(.char("i"))
            XCTAssertTrue(shows(message(harness), harness), "\(width)x\(height):\n\(harness.screen)")
            XCTAssertEqual(harness.canvas.silentCuts, [], "\(width)x\(height)")
            let written = try String(contentsOfFile: harness.directory + "/" + file, encoding: .utf8)
            XCTAssertEqual(written, try harness.store.calendar(today: today, now: Harness.now))
            XCTAssertTrue(written.hasPrefix("BEGIN:VCALENDAR\r\n"))
            XCTAssertTrue(written.contains("SUMMARY:Wrap-around overleg Z.Ç.\r\n") && written.contains("SUMMARY:Deadline actie Z.Ç.\r\n"), written)
            XCTAssertEqual(permissions(harness.directory + "/" + file), 0o600)
            // A key that does nothing leaves it; the next key that does something takes it away.
            harness.press(.char("x"))
            XCTAssertTrue(shows(message(harness), harness), harness.screen)
            harness.press(.down)
            XCTAssertFalse(joined(harness).contains("Agenda: "), harness.screen)
        }
    }

    func testAFailedWriteSaysWhyInDutch() throws {
        let harness = try harness()
        // A file where the exports folder belongs: the folder cannot be made.
        XCTAssertTrue(FileManager.default.createFile(atPath: harness.directory + "/exports", contents: Data("x".utf8)))
        harness.press(.char("o"), .char("i"))
        XCTAssertTrue(joined(harness).contains("Agenda niet opgeslagen:"), harness.screen)
        XCTAssertEqual(harness.canvas.silentCuts, [])
    }

    func testTheSettingsRowChoosesInitialsOrFirstName() throws {
        let harness = try harness()
        harness.press(.char("i"), .end)
        XCTAssertTrue(harness.screen.contains("Agenda-export"), harness.screen)
        XCTAssertTrue(harness.rows(containing: "Jongere in de titel").first?.contains("initialen (Z.v.D.)") ?? false, harness.screen)
        harness.press(.enter)
        XCTAssertTrue(harness.screen.contains("voornaam (Zoë)"), "the choices show what they look like:\n\(harness.screen)")
        harness.press(.down, .enter)
        XCTAssertTrue(harness.rows(containing: "Jongere in de titel").first?.contains("voornaam (Zoë)") ?? false, harness.screen)
        XCTAssertEqual(try CaseloadStore(directory: harness.directory, mode: .readOnly).settings.calendarNames, .firstName)
        harness.press(.escape, .char("o"), .char("i"))
        let written = try String(contentsOfFile: harness.directory + "/" + file, encoding: .utf8)
        XCTAssertTrue(written.contains("SUMMARY:Wrap-around overleg Zoë\r\n"), written)
        XCTAssertFalse(written.contains("Çelik"))
        for (width, height) in [(60, 16), (80, 24), (200, 60)] {
            harness.width = width
            harness.height = height
            harness.press(.escape, .char("i"), .end)
            XCTAssertTrue(harness.rows(containing: "Jongere in de titel").first?.contains("voornaam (Zoë)") ?? false, "\(width)x\(height):\n\(harness.screen)")
            XCTAssertEqual(harness.canvas.silentCuts, [], "\(width)x\(height)")
        }
    }
}
