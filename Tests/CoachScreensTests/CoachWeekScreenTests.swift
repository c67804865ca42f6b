@testable import Caseload
@testable import CoachScreens
import Foundation
import TerminalKit
import XCTest

/// The screens of the coach's week, headless: the journal and its quick entry, scout attempts,
/// the settings and the review pages. Today is 22-11-2026 (Harness.now).
final class CoachWeekScreenTests: XCTestCase {
    let today = LocalDate(Harness.now, timeZone: testZone)

    private func youth(_ harness: Harness, _ name: String) throws -> Youth {
        try harness.store.youth(id: try XCTUnwrap(harness.store.summaries.first { $0.name == name }).id)
    }

    // MARK: - Quick entry and journal

    func testAContactIsNotedFromAnyScreenOfTheYouthByTabbingThroughOneForm() throws {
        let harness = try Harness(self, youths: ["Zoë Çelik"])
        harness.press(.enter, .char("a"), .char("g"))
        XCTAssertTrue(harness.screen.contains("Acties › Contact") && harness.screen.contains("Face to face op straat"),
                      "g on the actions screen opens the form with its kind to choose: \(harness.screen)")
        harness.press(.down, .tab)                               // op straat; the date (today) opens
        XCTAssertEqual(try youth(harness, "Zoë Çelik").journal.map(\.kind), [.onTheStreet], "saved once the kind is chosen")
        XCTAssertTrue(harness.screen.contains(today.text))
        harness.press(.tab)
        harness.type("1:15")
        harness.press(.tab)
        harness.type("Moeder")
        harness.press(.tab)
        harness.type("Bij de snackbar gesproken.")
        harness.press(.enter)
        harness.type("Wil naar het ROC.")
        harness.press(.tab)                                       // the principles: a checklist
        XCTAssertTrue(harness.screen.contains("[ ] Normaliseren"), harness.screen)
        harness.press(.char(" "), .down, .down, .char(" "), .enter)
        let entry = try XCTUnwrap(try youth(harness, "Zoë Çelik").journal.first)
        XCTAssertEqual(entry.date, today)
        XCTAssertEqual(entry.minutes, 75)
        XCTAssertEqual(entry.present, "Moeder")
        XCTAssertEqual(entry.text, "Bij de snackbar gesproken.\nWil naar het ROC.")
        XCTAssertEqual(entry.principles, [.normalise, .chances])
        XCTAssertTrue(harness.screen.contains("1 u 15") && harness.screen.contains("Normaliseren, Kansen creëren"), harness.screen)
        harness.press(.escape)
        XCTAssertTrue(harness.screen.contains("Caseload › Zoë Çelik › Acties"), "back where it was noted")
    }

    func testTheContactFormRefusesWhatCannotBeTrue() throws {
        let harness = try Harness(self, youths: ["Zoë"])
        harness.press(.enter, .char("g"), .escape)               // no kind chosen: nothing exists yet
        harness.press(.down, .enter, .ctrl("u"))
        harness.type("20-11-2026")
        harness.press(.enter)
        XCTAssertTrue(harness.screen.contains("Kies eerst de soort contact."), harness.screen)
        harness.press(.escape, .home, .enter, .enter, .down, .enter, .ctrl("u"))
        harness.type("23-11-2026")
        harness.press(.enter)
        XCTAssertTrue(harness.screen.contains("Een contact kan niet in de toekomst liggen"), harness.screen)
        harness.press(.escape, .down, .enter)
        harness.type("een uur")
        harness.press(.enter)
        XCTAssertTrue(harness.screen.contains("Typ de duur in minuten"), harness.screen)
        XCTAssertEqual(try youth(harness, "Zoë").journal.map(\.minutes), [nil], "nothing silently fixed")
    }

