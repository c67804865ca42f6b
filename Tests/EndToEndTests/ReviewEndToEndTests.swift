import Foundation
import XCTest

/// The weekly review of the demo caseload, from the keyboard alone: the connection drops halfway
/// (in the middle of a note), the review resumes where it stopped, and the summary that
/// `rodeloper review` prints holds every note that was typed, byte for byte the export.
final class ReviewEndToEndTests: XCTestCase {
    private func launch(_ binary: String, _ directory: String) -> String {
        "env LANG=C.UTF-8 TERM=tmux-256color \(binary) --data-dir \(directory)"
    }

    /// The youth's name in the heading of page `page` of 11 on `screen`.
    private func name(on screen: String, page: Int) throws -> String {
        let heading = try XCTUnwrap(screen.split(separator: "\n").first { $0.contains("  ·  \(page)/11  ·  ") })
        let rest = try XCTUnwrap(heading.components(separatedBy: "  ·  \(page)/11  ·  ").last)
        return try XCTUnwrap(rest.components(separatedBy: "  ").first)
    }

    /// Writes the note and the next step of the page on screen and goes on: Enter, note, Tab,
    /// next step, Enter, →.
    private func review(_ tmux: Tmux, _ session: String, page: Int, of pages: Int) throws {
        try tmux.waitFor(session, "page \(page)") { $0.contains("  ·  \(page)/\(pages)  ·  ") && $0.contains("Notitie") }
        try tmux.keys(session, "Enter")
        try tmux.text(session, "Notitie bij pagina \(page).")
        try tmux.keys(session, "Tab")
        try tmux.waitFor(session, "the next step open") { $0.contains("Enter bevestig") }
        try tmux.text(session, "Stap \(page)")
        try tmux.keys(session, "Enter")
        try tmux.waitFor(session, "both saved") { $0.contains("Stap \(page)") && $0.contains("→ besproken") }
        try tmux.keys(session, "Right")
    }

    /// At 80x24 Jesse's page is taller than the window: it scrolls to its last line with ▲▼ marks.
    /// Paging with PgDn to look marks nothing ("4 besproken" stays); → marks the page discussed.
    func testAt80x24ThePageScrollsAndPgDnLooksWithoutMarkingWhileRightMarks() throws {
        let binary = try rodeloperBinary()
        let tmux = try Tmux(self)
        let directory = temporaryDataDirectory(self)
        let demo = try runProcess(binary, ["--data-dir", directory, "demo"])
        XCTAssertEqual(demo.status, 0, demo.stderr)

        try tmux.start("look", width: 80, height: 24, launch(binary, directory))
        try tmux.waitFor("look", "the caseload") { $0.contains("Jesse Testman") }
        try tmux.keys("look", "r")
        let fifth = try tmux.waitFor("look", "the review on page 5") { $0.contains("  ·  5/11  ·  ") && $0.contains("4 besproken") }
        try tmux.keys("look", "PageUp", "PageUp", "PageUp", "PageUp")
        let top = try tmux.waitFor("look", "Jesse's page, its top") { $0.contains("1/11  ·  Jesse Testman") && $0.contains("Aanleiding") }
        XCTAssertTrue(top.contains("\n▼") && !top.contains("Volgend overleg") && !top.contains("maak het venster hoger"), top)
        XCTAssertTrue(top.contains("4 besproken"), "PgUp looked back without marking: \(top)")
        for _ in 0..<5 { try tmux.keys("look", "Down", "j") }
        let end = try tmux.waitFor("look", "Jesse's page scrolled to its end") { $0.contains("Volgend overleg: ") && $0.contains("\n▲") }
        XCTAssertTrue(end.contains("ZRM 1-meting") && end.contains("Oom Karim"), end)
        XCTAssertFalse(end.contains("\n▼"), "nothing left below: \(end)")
        try tmux.keys("look", "Home")
        try tmux.waitFor("look", "back at the top") { $0.contains("Aanleiding") && $0.contains("\n▼") }

        for _ in 0..<5 { try tmux.keys("look", "PageDown") }
        let sixth = try tmux.waitFor("look", "page 6, looked at") { $0.contains("  ·  6/11  ·  ") && $0.contains("4 besproken") }
        try tmux.keys("look", "Right")
        try tmux.waitFor("look", "page 6 discussed, on to 7") { $0.contains("  ·  7/11  ·  ") && $0.contains("5 besproken") }
        try tmux.keys("look", "q", "q")
        tmux.waitUntilGone("look")

        let text = try runProcess(binary, ["--data-dir", directory, "review"])
        XCTAssertEqual(text.status, 0, text.stderr)
        XCTAssertTrue(text.stdout.contains("Besproken: 5 van 11 jongeren"), text.stdout)
        let looked = try name(on: fifth, page: 5), discussed = try name(on: sixth, page: 6)
        XCTAssertTrue(text.stdout.contains("\(looked) (nog niet besproken)"), "page 5 was only looked at: \(text.stdout)")
        XCTAssertTrue(text.stdout.contains("\(discussed)\n") && !text.stdout.contains("\(discussed) (nog niet besproken)"),
                      "page 6 was discussed: \(text.stdout)")
    }

