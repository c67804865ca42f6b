import Foundation
import XCTest

final class EndToEndTests: XCTestCase {
    private func launch(_ binary: String, _ directory: String) -> String {
        "env LANG=C.UTF-8 TERM=tmux-256color \(binary) --data-dir \(directory)"
    }

    func testCreateZoeQuitStartAgainAndFindHerDrawnCorrectly() throws {
        let binary = try rodeloperBinary()
        let tmux = try Tmux(self)
        let directory = temporaryDataDirectory(self)

        try tmux.start("first", launch(binary, directory))
        try tmux.waitFor("first", "the welcome screen asking the coach's name") { $0.contains("Welkom bij Rode Loper") && $0.contains("Hoe heet u?") }
        try tmux.text("first", "Anna de Coach")
        try tmux.keys("first", "Enter")
        try tmux.waitFor("first", "the name kept") { $0.contains("Uw naam: Anna de Coach") }
        try tmux.keys("first", "Enter")
        try tmux.waitFor("first", "the empty caseload") { $0.contains("Nog geen jongeren") }
        try tmux.keys("first", "n")
        try tmux.waitFor("first", "the name dialog") { $0.contains("Nieuwe jongere") }
        try tmux.text("first", "Zoë Çelik")
        try tmux.keys("first", "Enter")
        try tmux.waitFor("first", "her profile") { $0.contains("Caseload › Zoë Çelik") && $0.contains("Fasegeschiedenis") }
        try tmux.keys("first", "q")
        try tmux.waitFor("first", "the list") { $0.contains("1 jongere") }
        try tmux.keys("first", "q")
        tmux.waitUntilGone("first")

        try tmux.start("second", launch(binary, directory))
        let screen = try tmux.waitFor("second", "Zoë in the list") { $0.contains("Zoë Çelik") }
        let row = try XCTUnwrap(screen.split(separator: "\n").first { $0.contains("Zoë Çelik") })
        // The one row is selected: the pointer stands between the marks' column and the name.
        XCTAssertTrue(row.hasPrefix(" ▶Zoë Çelik   "), "name drawn whole (after the column for ! and ?), columns after it in place: \(row)")
        XCTAssertTrue(row.contains("Scout") && row.contains("vandaag"), String(row))
        let header = try XCTUnwrap(screen.split(separator: "\n").first { $0.contains("Leeftijd") })
        XCTAssertEqual(row.firstRange(of: "Scout")?.lowerBound.utf16Offset(in: row),
                       header.firstRange(of: "Fase")?.lowerBound.utf16Offset(in: header), "accents do not shift the columns")

        // A second instance on the same directory is refused clearly, and changes nothing.
        let second = try runProcess(binary, ["--data-dir", directory])
        XCTAssertEqual(second.status, 1)
        XCTAssertTrue(second.stderr.contains("Rode Loper is al geopend met de gegevensmap"), second.stderr)

        try tmux.keys("second", "C-c")
        tmux.waitUntilGone("second")
        let export = try runProcess(binary, ["--data-dir", directory, "export", "--format", "json"])
        XCTAssertEqual(export.status, 0, export.stderr)
        XCTAssertTrue(export.stdout.contains("\"name\" : \"Zoë Çelik\""), export.stdout)
    }

