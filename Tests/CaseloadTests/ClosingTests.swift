@testable import Caseload
import XCTest

/// The end of the method (issue 18): the borg intensity and the ready-to-close rule, closing with
/// an outcome and what it does with open actions and lopende placements, closed cases out of the
/// agenda, the review and the counts, reopening to the phase closed from, closing again. Fixed
/// clock and days, never today's date.
final class ClosingTests: XCTestCase {
    let today = LocalDate(year: 2026, month: 11, day: 22)!
    let now = Date(timeIntervalSince1970: 1_795_372_800)

    private func refusal(_ body: () throws -> Void) -> String? {
        do { try body() } catch { return (error as? InputError)?.message ?? "\(error)" }
        return nil
    }

    /// Found 200 days ago, through every phase up to `phase`, each 30 days after the one before
    /// (Borgen since 50 days ago).
    private func youth(in phase: Phase) throws -> Youth {
        var youth = try Youth(name: "Sem de Vries", now: now, today: today.adding(days: -200))
        let steps: [(Phase, Int)] = [(.quickScan, -170), (.matchAndWrapAround, -140), (.coaching, -80), (.borg, -50)]
        for (next, days) in steps where Phase.allCases.firstIndex(of: next)! <= Phase.allCases.firstIndex(of: phase)! {
            youth.move(to: next, on: today.adding(days: days), now: now)
        }
        XCTAssertEqual(youth.phase, phase)
        return youth
    }

    // MARK: - Borg

    func testBorgIntensityStepsAreRecordedWithTheirDays() throws {
        var youth = try youth(in: .borg)
        XCTAssertNil(youth.borgStep, "no intensity yet")
        try youth.setBorgIntensity(.intensive, on: today.adding(days: -50), today: today, now: now)
        try youth.setBorgIntensity(.light, on: today.adding(days: -30), today: today, now: now)
        try youth.setBorgIntensity(.phasedOut, on: today.adding(days: -10), today: today, now: now)
        XCTAssertEqual(youth.borgSteps.map(\.intensity), [.intensive, .light, .phasedOut])
        XCTAssertEqual(youth.borgStep, BorgStep(.phasedOut, on: today.adding(days: -10)))
        try youth.setBorgIntensity(.phasedOut, on: today, today: today, now: now)
        XCTAssertEqual(youth.borgSteps.count, 3, "the same intensity again is no new step")
    }

    func testBorgIntensityRefusals() throws {
        var coaching = try youth(in: .coaching)
        XCTAssertEqual(refusal { try coaching.setBorgIntensity(.light, on: today, today: today, now: now) },
                       "De borgingsintensiteit hoort bij de fase Borgen; dit dossier is in Coachen.")
        var youth = try youth(in: .borg)
        XCTAssertEqual(refusal { try youth.setBorgIntensity(.light, on: today.adding(days: 1), today: today, now: now) },
                       "Een borgingsintensiteit kan niet in de toekomst liggen (vandaag is 22-11-2026).")
        XCTAssertEqual(refusal { try youth.setBorgIntensity(.light, on: today.adding(days: -51), today: today, now: now) },
                       "Die dag ligt vóór het begin van Borgen (\(today.adding(days: -50).text)).")
        try youth.setBorgIntensity(.intensive, on: today.adding(days: -30), today: today, now: now)
        try youth.setBorgIntensity(.light, on: today.adding(days: -20), today: today, now: now)
        XCTAssertEqual(refusal { try youth.setBorgIntensity(.phasedOut, on: today.adding(days: -30), today: today, now: now) },
                       "Die dag ligt niet na de intensiteit daarvoor (intensief sinds \(today.adding(days: -30).text)); de laatste stap verbetert u met een latere dag.")
        XCTAssertEqual(youth.borgSteps.count, 2, "nothing recorded by a refusal")
    }

