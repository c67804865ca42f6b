import Foundation
import XCTest

/// Match and coaching on the job with the real binary, as a coach does it: a workplace with its
/// quick scan, a demo youth matched to it, a placement with its agreements, two progress talks,
/// the skills grid and the handout; all of it there after a restart and after a SIGKILL during a
/// save.
final class MatchEndToEndTests: XCTestCase {
    private var binary = ""
    private var directory = ""

    private func exported() throws -> [String: Any] {
        let result = try runProcess(binary, ["--data-dir", directory, "export", "--format", "json"])
        XCTAssertEqual(result.status, 0, result.stderr)
        return try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    }

    private func sem(in export: [String: Any]) throws -> [String: Any] {
        try XCTUnwrap((export["youths"] as? [[String: Any]])?.first { $0["name"] as? String == "Sem Verzonnen" })
    }

    private func workshop(in export: [String: Any]) throws -> [String: Any] {
        try XCTUnwrap((export["workplaces"] as? [[String: Any]])?.first { $0["name"] as? String == "Fietsenwerkplaats Kade" })
    }

    func testAWorkplaceAMatchAPlacementTwoTalksTheGridAndTheHandoutSurviveARestartAndAKill() throws {
        binary = try rodeloperBinary()
        directory = temporaryDataDirectory(self)
        let tmux = try Tmux(self)
        XCTAssertEqual(try runProcess(binary, ["--data-dir", directory, "demo"]).status, 0)
        let run = "exec env LANG=C.UTF-8 TERM=tmux-256color \(binary) --data-dir \(directory)"
        try tmux.start("work", run)
        try tmux.waitFor("work", "the caseload") { $0.contains("Sem Verzonnen") }

        // A workplace with its sector and a quick scan.
        try tmux.keys("work", "w")
        try tmux.waitFor("work", "the workplaces") { $0.contains("Werkplekken") && $0.contains("Bakkerij De Korrel") }
        try tmux.keys("work", "n")
        try tmux.text("work", "Fietsenwerkplaats Kade")
        try tmux.keys("work", "Enter")
        try tmux.waitFor("work", "the new workplace") { $0.contains("Fietsenwerkplaats Kade") && $0.contains("Quick scans") }
        try tmux.keys("work", "Down", "Enter")
        try tmux.text("work", "techniek, fietsen")
        try tmux.keys("work", "Enter")
        try tmux.waitFor("work", "the sector saved") { $0.contains("techniek, fietsen") && $0.contains("s scans") }
        // The kinds of place it offers: a checklist (werkervaringsplek, leerwerkplek).
        try tmux.keys("work", "Down", "Down", "Down", "Down", "Down", "Enter")
        try tmux.waitFor("work", "the kinds to tick") { $0.contains("[ ] werkervaringsplek") }
        try tmux.keys("work", "Down", "Space", "Down", "Down", "Down", "Space", "Enter")
        try tmux.waitFor("work", "the kinds saved") { $0.contains("werkervaringsplek, leerwerkplek") }
        try tmux.keys("work", "s")
        try tmux.waitFor("work", "no scans yet") { $0.contains("Nog geen quick scans") }
        try tmux.keys("work", "n")
        try tmux.waitFor("work", "the day of the scan") { $0.contains("Nieuwe quick scan") }
        try tmux.keys("work", "Enter")
        try tmux.waitFor("work", "the scan's first text open") { $0.contains("Quick scan van") && $0.contains("Tab bevestig") }
        try tmux.text("work", "Rustig team, veel vaste klanten")
        try tmux.keys("work", "Tab")
        try tmux.text("work", "Banden plakken, fietsen afstellen")
        try tmux.keys("work", "Tab", "Escape")
        try tmux.waitFor("work", "the scan saved") { $0.contains("Banden plakken, fietsen afstellen") && $0.contains("Sfeer") }
        for _ in 0..<4 { try tmux.keys("work", "Escape") }
        try tmux.waitFor("work", "back on the caseload") { $0.contains("weekbespreking") }

        // Match Sem (wishes: techniek, fietsen): the new workplace comes first; place him there.
        try tmux.keys("work", "/")
        try tmux.text("work", "sem")
        try tmux.keys("work", "Enter")
        try tmux.waitFor("work", "Sem's dossier") { $0.contains("Caseload › Sem Verzonnen") }
        try tmux.keys("work", "k")
        let match = try tmux.waitFor("work", "the match") { $0.contains("Match:") && $0.contains("Waarom") }
        XCTAssertTrue(match.contains("Waarom Fietsenwerkplaats Kade"), "ranked first, its reasons shown\n\(match)")
        try tmux.keys("work", "Enter")
        try tmux.waitFor("work", "the kind of place") { $0.contains("Soort plek bij Fietsenwerkplaats Kade") }
        try tmux.keys("work", "Enter")
        try tmux.waitFor("work", "the start date") { $0.contains("Nieuwe plaatsing") }
        try tmux.keys("work", "C-u")
        try tmux.text("work", dayFromToday(-3))
        try tmux.keys("work", "Enter")
        try tmux.waitFor("work", "the offer to move to Coachen") { $0.contains("Naar Coachen") }
        try tmux.keys("work", "j")
        try tmux.waitFor("work", "the placement, lopend") { $0.contains("Plaatsingsafspraken") && !$0.contains("Naar Coachen") }
        // The agreements: Tab flows from one text into the next; letters are text.
        for _ in 0..<8 { try tmux.keys("work", "Down") }
        try tmux.keys("work", "Enter", "Tab")
        try tmux.text("work", "ma-wo 9-15 uur, vrijdag vrij")
        try tmux.keys("work", "Tab")
        try tmux.text("work", "banden plakken (ook in de kou)")
        try tmux.keys("work", "Tab", "Escape")
        try tmux.waitFor("work", "the agreements saved") { $0.contains("ma-wo 9-15 uur, vrijdag vrij") && $0.contains("banden plakken (ook") }

        // Two progress talks; the second starts from the first's scores.
        try tmux.keys("work", "c")
        try tmux.waitFor("work", "the talks") { $0.contains("Voortgangsgesprekken") }
        try tmux.keys("work", "n")
        try tmux.waitFor("work", "the talk form") { $0.contains("Voortgangsgesprek") && $0.contains("Willen werken") }
        try tmux.keys("work", "Down", "Enter")
        try tmux.text("work", "Kees de monteur")
        try tmux.keys("work", "Enter", "Down", "Down", "Down", "Down", "Enter")
        try tmux.waitFor("work", "the four steps") { $0.contains("┌─ Willen werken") }
        try tmux.keys("work", "Down", "Down", "Down", "Enter")
        try tmux.waitFor("work", "the first score saved") { $0.contains("meestal") && !$0.contains("┌─ Willen werken") }
        try tmux.keys("work", "Escape")
        try tmux.waitFor("work", "one talk") { $0.contains("Kees de monteur") }
        try tmux.keys("work", "n")
        try tmux.waitFor("work", "the second talk, from the first's scores") { $0.contains("Voortgangsgesprek") && $0.contains("meestal") }
        for _ in 0..<5 { try tmux.keys("work", "Down") }
        try tmux.keys("work", "Enter")
        try tmux.waitFor("work", "the four steps again") { $0.contains("┌─ Willen werken") }
        try tmux.keys("work", "Down", "Enter")
        try tmux.waitFor("work", "the second score saved") { $0.contains("altijd") && !$0.contains("┌─ Willen werken") }
        try tmux.keys("work", "Escape", "v")
        let grid = try tmux.waitFor("work", "the skills grid") { $0.contains("Eerste indruk") && $0.contains("altijd ▲") }
        XCTAssertTrue(grid.contains("meestal"), grid)

        // The handout from the placement: the same bytes as the command line's.
        try tmux.keys("work", "Escape", "Escape", "e")
        try tmux.waitFor("work", "the handout written") { $0.contains("exports/handout-") }
        try tmux.keys("work", "C-c")
        tmux.waitUntilGone("work")
        let exports = try FileManager.default.contentsOfDirectory(atPath: directory + "/exports").filter { $0.hasPrefix("handout-") }
        XCTAssertEqual(exports.count, 1)
        let handout = try String(contentsOfFile: directory + "/exports/" + exports[0], encoding: .utf8)
        XCTAssertTrue(handout.contains("ma-wo 9-15 uur, vrijdag vrij"), handout)
        XCTAssertFalse(handout.contains("Rustig team"), "the workplace's own scan is not in the handout")
        let id = try XCTUnwrap(try sem(in: exported())["id"] as? String)
        let printed = try runProcess(binary, ["--data-dir", directory, "export", "--format", "markdown", "--youth", id, "--handout"])
        XCTAssertEqual(printed.stdout, handout, "byte for byte the same")

        // All of it is on disk, and the program opens on it again.
        var export = try exported()
        var youth = try sem(in: export)
        XCTAssertEqual(youth["phase"] as? String, "coaching")
        let placement = try XCTUnwrap((youth["placements"] as? [[String: Any]])?.first)
        XCTAssertEqual(placement["status"] as? String, "running")
        XCTAssertEqual((placement["agreement"] as? [String: Any])?["workingHours"] as? String, "ma-wo 9-15 uur, vrijdag vrij")
        let talks = try XCTUnwrap(youth["progressTalks"] as? [[String: Any]])
        XCTAssertEqual(talks.compactMap { ($0["scores"] as? [String: String])?["wantsToWork"] }.sorted(), ["always", "mostly"])
        XCTAssertEqual((try workshop(in: export)["scans"] as? [Any])?.count, 1)
        try tmux.start("again", run)
        try tmux.waitFor("again", "the caseload again, Sem at his workplace") { $0.contains("Coachen · Fiets") }

        // A SIGKILL right after a confirmed change: the file is whole, old or new, and all else stays.
        try tmux.keys("again", "w")
        try tmux.waitFor("again", "the workplaces") { $0.contains("Fietsenwerkplaats K") }
        try tmux.keys("again", "/")
        try tmux.text("again", "kade")
        try tmux.keys("again", "Enter")
        try tmux.waitFor("again", "the workplace") { $0.contains("techniek, fietsen") && $0.contains("s scans") }
        try tmux.keys("again", "Down", "Enter", "C-u")
        try tmux.text("again", "fietsen en scooters")
        try tmux.keys("again", "Enter")
        XCTAssertEqual(kill(try programPID(for: directory), SIGKILL), 0)
        tmux.waitUntilGone("again")
        export = try exported()
        XCTAssertTrue(["techniek, fietsen", "fietsen en scooters"].contains(try workshop(in: export)["sector"] as? String))
        youth = try sem(in: export)
        XCTAssertEqual((youth["progressTalks"] as? [Any])?.count, 2)
        XCTAssertEqual(((try? FileManager.default.contentsOfDirectory(atPath: directory + "/quarantine")) ?? []).filter { !$0.hasPrefix(".") }, [],
                       "nothing was half written")
        try tmux.start("after", run)
        let after = try tmux.waitFor("after", "the caseload after the kill") { $0.contains("Sem Verzonnen") }
        XCTAssertFalse(after.contains("quarantaine"), after)
        try tmux.keys("after", "q")
        tmux.waitUntilGone("after")
    }
}
