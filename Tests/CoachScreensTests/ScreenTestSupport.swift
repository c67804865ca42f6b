import Caseload
@testable import CoachScreens
import Foundation
import TerminalKit
import XCTest

/// An app on a temporary data directory with a fixed clock, driven by keys, read as text.
final class Harness {
    static let now = Date(timeIntervalSince1970: 1_795_372_800) // 22-11-2026 12:00 UTC
    let directory: String
    let store: CaseloadStore
    let app: App
    /// The terminal's size; a change reaches the app as a resize, as from the real terminal.
    var width = 80 { didSet { app.resize(width: width, height: height) } }
    var height = 24 { didSet { app.resize(width: width, height: height) } }

    init(_ test: XCTestCase, youths: [String] = [], demo: Bool = false, prepare: (CaseloadStore) throws -> Void = { _ in }) throws {
        let directory = NSTemporaryDirectory() + "rodeloper-screens-\(UUID().uuidString)"
        test.addTeardownBlock { try? FileManager.default.removeItem(atPath: directory) }
        self.directory = directory
        store = try CaseloadStore(directory: directory, clock: { Harness.now })
        let today = LocalDate(Harness.now, timeZone: testZone)
        for name in youths { try store.save(try Youth(name: name, now: Harness.now, today: today)) }
        if demo { try DemoCaseload.write(into: store, today: today, now: Harness.now) }
        try prepare(store)
        app = App(session: Session(store: store, clock: { Harness.now }, timeZone: testZone))
    }

    /// The program started again on the same data directory (and store), as after quitting.
    init(reopening other: Harness) {
        directory = other.directory
        store = other.store
        app = App(session: Session(store: store, clock: { Harness.now }, timeZone: testZone))
    }

    func press(_ keys: Key...) { keys.forEach(app.handle) }
    func press(_ keys: [Key]) { keys.forEach(app.handle) }
    func type(_ text: String) { text.forEach { app.handle(.char($0)) } }

    var canvas: Canvas {
        var canvas = Canvas(width: width, height: height)
        app.render(into: &canvas)
        return canvas
    }

    var screen: String { canvas.text }

    /// The rows of the screen that contain `text`.
    func rows(containing text: String) -> [String] {
        screen.split(separator: "\n", omittingEmptySubsequences: false).map(String.init).filter { $0.contains(text) }
    }
}

/// The zone the fixed moments are read in: never the machine's, so the suite passes anywhere.
let testZone = TimeZone(identifier: "Europe/Amsterdam")!

func permissions(_ path: String) -> Int {
    ((try? FileManager.default.attributesOfItem(atPath: path))?[.posixPermissions] as? Int) ?? -1
}
