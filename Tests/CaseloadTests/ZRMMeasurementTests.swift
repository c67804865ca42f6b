@testable import Caseload
import XCTest

final class ZRMMeasurementTests: XCTestCase {
    let today = LocalDate(year: 2026, month: 11, day: 22)!
    let now = Date(timeIntervalSince1970: 1_795_000_000)

    func testCatalogHasThirteenDomainsTenSkillsAndTheScale() {
        XCTAssertEqual(Catalog.lifeDomains.count, 13)
        XCTAssertEqual(Catalog.lifeDomains.first?.name, "Financiën")
        XCTAssertEqual(Catalog.lifeDomains.last?.name, "Justitie")
        XCTAssertTrue(Catalog.lifeDomains.allSatisfy { !$0.hint.isEmpty })
        XCTAssertEqual(Catalog.basicSkills.count, 10)
        XCTAssertEqual(Catalog.scaleLabel(1), "acute problematiek")
        XCTAssertEqual(Catalog.scaleLabel(5), "volledig zelfredzaam")
    }

    func testNewMeasurementCopiesThePreviousScoresButNotTheNotes() throws {
        var youth = try Youth(name: "Sem", now: now, today: today)
        let first = try youth.addMeasurement(date: today.adding(days: -60), moment: .zero, scoredBy: "Coach A", today: today.adding(days: -60))
        try youth.updateMeasurement(first.id) { m throws(InputError) in
            try m.setScore(1, for: "finances", today: today.adding(days: -60))
            try m.setScore(4, for: "housing", today: today.adding(days: -60))
            try m.setNote("schulden bij drie partijen", for: "finances", today: today.adding(days: -60))
        }
        XCTAssertEqual(youth.suggestedMoment, .one)
        let second = try youth.addMeasurement(date: today, moment: youth.suggestedMoment, scoredBy: "Coach A", today: today)
        XCTAssertEqual(second.moment, .one)
        XCTAssertEqual(second.score("finances"), 1)
        XCTAssertEqual(second.score("housing"), 4)
        XCTAssertNil(second.score("justice"))
        XCTAssertEqual(second.note("finances"), "")
        XCTAssertEqual(youth.latestMeasurement?.id, second.id)
        XCTAssertThrowsError(try youth.addMeasurement(date: today.adding(days: 1), moment: .two, scoredBy: "", today: today))
    }

    func testChangesOnTheDayAreFillingInLaterOnesAreCorrectionsWithTheirDate() throws {
        var measurement = ZRMMeasurement(date: today, moment: .zero, scoredBy: "Coach A", recordedOn: today)
        try measurement.setScore(2, for: "finances", today: today)
        try measurement.setScore(3, for: "finances", today: today)
        XCTAssertTrue(measurement.corrections.isEmpty)
        let later = today.adding(days: 5)
        try measurement.setScore(1, for: "finances", today: later)
        try measurement.setNote("toch acuut: huisuitzetting dreigt", for: "finances", today: later)
        measurement.setMoment(.interim, today: later)
        try measurement.setScore(1, for: "finances", today: later)  // unchanged: no entry
        XCTAssertEqual(measurement.corrections, [
            Correction(date: later, field: "finances.score", from: "3", to: "1"),
            Correction(date: later, field: "finances.note", from: "", to: "toch acuut: huisuitzetting dreigt"),
            Correction(date: later, field: "moment", from: "zero", to: "interim"),
        ])
        XCTAssertThrowsError(try measurement.setScore(6, for: "finances", today: later))
        XCTAssertThrowsError(try measurement.setDate(later.adding(days: 1), today: later))
    }

    func testAcuteDomainsAndAverage() throws {
        var measurement = ZRMMeasurement(date: today, moment: .zero, scoredBy: "", recordedOn: today)
        XCTAssertNil(measurement.average)
        for (domain, score) in [("justice", 1), ("finances", 1), ("housing", 4)] {
            try measurement.setScore(score, for: domain, today: today)
        }
        XCTAssertEqual(measurement.acuteDomains, ["finances", "justice"], "in the order of the form")
        XCTAssertEqual(measurement.average, 2)
        XCTAssertEqual(measurement.scoredCount, 3)
    }

