import Foundation
import XCTest

/// Typing is text, through the real terminal: escape sequences swallowed whole, Tab flowing
/// from text to text, pasted line ends.
final class TypingEndToEndTests: XCTestCase {
    private func start(_ session: String) throws -> (Tmux, String) {
        let binary = try rodeloperBinary()
        let tmux = try Tmux(self)
        let directory = temporaryDataDirectory(self)
        try tmux.start(session, "env LANG=C.UTF-8 TERM=xterm-256color \(binary) --data-dir \(directory)")
        try tmux.waitFor(session, "the welcome screen") { $0.contains("Welkom bij Rode Loper") }
        try tmux.keys(session, "Escape", "Enter", "n")
        try tmux.waitFor(session, "the name dialog") { $0.contains("Nieuwe jongere") }
        return (tmux, directory)
    }

    private func exported(_ directory: String) throws -> String {
        let export = try runProcess(try rodeloperBinary(), ["--data-dir", directory, "export", "--format", "json"])
        XCTAssertEqual(export.status, 0, export.stderr)
        return export.stdout
    }

    /// An OSC (a window title) and an unknown CSI typed or pasted into a name: before, the Esc
    /// cancelled the prompt and the `n` after it opened a new one.
    func testAnEscapeBurstInANameIsSwallowedWhole() throws {
        let (tmux, directory) = try start("burst")
        try tmux.text("burst", "Sem\u{1B}]0;nieuwe titel\u{07} de\u{1B}[99~ Vries\u{1B}]2;x\u{1B}\\n")
        try tmux.waitFor("burst", "the whole name in the field") { $0.contains("Naam: Sem de Vriesn") }
        try tmux.keys("burst", "Enter")
        let profile = try tmux.waitFor("burst", "the profile") { $0.contains("Caseload › Sem de Vriesn") }
        XCTAssertFalse(profile.contains("Nieuwe jongere"), "no new prompt opened\n\(profile)")
        // A lone Esc still cancels.
        try tmux.keys("burst", "Escape")
        try tmux.waitFor("burst", "back on the caseload") { $0.contains("1 jongere") && !$0.contains("Caseload › Sem") }
        try tmux.keys("burst", "C-c")
        tmux.waitUntilGone("burst")
        let export = try exported(directory)
        XCTAssertTrue(export.contains(#""name" : "Sem de Vriesn""#), export)
        XCTAssertEqual(export.components(separatedBy: "\"name\" : ").count, 2, "one youth, no second one made\n\(export)")
    }

    /// Alt-j (Esc j in one burst, as Alt or Mac Option as Meta sends it) in a plan part: before, the
    /// Esc asked to throw the text away and the j said yes. Alt-n in the name prompt opened a new one.
    func testAnAltKeyIsSwallowedAndTheTextStays() throws {
        let (tmux, directory) = try start("alt")
        try tmux.text("alt", "Mia Alt")
        try tmux.keys("alt", "M-n")
        try tmux.text("alt", "\u{1B}n")
        try tmux.keys("alt", "Enter")
        try tmux.waitFor("alt", "the profile") { $0.contains("Caseload › Mia Alt") }
        try tmux.keys("alt", "p", "Enter")
        try tmux.waitFor("alt", "the goal open for typing") { $0.contains("Ctrl-S") }
        try tmux.text("alt", "mijn doel")
        try tmux.keys("alt", "M-j")
        try tmux.text("alt", "\u{1B}j")
        try tmux.text("alt", " blijft")
        try tmux.waitFor("alt", "the text after the Alt-keys") { $0.contains("mijn doel blijft") }
        // A lone Esc still asks; n keeps writing.
        try tmux.keys("alt", "Escape")
        try tmux.waitFor("alt", "the question") { $0.contains("weggooien?") }
        try tmux.keys("alt", "n")
        try tmux.keys("alt", "Tab", "Escape")
        try tmux.waitFor("alt", "the plan's page") { $0.contains("gewijzigd") }
        try tmux.keys("alt", "C-c")
        tmux.waitUntilGone("alt")
        let export = try exported(directory)
        XCTAssertTrue(export.contains(#""goal" : "mijn doel blijft""#), export)
        XCTAssertEqual(export.components(separatedBy: "\"name\" : ").count, 2, "one youth, no second one made\n\(export)")
    }

    /// Shift-Tab on the plan's first part stays in it (before, it closed the editor and the `e`
    /// typed next wrote an export).
    func testShiftTabOnTheFirstPartKeepsTheCoachWriting() throws {
        let (tmux, directory) = try start("first")
        try tmux.text("first", "Ben Eerst")
        try tmux.keys("first", "Enter")
        try tmux.waitFor("first", "the profile") { $0.contains("Caseload › Ben Eerst") }
        try tmux.keys("first", "p", "Enter")
        try tmux.waitFor("first", "the goal open for typing") { $0.contains("Ctrl-S") }
        try tmux.text("first", "doel")
        try tmux.keys("first", "BTab")
        try tmux.waitFor("first", "the notice that this is the first text") { $0.contains("eerste tekst") }
        try tmux.text("first", " en e a v")
        try tmux.waitFor("first", "the letters in the goal") { $0.contains("doel en e a v") }
        try tmux.keys("first", "Tab", "Escape")
        try tmux.waitFor("first", "the plan's page") { $0.contains("gewijzigd") }
        try tmux.keys("first", "C-c")
        tmux.waitUntilGone("first")
        let export = try exported(directory)
        XCTAssertTrue(export.contains(#""goal" : "doel en e a v""#), export)
        XCTAssertFalse(export.contains(#""what""#), "no action made\n\(export)")
        XCTAssertFalse(FileManager.default.fileExists(atPath: directory + "/exports"), "nothing exported")
    }

    /// Tab through every part of the plan, typing letters that are commands on the plan's page
    /// (export, actions, new, next phase, back, versions): nothing but the texts changes.
    func testTabThroughAllPlanPartsTypingCommandLettersChangesOnlyText() throws {
        let (tmux, directory) = try start("flow")
        try tmux.text("flow", "Noa Flow")
        try tmux.keys("flow", "Enter")
        try tmux.waitFor("flow", "the profile") { $0.contains("Caseload › Noa Flow") }
        try tmux.keys("flow", "p")
        try tmux.waitFor("flow", "the plan") { $0.contains("Veranderplan") && $0.contains("nog niet geschreven") }
        try tmux.keys("flow", "Enter")
        for part in 1...7 {
            try tmux.text("flow", "deel \(part) e a n v q h x d")
            try tmux.keys("flow", "Tab")
        }
        try tmux.waitFor("flow", "the strategy's list after the last part") { $0.contains("faciliteren") }
        try tmux.keys("flow", "Escape")
        try tmux.waitFor("flow", "the plan's page") { $0.contains("gewijzigd") && $0.contains("deel 7 e a n v q h x d") }
        try tmux.keys("flow", "C-c")
        tmux.waitUntilGone("flow")

        let export = try exported(directory)
        for (key, part) in ["goal", "mattersMost", "youthDoes", "canLearn", "networkDoes", "takenOver", "remember"].enumerated().map({ ($1, $0 + 1) }) {
            XCTAssertTrue(export.contains(#""\#(key)" : "deel \#(part) e a n v q h x d""#), "\(key)\n\(export)")
        }
        XCTAssertFalse(export.contains(#""what""#), "no action made\n\(export)")
        XCTAssertTrue(export.contains(#""phase" : "scout""#), "the phase did not move\n\(export)")
        XCTAssertFalse(FileManager.default.fileExists(atPath: directory + "/exports"), "nothing exported")
    }

    /// A paste with CRLF line ends (bracketed, and typed as one burst) gives one line break per line.
    func testCRLFLineEndsGiveOneLineBreakEach() throws {
        let (tmux, directory) = try start("crlf")
        try tmux.text("crlf", "Lot Plak")
        try tmux.keys("crlf", "Enter")
        try tmux.waitFor("crlf", "the profile") { $0.contains("Caseload › Lot Plak") }
        try tmux.keys("crlf", "p", "Enter")
        try tmux.waitFor("crlf", "the goal open for typing") { $0.contains("Ctrl-S") }
        try tmux.text("crlf", "een\r\ntwee\r\n")
        try tmux.command(["set-buffer", "drie\r\nvier"])
        try tmux.command(["paste-buffer", "-p", "-r", "-t", "crlf"])
        try tmux.waitFor("crlf", "the pasted lines") { $0.contains("vier") }
        try tmux.keys("crlf", "Tab", "Escape")
        try tmux.waitFor("crlf", "the plan's page") { $0.contains("gewijzigd") }
        try tmux.keys("crlf", "C-c")
        tmux.waitUntilGone("crlf")
        let export = try exported(directory)
        XCTAssertTrue(export.contains(#""goal" : "een\ntwee\ndrie\nvier""#), export)
    }
}
