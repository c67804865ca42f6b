@testable import Caseload
@testable import CoachScreens
import TerminalKit
import XCTest

final class WrapAroundScreenTests: XCTestCase {
    /// Sem with a plan, an open action, three people, and consent for Anna only.
    private func semWithPeople() throws -> Harness {
        try Harness(self) { store in
            let today = LocalDate(Harness.now, timeZone: testZone)
            var youth = try Youth(name: "Sem", now: Harness.now, today: today)
            youth.updatePlan(now: Harness.now, today: today, timeZone: testZone) { $0.goal = "BBL-plek als monteur" }
            youth.save(try CaseAction(what: "cv maken", owner: .youth, due: nil, created: today))
            for (name, kind) in [("Anna", Person.Kind.network), ("Omar", .network), ("Jan Jobhunter", .professional)] {
                youth.save(try Person(kind: kind, name: name))
            }
            youth.save(try Consent(personID: youth.network[0].id, what: "alles", from: today))
            try store.save(youth)
        }
    }

    private func youth(_ harness: Harness) throws -> Youth {
        try harness.store.youth(id: try XCTUnwrap(harness.store.summaries.first).id)
    }

    /// Youth screen → meetings → a new meeting → its participants, all three invited.
    private func meetingWithParticipants(_ harness: Harness) {
        harness.press(.enter, .char("o"), .char("n"))
        for _ in 0..<4 { harness.press(.down) }
        harness.press(.enter, .char(" "), .down, .char(" "), .down, .char(" "), .escape)
    }

    func testAMeetingWarnsAboutParticipantsWithoutConsent() throws {
        let harness = try semWithPeople()
        meetingWithParticipants(harness)
        let screen = harness.screen
        XCTAssertTrue(screen.contains("Anna, Omar, Jan Jobhunter"), screen)
        XCTAssertTrue(screen.contains("LET OP: geen toestemming geregistreerd voor Omar, Jan Jobhunter."), screen)
        let meeting = try XCTUnwrap(try youth(harness).meetings.first)
        XCTAssertEqual(meeting.participants.count, 3)
        XCTAssertEqual(meeting.agenda.map(\.title), ["Doel: BBL-plek als monteur", "Hoofdstrategie: nog te kiezen", "Actie: cv maken (Sem)"])

        harness.press(.char("t"), .char("n"), .down, .enter)   // consent for Omar
        harness.press(.enter)
        XCTAssertTrue(harness.screen.contains("Wat gedeeld mag worden is verplicht."), "no consent without saying what")
        XCTAssertEqual(try youth(harness).consents.count, 1)
        harness.type("alleen de planning")
        harness.press(.enter)
        XCTAssertTrue(harness.rows(containing: "Omar").first?.contains("alleen de planning") ?? false, harness.screen)
        harness.press(.escape)
        XCTAssertTrue(harness.screen.contains("LET OP: geen toestemming geregistreerd voor Jan Jobhunter."), harness.screen)
    }

    /// The fault from the first real use: at 80 columns the warning was cut and hid a person.
    func testTheConsentWarningNamesEveryoneAtEverySize() throws {
        let harness = try Harness(self) { store in
            let today = LocalDate(Harness.now, timeZone: testZone)
            var youth = try Youth(name: "Sem", now: Harness.now, today: today)
            for name in ["Fatima El Ouali", "Ingrid de Vries", "Mohammed Boukhari-Jansen"] { youth.save(try Person(kind: .network, name: name)) }
            try store.save(youth)
        }
        meetingWithParticipants(harness)
        for (width, height) in [(60, 16), (80, 24)] {
            harness.width = width
            harness.height = height
            // The warning wraps, so a name may be split over two lines: compare the text with line breaks removed.
            let joined = harness.screen.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
            for name in ["Fatima El Ouali", "Ingrid de Vries", "Mohammed Boukhari-Jansen"] {
                XCTAssertTrue(joined.contains("LET OP") && joined.contains(name), "\(name) at \(width)x\(height):\n\(harness.screen)")
            }
            XCTAssertEqual(harness.canvas.silentCuts, [])
        }
    }

    func testActionsAreReachableFromTheMeetingScreens() throws {
        let harness = try semWithPeople()
        harness.press(.enter, .char("o"), .char("a"))
        XCTAssertTrue(harness.screen.contains("Overleggen › Acties") && harness.screen.contains("cv maken"), harness.screen)
        harness.press(.escape, .char("n"), .char("a"))
        XCTAssertTrue(harness.screen.contains("Overleg › Acties"), harness.screen)
        harness.press(.escape, .char("t"))
        XCTAssertTrue(harness.screen.contains("Overleg › Toestemming"), harness.screen)
    }

