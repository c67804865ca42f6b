@testable import Caseload
import XCTest

/// Removing what was made by mistake (issue 16): each removal, each rule about what refers to the
/// removed record, and that what is left is a youth that saves and loads back. Fixed clock.
final class RemovalTests: XCTestCase {
    let today = LocalDate(year: 2026, month: 11, day: 22)!
    let now = Date(timeIntervalSince1970: 1_795_372_800)

    /// Saved and read back from a store: what removal leaves passes the validation of loading.
    private func roundTrip(_ youth: Youth) throws -> Youth {
        let store = try CaseloadStore(directory: temporaryDirectory(self), clock: { self.now })
        _ = try store.save(youth)
        return try store.youth(id: youth.id)
    }

    private func refusal(_ body: () throws -> Void) -> String? {
        do { try body() } catch { return (error as? InputError)?.message }
        return nil
    }

    // MARK: - Actions

    func testAnActionIsRemovedAndAnAgendaItemAboutItBecomesTheMeetingsOwn() throws {
        var youth = try Youth(name: "Sem", now: now, today: today)
        let keep = try CaseAction(what: "cv maken", owner: .youth, due: nil, created: today)
        let mistake = try CaseAction(what: "per ongeluk", owner: .coach, due: nil, created: today)
        youth.save(keep)
        youth.save(mistake)
        var meeting = WrapAroundMeeting(date: today.adding(days: -7))
        meeting.agenda = WrapAroundMeeting.draftAgenda(plan: youth.changePlan, actions: youth.actions, ownerName: youth.ownerName)
        let index = try XCTUnwrap(meeting.agenda.firstIndex { $0.source == .action(mistake.id) })
        meeting.agenda[index].notes = "besproken"
        youth.save(meeting)

        try youth.remove(actionID: mistake.id, today: today)
        XCTAssertEqual(youth.actions.map(\.what), ["cv maken"])
        let item = youth.meetings[0].agenda[index]
        XCTAssertEqual(item.source, .free, "the reference goes")
        XCTAssertEqual(item.title, "Actie: per ongeluk (coach)", "its title stays")
        XCTAssertEqual(item.notes, "besproken", "its notes stay")
        XCTAssertEqual(try roundTrip(youth), youth)
        XCTAssertEqual(refusal { try youth.remove(actionID: mistake.id, today: today) }, "Deze actie bestaat niet meer.")
    }

    func testAnActionAgreedInAnEarlierMeetingIsCancelledNotRemoved() throws {
        var youth = try Youth(name: "Sem", now: now, today: today)
        let held = WrapAroundMeeting(date: today.adding(days: -1))
        let coming = WrapAroundMeeting(date: today)
        youth.save(held)
        youth.save(coming)
        let minuted = try CaseAction(what: "stage zoeken", owner: .youth, due: nil, created: today, meetingID: held.id)
        let agreedToday = try CaseAction(what: "typefout", owner: .youth, due: nil, created: today, meetingID: coming.id)
        youth.save(minuted)
        youth.save(agreedToday)

        XCTAssertEqual(refusal { try youth.remove(actionID: minuted.id, today: today) },
                       "Deze actie is afgesproken in het overleg van 21-11-2026 en staat in het verslag; "
                           + "laat haar vervallen in plaats van haar te verwijderen.")
        try youth.remove(actionID: agreedToday.id, today: today)
        XCTAssertEqual(youth.actions.map(\.id), [minuted.id])
        XCTAssertEqual(youth.actions(agreedIn: coming), [], "it leaves the agreements of the meeting being held")
        XCTAssertEqual(try roundTrip(youth), youth)
    }

    func testAnActionIsDoneOrCancelledOnAGivenDayNeverInTheFuture() throws {
        var action = try CaseAction(what: "bellen", owner: .coach, due: nil, created: today)
        try action.close(as: .done, on: today.adding(days: -40), today: today)
        XCTAssertEqual(action.status, .done)
        XCTAssertEqual(action.closedOn, today.adding(days: -40), "a past day, even before the action was written down")
        XCTAssertEqual(refusal { try action.close(as: .cancelled, on: today.adding(days: 1), today: today) },
                       "Een actie kan niet in de toekomst vervallen zijn (vandaag is 22-11-2026).")
        XCTAssertEqual(action.status, .done, "a refused day changes nothing")
        XCTAssertEqual(action.closedOn, today.adding(days: -40))
        try action.close(as: .cancelled, on: today, today: today)
        XCTAssertEqual(action.closedOn, today)
        try action.close(as: .open, on: today, today: today)
        XCTAssertEqual(action.status, .open)
        XCTAssertNil(action.closedOn, "open again: no day")
    }

    // MARK: - People

    func testAPersonNamedByAnActionStays() throws {
        var youth = try Youth(name: "Sem", now: now, today: today)
        let anna = try Person(kind: .network, name: "Anna")
        youth.save(anna)
        var action = try CaseAction(what: "meegaan", owner: .person(anna.id), due: nil, created: today)
        youth.save(action)
        XCTAssertEqual(refusal { try youth.remove(personID: anna.id) },
                       "Deze persoon heeft nog 1 open actie; wijs die eerst iemand anders toe.")
        try action.close(as: .done, on: today, today: today)
        youth.save(action)
        XCTAssertEqual(refusal { try youth.remove(personID: anna.id) },
                       "Deze persoon staat bij 1 afgeronde actie als uitvoerder en blijft daarom bewaard; "
                           + "was dat een vergissing, wijs die dan eerst iemand anders toe.",
                       "the history keeps who did it: a dangling owner would not even load")
        action.owner = .coach
        youth.save(action)
        try youth.remove(personID: anna.id)
        XCTAssertEqual(youth.people, [])
        XCTAssertEqual(try roundTrip(youth), youth)
    }

