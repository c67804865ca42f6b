import Foundation
import XCTest

/// The real binary never crashes on what a file or an argument holds, and when it does crash it
/// says so in one short Dutch line: no backtrace, no memory bytes, no data.
final class CrashEndToEndTests: XCTestCase {
    /// What the Swift runtime's backtracer prints; none of it may reach stderr.
    private func assertNoBacktrace(_ stderr: String, file: StaticString = #filePath, line: UInt = #line) {
        for trace in ["Backtrace", "Program crashed", "Fatal error", "Thread 0", "0x0000", "Illegal instruction", "Registers"] {
            XCTAssertFalse(stderr.contains(trace), "\(trace) in stderr:\n\(stderr)", file: file, line: line)
        }
    }

    func testAWeekThatDoesNotExistIsAUsageErrorWithADutchMessage() throws {
        let binary = try rodeloperBinary()
        let directory = temporaryDataDirectory(self)
        XCTAssertEqual(try runProcess(binary, ["--data-dir", directory, "demo"]).status, 0)
        for week in ["0000-01", "0000-W01", "2025-53", "2026-W54", "3000-01", "12-2026"] {
            let result = try runProcess(binary, ["--data-dir", directory, "review", "--week", week])
            XCTAssertEqual(result.status, 2, "\(week): \(result.stderr)")
            XCTAssertTrue(result.stderr.hasPrefix("rodeloper: Onbekende week: \(week). Typ een week die bestaat als JJJJ-WW (jaar 1900 tot en met 2999"),
                          result.stderr)
            XCTAssertEqual(result.stdout, "")
            assertNoBacktrace(result.stderr)
        }
        // Week 53 of a year that has one is a week: without a review it is named as missing.
        let week53 = try runProcess(binary, ["--data-dir", directory, "review", "--week", "2020-53"])
        XCTAssertEqual(week53.status, 1, week53.stderr)
        XCTAssertTrue(week53.stderr.contains("Er is geen weekbespreking van week 53 van 2020 (2020-W53)."), week53.stderr)
        assertNoBacktrace(week53.stderr)
    }

    /// Year 0000 and week 53 of a year without one, in a draft's field, in a reviews/ file name
    /// and in a review's `week`: the program starts, sets the files aside with a notice, and runs.
    func testImpossibleWeeksInTheDataDirectoryNeitherStopTheStartNorTheCommandLine() throws {
        let binary = try rodeloperBinary()
        let directory = temporaryDataDirectory(self)
        XCTAssertEqual(try runProcess(binary, ["--data-dir", directory, "demo"]).status, 0)
        let youthID = try XCTUnwrap(try FileManager.default.contentsOfDirectory(atPath: directory + "/youths").first).dropLast(5)
        try FileManager.default.createDirectory(atPath: directory + "/drafts", withIntermediateDirectories: true)
        for field in ["review.0000-W01", "review.2025-W53"] {
            let draft = #"{"youthID": "\#(youthID)", "field": "\#(field)", "text": "half getypt", "saved": "2026-11-22T10:00:00Z"}"#
            try Data(draft.utf8).write(to: URL(fileURLWithPath: "\(directory)/drafts/\(youthID)--\(field).json"))
        }
        let badWeek = #"{"schemaVersion": 1, "review": {"week": "0000-W01", "items": [], "position": 0}}"#
        for name in ["0000-W01", "2025-W53"] {
            try Data(badWeek.utf8).write(to: URL(fileURLWithPath: "\(directory)/reviews/\(name).json"))
        }
        try Data(badWeek.replacingOccurrences(of: "0000-W01", with: "2025-W53").utf8).write(to: URL(fileURLWithPath: "\(directory)/reviews/2020-W10.json"))

        let readOnly = try runProcess(binary, ["--data-dir", directory, "review", "--week", "2020-10"])
        XCTAssertNotEqual(readOnly.status, 0)
        XCTAssertTrue(readOnly.stderr.contains("reviews/0000-W01.json is niet leesbaar: de bestandsnaam is geen bestaande week"), readOnly.stderr)
        XCTAssertTrue(readOnly.stderr.contains("reviews/2020-W10.json is niet leesbaar: de inhoud heeft niet de verwachte vorm (bij review.week: geen bestaande week"),
                      readOnly.stderr)
        assertNoBacktrace(readOnly.stderr)

        let tmux = try Tmux(self)
        try tmux.start("weeks", "exec env LANG=C.UTF-8 TERM=tmux-256color \(binary) --data-dir \(directory) 2>\(directory)/../stderr-\(youthID)")
        addTeardownBlock { try? FileManager.default.removeItem(atPath: "\(directory)/../stderr-\(youthID)") }
        let screen = try tmux.waitFor("weeks", "the caseload with a notice") { $0.contains("quarantine") || $0.contains("Caseload") }
        XCTAssertTrue(tmux.isRunning("weeks"), screen)
        let quarantined = try FileManager.default.contentsOfDirectory(atPath: directory + "/quarantine")
        XCTAssertTrue(quarantined.contains { $0.hasSuffix("reviews-0000-W01.json") }, "\(quarantined)")
        XCTAssertTrue(quarantined.contains { $0.hasSuffix("reviews-2025-W53.json") }, "\(quarantined)")
        try tmux.keys("weeks", "C-c")
        tmux.waitUntilGone("weeks")
        assertNoBacktrace((try? String(contentsOfFile: "\(directory)/../stderr-\(youthID)", encoding: .utf8)) ?? "")
    }

    /// A crash (here sent from outside) gives the terminal back and prints one Dutch line, with no
    /// backtrace, whatever SWIFT_BACKTRACE asks for.
    func testACrashPrintsAShortMessageWithoutABacktrace() throws {
        let binary = try rodeloperBinary()
        let directory = temporaryDataDirectory(self)
        let tmux = try Tmux(self)
        let log = NSTemporaryDirectory() + "rodeloper-crash-\(UUID().uuidString)"
        addTeardownBlock { try? FileManager.default.removeItem(atPath: log) }
        try tmux.start("crash", "env LANG=C.UTF-8 TERM=tmux-256color SWIFT_BACKTRACE=enable=yes,interactive=no \(binary) --data-dir \(directory) 2>\(log); echo \"status $?\" >>\(log); sleep 30")
        try tmux.waitFor("crash", "the welcome screen") { $0.contains("Welkom") }
        XCTAssertEqual(kill(try programPID(for: directory), SIGILL), 0)
        let deadline = Date().addingTimeInterval(15)
        var written = ""
        while Date() < deadline {
            written = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
            if written.contains("status") { break }
            Thread.sleep(forTimeInterval: 0.05)
        }
        XCTAssertTrue(written.contains("rodeloper: interne fout; het programma is gestopt. Alles wat u had bevestigd, is opgeslagen."), written)
        XCTAssertTrue(written.contains("status 132"), "128 + SIGILL: \(written)")
        assertNoBacktrace(written)
        XCTAssertLessThan(written.count, 200, written)
    }
}
