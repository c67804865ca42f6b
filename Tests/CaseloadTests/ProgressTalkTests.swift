@testable import Caseload
import Foundation
import XCTest

/// Progress talks on a fixed clock: a new talk starts from the last scores, the skills grid marks
/// what went up or down, the youth's skills that went down, and the draft recommendation letter.
final class ProgressTalkTests: XCTestCase {
    let now = Date(timeIntervalSince1970: 1_795_372_800) // 22-11-2026 12:00 UTC
    let today = LocalDate(year: 2026, month: 11, day: 22)!

    private func day(_ day: Int, _ month: Int, _ year: Int = 2026) -> LocalDate { LocalDate(year: year, month: month, day: day)! }

    /// Sem with a running job at Bakkerij De Korst since 01-09-2026 (placement "p1").
    private func sem() throws -> Youth {
        var youth = try Youth(name: "Sem de Vries", now: now, today: today)
        var placement = Placement(workplace: try Workplace(name: "Bakkerij De Korst", now: now, id: "w1"), kind: .job,
                                  start: day(1, 9, 2026), id: "p1")
        placement.status = .running
        try youth.save(placement, now: now)
        return youth
    }

    private func talk(_ youth: inout Youth, on day: LocalDate, placementID: String = "p1", _ scores: [String: SkillLevel]) throws {
        var talk = youth.newTalk(placementID: placementID, on: day, id: "t\(youth.progressTalks.count + 1)")
        talk.scores.merge(scores) { $1 }
        try youth.save(talk)
    }

    func testANewTalkStartsFromThePreviousTalksScores() throws {
        var youth = try sem()
        XCTAssertEqual(youth.newTalk(placementID: "p1", on: today).scores, [:], "the first talk starts empty")
        try talk(&youth, on: day(15, 9, 2026), ["onTime": .sometimes, "honesty": .always])
        try talk(&youth, on: day(15, 10, 2026), ["onTime": .mostly])
        let next = youth.newTalk(placementID: "p1", on: today)
        XCTAssertEqual(next.scores, ["onTime": .mostly, "honesty": .always], "carried over; only what moved was changed")
        XCTAssertEqual(next.date, today)
        // A talk entered later for an earlier day starts from the talk before that day.
        XCTAssertEqual(youth.newTalk(placementID: "p1", on: day(1, 10, 2026)).scores["onTime"], .sometimes)
    }

    func testATalkBelongsToAPlacementAndLiesInThePast() throws {
        var youth = try sem()
        XCTAssertThrowsError(try youth.save(ProgressTalk(date: today, placementID: "gone")))
        XCTAssertThrowsError(try Youth.validTalkDate(today.adding(days: 1), today: today))
        XCTAssertEqual(try Youth.validTalkDate(day(2, 1, 2025), today: today), day(2, 1, 2025))
        try talk(&youth, on: today, [:])
        try youth.remove(talkID: "t1")
        XCTAssertTrue(youth.progressTalks.isEmpty)
        XCTAssertThrowsError(try youth.remove(talkID: "t1"))
    }

    func testTheGridMarksWhatWentUpOrDownFromTheTalkBefore() throws {
        var youth = try sem()
        youth.quickScan.basicSkills["onTime"] = .attention
        try talk(&youth, on: day(15, 9, 2026), ["onTime": .sometimes, "cooperates": .always])
        try talk(&youth, on: day(15, 10, 2026), ["onTime": .mostly, "cooperates": .mostly])
        try talk(&youth, on: day(15, 11, 2026), ["honesty": .mostly])
        let grid = SkillsProgress(youth: youth)
        XCTAssertEqual(grid.skills.count, 10)
        XCTAssertEqual(grid.talks.map(\.id), ["t1", "t2", "t3"])
        let onTime = try XCTUnwrap(grid.skills.firstIndex { $0.code == "onTime" })
        let cooperates = try XCTUnwrap(grid.skills.firstIndex { $0.code == "cooperates" })
        let honesty = try XCTUnwrap(grid.skills.firstIndex { $0.code == "honesty" })
        XCTAssertEqual(grid.firstImpressions[onTime], .attention)
        XCTAssertNil(grid.firstImpressions[honesty])
        XCTAssertEqual(grid.scores[onTime].map(\.text), ["soms", "meestal ▲", "meestal"], "the first talk is compared to nothing")
        XCTAssertEqual(grid.scores[onTime].map(\.trend), [nil, .up, .same])
        XCTAssertEqual(grid.scores[cooperates].map(\.text), ["altijd", "meestal ▼", "meestal"])
        XCTAssertEqual(grid.scores[honesty].map(\.text), ["–", "–", "meestal"], "a skill scored first now has nothing to go up from")
        XCTAssertEqual(youth.skillsWentDown, [], "nothing went down in the last talk")
    }

    func testSkillsWentDownComparesTheLastTalkWithTheOneBefore() throws {
        var youth = try sem()
        XCTAssertEqual(youth.skillsWentDown, [])
        try talk(&youth, on: day(15, 10, 2026), ["onTime": .always, "perseveres": .mostly, "honesty": .sometimes])
        XCTAssertEqual(youth.skillsWentDown, [], "one talk: nothing to compare")
        try talk(&youth, on: day(15, 11, 2026), ["onTime": .sometimes, "perseveres": .notYet, "honesty": .always])
        XCTAssertEqual(youth.skillsWentDown, [SkillChange(code: "onTime", name: "Op tijd komen", from: .always, to: .sometimes),
                                              SkillChange(code: "perseveres", name: "Doorzetten", from: .mostly, to: .notYet)])
    }