    /// A day on or before the last step corrects it (intensity and day); never two steps on a day.
    func testTheLastBorgStepIsCorrected() throws {
        var youth = try youth(in: .borg)
        XCTAssertEqual(try youth.setBorgIntensity(.intensive, on: today.adding(days: -40), today: today, now: now), .added)
        XCTAssertEqual(try youth.setBorgIntensity(.light, on: today.adding(days: -10), today: today, now: now), .added)
        // Typed the wrong day: an earlier day moves the step back.
        XCTAssertEqual(try youth.setBorgIntensity(.light, on: today.adding(days: -20), today: today, now: now), .corrected)
        XCTAssertEqual(youth.borgSteps, [BorgStep(.intensive, on: today.adding(days: -40)), BorgStep(.light, on: today.adding(days: -20))])
        // The same day with another intensity corrects the intensity, no second step on that day.
        XCTAssertEqual(try youth.setBorgIntensity(.phasedOut, on: today.adding(days: -20), today: today, now: now), .corrected)
        XCTAssertEqual(youth.borgSteps, [BorgStep(.intensive, on: today.adding(days: -40)), BorgStep(.phasedOut, on: today.adding(days: -20))])
        // The only step of Borgen can move to its first day, not before it.
        var first = try self.youth(in: .borg)
        try first.setBorgIntensity(.light, on: today.adding(days: -10), today: today, now: now)
        XCTAssertEqual(try first.setBorgIntensity(.light, on: today.adding(days: -50), today: today, now: now), .corrected)
        XCTAssertEqual(first.borgSteps, [BorgStep(.light, on: today.adding(days: -50))])
        // Corrected to the intensity of the step before it, the last step goes: licht since the
        // first day of licht, never licht twice in a row.
        var twice = try self.youth(in: .borg)
        try twice.setBorgIntensity(.light, on: today.adding(days: -8), today: today, now: now)
        try twice.setBorgIntensity(.phasedOut, on: today.adding(days: -4), today: today, now: now)
        XCTAssertEqual(try twice.setBorgIntensity(.light, on: today.adding(days: -4), today: today, now: now), .corrected)
        XCTAssertEqual(twice.borgSteps, [BorgStep(.light, on: today.adding(days: -8))])
        XCTAssertEqual(twice.borgStep, BorgStep(.light, on: today.adding(days: -8)))
    }

    /// The same intensity again, on a later day or the same day, writes nothing.
    func testTheSameBorgIntensityAgainChangesNothing() throws {
        var youth = try youth(in: .borg)
        try youth.setBorgIntensity(.light, on: today.adding(days: -20), today: today, now: now)
        let before = youth
        XCTAssertEqual(try youth.setBorgIntensity(.light, on: today, today: today, now: now.addingTimeInterval(60)), .unchanged)
        XCTAssertEqual(try youth.setBorgIntensity(.light, on: today.adding(days: -20), today: today, now: now.addingTimeInterval(60)), .unchanged)
        XCTAssertEqual(youth, before)
    }

    /// Ready to close after more than 13 weeks afgebouwd (not at 13), as a phaseTooLong reason.
    func testReadyToCloseAfterTheThresholdAfgebouwd() throws {
        var youth = try youth(in: .borg)
        youth.phaseHistory[youth.phaseHistory.count - 1].date = today.adding(days: -120)
        let settings = CoachSettings()
        XCTAssertEqual(settings.readyToCloseWeeks, 13)
        try youth.setBorgIntensity(.light, on: today.adding(days: -120), today: today, now: now)
        XCTAssertNil(youth.readyToClose(weeks: 13, today: today), "licht is not afgebouwd")

        var atThreshold = youth
        try atThreshold.setBorgIntensity(.phasedOut, on: today.adding(days: -91), today: today, now: now)
        XCTAssertNil(atThreshold.readyToClose(weeks: 13, today: today), "13 weeks is not more than 13")
        XCTAssertFalse(ReviewRules.reasons(for: atThreshold, settings: settings, today: today).contains { $0.detail.contains("klaar om af te sluiten") })

        var past = youth
        try past.setBorgIntensity(.phasedOut, on: today.adding(days: -98), today: today, now: now)
        XCTAssertEqual(past.readyToClose(weeks: 13, today: today), 14)
        let reason = try XCTUnwrap(ReviewRules.reasons(for: past, settings: settings, today: today).first { $0.rule == .phaseTooLong })
        XCTAssertEqual(reason.detail, "afgebouwd sinds \(today.adding(days: -98).text), 14 weken: klaar om af te sluiten (drempel 13)")
    }

    // MARK: - Closing

    // MARK: - Validation

    private func failedField(_ youth: Youth) -> String? {
        do { try youth.validate() } catch { return error.field }
        return nil
    }

