@testable import Caseload
import XCTest

final class YouthTests: XCTestCase {
    let today = LocalDate(year: 2026, month: 11, day: 22)!
    let now = Date(timeIntervalSince1970: 1_795_000_000)

    func testNameIsRequiredAndTrimmed() throws {
        XCTAssertThrowsError(try Youth(name: "   ", now: now, today: today)) { error in
            XCTAssertEqual((error as? InputError)?.message, "Een naam is verplicht.")
        }
        XCTAssertEqual(try Youth(name: "  Zoë Çelik ", now: now, today: today).name, "Zoë Çelik")
    }

    func testControlCharactersInTypedTextAreRefused() {
        XCTAssertThrowsError(try Youth.validName("Zoë\u{1B}[31m"))
        XCTAssertThrowsError(try Youth.validText("a\u{85}b", field: "Gemeente"))
    }

    func testNewYouthStartsInScoutWithThatDayRecorded() throws {
        let youth = try Youth(name: "Sem", now: now, today: today)
        XCTAssertEqual(youth.phase, .scout)
        XCTAssertEqual(youth.phaseHistory, [PhaseChange(from: nil, to: .scout, date: today)])
    }

    func testPhaseMovesAreRecordedWithTheirDate() throws {
        var youth = try Youth(name: "Sem", now: now, today: today)
        youth.move(to: .quickScan, on: today.adding(days: 3), now: now)
        youth.move(to: .scout, on: today.adding(days: 5), now: now)
        XCTAssertEqual(youth.phase, .scout)
        XCTAssertEqual(youth.phaseHistory.map(\.to), [.scout, .quickScan, .scout])
        XCTAssertEqual(youth.phaseHistory.last?.from, .quickScan)
        XCTAssertEqual(youth.phaseSince, today.adding(days: 5))
        XCTAssertEqual(Phase.borg.next, .closed)
        XCTAssertNil(Phase.closed.next)
        XCTAssertNil(Phase.scout.previous)
    }

    func testAgeOutsideSixteenToTwentySevenWarnsButIsAllowed() throws {
        let old = try XCTUnwrap(Youth.validDateOfBirth("01-01-1990", today: today))
        XCTAssertEqual(Youth.ageWarning(for: old, today: today),
                       "Leeftijd 36 valt buiten 16-27 jaar, de leeftijd van Rode loper coaching.")
        XCTAssertNil(Youth.ageWarning(for: try LocalDate.parse("22-11-2010"), today: today))
        XCTAssertNotNil(Youth.ageWarning(for: try LocalDate.parse("23-11-2010"), today: today))
    }

    func testDateOfBirthInTheFutureIsRefused() {
        XCTAssertThrowsError(try Youth.validDateOfBirth("23-11-2026", today: today)) { error in
            XCTAssertEqual((error as? InputError)?.message, "Een geboortedatum kan niet in de toekomst liggen (vandaag is 22-11-2026).")
        }
        XCTAssertNil(try Youth.validDateOfBirth("", today: today))
    }

    func testPhoneAcceptsDutchNotationsOnly() throws {
        XCTAssertEqual(try Youth.validPhone(" +31 (0)6-1234 5678 "), "+31 (0)6-1234 5678")
        XCTAssertThrowsError(try Youth.validPhone("06-abc"))
        XCTAssertThrowsError(try Youth.validPhone("123"))
        XCTAssertEqual(try Youth.validPhone(""), "")
    }

    func testDemoCaseloadSpansEveryPhaseWithPlausibleAges() throws {
        let youths = try DemoCaseload.youths(today: today, now: now)
        XCTAssertTrue((10...15).contains(youths.count))
        XCTAssertEqual(Set(youths.map(\.phase)), Set(Phase.allCases))
        for youth in youths {
            XCTAssertTrue(Youth.intendedAges.contains(try XCTUnwrap(youth.age(on: today))), youth.name)
            XCTAssertEqual(youth.phaseHistory.last?.to, youth.phase)
        }
    }
}

/// The sort key's short way for plain ASCII folds exactly as Foundation's folding does.
final class SortKeyTests: XCTestCase {
    func testPlainASCIIFoldsAsFoundationFolds() {
        let every = String(String.UnicodeScalarView((0..<0x80).compactMap(Unicode.Scalar.init)))
        for text in [every, "Zoë Çelik", "van der Berg", "O'NEILL-de Vries", "", "ABC xyz 123"] {
            XCTAssertEqual(text.sortKey, text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil), text)
        }
    }
}
