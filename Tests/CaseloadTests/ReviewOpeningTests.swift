@testable import Caseload
import XCTest

/// How this week's review opens when one is stored (WeeklyReview.opening, CaseloadStore.openReview),
/// and what counts as contact. A fixed "today": Wednesday 25 November 2026, week 48.
final class ReviewOpeningTests: XCTestCase {
    let today = LocalDate(year: 2026, month: 11, day: 25)!
    let now = Date(timeIntervalSince1970: 1_795_600_000)
    let settings = CoachSettings()

    /// A youth in coaching with a contact yesterday and a 0-meting 60 days ago: nothing to flag.
    private func calm(_ name: String) throws -> Youth {
        var youth = try Youth(name: name, now: now, today: today.adding(days: -200))
        youth.move(to: .coaching, on: today.adding(days: -30), now: now)
        youth.save(JournalEntry(date: today.adding(days: -1), kind: .atHome))
        let day = today.adding(days: -60)
        youth.measurements.append(ZRMMeasurement(date: day, moment: .zero, scoredBy: "coach", recordedOn: day,
                                                 scores: ["housing": DomainScore(score: 3)]))
        return youth
    }

    private func acute(_ name: String) throws -> Youth {
        var youth = try calm(name)
        youth.measurements[0].scores["finances"] = DomainScore(score: 1)
        return youth
    }

    private func overdue(_ youth: Youth, sinceDays days: Int) throws -> Youth {
        var youth = youth
        youth.save(try CaseAction(what: "Schuldhulp bellen", owner: .coach, due: today.adding(days: -days), created: today.adding(days: -20)))
        return youth
    }

    private func quiet(_ name: String) throws -> Youth {
        var youth = try calm(name)
        youth.journal = [JournalEntry(date: today.adding(days: -20), kind: .phone)]
        return youth
    }

    private func agenda(_ youths: [Youth]) -> [ReviewItem] { ReviewRules.agenda(youths, settings: settings, today: today) }

    private var week: ReviewWeek { ReviewWeek(containing: today) }

    // MARK: - Merging the stored review with today's agenda

    func testWithoutAStoredReviewTheReviewIsTodaysAgenda() throws {
        let youths = [try calm("Hanna"), try acute("Amal")]
        let review = WeeklyReview.opening(nil, week: week, agenda: agenda(youths), now: now)
        XCTAssertEqual(review.items.map(\.name), ["Amal", "Hanna"])
        XCTAssertEqual(review.position, 0)
        XCTAssertEqual(review.started, now)
    }

    func testAYouthWhoBecameUrgentAfterTheStartIsPlacedAmongThePagesNotYetDiscussedInUrgencyOrder() throws {
        let amal = try acute("Amal")
        let bas = try overdue(try calm("Bas"), sinceDays: 3)
        let cas = try quiet("Cas")
        let hanna = try calm("Hanna")
        let ivo = try calm("Ivo")
        // The review began with this agenda; Amal was discussed, the coach is on Bas's page and
        // typed a note on Cas's page without discussing it yet.
        var stored = WeeklyReview(week: week, started: now, items: agenda([amal, bas, cas, hanna, ivo]))
        XCTAssertEqual(stored.items.map(\.name), ["Amal", "Bas", "Cas", "Hanna", "Ivo"])
        stored.items[0].reviewed = true
        stored.items[0].note = "Acuut: budgetcoach ingeschakeld."
        stored.items[2].note = "Alvast: moeder bellen."
        stored.position = 1

        // Since then: Jip came into the caseload with an acute score, Hanna's action went overdue,
        // and Amal's acute score was corrected (she stays where she was discussed).
        let jip = try acute("Jip")
        let hannaNow = try overdue(hanna, sinceDays: 1)
        var amalNow = amal
        amalNow.measurements[0].scores["finances"] = DomainScore(score: 3)
        let opened = WeeklyReview.opening(stored, week: week, agenda: agenda([amalNow, bas, cas, hannaNow, ivo, jip]), now: now)

        XCTAssertEqual(opened.items.map(\.name), ["Amal", "Bas", "Jip", "Hanna", "Cas", "Ivo"],
                       "discussed first, the coach's page next, then the rest by today's urgency; nothing flagged last")
        XCTAssertEqual(opened.position, 1, "it opens on the page the coach was on")
        XCTAssertEqual(opened.items[0].reasons.map(\.rule), [.acuteDomain], "a discussed page keeps the reasons it was discussed with")
        XCTAssertEqual(opened.items[0].note, "Acuut: budgetcoach ingeschakeld.")
        XCTAssertEqual(opened.items[3].reasons.map(\.rule), [.overdueAction], "a page not yet discussed gets today's reasons")
        XCTAssertEqual(opened.items[4].note, "Alvast: moeder bellen.", "what was written on a page not yet discussed stays")
        XCTAssertEqual(opened.reviewedCount, 1)
        XCTAssertEqual(opened.started, stored.started)
        XCTAssertEqual(WeeklyReview.opening(opened, week: week, agenda: agenda([amalNow, bas, cas, hannaNow, ivo, jip]), now: now), opened,
                       "opening again changes nothing")
    }

