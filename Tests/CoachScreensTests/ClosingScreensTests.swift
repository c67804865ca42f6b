@testable import Caseload
@testable import CoachScreens
import TerminalKit
import XCTest

/// The closing form, the reopening form and the borg intensity, driven by keys at 60x16, 80x24
/// and 200x60 (issue 18).
final class ClosingScreensTests: XCTestCase {
    private static let sizes = [(60, 16), (80, 24), (200, 60)]
    private var today: LocalDate { LocalDate(Harness.now, timeZone: testZone) }

    /// Sem in `phase`, with two open actions and a lopende placement; the youth screen open.
    private func opened(in phase: Phase = .coaching, width: Int = 80, height: Int = 24,
                        change: (inout Youth) throws -> Void = { _ in }) throws -> Harness {
        let today = today
        let harness = try Harness(self) { store in
            var youth = try Youth(name: "Sem de Vries", now: Harness.now, today: today.adding(days: -200))
            for (next, days) in [(Phase.quickScan, -170), (.matchAndWrapAround, -140), (.coaching, -80), (.borg, -50)] {
                guard Phase.allCases.firstIndex(of: next)! <= Phase.allCases.firstIndex(of: phase)! else { break }
                youth.move(to: next, on: today.adding(days: days), now: Harness.now)
            }
            for what in ["Bellen met werkgever", "Fiets regelen"] {
                youth.save(try CaseAction(what: what, owner: .coach, due: today.adding(days: 7), created: today.adding(days: -20)))
            }
            if phase == .coaching {
                _ = try youth.addPlacement(at: try Workplace(name: "Bakkerij Jansen", now: Harness.now), kind: .job,
                                           start: today.adding(days: -60), today: today, now: Harness.now)
            }
            try change(&youth)
            _ = try store.save(youth)
        }
        harness.width = width
        harness.height = height
        // A closed case shows on the caseload with a.
        if harness.store.summaries.first?.phase == .closed { harness.press(.char("a")) }
        harness.press(.enter)
        XCTAssertEqual(harness.app.top.kind, .youth, harness.screen)
        return harness
    }

    private func saved(_ harness: Harness) throws -> Youth {
        try harness.store.youth(id: try XCTUnwrap(harness.store.summaries.first).id)
    }

    /// Every row of the screen fits: nothing drawn past the width.
    private func assertFits(_ harness: Harness, file: StaticString = #filePath, line: UInt = #line) {
        for row in harness.screen.split(separator: "\n") {
            XCTAssertLessThanOrEqual(Glyphs.width(of: String(row)), harness.width, String(row), file: file, line: line)
        }
    }

    /// x, the outcome "anders" with a detail and a note full of command letters, the default
    /// choices for actions and placements, then the last row and j: the case is closed.
    func testCloseThroughTheFormByKeysAtEverySize() throws {
        for (width, height) in Self.sizes {
            let harness = try opened(width: width, height: height)
            harness.press(.char("x"))
            XCTAssertEqual(harness.app.top.kind, .closing, harness.screen)
            XCTAssertTrue(harness.screen.contains("Afsluiten van Sem de Vries"), harness.screen)
            XCTAssertTrue(harness.screen.contains("2 open: vervallen met het dossier"), harness.screen)
            XCTAssertTrue(harness.screen.contains("1 lopend: beëindigd op de afsluitdatum") || width < 80, harness.screen)
            assertFits(harness)
            harness.press(.enter, .end, .tab)
            XCTAssertTrue(harness.app.top.capturesKeys, "Tab leads into the detail")
            harness.type("qxhd verhuisd")
            harness.press(.tab, .tab)
            XCTAssertTrue(harness.screen.contains("Afsluitnotitie"), harness.screen)
            harness.type("q x h d")
            harness.press(.enter)
            harness.type("tweede regel")
            assertFits(harness)
            harness.press(.tab, .tab, .escape)
            XCTAssertNil(try saved(harness).currentClosure, "nothing saved before the confirmation")
            XCTAssertTrue(harness.app.top.bindings.contains { $0.action == .edit && $0.hint == "wijzig" })
            harness.press(.end)
            XCTAssertTrue(harness.app.top.bindings.contains { $0.action == .edit && $0.hint == "afsluiten" }, "Enter names what the last row does")
            harness.press(.enter)
            XCTAssertTrue(harness.screen.contains("anders: qxhd verhuisd"), harness.screen)
            harness.press(.char("j"))
            XCTAssertEqual(harness.app.top.kind, .youth, harness.screen)
            let youth = try saved(harness)
            let closure = try XCTUnwrap(youth.currentClosure)
            XCTAssertEqual(closure.outcomeText, "anders: qxhd verhuisd")
            XCTAssertEqual(closure.note, "q x h d\ntweede regel")
            XCTAssertEqual(closure.date, today)
            XCTAssertEqual(youth.actions.map(\.status), [.cancelled, .cancelled])
            XCTAssertEqual(youth.placements.first?.ending, .caseClosed)
            XCTAssertTrue(harness.screen.contains("Afgesloten sinds \(today.text)"), harness.screen)
            XCTAssertTrue(harness.screen.contains("uitstroom: anders") || width < 80, harness.screen)
            assertFits(harness)
        }
    }

