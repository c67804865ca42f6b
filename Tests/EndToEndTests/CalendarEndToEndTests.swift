import Foundation
import XCTest

/// The real binary exports the demo caseload's calendar, and calcurse (a calendar program that
/// runs without a terminal) imports every item of it: meetings at their time, the rest all day.
final class CalendarEndToEndTests: XCTestCase {
    private func demo() throws -> (binary: String, directory: String) {
        let binary = try rodeloperBinary()
        let base = NSTemporaryDirectory() + "rodeloper-calendar-\(UUID().uuidString)"
        addTeardownBlock { try? FileManager.default.removeItem(atPath: base) }
        try FileManager.default.createDirectory(atPath: base, withIntermediateDirectories: true)
        let demo = try runProcess(binary, ["--data-dir", base + "/data", "demo"])
        XCTAssertEqual(demo.status, 0, demo.stderr)
        return (binary, base)
    }

    /// What calcurse writes in its `apts` file for each VEVENT of `ics`: "12/03/2026 @ 14:30 ->
    /// 12/03/2026 @ 16:00…|title" for a meeting with a time (the part after "->" may carry a note
    /// marker), "12/03/2026 [1] title" for an all-day item.
    private func expectedAppointments(_ ics: String) -> [(start: String, title: String)] {
        let lines = ics.replacingOccurrences(of: "\r\n ", with: "").components(separatedBy: "\r\n")
        var result: [(String, String)] = []
        var start = ""
        for line in lines {
            if line.hasPrefix("DTSTART") {
                let value = line.split(separator: ":").last.map(String.init) ?? ""
                let chars = Array(value)
                let date = "\(String(chars[4..<6]))/\(String(chars[6..<8]))/\(String(chars[0..<4]))"
                start = line.hasPrefix("DTSTART;VALUE=DATE") ? "\(date) [1] " : "\(date) @ \(String(chars[9..<11])):\(String(chars[11..<13])) -> "
            }
            if line.hasPrefix("SUMMARY:") { result.append((start, String(line.dropFirst(8)))) }
        }
        return result
    }

    func testCalcurseImportsTheExportedCalendar() throws {
        let (binary, base) = try demo()
        guard let calcurse = ["/usr/bin/calcurse", "/usr/local/bin/calcurse"].first(where: FileManager.default.isExecutableFile) else {
            throw XCTSkip("calcurse is niet geïnstalleerd")
        }
        let file = base + "/agenda.ics"
        let export = try runProcess(binary, ["--data-dir", base + "/data", "export", "--format", "ics", "--out", file])
        XCTAssertEqual(export.status, 0, export.stderr)
        XCTAssertTrue(export.stdout.contains("Agenda geschreven naar"), export.stdout)
        let ics = try String(contentsOfFile: file, encoding: .utf8)
        let expected = expectedAppointments(ics)
        XCTAssertGreaterThanOrEqual(expected.count, 5, "the demo has meetings, deadlines and metingen:\n\(ics)")
        XCTAssertTrue(expected.contains { $0.start.contains("@") }, "a meeting with a time")
        XCTAssertTrue(expected.contains { $0.start.hasSuffix("[1] ") }, "an all-day item")

        let imported = try runProcess(calcurse, ["-D", base + "/calcurse", "-i", file])
        XCTAssertEqual(imported.status, 0, imported.stdout + imported.stderr)
        XCTAssertTrue(imported.stdout.contains("0 skipped"), imported.stdout)
        let apts = try String(contentsOfFile: base + "/calcurse/apts", encoding: .utf8)
        let appointments = apts.split(separator: "\n").map(String.init)
        XCTAssertEqual(appointments.count, expected.count, apts)
        for item in expected {
            XCTAssertTrue(appointments.contains { $0.hasPrefix(item.start) && $0.hasSuffix(item.title) }, "\(item) in\n\(apts)")
        }
    }

    func testWithoutOutTheCalendarGoesToStandardOutput() throws {
        let (binary, base) = try demo()
        let printed = try runProcess(binary, ["--data-dir", base + "/data", "export", "--format", "ics"])
        XCTAssertEqual(printed.status, 0, printed.stderr)
        XCTAssertTrue(printed.stdout.hasPrefix("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"), printed.stdout)
        XCTAssertTrue(printed.stdout.hasSuffix("END:VCALENDAR\r\n"))
        XCTAssertTrue(printed.stdout.contains("BEGIN:VEVENT"))
        XCTAssertFalse(FileManager.default.fileExists(atPath: base + "/data/exports"), "nothing written in the data directory")
    }
}
