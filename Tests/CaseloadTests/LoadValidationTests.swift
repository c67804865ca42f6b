@testable import Caseload
import Foundation
import XCTest

/// A file that parses is not yet a youth the screens can rely on. Each rule: a hand-edited value
/// that breaks it sends the file to quarantine with a reason naming the field and the value.
final class LoadValidationTests: XCTestCase {
    /// The current sample with one change made to its youth.
    private func sample(_ change: (inout [String: Any]) -> Void) throws -> Data {
        var file = try XCTUnwrap(JSONSerialization.jsonObject(with: try DataFormatTests.sample(CaseloadStore.schemaVersion)) as? [String: Any])
        var youth = try XCTUnwrap(file["youth"] as? [String: Any])
        change(&youth)
        file["youth"] = youth
        return try JSONSerialization.data(withJSONObject: file)
    }

    /// Writes the file into a fresh data directory, opens it, and returns the one notice.
    private func quarantineReason(_ data: Data, file: StaticString = #filePath, line: UInt = #line) throws -> String {
        let directory = temporaryDirectory(self)
        try FileManager.default.createDirectory(atPath: directory + "/youths", withIntermediateDirectories: true)
        let id = "0b5e7c3a-0003-4000-8000-000000000003"
        try data.write(to: URL(fileURLWithPath: "\(directory)/youths/\(id).json"))
        let store = try CaseloadStore(directory: directory)
        XCTAssertEqual(store.count, 0, "the file is not loaded", file: file, line: line)
        XCTAssertFalse(FileManager.default.fileExists(atPath: "\(directory)/youths/\(id).json"), "it is moved away", file: file, line: line)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: directory + "/quarantine").count, 1, file: file, line: line)
        XCTAssertEqual(store.notices.count, 1, file: file, line: line)
        return store.notices.first?.message ?? ""
    }

    private func edit(_ youth: inout [String: Any], _ key: String, at index: Int = 0, _ change: (inout [String: Any]) -> Void) {
        var list = youth[key] as! [[String: Any]]
        change(&list[index])
        youth[key] = list
    }

    func testTheSampleItselfIsValid() throws {
        let (youth, _) = try CaseloadStore.decodeYouth(try sample { _ in })
        XCTAssertNoThrow(try youth.validate())
    }

    func testAZRMScoreOutsideOneToFiveIsRefused() throws {
        for bad in [9, 0, 6, -3] {
            let reason = try quarantineReason(try sample { youth in
                edit(&youth, "measurements") { m in
                    var scores = m["scores"] as! [String: Any]
                    scores["housing"] = ["note": "", "score": bad]
                    m["scores"] = scores
                }
            })
            XCTAssertTrue(reason.contains("measurements[0].scores.housing.score = \"\(bad)\": een ZRM-score is 1 tot en met 5"), reason)
        }
    }

    func testUnknownCodesAreRefused() throws {
        var reason = try quarantineReason(try sample { youth in
            edit(&youth, "measurements") { m in m["scores"] = ["vrije tijd": ["score": 3, "note": ""]] }
        })
        XCTAssertTrue(reason.contains("measurements[0].scores = \"vrije tijd\": geen leefgebied van de ZRM"), reason)
        reason = try quarantineReason(try sample { $0["phase"] = "pauze" })
        XCTAssertTrue(reason.contains("bij youth.phase: onbekende code \"pauze\""), reason)
        reason = try quarantineReason(try sample { youth in edit(&youth, "actions", at: 1) { $0["status"] = "misschien" } })
        XCTAssertTrue(reason.contains("bij youth.actions[1].status: onbekende code \"misschien\""), reason)
        reason = try quarantineReason(try sample { youth in
            var scan = youth["quickScan"] as! [String: Any]
            scan["basicSkills"] = ["jongleren": "strong"]
            youth["quickScan"] = scan
        })
        XCTAssertTrue(reason.contains("quickScan.basicSkills = \"jongleren\": geen basisvaardigheid"), reason)
        reason = try quarantineReason(try sample { youth in edit(&youth, "actions") { $0["owner"] = ["kind": "buurman"] } })
        XCTAssertTrue(reason.contains("youth.actions[0].owner: onbekende soort \"buurman\""), reason)
    }

    /// Schema 6: the journal, the scout attempts and a consent's end date are checked too.
    func testTheJournalScoutAttemptsAndConsentEndsAreChecked() throws {
        var reason = try quarantineReason(try sample { youth in edit(&youth, "journal") { $0["minutes"] = 5000 } })
        XCTAssertTrue(reason.contains("journal[0].minutes = \"5000\": een duur is 1 tot en met 1440 minuten"), reason)
        reason = try quarantineReason(try sample { youth in edit(&youth, "journal") { $0["kind"] = "telepathie" } })
        XCTAssertTrue(reason.contains("bij youth.journal[0].kind: onbekende code \"telepathie\""), reason)
        reason = try quarantineReason(try sample { youth in edit(&youth, "journal") { $0["principles"] = ["attention", "attention"] } })
        XCTAssertTrue(reason.contains("journal[0].principles = \"attention,attention\": elk principe één keer"), reason)
        reason = try quarantineReason(try sample { youth in edit(&youth, "journal") { $0["id"] = "../../etc" } })
        XCTAssertTrue(reason.contains("journal[0].id = \"../../etc\": letters, cijfers en streepjes"), "the id names a draft file: \(reason)")
        reason = try quarantineReason(try sample { youth in edit(&youth, "scoutAttempts") { $0["outcome"] = "misschien" } })
        XCTAssertTrue(reason.contains("bij youth.scoutAttempts[0].outcome: onbekende code \"misschien\""), reason)
        reason = try quarantineReason(try sample { youth in edit(&youth, "consents") { $0["until"] = "2020-01-01" } })
        XCTAssertTrue(reason.contains("consents[0].until: ligt vóór het begin"), reason)
        XCTAssertFalse(reason.contains("2020-01-01"), "a date is never quoted: \(reason)")
        reason = try quarantineReason(try sample { youth in
            edit(&youth, "meetings") { meeting in
                var agenda = meeting["agenda"] as! [[String: Any]]
                agenda[0]["id"] = "a/../../b"
                meeting["agenda"] = agenda
            }
        })
        XCTAssertTrue(reason.contains("meetings[0].agenda[0].id = \"a/../../b\": letters, cijfers en streepjes"), reason)
        reason = try quarantineReason(try sample { $0["agreedOn"] = "2026-02-31" })
        XCTAssertTrue(reason.contains("bij youth.agreedOn: geen bestaande datum"), reason)
    }

    func testImpossibleDatesAndTimesAreRefused() throws {
        var reason = try quarantineReason(try sample { $0["dateOfBirth"] = "2007-02-30" })
        XCTAssertTrue(reason.contains("bij youth.dateOfBirth: geen bestaande datum (jjjj-mm-dd, jaar 1 tot en met 9999)"), reason)
        XCTAssertFalse(reason.contains("2007"), "a date of birth is never quoted: \(reason)")
        reason = try quarantineReason(try sample { youth in edit(&youth, "meetings") { $0["time"] = "25:00" } })
        XCTAssertTrue(reason.contains("meetings[0].time = \"25:00\": een tijd is uu:mm of leeg"), reason)
        reason = try quarantineReason(try sample { youth in edit(&youth, "consents", at: 1) { $0["withdrawn"] = "2020-01-01" } })
        XCTAssertTrue(reason.contains("consents[1].withdrawn: ligt vóór het begin"), reason)
    }

    func testReferencesBetweenRecordsMustHold() throws {
        let ghost = "00000000-dead-4000-8000-000000000000"
        let cases: [(String, (inout [String: Any]) -> Void)] = [
            ("actions[1].owner.personID = \"\(ghost)\": die persoon staat niet", { y in self.edit(&y, "actions", at: 1) { $0["owner"] = ["kind": "person", "personID": ghost] } }),
            ("actions[1].meetingID = \"\(ghost)\": dat overleg bestaat niet", { y in self.edit(&y, "actions", at: 1) { $0["meetingID"] = ghost } }),
            ("meetings[0].participants[0].personID = \"\(ghost)\": die persoon bestaat niet", { y in
                self.edit(&y, "meetings") { m in m["participants"] = [["personID": ghost]] } }),
            ("meetings[0].agenda[3].source.actionID = \"\(ghost)\": die actie bestaat niet", { y in
                self.edit(&y, "meetings") { m in
                    var agenda = m["agenda"] as! [[String: Any]]
                    agenda[3]["source"] = ["kind": "action", "actionID": ghost]
                    m["agenda"] = agenda
                } }),
            ("meetings[0].agreements.roles = \"\(ghost)\": die persoon bestaat niet", { y in
                self.edit(&y, "meetings") { m in
                    var agreements = m["agreements"] as! [String: Any]
                    agreements["roles"] = [ghost: "helpt"]
                    m["agreements"] = agreements
                } }),
            ("consents[0].personID = \"\(ghost)\": die persoon bestaat niet", { y in self.edit(&y, "consents") { $0["personID"] = ghost } }),
            ("actions.id = \"0b5e7c3a-0003-4000-8000-0000000000c1\": dit nummer komt twee keer voor", { y in
                self.edit(&y, "actions", at: 1) { $0["id"] = "0b5e7c3a-0003-4000-8000-0000000000c1" } }),
            ("phase = \"coaching\": past niet bij de laatste fasewissel", { $0["phase"] = "coaching" }),
            ("phaseHistory = \"[]\": de fasegeschiedenis is leeg", { $0["phaseHistory"] = [Any]() }),
            ("professionals[0].kind = \"network\"", { y in self.edit(&y, "professionals") { $0["kind"] = "network" } }),
        ]
        for (expected, change) in cases {
            let reason = try quarantineReason(try sample(change))
            XCTAssertTrue(reason.contains("de inhoud klopt niet: " + expected), "expected \(expected) in: \(reason)")
            XCTAssertFalse(reason.contains("Sanne"), "no personal data in the reason")
        }
    }

    func testAValueInAReasonIsEscapedAndShort() throws {
        let reason = try quarantineReason(try sample { $0["phase"] = "\u{1B}]0;PWNED\u{07}" + String(repeating: "x", count: 80) })
        XCTAssertFalse(reason.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 }, reason)
        XCTAssertTrue(reason.contains("\\x1B]0;PWNED\\x07"), reason)
        XCTAssertLessThan(reason.count, 400)
    }
}
