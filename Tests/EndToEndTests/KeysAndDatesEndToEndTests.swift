import Foundation
import XCTest

/// Keys as real terminals send them, and work recorded afterwards, through tmux.
final class KeysAndDatesEndToEndTests: XCTestCase {
    /// tmux sends End as `ESC [4~` and Home as `ESC [1~`, which the xterm-256color entry does
    /// not list: before, the program read Esc plus letters and End left the screen.
    func testEndAndHomeUnderXtermMoveAndLeaveNothing() throws {
        let binary = try rodeloperBinary()
        let tmux = try Tmux(self)
        let directory = temporaryDataDirectory(self)
        try tmux.start("keys", "env LANG=C.UTF-8 TERM=xterm-256color \(binary) --data-dir \(directory)")
        try tmux.waitFor("keys", "the welcome screen") { $0.contains("Welkom bij Rode Loper") }
        try tmux.keys("keys", "Escape", "Enter", "n")
        try tmux.waitFor("keys", "the name dialog") { $0.contains("Nieuwe jongere") }
        try tmux.text("keys", "Sem Toets")
        try tmux.keys("keys", "Enter")
        try tmux.waitFor("keys", "his profile") { $0.contains("Caseload › Sem Toets") }

        try tmux.keys("keys", "End", "Enter")
        try tmux.waitFor("keys", "End selected the last field, the phase") { $0.contains("Match & wrap-around") && $0.contains("Enter kies") }
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
        try tmux.keys("keys", "Tab")
        let plan = try tmux.waitFor("keys", "the confirmed part") { $0.contains("XabcY") && $0.contains("gewijzigd") }
        XCTAssertFalse(plan.contains("weggooien"), "End never reads as Esc: no question to throw the text away\n\(plan)")
        try tmux.keys("keys", "C-c")
        tmux.waitUntilGone("keys")
    }

    /// A case found on 01-02-2025 and moved to quick scan on 03-03-2025, recorded today.
    func testACaseRecordedAfterwardsKeepsItsDatesInTheHistoryAndTheExport() throws {
        let binary = try rodeloperBinary()
        let tmux = try Tmux(self)
        let directory = temporaryDataDirectory(self)
        try tmux.start("dates", "env LANG=C.UTF-8 TERM=tmux-256color \(binary) --data-dir \(directory)")
        try tmux.waitFor("dates", "the welcome screen") { $0.contains("Welkom bij Rode Loper") }
        try tmux.keys("dates", "Escape", "Enter", "n")
        try tmux.waitFor("dates", "the name dialog") { $0.contains("Nieuwe jongere") }
        try tmux.text("dates", "Noa Later")
        try tmux.keys("dates", "Enter")
        try tmux.waitFor("dates", "her profile") { $0.contains("Start (gevonden op)") }
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

        let export = try runProcess(binary, ["--data-dir", directory, "export", "--format", "json"])
        XCTAssertEqual(export.status, 0, export.stderr)
        XCTAssertTrue(export.stdout.contains("\"2025-02-01\"") && export.stdout.contains("\"2025-03-03\""), export.stdout)
    }
}
