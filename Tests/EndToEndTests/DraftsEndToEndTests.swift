import Foundation
import XCTest

/// The real binary: a draft kept for later survives a kill and two restarts and opens with its
/// text; a terminal that cannot place the cursor and a data directory behind a file are refused
/// with a message and a non-zero exit.
final class DraftsEndToEndTests: XCTestCase {
    private func waitForDraft(in directory: String, containing text: String) throws {
        let deadline = Date().addingTimeInterval(15)
        while Date() < deadline {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: directory + "/drafts")) ?? []
            if names.contains(where: { name in
                !name.hasPrefix(".") && ((try? String(contentsOfFile: directory + "/drafts/" + name, encoding: .utf8))?.contains(text) ?? false)
            }) { return }
            Thread.sleep(forTimeInterval: 0.05)
        }
        XCTFail("no draft with \(text) was written")
    }

    func testADraftKeptForLaterIsThereWhenThePartIsOpenedAfterAKill() throws {
        let binary = try rodeloperBinary()
        let tmux = try Tmux(self)
        let directory = temporaryDataDirectory(self)
        XCTAssertEqual(try runProcess(binary, ["--data-dir", directory, "demo"]).status, 0)
        let run = "exec env LANG=C.UTF-8 TERM=tmux-256color \(binary) --data-dir \(directory)"
        let openGoal = { (session: String) in
            try tmux.keys(session, "/")
            try tmux.text(session, "jesse")
            try tmux.keys(session, "Enter")
            try tmux.waitFor(session, "Jesse's dossier") { $0.contains("Caseload › Jesse Testman") }
            try tmux.keys(session, "p")
            try tmux.waitFor(session, "the plan") { $0.contains("Veranderplan") && $0.contains("Doel voor dagbesteding") }
            try tmux.keys(session, "Enter")
        }

        try tmux.start("typing", run)
        try tmux.waitFor("typing", "the caseload") { $0.contains("Jesse Testman") }
        try openGoal("typing")
        try tmux.text("typing", " Halverwege gestopt")
        try waitForDraft(in: directory, containing: "Halverwege gestopt")
        XCTAssertEqual(kill(try programPID(for: directory), SIGKILL), 0)
        tmux.waitUntilGone("typing")

        // Restarted: the draft is offered; the coach keeps it for later and quits.
        try tmux.start("later", run)
        try tmux.waitFor("later", "the offer") { $0.contains("Niet bevestigde tekst") && $0.contains("Jesse Testman") }
        try tmux.keys("later", "Escape")
        try tmux.waitFor("later", "the caseload") { !$0.contains("Niet bevestigde tekst") && $0.contains("Jesse Testman") }
        try tmux.keys("later", "q")
        tmux.waitUntilGone("later")

        // Restarted again: later once more, then the coach opens the part itself.
        try tmux.start("open", run)
        try tmux.waitFor("open", "the offer again") { $0.contains("Niet bevestigde tekst") }
        try tmux.keys("open", "Escape")
        try tmux.waitFor("open", "the caseload") { !$0.contains("Niet bevestigde tekst") && $0.contains("Jesse Testman") }
        try openGoal("open")
        let screen = try tmux.waitFor("open", "the draft in the editor") { $0.contains("Halverwege gestopt") }
        XCTAssertTrue(screen.contains("teruggezet"), screen)
        // Tab confirms the part and opens the next one for typing; Esc leaves that one unchanged.
        try tmux.keys("open", "Tab")
        try tmux.waitFor("open", "the next part open") { $0.contains("Ctrl-S bewaar") && !$0.contains("teruggezet") }
        try tmux.keys("open", "Escape")
        try tmux.waitFor("open", "the part confirmed") { !$0.contains("teruggezet") && $0.contains("Halverwege gestopt") }
        try tmux.keys("open", "C-c")
        tmux.waitUntilGone("open")
        XCTAssertEqual((try? FileManager.default.contentsOfDirectory(atPath: directory + "/drafts"))?.filter { !$0.hasPrefix(".") }, [],
                       "confirmed: the draft is gone")
        let exported = try runProcess(binary, ["--data-dir", directory, "export", "--format", "json"])
        XCTAssertTrue(exported.stdout.contains("Halverwege gestopt"), "saved in the dossier")
    }

    func testATerminalWithoutCursorAddressingGetsAMessageAndAnExitStatus() throws {
        let binary = try rodeloperBinary()
        let tmux = try Tmux(self)
        let directory = temporaryDataDirectory(self)
        try tmux.start("dumb", "env LANG=C.UTF-8 TERM=dumb \(binary) --data-dir \(directory); echo status=$?; sleep 30")
        let screen = try tmux.waitFor("dumb", "the message and the status") { $0.contains("status=") }
        XCTAssertTrue(screen.contains("kan de cursor niet verplaatsen"), screen)
        XCTAssertTrue(screen.contains("status=1"), screen)
    }

    func testADataDirectoryBehindAFileGetsAMessageAndAnExitStatus() throws {
        let binary = try rodeloperBinary()
        let folder = temporaryDataDirectory(self)
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let file = folder + "/gewoon-bestand"
        try Data("x".utf8).write(to: URL(fileURLWithPath: file))
        for (arguments, environment, setting) in [([String](), ["XDG_DATA_HOME": file], "XDG_DATA_HOME"),
                                                  (["--data-dir", file], [:], "--data-dir"),
                                                  (["--data-dir", file + "/sub", "export", "--format", "json"], [:], "--data-dir")] {
            let result = try runProcess(binary, arguments, environment: environment)
            XCTAssertEqual(result.status, 1, "\(arguments)")
            XCTAssertTrue(result.stderr.contains("\(file) is een bestand, geen map"), result.stderr)
            XCTAssertTrue(result.stderr.contains(setting), result.stderr)
        }
        XCTAssertEqual(try String(contentsOfFile: file, encoding: .utf8), "x", "the file is left alone")
    }
}