    func testAgendaOrderFreeItemsAndNotes() throws {
        let harness = try semWithPeople()
        harness.press(.enter, .char("o"), .char("n"))
        for _ in 0..<5 { harness.press(.down) }
        harness.press(.enter, .char("n"))
        harness.type("Rondvraag")
        harness.press(.enter)
        XCTAssertTrue(harness.screen.contains("4. Rondvraag"), harness.screen)
        harness.press(.char("+"), .char("+"))
        XCTAssertTrue(harness.screen.contains("2. Rondvraag"), harness.screen)
        harness.press(.enter)
        harness.type("Omar denkt mee")
        harness.press(.enter)
        harness.type("over werk")
        harness.press(.tab)
        XCTAssertTrue(harness.app.top.capturesKeys, "Tab opened the next item's notes")
        harness.press(.escape, .up)
        let agenda = try XCTUnwrap(try youth(harness).meetings.first).agenda
        XCTAssertEqual(agenda.map(\.title), ["Doel: BBL-plek als monteur", "Rondvraag", "Hoofdstrategie: nog te kiezen", "Actie: cv maken (Sem)"])
        XCTAssertEqual(agenda[1].notes, "Omar denkt mee\nover werk")
        harness.press(.char("d"), .char("j"))
        XCTAssertEqual(try youth(harness).meetings.first?.agenda.count, 3)
    }

    func testAgreementsWithActionsAndTheCaseloadAgenda() throws {
        let harness = try semWithPeople()
        meetingWithParticipants(harness)
        harness.press(.down, .down, .enter)     // Afspraken
        harness.press(.enter)
        harness.type("start BBL binnen een maand")
        harness.press(.enter, .down, .enter, .char("n"))
        harness.type("werkgever bellen")
        harness.press(.enter, .down, .enter)
        harness.press(.end, .enter)          // Jan Jobhunter
        harness.press(.down, .enter)
        harness.type("20-11-2026")
        harness.press(.enter, .escape)
        // An action the plan already had is agreed here too, without typing it again.
        harness.press(.char("b"))
        XCTAssertTrue(harness.screen.contains("Bestaande actie afspreken") && harness.screen.contains("cv maken (Sem)"), harness.screen)
        harness.press(.enter)
        XCTAssertTrue(harness.screen.contains("Afgesproken acties: 2 open"), harness.screen)
        harness.press(.char("b"))
        XCTAssertTrue(harness.screen.contains("geen open acties die nog niet in een overleg zijn afgesproken"), harness.screen)
        harness.press(.escape)
        XCTAssertTrue(harness.screen.contains("2 afgesproken"), harness.screen)
        let youth = try youth(harness)
        let meeting = try XCTUnwrap(youth.meetings.first)
        XCTAssertEqual(meeting.agreements.goals, "start BBL binnen een maand")
        XCTAssertEqual(Set(youth.actions(agreedIn: meeting).map(\.what)), ["werkgever bellen", "cv maken"])

        harness.press(.escape, .escape, .escape, .escape)
        harness.press(.char("o"))
        let agenda = harness.screen
        XCTAssertTrue(agenda.contains("Komende overleggen") && agenda.contains("22-11-2026  Sem  (vandaag)"), agenda)
        XCTAssertTrue(agenda.contains("Jan Jobhunter"), agenda)
        XCTAssertTrue(agenda.contains("20-11 TE LAAT  werkgever bellen  (Sem, afgesproken in overleg)"), agenda)
        XCTAssertFalse(agenda.contains("cv maken"), "an action without a deadline is not on this agenda")
    }

    func testAnAgendaNoteDraftIsOfferedBackAfterAHangup() throws {
        let harness = try semWithPeople()
        harness.press(.enter, .char("o"), .char("n"))
        for _ in 0..<5 { harness.press(.down) }
        harness.press(.enter, .enter)
        harness.type("notities tijdens het overleg")
        harness.app.idle()
        let restarted = App(session: Session(store: harness.store, clock: { Harness.now }, timeZone: testZone))
        var canvas = Canvas(width: 80, height: 24)
        restarted.render(into: &canvas)
        XCTAssertTrue(canvas.text.contains("de notities bij een agendapunt"), canvas.text)
        restarted.handle(.enter)
        canvas = Canvas(width: 80, height: 24)
        restarted.render(into: &canvas)
        XCTAssertTrue(canvas.text.contains("Overleg › Agenda") && canvas.text.contains("notities tijdens het overleg"), canvas.text)
        restarted.handle(.tab)
        XCTAssertEqual(try youth(harness).meetings.first?.agenda.first?.notes, "notities tijdens het overleg")
    }

    func testADraftWhoseAgendaItemIsGoneIsKeptInQuarantine() throws {
        let harness = try semWithPeople()
        let id = try XCTUnwrap(harness.store.summaries.first).id
        try harness.store.saveDraft(Draft(youthID: id, field: "meeting.gone.item", text: "losse notitie", saved: Harness.now))
        let restarted = App(session: Session(store: harness.store, clock: { Harness.now }, timeZone: testZone))
        restarted.handle(.enter)
        var canvas = Canvas(width: 80, height: 24)
        restarted.render(into: &canvas)
        XCTAssertTrue(canvas.text.contains("agendapunt dat niet meer bestaat"), canvas.text)
        XCTAssertTrue(harness.store.drafts().isEmpty)
        // Through the one logged way into quarantine: listed, private like every quarantined file.
        let entry = try XCTUnwrap(harness.store.unseenQuarantined.first { $0.from == "drafts/\(id)--meeting.gone.item.json" })
        XCTAssertTrue(entry.file.hasSuffix("-drafts-\(id)--meeting.gone.item.json"), entry.file)
        XCTAssertEqual(permissions(harness.directory + "/quarantine/" + entry.file), 0o600)
        let kept = try String(contentsOfFile: harness.directory + "/quarantine/" + entry.file, encoding: .utf8)
        XCTAssertTrue(kept.contains("losse notitie"))
    }
}
