@testable import Caseload
import XCTest

/// Escalations to the gemeentelijk or landelijk IPTA-overleg on a fixed "today" (Wednesday 25
/// November 2026): what is saved and refused, their order, the review rule that flags one open
/// for longer than the coach's threshold, and the summary the caseload list reads.
final class EscalationTests: XCTestCase {
    let today = LocalDate(year: 2026, month: 11, day: 25)!
    let now = Date(timeIntervalSince1970: 1_795_600_000)

    private func youth(_ name: String = "Esra Escalatie") throws -> Youth {
        var youth = try Youth(name: name, now: now, today: today.adding(days: -300))
        youth.move(to: .coaching, on: today.adding(days: -20), now: now)
        // Recent contact and a ZRM: no other rule flags this youth.
        youth.save(JournalEntry(date: today.adding(days: -1), kind: .atHome))
        youth.measurements.append(ZRMMeasurement(date: today.adding(days: -30), moment: .zero, scoredBy: "coach", recordedOn: today.adding(days: -30),
                                                 scores: ["housing": DomainScore(score: 3)]))
        return youth
    }

    private func escalation(daysAgo: Int, _ question: String = "Mag hij met behoud van uitkering stage lopen?", level: EscalationLevel = .municipal,
                            id: String = UUID().uuidString.lowercased()) -> Escalation {
        Escalation(level: level, question: question, block: .lawOrRegulation, blockDetail: "Participatiewet", raisedOn: today.adding(days: -daysAgo), id: id)
    }

    // MARK: - Saving and refusing

    func testAnEscalationIsSavedAndChangedByItsID() throws {
        var youth = try youth()
        var raised = escalation(daysAgo: 10, id: "e1")
        try youth.save(raised, today: today)
        XCTAssertEqual(youth.escalations, [raised])
        raised.answer = "Ja, voor zes maanden."
        raised.answeredOn = today
        try youth.save(raised, today: today)
        XCTAssertEqual(youth.escalations.count, 1, "the same escalation, changed")
        XCTAssertEqual(youth.escalations[0].answer, "Ja, voor zes maanden.")
        XCTAssertFalse(youth.escalations[0].isOpen)
        XCTAssertEqual(youth.openEscalations, [])
    }

    func testAnEscalationWithoutAQuestionIsRefused() throws {
        var youth = try youth()
        XCTAssertThrowsError(try youth.save(escalation(daysAgo: 1, "   "), today: today)) { error in
            XCTAssertEqual((error as? InputError)?.message, "De vraag aan het overleg is verplicht.")
        }
        XCTAssertEqual(youth.escalations, [], "nothing saved")
    }

    func testAnEscalationRaisedInTheFutureIsRefused() throws {
        var youth = try youth()
        XCTAssertThrowsError(try youth.save(escalation(daysAgo: -1), today: today)) { error in
            XCTAssertEqual((error as? InputError)?.message, "Een escalatie kan niet in de toekomst liggen (vandaag is 25-11-2026).")
        }
        XCTAssertNoThrow(try youth.save(escalation(daysAgo: 0), today: today), "today itself is fine")
    }

    func testAnAnswerBeforeTheQuestionOrInTheFutureIsRefused() throws {
        var youth = try youth()
        var early = escalation(daysAgo: 10)
        early.answeredOn = today.adding(days: -11)
        XCTAssertThrowsError(try youth.save(early, today: today)) { error in
            XCTAssertEqual((error as? InputError)?.message, "Het antwoord kan niet vóór de dag van de vraag liggen (15-11-2026).")
        }
        var future = escalation(daysAgo: 10)
        future.answeredOn = today.adding(days: 1)
        XCTAssertThrowsError(try youth.save(future, today: today)) { error in
            XCTAssertEqual((error as? InputError)?.message, "Een antwoord kan niet in de toekomst liggen (vandaag is 25-11-2026).")
        }
        XCTAssertEqual(youth.escalations, [])
        var sameDay = escalation(daysAgo: 10)
        sameDay.answeredOn = sameDay.raisedOn
        XCTAssertNoThrow(try youth.save(sameDay, today: today), "answered the day it was raised")
    }

