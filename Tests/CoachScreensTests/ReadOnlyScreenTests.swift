@testable import Caseload
@testable import CoachScreens
import Foundation
import TerminalKit
import XCTest

/// What the coach sees when nothing may be written: a read-only data directory, or a youth whose
/// file a newer Rode Loper wrote.
final class ReadOnlyScreenTests: XCTestCase {
    func testAReadOnlyDirectoryShowsABannerOnEveryScreenAndRefusesChanges() throws {
        let harness = try Harness(self, youths: ["Sem Verzonnen"])
        let store = try CaseloadStore(directory: harness.directory, clock: { Harness.now }, simulate: .readOnlyDirectory)
        let app = App(session: Session(store: store, clock: { Harness.now }, timeZone: testZone))
        func screen() -> String {
            var canvas = Canvas(width: 80, height: 24)
            app.render(into: &canvas)
            return canvas.text
        }
        XCTAssertTrue(screen().contains("Alleen lezen: de gegevensmap staat op een schijf die alleen gelezen kan"), screen())
        app.handle(.enter)
        XCTAssertTrue(screen().contains("Alleen lezen") && screen().contains("Sem Verzonnen"), screen())
        for key in [Key.down, .down, .enter, .char("X"), .enter] { app.handle(key) }
        XCTAssertEqual(screen().components(separatedBy: "wijzigingen worden niet opgeslagen").count, 3, "banner and refusal: \(screen())")
        XCTAssertEqual(try store.youth(id: store.summaries[0].id).municipality, "", "nothing changed")
    }

    func testAYouthOfANewerVersionIsShownReadOnly() throws {
        let directory = NSTemporaryDirectory() + "rodeloper-screens-\(UUID().uuidString)"
        addTeardownBlock { try? FileManager.default.removeItem(atPath: directory) }
        let today = LocalDate(Harness.now, timeZone: testZone)
        let timo = try Youth(name: "Timo Fantasie", now: Harness.now, today: today)
        do {
            let store = try CaseloadStore(directory: directory)
            try store.save(timo)
        }
        let path = "\(directory)/youths/\(timo.id).json"
        let text = try String(contentsOfFile: path, encoding: .utf8)
            .replacingOccurrences(of: "\"schemaVersion\" : \(CaseloadStore.schemaVersion)", with: "\"schemaVersion\" : 99")
        try text.write(toFile: path, atomically: false, encoding: .utf8)

        let app = App(session: Session(store: try CaseloadStore(directory: directory), clock: { Harness.now }, timeZone: testZone))
        func screen() -> String {
            var canvas = Canvas(width: 80, height: 24)
            app.render(into: &canvas)
            return canvas.text
        }
        XCTAssertTrue(screen().contains("nieuwere versie"), "a notice at the start: \(screen())")
        app.handle(.enter)
        app.handle(.enter)
        XCTAssertTrue(screen().contains("Dit dossier is gemaakt met een nieuwere versie van Rode Loper (schema 99)"), screen())
        for key in [Key.down, .down, .enter, .char("X"), .enter] { app.handle(key) }
        XCTAssertEqual(screen().components(separatedBy: "zodat er niets verloren gaat").count, 3, "banner and refusal: \(screen())")
        XCTAssertEqual(try String(contentsOfFile: path, encoding: .utf8), text, "the file is untouched")
    }
}
