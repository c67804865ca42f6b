@testable import Caseload
import XCTest

/// The match on a hand-made set of workplaces, with fixed days: the order, the points and the
/// reasons in words (docs/decisions.md, "Hoe de match rekent").
final class MatchRankingTests: XCTestCase {
    let now = Date(timeIntervalSince1970: 1_795_000_000)

    func day(_ d: Int, _ m: Int, _ y: Int) -> LocalDate { LocalDate(year: y, month: m, day: d)! }

    func workplace(_ name: String, sector: String = "", kinds: [PlaceKind] = [], tasks: String? = nil, atmosphere: String = "",
                   active: Bool = true) throws -> Workplace {
        var workplace = try Workplace(name: name, now: now, id: name.lowercased().replacingOccurrences(of: " ", with: "-"))
        workplace.sector = sector
        workplace.kinds = kinds
        workplace.active = active
        if let tasks {
            var scan = WorkplaceScan(date: day(1, 10, 2026), id: "scan")
            scan.tasks = tasks
            scan.atmosphere = atmosphere
            workplace.scans = [scan]
        }
        return workplace
    }

    func placement(at workplace: Workplace, _ kind: PlaceKind, from start: LocalDate, to end: LocalDate? = nil,
                   _ status: PlacementStatus, _ ending: PlacementEnding? = nil) -> Placement {
        var placement = Placement(workplace: workplace, kind: kind, start: start, id: "p-\(workplace.id)-\(start.text)")
        placement.status = status
        placement.end = end
        placement.ending = ending
        return placement
    }

    /// Wishes koken, horeca, klanten; talents bakken, dieren; motivation geld, verdienen.
    /// The goal asks for a stage and an mbo-opleiding.
    func youth() throws -> Youth {
        var youth = try Youth(name: "Sem", now: now, today: day(22, 11, 2026))
        youth.quickScan.wishes = "Koken in de horeca, met klanten"
        youth.quickScan.talents = "Bakken; goed met dieren"
        youth.quickScan.motivation = "Wil geld verdienen"
        youth.changePlan.goal = "Een stage in de horeca en daarna een mbo-opleiding koken"
        return youth
    }

    /// Four active workplaces and one inactive; Sem did a stage at the garage (completed) and was
    /// stopped early by the café; at the bakery two others completed, one stopped, one runs.
    func ranked() throws -> [MatchFit] {
        let bakery = try workplace("Bakkerij Brood", sector: "Bakkerij", kinds: [.internship, .job],
                                   tasks: "Brood bakken en klanten helpen", atmosphere: "Rustig, vroeg beginnen")
        let cafe = try workplace("Café De Hoek", sector: "Horeca", kinds: [.job], tasks: "Koken en afwassen")
        let garage = try workplace("Garage Jansen", sector: "Autotechniek", kinds: [.workExperience])
        let empty = try workplace("Aardappel BV")
        let farm = try workplace("Zorgboerderij", sector: "zorg", kinds: [.dayActivity, .internship], tasks: "dieren verzorgen, koken",
                                 active: false)
        var sem = try youth()
        sem.placements = [
            placement(at: garage, .internship, from: day(1, 2, 2026), to: day(30, 6, 2026), .ended, .completed),
            placement(at: cafe, .job, from: day(1, 9, 2025), to: day(15, 10, 2025), .ended, .stoppedByEmployer),
        ]
        let others = [
            placement(at: bakery, .internship, from: day(1, 1, 2025), .ended, .completed),
            placement(at: bakery, .internship, from: day(1, 3, 2025), .ended, .completed),
            placement(at: bakery, .job, from: day(1, 5, 2025), .ended, .stoppedByYouth),
            placement(at: bakery, .job, from: day(1, 9, 2026), .running),
        ].map(PlacementSummary.init)
        return MatchRanking.rank(sem, among: [cafe, empty, farm, garage, bakery], othersAt: [bakery.id: others])
    }

    func testActiveWorkplacesBestFitFirst() throws {
        let fits = try ranked()
        XCTAssertEqual(fits.map(\.workplace.name), ["Bakkerij Brood", "Garage Jansen", "Aardappel BV", "Café De Hoek"])
        XCTAssertEqual(fits.map(\.score), [11, 4, 0, -2])
        XCTAssertFalse(fits.contains { $0.workplace.name == "Zorgboerderij" }, "an inactive workplace is not proposed")
    }

