@testable import Caseload
import XCTest

/// What the handout for the employer carries (issue 17): only what the consent register allows.
/// Distinctive strings are seeded in every text that must never reach an employer; none of them
/// may be in the handout, with or without consent. Fixed clock.
final class HandoutTests: XCTestCase {
    let today = LocalDate(year: 2026, month: 11, day: 22)!
    let now = Date(timeIntervalSince1970: 1_795_372_800)

    /// Strings that are never in a handout, whatever consent there is.
    static let secrets = ["QSMOTIVATIE-7731", "QSWENSEN-7732", "QSTALENT-7733", "QSNETWERK-7734", "QSDOSSIER-7735", "QSSITUATIE-7736",
                          "QSBSA-7737", "ZRMNOTE-7741", "JOURNAAL-7751", "PLANTEKST-7761", "ACTIE-7762", "TELEFOON-7771"]
    static let manual = "GEBRUIKSAANWIJZING-7781: Sem werkt graag met zijn handen."

    /// A youth at Bakkerij Jansen (contact Ans de Vries) with every secret seeded, and a placement
    /// with its agreements.
    private func seededYouth() throws -> (youth: Youth, placement: Placement, workplace: Workplace) {
        var youth = try Youth(name: "Sem", now: now, today: today.adding(days: -100))
        youth.phone = "06 TELEFOON-7771"
        youth.quickScan.motivation = "QSMOTIVATIE-7731"
        youth.quickScan.wishes = "QSWENSEN-7732"
        youth.quickScan.talents = "QSTALENT-7733"
        youth.quickScan.network = "QSNETWERK-7734"
        youth.quickScan.fileInformation = "QSDOSSIER-7735"
        youth.quickScan.bsa.outcome = "QSBSA-7737"
        var measurement = ZRMMeasurement(date: today, moment: MeasurementMoment.allCases[0], scoredBy: "coach", recordedOn: today)
        for domain in Catalog.lifeDomains {
            // Justice and health among them: every domain's situation and note is seeded.
            youth.quickScan.situation[domain.code] = "QSSITUATIE-7736 \(domain.code)"
            measurement.scores[domain.code] = DomainScore(score: 2, note: "ZRMNOTE-7741 \(domain.code)")
        }
        youth.measurements.append(measurement)
        var entry = JournalEntry(date: today, kind: ContactKind.allCases[0])
        entry.text = "JOURNAAL-7751"
        youth.save(entry)
        youth.updatePlan(now: now, today: today, timeZone: testZone) { plan in
            for part in ChangePlan.Part.allCases { plan[part] = "PLANTEKST-7761" }
        }
        youth.save(try CaseAction(what: "ACTIE-7762", owner: .youth, due: nil, created: today))
        youth.userManual = Self.manual

        var workplace = try Workplace(name: "Bakkerij Jansen", now: now)
        workplace.contactName = "Ans de Vries"
        var placement = try youth.addPlacement(at: workplace, kind: .job, start: today.adding(days: -7), today: today, now: now).placement
        placement.agreement.workingHours = "ma-vr 8:00-12:00"
        placement.agreement.supervisor = "Piet"
        placement.agreement.compensation = .wageSubsidy
        try youth.save(placement, now: now)
        return (youth, placement, workplace)
    }

    private func addConsent(_ youth: inout Youth, person name: String, relation: String = "", from: LocalDate) throws -> Consent {
        var person = try Person(kind: .professional, name: name)
        person.relation = relation
        youth.save(person)
        let consent = try Consent(personID: person.id, what: "de gebruiksaanwijzing", from: from)
        youth.save(consent)
        return consent
    }

    private func assertNoSecrets(_ handout: String, file: StaticString = #filePath, line: UInt = #line) {
        for secret in Self.secrets { XCTAssertFalse(handout.contains(secret), "\(secret) in the handout", file: file, line: line) }
    }