    /// "anders" without a detail is refused in the field with a Dutch reason; another outcome
    /// may stay without one.
    func testOtherNeedsADetail() throws {
        let harness = try opened()
        harness.press(.char("x"), .enter, .end, .tab)
        harness.press(.enter)
        XCTAssertTrue(harness.screen.contains(ClosingForm.otherNeedsDetail), harness.screen)
        harness.press(.escape, .up, .enter, .home, .enter)
        harness.press(.end, .enter, .char("j"))
        XCTAssertEqual(try saved(harness).currentClosure?.outcome, .regularWork)
    }

    /// A day in the future is refused in the field; the case stays open.
    func testAFutureDayIsRefused() throws {
        let harness = try opened()
        harness.press(.char("x"), .enter, .home, .enter, .down, .down, .enter, .ctrl("u"))
        harness.type(today.adding(days: 1).text)
        harness.press(.enter)
        XCTAssertTrue(harness.screen.contains("kan niet in de toekomst liggen"), harness.screen)
    }

    /// Esc with nothing filled in leaves at once; with a value filled in it asks, and no stays.
    func testEscLeavesWithoutClosing() throws {
        let harness = try opened()
        harness.press(.char("x"), .escape)
        XCTAssertEqual(harness.app.top.kind, .youth)
        harness.press(.char("x"), .enter, .home, .enter, .escape)
        XCTAssertTrue(harness.screen.contains("weggooien"), harness.screen)
        harness.press(.char("n"))
        XCTAssertEqual(harness.app.top.kind, .closing)
        harness.press(.escape, .char("j"))
        XCTAssertEqual(harness.app.top.kind, .youth)
        XCTAssertEqual(try saved(harness).phase, .coaching)
        XCTAssertTrue(try saved(harness).closures.isEmpty)
    }

    /// Choosing Afgesloten in the phase field opens the closing form.
    func testThePhaseFieldLeadsToTheClosingForm() throws {
        let harness = try opened()
        harness.press(Array(repeating: Key.down, count: 8) + [.enter, .end, .enter])
        XCTAssertEqual(harness.app.top.kind, .closing, harness.screen)
    }

    /// A closed case: h opens the reopening form; the reason is required; j reopens to the phase
    /// it was closed from.
    func testReopenAtEverySize() throws {
        for (width, height) in Self.sizes {
            let harness = try opened(in: .borg, width: width, height: height) { youth in
                try youth.close(ClosingInput(outcome: .regularWork, date: LocalDate(Harness.now, timeZone: testZone).adding(days: -3)),
                                today: LocalDate(Harness.now, timeZone: testZone), now: Harness.now)
            }
            XCTAssertTrue(harness.screen.contains("Afgesloten sinds"), harness.screen)
            let hints = String(harness.screen.split(separator: "\n").last ?? "")
            XCTAssertFalse(hints.contains("afsluiten"), hints)
            harness.press(.char("h"))
            XCTAssertEqual(harness.app.top.kind, .reopening, harness.screen)
            XCTAssertTrue(harness.screen.contains("terug naar Borgen"), harness.screen)
            assertFits(harness)
            harness.press(.end, .enter)
            XCTAssertTrue(harness.screen.contains(ReopeningForm.reasonNeeded), harness.screen)
            harness.press(.home, .enter)
            harness.type("qxhd wil verder")
            harness.press(.enter, .end, .enter)
            harness.press(.char("j"))
            XCTAssertEqual(harness.app.top.kind, .youth, harness.screen)
            let youth = try saved(harness)
            XCTAssertEqual(youth.phase, .borg)
            XCTAssertEqual(youth.reopenings.first?.reason, "qxhd wil verder")
            XCTAssertEqual(youth.closures.count, 1)
        }
    }