    func testTheJournalIsNewestFirstAndFiltersByKindAndPrinciple() throws {
        let harness = try Harness(self, youths: ["Zoë"]) { store in
            var zoe = try store.youth(id: store.summaries[0].id)
            var home = JournalEntry(date: self.today.adding(days: -20), kind: .atHome)
            home.text = "Thuis, met moeder"
            home.principles = [.attention]
            var phone = JournalEntry(date: self.today.adding(days: -16), kind: .phone)
            phone.text = "Gebeld over school"
            phone.principles = [.attention, .dreams]
            var failed = JournalEntry(date: self.today.adding(days: -2), kind: .failedAttempt)
            failed.text = "Niet thuis"
            for entry in [home, phone, failed] { zoe.save(entry) }
            try store.save(zoe)
        }
        harness.press(.enter, .char("l"))
        func entries() -> [String] { harness.rows(containing: "-2026").filter { $0.hasPrefix("  ") || $0.hasPrefix(" " + Table.pointer) } }
        let rows = entries()
        XCTAssertEqual(rows.count, 3)
        XCTAssertTrue(rows[0].contains("Niet thuis") && rows[1].contains("Gebeld") && rows[2].contains("Thuis, met"), harness.screen)
        XCTAssertTrue(harness.screen.contains("Laatste contact 16 dagen geleden: langer dan 14 dagen"), "a failed attempt is no contact: \(harness.screen)")
        harness.press(.char("/"))
        let telefoon = try XCTUnwrap(JournalScreen.Filter.choices.firstIndex(of: .kind(.phone)))
        harness.press(Array(repeating: .down, count: telefoon) + [.enter])
        XCTAssertEqual(entries().count, 1)
        XCTAssertTrue(harness.screen.contains("filter: Telefoon"))
        harness.press(.char("/"), .end, .enter)                  // principle: dreams and talents
        XCTAssertTrue(entries().count == 1 && harness.screen.contains("Gebeld over school"), harness.screen)
        harness.press(.char("/"), .home, .enter)
        XCTAssertEqual(entries().count, 3)

        // The caseload shows the days since the last real contact, marked past the threshold.
        harness.press(.escape, .escape)
        XCTAssertTrue(harness.rows(containing: "Zoë").first?.contains("16 d!") ?? false, harness.screen)
    }

    // MARK: - Scouting

    func testScoutAttemptsAreCountedAndTheAgreementEndsTheScoutPhase() throws {
        let harness = try Harness(self, youths: ["Daan"])
        harness.press(.enter, .end, .up, .enter)
        XCTAssertTrue(harness.screen.contains("Scout: 0 contactpogingen, 0 dagen in scout"), harness.screen)
        harness.press(.char("n"), .down, .down, .tab)           // gebeld
        harness.press(.down, .tab, .tab)                         // gesproken, today
        harness.type("Jongerenwerker Sam")
        harness.press(.enter, .escape)
        XCTAssertTrue(harness.screen.contains("Scout: 1 contactpoging,") && harness.screen.contains("Jongerenwerker Sam"), harness.screen)
        let attempt = try XCTUnwrap(try youth(harness, "Daan").scoutAttempts.first)
        XCTAssertEqual([attempt.channel.rawValue, attempt.outcome.rawValue, attempt.introducedBy], ["phone", "spoke", "Jongerenwerker Sam"])
        harness.press(.char("a"))
        XCTAssertTrue(harness.screen.contains("Dat sluit de scoutfase"), harness.screen)
        harness.press(.ctrl("u"))
        harness.type("23-11-2026")
        harness.press(.enter)
        XCTAssertTrue(harness.screen.contains("kan niet in de toekomst"), harness.screen)
        harness.press(.ctrl("u"))
        harness.type(today.text)
        harness.press(.enter)
        let daan = try youth(harness, "Daan")
        XCTAssertEqual(daan.phase, .quickScan)
        XCTAssertEqual(daan.agreedOn, today)
        XCTAssertTrue(harness.screen.contains("Akkoord om mee te doen: \(today.text)"), harness.screen)
        harness.press(.escape)
        XCTAssertTrue(harness.screen.contains("Quick scan sinds \(today.text)") && harness.screen.contains("1 contactpoging · akkoord"), harness.screen)
    }

    func testTheCaseloadShowsTheYouthsInScoutAndForHowLong() throws {
        let harness = try Harness(self, youths: ["Anna", "Bo"]) { store in
            var bo = try store.youth(id: store.summaries.first { $0.name == "Bo" }!.id)
            bo.move(to: .coaching, on: self.today, now: Harness.now)
            try store.save(bo)
        }
        harness.press(.char("s"))
        XCTAssertTrue(harness.screen.contains("1 jongere in scout (s toont alle)"), harness.screen)
        XCTAssertTrue(harness.screen.contains("  0 pogingen · 0 dagen in scout"), "what the row cuts, in full under the list: \(harness.screen)")
        XCTAssertTrue(harness.rows(containing: "Bo ").isEmpty)
        harness.press(.char("s"))
        XCTAssertFalse(harness.rows(containing: "Bo ").isEmpty)
    }

    // MARK: - Settings