    /// A closure fits its move to Afgesloten (day and phase), counts are not negative, ids can
    /// name a file; a case closed before closures were recorded stays valid.
    func testValidationChecksClosuresAgainstThePhaseHistory() throws {
        var closed = try youth(in: .borg)
        try closed.close(ClosingInput(outcome: .education, date: today.adding(days: -5)), today: today, now: now)
        try closed.reopen(on: today.adding(days: -3), reason: "Toch hulp nodig.", today: today, now: now)
        try closed.close(ClosingInput(outcome: .regularWork, date: today.adding(days: -1)), today: today, now: now)
        XCTAssertNil(failedField(closed), "closed, reopened and closed again")

        var legacy = try youth(in: .borg)
        legacy.move(to: .closed, on: today.adding(days: -2), now: now)
        XCTAssertNil(failedField(legacy), "closed before closures were recorded")

        var wrongDay = closed
        wrongDay.closures[1].date = today.adding(days: -2)
        XCTAssertEqual(failedField(wrongDay), "closures[1].date")
        var wrongPhase = closed
        wrongPhase.closures[0].from = .coaching
        XCTAssertEqual(failedField(wrongPhase), "closures[0].date")
        var twice = closed
        twice.closures[1] = twice.closures[0]
        twice.closures[1].id = "tweede"
        XCTAssertEqual(failedField(twice), "closures[1].date", "one move, one closure")
        var openCase = try youth(in: .borg)
        openCase.closures = [closed.closures[0]]
        XCTAssertEqual(failedField(openCase), "closures[0].date", "no move to Afgesloten at all")

        var negative = closed
        negative.closures[0].actionsClosed = -1
        XCTAssertEqual(failedField(negative), "closures[0].actionsClosed")
        negative = closed
        negative.closures[1].placementsEnded = -2
        XCTAssertEqual(failedField(negative), "closures[1].placementsEnded")
        var badID = closed
        badID.closures[0].id = "../x"
        XCTAssertEqual(failedField(badID), "closures[0].id")
        var badEscalation = closed
        badEscalation.escalations = [Escalation(level: .municipal, question: "Mag het?", block: .municipalPolicy,
                                                raisedOn: today.adding(days: -9), id: "a/b")]
        XCTAssertEqual(failedField(badEscalation), "escalations[0].id")
    }

    func testClosingWithEachOutcome() throws {
        for outcome in Outcome.allCases {
            var youth = try youth(in: .coaching)
            let detail = outcome == .other ? "verhuisd naar Spanje" : ""
            try youth.close(ClosingInput(outcome: outcome, outcomeDetail: detail, date: today.adding(days: -3), note: "Goed afgerond."),
                            today: today, now: now)
            XCTAssertEqual(youth.phase, .closed)
            XCTAssertEqual(youth.closedOn, today.adding(days: -3))
            let closure = try XCTUnwrap(youth.currentClosure)
            XCTAssertEqual(closure.outcome, outcome)
            XCTAssertEqual(closure.from, .coaching)
            XCTAssertEqual(closure.note, "Goed afgerond.")
            XCTAssertEqual(closure.outcomeText, outcome == .other ? "anders: verhuisd naar Spanje" : outcome.label)
            XCTAssertEqual(youth.phaseHistory.last, PhaseChange(from: .coaching, to: .closed, date: today.adding(days: -3)))
        }
    }

    /// A youth in Coachen with two open actions, one done, a lopende and a planned placement.
    private func busyYouth() throws -> Youth {
        var youth = try youth(in: .coaching)
        for what in ["Bellen met werkgever", "Fiets regelen", "Cv maken"] {
            youth.save(try CaseAction(what: what, owner: .coach, due: today.adding(days: 7), created: today.adding(days: -20)))
        }
        youth.actions[2].setStatus(.done, on: today.adding(days: -5))
        let bakery = try Workplace(name: "Bakkerij Jansen", now: now)
        _ = try youth.addPlacement(at: bakery, kind: .job, start: today.adding(days: -60), today: today, now: now)
        _ = try youth.addPlacement(at: bakery, kind: .internship, start: today.adding(days: 20), today: today, now: now)
        return youth
    }