    func testComparisonSaysWhichDomainsWentUpDownOrStayed() throws {
        var a = ZRMMeasurement(date: today, moment: .zero, scoredBy: "", recordedOn: today)
        var b = ZRMMeasurement(date: today, moment: .one, scoredBy: "", recordedOn: today)
        for (domain, from, to) in [("finances", 1, 3), ("housing", 4, 2), ("justice", 2, 2)] {
            try a.setScore(from, for: domain, today: today)
            try b.setScore(to, for: domain, today: today)
        }
        try b.setScore(5, for: "timeUse", today: today)
        let comparison = ZRMComparison(from: a, to: b)
        XCTAssertEqual(comparison.rows.count, 13)
        XCTAssertEqual(comparison.count(.up), 1)
        XCTAssertEqual(comparison.count(.down), 1)
        XCTAssertEqual(comparison.count(.same), 1)
        XCTAssertEqual(comparison.count(.unknown), 10, "a domain scored on one side only has no direction")
        XCTAssertEqual(comparison.rows.first { $0.domain.code == "housing" }?.direction, .down)
    }

    func testAveragesPerMomentAcrossYouths() throws {
        func measured(_ moment: MeasurementMoment, _ scores: [Int]) throws -> ZRMMeasurement {
            var m = ZRMMeasurement(date: today, moment: moment, scoredBy: "", recordedOn: today)
            for (index, score) in scores.enumerated() { try m.setScore(score, for: Catalog.lifeDomains[index].code, today: today) }
            return m
        }
        let measurements: [ZRMMeasurement] = [
            try measured(MeasurementMoment.zero, [1, 2, 3]), try measured(MeasurementMoment.zero, [3, 3]),
            try measured(MeasurementMoment.one, [4, 4, 5]),
            ZRMMeasurement(date: today, moment: .two, scoredBy: "", recordedOn: today),
        ]
        let figures = ZRMFigures.averagesPerMoment(measurements)
        XCTAssertEqual(figures.map { $0.moment }, [MeasurementMoment.zero, MeasurementMoment.one], "a moment with only empty measurements has no figure")
        XCTAssertEqual(figures[0].count, 2)
        XCTAssertEqual(figures[0].average, 2.5, accuracy: 0.001)
        XCTAssertEqual(figures[1].average, 13.0 / 3, accuracy: 0.001)
    }

    func testSummaryMarksAcuteAndDueMeasurements() throws {
        var youth = try Youth(name: "Noor", now: now, today: today)
        XCTAssertFalse(YouthSummary(youth).needsFirstZRM, "scout needs no ZRM yet")
        youth.move(to: .quickScan, on: today, now: now)
        XCTAssertTrue(YouthSummary(youth).needsFirstZRM)
        let m = try youth.addMeasurement(date: today, moment: .zero, scoredBy: "", today: today)
        try youth.updateMeasurement(m.id) { m throws(InputError) in try m.setScore(1, for: "housing", today: today) }
        XCTAssertFalse(YouthSummary(youth).needsFirstZRM)
        XCTAssertEqual(YouthSummary(youth).acuteDomains, 1)
    }

    func testASchemaOneFileStillOpens() throws {
        let json = #"""
        {"schemaVersion": 1, "youth": {"id": "abc", "name": "Oud", "municipality": "", "phone": "", "foundAtDetail": "",
         "referredBy": "", "phase": "scout", "phaseHistory": [{"to": "scout", "date": "2025-01-02"}],
         "created": "2025-01-02T10:00:00Z", "updated": "2025-01-02T10:00:00Z"}}
        """#
        let youth = try CaseloadStore.decodeYouth(Data(json.utf8)).0
        XCTAssertEqual(youth.name, "Oud")
        XCTAssertTrue(youth.measurements.isEmpty)
        XCTAssertEqual(youth.quickScan, QuickScan())
    }

    func testMeasurementsAndQuickScanRoundTripThroughTheStore() throws {
        let directory = temporaryDirectory(self)
        var youth = try Youth(name: "Zoë", now: now, today: today)
        let m = try youth.addMeasurement(date: today, moment: .zero, scoredBy: "Coach", today: today)
        try youth.updateMeasurement(m.id) { m throws(InputError) in
            try m.setScore(2, for: "socialNetwork", today: today)
            try m.setNote("weinig steun", for: "socialNetwork", today: today)
        }
        youth.quickScan.motivation = "wil graag monteur worden"
        youth.quickScan.basicSkills["onTime"] = .attention
        youth.quickScan.situation["housing"] = "slaapt bij een vriend"
        youth.quickScan.bsa.used = true
        youth.quickScan.bsa.date = today
        let saved = try CaseloadStore(directory: directory).save(youth)
        XCTAssertEqual(try CaseloadStore(directory: directory).youth(id: youth.id), saved)
    }
}