    func testAPageSkippedWhileBrowsingComesAfterThePageTheCoachIsOn() throws {
        let youths = [try acute("Amal"), try overdue(try calm("Bas"), sinceDays: 3), try quiet("Cas"), try calm("Hanna")]
        var stored = WeeklyReview(week: week, started: now, items: agenda(youths))
        stored.items[0].reviewed = true
        stored.items[2].reviewed = true
        stored.position = 3                 // Bas (page 2) was browsed past, not discussed
        let opened = WeeklyReview.opening(stored, week: week, agenda: agenda(youths), now: now)
        XCTAssertEqual(opened.items.map(\.name), ["Amal", "Cas", "Hanna", "Bas"])
        XCTAssertEqual(opened.position, 2)
        XCTAssertEqual(opened.items.map(\.reviewed), [true, true, false, false])
    }

    func testAYouthClosedMeanwhileLeavesTheReviewUnlessItsPageWasDiscussedOrWrittenOn() throws {
        let amal = try acute("Amal")
        let bas = try overdue(try calm("Bas"), sinceDays: 3)
        let cas = try quiet("Cas")
        let hanna = try calm("Hanna")
        var stored = WeeklyReview(week: week, started: now, items: agenda([amal, bas, cas, hanna]))
        stored.items[0].reviewed = true
        stored.items[0].note = "Besproken vóór het afsluiten."
        stored.items[2].nextStep = "Afsluiten bespreken"
        stored.position = 3                  // on Hanna's page

        // Amal (discussed), Bas (nothing written) and Cas (a next step written) were closed since;
        // a youth closed is no longer on the agenda.
        var closed = [amal, bas, cas]
        for index in closed.indices { closed[index].move(to: .closed, on: today, now: now) }
        let opened = WeeklyReview.opening(stored, week: week, agenda: agenda(closed + [hanna]), now: now)

        XCTAssertEqual(opened.items.map(\.name), ["Amal", "Hanna", "Cas"], "Bas leaves; nothing the coach wrote is lost")
        XCTAssertEqual(opened.items[0].note, "Besproken vóór het afsluiten.")
        XCTAssertEqual(opened.items[2].nextStep, "Afsluiten bespreken")
        XCTAssertEqual(opened.position, 1, "still on Hanna's page")

        // The coach's own page leaves: the review opens on the first page not yet discussed.
        stored.position = 1
        let withoutBas = WeeklyReview.opening(stored, week: week, agenda: agenda(closed + [hanna]), now: now)
        XCTAssertEqual(withoutBas.items.map(\.name), ["Amal", "Hanna", "Cas"])
        XCTAssertEqual(withoutBas.position, 1)
    }

    // MARK: - One opening for the screen and the command