    /// A case closed before outcomes were recorded says so, and reopens all the same.
    func testALegacyClosedCaseSaysNoOutcomeWasRecorded() throws {
        let harness = try opened(in: .borg) { youth in
            youth.move(to: .closed, on: LocalDate(Harness.now, timeZone: testZone).adding(days: -3), now: Harness.now)
        }
        XCTAssertTrue(harness.screen.contains("Afgesloten sinds \(today.adding(days: -3).text) · geen uitstroom vastgelegd"), harness.screen)
        harness.press(.char("h"))
        XCTAssertTrue(harness.screen.contains("terug naar Borgen"), harness.screen)
    }

    /// On a closed case, t and choosing a phase in the field open the reopening form.
    func testTAndThePhaseFieldOnAClosedCaseLeadToReopening() throws {
        let harness = try opened(in: .scout) { youth in
            try youth.close(ClosingInput(outcome: .moved, date: LocalDate(Harness.now, timeZone: testZone)),
                            today: LocalDate(Harness.now, timeZone: testZone), now: Harness.now)
        }
        harness.press(.char("t"))
        XCTAssertEqual(harness.app.top.kind, .reopening, harness.screen)
        harness.press(.escape)
        harness.press(Array(repeating: Key.down, count: 8) + [.enter, .home, .enter])
        XCTAssertEqual(harness.app.top.kind, .reopening, harness.screen)
    }

    /// b in Borgen: the intensity, then the day; the heading shows it. Not in another phase.
    func testBorgIntensityByKeys() throws {
        let harness = try opened(in: .borg)
        XCTAssertTrue(harness.app.top.bindings.contains { $0.action == .setBorgIntensity })
        harness.press(.char("b"))
        XCTAssertTrue(harness.screen.contains("afgebouwd"), harness.screen)
        harness.press(.down, .enter)
        XCTAssertTrue(harness.screen.contains("wordt licht"), harness.screen)
        harness.press(.enter)
        XCTAssertEqual(try saved(harness).borgStep, BorgStep(.light, on: today))
        XCTAssertTrue(harness.screen.contains("Borgen sinds \(today.adding(days: -50).text) · licht sinds \(today.text)"), harness.screen)

        let coaching = try opened(in: .coaching)
        coaching.press(.char("b"))
        XCTAssertEqual(coaching.app.top.kind, .youth)
        XCTAssertTrue(try saved(coaching).borgSteps.isEmpty)
        XCTAssertFalse(coaching.app.top.bindings.contains { $0.action == .setBorgIntensity })
    }

    /// Afgebouwd longer than the threshold: the due line says the case is ready to close.
    func testReadyToCloseShowsInTheDueLine() throws {
        let harness = try opened(in: .borg) { youth in
            youth.phaseHistory[youth.phaseHistory.count - 1].date = LocalDate(Harness.now, timeZone: testZone).adding(days: -120)
            try youth.setBorgIntensity(.phasedOut, on: LocalDate(Harness.now, timeZone: testZone).adding(days: -100),
                                       today: LocalDate(Harness.now, timeZone: testZone), now: Harness.now)
        }
        XCTAssertTrue(harness.screen.contains("klaar om af te sluiten"), harness.screen)
    }

    /// At 60x16 a case with a due line, an open escalation and a placement keeps two rows of the
    /// form and the history's key; each line ends in … where it is cut.
    func testASmallWindowKeepsTheFormAndTheHistoryKey() throws {
        let harness = try opened(in: .coaching, width: 60, height: 16) { youth in
            let today = LocalDate(Harness.now, timeZone: testZone)
            youth.move(to: .borg, on: today.adding(days: -150), now: Harness.now)
            try youth.setBorgIntensity(.phasedOut, on: today.adding(days: -120), today: today, now: Harness.now)
            try youth.save(Escalation(level: .municipal, question: String(repeating: "Waarom mag dit niet? ", count: 10),
                                      block: .lawOrRegulation, raisedOn: today.adding(days: -70)), today: today)
        }
        let screen = harness.screen
        XCTAssertTrue(screen.contains("Let op: 17 weken afgebouwd: klaar om af te sluiten"), screen)
        XCTAssertTrue(screen.contains("Escalatie (gemeentelijk IPTA-overleg) sinds"), screen)
        XCTAssertTrue(screen.contains("f toont alle"), screen)
        XCTAssertTrue(screen.contains("Persoon") && screen.contains("Naam"), screen)
        XCTAssertEqual(harness.canvas.silentCuts, [])
        assertFits(harness)
    }