    func testSettingsAreSavedWhenConfirmedAndRefusedOutOfRange() throws {
        let harness = try Harness(self, youths: ["Zoë"])
        harness.press(.char("i"))
        XCTAssertTrue(harness.rows(containing: "Zonder contact markeren na").first?.contains("14 dagen") ?? false, harness.screen)
        harness.press(.down, .enter, .ctrl("u"))
        harness.type("0")
        harness.press(.enter)
        XCTAssertTrue(harness.screen.contains("Typ een aantal dagen van 1 tot en met 365."), harness.screen)
        harness.press(.ctrl("u"))
        harness.type("30")
        harness.press(.tab)                                      // saved; the 1-meting opens
        harness.press(.ctrl("u"))
        harness.type("40")
        harness.press(.enter)
        XCTAssertTrue(harness.screen.contains("elk later dan de vorige"), harness.screen)
        harness.press(.escape, .down, .down, .down, .enter, .ctrl("u"))   // scout
        harness.type("3")
        harness.press(.enter)
        let saved = try CaseloadStore(directory: harness.directory, mode: .readOnly).settings
        XCTAssertEqual(saved.contactDays, 30)
        XCTAssertEqual(saved.measurementWeeks, CoachSettings.defaultMeasurementWeeks)
        XCTAssertEqual(saved.phaseWeeks[.scout], 3)
        XCTAssertEqual(permissions(harness.directory + "/settings.json"), 0o600)
    }

    // MARK: - The review

    /// Two youths: Amal has an acute domain and an open action, Bas has nothing to flag.
    private func reviewHarness() throws -> Harness {
        try Harness(self, youths: ["Amal", "Bas"]) { store in
            for summary in store.summaries {
                var youth = try store.youth(id: summary.id)
                youth.move(to: .coaching, on: self.today.adding(days: -10), now: Harness.now)
                youth.save(JournalEntry(date: self.today, kind: .phone))
                var zero = ZRMMeasurement(date: self.today, moment: .zero, scoredBy: "coach", recordedOn: self.today)
                zero.scores["housing"] = DomainScore(score: youth.name == "Amal" ? 1 : 3)
                youth.measurements = [zero]
                if youth.name == "Amal" { youth.save(try CaseAction(what: "Woningcorporatie bellen", owner: .coach, due: nil, created: self.today)) }
                try store.save(youth)
            }
        }
    }

    func testTheReviewGoesPageByPageAndAYouthWithOnlyANoteTakesFourKeys() throws {
        let harness = try reviewHarness()
        harness.press(.char("r"))
        XCTAssertTrue(harness.screen.contains("Week 47  ·  1/2  ·  Amal"), harness.screen)
        XCTAssertTrue(harness.screen.contains("• Acuut leefgebied: Huisvesting") && harness.screen.contains("Woningcorporatie bellen"), harness.screen)
        XCTAssertTrue(harness.screen.contains("ZRM 0-meting van 22-11-2026: gemiddeld 1,0"), harness.screen)
        // Enter, the note, Tab, Enter (no next step), →: four keys besides the note's text.
        harness.press(.enter)
        harness.type("Huisvesting acuut; morgen bellen.")
        harness.press(.tab, .enter, .right)
        XCTAssertTrue(harness.screen.contains("2/2  ·  Bas") && harness.screen.contains("Niets bijzonders deze week."), harness.screen)
        let stored = try XCTUnwrap(harness.store.review(of: ReviewWeek(containing: today)))
        XCTAssertEqual(stored.items.map(\.name), ["Amal", "Bas"])
        XCTAssertEqual(stored.items[0].note, "Huisvesting acuut; morgen bellen.")
        XCTAssertTrue(stored.items[0].reviewed)
        XCTAssertEqual(stored.position, 1, "the page is on disk, for a resume")
        harness.press(.right)
        XCTAssertTrue(harness.screen.contains("Alle 2 besproken."), harness.screen)

        // Started again: the review resumes on the page it was on, with its notes.
        let again = Harness(reopening: harness)
        again.press(.char("r"))
        XCTAssertTrue(again.screen.contains("2/2  ·  Bas"), again.screen)
        again.press(.left)
        XCTAssertTrue(again.screen.contains("Huisvesting acuut; morgen bellen."), again.screen)
    }

