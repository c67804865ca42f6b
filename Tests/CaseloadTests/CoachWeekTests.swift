@testable import Caseload
import XCTest

/// The coach's week on a hand-made caseload whose answers are known: a fixed "today" (Wednesday
/// 25 November 2026, week 48) and default thresholds (14 days contact, metingen 13/26/52 weeks).
final class CoachWeekTests: XCTestCase {
    let today = LocalDate(year: 2026, month: 11, day: 25)!
    let now = Date(timeIntervalSince1970: 1_795_600_000)
    let settings = CoachSettings()

    /// A youth in `phase` since `phaseDays` ago (started `startDays` ago), with a contact
    /// `contactDays` ago and a 0-meting `zeroDays` ago when given.
    private func youth(_ name: String, phase: Phase = .coaching, startDays: Int = 200, phaseDays: Int = 30,
                       contactDays: Int? = 1, zeroDays: Int? = 60) throws -> Youth {
        var youth = try Youth(name: name, now: now, today: today.adding(days: -startDays))
        if phase != .scout { youth.move(to: phase, on: today.adding(days: -phaseDays), now: now) }
        if let contactDays { youth.save(contact(daysAgo: contactDays)) }
        if let zeroDays {
            let day = today.adding(days: -zeroDays)
            youth.measurements.append(ZRMMeasurement(date: day, moment: .zero, scoredBy: "coach", recordedOn: day,
                                                     scores: ["housing": DomainScore(score: 3)]))
        }
        return youth
    }

    private func contact(daysAgo: Int, kind: ContactKind = .atHome) -> JournalEntry {
        JournalEntry(date: today.adding(days: -daysAgo), kind: kind)
    }

    private func person(_ name: String, in youth: inout Youth) throws -> Person {
        let person = try Person(kind: .professional, name: name)
        youth.save(person)
        return person
    }

    private func caseload() throws -> [Youth] {
        var acute = try youth("Amal Acuut")
        acute.measurements[0].scores["finances"] = DomainScore(score: 1)
        var late = try youth("Bas Achter")
        late.save(try CaseAction(what: "Schuldhulp bellen", owner: .coach, due: today.adding(days: -3), created: today.adding(days: -10)))
        let quiet = try youth("Cas Stil", contactDays: 20)
        var meeting = try youth("Dirk Overleg")
        let jobhunter = try person("Jobhunter Jan", in: &meeting)
        var friday = WrapAroundMeeting(date: today.adding(days: 2))
        friday.time = "14:00"
        friday.participants = [Participant(personID: jobhunter.id)]
        meeting.save(friday)
        let metingDue = try youth("Eva Meting", zeroDays: 13 * 7 + 3)
        let noZRM = try youth("Fay Scan", phase: .quickScan, phaseDays: 10, zeroDays: nil)
        var scout = try youth("Gijs Scout", phase: .scout, startDays: 60, contactDays: nil, zeroDays: nil)
        scout.save(contact(daysAgo: 2, kind: .failedAttempt))
        let calm = try youth("Hanna Rustig")
        var closed = try youth("Ivo Klaar", contactDays: 90)
        closed.move(to: .closed, on: today.adding(days: -5), now: now)
        return [calm, closed, noZRM, metingDue, scout, quiet, meeting, late, acute].shuffled()
    }

    // MARK: - The agenda

    /// A youth in Coachen with a lopende placement and no progress talk for longer than
    /// `talkWeeks` is on the agenda, counted from the last talk or else the placement's start.
    func testALopendePlacementWithoutATalkForTooLongIsOnTheAgenda() throws {
        let bakery = try Workplace(name: "Bakkerij", now: now, id: "w1")
        var youth = try youth("Jip Werk")
        var placement = Placement(workplace: bakery, kind: .job, start: today.adding(days: -43), id: "p1")
        placement.status = .running
        try youth.save(placement, now: now)
        let six = CoachSettings(talkWeeks: 6)
        XCTAssertEqual(ReviewRules.talkGap(youth, weeks: 6, today: today), "Bakkerij: nog geen gesprek sinds de start op 13-10-2026, 6 weken (drempel 6)")
        XCTAssertEqual(ReviewRules.reasons(for: youth, settings: six, today: today).map(\.rule), [.noProgressTalk])
        XCTAssertNil(ReviewRules.talkGap(youth, weeks: 7, today: today), "43 days is not more than 7 weeks")
        youth.progressTalks = [youth.newTalk(placementID: "p1", on: today.adding(days: -42), id: "t1")]
        XCTAssertNil(ReviewRules.talkGap(youth, weeks: 6, today: today), "42 days is not more than 6 weeks")
        youth.progressTalks = [youth.newTalk(placementID: "p1", on: today.adding(days: -50), id: "t1")]
        XCTAssertEqual(ReviewRules.talkGap(youth, weeks: 6, today: today), "Bakkerij: laatste gesprek 06-10-2026, 7 weken geleden (drempel 6)")
        // Only in Coachen, and only for a lopende placement.
        var borg = youth
        borg.move(to: .borg, on: today, now: now)
        XCTAssertNil(ReviewRules.talkGap(borg, weeks: 6, today: today))
        placement.status = .ended
        placement.end = today.adding(days: -1)
        try youth.save(placement, now: now)
        XCTAssertNil(ReviewRules.talkGap(youth, weeks: 6, today: today))
    }

