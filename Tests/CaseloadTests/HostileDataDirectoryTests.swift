@testable import Caseload
import Foundation
import XCTest

/// A data directory edited by hand or by an attacker: what the program reads it must be able to
/// write back, no list grows without bound, every file it owns is private from the start, a failed
/// write leaves nothing behind, and the summary cache is checked like any file.
final class HostileDataDirectoryTests: XCTestCase {
    let now = Date(timeIntervalSince1970: 1_795_000_000)
    let today = LocalDate(year: 2026, month: 11, day: 22)!

    // MARK: - Timestamps the writer can write

    func testATimeWhoseInstantInUTCIsOutsideYears1To9999IsRefused() {
        for bad in ["9999-12-31T23:59:59-23:59", "9999-12-31T23:59:59-00:01", "0001-01-01T00:00:00+23:59", "0001-01-01T00:00:00+00:01"] {
            XCTAssertNil(StoredTimestamp.date(from: bad), bad)
        }
        XCTAssertNotNil(StoredTimestamp.date(from: "9999-12-31T23:59:59+00:00"))
        XCTAssertNotNil(StoredTimestamp.date(from: "0001-01-01T23:59:00+23:59"))
        XCTAssertNil(StoredTimestamp.text(for: Date(timeIntervalSince1970: TimeInterval(StoredTimestamp.writable.upperBound + 1))))
        XCTAssertNil(StoredTimestamp.text(for: Date(timeIntervalSince1970: TimeInterval(StoredTimestamp.writable.lowerBound - 1))))
        XCTAssertNil(StoredTimestamp.text(for: Date(timeIntervalSince1970: 1e15)))
    }

    /// Every moment the writer writes reads back as itself, also before the Gregorian reform of
    /// 1582 (where Foundation's own ISO 8601 writer would use the Julian calendar).
    func testEveryWritableMomentReadsBackAsItself() throws {
        let edges = ["0001-01-01T00:00:00Z", "0001-01-01T00:00:01Z", "1582-10-04T12:00:00Z", "1582-10-15T00:00:00Z",
                     "1969-12-31T23:59:59Z", "1970-01-01T00:00:00Z", "2024-02-29T23:59:59Z", "9999-12-31T23:59:59Z"]
        for text in edges {
            let date = try XCTUnwrap(StoredTimestamp.date(from: text), text)
            XCTAssertEqual(StoredTimestamp.text(for: date), text)
            let written = try CaseloadStore.encode([date])
            XCTAssertEqual(String(decoding: written, as: UTF8.self), "[\n  \"\(text)\"\n]\n")
            XCTAssertEqual(try CaseloadStore.decoder.decode([Date].self, from: written), [date])
        }
        XCTAssertEqual(StoredTimestamp.text(for: Date(timeIntervalSince1970: -0.5)), "1969-12-31T23:59:59Z", "a fraction is dropped, as before")
        XCTAssertThrowsError(try CaseloadStore.encode([Date(timeIntervalSince1970: 1e15)]), "a moment that could not be read back is not written")
    }