    /// The phase history tells the closure with its outcome and the reopening with its reason.
    func testThePhaseHistoryTellsClosuresAndReopenings() throws {
        let harness = try opened(in: .borg) { youth in
            let today = LocalDate(Harness.now, timeZone: testZone)
            try youth.close(ClosingInput(outcome: .education, outcomeDetail: "mbo Techniek", date: today.adding(days: -10), note: "Afgerond"),
                            today: today, now: Harness.now)
            try youth.reopen(on: today.adding(days: -5), reason: "Opleiding gestopt", today: today, now: Harness.now)
        }
        harness.width = 200
        harness.height = 60
        harness.press(.char("f"))
        XCTAssertEqual(harness.app.top.kind, .phaseHistory, harness.screen)
        XCTAssertTrue(harness.screen.contains("uitstroom: opleiding: mbo Techniek"), harness.screen)
        XCTAssertTrue(harness.screen.contains("notitie: Afgerond"), harness.screen)
        XCTAssertTrue(harness.screen.contains("heropend, reden: Opleiding gestopt"), harness.screen)
    }

    /// A closing note typed and left by a crash is offered back and reopens the closing form.
    func testAClosingNoteDraftReopensTheClosingForm() throws {
        let harness = try opened()
        let id = try XCTUnwrap(harness.store.summaries.first).id
        try harness.store.saveDraft(Draft(youthID: id, field: .closingNote, text: "Half getypt", saved: Harness.now))
        let restarted = Harness(reopening: harness)
        XCTAssertTrue(restarted.screen.contains("maar het dossier is niet"), "the offer says why it was kept\n\(restarted.screen)")
        restarted.press(.enter)
        XCTAssertEqual(restarted.app.top.kind, .closing, restarted.screen)
        XCTAssertTrue(restarted.screen.contains("Half getypt"), restarted.screen)
    }
    /// The closing note confirmed with Tab stays a draft until the case is closed: a restart
    /// before that offers it back, the form says the other fields must be chosen again, and
    /// closing removes it.
    func testAConfirmedClosingNoteStaysADraftUntilTheCaseIsClosed() throws {
        let harness = try opened()
        let id = try XCTUnwrap(harness.store.summaries.first).id
        harness.press(.char("x"), .down, .down, .down, .enter)
        harness.type("Goed afgerond")
        harness.press(.tab)
        XCTAssertFalse(harness.screen.contains("Opgeslagen"), harness.screen)
        XCTAssertEqual(harness.store.keptDraft(youthID: id, field: .closingNote)?.text, "Goed afgerond", "kept after Tab")

        XCTAssertNil(harness.store.flushDrafts(), "written as when the keyboard is idle")
        let restarted = Harness(reopening: harness)
        XCTAssertTrue(restarted.screen.contains("maar het dossier is niet"), "the offer says why it was kept\n\(restarted.screen)")
        restarted.press(.enter)
        XCTAssertEqual(restarted.app.top.kind, .closing, restarted.screen)
        XCTAssertTrue(restarted.screen.contains("kies uitstroom") && restarted.screen.contains("de rest opnieuw"), restarted.screen)
        restarted.press(.tab, .escape, .home, .enter, .enter, .end, .enter, .char("j"))
        XCTAssertEqual(try saved(restarted).currentClosure?.note, "Goed afgerond")
        XCTAssertNil(restarted.store.keptDraft(youthID: id, field: .closingNote), "gone once the case is closed")
    }

    /// Throwing the form away (Esc, ja) throws the note's draft away too.
    func testThrowingTheClosingFormAwayRemovesTheNoteDraft() throws {
        let harness = try opened()
        let id = try XCTUnwrap(harness.store.summaries.first).id
        harness.press(.char("x"), .down, .down, .down, .enter)
        harness.type("Toch niet")
        harness.press(.tab, .escape, .escape)
        XCTAssertTrue(harness.screen.contains("weggooien"), harness.screen)
        harness.press(.char("n"))
        XCTAssertNotNil(harness.store.keptDraft(youthID: id, field: .closingNote), "no: still kept")
        harness.press(.escape, .char("j"))
        XCTAssertEqual(harness.app.top.kind, .youth)
        XCTAssertNil(harness.store.keptDraft(youthID: id, field: .closingNote))
    }