    func testTheAgendaPutsTheMostUrgentFirstAndEveryReasonIsShown() throws {
        let agenda = ReviewRules.agenda(try caseload(), settings: settings, today: today)
        XCTAssertEqual(agenda.map(\.name), ["Amal Acuut", "Bas Achter", "Gijs Scout", "Cas Stil", "Dirk Overleg", "Eva Meting",
                                            "Fay Scan", "Hanna Rustig"], "closed cases are not reviewed; nothing flagged comes last")
        let reasons = Dictionary(uniqueKeysWithValues: agenda.map { ($0.name, $0.reasons.map(\.text)) })
        XCTAssertEqual(reasons["Amal Acuut"], ["Acuut leefgebied: Financiën"])
        XCTAssertEqual(reasons["Bas Achter"], ["Actie te laat: Schuldhulp bellen (sinds 22-11-2026)"])
        XCTAssertEqual(reasons["Gijs Scout"], ["Geen contact: nog geen contact, 60 dagen sinds de start",
                                               "Fase te lang: Scout duurt 8 weken (drempel 6)"],
                       "a failed attempt is no contact; two reasons rank above one of the same rule")
        XCTAssertEqual(reasons["Cas Stil"], ["Geen contact: 20 dagen (laatste 05-11-2026)"])
        XCTAssertEqual(reasons["Dirk Overleg"], ["Overleg deze week: 27-11-2026 om 14:00",
                                                 "Toestemming: geen toestemming van Jobhunter Jan voor het overleg van 27-11-2026"])
        XCTAssertEqual(reasons["Eva Meting"], ["Meting: 1-meting te laat sinds 22-11-2026"])
        XCTAssertEqual(reasons["Fay Scan"], ["Geen ZRM: nog geen meting"])
        XCTAssertEqual(reasons["Hanna Rustig"], [])
    }

    func testTheCoachsThresholdsDecide() throws {
        var strict = CoachSettings()
        strict.contactDays = 30
        strict.phaseWeeks[.scout] = 10
        let agenda = ReviewRules.agenda(try caseload(), settings: strict, today: today)
        XCTAssertEqual(agenda.first { $0.name == "Cas Stil" }?.reasons, [], "20 days is within 30")
        XCTAssertEqual(agenda.first { $0.name == "Gijs Scout" }?.reasons.map(\.rule), [.noContact])
    }

    // MARK: - Days since contact

    func testLastContactCountsRealContactsOnly() throws {
        var youth = try youth("Zoë", contactDays: nil, zeroDays: nil)
        XCTAssertNil(youth.lastContact)
        youth.save(contact(daysAgo: 9, kind: .phone))
        youth.save(contact(daysAgo: 4, kind: .withProfessional))
        youth.save(contact(daysAgo: 1, kind: .failedAttempt))
        XCTAssertEqual(youth.lastContact, today.adding(days: -4))
        XCTAssertEqual(YouthSummary(youth).daysWithoutContact(today: today), 4)
        XCTAssertEqual(youth.journalNewestFirst.map(\.kind), [.failedAttempt, .withProfessional, .phone])
    }

    func testADurationIsTypedInMinutesOrHours() throws {
        XCTAssertEqual(try JournalEntry.validMinutes("45"), 45)
        XCTAssertEqual(try JournalEntry.validMinutes(" 1:30 "), 90)
        XCTAssertNil(try JournalEntry.validMinutes(""))
        for bad in ["0", "-5", "1:3", "1:75", "25:00", "een uur"] {
            XCTAssertThrowsError(try JournalEntry.validMinutes(bad), bad)
        }
        XCTAssertEqual(JournalEntry.durationText(90), "1 u 30")
        XCTAssertEqual(JournalEntry.durationText(45), "45 min")
        var entry = JournalEntry(date: today, kind: .phone)
        entry.toggle(.dreams)
        entry.toggle(.normalise)
        XCTAssertEqual(entry.principles, [.normalise, .dreams], "kept in the method's order")
        entry.toggle(.dreams)
        XCTAssertEqual(entry.principles, [.normalise])
    }

