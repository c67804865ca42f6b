import Caseload
@testable import CoachScreens
import Foundation
import XCTest

/// The caseload list keeps its order youth by youth and narrows a growing search on what it found:
/// after every kind of change, and for every query, that must equal building it all again.
final class CaseloadCatalogTests: XCTestCase {
    private let names = ["Zoë Çelik", "Ahmed el Amrani", "Daan de Vries", "Fenna van der Berg", "Özlem Öztürk", "Sem Bakker",
                         "Noor El Amrani", "Jesse de Vries", "Lotte Visser", "王芳", "Ahmed Celik", "Priya van 't Hof"]

    /// The order, slot by slot, as ids with their summaries, and the retention count.
    private func state(_ catalog: CaseloadCatalog, today: LocalDate) -> [String] {
        var catalog = catalog
        let past = catalog.pastRetention(months: 0, today: today)
        return catalog.order.map { "\(catalog[$0].key) \(catalog[$0].summary.id) \(catalog[$0].summary.phase) \(catalog[$0].summary.name)" } + ["past: \(past)"]
    }

    func testKeptUpToDateEqualsABuildAfterEveryKindOfChange() throws {
        let harness = try Harness(self, youths: names)
        let store = harness.store
        let today = LocalDate(Harness.now, timeZone: testZone)
        var catalog = CaseloadCatalog(store: store)
        _ = catalog.pastRetention(months: 0, today: today)
        let ids = store.summaries.sorted { $0.id < $1.id }.map(\.id)
        func check(_ change: String, file: StaticString = #filePath, line: UInt = #line) {
            XCTAssertTrue(catalog.update(from: store), change, file: file, line: line)
            XCTAssertEqual(state(catalog, today: today), state(CaseloadCatalog(store: store), today: today), change, file: file, line: line)
            XCTAssertEqual(catalog.order.count, store.count, change, file: file, line: line)
        }
        try store.save(try Youth(name: "Bilal Bakker", now: Harness.now, today: today))
        check("a new youth")
        var renamed = try store.youth(id: ids[0])
        renamed.name = "Aaron de Wit"
        try store.save(renamed)
        check("a name that sorts elsewhere")
        var phased = try store.youth(id: ids[1])
        phased.move(to: .quickScan, on: today, now: Harness.now)
        try store.save(phased)
        check("a phase change")
        var closed = try store.youth(id: ids[2])
        for phase in Phase.allCases.dropFirst() { closed.move(to: phase, on: today, now: Harness.now) }
        try store.save(closed)
        check("a case closed (past a retention term of 0 months)")
        try FileManager.default.removeItem(atPath: harness.directory + "/youths/\(ids[3]).json")
        XCTAssertThrowsError(try store.youth(id: ids[3]))
        check("a file gone")
        try store.erase(id: ids[4], today: today)
        check("an erasure")
        try store.erase(id: ids[2], today: today)
        check("the closed case erased")
        try store.save(try Youth(name: "Zoë Çelik", now: Harness.now, today: today))
        check("a new youth in a slot left free, with a name another has")
        XCTAssertFalse(catalog.update(from: store), "nothing changed since")
    }

    func testANarrowedSearchEqualsAFullSearch() throws {
        let harness = try Harness(self, youths: names)
        var catalog = CaseloadCatalog(store: harness.store)
        _ = catalog.update(from: harness.store)
        for query in ["a", "am", "amr", "amra", "de v", "de vr", "öz", "ozt", "c", "ce", "celik", "王", "王芳", "van", "van '", "xq"] {
            let needle = Array(CaseloadCatalog.fold(query).utf8)
            for (scoutOnly, showClosed) in [(false, false), (false, true), (true, false)] {
                let full = catalog.rows(scoutOnly: scoutOnly, showClosed: showClosed, needle: needle).rows
                for length in 0..<query.count {
                    let shorter = Array(CaseloadCatalog.fold(String(query.prefix(length))).utf8)
                    let found = catalog.rows(scoutOnly: scoutOnly, showClosed: showClosed, needle: shorter).rows
                    XCTAssertEqual(catalog.narrowed(found, to: needle), full, "\(query) from \(query.prefix(length))")
                }
            }
        }
        let all = catalog.rows(scoutOnly: false, showClosed: true, needle: []).rows
        let celik = catalog.rows(scoutOnly: false, showClosed: true, needle: Array(CaseloadCatalog.fold("CELIK").utf8)).rows
        XCTAssertEqual(all.count, names.count)
        XCTAssertEqual(Set(celik.map { catalog[$0].summary.name }), ["Zoë Çelik", "Ahmed Celik"], "case and accents folded")
    }

    /// On the screen: typing on narrows, backspace and Esc widen again, and the list after
    /// opening a youth, renaming it and going back is the list a new start shows.
    func testTheListAfterAChangeAndASearchIsTheListOfANewStart() throws {
        let harness = try Harness(self, youths: names)
        harness.press(.char("/"))
        harness.type("de v")
        XCTAssertEqual(harness.rows(containing: "de Vries").count, 2, harness.screen)
        harness.type("r")
        XCTAssertEqual(harness.rows(containing: "de Vries").count, 2)
        harness.press(.backspace, .backspace, .backspace, .backspace, .backspace)
        XCTAssertTrue(harness.screen.contains("Özlem Öztürk"), harness.screen)
        harness.press(.escape)
        var youth = try harness.store.youth(id: try XCTUnwrap(harness.store.summaries.first { $0.name == "Sem Bakker" }).id)
        youth.name = "Aäron Bakker"
        try harness.store.save(youth)
        harness.press(.enter, .escape, .home)
        let restarted = Harness(reopening: harness)
        restarted.press(.home)
        XCTAssertEqual(harness.canvas, restarted.canvas, harness.screen + "\n" + restarted.screen)
        XCTAssertTrue(harness.screen.contains("Aäron Bakker") && !harness.screen.contains("Sem Bakker"), harness.screen)
    }
}
