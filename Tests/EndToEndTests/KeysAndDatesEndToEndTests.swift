import Foundation
import XCTest

/// Keys as real terminals send them, and work recorded afterwards, through tmux.
final class KeysAndDatesEndToEndTests: XCTestCase {
    /// A fresh data directory under `term`: past the welcome (name question skipped) to a new
    /// youth's profile. Returns tmux and the directory.
    private func newYouth(_ name: String, session: String, term: String) throws -> (Tmux, String) {
        let binary = try rodeloperBinary()
        let tmux = try Tmux(self)
        let directory = temporaryDataDirectory(self)
        try tmux.start(session, "env LANG=C.UTF-8 TERM=\(term) \(binary) --data-dir \(directory)")
        try tmux.waitFor(session, "the welcome screen") { $0.contains("Welkom bij Rode Loper") }
        try tmux.keys(session, "Escape", "Enter", "n")
        try tmux.waitFor(session, "the name dialog") { $0.contains("Nieuwe jongere") }
        try tmux.text(session, name)
        try tmux.keys(session, "Enter")
        try tmux.waitFor(session, "the profile") { $0.contains("Caseload › \(name)") && $0.contains("Start (gevonden op)") }
        return (tmux, directory)
    }

    /// tmux sends End as `ESC [4~` and Home as `ESC [1~`, which the xterm-256color entry does
    /// not list: before, the program read Esc plus letters and End left the screen.
    func testEndAndHomeUnderXtermMoveAndLeaveNothing() throws {
        let (tmux, _) = try newYouth("Sem Toets", session: "keys", term: "xterm-256color")

        try tmux.keys("keys", "End", "Up", "Up", "Enter")
        try tmux.waitFor("keys", "End selected the last field, two above it the phase") { $0.contains("Match & wrap-around") && $0.contains("Enter kies") }
        try tmux.keys("keys", "Escape", "Home", "Enter")
        try tmux.keys("keys", "End")
        try tmux.text("keys", "!")
        try tmux.keys("keys", "Enter")
        try tmux.waitFor("keys", "Home selected the name, End moved the cursor in it") { $0.contains("Caseload › Sem Toets!") }

        try tmux.keys("keys", "p")
        try tmux.waitFor("keys", "the plan") { $0.contains("Veranderplan") }
        try tmux.keys("keys", "Enter")
        try tmux.text("keys", "abc")
        try tmux.keys("keys", "Home")
        try tmux.text("keys", "X")
        try tmux.keys("keys", "End")
        try tmux.text("keys", "Y")
        try tmux.keys("keys", "Tab", "Escape")
        let plan = try tmux.waitFor("keys", "the confirmed part") { $0.contains("XabcY") && $0.contains("gewijzigd") }
        XCTAssertFalse(plan.contains("weggooien"), "End never reads as Esc: no question to throw the text away\n\(plan)")
        try tmux.keys("keys", "C-c")
        tmux.waitUntilGone("keys")
    }

    /// A case found on 01-02-2025 and moved to quick scan on 03-03-2025, recorded today.
    func testACaseRecordedAfterwardsKeepsItsDatesInTheHistoryAndTheExport() throws {
        let (tmux, directory) = try newYouth("Noa Later", session: "dates", term: "tmux-256color")
        for _ in 0..<7 { try tmux.keys("dates", "Down") }
        try tmux.keys("dates", "Enter", "C-u")
        try tmux.text("dates", "01-02-2025")
        try tmux.keys("dates", "Enter")
        try tmux.waitFor("dates", "the start moved") { $0.contains("01-02-2025  start in Scout") }
        try tmux.keys("dates", "v")
        try tmux.waitFor("dates", "the date question") { $0.contains("Fase wijzigen") && $0.contains("Datum (dd-mm-jjjj)") }
        try tmux.keys("dates", "C-u")
        try tmux.text("dates", "03-03-2025")
        try tmux.keys("dates", "Enter")
        try tmux.waitFor("dates", "both dates in the history") {
            $0.contains("03-03-2025  Scout → Quick scan") && $0.contains("01-02-2025  start in Scout")
        }
        try tmux.keys("dates", "C-c")
        tmux.waitUntilGone("dates")

        let export = try runProcess(try rodeloperBinary(), ["--data-dir", directory, "export", "--format", "json"])
        XCTAssertEqual(export.status, 0, export.stderr)
        XCTAssertTrue(export.stdout.contains("\"2025-02-01\"") && export.stdout.contains("\"2025-03-03\""), export.stdout)
    }

    /// The quick scan's texts are written over several lines and flow with Tab, as a coach types
    /// them: type, Enter for a new line, Tab to the next text, Tab through a list.
    func testQuickScanTextsTakeSeveralLinesAndTabFlowsOn() throws {
        let (tmux, directory) = try newYouth("Mila Scan", session: "scan", term: "xterm-256color")
        try tmux.keys("scan", "s")
        try tmux.waitFor("scan", "the quick scan with its sections") { $0.contains("Beeld van de jongere") && $0.contains("Situatie per leefgebied") }
        try tmux.keys("scan", "Enter")
        try tmux.text("scan", "Wil kapper worden")
        try tmux.keys("scan", "Enter")
        try tmux.text("scan", "en een eigen zaak")
        try tmux.keys("scan", "Tab")
        try tmux.waitFor("scan", "the next text open for writing") { $0.contains("Wensen en interesses") && $0.contains("Ctrl-S") }
        try tmux.text("scan", "Stage in een salon")
        try tmux.keys("scan", "Tab", "Escape")
        try tmux.waitFor("scan", "both texts on their rows") { $0.contains("Wil kapper worden ¶ en een eigen zaak") && $0.contains("Stage in een salon") }
        try tmux.keys("scan", "C-c")
        tmux.waitUntilGone("scan")

        let export = try runProcess(try rodeloperBinary(), ["--data-dir", directory, "export", "--format", "json"])
        XCTAssertEqual(export.status, 0, export.stderr)
        XCTAssertTrue(export.stdout.contains(#""motivation" : "Wil kapper worden\nen een eigen zaak""#), export.stdout)
        XCTAssertTrue(export.stdout.contains(#""wishes" : "Stage in een salon""#), export.stdout)
    }
}
