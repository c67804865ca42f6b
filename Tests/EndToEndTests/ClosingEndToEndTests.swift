import Foundation
import XCTest

/// The end of the method with the real binary, as a coach does it: a demo youth closed with an
/// outcome leaves the caseload agenda and the weekly review, is reopened with a reason and
/// closed again; a closed case past its retention term is erased after its name is typed, and
/// nothing of it is left in the data directory.
final class ClosingEndToEndTests: XCTestCase {
    private var binary = ""
    private var directory = ""

    private func review() throws -> String {
        let result = try runProcess(binary, ["--data-dir", directory, "review"])
        XCTAssertEqual(result.status, 0, result.stderr)
        return result.stdout
    }

    private func kevin() throws -> [String: Any] {
        let result = try runProcess(binary, ["--data-dir", directory, "export", "--format", "json"])
        XCTAssertEqual(result.status, 0, result.stderr)
        let export = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        return try XCTUnwrap((export["youths"] as? [[String: Any]])?.first { $0["name"] as? String == "Kevin Kunstmatig" })
    }

    /// Opens a youth from the caseload by search (the query stays after Enter: cleared first).
    private func open(_ tmux: Tmux, _ name: String) throws {
        try tmux.keys("end", "/", "C-u")
        try tmux.text("end", name)
        try tmux.keys("end", "Enter")
    }

    /// Closes the open dossier on screen through the closing form, with the outcome at `position`
    /// in the list (0: regulier werk).
    private func close(_ tmux: Tmux, outcome position: Int, label: String) throws {
        try tmux.keys("end", "x")
        try tmux.waitFor("end", "the closing form") { $0.contains("Afsluiten van Kevin Kunstmatig") }
        try tmux.keys("end", "Enter")
        try tmux.waitFor("end", "the outcomes") { $0.contains("loonkostensubsidie") }
        for _ in 0..<position { try tmux.keys("end", "Down") }
        try tmux.keys("end", "Enter")
        try tmux.waitFor("end", "the outcome chosen") { $0.contains("uitstroom \(label)") }
        try tmux.keys("end", "End", "Enter")
        try tmux.waitFor("end", "the question") { $0.contains("afsluiten op") && $0.contains("j  ja, afsluiten") }
        try tmux.keys("end", "j")
        try tmux.waitFor("end", "the closed dossier") { $0.contains("Afgesloten sinds") && $0.contains("uitstroom: \(label)") }
    }

    func testACaseClosedLeavesTheAgendaAndTheReviewIsReopenedAndClosedAgain() throws {
        binary = try rodeloperBinary()
        directory = temporaryDataDirectory(self)
        XCTAssertEqual(try runProcess(binary, ["--data-dir", directory, "demo"]).status, 0)
        // This week's review not yet begun: its agenda is made from today's caseload.
        try FileManager.default.removeItem(atPath: directory + "/reviews")
        XCTAssertTrue(try review().contains("Kevin Kunstmatig"), "on the review before closing")

        let tmux = try Tmux(self)
        try tmux.start("end", "exec env LANG=C.UTF-8 TERM=tmux-256color \(binary) --data-dir \(directory)")
        try tmux.waitFor("end", "the caseload") { $0.contains("Kevin Kunstma") }
        try tmux.keys("end", "o")
        try tmux.waitFor("end", "the agenda with Kevin") { $0.contains("Komende overleggen") && $0.contains("Kevin Kunstmatig") }
        try tmux.keys("end", "Escape")
        try tmux.waitFor("end", "back on the caseload") { $0.contains("weekbespreking") }
        try open(tmux, "kevin")
        try tmux.waitFor("end", "Kevin's dossier") { $0.contains("Caseload › Kevin Kunstmatig") }

        // Closed with outcome opleiding (third in the list): gone from the agenda and the review.
        try close(tmux, outcome: 2, label: "opleiding")
        try tmux.keys("end", "Escape")
        let caseload = try tmux.waitFor("end", "the caseload without Kevin") { $0.contains("afgesloten verborgen") }
        XCTAssertFalse(caseload.contains("Kevin"), caseload)
        try tmux.keys("end", "o")
        let agenda = try tmux.waitFor("end", "the agenda") { $0.contains("Komende overleggen") }
        XCTAssertFalse(agenda.contains("Kevin"), "a closed case is on no agenda\n\(agenda)")
        try tmux.keys("end", "Escape")
        XCTAssertFalse(try review().contains("Kevin"), "a closed case leaves the review")

        // Reopened with a reason: back in Coachen, on the agenda again.
        try tmux.keys("end", "a")
        try tmux.waitFor("end", "closed cases shown") { $0.contains("Afgesloten · opleiding") }
        try open(tmux, "kevin")
        try tmux.waitFor("end", "the closed dossier") { $0.contains("Afgesloten sinds") }
        try tmux.keys("end", "h")
        try tmux.waitFor("end", "the reopening form") { $0.contains("terug naar Coachen") }
        try tmux.keys("end", "Enter")
        try tmux.text("end", "Opleiding na twee weken gestopt; hij vroeg zelf om hulp")
        try tmux.keys("end", "Enter", "End", "Enter")
        try tmux.waitFor("end", "the question") { $0.contains("j  ja, heropenen") }
        try tmux.keys("end", "j")
        try tmux.waitFor("end", "Coachen again") { $0.contains("Kevin Kunstmatig  ·  Coachen sinds") }
        try tmux.keys("end", "Escape")
        try tmux.waitFor("end", "back on the caseload") { $0.contains("weekbespreking") }
        try tmux.keys("end", "o")
        try tmux.waitFor("end", "Kevin on the agenda again") { $0.contains("Komende overleggen") && $0.contains("Kevin Kunstmatig") }
        try tmux.keys("end", "Escape")

        // Closed a second time (regulier werk): a second outcome, the latest counts.
        try open(tmux, "kevin")
        try tmux.waitFor("end", "Kevin's dossier") { $0.contains("Kevin Kunstmatig  ·  Coachen") }
        try close(tmux, outcome: 0, label: "regulier werk")
        try tmux.keys("end", "Escape")
        try tmux.waitFor("end", "back on the caseload") { $0.contains("weekbespreking") }
        try tmux.keys("end", "q")
        tmux.waitUntilGone("end")

        let record = try kevin()
        XCTAssertEqual(record["phase"] as? String, "closed")
        XCTAssertEqual((record["closures"] as? [[String: Any]])?.compactMap { $0["outcome"] as? String }, ["education", "regularWork"])
        XCTAssertEqual((record["reopenings"] as? [[String: Any]])?.compactMap { $0["phase"] as? String }, ["coaching"])
        XCTAssertEqual((record["phaseHistory"] as? [[String: Any]])?.suffix(3).compactMap { $0["to"] as? String }, ["closed", "coaching", "closed"])
    }