    func testEachPointHasItsReasonInWords() throws {
        let bakery = try XCTUnwrap(try ranked().first)
        XCTAssertEqual(bakery.reasons.map(\.pointsText), ["+4", "+6", "+1"])
        XCTAssertEqual(bakery.reasons.map(\.text), [
            "Taken in de scan passen bij wensen en talenten: bakken, klanten",
            "Biedt stage, waar het doel in het plan om vraagt (het doel noemt: stage)",
            "Andere jongeren hier: 2 afgerond, 1 voortijdig gestopt, 1 lopend",
        ])
        XCTAssertEqual(bakery.score, bakery.reasons.map(\.points).reduce(0, +))
    }

    func testSectorAndTasksShareWordsAndAMissingKindIsSaid() throws {
        let cafe = try XCTUnwrap(try ranked().last)
        XCTAssertEqual(cafe.reasons, [
            MatchReason(2, "Sector ‘Horeca’ past bij wensen: horeca"),
            MatchReason(2, "Taken in de scan passen bij wensen: koken"),
            MatchReason(0, "Biedt geen stage of opleiding, waar het doel in het plan om vraagt; wel: baan"),
            MatchReason(-6, "Eerder hier: baan 01-09-2025 – 15-10-2025, voortijdig gestopt door werkgever"),
        ])
    }

    func testAWorkplaceWithoutAScanOrAnythingToCompareIsNeutral() throws {
        let fits = try ranked()
        let garage = try XCTUnwrap(fits.first { $0.workplace.name == "Garage Jansen" })
        XCTAssertEqual(garage.reasons, [
            MatchReason(0, "Geen woorden gemeen met de wensen, talenten en motivatie van de jongere"),
            MatchReason(0, "Nog geen quick scan van deze werkplek: alleen sector en soort plek vergeleken"),
            MatchReason(0, "Biedt geen stage of opleiding, waar het doel in het plan om vraagt; wel: werkervaringsplek"),
            MatchReason(4, "Eerder hier: stage 01-02-2026 – 30-06-2026, afgerond"),
        ])
        let empty = try XCTUnwrap(fits.first { $0.workplace.name == "Aardappel BV" })
        XCTAssertEqual(empty.reasons.map(\.text), [
            "Nog geen quick scan van deze werkplek, en geen sector of soort plek: niets te vergelijken",
            "Biedt geen stage of opleiding, waar het doel in het plan om vraagt; de soorten plek van deze werkplek zijn niet ingevuld",
        ])
        XCTAssertEqual(empty.score, 0)
    }

    func testARunningPlacementCountsAsGoingWellAndAPlannedOneIsOnlySaid() throws {
        let shop = try workplace("Winkel", sector: "detailhandel")
        var sem = try youth()
        sem.placements = [placement(at: shop, .job, from: day(1, 9, 2026), .running),
                          placement(at: shop, .internship, from: day(1, 1, 2027), .planned)]
        let fit = try XCTUnwrap(MatchRanking.rank(sem, among: [shop], othersAt: [:]).first)
        XCTAssertEqual(Array(fit.reasons.suffix(2)), [
            MatchReason(4, "Nu hier: baan sinds 01-09-2026, lopend (telt als goed gegaan)"),
            MatchReason(0, "Al gepland hier: stage vanaf 01-01-2027"),
        ])
    }

    func testOtherYouthsWeighLessAndWithinThree() throws {
        let shop = PlacementSummary(placement(at: try workplace("Winkel"), .job, from: day(1, 1, 2025), .ended, .stoppedByEmployer))
        XCTAssertEqual(MatchRanking.othersReason(Array(repeating: shop, count: 5)),
                       [MatchReason(-3, "Andere jongeren hier: 5 voortijdig gestopt")])
        XCTAssertEqual(MatchRanking.othersReason([]), [], "no placements there: nothing is said")
    }

