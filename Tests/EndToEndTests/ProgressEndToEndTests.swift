import Foundation
import XCTest

/// Opening a caseload without a valid cache draws a line with counts before the list; a second
/// instance is still refused on stderr, after the terminal is given back.
final class ProgressEndToEndTests: XCTestCase {
    /// The whole output of a program started in tmux, from its first byte (pipe-pane is attached
    /// before the program starts).
    private func startRecorded(_ tmux: Tmux, _ name: String, _ command: String) throws -> String {
        let base = NSTemporaryDirectory() + "rodeloper-e2e-\(UUID().uuidString)"
        addTeardownBlock { for suffix in ["-uitvoer", "-klaar"] { try? FileManager.default.removeItem(atPath: base + suffix) } }
        try tmux.start(name, "while [ ! -e \(base)-klaar ]; do sleep 0.05; done; \(command)")
        try tmux.command(["pipe-pane", "-t", name, "-o", "cat > \(base)-uitvoer"])
        XCTAssertTrue(FileManager.default.createFile(atPath: base + "-klaar", contents: nil))
        return base + "-uitvoer"
    }

    func testTheProgressLineWithCountsComesBeforeTheList() throws {
        let binary = try rodeloperBinary()
        let directory = temporaryDataDirectory(self)
        XCTAssertEqual(try runProcess(binary, ["--data-dir", directory, "demo"]).status, 0)
        XCTAssertEqual(unlink(directory + "/index.cache"), 0)
        let count = try FileManager.default.contentsOfDirectory(atPath: directory + "/youths").filter { $0.hasSuffix(".json") }.count
        XCTAssertGreaterThan(count, 1)

        let tmux = try Tmux(self)
        let output = try startRecorded(tmux, "progress", "exec env LANG=C.UTF-8 TERM=tmux-256color \(binary) --data-dir \(directory)")
        try tmux.waitFor("progress", "the demo list") { $0.contains("Daan Demo") }
        let sent = String(decoding: FileManager.default.contents(atPath: output) ?? Data(), as: UTF8.self)
        let first = try XCTUnwrap(sent.range(of: "Caseload inlezen: 0 van \(count) dossiers"), String(sent.prefix(2_000)))
        // ncurses sends only what changed: the last count after the first line.
        XCTAssertNotNil(sent.range(of: "\(count) van \(count) dossiers", range: first.upperBound..<sent.endIndex))
        let list = try XCTUnwrap(sent.range(of: "Daan Demo"))
        XCTAssertLessThan(first.lowerBound, list.lowerBound, "the line is drawn before the list")
        XCTAssertTrue(FileManager.default.fileExists(atPath: directory + "/index.cache"), "the cache is written again")

        // A second instance, on a terminal too: refused on stderr with the same message and
        // status, once the terminal is back as it was.
        let result = NSTemporaryDirectory() + "rodeloper-e2e-\(UUID().uuidString)"
        addTeardownBlock { for suffix in ["-fout", "-status"] { try? FileManager.default.removeItem(atPath: result + suffix) } }
        try tmux.start("second", "env LANG=C.UTF-8 TERM=tmux-256color \(binary) --data-dir \(directory) 2> \(result)-fout; echo $? > \(result)-status; sleep 30")
        let deadline = Date().addingTimeInterval(15)
        while !FileManager.default.fileExists(atPath: result + "-status"), Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        Thread.sleep(forTimeInterval: 0.1)
        let status = try String(contentsOfFile: result + "-status", encoding: .utf8)
        let stderr = try String(contentsOfFile: result + "-fout", encoding: .utf8)
        XCTAssertEqual(status, "1\n")
        XCTAssertTrue(stderr.hasPrefix("rodeloper: Rode Loper is al geopend met de gegevensmap"), stderr)
        XCTAssertTrue(tmux.isRunning("progress"), "the first instance goes on")
        try tmux.keys("progress", "C-c")
        tmux.waitUntilGone("progress")
    }
}
