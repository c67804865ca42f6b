@testable import Caseload
import XCTest

/// Placements and their states (issue 17): how a new one starts, one lopende per kind, no end
/// before the start, ending and starting again, removal, and the move to Coachen offered only for
/// the first that runs. Fixed clock.
final class PlacementTests: XCTestCase {
    let today = LocalDate(year: 2026, month: 11, day: 22)!
    let now = Date(timeIntervalSince1970: 1_795_372_800)

    private func workplace(_ name: String) throws -> Workplace { try Workplace(name: name, now: now) }

    private func youthInMatch() throws -> Youth {
        var youth = try Youth(name: "Sem", now: now, today: today.adding(days: -100))
        youth.move(to: .quickScan, on: today.adding(days: -60), now: now)
        youth.move(to: .matchAndWrapAround, on: today.adding(days: -30), now: now)
        return youth
    }

    private func refusal(_ body: () throws -> Void) -> String? {
        do { try body() } catch { return (error as? InputError)?.message }
        return nil
    }

    /// A lopende placement started by today; its end, certificate and letter not after today.
    func testDaysThatCannotLieAheadAreRefused() throws {
        var placement = Placement(workplace: try workplace("Bakkerij"), kind: .job, start: today.adding(days: 3))
        XCTAssertNil(refusal { try placement.checkDays(today: today) }, "a planned placement may start later")
        placement.status = .running
        XCTAssertEqual(refusal { try placement.checkDays(today: today) },
                       "Een lopende plaatsing kan niet later beginnen dan vandaag (22-11-2026); een latere start is gepland.")
        placement.start = today
        XCTAssertNil(refusal { try placement.checkDays(today: today) })
        for path in [\Placement.end, \.certificateOn, \.recommendationLetterOn] {
            var later = placement
            later[keyPath: path] = today.adding(days: 1)
            XCTAssertNotNil(refusal { try later.checkDays(today: today) })
            later[keyPath: path] = today
            XCTAssertNil(refusal { try later.checkDays(today: today) })
        }
    }

    /// A planned place that falls through before it starts ends without an end day.
    func testAPlannedPlacementEndsBeforeItBegins() throws {
        var placement = Placement(workplace: try workplace("Zorgcentrum"), kind: .internship, start: today.adding(days: 14))
        placement.setStatus(.ended, today: today)
        XCTAssertEqual(placement.status, .ended)
        XCTAssertNil(placement.end)
        XCTAssertNil(refusal { try placement.checkDays(today: today) })
    }

    func testANewPlacementRunsFromTodayOrEarlierAndIsPlannedForLater() throws {
        var youth = try youthInMatch()
        let bakery = try workplace("Bakkerij Jansen")
        let past = try youth.addPlacement(at: bakery, kind: .job, start: today.adding(days: -3), today: today, now: now)
        XCTAssertEqual(past.placement.status, .running)
        XCTAssertNil(past.note)
        let later = try youth.addPlacement(at: bakery, kind: .internship, start: today.adding(days: 10), today: today, now: now)
        XCTAssertEqual(later.placement.status, .planned)
        XCTAssertEqual(Placement.initialStatus(start: today, today: today), .running)
        XCTAssertEqual(youth.placements.map(\.workplaceName), ["Bakkerij Jansen", "Bakkerij Jansen"])
        XCTAssertEqual(youth.currentPlacement?.id, past.placement.id, "the lopende one counts before a planned one")
    }

    func testOneLopendePerKind() throws {
        var youth = try youthInMatch()
        let first = try youth.addPlacement(at: try workplace("Bakkerij Jansen"), kind: .job, start: today.adding(days: -10), today: today, now: now)
        // A second one of the same kind that would run is saved as planned, and says why.
        let second = try youth.addPlacement(at: try workplace("Garage Oost"), kind: .job, start: today, today: today, now: now)
        XCTAssertEqual(second.placement.status, .planned)
        XCTAssertEqual(second.note, "Opgeslagen als gepland: Er loopt al een baan bij Bakkerij Jansen; beëindig die eerst.")
        // Setting it running is refused with the Dutch message; another kind may run beside it.
        var running = second.placement
        running.setStatus(.running, today: today)
        XCTAssertEqual(refusal { try youth.save(running, now: self.now) }, "Er loopt al een baan bij Bakkerij Jansen; beëindig die eerst.")
        let school = try youth.addPlacement(at: try workplace("ROC"), kind: .education, start: today, today: today, now: now)
        XCTAssertEqual(school.placement.status, .running)
        // Once the first ended, the second may run.
        var ended = first.placement
        ended.setStatus(.ended, today: today)
        ended.ending = .completed
        try youth.save(ended, now: now)
        try youth.save(running, now: now)
        XCTAssertEqual(youth.placements.filter { $0.status == .running }.count, 2)
        XCTAssertNoThrow(try youth.validate())
    }