    func testThePlanGoalsKindsByTheirDutchWords() throws {
        func kinds(_ goal: String) -> [PlaceKind] { MatchRanking.kindsAsked(by: goal).map(\.kind) }
        XCTAssertEqual(kinds("Eerst een werkervaringsplek, later betaald werk"), [.workExperience, .job])
        XCTAssertEqual(kinds("Een BBL-traject in de bouw, of een leerwerkplek"), [.learnAndWork])
        XCTAssertEqual(kinds("Naar school: MBO niveau 2"), [.education])
        XCTAssertEqual(kinds("Een horecabaan vinden"), [.job])
        XCTAssertEqual(kinds("Stageplek zoeken; dagbesteding als het niet lukt"), [.internship, .dayActivity])
        XCTAssertEqual(kinds("Rust in zijn hoofd, schulden op orde"), [])
        XCTAssertEqual(MatchRanking.kindsAsked(by: "Een Stage")[0].word, "stage", "the reason names the goal's own word")
        let shop = try workplace("Winkel", kinds: [.job])
        XCTAssertEqual(MatchRanking.kindReason(shop, []).text,
                       "Het doel in het plan noemt geen soort plek (baan, werkervaringsplek, stage, opleiding, leerwerkplek, dagbesteding)")
        XCTAssertEqual(MatchRanking.kindReason(shop, MatchRanking.kindsAsked(by: "een baan of stage")),
                       MatchReason(6, "Biedt baan, waar het doel in het plan om vraagt (het doel noemt: baan)"))
    }

    func testWordsAreFoldedStemmedAndStopWordsLeftOut() {
        let words = MatchRanking.words(in: "De Klanten van het CAFÉ, winkels en bakken; bak; ICT op de pc")
        XCTAssertEqual(words.map(\.stem), ["klant", "cafe", "winkel", "bak", "ict"])
        XCTAssertEqual(words.map(\.shown), ["klanten", "café", "winkels", "bakken", "ict"], "a reason shows the word as written")
        XCTAssertEqual(MatchRanking.words(in: "Ik wil graag werken, het is leuk werk"), [], "stop words tell nothing apart")
    }

    func testSharedWordsCountOnceAndAtMostTenPoints() throws {
        var sem = try youth()
        sem.quickScan.wishes = "koken bakken schoonmaken kassa klanten vakken koffie"
        let shop = try workplace("Winkel", sector: "koken", tasks: "koken, bakken, schoonmaken, kassa, klanten, vakken, koffie")
        let fit = try XCTUnwrap(MatchRanking.rank(sem, among: [shop], othersAt: [:]).first)
        XCTAssertEqual(fit.reasons[0], MatchReason(2, "Sector ‘koken’ past bij wensen: koken"))
        XCTAssertEqual(fit.reasons[1], MatchReason(8, "Taken in de scan passen bij wensen en talenten: bakken, schoonmaken, kassa, klanten, vakken, koffie "
                                                   + "(gedeelde woorden tellen samen ten hoogste 10 punten)"))
    }

    func testAnEmptyQuickScanOfTheYouthIsSaidOnEveryWorkplace() throws {
        var sem = try youth()
        sem.quickScan = QuickScan()
        let fits = MatchRanking.rank(sem, among: [try workplace("Winkel", sector: "detailhandel")], othersAt: [:])
        XCTAssertEqual(fits.first?.reasons.first?.text,
                       "De quick scan van de jongere noemt nog geen wensen, talenten of motivatie: geen woorden te vergelijken; "
                           + "van deze werkplek is ook nog geen quick scan")
    }

    func testTheSameScoreIsOrderedByNameWithoutCapitalsOrAccents() throws {
        var sem = try youth()
        sem.changePlan.goal = ""
        let names = ["zeeman", "Émile", "Bakker", "anton"]
        let fits = MatchRanking.rank(sem, among: try names.map { try workplace($0) }, othersAt: [:])
        XCTAssertEqual(fits.map(\.workplace.name), ["anton", "Bakker", "Émile", "zeeman"])
        XCTAssertEqual(Set(fits.map(\.score)), [0])
    }

    func testTheStoreGivesThePlacementsOfTheOtherYouthsByWorkplace() throws {
        let store = try CaseloadStore(directory: temporaryDirectory(self), clock: { self.now })
        let shop = try workplace("Winkel")
        var sem = try youth(), ali = try Youth(name: "Ali", now: now, today: day(22, 11, 2026))
        sem.placements = [placement(at: shop, .job, from: day(1, 1, 2026), .running)]
        ali.placements = [placement(at: shop, .internship, from: day(1, 2, 2025), .ended, .completed)]
        try store.save(sem)
        try store.save(ali)
        XCTAssertEqual(store.placementsOfOthers(than: sem.id)[shop.id]?.map(\.kind), [.internship])
        XCTAssertEqual(store.placementsOfOthers(than: ali.id)[shop.id]?.map(\.kind), [.job])
    }
}