    func testAClosedCasePastItsTermIsErasedAfterItsNameIsTypedAndLeavesNoTrace() throws {
        binary = try rodeloperBinary()
        directory = temporaryDataDirectory(self)
        XCTAssertEqual(try runProcess(binary, ["--data-dir", directory, "demo"]).status, 0)
        let id = try XCTUnwrap(try FileManager.default.contentsOfDirectory(atPath: directory + "/youths").first { name in
            (try? String(contentsOfFile: directory + "/youths/" + name, encoding: .utf8))?.contains("Timo Fantasie") ?? false
        }).replacingOccurrences(of: ".json", with: "")

        let tmux = try Tmux(self)
        try tmux.start("end", "exec env LANG=C.UTF-8 TERM=tmux-256color \(binary) --data-dir \(directory)")
        try tmux.waitFor("end", "the caseload naming the term") { $0.contains("bewaartermijn (b)") }
        try tmux.keys("end", "b")
        try tmux.waitFor("end", "the retention list") { $0.contains("Timo Fantasie") && $0.contains("d wissen") }
        try tmux.keys("end", "d")
        try tmux.waitFor("end", "the name asked") { $0.contains("Typ de volledige naam") }
        // A wrong name (and command letters in it) erases nothing.
        try tmux.text("end", "Timo q")
        try tmux.keys("end", "Enter")
        try tmux.waitFor("end", "refused") { $0.contains("Er is niets gewist") }
        XCTAssertTrue(FileManager.default.fileExists(atPath: "\(directory)/youths/\(id).json"))
        try tmux.keys("end", "C-u")
        try tmux.text("end", "Timo Fantasie")
        try tmux.keys("end", "Enter")
        try tmux.waitFor("end", "erased") { $0.contains("Het dossier is gewist") }
        try tmux.keys("end", "Enter")
        try tmux.waitFor("end", "the caseload") { $0.contains("weekbespreking") && !$0.contains("bewaartermijn (b)") }
        try tmux.keys("end", "q")
        tmux.waitUntilGone("end")

        // Nothing in the data directory names the youth, by name or by number.
        let files = FileManager.default.enumerator(atPath: directory)?.compactMap { $0 as? String } ?? []
        for file in files {
            guard let text = try? String(contentsOfFile: directory + "/" + file, encoding: .utf8) else { continue }
            for trace in ["Timo", "Fantasie", id, String(id.prefix(8)), "Verzonnenburg"] {
                XCTAssertFalse(text.contains(trace), "\(file) still holds \(trace)")
            }
        }
        let log = try String(contentsOfFile: directory + "/erasures.json", encoding: .utf8)
        XCTAssertTrue(log.contains("\"count\" : 1"), log)
    }
}