    /// The one-shot forms never say a value was saved before their last row.
    func testOneShotFormsSayNothingIsSavedBeforeTheLastRow() throws {
        let harness = try opened()
        harness.press(.char("x"))
        XCTAssertTrue(HelpScreen(for: harness.app.top).savingNote.contains("Niets wordt bewaard voordat u op de laatste regel \"afsluiten\""))
        harness.press(.down, .enter)
        XCTAssertTrue(harness.app.top.bindings.contains { $0.action == .confirm && $0.help == ComponentKeys.held("afsluiten") }, "the detail")
        harness.press(.escape, .down, .down, .enter)
        XCTAssertTrue(harness.app.top.bindings.contains { $0.action == .saveAndStay && $0.help.contains("bewaard wordt pas bij afsluiten") })
        var picker = Picker(title: "Uitstroom", options: ["a", "b"], inForm: true)
        XCTAssertFalse(picker.bindings.contains { $0.help.contains("bewaard wordt pas") })
        picker.heldUntil = "afsluiten"
        XCTAssertTrue(picker.bindings.contains { $0.action == .choose && $0.help == ComponentKeys.held("afsluiten") })
        XCTAssertEqual(TextFlow.endNotice(first: false, noun: .field, heldUntil: "afsluiten"),
                       "Bevestigd; bewaard wordt bij afsluiten. Dit is het laatste veld; u typt hier verder (Esc: klaar).")

        let closed = try opened(in: .scout) { youth in
            try youth.close(ClosingInput(outcome: .moved, date: LocalDate(Harness.now, timeZone: testZone)),
                            today: LocalDate(Harness.now, timeZone: testZone), now: Harness.now)
        }
        XCTAssertEqual(HelpScreen(for: closed.app.top).savingNote, HelpScreen.savedAtOnce)
        closed.press(.char("h"))
        XCTAssertTrue(HelpScreen(for: closed.app.top).savingNote.contains("\"heropenen\""))
        closed.press(.enter)
        closed.type("Terug")
        closed.press(.tab, .tab)
        XCTAssertTrue(closed.screen.contains("bewaard wordt bij heropenen"), closed.screen)
        XCTAssertFalse(closed.screen.contains("Opgeslagen"), closed.screen)
    }

    /// On a closed case the hint and the help say that t reopens.
    func testTOnAClosedCaseIsDescribedAsReopening() throws {
        let harness = try opened(in: .scout) { youth in
            try youth.close(ClosingInput(outcome: .moved, date: LocalDate(Harness.now, timeZone: testZone)),
                            today: LocalDate(Harness.now, timeZone: testZone), now: Harness.now)
        }
        let row = try XCTUnwrap(harness.app.top.bindings.first { $0.action == .previousPhase })
        XCTAssertEqual(row.hint, "heropenen")
        XCTAssertEqual(row.help, YouthScreen.reopenHelp)
        let open = try opened(in: .scout)
        XCTAssertEqual(open.app.top.bindings.first { $0.action == .previousPhase }?.help, "Terug naar de vorige fase, na bevestiging")
    }

    /// In Borgen without an intensity the heading says so; the same intensity on a later day
    /// changes nothing and the pop-up says so; an earlier day corrects the last step.
    func testBorgIntensityUnchosenUnchangedAndCorrected() throws {
        let harness = try opened(in: .borg)
        XCTAssertTrue(harness.screen.contains("intensiteit: nog niet gekozen (b)"), harness.screen)
        harness.press(.char("b"), .down, .enter, .enter)
        XCTAssertEqual(try saved(harness).borgSteps, [BorgStep(.light, on: today)])
        harness.press(.char("b"), .enter)
        XCTAssertTrue(harness.screen.contains("is al licht sinds"), harness.screen)
        harness.press(.enter)
        XCTAssertTrue(harness.screen.contains("er verandert niets"), harness.screen)
        harness.press(.ctrl("u"))
        harness.type(today.adding(days: -3).text)
        harness.press(.enter)
        XCTAssertEqual(try saved(harness).borgSteps, [BorgStep(.light, on: today.adding(days: -3))], "corrected, not added")
    }

    /// The phase history writes singular and plural; a placement ended by closing says so.
    func testThePhaseHistoryCountsInProperDutch() throws {
        XCTAssertEqual(PlacementEnding.caseClosed.label, "dossier afgesloten")
        var youth = try Youth(name: "Sem", now: Harness.now, today: today.adding(days: -10))
        youth.move(to: .coaching, on: today.adding(days: -5), now: Harness.now)
        youth.save(try CaseAction(what: "Bellen", owner: .coach, due: today, created: today.adding(days: -5)))
        try youth.close(ClosingInput(outcome: .moved, date: today), today: today, now: Harness.now)
        let told = PhaseHistoryScreen.closingAndReopening(of: youth).values.joined()
        XCTAssertTrue(told.contains("1 open actie vervallen"), told)
        XCTAssertFalse(told.contains("(s)"), told)
    }
}
