import Foundation
import XCTest

/// A bad argument is a usage error (exit 2) with a message that says what is wrong, whatever the
/// data directory holds: a date as a week.
final class ArgumentsEndToEndTests: XCTestCase {
    func testAMeetingDateThatDoesNotExistIsAUsageError() throws {
        let binary = try rodeloperBinary()
        let directory = temporaryDataDirectory(self)
        XCTAssertEqual(try runProcess(binary, ["--data-dir", directory, "demo"]).status, 0)
        let id = try XCTUnwrap(try FileManager.default.contentsOfDirectory(atPath: directory + "/youths").first).dropLast(5)
        let cases = [("01-01-0000", "--meeting: Jaar 0 kan niet: kies een jaar van 0001 tot en met 9999."),
                     ("31-02-2026", "--meeting: 31-02-2026 bestaat niet: februari 2026 heeft 28 dagen."),
                     ("morgen", "--meeting: Typ de datum als dd-mm-jjjj")]
        for (date, message) in cases {
            let result = try runProcess(binary, ["--data-dir", directory, "export", "--format", "text", "--youth", String(id), "--meeting", date])
            XCTAssertEqual(result.status, 2, "\(date): \(result.stderr)")
            XCTAssertTrue(result.stderr.hasPrefix("rodeloper: " + message), result.stderr)
            XCTAssertFalse(result.stderr.contains("januari 0"), result.stderr)
            XCTAssertEqual(result.stdout, "")
        }
        // An id that matches no youth says what an id may be, not "more than one".
        let unknown = try runProcess(binary, ["--data-dir", directory, "export", "--format", "markdown", "--youth", "zzzzzzzz"])
        XCTAssertEqual(unknown.status, 1)
        XCTAssertTrue(unknown.stderr.contains("Geen dossier past bij zzzzzzzz"), unknown.stderr)
    }
}
