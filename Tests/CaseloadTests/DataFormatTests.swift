@testable import Caseload
import Foundation
import XCTest

/// The data format is a promise to the files on coaches' disks. Tests/Samples holds a youth file
/// as each schema version wrote it; these tests keep every one of them readable and make a change
/// of what is written impossible without a new schemaVersion and a new sample.
final class DataFormatTests: XCTestCase {
    static let samples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Samples")

    static func sample(_ version: Int) throws -> Data {
        try Data(contentsOf: samples.appendingPathComponent("youth-v\(version).json"))
    }

    func testEverySchemaVersionHasASample() {
        for version in 1...CaseloadStore.schemaVersion {
            let path = Self.samples.appendingPathComponent("youth-v\(version).json").path
            XCTAssertTrue(FileManager.default.fileExists(atPath: path), "schema \(version) needs a sample: \(path)")
        }
    }

    /// settings.json has its own schemaVersion and sample: it reads, writes back exactly as the
    /// sample, and a missing name is the default.
    func testTheSettingsSampleReadsAndWritesTheSameShape() throws {
        let data = try Data(contentsOf: Self.samples.appendingPathComponent("settings-v\(CoachSettings.schemaVersion).json"))
        let settings = try CaseloadStore.decoder.decode(CoachSettings.self, from: data)
        XCTAssertEqual(settings.coachName, "Anna de Coach")
        XCTAssertEqual(settings.contactDays, 10)
        XCTAssertEqual(settings.measurementWeeks, [.one: 12, .two: 26, .three: 52])
        XCTAssertEqual(settings.phaseWeeks[.scout], 8)
        XCTAssertEqual(settings.talkWeeks, 8)
        XCTAssertEqual([settings.readyToCloseWeeks, settings.escalationWeeks, settings.retentionMonths], [10, 6, 36])
        XCTAssertEqual(settings.calendarNames, .firstName)
        // Schema 4 (no calendar names) reads with initials.
        let fourth = try CaseloadStore.decoder.decode(CoachSettings.self, from: try Data(contentsOf: Self.samples.appendingPathComponent("settings-v4.json")))
        XCTAssertEqual(fourth.calendarNames, .initials)
        // Schema 3 (no thresholds of the end of the method) reads with their defaults.
        let third = try CaseloadStore.decoder.decode(CoachSettings.self, from: try Data(contentsOf: Self.samples.appendingPathComponent("settings-v3.json")))
        XCTAssertEqual([third.readyToCloseWeeks, third.escalationWeeks, third.retentionMonths],
                       [CoachSettings.defaultReadyToCloseWeeks, CoachSettings.defaultEscalationWeeks, CoachSettings.defaultRetentionMonths])
        // Schema 2 (no talkWeeks) reads with the default of 6 weeks.
        let second = try Data(contentsOf: Self.samples.appendingPathComponent("settings-v2.json"))
        XCTAssertEqual(try CaseloadStore.decoder.decode(CoachSettings.self, from: second).talkWeeks, CoachSettings.defaultTalkWeeks)
        XCTAssertEqual(try CaseloadStore.encode(settings), data, "what is written changed: raise CoachSettings.schemaVersion and add a sample")
        XCTAssertEqual(try CaseloadStore.decoder.decode(CoachSettings.self, from: Data(#"{"schemaVersion": 1}"#.utf8)), CoachSettings())
        // Schema 1 (only a name) reads with the default thresholds.
        let first = try Data(contentsOf: Self.samples.appendingPathComponent("settings-v1.json"))
        XCTAssertEqual(try CaseloadStore.decoder.decode(CoachSettings.self, from: first), CoachSettings(coachName: "Anna de Coach"))
        for bad in [#"{"schemaVersion": 2, "contactDays": 0}"#, #"{"schemaVersion": 2, "phaseWeeks": {"closed": 3}}"#,
                    #"{"schemaVersion": 2, "measurementWeeks": {"one": 30, "two": 20}}"#, #"{"schemaVersion": 2, "phaseWeeks": {"scout": 9999}}"#,
                    #"{"schemaVersion": 3, "talkWeeks": 0}"#, #"{"schemaVersion": 4, "readyToCloseWeeks": 0}"#,
                    #"{"schemaVersion": 4, "escalationWeeks": 521}"#, #"{"schemaVersion": 4, "retentionMonths": 0}"#] {
            // The one validation of reading (and writing): `decodeDocument` runs it.
            XCTAssertThrowsError(try CaseloadStore.decodeDocument(CoachSettings.self, from: Data(bad.utf8), known: CoachSettings.schemaVersion), bad)
        }
    }

    /// A week's review has its own schemaVersion and sample: it reads, writes back exactly as the
    /// sample, and every key but the ids and the week may be missing.
    func testTheReviewSampleReadsAndWritesTheSameShape() throws {
        let data = try Data(contentsOf: Self.samples.appendingPathComponent("review-v\(WeeklyReview.schemaVersion).json"))
        let record = try CaseloadStore.decoder.decode(ReviewRecord.self, from: data)
        XCTAssertEqual(record.review.week.text, "2026-W48")
        XCTAssertEqual(record.review.items.map(\.reasons.count), [2, 2])
        XCTAssertEqual(record.review.items[1].reasons.map(\.rule), [.noProgressTalk, .escalationOpen])
        // Schemas 1 and 2 still read.
        let second = try Data(contentsOf: Self.samples.appendingPathComponent("review-v2.json"))
        XCTAssertEqual(try CaseloadStore.decoder.decode(ReviewRecord.self, from: second).review.items[1].reasons.map(\.rule), [.noProgressTalk])
        let first = try Data(contentsOf: Self.samples.appendingPathComponent("review-v1.json"))
        XCTAssertEqual(try CaseloadStore.decoder.decode(ReviewRecord.self, from: first).review.items.count, 2)
        XCTAssertEqual(record.review.items[0].note, "Huisvesting acuut.\nMoeder belt morgen.")
        XCTAssertNoThrow(try record.review.validate())
        XCTAssertEqual(try CaseloadStore.encode(record), data, "what is written changed: raise WeeklyReview.schemaVersion and add a sample")
        let bare = try CaseloadStore.decoder.decode(ReviewRecord.self, from: Data(#"{"schemaVersion": 1, "review": {"week": "2026-W48", "items": [{"youthID": "y1", "reasons": [{"rule": "noZRM"}]}]}}"#.utf8))
        XCTAssertEqual(bare.review.position, 0)
        XCTAssertEqual(bare.review.items[0].reasons, [ReviewReason(.noZRM, "")])
        XCTAssertEqual([bare.review.items[0].name, bare.review.items[0].note, bare.review.items[0].nextStep], ["", "", ""])
        XCTAssertFalse(bare.review.items[0].reviewed)
        for bad in [#"{"schemaVersion": 1, "review": {"items": []}}"#, #"{"schemaVersion": 1, "review": {"week": "2026-W60"}}"#,
                    #"{"schemaVersion": 1, "review": {"week": "2026-W48", "items": [{"youthID": "y", "reasons": [{"rule": "mood"}]}]}}"#] {
            XCTAssertThrowsError(try CaseloadStore.decoder.decode(ReviewRecord.self, from: Data(bad.utf8)), bad)
        }
    }

    /// The export file (handover and backup) is a promise too: the sample, a handover of the
    /// current youth sample, reads, writes back byte for byte and imports as the loader reads that youth.
    func testTheExportSampleReadsWritesBackAndImports() throws {
        let path = Self.samples.appendingPathComponent("export-v\(CaseloadStore.schemaVersion).json").path
        let export = try CaseloadExport.read(from: path)
        XCTAssertEqual(export.kind, .handover)
        XCTAssertEqual(try export.json(), try Data(contentsOf: URL(fileURLWithPath: path)),
                       "what an export writes changed: raise the schema it names and add a sample")
        let store = try CaseloadStore(directory: temporaryDirectory(self))
        let result = try store.importExport(export, replace: false)
        let youth = try Self.fullYouth()
        XCTAssertEqual(result.added, [youth.id])
        XCTAssertEqual(try store.youth(id: youth.id), youth)
    }

    /// erasures.json (issue 18) has its own schemaVersion and sample: it reads, writes back byte
    /// for byte, holds nothing but days and counts, and refuses a count below one or a day twice.
    func testTheErasureLogSampleReadsAndWritesTheSameShape() throws {
        let data = try Data(contentsOf: Self.samples.appendingPathComponent("erasures-v\(ErasureLog.schemaVersion).json"))
        let (log, _) = try CaseloadStore.decodeDocument(ErasureLog.self, from: data, known: ErasureLog.schemaVersion)
        XCTAssertEqual(log.erasures.map(\.count), [2, 1])
        XCTAssertEqual(try CaseloadStore.encode(log), data, "what is written changed: raise ErasureLog.schemaVersion and add a sample")
        XCTAssertEqual(Set(Self.shape(of: try JSONSerialization.jsonObject(with: data))),
                       [": object", ".schemaVersion: number", ".erasures: array", ".erasures[]: object", ".erasures[].count: number", ".erasures[].date: string"])
        for bad in [#"{"schemaVersion": 1, "erasures": [{"date": "2026-12-02", "count": 0}]}"#,
                    #"{"schemaVersion": 1, "erasures": [{"date": "2026-12-02"}, {"date": "2026-12-02"}]}"#] {
            XCTAssertThrowsError(try CaseloadStore.decodeDocument(ErasureLog.self, from: Data(bad.utf8), known: ErasureLog.schemaVersion), bad)
        }
    }

    func testEachSampleLoadsAndSavesBackAsTheCurrentVersionWithNothingDropped() throws {
        for version in 1...CaseloadStore.schemaVersion {
            let data = try Self.sample(version)
            let original = try XCTUnwrap(JSONSerialization.jsonObject(with: data) as? [String: Any])
            XCTAssertEqual(original["schemaVersion"] as? Int, version)
            let id = try XCTUnwrap((original["youth"] as? [String: Any])?["id"] as? String)

            let directory = temporaryDirectory(self)
            try FileManager.default.createDirectory(atPath: directory + "/youths", withIntermediateDirectories: true)
            try data.write(to: URL(fileURLWithPath: "\(directory)/youths/\(id).json"))
            let store = try CaseloadStore(directory: directory)
            XCTAssertEqual(store.notices, [], "schema \(version) opens without a notice")
            let youth = try store.youth(id: id)
            try store.save(youth, updatedAt: youth.updated)

            let savedData = try Data(contentsOf: URL(fileURLWithPath: "\(directory)/youths/\(id).json"))
            let saved = try XCTUnwrap(JSONSerialization.jsonObject(with: savedData) as? [String: Any])
            XCTAssertEqual(saved["schemaVersion"] as? Int, CaseloadStore.schemaVersion)
            let kept = Self.leaves(of: saved)
            for leaf in Self.leaves(of: Self.migrated(original)) where !kept.contains(leaf) {
                XCTFail("schema \(version): \(leaf) was dropped or changed on saving back")
            }
            XCTAssertEqual(try CaseloadStore(directory: directory, mode: .readOnly).youth(id: id), youth, "schema \(version) reads back the same")
        }
    }

    /// The old shapes written the new way, done here independently of the program's decoder:
    /// `{"person": {"_0": id}}` becomes `{"kind": "person", "personID": id}`, corrections hold codes.
    static func migrated(_ value: Any, key: String = "") -> Any {
        if let array = value as? [Any] { return array.map { migrated($0, key: key) } }
        guard var object = value as? [String: Any] else { return value }
        if key == "owner" || key == "source", object["kind"] == nil, let (kind, payload) = object.first {
            var tagged: [String: Any] = ["kind": kind]
            if let id = (payload as? [String: Any])?["_0"] { tagged[key == "owner" ? "personID" : "actionID"] = id }
            return tagged
        }
        if let field = object["field"] as? String, field == "date" || field == "moment" {
            let labels = ["0-meting": "zero", "1-meting": "one", "2-meting": "two", "3-meting": "three", "tussentijds": "interim"]
            for side in ["from", "to"] {
                guard let text = object[side] as? String else { continue }
                if field == "moment" { object[side] = labels[text] ?? text }
                let parts = text.split(separator: "-")
                if field == "date", parts.count == 3, parts[0].count == 2 { object[side] = "\(parts[2])-\(parts[1])-\(parts[0])" }
            }
        }
        if object["schemaVersion"] != nil { object["schemaVersion"] = CaseloadStore.schemaVersion }
        return object.mapValues { _ in 0 }.keys.reduce(into: [String: Any]()) { $0[$1] = migrated(object[$1]!, key: $1) }
    }

    /// Every leaf of a JSON value as "path = value", arrays by index.
    static func leaves(of value: Any, path: String = "") -> Set<String> {
        if let object = value as? [String: Any] {
            return object.reduce(into: Set<String>()) { $0.formUnion(leaves(of: $1.value, path: path + "." + $1.key)) }
        }
        if let array = value as? [Any] {
            return array.enumerated().reduce(into: Set<String>()) { $0.formUnion(leaves(of: $1.element, path: path + "[\($1.offset)]")) }
        }
        return ["\(path) = \(value)"]
    }

    // MARK: - The shape of what is written

    /// A youth with every field filled, every optional set and every list holding something, so
    /// that its encoding shows every key the program can write: the current sample, as this
    /// build reads it. A field added to any type is written when it is encoded again.
    static func fullYouth() throws -> Youth {
        let (youth, _) = try CaseloadStore.decodeYouth(try sample(CaseloadStore.schemaVersion))
        return youth
    }

    /// The keys and value types of a JSON value, arrays folded to `[]`: what a schema is.
    static func shape(of value: Any, path: String = "") -> Set<String> {
        if let object = value as? [String: Any] {
            var result: Set<String> = ["\(path): object"]
            for (key, child) in object {
                // Maps by code or id (scores, situation, roles) are one shape whatever their keys.
                let isMap = ["scores", "situation", "basicSkills", "roles"].contains(path.split(separator: ".").last.map(String.init) ?? "")
                result.formUnion(shape(of: child, path: path + "." + (isMap ? "*" : key)))
            }
            return result
        }
        if let array = value as? [Any] {
            return array.reduce(into: ["\(path): array"]) { $0.formUnion(shape(of: $1, path: path + "[]")) }
        }
        switch value {
        case is String: return ["\(path): string"]
        case _ where "\(type(of: value))".contains("Bool"): return ["\(path): bool"]
        case is NSNumber: return ["\(path): number"]
        default: return ["\(path): null"]
        }
    }

    func testTheEncodedShapeMatchesTheSampleOfTheCurrentSchema() throws {
        let youth = try Self.fullYouth()
        let written = try JSONSerialization.jsonObject(with: try CaseloadStore.encode(YouthRecord(youth: youth)))
        let sample = try JSONSerialization.jsonObject(with: try Self.sample(CaseloadStore.schemaVersion))
        let added = Self.shape(of: written).subtracting(Self.shape(of: sample)).sorted()
        let removed = Self.shape(of: sample).subtracting(Self.shape(of: written)).sorted()
        XCTAssertTrue(added.isEmpty && removed.isEmpty, """
            What is written changed (added \(added), removed \(removed)). Raise CaseloadStore.schemaVersion, add \
            Tests/Samples/youth-v\(CaseloadStore.schemaVersion + 1).json as the new version writes it, and describe it in docs/data-format.md.
            """)
    }

    func testTheFullYouthLeavesNoOptionalEmpty() throws {
        // Otherwise a new optional field would be left out of the encoding, and of the shape test.
        // Each optional field must be set in at least one place (a list may hold empty ones too).
        var filled: [String: Bool] = [:]
        func check(_ value: Any, _ path: String) {
            let mirror = Mirror(reflecting: value)
            if mirror.displayStyle == .optional {
                guard let child = mirror.children.first else { return filled[path] = filled[path] ?? false }
                filled[path] = true
                return check(child.value, path)
            }
            if value is String || value is Date || value is LocalDate || value is Int || value is Bool { return }
            let isList = mirror.displayStyle == .collection || mirror.displayStyle == .dictionary
            for child in mirror.children {
                check(child.value, isList ? path + "[]" : path + "." + (child.label ?? "?"))
            }
        }
        let youth = try Self.fullYouth()
        check(youth, "youth")
        XCTAssertGreaterThan(filled.count, 10)
        for (path, isFilled) in filled.sorted(by: { $0.key < $1.key }) where !isFilled {
            XCTFail("\(path) is nil everywhere in the sample: fill it, so the shape test sees it")
        }
        XCTAssertTrue(youth.actions.contains { $0.due == nil }, "the sample also has an action without a deadline")
    }

    // MARK: - Tolerant decoding

    /// Keys that every version wrote and that have no sensible default (ids, names, dates).
    static let requiredKeys: Set<String> = [
        "schemaVersion", "youth", "youth.id", "youth.name", "youth.phase", "youth.phaseHistory", "youth.phaseHistory[].to",
        "youth.phaseHistory[].date", "youth.created",
        "youth.measurements[].id", "youth.measurements[].date", "youth.measurements[].corrections[].date",
        "youth.measurements[].corrections[].field",
        "youth.actions[].id", "youth.actions[].what", "youth.actions[].created",
        "youth.network[].id", "youth.network[].kind", "youth.network[].name",
        "youth.professionals[].id", "youth.professionals[].kind", "youth.professionals[].name",
        "youth.meetings[].id", "youth.meetings[].date", "youth.meetings[].participants[].personID", "youth.meetings[].agenda[].id",
        "youth.consents[].id", "youth.consents[].personID", "youth.consents[].from",
        "youth.journal[].id", "youth.journal[].date", "youth.scoutAttempts[].id", "youth.scoutAttempts[].date",
        "youth.placements[].id", "youth.placements[].workplaceID", "youth.placements[].kind", "youth.placements[].start",
        "youth.progressTalks[].id", "youth.progressTalks[].date", "youth.progressTalks[].placementID",
        "youth.borgSteps[].intensity", "youth.borgSteps[].date",
        "youth.closures[].id", "youth.closures[].date", "youth.closures[].from", "youth.closures[].outcome",
        "youth.reopenings[].date", "youth.reopenings[].phase",
        "youth.escalations[].id", "youth.escalations[].level", "youth.escalations[].block", "youth.escalations[].raisedOn",
        // Inside a tagged value the kind says what it is, and a person or action needs its id.
        "youth.actions[].owner.kind", "youth.actions[].owner.personID",
        "youth.meetings[].agenda[].source.kind", "youth.meetings[].agenda[].source.actionID",
    ]

    func testEveryOtherKeyOfEveryStoredTypeMayBeMissing() throws {
        let sample = try JSONSerialization.jsonObject(with: try Self.sample(CaseloadStore.schemaVersion))
        var tried = 0
        // Every key path in the sample, each removed on its own (from every element of a list).
        // Decoding only: a list that is left out may leave references that validation refuses.
        for keyPath in Self.keyPaths(of: sample) where !Self.requiredKeys.contains(keyPath.folded) {
            let stripped = Self.removing(keyPath.components, from: sample)
            let data = try JSONSerialization.data(withJSONObject: stripped)
            XCTAssertNoThrow(try CaseloadStore.decoder.decode(YouthRecord.self, from: data), "without \(keyPath.folded) the file must still open")
            tried += 1
        }
        XCTAssertGreaterThan(tried, 60)
        for required in Self.requiredKeys where !["schemaVersion", "youth"].contains(required) {
            let keyPath = KeyPath(components: required.replacingOccurrences(of: "[]", with: "").split(separator: ".").map(String.init))
            let data = try JSONSerialization.data(withJSONObject: Self.removing(keyPath.components, from: sample))
            XCTAssertThrowsError(try CaseloadStore.decoder.decode(YouthRecord.self, from: data), "\(required) is required")
        }
    }

    func testMissingKeysGetTheirDocumentedDefaults() throws {
        let json = #"""
        {"schemaVersion": 4, "youth": {"id": "y1", "name": "Kaal", "phase": "scout", "created": "2026-01-02T10:00:00Z",
         "phaseHistory": [{"to": "scout", "date": "2026-01-02"}],
         "measurements": [{"id": "m1", "date": "2026-01-03", "scores": {"housing": {}}, "corrections": [{"date": "2026-01-04", "field": "date"}]}],
         "quickScan": {"bsa": {}}, "changePlan": {},
         "network": [{"id": "p1", "kind": "network", "name": "Moeder"}],
         "actions": [{"id": "a1", "what": "bellen", "created": "2026-01-03"}],
         "meetings": [{"id": "o1", "date": "2026-01-05", "participants": [{"personID": "p1"}], "agenda": [{"id": "i1"}], "agreements": {}}],
         "consents": [{"id": "c1", "personID": "p1", "from": "2026-01-03"}]}}
        """#
        let (youth, _) = try CaseloadStore.decodeYouth(Data(json.utf8))
        XCTAssertEqual(youth.municipality, "")
        XCTAssertEqual(youth.updated, youth.created, "updated defaults to created")
        let measurement = youth.measurements[0]
        XCTAssertEqual(measurement.moment, .interim)
        XCTAssertEqual(measurement.recordedOn, measurement.date, "recorded on the day it is dated")
        XCTAssertEqual(measurement.scores["housing"], DomainScore())
        XCTAssertEqual(measurement.corrections[0].from, "")
        XCTAssertEqual(youth.quickScan, QuickScan())
        XCTAssertEqual(youth.changePlan, ChangePlan())
        XCTAssertEqual(youth.network[0].relation, "")
        XCTAssertEqual(youth.actions[0].owner, .coach, "an action without owner is the coach's")
        XCTAssertEqual(youth.actions[0].status, .open)
        XCTAssertEqual(youth.meetings[0].time, "")
        XCTAssertNil(youth.meetings[0].participants[0].attended)
        XCTAssertEqual(youth.meetings[0].agenda[0].source, .free)
        XCTAssertEqual(youth.meetings[0].agenda[0].title, "")
        XCTAssertEqual(youth.meetings[0].agreements, MeetingAgreements())
        XCTAssertEqual(youth.consents[0].what, "")
    }

    // MARK: - Stable encodings

    func testOwnersAndSourcesAreWrittenAsDocumentedCodes() throws {
        let youth = try Self.fullYouth()
        let text = String(decoding: try CaseloadStore.encode(YouthRecord(youth: youth)), as: UTF8.self)
        XCTAssertFalse(text.contains("_0"), "no compiler artefacts")
        func encoded<T: Encodable>(_ value: T) throws -> String {
            let encoder = JSONEncoder()
            encoder.outputFormatting = .sortedKeys
            return String(decoding: try encoder.encode(value), as: UTF8.self)
        }
        XCTAssertEqual(try encoded(ActionOwner.person("p1")), #"{"kind":"person","personID":"p1"}"#)
        XCTAssertEqual(try encoded(ActionOwner.youth), #"{"kind":"youth"}"#)
        XCTAssertEqual(try encoded(AgendaItem.Source.action("a1")), #"{"actionID":"a1","kind":"action"}"#)
        XCTAssertEqual(try encoded(AgendaItem.Source.free), #"{"kind":"free"}"#)
        let decoder = JSONDecoder()
        XCTAssertEqual(try decoder.decode(ActionOwner.self, from: Data(#"{"person":{"_0":"p1"}}"#.utf8)), .person("p1"), "schema 3 still reads")
        XCTAssertEqual(try decoder.decode(AgendaItem.Source.self, from: Data(#"{"free":{}}"#.utf8)), .free)
        XCTAssertThrowsError(try decoder.decode(ActionOwner.self, from: Data(#"{"kind":"buurman"}"#.utf8)))
        XCTAssertThrowsError(try decoder.decode(ActionOwner.self, from: Data(#"{"kind":"person"}"#.utf8)))
    }

    /// Every code of every stored enum, written out: a renamed case (or a raw value left to the
    /// compiler) that changes what a file holds fails here before it reaches a coach's disk.
    func testEveryCodeOfEveryStoredEnumIsPinned() throws {
        pin([Phase.scout: "scout", .quickScan: "quickScan", .matchAndWrapAround: "matchAndWrapAround", .coaching: "coaching",
             .borg: "borg", .closed: "closed"])
        pin([Channel.neighbourhoodOfficer: "neighbourhoodOfficer", .youthWorker: "youthWorker", .safetyHouse: "safetyHouse",
             .school: "school", .rmcCompulsoryEducation: "rmcCompulsoryEducation", .youthDesk: "youthDesk", .street: "street",
             .sportsClub: "sportsClub", .musicStudio: "musicStudio", .barbershop: "barbershop", .other: "other"])
        pin([MeasurementMoment.zero: "zero", .one: "one", .two: "two", .three: "three", .interim: "interim"])
        pin([SkillImpression.attention: "attention", .sufficient: "sufficient", .strong: "strong"])
        pin([Suspicion.yes: "yes", .no: "no", .unknown: "unknown"])
        pin([MainStrategy.facilitate: "facilitate", .teach: "teach", .takeOverAndStructure: "takeOverAndStructure", .coCreate: "coCreate"])
        pinRawValues([ChangePlan.Part.goal: "goal", .mattersMost: "mattersMost", .youthDoes: "youthDoes", .canLearn: "canLearn",
             .networkDoes: "networkDoes", .takenOver: "takenOver", .remember: "remember"])
        pin([Person.Kind.network: "network", .professional: "professional"])
        pin([ActionStatus.open: "open", .done: "done", .cancelled: "cancelled"])
        pin([ContactKind.atHome: "atHome", .onTheStreet: "onTheStreet", .atSchoolOrWork: "atSchoolOrWork", .phone: "phone",
             .message: "message", .withNetwork: "withNetwork", .withProfessional: "withProfessional", .failedAttempt: "failedAttempt"])
        pin([WorkingPrinciple.normalise: "normalise", .attention: "attention", .chances: "chances", .structure: "structure",
             .skills: "skills", .dreams: "dreams"])
        pin([AttemptChannel.visit: "visit", .street: "street", .phone: "phone", .message: "message", .introduction: "introduction",
             .other: "other"])
        pin([AttemptOutcome.notReached: "notReached", .spoke: "spoke", .appointment: "appointment", .declined: "declined"])
        pin([ReviewRule.acuteDomain: "acuteDomain", .overdueAction: "overdueAction", .noContact: "noContact",
             .meetingThisWeek: "meetingThisWeek", .measurementDue: "measurementDue", .consentProblem: "consentProblem",
             .noProgressTalk: "noProgressTalk", .escalationOpen: "escalationOpen", .noZRM: "noZRM", .phaseTooLong: "phaseTooLong"])
        pin([PlaceKind.job: "job", .workExperience: "workExperience", .internship: "internship", .education: "education",
             .learnAndWork: "learnAndWork", .dayActivity: "dayActivity"])
        pin([PlacementStatus.planned: "planned", .running: "running", .ended: "ended"])
        pin([PlacementEnding.completed: "completed", .stoppedByYouth: "stoppedByYouth", .stoppedByEmployer: "stoppedByEmployer",
             .caseClosed: "caseClosed", .other: "other"])
        pin([BorgIntensity.intensive: "intensive", .light: "light", .phasedOut: "phasedOut"])
        pin([Outcome.regularWork: "regularWork", .subsidisedWork: "subsidisedWork", .education: "education", .ownBusiness: "ownBusiness",
             .moved: "moved", .stoppedByYouth: "stoppedByYouth", .handedOver: "handedOver", .other: "other"])
        pin([ActionsOnClosing.closedWithCase: "closedWithCase", .kept: "kept"])
        pin([PlacementsOnClosing.ended: "ended", .kept: "kept"])
        pin([EscalationLevel.municipal: "municipal", .national: "national"])
        pin([EscalationBlock.municipalPolicy: "municipalPolicy", .lawOrRegulation: "lawOrRegulation", .breakthrough: "breakthrough"])
        pin([Compensation.wageSubsidy: "wageSubsidy", .noRiskPolicy: "noRiskPolicy", .trialPlacement: "trialPlacement", .other: "other"])
        pin([SkillLevel.notYet: "notYet", .sometimes: "sometimes", .mostly: "mostly", .always: "always"])
        pin([ConsentPurpose.sharing: "sharing", .research: "research"])
        pin([CalendarNames.initials: "initials", .firstName: "firstName"])
        pinRawValues([WorkplaceScan.Text.atmosphere: "atmosphere", .tasks: "tasks", .functionalSkills: "functionalSkills",
                      .socialSkills: "socialSkills", .leadership: "leadership", .network: "network"])
        // The kinds of the tagged values, every case (a switch without default: a new case must be added here).
        let owners: [ActionOwner] = [.youth, .coach, .person("p1")]
        for owner in owners {
            switch owner {
            case .youth: XCTAssertEqual(try encoded(owner), #"{"kind":"youth"}"#)
            case .coach: XCTAssertEqual(try encoded(owner), #"{"kind":"coach"}"#)
            case .person: XCTAssertEqual(try encoded(owner), #"{"kind":"person","personID":"p1"}"#)
            }
        }
        let sources: [AgendaItem.Source] = [.goal, .mattersMost, .strategy, .free, .action("a1")]
        for source in sources {
            switch source {
            case .goal: XCTAssertEqual(try encoded(source), #"{"kind":"goal"}"#)
            case .mattersMost: XCTAssertEqual(try encoded(source), #"{"kind":"mattersMost"}"#)
            case .strategy: XCTAssertEqual(try encoded(source), #"{"kind":"strategy"}"#)
            case .free: XCTAssertEqual(try encoded(source), #"{"kind":"free"}"#)
            case .action: XCTAssertEqual(try encoded(source), #"{"actionID":"a1","kind":"action"}"#)
            }
        }
        let texts: [QuickScanText: String] = [.motivation: "motivation", .wishes: "wishes", .talents: "talents", .network: "network",
                                              .fileInformation: "fileInformation", .bsaOutcome: "bsaOutcome", .situation("housing"): "situation-housing"]
        for (text, code) in texts {
            XCTAssertEqual(text.stored, code)
            XCTAssertEqual(QuickScanText(stored: code), text)
        }
    }

    /// `codes` lists every case with its code, which is its raw value (for a code stored inside
    /// another text, such as a plan part in a draft's field name).
    private func pinRawValues<T: RawRepresentable<String> & CaseIterable & Hashable>(_ codes: [T: String],
                                                                                  file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(Set(codes.keys), Set(T.allCases), "every case of \(T.self) is pinned", file: file, line: line)
        for (value, code) in codes {
            XCTAssertEqual(value.rawValue, code, file: file, line: line)
            XCTAssertEqual(T(rawValue: code), value, file: file, line: line)
        }
    }

    /// The same for a stored enum: each case is also written as its code in JSON and reads back.
    private func pin<T: RawRepresentable<String> & CaseIterable & Hashable & Codable>(_ codes: [T: String],
                                                                                   file: StaticString = #filePath, line: UInt = #line) {
        pinRawValues(codes, file: file, line: line)
        for (value, code) in codes {
            XCTAssertEqual(try encoded([value]), "[\"\(code)\"]", file: file, line: line)
            XCTAssertEqual(try JSONDecoder().decode([T].self, from: Data("[\"\(code)\"]".utf8)), [value], file: file, line: line)
        }
    }

    private func encoded<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    func testCorrectionsStoreCodesAndISODates() throws {
        var m = ZRMMeasurement(date: LocalDate(year: 2026, month: 3, day: 2)!, moment: .zero, scoredBy: "", recordedOn: LocalDate(year: 2026, month: 3, day: 2)!)
        let later = LocalDate(year: 2026, month: 3, day: 9)!
        try m.setDate(LocalDate(year: 2026, month: 3, day: 1)!, today: later)
        m.setMoment(.one, today: later)
        XCTAssertEqual(m.corrections.map(\.from), ["2026-03-02", "zero"])
        XCTAssertEqual(m.corrections.map(\.to), ["2026-03-01", "one"])
        let old = #"{"date": "2026-03-09", "field": "moment", "from": "0-meting", "to": "tussentijds"}"#
        let read = try JSONDecoder().decode(Correction.self, from: Data(old.utf8))
        XCTAssertEqual([read.from, read.to], ["zero", "interim"], "schema 3's Dutch labels read as codes")
    }

    // MARK: - Helpers for key paths in a JSON value

    struct KeyPath: Hashable {
        var components: [String]
        /// With list positions folded away: "youth.actions[].owner".
        var folded: String {
            components.enumerated().map { $1.hasPrefix("#") ? "[]" : ($0 == 0 ? $1 : "." + $1) }.joined()
        }
    }

    static func keyPaths(of value: Any, prefix: [String] = []) -> Set<KeyPath> {
        if let object = value as? [String: Any] {
            return object.reduce(into: Set<KeyPath>()) { result, entry in
                result.insert(KeyPath(components: prefix + [entry.key]))
                result.formUnion(keyPaths(of: entry.value, prefix: prefix + [entry.key]))
            }
        }
        if let array = value as? [Any] {
            return array.reduce(into: Set<KeyPath>()) { $0.formUnion(keyPaths(of: $1, prefix: prefix + ["#"])) }
        }
        return []
    }

    /// The value with the key at `path` removed (in every element where the path passes a list).
    static func removing(_ path: [String], from value: Any) -> Any {
        guard let first = path.first else { return value }
        let rest = Array(path.dropFirst())
        if let array = value as? [Any] {
            return array.map { removing(first == "#" ? rest : path, from: $0) }
        }
        guard var object = value as? [String: Any] else { return value }
        if rest.isEmpty {
            object.removeValue(forKey: first)
        } else if let child = object[first] {
            object[first] = removing(rest, from: child)
        }
        return object
    }
}
