import Foundation
import XCTest

/// The hint line names only keys of the state, through tmux on the real binary: an empty list
/// names no Enter, an empty action list no x or c, a done action's x is named "heropen", and a
/// hint line too long for 60 columns ends in "… ? help".
final class HintsEndToEndTests: XCTestCase {
    func testTheHintLineFollowsTheStateAt60x16() throws {
        let binary = try rodeloperBinary()
        let tmux = try Tmux(self)
        let directory = temporaryDataDirectory(self)
        let command = "env LANG=C.UTF-8 TERM=xterm-256color \(binary) --data-dir \(directory)"
        func hintLine(_ screen: String) -> String { screen.split(separator: "\n", omittingEmptySubsequences: false).dropLast().last.map(String.init) ?? "" }
        try tmux.start("h", width: 60, height: 16, command)
        try tmux.waitFor("h", "the welcome screen") { $0.contains("Welkom bij Rode Loper") }
        try tmux.keys("h", "Escape", "Enter")
        try tmux.waitFor("h", "the empty caseload, no Enter open") { $0.contains("Nog geen jongeren") && !hintLine($0).contains("open") }
        try tmux.keys("h", "n")
        try tmux.waitFor("h", "the name dialog") { $0.contains("Nieuwe jongere") }
        try tmux.text("h", "Sem Leeg")
        try tmux.keys("h", "Enter", "a")
        try tmux.waitFor("h", "no actions, no keys for one") {
            $0.contains("Nog geen acties") && !hintLine($0).contains("gedaan") && !hintLine($0).contains("Enter")
        }
        try tmux.keys("h", "n")
        try tmux.waitFor("h", "a new action") { $0.contains("Nieuwe actie") }
        try tmux.text("h", "Cv afmaken")
        try tmux.keys("h", "Enter")
        try tmux.waitFor("h", "the saved action titled as one") { !$0.contains("Nieuwe actie") && $0.contains("Sem Leeg  ·  Actie") }
        try tmux.keys("h", "Escape")
        try tmux.waitFor("h", "the action, x named gedaan") { hintLine($0).contains("x gedaan") && hintLine($0).contains("… ? help") }
        try tmux.keys("h", "x", "Enter")
        try tmux.waitFor("h", "done, x named heropen") { $0.contains("[x]") && hintLine($0).contains("x heropen") }
        try tmux.keys("h", "x")
        try tmux.waitFor("h", "open again") { $0.contains("[ ]") && hintLine($0).contains("x gedaan") }
        try tmux.keys("h", "C-c")
        tmux.waitUntilGone("h")
    }
}