    func testClosingCancelsOpenActionsAndEndsLopendePlacementsOnTheClosingDay() throws {
        var youth = try busyYouth()
        let day = today.adding(days: -2)
        try youth.close(ClosingInput(outcome: .regularWork, date: day, actions: .closedWithCase, placements: .ended), today: today, now: now)
        XCTAssertEqual(youth.actions.map(\.status), [.cancelled, .cancelled, .done])
        XCTAssertEqual(youth.actions.map(\.closedOn), [day, day, today.adding(days: -5)], "a done action keeps its own day")
        let job = try XCTUnwrap(youth.placements.first { $0.kind == .job })
        XCTAssertEqual(job.status, .ended)
        XCTAssertEqual(job.end, day)
        XCTAssertEqual(job.ending, .caseClosed)
        XCTAssertEqual(youth.placements.first { $0.kind == .internship }?.status, .planned, "a planned placement is left alone")
        XCTAssertEqual(youth.currentClosure?.actionsClosed, 2)
        XCTAssertEqual(youth.currentClosure?.placementsEnded, 1)
    }

    func testClosingCanKeepActionsOpenAndPlacementsRunning() throws {
        var youth = try busyYouth()
        try youth.close(ClosingInput(outcome: .regularWork, date: today, actions: .kept, placements: .kept), today: today, now: now)
        XCTAssertEqual(youth.actions.map(\.status), [.open, .open, .done])
        XCTAssertEqual(youth.placements.first { $0.kind == .job }?.status, .running)
        XCTAssertNil(youth.placements.first { $0.kind == .job }?.end)
        XCTAssertEqual(youth.currentClosure?.actionsClosed, 0)
        XCTAssertEqual(youth.currentClosure?.placementsEnded, 0)
    }

    /// Out of the review's agenda, nothing due, no contact gap; kept open actions do not count either.
    func testAClosedCaseLeavesTheAgendaAndTheCounts() throws {
        var closed = try busyYouth()
        closed.actions[0].due = today.adding(days: -30)
        var open = closed
        open.id = "open-one"
        try closed.close(ClosingInput(outcome: .education, date: today, actions: .kept, placements: .kept), today: today, now: now)
        let settings = CoachSettings()
        let agenda = ReviewRules.agenda([closed, open], settings: settings, today: today)
        XCTAssertEqual(agenda.map(\.youthID), ["open-one"])
        XCTAssertNil(closed.measurementDue(weeks: settings.measurementWeeks, today: today))
        XCTAssertNotNil(open.daysWithoutContact(today: today), "the open one does count")
        XCTAssertNil(closed.daysWithoutContact(today: today))
        XCTAssertFalse(closed.needsFirstZRM)
        XCTAssertNil(closed.phaseTooLong(weeks: settings.phaseWeeks, today: today))
    }

    func testClosingRefusals() throws {
        var youth = try youth(in: .borg)
        XCTAssertEqual(refusal { try youth.close(ClosingInput(outcome: .regularWork, date: today.adding(days: 1)), today: today, now: now) },
                       "Een afsluiting kan niet in de toekomst liggen (vandaag is 22-11-2026).")
        XCTAssertEqual(refusal { try youth.close(ClosingInput(outcome: .regularWork, date: today.adding(days: -51)), today: today, now: now) },
                       "De afsluitdatum kan niet vóór de vorige fasewissel liggen (\(today.adding(days: -50).text)).")
        XCTAssertEqual(refusal { try youth.close(ClosingInput(outcome: .other, outcomeDetail: "  ", date: today), today: today, now: now) },
                       "Bij uitstroom \"anders\" hoort een toelichting: wat werd het?")
        try youth.setBorgIntensity(.light, on: today.adding(days: -10), today: today, now: now)
        XCTAssertEqual(refusal { try youth.close(ClosingInput(outcome: .regularWork, date: today.adding(days: -11)), today: today, now: now) },
                       "De afsluitdatum kan niet vóór de laatste borgingsintensiteit liggen (licht sinds \(today.adding(days: -10).text)).")
        XCTAssertEqual(youth.phase, .borg, "nothing changed by a refusal")
        XCTAssertTrue(youth.closures.isEmpty)
        try youth.close(ClosingInput(outcome: .regularWork, date: today), today: today, now: now)
        XCTAssertEqual(refusal { try youth.close(ClosingInput(outcome: .regularWork, date: today), today: today, now: now) },
                       "Dit dossier is al afgesloten.")
    }

