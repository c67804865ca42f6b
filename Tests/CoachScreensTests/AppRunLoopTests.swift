@testable import Caseload
@testable import CoachScreens
import TerminalKit
import XCTest

final class AppRunLoopTests: XCTestCase {
    func testTheLoopDrawsAFramePerKeyFollowsAResizeAndQuits() throws {
        let harness = try Harness(self, youths: ["Zoë Çelik"])
        let terminal = HeadlessTerminal(width: 80, height: 24)
        terminal.type(.down)
        terminal.resize(width: 100, height: 30)
        terminal.type(.char("q"))
        harness.app.run(on: terminal, stopWhenIdle: true)
        XCTAssertTrue(harness.app.finished)
        XCTAssertEqual(terminal.frames.count, 3, "one at the start, one after each key before quitting")
        XCTAssertEqual(terminal.frames.last?.width, 100, "the frame after a resize has the new size")
        XCTAssertTrue(terminal.frames[0].text.contains("Zoë Çelik"))
    }

    func testASignalStopsTheLoopAndTheSummaryCacheIsWritten() throws {
        let harness = try Harness(self, youths: ["Sem"])
        try? FileManager.default.removeItem(atPath: harness.directory + "/index.cache")
        let terminal = HeadlessTerminal()
        terminal.type(.down, .down)
        var checks = 0
        harness.app.run(on: terminal, stopRequested: { checks += 1; return checks > 1 })
        XCTAssertFalse(harness.app.finished, "stopped from outside, not by a key")
        XCTAssertEqual(terminal.frames.count, 2)
        XCTAssertTrue(FileManager.default.fileExists(atPath: harness.directory + "/index.cache"))
    }
}