    func testWithoutConsentTheManualIsLeftOutWithOneLineAndNothingElseLeaks() throws {
        var (youth, placement, workplace) = try seededYouth()
        // A consent for someone else does not count.
        _ = try addConsent(&youth, person: "Moeder", relation: "moeder", from: today.adding(days: -30))
        let handout = Handout.markdown(youth, placement: placement, workplace: workplace, on: today)
        assertNoSecrets(handout)
        XCTAssertFalse(handout.contains("GEBRUIKSAANWIJZING-7781"), handout)
        let leftOut = handout.split(separator: "\n").filter { $0.contains("weggelaten") }
        XCTAssertEqual(leftOut, ["_De gebruiksaanwijzing is weggelaten: op 22-11-2026 is geen toestemming van Sem vastgelegd om die te delen met Bakkerij Jansen of Ans de Vries._"])
        // The agreements are there.
        XCTAssertTrue(handout.contains("- **Werktijden:** ma-vr 8:00-12:00"), handout)
        XCTAssertTrue(handout.contains("- **Begeleider op de werkplek:** Piet"), handout)
        XCTAssertTrue(handout.contains("- **Vergoeding:** loonkostensubsidie"), handout)
        XCTAssertTrue(handout.contains("- **Inkomen:** _(niet ingevuld)_"), handout)
    }

    func testAConsentInForceForTheContactPersonOrNamingTheWorkplaceSharesTheManual() throws {
        // The contact person by name, capitals and accents not counting.
        var (youth, placement, workplace) = try seededYouth()
        _ = try addConsent(&youth, person: "ANS DE VRÏES", from: today.adding(days: -5))
        var handout = Handout.markdown(youth, placement: placement, workplace: workplace, on: today)
        XCTAssertTrue(handout.contains(Self.manual), handout)
        XCTAssertTrue(handout.contains("_Gedeeld met toestemming van Sem, gegeven aan ANS DE VRÏES op 17-11-2026._"), handout)
        XCTAssertFalse(handout.contains("weggelaten"))
        assertNoSecrets(handout)

        // Someone whose organisation is the workplace.
        (youth, placement, workplace) = try seededYouth()
        _ = try addConsent(&youth, person: "Piet", relation: "bakkerij jansen, filiaal Oost", from: today)
        handout = Handout.markdown(youth, placement: placement, workplace: workplace, on: today)
        XCTAssertTrue(handout.contains(Self.manual), handout)
        assertNoSecrets(handout)

        // Whole words only: "ROC" is not in "Procter".
        var school = try Workplace(name: "ROC", now: now)
        school.contactName = ""
        var schooling = placement
        schooling.workplaceID = school.id
        schooling.workplaceName = "ROC"
        var other = youth
        other.consents = []
        _ = try addConsent(&other, person: "Jan", relation: "Procter & Gamble", from: today)
        XCTAssertNil(Handout.sharingConsent(other, placement: schooling, workplace: school, on: today))
        _ = try addConsent(&other, person: "Mentor", relation: "roc midden", from: today)
        XCTAssertNotNil(Handout.sharingConsent(other, placement: schooling, workplace: school, on: today))

        // A workplace that is gone: its kept name still matches.
        handout = Handout.markdown(youth, placement: placement, workplace: nil, on: today)
        XCTAssertTrue(handout.contains(Self.manual), handout)
    }

    /// A contact person's name is not enough when that person belongs to another organisation:
    /// two workplaces may have a contact with the same name. A name given shorter ("Garage Wiel"
    /// for "Garage Wiel B.V.") still names the workplace; one word alone never does.
    func testAConsentOfANamesakeAtAnotherWorkplaceDoesNotShare() throws {
        var (youth, placement, workplace) = try seededYouth()
        _ = try addConsent(&youth, person: "Ans de Vries", relation: "Garage Wiel", from: today)
        XCTAssertNil(Handout.sharingConsent(youth, placement: placement, workplace: workplace, on: today), "Ans of the garage, not of the bakery")
        XCTAssertFalse(Handout.markdown(youth, placement: placement, workplace: workplace, on: today).contains(Self.manual))
        var garage = try Workplace(name: "Garage Wiel B.V.", now: now)
        garage.contactName = "Ans de Vries"
        var atGarage = placement
        atGarage.workplaceID = garage.id
        atGarage.workplaceName = garage.name
        XCTAssertNotNil(Handout.sharingConsent(youth, placement: atGarage, workplace: garage, on: today), "the garage's own Ans")
        youth.consents = []
        _ = try addConsent(&youth, person: "Kees", relation: "Garage", from: today)
        XCTAssertNil(Handout.sharingConsent(youth, placement: atGarage, workplace: garage, on: today), "one word is not a workplace's name")
    }

