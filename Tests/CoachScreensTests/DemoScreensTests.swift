@testable import CoachScreens
import TerminalKit
import XCTest

/// The demo is how a new coach sees what the program does: every screen must have something in
/// it. When a screen is added, add it here and give the demo data for it.
final class DemoScreensTests: XCTestCase {
    private func jesse() throws -> Harness {
        let harness = try Harness(self, demo: true)
        harness.width = 100
        harness.height = 30
        harness.press(.char("/"))
        harness.type("jesse")
        harness.press(.enter)
        return harness
    }

    /// Each screen of the demo: the keys from Jesse's profile, and a text only data can put there.
    func testEveryScreenOfTheDemoHasRows() throws {
        let screens: [(name: String, keys: [Key], shows: [String])] = [
            ("profile", [], ["Studio Verzinsel", "Coachen", "ZRM: "]),
            ("ZRM history", [.char("z")], ["0m", "verloop"]),
            ("ZRM form", [.char("z"), .enter], ["Gescoord door", "Coach Demo"]),
            ("ZRM comparison", [.char("z"), .char("c")], ["Gemiddeld", "omhoog"]),
            ("quick scan", [.char("s")], ["geld verdienen met muziek. ¶ Ziet", "installatiebedrijf", "Schulden bij de"]),
            ("quick scan, LVB and BSA", [.char("s"), .end], ["Vermoeden LVB", "nee"]),
            ("plan", [.char("p")], ["BBL-plek als monteur", "leren"]),
            ("plan versions", [.char("p"), .char("h")], ["Eerdere versie 1 van 1", "Werk vinden, maakt niet uit wat."]),
            ("actions", [.char("a")], ["Cv afmaken", "TE LAAT", "[x]"]),
            ("network", [.char("m")], ["Moeder Testman", "Oom Karim"]),
            ("professionals", [.char("m"), .tab], ["Jobhunter Fictief", "Schuldhulp Demo"]),
            ("meetings", [.char("o")], ["Buurthuis De Proef", "Jongerenloket"]),
            ("meeting with a missing consent", [.char("o"), .enter], ["LET OP", "Schuldhulp Demo"]),
            ("participants", [.char("o"), .enter] + Array(repeating: .down, count: 4) + [.enter], ["[x]", "GEEN"]),
            ("agenda", [.char("o"), .enter] + Array(repeating: .down, count: 5) + [.enter], ["Doel:", "Actie:"]),
            ("agreements", [.char("o"), .home, .enter] + Array(repeating: .down, count: 6) + [.enter], ["drie BBL-plekken", "groepsapp"]),
            ("agreed actions", [.char("o"), .home, .enter] + Array(repeating: .down, count: 6) + [.enter, .down, .enter],
             ["Afgesproken acties: 2 open", "Cv afmaken"]),
            ("consents", [.char("o"), .char("t")], ["alles over werk en school", "Oom Karim"]),
            ("journal", [.char("l")], ["Gesprek over de schulden", "mislukt", "aandacht"]),
        ]
        for screen in screens {
            let harness = try jesse()
            harness.press(screen.keys)
            for text in screen.shows {
                XCTAssertTrue(harness.screen.contains(text), "\(screen.name) shows \(text):\n\(harness.screen)")
            }
            XCTAssertFalse(harness.screen.contains("Nog geen") || harness.screen.contains("Nog niemand"), "\(screen.name) is not empty")
        }
        let scout = try Harness(self, demo: true)
        scout.press(.char("s"))
        XCTAssertTrue(scout.screen.contains("3 pogingen") && scout.screen.contains("2 jongeren in scout"), "the scout view: \(scout.screen)")
        scout.press(.char("/"))
        scout.type("fenna")
        scout.press(.enter, .end, .up, .enter)
        XCTAssertTrue(scout.screen.contains("Scout: 3 contactpogingen") && scout.screen.contains("Appje gestuurd"), scout.screen)
        let review = try Harness(self, demo: true)
        review.press(.char("r"))
        XCTAssertTrue(review.screen.contains("5/11") && review.screen.contains("4 besproken") && review.screen.contains("Aanleiding"),
                      "the demo's review is half done: \(review.screen)")
        review.press(.pageUp, .pageUp, .pageUp, .pageUp)
        XCTAssertTrue(review.screen.contains("Schuldhulp staat nog niet op de lijst") && review.screen.contains("Vorige keer (week 46): Cv is half af."),
                      "with this week's note and last week's decision: \(review.screen)")
        let list = try Harness(self, demo: true)
        list.press(.char("o"))
        XCTAssertTrue(list.screen.contains("Jesse Testman") && list.screen.contains("TE LAAT") && list.screen.contains("afgesproken in overleg"),
                      "the caseload agenda: \(list.screen)")
    }
}