    // MARK: - Scouting

    func testTheAgreementEndsTheScoutPhaseOnItsDay() throws {
        var youth = try youth("Zoë", phase: .scout, startDays: 20, contactDays: nil, zeroDays: nil)
        youth.save(ScoutAttempt(date: today.adding(days: -15), channel: .street))
        youth.save(ScoutAttempt(date: today.adding(days: -10), channel: .introduction, outcome: .spoke))
        XCTAssertEqual(youth.daysInScout(today: today), 20)
        XCTAssertThrowsError(try youth.recordAgreement(on: today.adding(days: 1), today: today, now: now))
        XCTAssertThrowsError(try youth.recordAgreement(on: today.adding(days: -30), today: today, now: now), "before the start")
        try youth.recordAgreement(on: today.adding(days: -7), today: today, now: now)
        XCTAssertEqual(youth.phase, .quickScan)
        XCTAssertEqual(youth.phaseSince, today.adding(days: -7))
        XCTAssertEqual(youth.agreedOn, today.adding(days: -7))
        XCTAssertEqual(youth.daysInScout(today: today), 13)
        XCTAssertEqual(youth.scoutAttemptsInOrder.map(\.outcome), [.notReached, .spoke])
    }

    // MARK: - The meting schedule

    func testTheNextMetingFallsDueWeeksAfterTheZeroMeting() throws {
        let weeks = settings.measurementWeeks
        func due(_ zeroDays: Int, taken: Set<MeasurementMoment> = [.zero]) -> MeasurementDue? {
            MeasurementDue.next(zeroMeting: today.adding(days: -zeroDays), taken: taken, weeks: weeks, today: today)
        }
        XCTAssertNil(due(13 * 7 - 15), "more than two weeks before its day")
        XCTAssertEqual(due(13 * 7 - 14), MeasurementDue(moment: .one, due: today.adding(days: 14)))
        XCTAssertFalse(due(13 * 7)!.isOverdue(on: today), "due today is not late yet")
        XCTAssertTrue(due(13 * 7 + 1)!.isOverdue(on: today))
        XCTAssertEqual(due(26 * 7, taken: [.zero, .one])?.moment, .two)
        XCTAssertEqual(due(400, taken: [.zero]), MeasurementDue(moment: .one, due: today.adding(days: -400 + 91)), "the first not taken")
        XCTAssertNil(due(400, taken: [.zero, .one, .two, .three]))
        XCTAssertNil(MeasurementDue.next(zeroMeting: nil, taken: [], weeks: weeks, today: today), "without a 0-meting: no ZRM")
        var changed = CoachSettings()
        XCTAssertThrowsError(try changed.setWeeks("10", for: .two), "the 2-meting comes after the 1-meting")
        try changed.setWeeks("8", for: .one)
        XCTAssertEqual(changed.measurementWeeks[.one], 8)
    }

    // MARK: - Consent end dates

    func testConsentThatEndsSoonOrHasEndedIsFlaggedForAComingMeeting() throws {
        var youth = try youth("Zoë")
        let soon = try person("Mentor Mo", in: &youth)
        let later = try person("Wijkagent Wil", in: &youth)
        let ended = try person("Tante Tess", in: &youth)
        let notInvited = try person("Buurman Bob", in: &youth)
        var meeting = WrapAroundMeeting(date: today.adding(days: 10))
        meeting.participants = [soon, later, ended].map { Participant(personID: $0.id) }
        youth.save(meeting)
        func consent(_ person: Person, until: Int?) throws -> Consent {
            var consent = try Consent(personID: person.id, what: "alles", from: today.adding(days: -100))
            consent.until = until.map { today.adding(days: $0) }
            return consent
        }
        youth.save(try consent(soon, until: 20))
        youth.save(try consent(later, until: 60))
        youth.save(try consent(ended, until: -1))
        youth.save(try consent(notInvited, until: 3))
        XCTAssertEqual(youth.consentProblems(today: today).map(\.text), [
            "toestemming van Mentor Mo loopt af op 15-12-2026 (overleg 05-12-2026)",
            "geen toestemming van Tante Tess voor het overleg van 05-12-2026",
        ])
        XCTAssertFalse(youth.consents[2].isActive(on: today), "ended yesterday")
        XCTAssertTrue(youth.consents[0].isActive(on: today.adding(days: 20)), "the end date is the last day it holds")
        XCTAssertFalse(youth.consents[0].isActive(on: today.adding(days: 21)))
    }