    func testScoreAMeasurementForADemoYouthAndFindItInTheHistoryChart() throws {
        let binary = try rodeloperBinary()
        let tmux = try Tmux(self)
        let directory = temporaryDataDirectory(self)
        XCTAssertEqual(try runProcess(binary, ["--data-dir", directory, "demo"]).status, 0)

        try tmux.start("score", launch(binary, directory))
        try tmux.waitFor("score", "the demo list") { $0.contains("Sem Verzonnen") }
        try tmux.keys("score", "/")
        try tmux.text("score", "sem")
        try tmux.keys("score", "Enter")
        try tmux.waitFor("score", "Sem's profile") { $0.contains("Caseload › Sem Verzonnen") && $0.contains("ZRM: 2 metingen") }
        try tmux.keys("score", "z")
        try tmux.waitFor("score", "the ZRM history") { $0.contains("Zelfredzaamheid-Matrix") && $0.contains("verloop") }
        try tmux.keys("score", "n")
        try tmux.waitFor("score", "the new measurement") { $0.contains("ZRM › 2-meting") }
        // Financiën 5, Werk & opleiding 1 (acute), then a note on Tijdsbesteding.
        try tmux.keys("score", "5", "1", "Enter")
        try tmux.text("score", "dagritme met stage")
        try tmux.keys("score", "Enter")
        try tmux.waitFor("score", "the scores") { $0.contains("1 ACUUT") && $0.contains("dagritme met stage") }
        try tmux.keys("score", "Escape", "Escape", "q", "q")
        tmux.waitUntilGone("score")

        try tmux.start("again", launch(binary, directory))
        try tmux.waitFor("again", "the list") { $0.contains("Sem Verzonnen") }
        let list = try tmux.screen("again")
        XCTAssertTrue(list.split(separator: "\n").first { $0.contains("Sem Verzonnen") }?.hasPrefix("!") ?? false,
                      "the new acute domain marks Sem in the list:\n\(list)")
        try tmux.keys("again", "/")
        try tmux.text("again", "sem")
        try tmux.keys("again", "Enter", "z")
        let history = try tmux.waitFor("again", "the history with three measurements") { $0.contains("0m") && $0.contains("2m") }
        let finances = try XCTUnwrap(history.split(separator: "\n").first { $0.contains("Financiën") })
        XCTAssertTrue(finances.contains("5") && finances.contains("▁▂█"), "scores 1, 2, 5 as a chart: \(finances)")
        let work = try XCTUnwrap(history.split(separator: "\n").first { $0.contains("Werk & opleiding") })
        XCTAssertTrue(work.contains("1 !"), String(work))
        try tmux.keys("again", "C-c")
        tmux.waitUntilGone("again")

        let export = try runProcess(binary, ["--data-dir", directory, "export", "--format", "json"])
        XCTAssertTrue(export.stdout.contains("\"note\" : \"dagritme met stage\"") && export.stdout.contains("\"moment\" : \"two\""),
                      "the export carries the measurement")
    }

