import Foundation
import XCTest

/// The real binary when the machine fails it: a full disk and a folder that turns read-only while
/// it saves, a hangup in every text editor, two starts at the same moment, terminals from 20x5 to
/// 300x100 and a storm of resizes. It says what happened in Dutch, loses nothing and goes on.
final class FaultEndToEndTests: XCTestCase {
    private func run(_ binary: String, _ directory: String, as user: [String] = []) -> String {
        "exec env LANG=C.UTF-8 TERM=tmux-256color \(user.joined(separator: " ")) \(binary) --data-dir \(directory)"
    }

    /// Esc alone, then the screen it leads to (the wait keeps it apart from the next key).
    private func escape(_ tmux: Tmux, _ session: String, file: StaticString = #filePath, line: UInt = #line,
                        to what: String, _ condition: (String) -> Bool) throws {
        try tmux.command(["send-keys", "-t", session, "Escape"])
        try tmux.waitFor(session, file: file, line: line, what, condition)
    }

    private static let list: @Sendable (String) -> Bool = { $0.contains("Bilal Bedacht") && $0.contains("Leeftijd") }
    private static let youthScreen: @Sendable (String) -> Bool = { $0.contains("Fasegeschiedenis") && $0.contains("Enter wijzig") }
    private static let writing: @Sendable (String) -> Bool = { $0.contains("Ctrl-S") && $0.contains("Esc annuleer") }

    /// Every youth, review, workplace and settings file parses, and the program's export reads
    /// them all without a notice.
    private func assertAllFilesParse(_ directory: String, binary: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let export = try runProcess(binary, ["--data-dir", directory, "export", "--format", "json"])
        XCTAssertEqual(export.status, 0, export.stderr, file: file, line: line)
        XCTAssertEqual(export.stderr, "", file: file, line: line)
        for folder in ["youths", "reviews", "workplaces", "."] {
            for name in (try? FileManager.default.contentsOfDirectory(atPath: directory + "/" + folder)) ?? [] where name.hasSuffix(".json") {
                let data = try Data(contentsOf: URL(fileURLWithPath: "\(directory)/\(folder)/\(name)"))
                XCTAssertNotNil(try? JSONSerialization.jsonObject(with: data), "\(folder)/\(name) does not parse", file: file, line: line)
            }
        }
    }

