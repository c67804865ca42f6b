@testable import Caseload
import Foundation
import XCTest

/// Values that cannot be: weeks and years at the edge of the calendar, timestamps of days that do
/// not exist, fractions where a whole number belongs. Each is refused with the field named, never
/// a crash and never a silent repair. And what the program writes, it reads back: the one
/// validation runs on saving as on loading.
final class ImpossibleValuesTests: XCTestCase {
    let now = Date(timeIntervalSince1970: 1_795_000_000)
    let today = LocalDate(year: 2026, month: 11, day: 22)!

    // MARK: - ISO weeks

    func testWeeksOutsideTheCalendarAreRefusedNotCrashed() {
        for bad in ["0000-W01", "0000-01", "2025-W53", "2025-53", "1899-W52", "3000-W01", "9999-W52", "2026-W00", "2026-W54",
                    "2026-W+5", "+026-W01", "2026-W053", "2026--W01", "2026-W1x", "", "-", "2026-"] {
            XCTAssertNil(ReviewWeek(text: bad), bad)
        }
        XCTAssertEqual(ReviewWeek(text: "2026-W53")?.monday, LocalDate(year: 2026, month: 12, day: 28), "2026 has 53 weeks")
        XCTAssertEqual(ReviewWeek(text: "2026-w49")?.text, "2026-W49")
        XCTAssertEqual(ReviewWeek(text: "1900-W01")?.text, "1900-W01")
        XCTAssertEqual(ReviewWeek(text: "2999-W52")?.text, "2999-W52")
        XCTAssertEqual(ReviewWeek.weeks(in: 2026), 53)
        XCTAssertEqual(ReviewWeek.weeks(in: 2025), 52)
        XCTAssertEqual(ReviewWeek.weeks(in: 2020), 53, "a leap year starting on Wednesday")
    }

    /// The arithmetic of weeks and dates is total: the first and last days of the calendar give a
    /// week (outside the accepted years, so nothing reads it back) instead of a crash.
    func testWeekArithmeticAtTheEdgesOfTheCalendarDoesNotCrash() throws {
        let first = try XCTUnwrap(LocalDate(year: 1, month: 1, day: 1))
        let last = try XCTUnwrap(LocalDate(year: 9999, month: 12, day: 31))
        XCTAssertEqual(ReviewWeek(containing: first).text, "0001-W01")
        XCTAssertEqual(ReviewWeek(containing: last).text, "9999-W52")
        XCTAssertEqual(ReviewWeek(containing: first).previous.year, 0)
        XCTAssertNil(ReviewWeek(text: ReviewWeek(containing: first).previous.text))
        XCTAssertEqual(ReviewWeek(text: "1900-W01")?.previous.text, "1899-W52")
        XCTAssertEqual(last.adding(years: 5), last, "the year stays within 1...9999")
        XCTAssertEqual(first.adding(years: -5), first)
        XCTAssertEqual(LocalDate(year: 2024, month: 2, day: 29)?.adding(years: Int.max).year, 9999)
        XCTAssertEqual(LocalDate(year: 2024, month: 2, day: 29)?.adding(years: 1), LocalDate(year: 2025, month: 2, day: 28))
    }

    func testAStoredDayIsDigitsOnly() {
        for bad in ["+123-01-01", "2026-+1-01", "2026-01-+1", "0000-01-01", "2026-02-29", "10000-01-01", "2026-1-01"] {
            XCTAssertNil(LocalDate(iso: bad), bad)
        }
        XCTAssertEqual(LocalDate(iso: "0001-01-01"), LocalDate(year: 1, month: 1, day: 1))
    }

    func testADraftForAWeekThatDoesNotExistIsNoField() {
        XCTAssertNil(DraftField(stored: "review.0000-W01"))
        XCTAssertNil(DraftField(stored: "review.2025-W53"))
        XCTAssertEqual(DraftField(stored: "review.2026-W53"), .reviewNote(week: ReviewWeek(text: "2026-W53")!))
    }

    func testADraftFileForWeekZeroDoesNotStopTheStart() throws {
        let directory = temporaryDirectory(self)
        try FileManager.default.createDirectory(atPath: directory + "/drafts", withIntermediateDirectories: true)
        for field in ["review.0000-W01", "review.2025-W53"] {
            let draft = #"{"youthID": "y1", "field": "\#(field)", "text": "half", "saved": "2026-11-22T10:00:00Z"}"#
            try Data(draft.utf8).write(to: URL(fileURLWithPath: "\(directory)/drafts/y1--\(field).json"))
        }
        let store = try CaseloadStore(directory: directory)
        XCTAssertEqual(store.drafts().count, 0, "a known kind of field that does not parse: quarantined at start")
        XCTAssertEqual(store.unseenQuarantined.map(\.from).sorted(), ["drafts/y1--review.0000-W01.json", "drafts/y1--review.2025-W53.json"])
    }