    func testWriteAPlanAddTwoActionsRestartAndExportMarkdown() throws {
        let binary = try rodeloperBinary()
        let tmux = try Tmux(self)
        let directory = temporaryDataDirectory(self)

        try tmux.start("plan", launch(binary, directory))
        try tmux.waitFor("plan", "the welcome screen") { $0.contains("Welkom") }
        try tmux.keys("plan", "Escape", "Enter", "n")
        try tmux.text("plan", "Zoë Çelik")
        try tmux.keys("plan", "Enter")
        try tmux.waitFor("plan", "her profile") { $0.contains("Caseload › Zoë Çelik") }
        try tmux.keys("plan", "p")
        try tmux.waitFor("plan", "the plan") { $0.contains("Doel voor dagbesteding") }
        try tmux.keys("plan", "Enter")
        try tmux.text("plan", "Zoë wil binnen drie maanden een BBL-plek als monteur.")
        try tmux.keys("plan", "Enter", "Enter")
        try tmux.text("plan", "Daarnaast: financiën op orde, café-werk in het weekend blijft.")
        // Tab confirms and opens the next part for typing.
        try tmux.keys("plan", "Tab")
        // A paste of several lines arrives as text: its q and Esc-like letters are no commands.
        try tmux.command(["set-buffer", "Stabiel dagritme\nq: eerst slapen, dan werken\nSchulden regelen"])
        try tmux.command(["paste-buffer", "-p", "-t", "plan"])
        try tmux.waitFor("plan", "the pasted lines") { $0.contains("q: eerst slapen, dan werken") }
        try tmux.keys("plan", "Tab", "Escape")
        try tmux.waitFor("plan", "the plan page") { $0.contains("Stabiel dagritme") && $0.contains("gewijzigd") }

        // Two actions with due dates, one and three weeks ahead.
        let soon = dayFromToday(7), later = dayFromToday(21)
        // Each typed as one form: what, Tab, who (from a list), Tab, the deadline.
        try tmux.keys("plan", "a", "n")
        try tmux.waitFor("plan", "the new action form") { $0.contains("Nieuwe actie") }
        try tmux.text("plan", "Afspraak bij de schuldhulp")
        try tmux.keys("plan", "Tab")
        try tmux.waitFor("plan", "who, as a list") { $0.contains("(de jongere)") && $0.contains("Enter kies") }
        try tmux.keys("plan", "Tab")
        try tmux.text("plan", soon)
        try tmux.keys("plan", "Enter")
        try tmux.waitFor("plan", "the whole action in one form") {
            $0.contains("Afspraak bij de schuldhulp") && $0.contains("Wie                       coach") && $0.contains(soon)
        }
        try tmux.keys("plan", "Escape", "n")
        try tmux.text("plan", "Cv schrijven met Zoë")
        try tmux.keys("plan", "Tab", "Tab")
        try tmux.text("plan", later)
        try tmux.keys("plan", "Enter", "Escape")
        try tmux.waitFor("plan", "both actions") { $0.contains(soon) && $0.contains(later) }
        try tmux.keys("plan", "Escape", "e")
        try tmux.waitFor("plan", "the export message") { $0.contains("Geëxporteerd naar") }
        try tmux.keys("plan", "Escape", "Escape", "q")
        tmux.waitUntilGone("plan")

        try tmux.start("back", launch(binary, directory))
        let list = try tmux.waitFor("back", "the list") { $0.contains("Zoë Çelik") }
        XCTAssertTrue(list.contains("\(soon.prefix(5)) Afspraak bij"), "the next action shows in the list:\n\(list)")
        try tmux.keys("back", "Enter", "p")
        let plan = try tmux.waitFor("back", "the plan again") { $0.contains("BBL-plek als monteur") }
        XCTAssertTrue(plan.contains("café-werk in het weekend blijft") && plan.contains("Schulden regelen"), plan)
        try tmux.keys("back", "a")
        // Wait for the whole frame: a capture can catch the terminal halfway through drawing it.
        try tmux.waitFor("back", "the actions again") { $0.contains("Acties: 2 open") && $0.contains("Cv schrijven met Zoë") }
        try tmux.keys("back", "C-c")
        tmux.waitUntilGone("back")

        let json = try runProcess(binary, ["--data-dir", directory, "export", "--format", "json"]).stdout
        let document = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let id = try XCTUnwrap(((document["youths"] as? [[String: Any]])?.first?["id"]) as? String)
        let markdown = try runProcess(binary, ["--data-dir", directory, "export", "--format", "markdown", "--youth", String(id.prefix(8))])
        XCTAssertEqual(markdown.status, 0, markdown.stderr)
        for expected in ["# Veranderplan van Zoë Çelik", "Zoë wil binnen drie maanden een BBL-plek als monteur.\n\nDaarnaast: financiën op orde",
                         "Stabiel dagritme\\\nq: eerst slapen, dan werken\\\nSchulden regelen",
                         "- [ ] Afspraak bij de schuldhulp — coach, vóór \(soon)", "- [ ] Cv schrijven met Zoë — coach, vóór \(later)"] {
            XCTAssertTrue(markdown.stdout.contains(expected), "missing \(expected) in:\n\(markdown.stdout)")
        }
        let exported = try FileManager.default.contentsOfDirectory(atPath: directory + "/exports")
        XCTAssertEqual(exported.count, 1)
        let fromScreen = try String(contentsOfFile: directory + "/exports/" + exported[0], encoding: .utf8)
        XCTAssertEqual(fromScreen, markdown.stdout, "the screen's export and the command line's are the same")
    }