    func testAQuestionOrAnswerBeforeTheCaseStartedIsRefused() throws {
        var youth = try Youth(name: "Sam", now: now, today: LocalDate(year: 2026, month: 10, day: 23)!)
        let started = try XCTUnwrap(youth.started)
        let early = Escalation(level: .municipal, question: "Kan het budget omhoog?", block: .municipalPolicy, raisedOn: LocalDate(year: 2020, month: 1, day: 1)!)
        XCTAssertThrowsError(try youth.save(early, today: today)) { error in
            XCTAssertEqual((error as? InputError)?.message, "De vraag kan niet vóór de start van het dossier liggen (23-10-2026).")
        }
        var answeredEarly = early
        answeredEarly.raisedOn = started
        answeredEarly.answeredOn = started.adding(days: -1)
        XCTAssertThrowsError(try answeredEarly.checkDays(today: today, started: started)) { error in
            XCTAssertEqual((error as? InputError)?.message, "Het antwoord kan niet vóór de start van het dossier liggen (23-10-2026).")
        }
        answeredEarly.answeredOn = started
        XCTAssertNoThrow(try youth.save(answeredEarly, today: today), "the day the case started is allowed")
    }

    func testTheDaysAloneAreCheckedForANewEscalationWithoutItsQuestion() {
        var pending = escalation(daysAgo: 3, "")
        XCTAssertNoThrow(try pending.checkDays(today: today, started: nil))
        pending.raisedOn = today.adding(days: 2)
        XCTAssertThrowsError(try pending.checkDays(today: today, started: nil))
    }

    func testRemovingAnEscalation() throws {
        var youth = try youth()
        try youth.save(escalation(daysAgo: 3, id: "e1"), today: today)
        try youth.save(escalation(daysAgo: 2, id: "e2"), today: today)
        try youth.remove(escalationID: "e1")
        XCTAssertEqual(youth.escalations.map(\.id), ["e2"])
        XCTAssertThrowsError(try youth.remove(escalationID: "e1")) { error in
            XCTAssertEqual((error as? InputError)?.message, "Deze escalatie bestaat niet meer.")
        }
    }

    // MARK: - Order

    func testEscalationsAreListedOldestFirstAndOpenOnesApart() throws {
        var youth = try youth()
        var answered = escalation(daysAgo: 40, "Oud en beantwoord", id: "old")
        answered.answeredOn = today.adding(days: -5)
        for item in [escalation(daysAgo: 3, "Nieuw", id: "new"), answered, escalation(daysAgo: 20, "Midden", level: .national, id: "mid")] {
            try youth.save(item, today: today)
        }
        XCTAssertEqual(youth.escalationsInOrder.map(\.id), ["old", "mid", "new"])
        XCTAssertEqual(youth.openEscalations.map(\.id), ["mid", "new"], "oldest first, the answered one left out")
    }

    // MARK: - The review rule

    func testAnEscalationIsOnTheReviewOnlyAfterMoreThanEightWeeks() throws {
        let settings = CoachSettings()
        XCTAssertEqual(settings.escalationWeeks, 8, "the default threshold")
        for (days, flagged) in [(55, false), (56, false), (62, false), (63, true), (100, true)] {
            var youth = try youth()
            try youth.save(escalation(daysAgo: days), today: today)
            let rules = ReviewRules.reasons(for: youth, settings: settings, today: today).map(\.rule)
            XCTAssertEqual(rules, flagged ? [.escalationOpen] : [], "\(days) days open")
        }
        var youth = try youth()
        try youth.save(escalation(daysAgo: 63), today: today)
        XCTAssertEqual(ReviewRules.reasons(for: youth, settings: settings, today: today).map(\.text),
                       ["Escalatie open: gemeentelijk IPTA-overleg sinds 23-09-2026, 9 weken zonder antwoord (drempel 8)"])
    }

    func testTheThresholdComesFromTheSettings() throws {
        var youth = try youth()
        try youth.save(escalation(daysAgo: 30), today: today)
        var settings = CoachSettings()
        XCTAssertEqual(ReviewRules.reasons(for: youth, settings: settings, today: today), [], "4 weeks is within 8")
        try settings.setEscalationWeeks("3")
        XCTAssertEqual(ReviewRules.reasons(for: youth, settings: settings, today: today).map(\.text),
                       ["Escalatie open: gemeentelijk IPTA-overleg sinds 26-10-2026, 4 weken zonder antwoord (drempel 3)"])
    }

