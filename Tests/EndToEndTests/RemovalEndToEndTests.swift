import Foundation
import XCTest

/// Removing what was made by mistake and giving the day an action was done, through tmux on the
/// real binary; what is on disk after a restart is what the coach confirmed.
final class RemovalEndToEndTests: XCTestCase {
    func testAnActionAndAContactRemovedAndAPastDoneDaySurviveARestart() throws {
        let binary = try rodeloperBinary()
        let tmux = try Tmux(self)
        let directory = temporaryDataDirectory(self)
        let command = "env LANG=C.UTF-8 TERM=xterm-256color \(binary) --data-dir \(directory)"
        try tmux.start("rm", command)
        try tmux.waitFor("rm", "the welcome screen") { $0.contains("Welkom bij Rode Loper") }
        try tmux.keys("rm", "Escape", "Enter", "n")
        try tmux.waitFor("rm", "the name dialog") { $0.contains("Nieuwe jongere") }
        try tmux.text("rm", "Sem Weg")
        try tmux.keys("rm", "Enter")
        try tmux.waitFor("rm", "the profile") { $0.contains("Caseload › Sem Weg") && $0.contains("Start (gevonden op)") }

        // Two actions, one made by mistake.
        try tmux.keys("rm", "a")
        try tmux.waitFor("rm", "the actions") { $0.contains("Nog geen acties") }
        for what in ["Per ongeluk gemaakt", "Cv afmaken"] {
            try tmux.keys("rm", "n")
            try tmux.waitFor("rm", "a new action") { $0.contains("Nieuwe actie") }
            try tmux.text("rm", what)
            try tmux.keys("rm", "Enter", "Escape")
            try tmux.waitFor("rm", "the action in the list") { $0.contains("Acties:") && $0.contains(what) }
        }
        try tmux.keys("rm", "Home", "d")
        try tmux.waitFor("rm", "the question naming the action") { $0.contains("Actie \"Per ongeluk gemaakt\" (coach) verwijderen?") }
        try tmux.keys("rm", "j")
        try tmux.waitFor("rm", "the action gone") { !$0.contains("Per ongeluk") && $0.contains("Cv afmaken") && $0.contains("1 open") }

        // Done three days ago, recorded today.
        try tmux.keys("rm", "x")
        try tmux.waitFor("rm", "the day asked, today filled in") { $0.contains("Actie gedaan") && $0.contains(dayFromToday(0)) }
        try tmux.keys("rm", "C-u")
        try tmux.text("rm", dayFromToday(-3))
        try tmux.keys("rm", "Enter")
        try tmux.waitFor("rm", "the action done on its day") { $0.contains("[x]") && $0.contains("Gedaan op \(dayFromToday(-3))") }

        // Two contacts, the later one by mistake.
        try tmux.keys("rm", "Escape", "g")
        try tmux.waitFor("rm", "the kinds of contact") { $0.contains("Face to face thuis") }
        try tmux.keys("rm", "Enter", "Escape", "g")
        try tmux.waitFor("rm", "the kinds of contact again") { $0.contains("Face to face op straat") }
        try tmux.keys("rm", "Down", "Enter", "Escape", "l")
        try tmux.waitFor("rm", "the journal with both") { $0.contains("Contactjournaal: 2 regels") }
        try tmux.keys("rm", "d")
        try tmux.waitFor("rm", "the question naming the contact") { $0.contains("Face to face op straat") && $0.contains("verwijderen?") }
        try tmux.keys("rm", "j")
        try tmux.waitFor("rm", "one contact left") { $0.contains("Contactjournaal: 1 regel") && !$0.contains("straat") }
        try tmux.keys("rm", "C-c")
        tmux.waitUntilGone("rm")

        // Started again: the screens and the file say the same.
        try tmux.start("again", command)
        try tmux.waitFor("again", "the caseload") { $0.contains("Sem Weg") }
        try tmux.keys("again", "Enter", "a")
        try tmux.waitFor("again", "the actions after the restart") { $0.contains("Cv afmaken") && $0.contains("0 open") }
        XCTAssertFalse(try tmux.screen("again").contains("Per ongeluk"))
        try tmux.keys("again", "C-c")
        tmux.waitUntilGone("again")

        let files = try FileManager.default.contentsOfDirectory(atPath: directory + "/youths").filter { $0.hasSuffix(".json") }
        XCTAssertEqual(files.count, 1)
        let file = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: directory + "/youths/" + files[0])))
        let youth = try XCTUnwrap((file as? [String: Any])?["youth"] as? [String: Any])
        let actions = try XCTUnwrap(youth["actions"] as? [[String: Any]])
        XCTAssertEqual(actions.map { $0["what"] as? String }, ["Cv afmaken"])
        XCTAssertEqual(actions[0]["status"] as? String, "done")
        let parts = dayFromToday(-3).split(separator: "-")
        XCTAssertEqual(actions[0]["closedOn"] as? String, "\(parts[2])-\(parts[1])-\(parts[0])")
        let journal = try XCTUnwrap(youth["journal"] as? [[String: Any]])
        XCTAssertEqual(journal.map { $0["kind"] as? String }, ["atHome"])
    }
}