    func testPlanAMeetingWithConsentWarningAgreementsAndMinutes() throws {
        let binary = try rodeloperBinary()
        let tmux = try Tmux(self)
        let directory = temporaryDataDirectory(self)
        XCTAssertEqual(try runProcess(binary, ["--data-dir", directory, "demo"]).status, 0)

        try tmux.start("meet", launch(binary, directory))
        try tmux.waitFor("meet", "the demo list") { $0.contains("Yara Voorbeeld") }
        try tmux.keys("meet", "/")
        try tmux.text("meet", "yara")
        try tmux.keys("meet", "Enter", "m")
        // Three people: two in the network, one professional.
        for (name, tab) in [("Moeder Voorbeeld", false), ("Buurman Fictief", false), ("Jobhunter Demo", true)] {
            if tab { try tmux.keys("meet", "Tab") }
            try tmux.keys("meet", "n")
            try tmux.text("meet", name)
            try tmux.keys("meet", "Enter", "Escape")
        }
        try tmux.waitFor("meet", "the professional") { $0.contains("Jobhunter Demo") }
        try tmux.keys("meet", "Escape", "o", "t", "n", "Enter")
        try tmux.text("meet", "alles over werk")
        try tmux.keys("meet", "Enter", "n", "Down", "Enter")
        try tmux.text("meet", "de planning")
        try tmux.keys("meet", "Enter")
        try tmux.waitFor("meet", "two consents") { $0.contains("de planning") && $0.contains("alles over werk") }
        try tmux.keys("meet", "Escape", "n")
        try tmux.waitFor("meet", "the new meeting") { $0.contains("Wrap-around overleg") && $0.contains("Deelnemers") }
        try tmux.keys("meet", "Down", "Down", "Enter")
        try tmux.text("meet", "Wijkcentrum")
        try tmux.keys("meet", "Enter", "Down", "Down", "Enter", "Space", "Down", "Space", "Down", "Space", "Escape")
        let warned = try tmux.waitFor("meet", "the consent warning") { $0.contains("LET OP: geen toestemming") }
        XCTAssertTrue(warned.contains("geen toestemming geregistreerd voor Jobhunter Demo."), warned)

        // Agreements: goals and two actions, due in ten and five days.
        let first = dayFromToday(10), second = dayFromToday(5)
        try tmux.keys("meet", "Down", "Down", "Enter", "Enter")
        try tmux.text("meet", "Yara heeft binnen zes weken een stageplek")
        try tmux.keys("meet", "Enter", "Down", "Enter", "n")
        try tmux.text("meet", "Stagebedrijven benaderen")
        try tmux.keys("meet", "Tab", "Tab")
        try tmux.text("meet", first)
        try tmux.keys("meet", "Enter", "Escape", "n")
        try tmux.text("meet", "Kleding voor gesprek regelen")
        try tmux.keys("meet", "Tab", "Tab")
        try tmux.text("meet", second)
        try tmux.keys("meet", "Enter", "Escape", "Escape")
        try tmux.waitFor("meet", "two agreed actions") { $0.contains("2 afgesproken") }
        try tmux.keys("meet", "Escape", "e")
        try tmux.waitFor("meet", "the export") { $0.contains("Geëxporteerd naar exports/") }
        try tmux.keys("meet", "Escape", "Escape", "Escape", "q")
        tmux.waitUntilGone("meet")

        try tmux.start("again", launch(binary, directory))
        try tmux.waitFor("again", "the list") { $0.contains("Yara Voorbeeld") }
        try tmux.keys("again", "/")
        try tmux.text("again", "yara")
        try tmux.keys("again", "Enter", "o", "Enter")
        let meeting = try tmux.waitFor("again", "the meeting again") { $0.contains("Wijkcentrum") }
        XCTAssertTrue(meeting.contains("Moeder Voorbeeld, Buurman Fictief, Jobhunter Demo") && meeting.contains("2 acties"), meeting)
        XCTAssertTrue(meeting.contains("geen toestemming geregistreerd voor Jobhunter Demo."), meeting)
        try tmux.keys("again", "C-c")
        tmux.waitUntilGone("again")

        let minutes = try String(contentsOfFile: directory + "/exports/" + (try FileManager.default.contentsOfDirectory(atPath: directory + "/exports")
            .first { $0.hasSuffix(".md") } ?? ""), encoding: .utf8)
        for expected in ["# Verslag wrap-around overleg Yara Voorbeeld", "Wijkcentrum", "- Jobhunter Demo",
                         "Let op: geen toestemming geregistreerd voor Jobhunter Demo.", "Yara heeft binnen zes weken een stageplek",
                         "- Stagebedrijven benaderen — coach, vóór \(first)", "- Kleding voor gesprek regelen — coach, vóór \(second)"] {
            XCTAssertTrue(minutes.contains(expected), "missing \(expected) in:\n\(minutes)")
        }
        let today = try XCTUnwrap(minutes.split(separator: "\n").first { $0.hasPrefix("Datum: ") }).dropFirst(7).prefix(10)
        let text = try runProcess(binary, ["--data-dir", directory, "export", "--format", "text", "--youth",
                                           try XCTUnwrap(minutesYouthID(directory)), "--meeting", String(today)])
        XCTAssertEqual(text.status, 0, text.stderr)
        XCTAssertTrue(text.stdout.hasPrefix("Verslag wrap-around overleg Yara Voorbeeld\n====="), text.stdout)
    }