    func testFromAPageTheCoachNotesAContactTicksOffAnActionAndOpensTheDossier() throws {
        let harness = try reviewHarness()
        harness.press(.char("r"), .char("x"))
        XCTAssertTrue(harness.screen.contains("Welke actie is gedaan?"), harness.screen)
        harness.press(.enter)
        XCTAssertTrue(harness.screen.contains("Datum (dd-mm-jjjj) 22-11-2026"), "the day is asked, today filled in: \(harness.screen)")
        harness.press(.ctrl("u"))
        harness.type("20-11-2026")
        harness.press(.enter)
        XCTAssertEqual(try youth(harness, "Amal").actions.first?.status, .done)
        XCTAssertEqual(try youth(harness, "Amal").actions.first?.closedOn, LocalDate(year: 2026, month: 11, day: 20), "as in the actions screen")
        XCTAssertTrue(harness.screen.contains("Open acties (0)"), harness.screen)
        harness.press(.char("n"))
        harness.type("Huurachterstand uitzoeken")
        harness.press(.enter, .escape)
        XCTAssertTrue(harness.screen.contains("Open acties (1)") && harness.screen.contains("Huurachterstand uitzoeken"), harness.screen)
        harness.press(.char("g"), .enter, .escape)               // face to face at home, today
        XCTAssertEqual(try youth(harness, "Amal").journal.count, 2)
        XCTAssertTrue(harness.screen.contains("Face to face thuis"), "the page reads the youth again: \(harness.screen)")
        harness.press(.char("o"))
        XCTAssertTrue(harness.screen.contains("Weekbespreking › Amal") && harness.screen.contains("Aanmelding en fase"), harness.screen)
        harness.press(.char("q"))
        XCTAssertTrue(harness.screen.contains("1/2  ·  Amal"), "back on the same page: \(harness.screen)")
    }

    func testLastWeeksDecisionIsShownAndTheSummaryIsExportedInBothFormats() throws {
        let harness = try reviewHarness()
        let week = ReviewWeek(containing: today)
        var earlier = WeeklyReview(week: week.previous, started: Harness.now, items: [])
        earlier.items = harness.store.summaries.map { ReviewItem(youthID: $0.id, name: $0.name, reasons: []) }
        earlier.items[earlier.items.firstIndex { $0.name == "Amal" }!].nextStep = "Huurcontract opvragen"
        try harness.store.save(earlier)
        harness.press(.char("r"))
        XCTAssertTrue(harness.screen.contains("Vorige keer (week 46): volgende stap: Huurcontract opvragen"), harness.screen)
        harness.press(.down, .enter)
        harness.type("Vrijdag langs")
        harness.press(.enter, .char("e"))
        XCTAssertTrue(harness.screen.contains("exports/weekbespreking-2026-W47.md en") && harness.screen.contains("exports/weekbespreking-2026-W47.txt"),
                      harness.screen)
        let review = try XCTUnwrap(harness.store.review(of: week))
        for format in [MeetingDocument.Format.markdown, .text] {
            let path = harness.directory + "/exports/" + ReviewSummary.fileName(review, format: format)
            XCTAssertEqual(try String(contentsOfFile: path, encoding: .utf8), ReviewSummary.render(review, coachName: "", format: format),
                           "the same bytes as rodeloper review prints")
            XCTAssertEqual(permissions(path), 0o600)
        }
        XCTAssertTrue(ReviewSummary.render(review, coachName: "", format: .text).contains("Vrijdag langs"))
    }

    func testABrokenReviewFileIsSetAsideWithANoticeAndANewReviewStarts() throws {
        let harness = try reviewHarness()
        let week = ReviewWeek(containing: today)
        try FileManager.default.createDirectory(atPath: harness.directory + "/reviews", withIntermediateDirectories: true)
        try Data("{\"schemaVersion\": 1, \"review\": {\"week\"".utf8).write(to: URL(fileURLWithPath: harness.directory + "/reviews/\(week.text).json"))
        harness.press(.char("r"))
        XCTAssertTrue(harness.screen.contains("kon niet worden gelezen") && harness.screen.contains("quarantine/"), harness.screen)
        harness.press(.enter)
        XCTAssertTrue(harness.screen.contains("1/2  ·  Amal"), harness.screen)
        XCTAssertEqual(harness.store.review(of: week)?.items.count, 2, "a new review of the week")
        let quarantined = try FileManager.default.contentsOfDirectory(atPath: harness.directory + "/quarantine")
        XCTAssertTrue(quarantined.contains { $0.hasSuffix("reviews-\(week.text).json") }, "\(quarantined)")
    }

    func testANoteTypedInTheReviewIsKeptAsADraftAndOfferedBack() throws {
        let harness = try reviewHarness()
        harness.press(.char("r"), .right, .enter)
        harness.type("Half getypt")
        harness.app.idle()
        let again = Harness(reopening: harness)
        XCTAssertTrue(again.screen.contains("de notitie in de weekbespreking"), again.screen)
        again.press(.enter)
        XCTAssertTrue(again.screen.contains("2/2  ·  Bas") && again.screen.contains("Half getypt"), again.screen)
        again.press(.tab, .enter)
        XCTAssertEqual(try XCTUnwrap(again.store.review(of: ReviewWeek(containing: today))).items[1].note, "Half getypt")
    }
}