    func testAFullReviewOfTheDemoInterruptedHalfwayResumesAndTheSummaryHoldsEveryNote() throws {
        let binary = try rodeloperBinary()
        let tmux = try Tmux(self)
        let directory = temporaryDataDirectory(self)
        let demo = try runProcess(binary, ["--data-dir", directory, "demo"])
        XCTAssertEqual(demo.status, 0, demo.stderr)

        try tmux.start("review", width: 100, height: 30, launch(binary, directory))
        try tmux.waitFor("review", "the caseload") { $0.contains("Jesse Testman") }
        try tmux.keys("review", "r")
        let first = try tmux.waitFor("review", "the demo's half-finished review") { $0.contains("Weekbespreking") && $0.contains("4 besproken") }
        XCTAssertTrue(first.contains("  ·  5/11  ·  "), first)
        for page in 5...7 { try review(tmux, "review", page: page, of: 11) }

        // Page 8: half a note typed, then the connection drops.
        try tmux.waitFor("review", "page 8") { $0.contains("8/11") }
        try tmux.keys("review", "Enter")
        try tmux.text("review", "Onderbroken notitie")
        try tmux.waitFor("review", "the note being typed") { $0.contains("Onderbroken notitie") && $0.contains("Ctrl-S") }
        try tmux.command(["kill-session", "-t", "review"])
        tmux.waitUntilGone("review")
        waitUntilNoProgram(for: directory)

        try tmux.start("again", width: 100, height: 30, launch(binary, directory))
        try tmux.waitFor("again", "the unconfirmed note offered back") { $0.contains("Niet bevestigde tekst") && $0.contains("weekbespreking") }
        try tmux.keys("again", "Enter")
        try tmux.waitFor("again", "page 8 with the note back") { $0.contains("8/11") && $0.contains("Onderbroken notitie") }
        try tmux.keys("again", "Tab")
        try tmux.waitFor("again", "the next step open") { $0.contains("Enter bevestig") }
        try tmux.keys("again", "Enter", "Right")
        for page in 9...11 { try review(tmux, "again", page: page, of: 11) }
        try tmux.waitFor("again", "the end of the review") { $0.contains("Alle 11 besproken") }
        try tmux.keys("again", "e")
        try tmux.waitFor("again", "the summary exported") { $0.contains("Samenvatting opgeslagen") }
        try tmux.keys("again", "q")
        try tmux.waitFor("again", "the caseload") { $0.contains("weekbespreking") && !$0.contains("Aanleiding") }

        // Started again: the review opens on its last page, everything discussed.
        try tmux.keys("again", "r")
        try tmux.waitFor("again", "the finished review") { $0.contains("11/11") && $0.contains("alle 11 besproken") }
        try tmux.keys("again", "q", "q")
        tmux.waitUntilGone("again")

        let text = try runProcess(binary, ["--data-dir", directory, "review"])
        XCTAssertEqual(text.status, 0, text.stderr)
        for page in [5, 6, 7, 9, 10, 11] {
            XCTAssertTrue(text.stdout.contains("Notitie bij pagina \(page).") && text.stdout.contains("Stap \(page)"), "page \(page):\n\(text.stdout)")
        }
        XCTAssertTrue(text.stdout.contains("Onderbroken notitie"), "the note typed before the drop")
        XCTAssertTrue(text.stdout.contains("Schuldhulp staat nog niet op de lijst"), "the demo's notes of the first pages")
        XCTAssertTrue(text.stdout.contains("Besproken: 11 van 11 jongeren"), text.stdout)
        XCTAssertFalse(text.stdout.contains("nog niet besproken"))

        let markdown = try runProcess(binary, ["--data-dir", directory, "review", "--format", "markdown"])
        let files = try FileManager.default.contentsOfDirectory(atPath: directory + "/exports")
        let exported = try XCTUnwrap(files.first { $0.hasPrefix("weekbespreking-") && $0.hasSuffix(".md") }, "\(files)")
        XCTAssertEqual(try String(contentsOfFile: directory + "/exports/" + exported, encoding: .utf8), markdown.stdout,
                       "the screen's export and rodeloper review are byte for byte the same")
        let week = String(exported.dropFirst("weekbespreking-".count).dropLast(3))
        let byWeek = try runProcess(binary, ["--data-dir", directory, "review", "--format", "text", "--week", week])
        XCTAssertEqual(byWeek.stdout, text.stdout)
        let wrong = try runProcess(binary, ["--data-dir", directory, "review", "--week", "2026-W99"])
        XCTAssertEqual(wrong.status, 2)
        XCTAssertTrue(wrong.stderr.contains("Onbekende week"), wrong.stderr)
    }
}