    func testTheOldestOpenOneIsNamedAndTheOthersCounted() throws {
        var youth = try youth()
        var answeredLongAgo = escalation(daysAgo: 200, id: "answered")
        answeredLongAgo.answeredOn = today.adding(days: -100)
        try youth.save(answeredLongAgo, today: today)
        try youth.save(escalation(daysAgo: 70, level: .national), today: today)
        try youth.save(escalation(daysAgo: 10), today: today)
        XCTAssertEqual(ReviewRules.escalationGap(youth, weeks: 8, today: today),
                       "landelijk IPTA-overleg sinds 16-09-2026, 10 weken zonder antwoord (drempel 8); nog 1 open")
    }

    func testAnAnsweredEscalationIsNotFlagged() throws {
        var youth = try youth()
        var answered = escalation(daysAgo: 100)
        answered.answer = "Nee."
        answered.answeredOn = today.adding(days: -1)
        try youth.save(answered, today: today)
        XCTAssertEqual(ReviewRules.reasons(for: youth, settings: CoachSettings(), today: today), [])
        XCTAssertNil(ReviewRules.escalationGap(youth, weeks: 8, today: today))
    }

    func testAClosedCasesEscalationIsNotOnTheAgenda() throws {
        var open = try youth("Open Zaak")
        try open.save(escalation(daysAgo: 70), today: today)
        var closed = try youth("Dicht Zaak")
        try closed.save(escalation(daysAgo: 70), today: today)
        try closed.close(ClosingInput(outcome: .regularWork, date: today.adding(days: -2)), today: today, now: now)
        let agenda = ReviewRules.agenda([open, closed], settings: CoachSettings(), today: today)
        XCTAssertEqual(agenda.map(\.name), ["Open Zaak"], "a closed case is not reviewed, its escalation neither")
        XCTAssertEqual(agenda.first?.reasons.map(\.rule), [.escalationOpen])
    }

    // MARK: - The summary

    func testTheSummaryHoldsTheOpenEscalationsOldestFirst() throws {
        let directory = temporaryDirectory(self)
        var store: CaseloadStore! = try CaseloadStore(directory: directory, clock: { self.now })
        var youth = try youth()
        var answered = escalation(daysAgo: 50, "Beantwoord", id: "answered")
        answered.answeredOn = today.adding(days: -3)
        try youth.save(answered, today: today)
        try youth.save(escalation(daysAgo: 5, "Later", id: "later"), today: today)
        try youth.save(escalation(daysAgo: 60, "Eerder", level: .national, id: "earlier"), today: today)
        try store.save(youth)
        let summary = try XCTUnwrap(store.summaries.first)
        XCTAssertEqual(summary.openEscalations.map(\.id), ["earlier", "later"])
        XCTAssertEqual(summary.openEscalations.map(\.question), ["Eerder", "Later"])
        XCTAssertEqual(summary.openEscalations.map(\.level), [.national, .municipal])
        XCTAssertEqual(summary.openEscalations.map(\.raisedOn), [today.adding(days: -60), today.adding(days: -5)])
        // Read back from the index by a new store (the program started again): the same.
        store = nil
        let reopened = try CaseloadStore(directory: directory, clock: { self.now })
        XCTAssertEqual(reopened.summaries.first?.openEscalations, summary.openEscalations)
    }

    func testWeeksOpenAndWaitingTooLong() {
        let raised = escalation(daysAgo: 63)
        XCTAssertEqual(raised.weeksOpen(today: today), 9)
        XCTAssertTrue(raised.waitsTooLong(weeks: 8, today: today))
        XCTAssertFalse(raised.waitsTooLong(weeks: 9, today: today))
        var answered = raised
        answered.answeredOn = today
        XCTAssertFalse(answered.waitsTooLong(weeks: 8, today: today), "an answered one waits for nothing")
        XCTAssertEqual(Escalation.weeksOpen(since: today.adding(days: 3), today: today), 0, "a day ahead counts as none")
        XCTAssertEqual(EscalationLevel.national.short, "landelijk")
    }
}
