@testable import Caseload
import XCTest

final class WrapAroundTests: XCTestCase {
    let today = LocalDate(year: 2026, month: 11, day: 22)!
    let now = Date(timeIntervalSince1970: 1_795_372_800)

    private func youthWithPlan() throws -> Youth {
        var youth = try Youth(name: "Zoë", now: now, today: today)
        youth.updatePlan(now: now, today: today, timeZone: testZone) {
            $0.goal = "BBL-plek als monteur\nen een vast dagritme"
            $0.mattersMost = "schulden onder controle"
            $0.strategy = .teach
        }
        youth.save(try CaseAction(what: "cv maken", owner: .youth, due: today.adding(days: 7), created: today))
        var done = try CaseAction(what: "intake", owner: .coach, due: nil, created: today)
        done.setStatus(.done, on: today)
        youth.save(done)
        return youth
    }

    func testAgendaIsDraftedFromThePlanAndItsOpenActions() throws {
        let youth = try youthWithPlan()
        let agenda = WrapAroundMeeting.draftAgenda(plan: youth.changePlan, actions: youth.actionsInOrder, ownerName: youth.ownerName)
        XCTAssertEqual(agenda.map(\.title), [
            "Doel: BBL-plek als monteur",
            "Belangrijkst om verder te komen: schulden onder controle",
            "Hoofdstrategie: leren",
            "Actie: cv maken (Zoë, vóór 29-11-2026)",
        ])
        XCTAssertEqual(agenda.last?.source, .action(youth.actions[0].id))
    }

    func testAgendaOrderCanChange() {
        var meeting = WrapAroundMeeting(date: today)
        meeting.agenda = ["a", "b", "c"].map { AgendaItem(title: $0, source: .free) }
        XCTAssertEqual(meeting.moveAgendaItem(at: 2, by: -1), 1)
        XCTAssertEqual(meeting.agenda.map(\.title), ["a", "c", "b"])
        XCTAssertEqual(meeting.moveAgendaItem(at: 0, by: -1), 0, "the first cannot go higher")
    }

    func testAgreedActionsAreThePlansActionsMarkedWithTheMeeting() throws {
        var youth = try youthWithPlan()
        let meeting = WrapAroundMeeting(date: today)
        youth.save(meeting)
        youth.save(try CaseAction(what: "schuldhulp bellen", owner: .coach, due: today, created: today, meetingID: meeting.id))
        XCTAssertEqual(youth.actions(agreedIn: meeting).map(\.what), ["schuldhulp bellen"])
        XCTAssertEqual(youth.actions.count, 3, "one list of actions for plan and meeting")
        // The caseload agenda gets every open action with a deadline, agreed ones marked.
        let open = YouthSummary(youth).openActions
        XCTAssertEqual(open.filter(\.agreedInMeeting).map(\.what), ["schuldhulp bellen"])
        XCTAssertEqual(open.count, youth.actions.filter { $0.status == .open && $0.due != nil }.count)
    }

    func testConsentIsCheckedOnTheMeetingDate() throws {
        var youth = try youthWithPlan()
        let mother = try Person(kind: .network, name: "Anna")
        let jobhunter = try Person(kind: .professional, name: "Jan")
        let officer = try Person(kind: .professional, name: "Wijkagent Kees")
        for person in [mother, jobhunter, officer] { youth.save(person) }
        youth.save(try Consent(personID: mother.id, what: "alles", from: today.adding(days: -30)))
        var withdrawn = try Consent(personID: officer.id, what: "alleen de planning", from: today.adding(days: -30))
        withdrawn.withdrawn = today.adding(days: -1)
        youth.save(withdrawn)
        youth.save(try Consent(personID: jobhunter.id, what: "werk", from: today.adding(days: 5)))
        var meeting = WrapAroundMeeting(date: today)
        meeting.participants = [mother, jobhunter, officer].map { Participant(personID: $0.id) }
        XCTAssertEqual(youth.participantsWithoutConsent(meeting).map(\.name), ["Jan", "Wijkagent Kees"],
                       "consent from a later day, or withdrawn before the meeting, does not count")
        meeting.date = today.adding(days: 5)
        XCTAssertEqual(youth.participantsWithoutConsent(meeting).map(\.name), ["Wijkagent Kees"])
        XCTAssertThrowsError(try Consent(personID: mother.id, what: " ", from: today))
    }

    func testAParticipantOrSomeoneWithConsentStaysInTheLists() throws {
        var youth = try youthWithPlan()
        let mother = try Person(kind: .network, name: "Anna")
        youth.save(mother)
        var meeting = WrapAroundMeeting(date: today)
        meeting.participants = [Participant(personID: mother.id)]
        youth.save(meeting)
        XCTAssertThrowsError(try youth.remove(personID: mother.id))
    }

    func testTimeIsTypedAsHoursAndMinutes() throws {
        XCTAssertEqual(try WrapAroundMeeting.validTime("9:30"), "09:30")
        XCTAssertEqual(try WrapAroundMeeting.validTime(""), "")
        XCTAssertThrowsError(try WrapAroundMeeting.validTime("25:00"))
        XCTAssertThrowsError(try WrapAroundMeeting.validTime("half tien"))
    }
}