    func testReviewFilesNamedAfterNoWeekGoToQuarantineAtTheStart() throws {
        let directory = temporaryDirectory(self)
        try FileManager.default.createDirectory(atPath: directory + "/reviews", withIntermediateDirectories: true)
        let review = #"{"schemaVersion": 1, "review": {"week": "2026-W48", "items": [], "position": 0}}"#
        for name in ["0000-W01", "2025-W53", "3000-W01", "2026-w48", "notities"] {
            try Data(review.utf8).write(to: URL(fileURLWithPath: "\(directory)/reviews/\(name).json"))
        }
        try Data(review.utf8).write(to: URL(fileURLWithPath: "\(directory)/reviews/2026-W48.json"))
        let store = try CaseloadStore(directory: directory, clock: { self.now })
        XCTAssertEqual(store.notices.count, 5, "\(store.notices)")
        XCTAssertTrue(store.notices.allSatisfy { $0.message.contains("de bestandsnaam is geen bestaande week (jjjj-Www.json, jaar 1900 tot en met 2999)") },
                      "\(store.notices)")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: directory + "/reviews"), ["2026-W48.json"])
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: directory + "/quarantine").count, 5)
        XCTAssertNotNil(store.review(of: ReviewWeek(text: "2026-W48")!))
        XCTAssertEqual(store.review(before: ReviewWeek(text: "2026-W50")!)?.week.text, "2026-W48")
    }

    func testAReviewWhoseWeekIsYearZeroOrWeek53IsQuarantinedNamingTheField() throws {
        for week in ["0000-W01", "2025-W53"] {
            let directory = temporaryDirectory(self)
            try FileManager.default.createDirectory(atPath: directory + "/reviews", withIntermediateDirectories: true)
            let review = #"{"schemaVersion": 1, "review": {"week": "\#(week)", "items": [], "position": 0}}"#
            try Data(review.utf8).write(to: URL(fileURLWithPath: "\(directory)/reviews/2026-W48.json"))
            let store = try CaseloadStore(directory: directory, clock: { self.now })
            XCTAssertNil(store.review(of: ReviewWeek(text: "2026-W48")!))
            let message = store.notices.map(\.message).joined()
            XCTAssertTrue(message.contains("bij review.week: geen bestaande week (jjjj-Www, jaar 1900 tot en met 2999)"), message)
            XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: directory + "/quarantine").count, 1)
        }
    }

    // MARK: - Timestamps

    func testOnlyTimestampsThatExistAreRead() throws {
        XCTAssertEqual(StoredTimestamp.date(from: "2026-02-28T10:00:00Z"), Date(timeIntervalSince1970: 1_772_272_800))
        XCTAssertEqual(StoredTimestamp.date(from: "2026-02-28T11:00:00+01:00"), Date(timeIntervalSince1970: 1_772_272_800))
        XCTAssertEqual(StoredTimestamp.date(from: "2026-02-28T09:30:00-00:30"), Date(timeIntervalSince1970: 1_772_272_800))
        XCTAssertEqual(StoredTimestamp.date(from: "1970-01-01T00:00:00Z"), Date(timeIntervalSince1970: 0))
        XCTAssertEqual(StoredTimestamp.date(from: "2024-02-29T23:59:59Z"), Date(timeIntervalSince1970: 1_709_251_199))
        for bad in ["2026-02-31T10:00:00Z", "2025-02-29T10:00:00Z", "2026-13-01T10:00:00Z", "2026-00-10T10:00:00Z",
                    "2026-02-28T24:00:00Z", "2026-02-28T10:60:00Z", "2026-02-28T10:00:60Z", "0000-01-01T00:00:00Z",
                    "2026-02-28T10:00:00", "2026-02-28 10:00:00Z", "2026-02-28T10:00:00.5Z", "2026-02-28T10:00:00+25:00",
                    "2026-2-28T10:00:00Z", "+026-02-28T10:00:00Z", "", "gisteren"] {
            XCTAssertNil(StoredTimestamp.date(from: bad), bad)
        }
        // What the store writes reads back as the same moment.
        let written = String(decoding: try CaseloadStore.encode([now]), as: UTF8.self)
        XCTAssertEqual(try CaseloadStore.decoder.decode([Date].self, from: Data(written.utf8)), [now])
    }

    func testAnImpossibleTimestampInAYouthFileIsRefusedNotMovedToMarch() throws {
        let reason = try quarantineReason { $0["updated"] = "2026-02-31T10:00:00Z" }
        XCTAssertTrue(reason.contains("bij youth.updated: geen bestaand tijdstip (jjjj-mm-ddTuu:mm:ssZ)"), reason)
    }

    // MARK: - Numbers

    func testAFractionOrAHugeNumberNamesItsField() throws {
        for bad in [2.5, 1e300] {
            let reason = try quarantineReason { youth in
                var measurements = youth["measurements"] as! [[String: Any]]
                var scores = measurements[0]["scores"] as! [String: Any]
                scores["housing"] = ["note": "", "score": bad]
                measurements[0]["scores"] = scores
                youth["measurements"] = measurements
            }
            XCTAssertTrue(reason.contains("bij youth.measurements[0].scores.housing.score: geen geheel getal binnen het bereik"), reason)
            XCTAssertFalse(reason.contains("(bij )"), reason)
        }
    }

    func testAFractionInTheSettingsNamesItsField() throws {
        let directory = temporaryDirectory(self)
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        try Data(#"{"schemaVersion": 2, "coachName": "Anna", "contactDays": 14.5}"#.utf8).write(to: URL(fileURLWithPath: directory + "/settings.json"))
        let store = try CaseloadStore(directory: directory, clock: { self.now })
        let message = store.notices.map(\.message).joined()
        XCTAssertTrue(message.contains("settings.json kon niet worden gelezen: de inhoud heeft niet de verwachte vorm (bij contactDays: geen geheel getal"), message)
        XCTAssertFalse(message.contains("Anna"), message)
    }

    // MARK: - What the program writes, it reads back

    /// A youth name with a control character loads (shown escaped elsewhere); the review the
    /// program writes for that youth must load again too, not be quarantined every week.
    func testANameWithAControlCharacterIsWrittenAndReadBackInTheYouthAndTheReview() throws {
        let directory = temporaryDirectory(self)
        let name = "Zoë\u{1B}]0;x\u{07} Çelik\u{202E}"
        var youth = try Youth(name: "Zoë", now: now, today: today)
        youth.name = name
        let week = ReviewWeek(containing: today)
        do {
            let store = try CaseloadStore(directory: directory, clock: { self.now })
            try store.save(youth)
            var review = WeeklyReview(week: week, started: now, items: ReviewRules.agenda([youth], settings: CoachSettings(), today: today))
            XCTAssertEqual(review.items.map(\.name), [name])
            review.items[0].note = "Gebeld.\nMoeder was erbij."
            try store.save(review)
        }
        let store = try CaseloadStore(directory: directory)
        XCTAssertEqual(store.notices, [], "nothing quarantined")
        XCTAssertEqual(try store.youth(id: youth.id).name, name)
        XCTAssertEqual(store.review(of: week)?.items.map(\.name), [name])
        XCTAssertFalse(FileManager.default.fileExists(atPath: directory + "/quarantine"))
    }

    /// A record that the next start would quarantine is refused when saved, naming the field and
    /// never its text; the file on disk stays as it was.
    func testASaveThatTheNextStartWouldRefuseIsRefusedNow() throws {
        let directory = temporaryDirectory(self)
        let store = try CaseloadStore(directory: directory, clock: { self.now })

        // Settings: a coach name with a control character, a threshold out of range.
        try store.saveSettings(CoachSettings(coachName: "Anna"))
        for (settings, field) in [(CoachSettings(coachName: "Anna\u{1B}[2J"), "coachName"), (CoachSettings(contactDays: 0), "contactDays"),
                                  (CoachSettings(phaseWeeks: [.closed: 3]), "phaseWeeks.closed")] {
            XCTAssertThrowsError(try store.saveSettings(settings)) { error in
                guard case .invalid(let failure) = error as? StoreError else { return XCTFail("\(error)") }
                XCTAssertEqual(failure.field, field)
                XCTAssertFalse(error.localizedDescription.contains("Anna"), error.localizedDescription)
                XCTAssertTrue(error.localizedDescription.hasPrefix("Niet opgeslagen: \(field)"), error.localizedDescription)
            }
        }
        XCTAssertEqual(store.settings.coachName, "Anna", "nothing changed")

        // A review: a note with a control character other than a line break, a page that is not there.
        var review = WeeklyReview(week: ReviewWeek(containing: today), started: now, items: [ReviewItem(youthID: "y1", name: "Zoë", reasons: [])])
        review.items[0].note = "tab\there"
        XCTAssertThrowsError(try store.save(review)) { XCTAssertEqual(($0 as? StoreError), .invalid(ValidationFailure("items[0].note", "", "tekst zonder stuurtekens (een regeleinde mag)"))) }
        review.items[0].note = ""
        review.position = 3
        XCTAssertThrowsError(try store.save(review)) { XCTAssertEqual(($0 as? StoreError), .invalid(ValidationFailure("position", "3", "een pagina van de bespreking"))) }
        XCTAssertFalse(FileManager.default.fileExists(atPath: directory + "/reviews/\(review.week.text).json"))
        // A week outside 1900...2999 (a clock gone wrong) would be quarantined as a file name.
        let farAway = WeeklyReview(week: ReviewWeek(containing: LocalDate(year: 3001, month: 6, day: 1)!), started: now, items: [])
        XCTAssertThrowsError(try store.save(farAway)) { XCTAssertEqual(($0 as? StoreError).map { if case .invalid(let f) = $0 { f.field } else { "" } }, "week") }
        XCTAssertFalse(FileManager.default.fileExists(atPath: directory + "/reviews/3001-W22.json"))

        // A youth: a meeting at a time that does not exist.
        var youth = try Youth(name: "Zoë", now: now, today: today)
        var meeting = WrapAroundMeeting(date: today)
        meeting.time = "25:00"
        youth.meetings.append(meeting)
        XCTAssertThrowsError(try store.save(youth)) { XCTAssertEqual(($0 as? StoreError), .invalid(ValidationFailure("meetings[0].time", "25:00", "een tijd is uu:mm of leeg"))) }
        XCTAssertFalse(FileManager.default.fileExists(atPath: directory + "/youths/\(youth.id).json"))
        XCTAssertEqual(store.count, 0)

        let reopened = try CaseloadStore(directory: directory, mode: .readOnly)
        XCTAssertEqual(reopened.notices, [])
        XCTAssertEqual(reopened.settings.coachName, "Anna")
    }

    // MARK: - Messages

    func testAQuarantineReasonNeverQuotesTheCoachsNameOrADateOfBirth() throws {
        let directory = temporaryDirectory(self)
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        try Data(#"{"schemaVersion": 2, "coachName": "Anna\u001b de Coach"}"#.utf8).write(to: URL(fileURLWithPath: directory + "/settings.json"))
        let store = try CaseloadStore(directory: directory, clock: { self.now })
        let message = store.notices.map(\.message).joined()
        XCTAssertTrue(message.contains("de inhoud klopt niet: coachName: een naam zonder stuurtekens"), message)
        XCTAssertFalse(message.contains("Anna"), message)
        let reason = try quarantineReason { $0["dateOfBirth"] = "2008-02-30" }
        XCTAssertFalse(reason.contains("2008"), reason)
    }

    func testNewerSettingsAndReviewFilesAreNamedAsWhatTheyAre() throws {
        let directory = temporaryDirectory(self)
        try FileManager.default.createDirectory(atPath: directory + "/reviews", withIntermediateDirectories: true)
        try Data(#"{"schemaVersion": 7, "coachName": "Anna", "colour": "red"}"#.utf8).write(to: URL(fileURLWithPath: directory + "/settings.json"))
        try Data(#"{"schemaVersion": 4, "review": {"week": "2026-W48", "items": [], "position": 0}}"#.utf8)
            .write(to: URL(fileURLWithPath: directory + "/reviews/2026-W48.json"))
        let store = try CaseloadStore(directory: directory, clock: { self.now })
        let review = try XCTUnwrap(store.review(of: ReviewWeek(text: "2026-W48")!))
        let notices = store.notices.map(\.message)
        XCTAssertTrue(notices.contains { $0.hasPrefix("Het instellingenbestand (settings.json) is gemaakt met een nieuwere versie van Rode Loper (schema 7)") }, "\(notices)")
        XCTAssertTrue(notices.contains { $0.hasPrefix("De weekbespreking (reviews/2026-W48.json) is gemaakt met een nieuwere versie van Rode Loper (schema 4)") }, "\(notices)")
        XCTAssertThrowsError(try store.saveSettings(CoachSettings(coachName: "Anna"))) { error in
            XCTAssertEqual(error as? StoreError, .newerDocument(.settings, schema: 7))
            XCTAssertTrue(error.localizedDescription.hasPrefix("Het instellingenbestand is gemaakt met een nieuwere versie"), error.localizedDescription)
            XCTAssertFalse(error.localizedDescription.contains("dossier"), error.localizedDescription)
        }
        XCTAssertThrowsError(try store.save(review)) { error in
            XCTAssertTrue(error.localizedDescription.hasPrefix("De weekbespreking is gemaakt met een nieuwere versie"), error.localizedDescription)
        }
    }

    // MARK: - Helpers

    /// The reason a youth file (the current sample, changed by `change`) goes to quarantine.
    private func quarantineReason(_ change: (inout [String: Any]) -> Void) throws -> String {
        let directory = try dataDirectoryWithSample(self, change)
        let store = try CaseloadStore(directory: directory, clock: { self.now })
        XCTAssertEqual(store.count, 0)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: directory + "/quarantine").count, 1)
        return store.notices.map(\.message).joined()
    }
}