    /// A mark points at a column on the screen: the grid of one placement compares its own talks,
    /// never a talk of another placement that is not shown; the whole grid compares them all.
    func testTheGridOfOnePlacementComparesOnlyTheTalksItShows() throws {
        var youth = try sem()
        var second = Placement(workplace: try Workplace(name: "Fietsenmaker", now: now, id: "w2"), kind: .internship,
                               start: day(1, 10, 2026), id: "p2")
        second.status = .running
        try youth.save(second, now: now)
        try talk(&youth, on: day(15, 9, 2026), ["onTime": .sometimes])
        try talk(&youth, on: day(15, 10, 2026), placementID: "p2", ["onTime": .always])
        let grid = SkillsProgress(youth: youth, placementID: "p2")
        XCTAssertEqual(grid.talks.map(\.id), ["t2"])
        XCTAssertEqual(grid.scores[0].first?.text, "altijd", "nothing shown to compare with")
        XCTAssertEqual(SkillsProgress(youth: youth).scores[0].map(\.text), ["soms", "altijd ▲"])
    }

    func testTheLetterNamesTheStrengthsOfTheLastTalkOfThePlacement() throws {
        var youth = try sem()
        XCTAssertNil(RecommendationLetter.markdown(youth: youth, placementID: "p1", coachName: "Coach", today: today), "no talk, no letter")
        try talk(&youth, on: day(15, 10, 2026), ["onTime": .always, "cooperates": .always])
        try talk(&youth, on: day(15, 11, 2026),
                 ["onTime": .always, "cooperates": .mostly, "honesty": .sometimes, "perseveres": .notYet, "worksIndependently": .mostly])
        let letter = try XCTUnwrap(RecommendationLetter.markdown(youth: youth, placementID: "p1", coachName: "Coach Demo", today: today))
        XCTAssertTrue(letter.hasPrefix("# Aanbevelingsbrief voor Sem de Vries"), letter)
        XCTAssertTrue(letter.contains("Sem de Vries werkt sinds 01-09-2026 bij Bakkerij De Korst (baan)."), letter)
        XCTAssertTrue(letter.contains("- Sem de Vries komt altijd op tijd."), letter)
        XCTAssertTrue(letter.contains("- Sem de Vries werkt meestal goed samen."), letter)
        XCTAssertTrue(letter.contains("- Sem de Vries werkt meestal zelfstandig."), letter)
        XCTAssertTrue(letter.contains("22-11-2026") && letter.contains("15-11-2026") && letter.contains("Coach Demo"), letter)
        XCTAssertFalse(letter.contains("eerlijk") || letter.contains("door, ook"), "soms and nog niet are no strengths\n\(letter)")
        XCTAssertNil(RecommendationLetter.markdown(youth: youth, placementID: "gone", coachName: "", today: today))
    }

    func testTheLetterSaysWhenThePlacementEndedAndNothingElse() throws {
        var youth = try sem()
        youth.quickScan.motivation = "GEHEIM-QUICKSCAN"
        youth.quickScan.basicSkills["onTime"] = .strong
        var measurement = ZRMMeasurement(date: today, moment: .zero, scoredBy: "GEHEIM-SCORER", recordedOn: today)
        measurement.scores["justice"] = DomainScore(score: 1, note: "GEHEIM-JUSTITIE")
        measurement.scores["physicalHealth"] = DomainScore(score: 2, note: "GEHEIM-GEZONDHEID")
        youth.measurements.append(measurement)
        try talk(&youth, on: day(1, 11, 2026), ["honesty": .always])
        youth.progressTalks[0].notes = "GEHEIM-NOTITIE"
        youth.progressTalks[0].withWhom = "GEHEIM-WIE"
        youth.placements[0].status = .ended
        youth.placements[0].end = day(20, 11, 2026)
        let letter = try XCTUnwrap(RecommendationLetter.markdown(youth: youth, placementID: "p1", coachName: "", today: today))
        XCTAssertTrue(letter.contains("werkte van 01-09-2026 tot 20-11-2026 bij Bakkerij De Korst"), letter)
        XCTAssertTrue(letter.contains("Sem de Vries is altijd eerlijk."), letter)
        XCTAssertFalse(letter.contains("GEHEIM"), "nothing from the quick scan, ZRM, justice, health or the talk's notes\n\(letter)")
        XCTAssertFalse(letter.contains("op tijd"), "a first impression is no score of a talk")
    }

    func testTheLetterWithoutStrengthsLeavesRoomForTheEmployer() throws {
        var youth = try sem()
        try talk(&youth, on: today, ["onTime": .sometimes])
        let letter = try XCTUnwrap(RecommendationLetter.markdown(youth: youth, placementID: "p1", coachName: "", today: today))
        XCTAssertTrue(letter.contains("[Beschrijf hier wat Sem de Vries goed doet.]"), letter)
    }
}
