@testable import Caseload
import XCTest

final class LocalDateTests: XCTestCase {
    func testParsesDutchOrderAndShowsItBack() throws {
        let date = try LocalDate.parse("7-3-2008")
        XCTAssertEqual(date, LocalDate(year: 2008, month: 3, day: 7))
        XCTAssertEqual(date.text, "07-03-2008")
        XCTAssertEqual(date.iso, "2008-03-07")
        XCTAssertEqual(try LocalDate.parse("07/03/2008"), date)
    }

    func testImpossibleDateSaysWhy() {
        XCTAssertThrowsError(try LocalDate.parse("29-02-2007")) { error in
            XCTAssertEqual((error as? DateInputError)?.message, "29-02-2007 bestaat niet: februari 2007 heeft 28 dagen.")
        }
        XCTAssertNoThrow(try LocalDate.parse("29-02-2008"))
        XCTAssertThrowsError(try LocalDate.parse("01-13-2008")) { error in
            XCTAssertEqual((error as? DateInputError)?.message, "Maand 13 bestaat niet: kies 1 tot en met 12.")
        }
        XCTAssertThrowsError(try LocalDate.parse("01-02-08")) { error in
            XCTAssertEqual((error as? DateInputError)?.message, "Typ het jaar met vier cijfers (dd-mm-jjjj).")
        }
        XCTAssertThrowsError(try LocalDate.parse("gisteren"))
        // The year first, as a computer writes it: the message says the order, not "four digits".
        XCTAssertThrowsError(try LocalDate.parse("2008-03-07")) { error in
            XCTAssertEqual((error as? DateInputError)?.message, "Typ de dag eerst en het jaar als laatste: dd-mm-jjjj, bijvoorbeeld 07-03-2008.")
        }
    }

    func testAgeCountsCompletedYears() throws {
        let birth = try LocalDate.parse("22-11-2008")
        XCTAssertEqual(birth.years(until: try LocalDate.parse("21-11-2026")), 17)
        XCTAssertEqual(birth.years(until: try LocalDate.parse("22-11-2026")), 18)
    }

    func testDayArithmeticAcrossYearsAndLeapDays() throws {
        let start = try LocalDate.parse("28-02-2024")
        XCTAssertEqual(start.adding(days: 1).text, "29-02-2024")
        XCTAssertEqual(start.adding(days: 2).text, "01-03-2024")
        XCTAssertEqual(start.days(until: try LocalDate.parse("28-02-2025")), 366)
        XCTAssertEqual(try LocalDate.parse("29-02-2024").adding(years: 1).text, "28-02-2025")
        XCTAssertEqual(LocalDate(dayNumber: start.dayNumber), start)
    }

    func testCodableAsIsoString() throws {
        let data = try JSONEncoder().encode([try LocalDate.parse("01-12-2009")])
        XCTAssertEqual(String(decoding: data, as: UTF8.self), #"["2009-12-01"]"#)
        XCTAssertThrowsError(try JSONDecoder().decode([LocalDate].self, from: Data(#"["2009-02-30"]"#.utf8)))
    }

    func testAShortDateShowsItsYearWhenMoreThanSixMonthsAway() throws {
        let today = try LocalDate.parseInput("01-12-2026")
        XCTAssertEqual(today.adding(days: 30).shortText(near: today), "31-12")
        XCTAssertEqual(today.adding(days: -182).shortText(near: today), "02-06")
        XCTAssertEqual(try LocalDate.parseInput("17-03-2025").shortText(near: today), "17-03-2025")
        XCTAssertEqual(today.adding(days: 200).shortText(near: today), today.adding(days: 200).text)
    }
}