    /// A lopende placement that started after the closing day cannot be ended on it.
    func testEndingAPlacementThatStartedAfterTheClosingDayIsRefused() throws {
        var youth = try busyYouth()
        youth.placements[0].start = today.adding(days: -1)
        XCTAssertNotNil(refusal { try youth.close(ClosingInput(outcome: .regularWork, date: today.adding(days: -2)), today: today, now: now) })
        XCTAssertEqual(youth.actions.map(\.status), [.open, .open, .done], "no action cancelled by the refused closing")
        XCTAssertNil(refusal { try youth.close(ClosingInput(outcome: .regularWork, date: today.adding(days: -2), placements: .kept), today: today, now: now) })
    }

    // MARK: - Reopening

    func testReopeningReturnsToThePhaseClosedFromAndClosingAgainRecordsASecondOutcome() throws {
        for phase in [Phase.borg, .scout] {
            var youth = try youth(in: phase)
            try youth.close(ClosingInput(outcome: .stoppedByYouth, date: today.adding(days: -10)), today: today, now: now)
            try youth.reopen(on: today.adding(days: -5), reason: "Wil toch verder", today: today, now: now)
            XCTAssertEqual(youth.phase, phase, "back to \(phase.label)")
            XCTAssertNil(youth.currentClosure)
            XCTAssertNil(youth.closedOn)
            XCTAssertEqual(youth.closures.count, 1, "the earlier closure stays")
            XCTAssertEqual(youth.reopenings, [Reopening(date: today.adding(days: -5), reason: "Wil toch verder", phase: phase)])
            XCTAssertEqual(youth.phaseHistory.last, PhaseChange(from: .closed, to: phase, date: today.adding(days: -5)))

            try youth.close(ClosingInput(outcome: .regularWork, date: today), today: today, now: now)
            XCTAssertEqual(youth.closures.map(\.outcome), [.stoppedByYouth, .regularWork])
            XCTAssertEqual(youth.currentClosure?.outcome, .regularWork, "the latest counts")
            XCTAssertEqual(youth.latestClosure, youth.currentClosure)
        }
    }

    func testReopeningRefusals() throws {
        var open = try youth(in: .coaching)
        XCTAssertEqual(refusal { try open.reopen(on: today, reason: "waarom", today: today, now: now) }, "Dit dossier is niet afgesloten.")
        var youth = try youth(in: .coaching)
        try youth.close(ClosingInput(outcome: .moved, date: today.adding(days: -3)), today: today, now: now)
        XCTAssertEqual(refusal { try youth.reopen(on: today, reason: " ", today: today, now: now) }, "Geef een reden voor het heropenen.")
        XCTAssertEqual(refusal { try youth.reopen(on: today.adding(days: 1), reason: "terug", today: today, now: now) },
                       "Een heropening kan niet in de toekomst liggen (vandaag is 22-11-2026).")
        XCTAssertEqual(refusal { try youth.reopen(on: today.adding(days: -4), reason: "terug", today: today, now: now) },
                       "Een heropening kan niet vóór de afsluiting liggen (\(today.adding(days: -3).text)).")
        XCTAssertEqual(youth.phase, .closed)
        XCTAssertTrue(youth.reopenings.isEmpty)
    }

    /// A case closed before closures were recorded (schema 7): no outcome, reopened with a reason
    /// to the phase it was closed from.
    func testALegacyClosedCaseHasNoOutcomeAndReopens() throws {
        var youth = try youth(in: .borg)
        youth.move(to: .closed, on: today.adding(days: -5), now: now)
        XCTAssertNil(youth.currentClosure)
        XCTAssertEqual(youth.closedOn, today.adding(days: -5))
        try youth.reopen(on: today, reason: "Nieuwe vraag", today: today, now: now)
        XCTAssertEqual(youth.phase, .borg)
        XCTAssertEqual(youth.reopenings.first?.reason, "Nieuwe vraag")
    }

    /// The closing note's draft is stored as closing.note; another closing.* is damaged.
    func testTheClosingNoteDraftField() {
        XCTAssertEqual(DraftField.closingNote.stored, "closing.note")
        XCTAssertEqual(DraftField.reading("closing.note"), .field(.closingNote))
        XCTAssertEqual(DraftField.reading("closing.other"), .invalid(rule: "verwacht closing.note"))
    }
}