    func testAParticipantOrAPersonWithConsentStaysAndAnOldRoleGoes() throws {
        var youth = try Youth(name: "Sem", now: now, today: today)
        let anna = try Person(kind: .network, name: "Anna")
        let jan = try Person(kind: .professional, name: "Jan")
        let omar = try Person(kind: .network, name: "Omar")
        for person in [anna, jan, omar] { youth.save(person) }
        var meeting = WrapAroundMeeting(date: today.adding(days: 3))
        meeting.participants = [Participant(personID: anna.id)]
        // Omar was invited, given a role, and taken off the list again: his role is left behind.
        meeting.agreements.roles = [anna.id: "vervoer", omar.id: "meedenken"]
        youth.save(meeting)
        var consent = try Consent(personID: jan.id, what: "planning", from: today.adding(days: -5))
        consent.withdrawn = today
        youth.save(consent)

        XCTAssertEqual(refusal { try youth.remove(personID: anna.id) },
                       "Deze persoon staat als deelnemer bij het overleg van 25-11-2026; haal die daar eerst weg.")
        XCTAssertEqual(refusal { try youth.remove(personID: jan.id) },
                       "Voor deze persoon staat toestemming in het register; toestemming wordt ingetrokken, niet verwijderd, dus de persoon blijft.",
                       "a withdrawn consent still names the person")
        try youth.remove(personID: omar.id)
        XCTAssertEqual(youth.people.map(\.name), ["Anna", "Jan"])
        XCTAssertEqual(youth.meetings[0].agreements.roles, [anna.id: "vervoer"], "the role of someone gone would not load")
        XCTAssertEqual(try roundTrip(youth), youth)
        XCTAssertEqual(refusal { try youth.remove(personID: omar.id) }, "Deze persoon bestaat niet meer.")
    }

    // MARK: - Journal, scout attempts, agenda

    func testAJournalEntryIsRemovedAndNoLongerCountsAsContact() throws {
        var youth = try Youth(name: "Sem", now: now, today: today)
        let old = JournalEntry(date: today.adding(days: -20), kind: .phone)
        let mistake = JournalEntry(date: today, kind: .atHome)
        youth.save(old)
        youth.save(mistake)
        XCTAssertEqual(youth.lastContact, today)
        try youth.remove(journalEntryID: mistake.id)
        XCTAssertEqual(youth.journal, [old])
        XCTAssertEqual(youth.lastContact, today.adding(days: -20))
        XCTAssertEqual(try roundTrip(youth), youth)
        XCTAssertEqual(refusal { try youth.remove(journalEntryID: mistake.id) }, "Dit contact bestaat niet meer.")
    }

    func testAScoutAttemptIsRemovedAndTheAgreementStays() throws {
        var youth = try Youth(name: "Daan", now: now, today: today.adding(days: -30))
        let first = ScoutAttempt(date: today.adding(days: -20), channel: .street, outcome: .spoke)
        let mistake = ScoutAttempt(date: today.adding(days: -10), channel: .phone)
        youth.save(first)
        youth.save(mistake)
        try youth.recordAgreement(on: today.adding(days: -5), today: today, now: now)
        try youth.remove(scoutAttemptID: mistake.id)
        XCTAssertEqual(youth.scoutAttempts, [first])
        XCTAssertEqual(youth.agreedOn, today.adding(days: -5))
        XCTAssertEqual(youth.phase, .quickScan)
        XCTAssertEqual(try roundTrip(youth), youth)
        XCTAssertEqual(refusal { try youth.remove(scoutAttemptID: mistake.id) }, "Deze contactpoging bestaat niet meer.")
    }

    func testAnAgendaItemIsRemovedWithItsNotesFromItsMeetingOnly() throws {
        var youth = try Youth(name: "Sem", now: now, today: today)
        var first = WrapAroundMeeting(date: today)
        first.agenda = ["Doel", "Eigen punt", "Rondvraag"].map { AgendaItem(title: $0, source: .free) }
        first.agenda[1].notes = "notities"
        var second = WrapAroundMeeting(date: today.adding(days: 14))
        second.agenda = [AgendaItem(title: "Eigen punt", source: .free)]
        youth.save(first)
        youth.save(second)
        try youth.remove(agendaItemID: first.agenda[1].id, fromMeeting: first.id)
        XCTAssertEqual(youth.meetings[0].agenda.map(\.title), ["Doel", "Rondvraag"])
        XCTAssertEqual(youth.meetings[1], second)
        XCTAssertEqual(try roundTrip(youth), youth)
        XCTAssertEqual(refusal { try youth.remove(agendaItemID: first.agenda[1].id, fromMeeting: first.id) }, "Dit agendapunt bestaat niet meer.")
        XCTAssertEqual(refusal { try youth.remove(agendaItemID: second.agenda[0].id, fromMeeting: first.id) }, "Dit agendapunt bestaat niet meer.",
                       "an item is removed from the meeting it is in")
    }
}