    // MARK: - Weeks

    func testISOWeeksAcrossTheYearsEnd() throws {
        XCTAssertEqual(ReviewWeek(containing: today).text, "2026-W48")
        XCTAssertEqual(ReviewWeek(containing: today).monday, LocalDate(year: 2026, month: 11, day: 23))
        XCTAssertEqual(ReviewWeek(containing: LocalDate(year: 2027, month: 1, day: 1)!).text, "2026-W53")
        XCTAssertEqual(ReviewWeek(containing: LocalDate(year: 2024, month: 12, day: 30)!).text, "2025-W01")
        XCTAssertEqual(ReviewWeek(text: "2026-W53")?.sunday, LocalDate(year: 2027, month: 1, day: 3))
        XCTAssertEqual(ReviewWeek(text: "2026-49"), ReviewWeek(containing: LocalDate(year: 2026, month: 12, day: 2)!))
        XCTAssertNil(ReviewWeek(text: "2025-W53"), "2025 has 52 weeks")
        XCTAssertNil(ReviewWeek(text: "week 12"))
        XCTAssertEqual(ReviewWeek(text: "2027-W01")?.previous.text, "2026-W53")
    }

    // MARK: - A review kept per week, resumed

    func testAnInterruptedReviewResumesWhereItStoppedAndLastWeekIsKept() throws {
        let directory = temporaryDirectory(self)
        let youths = try caseload()
        let week = ReviewWeek(containing: today)
        do {
            let store = try CaseloadStore(directory: directory, clock: { self.now })
            var lastWeek = WeeklyReview(week: week.previous, started: now, items: ReviewRules.agenda(youths, settings: settings, today: today.adding(days: -7)))
            lastWeek.items[0].note = "Vorige week besproken"
            try store.save(lastWeek)
            var review = WeeklyReview(week: week, started: now, items: ReviewRules.agenda(youths, settings: settings, today: today))
            review.items[0].note = "Schuldhulp vandaag gebeld.\nMoeder was erbij."
            review.items[0].nextStep = "Vrijdag langs"
            review.items[0].reviewed = true
            review.position = 1
            try store.save(review)
            XCTAssertEqual(permissions(directory + "/reviews/2026-W48.json"), 0o600)
            XCTAssertEqual(permissions(directory + "/reviews"), 0o700)
        }
        let store = try CaseloadStore(directory: directory)
        var resumed = try XCTUnwrap(store.review(of: week))
        XCTAssertEqual(resumed.position, 1)
        XCTAssertEqual(resumed.items[0].note, "Schuldhulp vandaag gebeld.\nMoeder was erbij.")
        XCTAssertEqual(store.review(before: week)?.items[0].note, "Vorige week besproken")
        XCTAssertNil(store.review(before: week.previous))

        // A youth that came after the start joins the pages not yet discussed by urgency (not at
        // the end); the discussed page and the coach's page stay where they were.
        let newcomer = try youth("Jip Nieuw", contactDays: 30)
        resumed = WeeklyReview.opening(resumed, week: week, agenda: ReviewRules.agenda(youths + [newcomer], settings: settings, today: today), now: now)
        XCTAssertEqual(resumed.items.map(\.name), ["Amal Acuut", "Bas Achter", "Gijs Scout", "Cas Stil", "Jip Nieuw", "Dirk Overleg",
                                                  "Eva Meting", "Fay Scan", "Hanna Rustig"])
        XCTAssertEqual(resumed.position, 1)
        XCTAssertEqual(resumed.items[0].note, "Schuldhulp vandaag gebeld.\nMoeder was erbij.")
    }