    private func minutesYouthID(_ directory: String) throws -> String? {
        let json = try runProcess(try rodeloperBinary(), ["--data-dir", directory, "export", "--format", "json"]).stdout
        let document = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
        return (document?["youths"] as? [[String: Any]])?.first { ($0["name"] as? String) == "Yara Voorbeeld" }?["id"] as? String
    }

    func testResizeAndTinyWindow() throws {
        let binary = try rodeloperBinary()
        let tmux = try Tmux(self)
        let directory = temporaryDataDirectory(self)
        XCTAssertEqual(try runProcess(binary, ["--data-dir", directory, "demo"]).status, 0)
        try tmux.start("resize", launch(binary, directory))
        try tmux.waitFor("resize", "the demo list") { $0.contains("Daan Demo") }
        try tmux.command(["resize-window", "-t", "resize", "-x", "50", "-y", "12"])
        try tmux.waitFor("resize", "the too-small notice") { $0.contains("Terminal te klein") }
        try tmux.command(["resize-window", "-t", "resize", "-x", "120", "-y", "40"])
        let big = try tmux.waitFor("resize", "the list at 120x40") { $0.contains("Daan Demo") && !$0.contains("te klein") }
        XCTAssertTrue(big.split(separator: "\n").first?.count ?? 0 > 100, "the title spans the wider window")
        try tmux.keys("resize", "q")
        tmux.waitUntilGone("resize")
    }

    func testCommandLine() throws {
        let binary = try rodeloperBinary()
        let unknown = try runProcess(binary, ["--bogus"])
        XCTAssertEqual(unknown.status, 2)
        XCTAssertTrue(unknown.stderr.contains("Onbekende optie: --bogus") && unknown.stderr.contains("Gebruik:"), unknown.stderr)
        XCTAssertEqual(try runProcess(binary, ["--version"]).stdout, "rodeloper 0.1.0\n")
        XCTAssertTrue(try runProcess(binary, ["--help"]).stdout.contains("export --format json"))

        let directory = temporaryDataDirectory(self)
        XCTAssertEqual(try runProcess(binary, ["export", "--format", "pdf", "--data-dir", directory]).status, 2)
        let notATerminal = try runProcess(binary, ["--data-dir", directory])
        XCTAssertEqual(notATerminal.status, 1)
        XCTAssertTrue(notATerminal.stderr.contains("heeft een terminal nodig"), notATerminal.stderr)
    }

    func testACopiedBinaryRunsAloneAndDemoRefusesData() throws {
        let binary = try rodeloperBinary()
        let bin = temporaryDataDirectory(self)
        try FileManager.default.createDirectory(atPath: bin, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: binary, toPath: bin + "/rodeloper")
        let home = temporaryDataDirectory(self)
        let environment = ["HOME": home, "XDG_DATA_HOME": ""]
        let demo = try runProcess(bin + "/rodeloper", ["demo"], environment: environment)
        XCTAssertEqual(demo.status, 0, demo.stderr)
        XCTAssertTrue(demo.stdout.contains("13 verzonnen jongeren"), demo.stdout)
        let files = try FileManager.default.contentsOfDirectory(atPath: home + "/.local/share/rodeloper/youths")
        XCTAssertEqual(files.count, 13)
        let again = try runProcess(bin + "/rodeloper", ["demo"], environment: environment)
        XCTAssertEqual(again.status, 1)
        XCTAssertTrue(again.stderr.contains("bevat al gegevens"), again.stderr)
    }
}
