@testable import Caseload
@testable import CoachScreens
import Foundation
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

    // MARK: - Consent for the research (issue 19)

    /// A youth with `consents` (and Anna in the network), the consent register open.
    private func register(_ consents: @escaping (Youth, LocalDate) -> [Consent] = { _, _ in [] }, anna: Bool = false) throws -> Harness {
        let harness = try Harness(self) { store in
            let today = LocalDate(Harness.now, timeZone: testZone)
            var youth = try Youth(name: "Noor", now: Harness.now, today: today.adding(days: -100))
            if anna { youth.save(try Person(kind: .network, name: "Anna")) }
            for consent in consents(youth, today) { youth.save(consent) }
            try store.save(youth)
        }
        harness.press(.enter, .char("o"), .char("t"))
        XCTAssertEqual(harness.app.top.kind, .consents)
        return harness
    }

    private func hintLine(_ harness: Harness) -> String { harness.canvas.line(harness.height - 1) }

    /// The screen's text on one line, so that a wrapped message (in a box too) reads as one.
    private func joined(_ harness: Harness) -> String {
        harness.screen.split(separator: "\n").map { $0.trimmingCharacters(in: CharacterSet(charactersIn: " │")) }.joined(separator: " ")
    }

    func testConsentForTheResearchIsRecordedWithoutPeopleAndHoldsOnceAtATime() throws {
        let harness = try register()
        let today = LocalDate(Harness.now, timeZone: testZone)
        XCTAssertTrue(joined(harness).contains("Druk op n voor toestemming voor het actieonderzoek"), harness.screen)
        harness.press(.char("n"))
        XCTAssertTrue(harness.screen.contains("het actieonderzoek (gepseudonimiseerd)"), "n works without people: \(harness.screen)")
        harness.press(.enter)
        let consent = try XCTUnwrap(try youth(harness).consents.first)
        XCTAssertEqual(consent.purpose, .research)
        XCTAssertEqual(consent.personID, "")
        XCTAssertEqual(consent.from, today)
        XCTAssertTrue(try youth(harness).hasResearchConsent(on: today))
        XCTAssertTrue(harness.rows(containing: "onderzoek").contains { $0.contains("gepseudonimiseerde") && $0.contains("22-11-2026") }, harness.screen)
        XCTAssertFalse(harness.screen.contains("(onbekend)"), harness.screen)

        // A second one for the same days is refused, and says why.
        harness.press(.char("n"), .enter)
        XCTAssertTrue(joined(harness).contains("Er is al toestemming voor onderzoek vanaf 22-11-2026; er geldt er maar één tegelijk."), harness.screen)
        XCTAssertEqual(try youth(harness).consents.count, 1)
        for (width, height) in [(60, 16), (80, 24), (200, 60)] {
            (harness.width, harness.height) = (width, height)
            XCTAssertEqual(harness.canvas.silentCuts, [], "\(width)x\(height)")
        }
        (harness.width, harness.height) = (80, 24)

        // Withdrawn, it can be given again; the withdrawn one then stays withdrawn.
        harness.press(.char("w"))
        XCTAssertFalse(try youth(harness).hasResearchConsent(on: today))
        harness.press(.char("n"), .enter)
        XCTAssertEqual(try youth(harness).consents.filter { $0.purpose == .research }.count, 2)
        XCTAssertTrue(try youth(harness).hasResearchConsent(on: today))
        harness.press(.home)
        if !hintLine(harness).contains("w weer geldig") { harness.press(.down) }
        XCTAssertTrue(hintLine(harness).contains("w weer geldig"), hintLine(harness))
        harness.press(.char("w"))
        XCTAssertTrue(harness.app.popups.isEmpty, "refused before asking")
        XCTAssertTrue(joined(harness).contains("Er is al toestemming voor onderzoek vanaf 22-11-2026; er geldt er maar één tegelijk. Deze blijft ingetrokken."),
                      harness.screen)
        XCTAssertEqual(try youth(harness).consents.filter { $0.withdrawn != nil }.count, 1)
    }

    func testTheResearchIsNamedNotUnknownAndItsFormHasOnlyItsDays() throws {
        let harness = try register({ youth, today in
            var research = Consent.research(from: today.adding(days: -60))
            research.withdrawn = today.adding(days: -10)
            return [research, try! Consent(personID: youth.network[0].id, what: "alles", from: today.adding(days: -40))]
        }, anna: true)
        XCTAssertTrue(harness.rows(containing: "onderzoek").contains { $0.dropFirst(2).hasPrefix("onderzoek  ") }, harness.screen)
        harness.press(.home, .char("w"))
        XCTAssertTrue(joined(harness).contains("De toestemming voor het onderzoek, ingetrokken op 12-11-2026, weer geldig maken?"), harness.screen)
        harness.press(.char("j"))
        XCTAssertTrue(try youth(harness).hasResearchConsent(on: LocalDate(Harness.now, timeZone: testZone)))

        harness.press(.enter)
        XCTAssertTrue(harness.screen.contains("Noor  ·  Toestemming voor onderzoek"), harness.screen)
        XCTAssertTrue(joined(harness).contains("Met wie en wat liggen vast"), harness.screen)
        XCTAssertFalse(harness.screen.contains("Met wie  ") || harness.screen.contains("(onbekend)"), harness.screen)
        harness.press(.down, .enter)
        harness.type("31-12-2026")
        harness.press(.enter)
        XCTAssertEqual(try youth(harness).consents.first { $0.purpose == .research }?.until?.text, "31-12-2026")
        harness.press(.escape)

        // With people, the research is the last choice and a person still asks what.
        harness.press(.char("n"))
        XCTAssertTrue(harness.screen.contains("Anna") && harness.screen.contains("het actieonderzoek (gepseudonimiseerd)"), harness.screen)
        harness.press(.enter)
        XCTAssertTrue(harness.screen.contains("Toestemming voor Anna"), harness.screen)
    }

    /// The selected consent in full names its days; at 60 columns a date column keeps its ten
    /// characters and the text columns give way.
    func testEveryConsentNamesItsDaysAndNoDateIsCut() throws {
        let harness = try register({ youth, today in
            var research = Consent.research(from: today.adding(days: -60))
            research.until = today.adding(days: 300)
            research.withdrawn = today.adding(days: -10)
            return [research, try! Consent(personID: youth.network[0].id, what: "schoolresultaten en verzuim", from: today.adding(days: -40))]
        }, anna: true)
        let today = LocalDate(Harness.now, timeZone: testZone)
        let (from, until, withdrawn) = (today.adding(days: -60).text, today.adding(days: 300).text, today.adding(days: -10).text)
        (harness.width, harness.height) = (60, 16)
        harness.press(.home)
        XCTAssertTrue(harness.rows(containing: "onderzoek").contains { $0.contains("\(from) \(until) \(withdrawn)") }, harness.screen)
        XCTAssertTrue(harness.rows(containing: "Anna").contains { $0.contains(today.adding(days: -40).text) }, harness.screen)
        XCTAssertEqual(harness.canvas.silentCuts, [])
        (harness.width, harness.height) = (80, 24)
        XCTAssertTrue(joined(harness).contains("vanaf \(from) · tot en met \(until) · ingetrokken \(withdrawn)"), harness.screen)
        harness.press(.down)
        XCTAssertTrue(joined(harness).contains("Anna · schoolresultaten en verzuim · vanaf \(today.adding(days: -40).text)"), harness.screen)
    }

    func testTheResearchFormRefusesDaysThatOverlapAnother() throws {
        let harness = try register { _, today in
            var earlier = Consent.research(from: today.adding(days: -60))
            earlier.withdrawn = today.adding(days: -30)
            return [earlier, Consent.research(from: today.adding(days: -20))]
        }
        harness.press(.home, .enter, .down, .down, .enter, .ctrl("u"), .enter)
        XCTAssertTrue(joined(harness).contains("Er is al toestemming voor onderzoek vanaf 02-11-2026; er geldt er maar één tegelijk."), harness.screen)
        XCTAssertEqual(try youth(harness).consents.filter { $0.withdrawn != nil }.count, 1, "still withdrawn")
    }
}
