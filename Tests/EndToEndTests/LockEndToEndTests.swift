import Foundation
import XCTest

/// A `.lock` that is no file (a pipe, a folder) does not stop the start with an error code: it is
/// moved to quarantine with a notice that names it, and the program runs.
final class LockEndToEndTests: XCTestCase {
    func testALockThatIsAPipeOrAFolderIsMovedAsideAtTheStart() throws {
        let binary = try rodeloperBinary()
        for kind in ["pipe", "map"] {
            let directory = temporaryDataDirectory(self)
            XCTAssertEqual(try runProcess(binary, ["--data-dir", directory, "demo"]).status, 0)
            unlink(directory + "/.lock")
            if kind == "pipe" {
                XCTAssertEqual(mkfifo(directory + "/.lock", 0o644), 0)
            } else {
                try FileManager.default.createDirectory(atPath: directory + "/.lock", withIntermediateDirectories: false)
            }
            let tmux = try Tmux(self)
            try tmux.start("lock", "exec env LANG=C.UTF-8 TERM=tmux-256color \(binary) --data-dir \(directory)")
            let screen = try tmux.waitFor("lock", "the notice about .lock") { $0.contains(".lock kon niet worden gebruikt") }
            XCTAssertTrue(screen.contains(kind == "pipe" ? "pipe" : "een map"), screen)
            XCTAssertFalse(screen.contains("foutcode"), screen)
            XCTAssertTrue(tmux.isRunning("lock"), screen)
            let quarantined = try FileManager.default.contentsOfDirectory(atPath: directory + "/quarantine")
            XCTAssertTrue(quarantined.contains { $0.hasSuffix("-lock-geen-bestand") }, "\(quarantined)")
            try tmux.keys("lock", "C-c")
            tmux.waitUntilGone("lock")
        }
    }
}