    func testNoEndBeforeTheStart() throws {
        var youth = try youthInMatch()
        var placement = try youth.addPlacement(at: try workplace("Bakkerij"), kind: .job, start: today, today: today, now: now).placement
        placement.plannedEnd = today.adding(days: -1)
        XCTAssertEqual(refusal { try youth.save(placement, now: self.now) }, "De geplande einddatum ligt vóór de start (22-11-2026).")
        placement.plannedEnd = nil
        placement.setStatus(.ended, today: today)
        placement.end = today.adding(days: -1)
        XCTAssertEqual(refusal { try youth.save(placement, now: self.now) }, "De einddatum ligt vóór de start (22-11-2026).")
        XCTAssertEqual(youth.placements.first?.status, .running, "a refused change leaves the placement as it was")
    }

    func testEndingFillsTheEndAndStartingAgainClearsHowItEnded() throws {
        var placement = Placement(workplace: try workplace("Bakkerij"), kind: .job, start: today.adding(days: -20))
        placement.setStatus(.running, today: today)
        placement.setStatus(.ended, today: today)
        XCTAssertEqual(placement.end, today, "the end is today unless the coach types another")
        placement.ending = .other
        placement.endingDetail = "verhuisd"
        XCTAssertEqual(placement.endingText, "anders: verhuisd")
        placement.setStatus(.running, today: today)
        XCTAssertNil(placement.end)
        XCTAssertNil(placement.ending)
        XCTAssertEqual(placement.endingDetail, "")
    }

    func testTheMoveToCoachenIsOfferedOnlyForTheFirstThatRuns() throws {
        var youth = try youthInMatch()
        let first = try youth.addPlacement(at: try workplace("Bakkerij"), kind: .job, start: today.adding(days: -2), today: today, now: now)
        XCTAssertTrue(youth.offersCoaching(starting: first.placement))
        try youth.move(to: .coaching, on: first.placement.start, today: today, now: now)
        XCTAssertEqual(youth.phase, .coaching)
        XCTAssertEqual(youth.phaseHistory.last?.date, today.adding(days: -2), "on the placement's start date, in the past")
        // A second placement never offers it, not even back in Match & wrap-around.
        youth.move(to: .matchAndWrapAround, on: today, now: now)
        let second = try youth.addPlacement(at: try workplace("ROC"), kind: .education, start: today, today: today, now: now)
        XCTAssertFalse(youth.offersCoaching(starting: second.placement))
        // Nor a first one of a case in another phase.
        var scout = try Youth(name: "Noor", now: now, today: today)
        let early = try scout.addPlacement(at: try workplace("Bakkerij"), kind: .job, start: today, today: today, now: now)
        XCTAssertFalse(scout.offersCoaching(starting: early.placement))
    }

    func testAPlacementIsRemovedUnlessTalksBelongToIt() throws {
        var youth = try youthInMatch()
        let placement = try youth.addPlacement(at: try workplace("Bakkerij"), kind: .job, start: today, today: today, now: now).placement
        youth.progressTalks.append(youth.newTalk(placementID: placement.id, on: today))
        XCTAssertEqual(refusal { try youth.remove(placementID: placement.id) },
                       "Bij deze plaatsing hoort 1 voortgangsgesprek; verwijder die eerst, of beëindig de plaatsing.")
        youth.progressTalks = []
        try youth.remove(placementID: placement.id)
        XCTAssertEqual(youth.placements, [])
        XCTAssertEqual(refusal { try youth.remove(placementID: placement.id) }, "Deze plaatsing bestaat niet meer.")
    }

    func testPlacementNumberedCountsFromTheFirstStart() throws {
        var youth = try youthInMatch()
        let late = try youth.addPlacement(at: try workplace("Later"), kind: .job, start: today.adding(days: 30), today: today, now: now)
        let early = try youth.addPlacement(at: try workplace("Eerder"), kind: .internship, start: today.adding(days: -30), today: today, now: now)
        XCTAssertEqual(youth.placement(numbered: 1)?.id, early.placement.id)
        XCTAssertEqual(youth.placement(numbered: 2)?.id, late.placement.id)
        XCTAssertNil(youth.placement(numbered: 3))
        XCTAssertNil(youth.placement(numbered: 0))
        XCTAssertEqual(youth.placement(numbered: nil)?.id, early.placement.id, "default: the current one")
    }
}
