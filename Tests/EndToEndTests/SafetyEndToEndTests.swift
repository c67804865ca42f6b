import Foundation
import XCTest

/// The real binary against data made to hurt: control characters in every output, a bad file
/// name on stderr, a read-only data directory, and no core files.
final class SafetyEndToEndTests: XCTestCase {
    /// ESC with an OSC title change, BEL, C1 CSI, a bidi override, NUL, DEL, a line separator.
    static let hostile = "\u{1B}]0;PWNED\u{07}\u{9B}31m\u{202E}\u{0}\u{7F}\u{2028}"
    static let rawBytes: [[UInt8]] = [[0x1B], [0x07], [0x00], [0x7F], [0xC2, 0x9B], [0xE2, 0x80, 0xAE], [0xE2, 0x80, 0xA8]]

    static var sampleURL: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Samples/youth-v4.json")
    }

    /// A data directory holding the current sample, its texts laced with control characters.
    private func hostileDirectory() throws -> (directory: String, id: String) {
        let directory = temporaryDataDirectory(self)
        try FileManager.default.createDirectory(atPath: directory + "/youths", withIntermediateDirectories: true)
        var file = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: Self.sampleURL)) as? [String: Any])
        var youth = try XCTUnwrap(file["youth"] as? [String: Any])
        youth["name"] = "Zoë" + Self.hostile + "Çelik"
        var plan = try XCTUnwrap(youth["changePlan"] as? [String: Any])
        plan["goal"] = "Werk" + Self.hostile + "\nregel twee"
        youth["changePlan"] = plan
        var meetings = try XCTUnwrap(youth["meetings"] as? [[String: Any]])
        meetings[0]["place"] = "Buurthuis" + Self.hostile
        youth["meetings"] = meetings
        file["youth"] = youth
        let id = try XCTUnwrap(youth["id"] as? String)
        try JSONSerialization.data(withJSONObject: file).write(to: URL(fileURLWithPath: "\(directory)/youths/\(id).json"))
        return (directory, id)
    }

    private func assertNoRawControls(_ text: String, _ what: String, file: StaticString = #filePath, line: UInt = #line) {
        let bytes = Array(text.utf8)
        for raw in Self.rawBytes where bytes.indices.contains(where: { Array(bytes[$0..<min($0 + raw.count, bytes.count)]) == raw }) {
            XCTFail("\(what) holds the raw bytes \(raw)", file: file, line: line)
        }
    }

    func testEveryExportAndStderrEscapeControlCharacters() throws {
        let binary = try rodeloperBinary()
        let (directory, id) = try hostileDirectory()
        let json = try runProcess(binary, ["--data-dir", directory, "export", "--format", "json"])
        assertNoRawControls(json.stdout, "export --format json")
        XCTAssertTrue(json.stdout.contains(#"\u001b]0;PWNED\u0007\u009b31m\u202e\u0000\u007f\u2028"#), json.stdout)
        let document = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        XCTAssertEqual((document["youths"] as? [[String: Any]])?.first?["name"] as? String, "Zoë" + Self.hostile + "Çelik",
                       "the JSON reads back to the very same text")
        // A file whose very name would change the terminal title if printed raw: the backup is refused naming it.
        try Data("{".utf8).write(to: URL(fileURLWithPath: "\(directory)/youths/\u{1B}]0;PWNED\u{07}.json"))
        let refused = try runProcess(binary, ["--data-dir", directory, "export", "--format", "json"])
        XCTAssertEqual(refused.status, 1)
        XCTAssertEqual(refused.stdout, "")
        assertNoRawControls(refused.stderr, "stderr")
        XCTAssertTrue(refused.stderr.contains("youths/\\x1B]0;PWNED\\x07.json: het is geen geldige JSON"), refused.stderr)

        let escaped = "\\x1B]0;PWNED\\x07\\x9B31m\\u{202E}\\x00\\x7F\\u{2028}"
        let plan = try runProcess(binary, ["--data-dir", directory, "export", "--format", "markdown", "--youth", id])
        XCTAssertEqual(plan.status, 0, plan.stderr)
        assertNoRawControls(plan.stdout, "the Markdown plan")
        XCTAssertTrue(plan.stdout.contains("# Veranderplan van Zoë\(escaped)Çelik") && plan.stdout.contains("Werk\(escaped)\\\nregel twee"), plan.stdout)
        for format in ["markdown", "text"] {
            let minutes = try runProcess(binary, ["--data-dir", directory, "export", "--format", format, "--youth", id, "--meeting", "20-03-2026"])
            XCTAssertEqual(minutes.status, 0, minutes.stderr)
            assertNoRawControls(minutes.stdout, "the minutes as \(format)")
            XCTAssertTrue(minutes.stdout.contains("Buurthuis\(escaped)"), minutes.stdout)
        }
    }

    func testAReadOnlyDataDirectoryOpensWithABannerAndRefusesChanges() throws {
        let binary = try rodeloperBinary()
        let tmux = try Tmux(self)
        let (source, _) = try hostileDirectory()
        let mountPoint = temporaryDataDirectory(self)
        try FileManager.default.createDirectory(atPath: mountPoint, withIntermediateDirectories: true)
        // A real read-only mount of the folder; where mounting is not allowed, say so and skip.
        guard (try? runProcess("/bin/mount", ["--bind", source, mountPoint]))?.status == 0 else {
            throw XCTSkip("a read-only bind mount needs root and mount (not available here)")
        }
        addTeardownBlock { _ = try? runProcess("/bin/umount", [mountPoint]) }
        guard try runProcess("/bin/mount", ["-o", "remount,bind,ro", mountPoint]).status == 0 else {
            throw XCTSkip("remounting read-only is not allowed here")
        }

        try tmux.start("ro", "env LANG=C.UTF-8 TERM=tmux-256color \(binary) --data-dir \(mountPoint)")
        let list = try tmux.waitFor("ro", "the banner") { $0.contains("Alleen lezen") && $0.contains("Zoë") }
        XCTAssertTrue(list.contains("alleen gelezen kan"), list)
        try tmux.keys("ro", "Enter")
        try tmux.waitFor("ro", "the youth screen") { $0.contains("Fasegeschiedenis") }
        try tmux.keys("ro", "Down", "Down", "Enter")   // Gemeente
        try tmux.text("ro", "Proefstad")
        try tmux.keys("ro", "Enter")
        // The banner says it once; the refused change says it again, under the fields.
        try tmux.waitFor("ro", "the refusal") { $0.components(separatedBy: "wijzigingen worden niet opgeslagen").count == 3 }
        try tmux.keys("ro", "C-c")
        tmux.waitUntilGone("ro")
        let export = try runProcess(binary, ["--data-dir", mountPoint, "export", "--format", "json"])
        XCTAssertEqual(export.status, 0, export.stderr)
        XCTAssertFalse(export.stdout.contains("Proefstad"), "nothing was written")
    }

    func testAFileThatCannotBeOpenedIsNamedWithItsReason() throws {
        let binary = try rodeloperBinary()
        // Root reads every file, so the check runs as nobody, on a folder that nobody owns.
        guard getuid() == 0, FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv") else {
            throw XCTSkip("needs root and setpriv to run the program as another user")
        }
        // A copy of the binary where nobody may run it (the clone's folder may be root's alone).
        let bin = temporaryDataDirectory(self)
        try FileManager.default.createDirectory(atPath: bin, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: binary, toPath: bin + "/rodeloper")
        chmod(bin, 0o755)
        chmod(bin + "/rodeloper", 0o755)
        let asNobody = ["--reuid=65534", "--regid=65534", "--clear-groups", bin + "/rodeloper"]
        guard try runProcess("/usr/bin/setpriv", asNobody + ["--version"]).status == 0 else {
            throw XCTSkip("the program cannot be run as nobody here")
        }
        let (directory, id) = try hostileDirectory()
        let file = "\(directory)/youths/\(id).json"
        for path in [directory, directory + "/youths", file] { XCTAssertEqual(chown(path, 65534, 65534), 0) }
        chmod(directory, 0o755)
        chmod(directory + "/youths", 0o755)
        chmod(file, 0o000)
        let export = try runProcess("/usr/bin/setpriv", asNobody + ["--data-dir", directory, "export", "--format", "json"])
        XCTAssertEqual(export.status, 1, export.stderr)
        XCTAssertTrue(export.stderr.contains("youths/\(id).json: het kon niet worden geopend (geen toestemming, foutcode 13)"),
                      export.stderr)
    }

    func testTheProgramRunsWithoutCoreFiles() throws {
        let binary = try rodeloperBinary()
        let tmux = try Tmux(self)
        let directory = temporaryDataDirectory(self)
        try tmux.start("core", "ulimit -c unlimited; exec env LANG=C.UTF-8 TERM=tmux-256color \(binary) --data-dir \(directory)")
        try tmux.waitFor("core", "the welcome screen") { $0.contains("Welkom") }
        let pid = try programPID(for: directory)
        let limits = try String(contentsOfFile: "/proc/\(pid)/limits", encoding: .utf8)
        let core = try XCTUnwrap(limits.split(separator: "\n").first { $0.hasPrefix("Max core file size") })
        XCTAssertEqual(core.split(separator: " ", omittingEmptySubsequences: true).dropFirst(4).prefix(2), ["0", "0"], String(core))
        try tmux.keys("core", "C-c")
        tmux.waitUntilGone("core")
    }
}