    /// The screen's text with its line breaks and indents as single spaces: a message wraps.
    private func flat(_ screen: String) -> String {
        screen.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    private func youthFiles(_ directory: String) -> String {
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: directory + "/youths")) ?? []).filter { $0.hasSuffix(".json") }
        return names.sorted().map { (try? String(contentsOfFile: "\(directory)/youths/\($0)", encoding: .utf8)) ?? "" }.joined()
    }

    // MARK: - A full disk and a folder made read-only while saving

    /// On Bilal's profile while saving fails (the screen says `because`, in full `message`): a
    /// municipality and a page of the plan are refused and stay open with their text, the youth
    /// files stay as they were; after `recover` the same keys save the page and a new municipality.
    private func refusedThenSaved(_ tmux: Tmux, _ session: String, directory: String, because: String, message: String,
                                  texts: (refused: String, page: String, saved: String), recover: () throws -> Void,
                                  file: StaticString = #filePath, line: UInt = #line) throws {
        let before = youthFiles(directory)
        try tmux.keys(session, "Down", "Down", "Enter", "C-u")
        try tmux.text(session, texts.refused)
        try tmux.keys(session, "Enter")
        let refused = try tmux.waitFor(session, file: file, line: line, "the refusal") { $0.contains(because) }
        XCTAssertTrue(flat(refused).contains(message), refused, file: file, line: line)
        XCTAssertTrue(refused.contains("Enter bevestig") && refused.contains(texts.refused), "the field stays open with the text:\n\(refused)", file: file, line: line)
        try escape(tmux, session, to: "the profile") { $0.contains("Fasegeschiedenis") }
        try tmux.keys(session, "p")
        try tmux.waitFor(session, file: file, line: line, "the plan") { $0.contains("Veranderplan") && $0.contains("Enter schrijf") }
        try tmux.keys(session, "Enter")
        try tmux.waitFor(session, file: file, line: line, "the editor", Self.writing)
        try tmux.text(session, texts.page)
        try tmux.keys(session, "Tab")
        let page = try tmux.waitFor(session, file: file, line: line, "the refused page") { $0.contains(because) && $0.contains(texts.page) }
        XCTAssertTrue(Self.writing(page), "the editor stays open:\n\(page)", file: file, line: line)
        XCTAssertEqual(youthFiles(directory), before, "the earlier files are intact", file: file, line: line)

        try recover()
        try tmux.keys(session, "Tab")
        try tmux.waitFor(session, file: file, line: line, "the next part open") { Self.writing($0) && !$0.contains(because) }
        try escape(tmux, session, to: "the plan") { $0.contains("Enter schrijf") && $0.contains(texts.page) }
        try escape(tmux, session, to: "the profile", Self.youthScreen)
        // Back from the plan the profile keeps its selection (Gemeente): Home starts from the top.
        try tmux.keys(session, "Home", "Down", "Down", "Enter", "C-u")
        try tmux.text(session, texts.saved)
        try tmux.keys(session, "Enter")
        try tmux.waitFor(session, file: file, line: line, "the saved municipality") { $0.contains(texts.saved) && $0.contains("Enter wijzig") && !$0.contains(because) }
    }

    /// A 2 MB tmpfs holds the data directory; `fill` takes its last free byte.
    private func smallDisk() throws -> (mount: String, directory: String) {
        let mount = temporaryDataDirectory(self)
        try FileManager.default.createDirectory(atPath: mount, withIntermediateDirectories: true)
        guard getuid() == 0, (try? runProcess("/bin/mount", ["-t", "tmpfs", "-o", "size=2m,mode=0700", "tmpfs", mount]))?.status == 0 else {
            throw XCTSkip("mounting a small tmpfs needs root and mount (not available here)")
        }
        addTeardownBlock { _ = try? runProcess("/bin/umount", ["-l", mount]) }
        return (mount, mount + "/data")
    }

    private func fill(_ mount: String) throws {
        let filler = open(mount + "/filler", O_WRONLY | O_CREAT | O_APPEND, 0o600)
        XCTAssertGreaterThanOrEqual(filler, 0)
        defer { close(filler) }
        let block = [UInt8](repeating: 0, count: 4096)
        while write(filler, block, block.count) > 0 {}
        XCTAssertEqual(errno, ENOSPC)
        var small = [UInt8](repeating: 0, count: 1)
        while write(filler, &small, 1) > 0 {}
    }

    /// On a full disk: a line field and a page of the plan are refused with the Dutch message,
    /// the typed text stays (in the field, in the editor), the file on disk is the earlier one;
    /// once space is free the same keys save both. Ctrl-C while a draft cannot be written warns
    /// first; when the coach insists, the loss is named on stderr with status 1.
    func testAFullDiskRefusesWithAMessageKeepsTheTextAndSavesOnceThereIsRoom() throws {
        let binary = try rodeloperBinary()
        let (mount, directory) = try smallDisk()
        XCTAssertEqual(try runProcess(binary, ["--data-dir", directory, "demo"]).status, 0)
        let tmux = try Tmux(self)
        let log = mount + "/../full-\(UUID().uuidString).log"
        addTeardownBlock { unlink(log) }
        try tmux.start("full", "env LANG=C.UTF-8 TERM=tmux-256color \(binary) --data-dir \(directory) 2>\(log); echo \"status $?\" >>\(log); sleep 30")
        try tmux.waitFor("full", "the list", Self.list)
        try tmux.keys("full", "Enter")
        try tmux.waitFor("full", "Bilal's profile", Self.youthScreen)
        try fill(mount)
        try refusedThenSaved(tmux, "full", directory: directory, because: "De schijf is vol",
                             message: "De schijf is vol: de wijziging is niet opgeslagen. Maak ruimte vrij en probeer het opnieuw; er is niets verloren.",
                             texts: ("Volstad", "Tekst bij een volle schijf", "Ruimstad")) { unlink(mount + "/filler") }

        // Typing on a full disk, then Ctrl-C: the draft cannot be written, so the program stays
        // and says so; with room again the draft is written; on a full disk a second Ctrl-C
        // quits, with a Dutch line on stderr and status 1.
        try tmux.keys("full", "p")
        try tmux.waitFor("full", "the plan") { $0.contains("Veranderplan") && $0.contains("Enter schrijf") }
        try tmux.keys("full", "Enter")
        try tmux.waitFor("full", "the editor", Self.writing)
        try fill(mount)
        try tmux.text("full", "Eerst bewaard")
        try tmux.waitFor("full", "the draft refused") { self.flat($0).contains("Concept niet bewaard: De schijf is vol") }
        try tmux.keys("full", "C-c")
        try tmux.waitFor("full", "the warning") { self.flat($0).contains("Concept niet bewaard: De schijf is vol: de wijziging is niet opgeslagen. Ctrl-C nogmaals stopt toch, zonder de getypte tekst") }
        unlink(mount + "/filler")
        try tmux.waitFor("full", "the draft written") { !self.flat($0).contains("Concept niet bewaard") && $0.contains("Eerst bewaard") }
        XCTAssertTrue(drafted("Eerst bewaard", in: directory))
        try fill(mount)
        try tmux.text("full", " dan verloren")
        try tmux.waitFor("full", "the draft refused again") { self.flat($0).contains("Concept niet bewaard: De schijf is vol") }
        try tmux.keys("full", "C-c")
        try tmux.waitFor("full", "the warning again") { self.flat($0).contains("Ctrl-C nogmaals stopt toch") }
        try tmux.keys("full", "C-c")
        var written = ""
        let deadline = Date().addingTimeInterval(15)
        while Date() < deadline && !written.contains("status") {
            Thread.sleep(forTimeInterval: 0.05)
            written = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
        }
        XCTAssertTrue(written.contains("rodeloper: Niet bevestigde tekst kon niet als concept worden bewaard en is verloren"), written)
        XCTAssertTrue(written.contains("status 1"), written)
        unlink(mount + "/filler")
        try assertAllFilesParse(directory, binary: binary)
        let saved = youthFiles(directory)
        XCTAssertTrue(saved.contains("Tekst bij een volle schijf") && saved.contains("Ruimstad"))
        XCTAssertTrue(drafted("Eerst bewaard", in: directory), "the draft written while there was room is still there")
    }

    /// youths/ loses its write permission while the program runs (as nobody: root writes
    /// anywhere): a change and a page are refused with the Dutch message, the page's text is
    /// kept as a draft, and once the permission is back the same keys save.
    func testAFolderMadeReadOnlyWhileRunningRefusesWithAMessageAndSavesOnceWritable() throws {
        let binary = try rodeloperBinary()
        guard getuid() == 0, FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv") else {
            throw XCTSkip("needs root and setpriv to run the program as another user (root writes in any folder)")
        }
        let bin = temporaryDataDirectory(self)
        try FileManager.default.createDirectory(atPath: bin, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: binary, toPath: bin + "/rodeloper")
        chmod(bin, 0o755)
        chmod(bin + "/rodeloper", 0o755)
        let asNobody = ["/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"]
        guard try runProcess(asNobody[0], Array(asNobody.dropFirst()) + [bin + "/rodeloper", "--version"]).status == 0 else {
            throw XCTSkip("the program cannot be run as nobody here")
        }
        let directory = temporaryDataDirectory(self)
        XCTAssertEqual(try runProcess(binary, ["--data-dir", directory, "demo"]).status, 0)
        XCTAssertEqual(try runProcess("/bin/chown", ["-R", "65534:65534", directory]).status, 0)
        let tmux = try Tmux(self)
        try tmux.start("ro", run(bin + "/rodeloper", directory, as: asNobody))
        try tmux.waitFor("ro", "the list", Self.list)
        try tmux.keys("ro", "Enter")
        try tmux.waitFor("ro", "Bilal's profile", Self.youthScreen)
        chmod(directory + "/youths", 0o500)
        try refusedThenSaved(tmux, "ro", directory: directory, because: "Geen toestemming om te schrijven",
                             message: "De wijziging is niet opgeslagen.", texts: ("Dichtstad", "Tekst in een dichte map", "Openstad")) {
            // drafts/ is writable: the page's text went there (within a quarter of a second idle).
            let deadline = Date().addingTimeInterval(5)
            while !drafted("Tekst in een dichte map", in: directory) && Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
            XCTAssertTrue(drafted("Tekst in een dichte map", in: directory), "the typed text is kept as a draft")
            chmod(directory + "/youths", 0o700)
        }
        try tmux.keys("ro", "C-c")
        tmux.waitUntilGone("ro")
        waitUntilNoProgram(for: directory)
        try assertAllFilesParse(directory, binary: binary)
        let saved = youthFiles(directory)
        XCTAssertTrue(saved.contains("Tekst in een dichte map") && saved.contains("Openstad"))
    }

    // MARK: - A hangup in every text editor

    /// The way to one text editor from the list, and what the offer at the next start names.
    struct Editor: Sendable {
        var name: String
        /// Steps: keys, then what the screen shows after them.
        var route: [([String], @Sendable (String) -> Bool)]
        var offer: String
    }

    static let editors: [Editor] = {
        let youth: ([String], @Sendable (String) -> Bool) = (["Enter"], youthScreen)
        let jesse: ([String], @Sendable (String) -> Bool) = (["Down", "Down", "Down", "Enter"], { (s: String) in s.contains("Caseload › Jesse Testman") && s.contains("Fasegeschiedenis") })
        return [
            Editor(name: "plan part", route: [youth, (["p"], { $0.contains("Veranderplan") && $0.contains("Enter schrijf") }),
                                             (["Down", "Down", "Enter"], writing)], offer: "veranderplan"),
            Editor(name: "journal entry", route: [youth, (["g"], { $0.contains("Contact noteren") && $0.contains("Enter kies") }),
                                                  (["Enter"], { $0.contains("Face to face thuis") && $0.contains("g contact") }),
                                                  (["Down", "Down", "Down", "Down", "Enter"], writing)], offer: "journaal"),
            Editor(name: "quick scan text", route: [youth, (["s"], { $0.contains("Quick scan") && $0.contains("Motivatie") && $0.contains("Enter wijzig") }),
                                                    (["Enter"], writing)], offer: "quick"),
            Editor(name: "user manual", route: [youth, (["u"], { $0.contains("Gebruiksaanwijzing") && $0.contains("Enter schrijf") }),
                                                (["Enter"], writing)], offer: "gebruiksaanwijzing"),
            Editor(name: "closing note", route: [youth, (["x"], { $0.contains("Afsluitnotitie") && $0.contains("Enter wijzig") }),
                                                 (["Down", "Down", "Down", "Enter"], writing)], offer: "afsluitnotitie"),
            Editor(name: "review note", route: [(["r"], { $0.contains("Weekbespreking") && $0.contains("Enter schrijf") }),
                                                (["Enter"], writing)], offer: "weekbespreking"),
            Editor(name: "meeting minutes", route: [jesse, (["o"], { $0.contains("Overleggen") && $0.contains("Enter open") }),
                                                    (["Enter"], { $0.contains("Wrap-around overleg") && $0.contains("Agenda") }),
                                                    (["Down", "Down", "Down", "Down", "Down", "Enter"], { $0.contains("Agendapunt") && $0.contains("Enter notities") }),
                                                    (["Enter"], writing)], offer: "agendapunt"),
            Editor(name: "talk notes", route: [jesse, (["c"], { $0.contains("Voortgangsgesprekken") && $0.contains("n nieuw") }),
                                               (["n"], { $0.contains("Voortgangsgesprek") && $0.contains("Notities") && $0.contains("Enter wijzig") }),
                                               (["Down", "Down", "Down", "Enter"], writing)], offer: "voortgangsgesprek"),
        ]
    }()

    /// In each editor: text typed, SIGHUP; the next start offers the draft by youth and field,
    /// and Enter opens it with the text.
    func testAHangupInEveryTextEditorKeepsTheTextAndTheNextStartOffersIt() throws {
        let binary = try rodeloperBinary()
        let tmux = try Tmux(self)
        let directory = temporaryDataDirectory(self)
        XCTAssertEqual(try runProcess(binary, ["--data-dir", directory, "demo"]).status, 0)
        var writtenOnTheWayOut = 0
        for (number, editor) in Self.editors.enumerated() {
            let typed = "Opgehangen tijdens typen \(number)"
            let session = "hup\(number)"
            try tmux.start(session, run(binary, directory))
            try tmux.waitFor(session, "the list (\(editor.name))", Self.list)
            for (index, (keys, until)) in editor.route.enumerated() {
                try tmux.keys(session, keys[0])
                if keys.count > 1 { try tmux.command(["send-keys", "-t", session] + keys.dropFirst()) }
                try tmux.waitFor(session, "\(editor.name), step \(index)", until)
            }
            try tmux.text(session, typed)
            // The hangup as soon as the text shows, mostly before the quarter second without a
            // key that writes drafts: then the way out writes it.
            let pid = try programPID(for: directory)
            let shown = Date().addingTimeInterval(15)
            while Date() < shown, !((try? tmux.screen(session))?.contains(typed) ?? false) { Thread.sleep(forTimeInterval: 0.01) }
            if !drafted(typed, in: directory) { writtenOnTheWayOut += 1 }
            XCTAssertEqual(kill(pid, SIGHUP), 0)
            tmux.waitUntilGone(session)
            waitUntilNoProgram(for: directory)

            let again = session + "-again"
            try tmux.start(again, run(binary, directory))
            let offer = try tmux.waitFor(again, "the offer (\(editor.name))") { $0.contains("Niet bevestigde tekst") && $0.contains("Enter  openen") }
            XCTAssertTrue(offer.lowercased().contains(editor.offer), "\(editor.name): the offer names the field:\n\(offer)")
            try tmux.keys(again, "Enter")
            let opened = try tmux.waitFor(again, "the draft open (\(editor.name))") { $0.contains(typed) && Self.writing($0) }
            XCTAssertTrue(opened.contains("teruggezet"), "\(editor.name):\n\(opened)")
            try tmux.keys(again, "C-c")
            tmux.waitUntilGone(again)
            waitUntilNoProgram(for: directory)
            try? FileManager.default.removeItem(atPath: directory + "/drafts")
        }
        print("Hangups: \(writtenOnTheWayOut) of \(Self.editors.count) drafts were written on the way out, the rest while typing")
        try assertAllFilesParse(directory, binary: binary)
    }

    private func drafted(_ text: String, in directory: String) -> Bool {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory + "/drafts")) ?? []
        return names.contains { (try? String(contentsOfFile: "\(directory)/drafts/\($0)", encoding: .utf8))?.contains(text) ?? false }
    }

    // MARK: - Two starts at the same moment

    /// Two programs wait for one file and start together, on a new and on an existing data
    /// directory: one runs, the other says in Dutch that the directory is open and stops with 1.
    func testTwoInstancesStartedAtTheSameMomentOneRunsTheOtherIsRefused() throws {
        let binary = try rodeloperBinary()
        let tmux = try Tmux(self)
        for round in 0..<6 {
            let directory = temporaryDataDirectory(self)
            if round % 2 == 1 { XCTAssertEqual(try runProcess(binary, ["--data-dir", directory, "demo"]).status, 0) }
            let before = youthFiles(directory)
            let go = directory + ".go"
            addTeardownBlock { unlink(go) }
            for side in ["a", "b"] {
                let log = "\(directory).\(side).err"
                addTeardownBlock { unlink(log) }
                try tmux.start("\(side)\(round)", "until [ -e \(go) ]; do sleep 0.002; done; env LANG=C.UTF-8 TERM=tmux-256color \(binary) --data-dir \(directory) 2>\(log); echo \"status $?\" >>\(log); sleep 60")
            }
            XCTAssertTrue(FileManager.default.createFile(atPath: go, contents: nil))
            var logs: [String] = []
            let deadline = Date().addingTimeInterval(15)
            repeat {
                logs = ["a", "b"].map { (try? String(contentsOfFile: "\(directory).\($0).err", encoding: .utf8)) ?? "" }
                if logs.contains(where: { $0.contains("status") }) { break }
                Thread.sleep(forTimeInterval: 0.05)
            } while Date() < deadline
            let refused = try XCTUnwrap(logs.firstIndex { $0.contains("status") }, "round \(round): neither was refused")
            let running = ["a", "b"][1 - refused] + "\(round)"
            XCTAssertTrue(logs[refused].contains("Rode Loper is al geopend met de gegevensmap"), logs[refused])
            XCTAssertTrue(logs[refused].contains("status 1"), logs[refused])
            try tmux.waitFor(running, "the other runs") { $0.contains(round % 2 == 1 ? "Bilal Bedacht" : "Welkom") }
            XCTAssertTrue(logs[1 - refused].isEmpty, "round \(round): \(logs[1 - refused])")
            try tmux.keys(running, "C-c")
            waitUntilNoProgram(for: directory)
            XCTAssertEqual(youthFiles(directory), before, "round \(round): no youth file changed")
            if round % 2 == 1 { try assertAllFilesParse(directory, binary: binary) }
            for side in ["a", "b"] { _ = try? tmux.command(["kill-session", "-t", "\(side)\(round)"]) }
        }
    }

    // MARK: - Terminal sizes and a storm of resizes

    private func resize(_ tmux: Tmux, _ session: String, _ width: Int, _ height: Int) throws {
        try tmux.command(["resize-window", "-t", session, "-x", "\(width)", "-y", "\(height)"])
    }

    /// The last part of the path in the title line ("Caseload › Bilal Bedacht" gives "Bilal Bedacht").
    private func screenTitle(_ screen: String) -> String {
        var path = (screen.split(separator: "\n").first.map(String.init) ?? "").trimmingCharacters(in: .whitespaces)
        if path.hasSuffix(dayFromToday(0)) { path.removeLast(dayFromToday(0).count) }
        let last = path.components(separatedBy: "›").last ?? ""
        return (last.contains("·") ? last.components(separatedBy: "·").last! : last).trimmingCharacters(in: .whitespaces)
    }

    /// Each screen on the way (pop-ups and an open editor among them), at sizes from 20x5 to
    /// 300x100: drawn for that size (the date at the right end of the title line, the hints on
    /// the last line), or below 60x16 the "te klein" message with the size; never a crash.
    func testEveryScreenDrawsAtSizesFrom20x5To300x100() throws {
        let binary = try rodeloperBinary()
        let tmux = try Tmux(self)
        let directory = temporaryDataDirectory(self)
        XCTAssertEqual(try runProcess(binary, ["--data-dir", directory, "demo"]).status, 0)
        try tmux.start("sizes", run(binary, directory))
        try tmux.waitFor("sizes", "the list", Self.list)
        let sizes = [(20, 5), (59, 16), (60, 15), (60, 16), (80, 24), (160, 50), (300, 100)]
        // Each screen: the keys that lead to it from the one before, and the end of its title.
        let route: [(keys: [String], title: String)] = [
            ([], "Caseload"), (["Enter"], "Bilal Bedacht"), (["p"], "Veranderplan"), (["Enter"], "Veranderplan"),
            (["Escape", "Escape"], "Bilal Bedacht"), (["z"], "ZRM"), (["Escape", "g"], "Contact"), (["Escape"], "Contact"),
            (["Escape", "Escape", "r"], "Weekbespreking"), (["Escape", "w"], "Werkplekken"), (["Enter"], "Werkplek"),
            (["Escape", "Escape", "i"], "Instellingen"), (["Escape", "?"], "Help"),
        ]
        for (keys, title) in route {
            try resize(tmux, "sizes", 80, 24)
            for key in keys {
                try tmux.command(["send-keys", "-t", "sizes", key])
                Thread.sleep(forTimeInterval: key == "Escape" ? 0.3 : 0.1)
            }
            try tmux.waitFor("sizes", "\(title) at 80x24") { screenTitle($0) == title }
            for (width, height) in sizes {
                try resize(tmux, "sizes", width, height)
                let small = width < 60 || height < 16
                try tmux.waitFor("sizes", "\(title) at \(width)x\(height)") { screen in
                    if small { return screen.contains(width < 30 ? "te klein" : "nu \(width)x\(height)") }
                    let lines = screen.split(separator: "\n", omittingEmptySubsequences: false).map { String($0.reversed().drop { $0 == " " }.reversed()) }
                    return lines.count >= height && lines[0].count >= width - 2 && lines[0].hasSuffix(dayFromToday(0))
                        && screenTitle(screen) == title && !lines[height - 1].isEmpty
                }
                XCTAssertTrue(tmux.isRunning("sizes"), "\(title) at \(width)x\(height)")
            }
        }
        try resize(tmux, "sizes", 80, 24)
        try tmux.keys("sizes", "C-c")
        tmux.waitUntilGone("sizes")
    }

    /// While typing a page with data on the screen, 60 resizes in quick succession (tiny, huge,
    /// odd): afterwards the screen at 80x24 is the same as before the storm, the text typed is
    /// all there and more can be typed and confirmed.
    func testAResizeStormLeavesTheScreenRightAndTheTextWhole() throws {
        let binary = try rodeloperBinary()
        let tmux = try Tmux(self)
        let directory = temporaryDataDirectory(self)
        XCTAssertEqual(try runProcess(binary, ["--data-dir", directory, "demo"]).status, 0)
        try tmux.start("storm", run(binary, directory))
        try tmux.waitFor("storm", "the list", Self.list)
        try tmux.keys("storm", "Down", "Down", "Down", "Enter")
        try tmux.waitFor("storm", "Jesse's profile") { $0.contains("Caseload › Jesse Testman") && $0.contains("Fasegeschiedenis") }
        try tmux.keys("storm", "p")
        try tmux.waitFor("storm", "the plan") { $0.contains("Veranderplan") && $0.contains("Enter schrijf") }
        try tmux.keys("storm", "Enter")
        try tmux.waitFor("storm", "the editor", Self.writing)
        try tmux.text("storm", " Voor de storm.")
        let before = try tmux.waitFor("storm", "the text") { $0.contains("Voor de storm.") }

        srand48(20)
        for _ in 0..<60 {
            try resize(tmux, "storm", 1 + seededDraw(300), 1 + seededDraw(100))
        }
        try resize(tmux, "storm", 80, 24)
        let after = try tmux.waitFor("storm", "the screen as before") { $0 == before }
        XCTAssertEqual(after, before)
        XCTAssertTrue(tmux.isRunning("storm"))
        try tmux.text("storm", " Na de storm.")
        try tmux.keys("storm", "Tab")
        try tmux.waitFor("storm", "the next part") { Self.writing($0) && !$0.contains("Na de storm.") }
        try escape(tmux, "storm", to: "the plan") { $0.contains("Enter schrijf") }
        try tmux.keys("storm", "C-c")
        tmux.waitUntilGone("storm")
        let saved = youthFiles(directory)
        XCTAssertTrue(saved.contains("Voor de storm. Na de storm."), "the text typed before and after the storm is saved")
        try assertAllFilesParse(directory, binary: binary)
    }
}