    func testAYouthCreatedWithAnOffsetPastTheEdgeGoesToQuarantineNamingTheField() throws {
        for (field, value) in [("created", "9999-12-31T23:59:59-23:59"), ("created", "0001-01-01T00:00:00+23:59"),
                               ("updated", "9999-12-31T23:30:00-00:31")] {
            let (store, directory) = try storeWithSample { $0[field] = value }
            XCTAssertEqual(store.count, 0, value)
            let message = store.notices.map(\.message).joined()
            XCTAssertTrue(message.contains("bij youth.\(field): geen tijdstip dat Rode Loper kan schrijven (in UTC jaar 1 tot en met 9999)"), message)
            XCTAssertFalse(message.contains(value), "a time is never quoted")
            XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: directory + "/quarantine").count, 1)
        }
    }

    /// At both edges a time with an offset is read, written back in UTC after an edit, and read
    /// again as the same instant: the youth never goes to quarantine.
    func testATimeAtEitherEdgeSurvivesAnEditAndARestart() throws {
        for (stored, written) in [("9999-12-31T00:00:00-23:59", "9999-12-31T23:59:00Z"), ("9999-12-31T23:59:59Z", "9999-12-31T23:59:59Z"),
                                  ("0001-01-01T23:59:00+23:59", "0001-01-01T00:00:00Z"), ("0001-01-01T00:00:00Z", "0001-01-01T00:00:00Z")] {
            var (store, directory) = try storeWithSample { $0["created"] = stored }
            XCTAssertEqual(store.notices, [], stored)
            let id = try XCTUnwrap(store.summaries.first?.id)
            var youth = try store.youth(id: id)
            let created = youth.created
            youth.phone = "06 1234 5678"
            try store.save(youth)
            store = try CaseloadStore(directory: temporaryDirectory(self))   // lets go of the lock
            let file = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: "\(directory)/youths/\(id).json"))) as? [String: Any])
            XCTAssertEqual((file["youth"] as? [String: Any])?["created"] as? String, written)
            let reopened = try CaseloadStore(directory: directory, clock: { self.now })
            XCTAssertEqual(reopened.notices, [], stored)
            XCTAssertEqual(try reopened.youth(id: id).created, created)
        }
    }

    func testAReviewStartedPastTheEdgeGoesToQuarantineNamingTheField() throws {
        let directory = temporaryDirectory(self)
        try FileManager.default.createDirectory(atPath: directory + "/reviews", withIntermediateDirectories: true)
        let review = #"{"schemaVersion": 1, "review": {"week": "2026-W48", "started": "9999-12-31T23:59:59-23:59", "items": [], "position": 0}}"#
        try Data(review.utf8).write(to: URL(fileURLWithPath: directory + "/reviews/2026-W48.json"))
        let store = try CaseloadStore(directory: directory, clock: { self.now })
        XCTAssertNil(store.review(of: ReviewWeek(text: "2026-W48")!))
        let message = store.notices.map(\.message).joined()
        XCTAssertTrue(message.contains("bij review.started: geen tijdstip dat Rode Loper kan schrijven"), message)
    }

    // MARK: - The quarantine log keeps the newest 500

    func testAQuarantineLogOfThousandsKeepsTheNewest500OnLoadAndOnWrite() throws {
        let directory = temporaryDirectory(self)
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let entries = (0..<2_000).map { QuarantinedFile(file: "f\($0).json", from: "youths/f\($0).json", reason: "r", youthName: nil, at: now) }
        try CaseloadStore.encode(UnlimitedLog(files: entries)).write(to: URL(fileURLWithPath: directory + "/quarantine.json"))
        func onDisk() throws -> [String] {
            let data = try Data(contentsOf: URL(fileURLWithPath: directory + "/quarantine.json"))
            return try CaseloadStore.decoder.decode(StoredLog.self, from: data).files.map(\.file)
        }
        XCTAssertEqual(try onDisk().count, 2_000)

        var store: CaseloadStore? = try CaseloadStore(directory: directory, clock: { self.now })
        XCTAssertEqual(store?.quarantined.count, 500)
        XCTAssertEqual(store?.quarantined.first?.file, "f1500.json")
        XCTAssertEqual(store?.quarantined.last?.file, "f1999.json")
        XCTAssertEqual(try onDisk(), (1_500..<2_000).map { "f\($0).json" }, "written back shorter at once")

        try Data("{".utf8).write(to: URL(fileURLWithPath: directory + "/youths/kapot.json"))
        store = nil
        store = try CaseloadStore(directory: directory, clock: { self.now })
        XCTAssertEqual(store?.quarantined.count, 500)
        XCTAssertEqual(store?.quarantined.last?.from, "youths/kapot.json", "the new one is kept, the oldest dropped")
        XCTAssertEqual(try onDisk().count, 500)
        XCTAssertEqual(try onDisk().first, "f1501.json")
        store?.markQuarantineSeen()
        XCTAssertEqual(try onDisk().count, 500)

        // Read-only: the log is shortened in memory, the file left as it is.
        try CaseloadStore.encode(UnlimitedLog(files: entries)).write(to: URL(fileURLWithPath: directory + "/quarantine.json"))
        store = nil
        XCTAssertEqual(try CaseloadStore(directory: directory, mode: .readOnly).quarantined.count, 500)
        XCTAssertEqual(try onDisk().count, 2_000)
    }

    // MARK: - Private from the start

    /// A data directory an earlier version or a copy left readable by others: every folder the
    /// program owns and every file in them and at the top is private once the program starts.
    func testEveryFolderAndFileOfOursIsTightenedAtStart() throws {
        let directory = temporaryDirectory(self)
        let youth = try Youth(name: "Zoë Çelik", now: now, today: today)
        do {
            let store = try CaseloadStore(directory: directory, clock: { self.now })
            try store.save(youth)
            try store.saveSettings(CoachSettings(coachName: "Anna"))
            try store.save(WeeklyReview(week: ReviewWeek(containing: today), started: now, items: []))
            try store.saveDraft(Draft(youthID: youth.id, field: "changePlan.goal", text: "half", saved: now))
            try Data("{".utf8).write(to: URL(fileURLWithPath: directory + "/youths/kapot.json"))
            // erasures.json
            try store.erase(id: try store.save(try Youth(name: "Gewist", now: now, today: today)).id, today: today)
            _ = try store.pseudonyms(create: true)   // research.json
            store.saveIndex()
        }
        _ = try CaseloadStore(directory: directory, clock: { self.now })   // quarantine/ and quarantine.json
        try FileManager.default.createDirectory(atPath: directory + "/exports", withIntermediateDirectories: false)
        try Data("# plan\n".utf8).write(to: URL(fileURLWithPath: directory + "/exports/veranderplan.md"))
        try CaseloadStore(directory: directory, clock: { self.now }).save(try Workplace(name: "Bakkerij", now: now, id: "w1"))
        let folders = CaseloadStore.ownFolders.map { directory + "/" + $0 }
        var files = try folders.flatMap { folder in try FileManager.default.contentsOfDirectory(atPath: folder).map { folder + "/" + $0 } }
        files += CaseloadStore.ownFiles.map { directory + "/" + $0 }
        XCTAssertEqual(files.count, 11, "\(files)")
        for file in files { XCTAssertEqual(chmod(file, 0o644), 0, file) }
        for folder in folders { XCTAssertEqual(chmod(folder, 0o755), 0, folder) }
        chmod(directory, 0o755)
        // A file with another name outside, and a link to a file outside: both keep their mode.
        let outside = temporaryDirectory(self)
        try FileManager.default.createDirectory(atPath: outside, withIntermediateDirectories: true)
        try Data("x".utf8).write(to: URL(fileURLWithPath: outside + "/linked.md"))
        try Data("y".utf8).write(to: URL(fileURLWithPath: outside + "/target.md"))
        chmod(outside + "/linked.md", 0o644)
        chmod(outside + "/target.md", 0o644)
        XCTAssertEqual(link(outside + "/linked.md", directory + "/exports/gedeeld.md"), 0)
        XCTAssertEqual(symlink(outside + "/target.md", directory + "/exports/koppeling.md"), 0)

        let store = try CaseloadStore(directory: directory, clock: { self.now })
        XCTAssertNil(store.readOnlyReason)
        for folder in folders { XCTAssertEqual(permissions(folder), 0o700, folder) }
        for file in files { XCTAssertEqual(permissions(file), 0o600, file) }
        XCTAssertEqual(permissions(outside + "/linked.md"), 0o644, "a file with another name keeps its mode")
        XCTAssertEqual(permissions(outside + "/target.md"), 0o644, "nothing is changed through a link")
        XCTAssertEqual(permissions(directory), 0o755, "the data directory the coach chose keeps its mode")
    }

    func testTighteningOnlyRemovesAndNeverFollowsALinkedFolder() throws {
        let directory = temporaryDirectory(self)
        _ = try CaseloadStore(directory: directory, clock: { self.now })
        // exports/ made read-only by the coach stays read-only; only group and other lose their bits.
        try FileManager.default.createDirectory(atPath: directory + "/exports", withIntermediateDirectories: false)
        try Data("# plan\n".utf8).write(to: URL(fileURLWithPath: directory + "/exports/veranderplan.md"))
        chmod(directory + "/exports/veranderplan.md", 0o444)
        chmod(directory + "/exports", 0o555)
        // reviews/ is a link to a folder elsewhere: neither it nor what it holds changes.
        let outside = temporaryDirectory(self)
        try FileManager.default.createDirectory(atPath: outside, withIntermediateDirectories: true)
        try Data("x".utf8).write(to: URL(fileURLWithPath: outside + "/2026-W48.json"))
        chmod(outside + "/2026-W48.json", 0o644)
        chmod(outside, 0o755)
        XCTAssertEqual(symlink(outside, directory + "/reviews"), 0)
        // index.cache as a folder is not a file of ours: left as it is.
        try FileManager.default.removeItem(atPath: directory + "/index.cache")
        try FileManager.default.createDirectory(atPath: directory + "/index.cache", withIntermediateDirectories: false)
        chmod(directory + "/index.cache", 0o755)

        _ = try CaseloadStore(directory: directory, clock: { self.now })
        XCTAssertEqual(permissions(directory + "/exports"), 0o500)
        XCTAssertEqual(permissions(directory + "/exports/veranderplan.md"), 0o400)
        XCTAssertEqual(permissions(outside), 0o755)
        XCTAssertEqual(permissions(outside + "/2026-W48.json"), 0o644)
        XCTAssertEqual(permissions(directory + "/index.cache"), 0o755)
        chmod(directory + "/exports", 0o700)   // so the test can clean up
    }

    // MARK: - A failed write leaves nothing behind

    /// `index.cache` a folder: the cache cannot be written, and no start leaves its temporary file
    /// (names and dates of birth) beside it.
    func testAFolderInPlaceOfTheIndexLeavesNoTemporaryFile() throws {
        let directory = temporaryDirectory(self)
        try CaseloadStore(directory: directory, clock: { self.now }).save(try Youth(name: "Zoë Çelik", now: now, today: today))
        try FileManager.default.removeItem(atPath: directory + "/index.cache")
        try FileManager.default.createDirectory(atPath: directory + "/index.cache/binnen", withIntermediateDirectories: true)
        for _ in 0..<3 {
            let store = try CaseloadStore(directory: directory, clock: { self.now })
            XCTAssertEqual(store.count, 1)
            store.saveIndex()
        }
        let names = try FileManager.default.contentsOfDirectory(atPath: directory).sorted()
        XCTAssertEqual(names, [".lock", "index.cache", "youths"])
    }

    /// Each failure after the temporary file exists removes it: nothing half-saved (with names in
    /// it) stays beside the files, in youths/ or at the top.
    func testEveryFailedWriteRemovesItsTemporaryFile() throws {
        for failure in [PrivateFiles.SimulatedFailure.diskFullWhileWriting, .renameFails] {
            let directory = temporaryDirectory(self)
            let store = try CaseloadStore(directory: directory, clock: { self.now })
            store.simulate = failure
            XCTAssertThrowsError(try store.save(try Youth(name: "Zoë Çelik", now: now, today: today)), "\(failure)")
            XCTAssertThrowsError(try store.saveSettings(CoachSettings(coachName: "Anna")), "\(failure)")
            XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: directory + "/youths"), [], "\(failure)")
            XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: directory).sorted(), [".lock", "index.cache", "youths"], "\(failure)")
        }
        // A real rename that fails: a folder where the file goes.
        let directory = temporaryDirectory(self)
        try FileManager.default.createDirectory(atPath: directory + "/in-de-weg.json", withIntermediateDirectories: true)
        XCTAssertThrowsError(try PrivateFiles.writeAtomically(Data("{}".utf8), to: directory + "/in-de-weg.json")) { error in
            XCTAssertEqual(error as? StoreError, StoreError.from(errno: EISDIR, operation: "Opslaan", path: directory))
        }
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: directory), ["in-de-weg.json"])
    }

    /// A temporary file an older version left at the top of the data directory goes to quarantine
    /// at the next start, like one in youths/ or drafts/.
    func testALeftoverTemporaryFileAtTheTopGoesToQuarantine() throws {
        let directory = temporaryDirectory(self)
        _ = try CaseloadStore(directory: directory, clock: { self.now })
        try Data(#"{"entries": [{"name": "Zoë Çelik"}]}"#.utf8).write(to: URL(fileURLWithPath: directory + "/.index.json.tmp-42"))
        let store = try CaseloadStore(directory: directory, clock: { self.now })
        XCTAssertTrue(store.notices.contains { $0.message.hasPrefix(".index.json.tmp-42 kon niet worden gelezen: het is een onvoltooide opslag") },
                      "\(store.notices)")
        XCTAssertFalse(FileManager.default.fileExists(atPath: directory + "/.index.json.tmp-42"))
        XCTAssertEqual(store.quarantined.map(\.from), [".index.json.tmp-42"])
    }

    // MARK: - The summary cache is checked like a file

    /// Counts beyond reason, a name far past its limit or blank: such an entry of index.cache is
    /// dropped, the youth read from its file, and the cache written again with what the file holds.
    /// An entry that passes is still used as it is (the cache keeps its purpose).
    func testACachedSummaryTheFileCouldNotHoldIsReadFromTheFileInstead() throws {
        let directory = temporaryDirectory(self)
        var ids: [String] = []
        do {
            let store = try CaseloadStore(directory: directory, clock: { self.now })
            for number in 0..<7 {
                var youth = try Youth(name: "Jongere \(number)", now: now, today: today)
                youth.actions.append(try CaseAction(what: "Bellen", owner: .coach, due: today, created: today))
                ids.append(try store.save(youth).id)
            }
            store.saveIndex()
        }
        let changes: [(inout YouthSummary) -> Void] = [
            { $0.scoutAttempts = Int.max },
            { $0.measurementCount = Int.max },
            { $0.acuteDomains = 3 },   // no measurement at all
            { $0.name = String(repeating: "x", count: 5_000_000) },
            { $0.name = " \n " },
            { $0.openActions[0].owner = String(repeating: "é", count: TextLimits.line + 1) },
            { $0.name = "Naam uit de cache" },   // within every rule: trusted
        ]
        let indexURL = URL(fileURLWithPath: directory + "/index.cache")
        var entries = try XCTUnwrap(readIndexEntries(indexURL.path))
        for position in entries.indices {
            let number = try XCTUnwrap(ids.firstIndex(of: entries[position].summary.id))
            changes[number](&entries[position].summary)
        }
        try writeIndex(entries, to: indexURL.path)

        let store = try CaseloadStore(directory: directory, clock: { self.now })
        XCTAssertEqual(store.notices, [])
        let summaries = Dictionary(uniqueKeysWithValues: store.summaries.map { ($0.id, $0) })
        for number in 0..<6 {
            let summary = try XCTUnwrap(summaries[ids[number]])
            XCTAssertEqual(summary, YouthSummary(try store.youth(id: ids[number])), "entry \(number) was read from its file")
            XCTAssertEqual(summary.name, "Jongere \(number)")
        }
        XCTAssertEqual(summaries[ids[6]]?.name, "Naam uit de cache", "an entry that passes is used as cached")
        let rewritten = try String(contentsOf: indexURL, encoding: .utf8)
        XCTAssertFalse(rewritten.contains("9223372036854775807"), "the cache is rebuilt for those youths")
        XCTAssertLessThan(rewritten.utf8.count, 100_000)
    }

    func testAnIndexEntryIsCheckedFieldByField() throws {
        let youth = try Youth(name: "Zoë", now: now, today: today)
        let entry = IndexEntry(summary: YouthSummary(youth), file: PrivateFiles.Identity(inode: 1, size: 2_000, modifiedNanoseconds: 0))
        XCTAssertNoThrow(try entry.validate())
        func failure(_ change: (inout IndexEntry) -> Void) -> String? {
            var changed = entry
            change(&changed)
            do { try changed.validate() } catch { return error.field }
            return nil
        }
        XCTAssertEqual(failure { $0.summary.scoutAttempts = 2_001 }, "scoutAttempts")
        XCTAssertNil(failure { $0.summary.scoutAttempts = 2_000 })
        XCTAssertEqual(failure { $0.summary.measurementCount = -1 }, "measurementCount")
        XCTAssertEqual(failure { $0.summary.acuteDomains = 1 }, "acuteDomains")
        XCTAssertNil(failure { $0.summary.measurementCount = 1; $0.summary.acuteDomains = Catalog.lifeDomains.count })
        XCTAssertEqual(failure { $0.summary.measurementCount = 1; $0.summary.acuteDomains = Catalog.lifeDomains.count + 1 }, "acuteDomains")
        XCTAssertEqual(failure { $0.summary.meetingDates = Array(repeating: today, count: 2_001) }, "meetingDates")
        XCTAssertEqual(failure { $0.summary.name = String(repeating: "a", count: TextLimits.line + 1) }, "name")
        XCTAssertNil(failure { $0.summary.name = String(repeating: "a", count: TextLimits.line) })
        XCTAssertEqual(failure { $0.summary.nextAction = String(repeating: "a", count: TextLimits.line + 1) }, "nextAction")
        XCTAssertEqual(failure { $0.file.size = -1 }, "file.size")
    }

    // MARK: - Read-only never reads through a link either

    /// `youths/` a link or a file: the read-only commands (export, review) refuse it exactly as
    /// the interactive start does, with the same error.
    func testReadOnlyRefusesYouthsAsALinkOrAFileAsReadWriteDoes() throws {
        let outside = temporaryDirectory(self)
        try FileManager.default.createDirectory(atPath: outside, withIntermediateDirectories: true)
        try CaseloadStore(directory: outside, clock: { self.now }).save(try Youth(name: "Zoë Çelik", now: now, today: today))
        for link in [true, false] {
            let directory = temporaryDirectory(self)
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            if link {
                XCTAssertEqual(symlink(outside + "/youths", directory + "/youths"), 0)
            } else {
                try Data("x".utf8).write(to: URL(fileURLWithPath: directory + "/youths"))
            }
            var refusals: [StoreError] = []
            for mode in [CaseloadStore.Mode.readWrite, .readOnly] {
                XCTAssertThrowsError(try CaseloadStore(directory: directory, mode: mode, clock: { self.now })) { error in
                    if let error = error as? StoreError { refusals.append(error) }
                }
            }
            XCTAssertEqual(refusals.count, 2, "link: \(link)")
            XCTAssertEqual(refusals.first, refusals.last, "the same message in both modes")
            if link { XCTAssertEqual(refusals.first, .symbolicLink(path: directory + "/youths")) }
        }
    }

    /// `reviews/` (or `workplaces/`) a link: nothing is read through it in either mode, not even a
    /// week asked for by name, and the notice is the one read-write gives.
    func testReadOnlyReadsNoDocumentThroughALinkedFolder() throws {
        let week = ReviewWeek(text: "2026-W48")!
        let outside = temporaryDirectory(self)
        do {
            let store = try CaseloadStore(directory: outside, clock: { self.now })
            try store.save(WeeklyReview(week: week, started: now, items: []))
            try store.save(try Workplace(name: "Bakkerij", now: now, id: "w1"))
        }
        for folder in [CaseloadStore.reviewsFolder, CaseloadStore.workplacesFolder] {
            let directory = temporaryDirectory(self)
            _ = try CaseloadStore(directory: directory, clock: { self.now })
            XCTAssertEqual(symlink(outside + "/" + folder, directory + "/" + folder), 0)
            for mode in [CaseloadStore.Mode.readOnly, .readWrite] {
                let store = try CaseloadStore(directory: directory, mode: mode, clock: { self.now })
                XCTAssertNil(store.review(of: week), "\(folder) \(mode)")
                XCTAssertEqual(store.workplaces, [], "\(folder) \(mode)")
                XCTAssertEqual(store.notices.map(\.message), [StoreError.unusableFolder(folder, link: true).localizedDescription], "\(folder) \(mode)")
            }
        }
    }

    // MARK: - Helpers

    /// A store opened on a data directory holding the current sample youth, changed by `change`.
    private func storeWithSample(_ change: (inout [String: Any]) -> Void) throws -> (CaseloadStore, String) {
        let directory = try dataDirectoryWithSample(self, change)
        return (try CaseloadStore(directory: directory, clock: { self.now }), directory)
    }
}

/// quarantine.json read without the limit, to see what is on disk.
private struct StoredLog: Decodable {
    var files: [QuarantinedFile]
}

/// A log holding its files as they are, past the limit: what a hostile file can hold.
private struct UnlimitedLog: Encodable {
    var schemaVersion = QuarantineLog.schemaVersion
    var files: [QuarantinedFile]
}