    func testTheStoreOpensThisWeeksReviewOnceForEveryoneAndReadOnlyWritesNothing() throws {
        let directory = temporaryDirectory(self)
        let store = try CaseloadStore(directory: directory, clock: { self.now })
        for youth in [try acute("Amal"), try overdue(try calm("Bas"), sinceDays: 2), try calm("Hanna")] { try store.save(youth) }
        var closed = try calm("Ivo")
        closed.move(to: .closed, on: today, now: now)
        try store.save(closed)

        let first = store.openReview(today: today, now: now)
        XCTAssertTrue(first.changed, "a new review")
        XCTAssertEqual(first.review.items.map(\.name), ["Amal", "Bas", "Hanna"], "closed cases are not reviewed")
        var review = first.review
        review.items[0].reviewed = true
        review.position = 1
        try store.save(review)

        // Jip arrives, acute: both ways of opening the week place him the same: after Bas, whose
        // page the coach is on, before Hanna.
        try store.save(try acute("Jip"))
        let reader = try CaseloadStore(directory: directory, mode: .readOnly)
        let printed = reader.openReview(today: today, now: now.addingTimeInterval(3600))
        let shown = store.openReview(today: today, now: now)
        XCTAssertEqual(printed.review, shown.review)
        XCTAssertEqual(shown.review.items.map(\.name), ["Amal", "Bas", "Jip", "Hanna"])
        XCTAssertEqual(shown.review.position, 1)
        XCTAssertTrue(printed.changed)
        XCTAssertEqual(reader.review(of: week), review, "the read-only opening wrote nothing")
    }

    // MARK: - Days since contact

    func testAScoutAttemptThatReachedTheYouthAndTheAgreementCountAsContact() throws {
        var youth = try Youth(name: "Daan", now: now, today: today.adding(days: -660))
        XCTAssertEqual(youth.daysWithoutContact(today: today), 660)
        youth.save(ScoutAttempt(date: today.adding(days: -30), channel: .visit, outcome: .notReached))
        youth.save(JournalEntry(date: today.adding(days: -20), kind: .failedAttempt))
        XCTAssertNil(youth.lastContact, "failed attempts are no contact")
        XCTAssertEqual(ReviewRules.contactGap(youth, limit: 14, today: today), "nog geen contact, 660 dagen sinds de start")

        youth.save(ScoutAttempt(date: today.adding(days: -5), channel: .street, outcome: .spoke))
        XCTAssertEqual(youth.lastContact, today.adding(days: -5), "spoken on the street is contact")
        XCTAssertEqual(YouthSummary(youth).daysWithoutContact(today: today), 5)
        XCTAssertNil(ReviewRules.contactGap(youth, limit: 14, today: today))
        XCTAssertFalse(ReviewRules.reasons(for: youth, settings: settings, today: today).contains { $0.rule == .noContact })

        for outcome in [AttemptOutcome.appointment, .declined] {
            var reached = try Youth(name: "Fenna", now: now, today: today.adding(days: -100))
            reached.save(ScoutAttempt(date: today.adding(days: -3), channel: .phone, outcome: outcome))
            XCTAssertEqual(reached.lastContact, today.adding(days: -3), "\(outcome)")
        }

        var agreed = try Youth(name: "Bilal", now: now, today: today.adding(days: -100))
        try agreed.recordAgreement(on: today.adding(days: -2), today: today, now: now)
        XCTAssertEqual(agreed.lastContact, today.adding(days: -2), "the agreement is a contact")
        agreed.save(JournalEntry(date: today.adding(days: -1), kind: .phone))
        XCTAssertEqual(agreed.lastContact, today.adding(days: -1), "the latest contact of any kind")
    }

    func testAnIndexFromBeforeScoutContactsCountedIsBuiltAgain() throws {
        let directory = temporaryDirectory(self)
        var youth = try Youth(name: "Daan", now: now, today: today.adding(days: -100))
        youth.save(ScoutAttempt(date: today.adding(days: -5), channel: .street, outcome: .spoke))
        do {
            let store = try CaseloadStore(directory: directory, clock: { self.now })
            try store.save(youth)
            store.saveIndex()
        }
        // The index as an earlier version wrote it: older summary rules, and no contact for Daan.
        let path = directory + "/index.cache"
        var entries = try XCTUnwrap(readIndexEntries(path))
        entries[0].summary.lastContact = nil
        try writeIndex(entries, to: path)
        let text = try String(contentsOf: URL(fileURLWithPath: path), encoding: .utf8)
        XCTAssertTrue(text.contains("rules \(YouthSummary.rulesVersion)\n"))
        try Data(text.replacingOccurrences(of: "rules \(YouthSummary.rulesVersion)\n", with: "rules 1\n").utf8).write(to: URL(fileURLWithPath: path))

        let store = try CaseloadStore(directory: directory, clock: { self.now })
        XCTAssertEqual(store.summaries.first?.lastContact, today.adding(days: -5))
    }
}