    /// A consent that names the workplace by the name it had when the placement was made still
    /// holds after a rename; a namesake at another organisation is named in the left-out line.
    func testARenameKeepsTheConsentAndANamesakeIsSaid() throws {
        var (youth, placement, workplace) = try seededYouth()
        _ = try addConsent(&youth, person: "Piet", relation: "Bakkerij Jansen", from: today)
        workplace.name = "Brood & Banket Jansen"
        XCTAssertNotNil(Handout.sharingConsent(youth, placement: placement, workplace: workplace, on: today))
        youth.consents = []
        _ = try addConsent(&youth, person: "Ans de Vries", relation: "Garage Wiel", from: today)
        let handout = Handout.markdown(youth, placement: placement, workplace: workplace, on: today)
        XCTAssertTrue(handout.contains("de toestemming van Sem voor Ans de Vries noemt een andere organisatie (Garage Wiel)"), handout)
    }

    func testAWithdrawnExpiredOrLaterConsentLeavesTheManualOut() throws {
        for change in ["withdrawn", "expired", "later"] {
            var (youth, placement, workplace) = try seededYouth()
            var consent = try addConsent(&youth, person: "Ans de Vries", from: today.adding(days: -30))
            switch change {
            case "withdrawn": consent.withdrawn = today
            case "expired": consent.until = today.adding(days: -1)
            default: consent.from = today.adding(days: 1)
            }
            youth.save(consent)
            let handout = Handout.markdown(youth, placement: placement, workplace: workplace, on: today)
            XCTAssertFalse(handout.contains("GEBRUIKSAANWIJZING-7781"), change)
            XCTAssertEqual(handout.components(separatedBy: "weggelaten").count - 1, 1, change)
            assertNoSecrets(handout)
            // The day counts: the day before the withdrawal it was shared.
            if change == "withdrawn" {
                XCTAssertTrue(Handout.markdown(youth, placement: placement, workplace: workplace, on: today.adding(days: -1)).contains(Self.manual))
            }
        }
    }

    func testTheHandoutIsTheSameForTheSameDayAndEscapesControlCharacters() throws {
        var (youth, placement, workplace) = try seededYouth()
        placement.agreement.tasks = "brood \u{1B}[2J bakken"
        try youth.save(placement, now: now)
        let one = Handout.markdown(youth, placement: placement, workplace: workplace, on: today)
        XCTAssertEqual(one, Handout.markdown(youth, placement: placement, workplace: workplace, on: today))
        XCTAssertFalse(one.unicodeScalars.contains { $0 == "\u{1B}" }, one)
        // A line break a hand-edited file put in a one-line text never starts a line of its own:
        // no forged agreement, no second heading.
        placement.agreement.tasks = "vakken vullen\n- **Vergoeding:** 100%\n\n## Gebruiksaanwijzing\n\nVERZONNEN-7791"
        let forged = Handout.markdown(youth, placement: placement, workplace: workplace, on: today)
        XCTAssertEqual(forged.split(separator: "\n").filter { $0.hasPrefix("## Gebruiksaanwijzing") }.count, 1, forged)
        XCTAssertEqual(forged.split(separator: "\n").filter { $0.hasPrefix("- **Vergoeding:**") }.count, 1, forged)
        XCTAssertTrue(forged.contains("vakken vullen\\x0A- **Vergoeding:** 100%"), forged)
        XCTAssertEqual(Handout.fileName(for: youth, placement: placement, workplace: workplace, on: today), "handout-sem-bakkerij-jansen-2026-11-22.md")
    }
}