    func testAnUnreadableReviewIsSetAsideAndANewerOneIsNeverWritten() throws {
        let directory = temporaryDirectory(self)
        try FileManager.default.createDirectory(atPath: directory + "/reviews", withIntermediateDirectories: true)
        try Data("{\"schemaVersion\": 1, \"review\": {\"week\": \"2026-W4".utf8).write(to: URL(fileURLWithPath: directory + "/reviews/2026-W47.json"))
        let newer = #"{"schemaVersion": 9, "review": {"week": "2026-W48", "items": [{"youthID": "y1", "name": "Zoë", "mood": 3}], "position": 0}}"#
        try Data(newer.utf8).write(to: URL(fileURLWithPath: directory + "/reviews/2026-W48.json"))
        let store = try CaseloadStore(directory: directory)
        XCTAssertNil(store.review(of: ReviewWeek(text: "2026-W47")!))
        XCTAssertTrue(store.notices.last?.message.hasPrefix("reviews/2026-W47.json kon niet worden gelezen: het is geen geldige JSON") ?? false,
                      "\(store.notices)")
        XCTAssertTrue(try FileManager.default.contentsOfDirectory(atPath: directory + "/quarantine").contains { $0.hasSuffix("reviews-2026-W47.json") })

        let read = try XCTUnwrap(store.review(of: ReviewWeek(text: "2026-W48")!), "read as far as this version knows it")
        XCTAssertEqual(read.items.map(\.name), ["Zoë"])
        XCTAssertThrowsError(try store.save(read)) { XCTAssertEqual($0 as? StoreError, .newerDocument(.review, schema: 9)) }
        XCTAssertEqual(try String(contentsOfFile: directory + "/reviews/2026-W48.json", encoding: .utf8), newer, "left as it was")

        let wrongWeek = #"{"schemaVersion": 1, "review": {"week": "2026-W40", "items": [], "position": 0}}"#
        try Data(wrongWeek.utf8).write(to: URL(fileURLWithPath: directory + "/reviews/2026-W46.json"))
        XCTAssertNil(store.review(of: ReviewWeek(text: "2026-W46")!))
        XCTAssertTrue(store.notices.last?.message.contains("review.week") ?? false, "\(store.notices.last!)")
    }

    func testADraftWhoseNameWouldLeaveTheDraftsFolderIsRefused() throws {
        let store = try CaseloadStore(directory: temporaryDirectory(self))
        let escaping = Draft(youthID: "y1", field: "meeting.a/../../../x.b", text: "tekst", saved: now)
        XCTAssertThrowsError(try store.keepDraft(escaping))
        XCTAssertThrowsError(try store.saveDraft(escaping))
        XCTAssertNoThrow(try store.saveDraft(Draft(youthID: "y1", field: .reviewNote(week: ReviewWeek(containing: today)), text: "tekst", saved: now)))
        XCTAssertEqual(store.drafts().map(\.key), [.reviewNote(week: ReviewWeek(containing: today))])
    }

    // MARK: - The summary

    func testTheSummaryHoldsEveryNoteAndDecisionInBothFormats() throws {
        var review = WeeklyReview(week: ReviewWeek(containing: today), started: now,
                                  items: ReviewRules.agenda(try caseload(), settings: settings, today: today))
        review.items[0].note = "Schuldhulp gebeld.\nMoeder was erbij."
        review.items[0].nextStep = "Vrijdag langs"
        review.items[0].reviewed = true
        review.items[1].note = "Bel \u{1b}[31m niet"
        review.items[1].reviewed = true
        let markdown = ReviewSummary.render(review, coachName: "Anna", format: .markdown)
        XCTAssertTrue(markdown.hasPrefix("""
            # Weekbespreking week 48 van 2026

            Week: 23-11-2026 t/m 29-11-2026
            Coach: Anna
            Besproken: 2 van 8 jongeren

            ## 1. Amal Acuut

            Aanleiding:
            - Acuut leefgebied: Financiën

            ### Notitie

            Schuldhulp gebeld.
            Moeder was erbij.

            ### Volgende stap

            Vrijdag langs

            """), markdown)
        XCTAssertTrue(markdown.contains("Bel \\x1B[31m niet"), "control characters are escaped")
        XCTAssertTrue(markdown.contains("## 8. Hanna Rustig (nog niet besproken)\n\nAanleiding: niets bijzonders"))
        let text = ReviewSummary.render(review, coachName: "Anna", format: .text)
        XCTAssertTrue(text.hasPrefix("Weekbespreking week 48 van 2026\n===="), text)
        XCTAssertTrue(text.contains("1. Amal Acuut\n-------------\n"))
        XCTAssertTrue(text.contains("Notitie:\n\nSchuldhulp gebeld.\nMoeder was erbij.\n"))
        XCTAssertEqual(ReviewSummary.fileName(review, format: .text), "weekbespreking-2026-W48.txt")
    }
}
