@testable import Caseload
import Foundation
import XCTest

/// The entries of an index file, as the store would read them (nil when its header is not this
/// version's), and an index written from entries, for tests that edit the cache by hand.
func readIndexEntries(_ path: String) -> [IndexEntry]? {
    var entries: [IndexEntry] = []
    var reader = IndexFile.Reader { entries.append($0) }
    guard case .success = PrivateFiles.readRegularFile(path, limit: FileLimits.index, chunk: 4_096, into: { reader.read($0) }),
          reader.headerMatches else { return nil }
    return entries
}

func writeIndex(_ entries: [IndexEntry], to path: String) throws {
    try IndexFile.encode(entries).write(to: URL(fileURLWithPath: path))
}

/// The summary cache in its own line format: what is written reads back the same, a line that
/// does not read whole is dropped (that youth read from its file), an index of another format is
/// rebuilt, and reading the files side by side gives what reading them one by one gave.
final class IndexFileTests: XCTestCase {
    let now = Date(timeIntervalSince1970: 1_795_000_000)
    let today = LocalDate(year: 2026, month: 11, day: 22)!

    /// A youth with something in every field a summary holds, texts with tabs, line breaks,
    /// backslashes, escapes and a bidi override among them.
    private func fullYouth(_ name: String) throws -> Youth {
        var youth = try Youth(name: name, now: now, today: today.adding(days: -300))
        youth.dateOfBirth = LocalDate(year: 2008, month: 2, day: 29)
        youth.save(ScoutAttempt(date: today.adding(days: -250), channel: .street, outcome: .spoke))
        youth.move(to: .quickScan, on: today.adding(days: -200), now: now)
        let measurement = try youth.addMeasurement(date: today.adding(days: -190), moment: .zero, scoredBy: "Coach", today: today.adding(days: -190))
        try youth.updateMeasurement(measurement.id) { m throws(InputError) in
            for domain in Catalog.lifeDomains { try m.setScore(1, for: domain.code, today: m.recordedOn) }
        }
        var odd = try CaseAction(what: "Bellen", owner: .coach, due: today, created: today)
        odd.what = "Bel\tlen \\ met \"school\"\nen \u{202E}werk"
        youth.actions.append(odd)
        youth.actions.append(try CaseAction(what: "Zoë's cv", owner: .coach, due: today.adding(days: 3), created: today))
        return youth
    }

    func testEverySummaryReadsBackAsWritten() throws {
        let directory = temporaryDirectory(self)
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        var summaries = [YouthSummary(try fullYouth("Zoë Çelik")), YouthSummary(try Youth(name: "王芳 \\N", now: now, today: today))]
        summaries[0].borgStep = BorgStep(.light, on: today)
        summaries[0].closedOn = today
        summaries[0].outcome = .regularWork
        summaries[0].outcomeDetail = "\\u{41} blijft tekst"
        summaries[0].nextAction = ""
        summaries[0].meetingDates = [today, LocalDate(year: 1, month: 1, day: 1)!, LocalDate(year: 9999, month: 12, day: 31)!]
        summaries[0].openEscalations = [.init(id: "e1", level: .national, raisedOn: today, question: "Wie\tbetaalt?")]
        summaries[0].momentsTaken = [.zero, .interim]
        summaries[0].updated = Date(timeIntervalSince1970: TimeInterval(StoredTimestamp.writable.lowerBound))
        let entries = summaries.enumerated().map { index, summary in
            IndexEntry(summary: summary, file: PrivateFiles.Identity(inode: UInt64(index + 1) << 40, size: 12_345, modifiedNanoseconds: -5))
        }
        XCTAssertEqual(entries[0].summary.openActions.count, 2)
        let path = directory + "/index.cache"
        try writeIndex(entries, to: path)
        XCTAssertEqual(readIndexEntries(path), entries)
        let text = try String(contentsOf: URL(fileURLWithPath: path), encoding: .utf8)
        XCTAssertTrue(text.hasPrefix(IndexFile.header + "\n"))
        XCTAssertEqual(text.split(separator: "\n", omittingEmptySubsequences: false).count, entries.count + 2, "a line per youth")
        XCTAssertFalse(text.unicodeScalars.contains { $0 == "\u{202E}" || $0 == "\t" && false }, "no raw bidi override")
        XCTAssertTrue(text.contains("Bel\\u{9}len \\\\ met \"school\"\\u{A}en \\u{202E}werk"), text)
    }

    /// Cut off at every length, the index still gives only whole, true entries.
    func testATruncatedIndexGivesOnlyItsWholeLines() throws {
        let directory = temporaryDirectory(self)
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let entries = try (0..<3).map { number in
            IndexEntry(summary: YouthSummary(try fullYouth("Jongere \(number)")), file: PrivateFiles.Identity(inode: 7, size: 9_000, modifiedNanoseconds: 1))
        }
        let whole = IndexFile.encode(entries)
        let path = directory + "/index.cache"
        let lineEnds = whole.indices.filter { whole[$0] == 0x0A }
        for length in stride(from: 0, through: whole.count, by: 7) {
            try whole.prefix(length).write(to: URL(fileURLWithPath: path))
            let read = readIndexEntries(path)
            let wholeLines = lineEnds.filter { $0 < length }.count
            if wholeLines == 0 {
                XCTAssertNil(read, "no header, no index (\(length))")
            } else {
                XCTAssertEqual(read, Array(entries.prefix(wholeLines - 1)), "cut at \(length)")
            }
        }
    }

    /// Damaged and hostile lines are dropped one by one; the youths are read from their files,
    /// without a notice, and the cache written again whole.
    func testADamagedLineIsDroppedAndThatYouthReadFromItsFile() throws {
        let directory = temporaryDirectory(self)
        var ids: [String] = []
        do {
            let store = try CaseloadStore(directory: directory, clock: { self.now })
            for number in 0..<9 { ids.append(try store.save(try fullYouth("Jongere \(number)")).id) }
            store.saveIndex()
        }
        let path = directory + "/index.cache"
        var lines = try String(contentsOf: URL(fileURLWithPath: path), encoding: .utf8).components(separatedBy: "\n")
        XCTAssertEqual(lines.count, 11)
        func damage(_ id: String, _ change: (inout [String]) -> Void) {
            let index = lines.firstIndex { $0.split(separator: "\t").dropFirst(3).first.map(String.init) == id }!
            var fields = lines[index].components(separatedBy: "\t")
            change(&fields)
            lines[index] = fields.joined(separator: "\t")
        }
        damage(ids[0]) { $0.insert("Naam", at: 4) }               // a field added: one too many
        damage(ids[1]) { $0.removeLast() }                         // a field too few
        damage(ids[2]) { $0[9] = "1e3" }                           // acuteDomains no whole number
        damage(ids[3]) { $0[5] = "2026-02-30" }                    // a day that does not exist
        damage(ids[4]) { $0[4] = "\\u{110000}" }                   // no such character
        damage(ids[5]) { $0[6] = "onbekend" }                      // no such phase
        damage(ids[6]) { $0[12] = "99999999" }                     // a list longer than the line
        damage(ids[7]) { $0[4] = "\\N" }                           // a name that is absent
        var data = Data(lines.joined(separator: "\n").utf8)
        data.append(contentsOf: [0xC3, 0x28, 0x0A])  // invalid UTF-8 on a line of its own (never on a youth's line)
        try data.write(to: URL(fileURLWithPath: path))
        XCTAssertEqual(readIndexEntries(path)?.map(\.summary.id), [ids[8]])

        let store = try CaseloadStore(directory: directory, clock: { self.now })
        XCTAssertEqual(store.notices, [])
        let summaries = Dictionary(uniqueKeysWithValues: store.summaries.map { ($0.id, $0) })
        for number in 0..<9 {
            XCTAssertEqual(summaries[ids[number]], YouthSummary(try store.youth(id: ids[number])), "youth \(number)")
        }
        store.saveIndex()
        XCTAssertEqual(readIndexEntries(path)?.count, 9, "the cache is whole again")
    }

    /// The writer escapes every character SafeText would not show raw, so a raw ESC, NUL, C1
    /// control or bidi override in a line was put there by hand: the line is dropped, that youth
    /// read from its file, and the line written again escaped.
    func testARawControlCharacterInALineDropsIt() throws {
        let directory = temporaryDirectory(self)
        let raw = ["\u{1B}[31m", "\u{0}", "\u{9B}", "\u{202E}"]
        var ids: [String] = []
        do {
            let store = try CaseloadStore(directory: directory, clock: { self.now })
            for number in raw.indices { ids.append(try store.save(try fullYouth("Jongere \(number)")).id) }
            store.saveIndex()
        }
        let path = directory + "/index.cache"
        let text = try String(contentsOf: URL(fileURLWithPath: path), encoding: .utf8)
        var changed = text
        for (number, character) in raw.enumerated() { changed = changed.replacingOccurrences(of: "Jongere \(number)", with: "Jongere \(character)\(number)") }
        try Data(changed.utf8).write(to: URL(fileURLWithPath: path))
        XCTAssertEqual(readIndexEntries(path)?.count, 0)
        let store = try CaseloadStore(directory: directory, clock: { self.now })
        XCTAssertEqual(Set(store.summaries.map(\.name)), Set(raw.indices.map { "Jongere \($0)" }))
        store.saveIndex()
        XCTAssertEqual(readIndexEntries(path)?.count, raw.count, "written again")
    }

    /// The pretty-printed JSON an earlier version wrote, or garbage: not this format, so every
    /// youth is read from its file and the index rebuilt in the new form.
    func testAnIndexOfTheOldJSONFormatIsRebuilt() throws {
        let directory = temporaryDirectory(self)
        let id: String
        do {
            let store = try CaseloadStore(directory: directory, clock: { self.now })
            id = try store.save(try fullYouth("Daan")).id
        }
        let path = directory + "/index.cache"
        let old = #"{"entries": [{"file": {"inode": 1, "modifiedNanoseconds": 0, "size": 10}, "summary": {"id": "\#(id)", "name": "Oud"}}], "schemaVersion": 9, "summaryRules": 4}"#
        for content in [old, "", "\n", String(repeating: "x", count: 100_000)] {
            try Data(content.utf8).write(to: URL(fileURLWithPath: path))
            XCTAssertNil(readIndexEntries(path))
            let store = try CaseloadStore(directory: directory, clock: { self.now })
            XCTAssertEqual(store.summaries.map(\.name), ["Daan"])
            XCTAssertEqual(store.notices, [])
            XCTAssertEqual(readIndexEntries(path)?.map(\.summary.id), [id], "rebuilt at the start")
        }
        // Another rules version or schema in the header: rebuilt as well.
        let current = try String(contentsOf: URL(fileURLWithPath: path), encoding: .utf8)
        try Data(current.replacingOccurrences(of: "rules \(YouthSummary.rulesVersion)", with: "rules 99").utf8).write(to: URL(fileURLWithPath: path))
        XCTAssertNil(readIndexEntries(path))
        _ = try CaseloadStore(directory: directory, clock: { self.now })
        XCTAssertNotNil(readIndexEntries(path))
    }

    /// The JSON `index.json` of earlier versions names youths and is read by nothing now: a
    /// read-write start removes it; a read-only one, or a link by that name, is left alone.
    func testTheIndexJSONOfEarlierVersionsIsRemovedAtAReadWriteStart() throws {
        let directory = temporaryDirectory(self)
        do { _ = try CaseloadStore(directory: directory, clock: { self.now }).save(try fullYouth("Daan")) }
        let legacy = directory + "/index.json"
        try Data(#"{"entries": [{"summary": {"name": "Daan"}}]}"#.utf8).write(to: URL(fileURLWithPath: legacy))
        _ = try CaseloadStore(directory: directory, mode: .readOnly)
        XCTAssertTrue(FileManager.default.fileExists(atPath: legacy), "a read-only opening changes nothing")
        let store = try CaseloadStore(directory: directory, clock: { self.now })
        XCTAssertFalse(FileManager.default.fileExists(atPath: legacy))
        XCTAssertEqual(store.summaries.map(\.name), ["Daan"])
        XCTAssertEqual(store.notices, [])
    }

    /// An index as a link is never read through, as before: the youths are read from their files.
    func testAnIndexThatIsALinkIsNotRead() throws {
        let directory = temporaryDirectory(self)
        do {
            let store = try CaseloadStore(directory: directory, clock: { self.now })
            try store.save(try fullYouth("Daan"))
            store.saveIndex()
        }
        let path = directory + "/index.cache"
        var entries = try XCTUnwrap(readIndexEntries(path))
        entries[0].summary.name = "Uit de koppeling"
        try writeIndex(entries, to: directory + "/elders.json")
        try FileManager.default.removeItem(atPath: path)
        XCTAssertEqual(symlink(directory + "/elders.json", path), 0)
        XCTAssertEqual(try CaseloadStore(directory: directory, clock: { self.now }).summaries.map(\.name), ["Daan"])
    }

    // MARK: - Reading side by side

    /// Many files, some broken, read without a cache: the same summaries, the same notices in
    /// the same (name) order, the same files in quarantine as when each is read alone; the
    /// progress counts up to the total and the index holds only what was read whole.
    func testReadingFilesSideBySideGivesWhatReadingOneByOneGives() throws {
        let directory = temporaryDirectory(self)
        var ids: [String] = []
        do {
            let store = try CaseloadStore(directory: directory, clock: { self.now })
            for number in 0..<300 { ids.append(try store.save(try Youth(name: "Jongere \(number)", now: now, today: today)).id) }
        }
        let youths = directory + "/youths/"
        let broken = ids.sorted().enumerated().filter { $0.offset % 37 == 5 }.map(\.element)
        var expected: [String] = []
        for (number, id) in broken.enumerated() {
            let content = Data(["", "{", #"{"schemaVersion": 9}"#, "null", "[1, 2]", "{\"schemaVersion\": 0}", "nee", "{}"][number % 8].utf8)
            try content.write(to: URL(fileURLWithPath: youths + id + ".json"))
            // What the file says when it is read by itself.
            do { _ = try CaseloadStore.decodeYouth(content); XCTFail(id) } catch { expected.append("youths/\(id).json kon niet worden gelezen: \(error.text).") }
        }
        try FileManager.default.removeItem(atPath: directory + "/index.cache")

        var counts: [(Int, Int)] = []
        let store = try CaseloadStore(directory: directory, clock: { self.now }, progress: { counts.append(($0, $1)) })
        XCTAssertEqual(counts.first?.0, 0)
        XCTAssertEqual(counts.last?.0, 300)
        XCTAssertTrue(counts.allSatisfy { $0.1 == 300 })
        XCTAssertEqual(counts.map(\.0), counts.map(\.0).sorted())
        XCTAssertEqual(store.notices.map { $0.message.components(separatedBy: " Het is verplaatst")[0] }, expected)
        XCTAssertEqual(Set(store.summaries.map(\.id)), Set(ids).subtracting(broken))
        XCTAssertEqual(store.quarantined.map(\.from), broken.map { "youths/\($0).json" })
        XCTAssertEqual(Set(try XCTUnwrap(readIndexEntries(directory + "/index.cache")).map(\.summary.id)), Set(ids).subtracting(broken))
        for id in ids.prefix(20) where !broken.contains(id) {
            XCTAssertEqual(store.summaries.first { $0.id == id }, YouthSummary(try store.youth(id: id)))
        }
    }

    /// A newer program's file read side by side is still remembered as one never to write.
    func testANewerFileReadSideBySideIsNeverWritten() throws {
        let directory = temporaryDirectory(self)
        var ids: [String] = []
        do {
            let store = try CaseloadStore(directory: directory, clock: { self.now })
            for number in 0..<150 { ids.append(try store.save(try Youth(name: "Jongere \(number)", now: now, today: today)).id) }
        }
        let newer = ids[77]
        let path = directory + "/youths/\(newer).json"
        let text = try String(contentsOf: URL(fileURLWithPath: path), encoding: .utf8)
        try Data(text.replacingOccurrences(of: "\"schemaVersion\" : 9", with: "\"schemaVersion\" : 12").utf8).write(to: URL(fileURLWithPath: path))
        try FileManager.default.removeItem(atPath: directory + "/index.cache")
        let store = try CaseloadStore(directory: directory, clock: { self.now })
        XCTAssertEqual(store.count, 150)
        XCTAssertNotNil(store.readOnlyReason(for: newer))
        XCTAssertNil(store.readOnlyReason(for: ids[76]))
        XCTAssertEqual(store.notices.count, 1)
        XCTAssertFalse(try XCTUnwrap(readIndexEntries(directory + "/index.cache")).contains { $0.summary.id == newer }, "never cached")
    }
}

extension IndexFileTests {
    /// A line longer than any entry (a hostile name of megabytes) is passed over without being
    /// held, and the lines after it are still used.
    func testALineTooLongIsSkippedAndTheRestRead() throws {
        let directory = temporaryDirectory(self)
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        var entries = try (0..<3).map { number in
            IndexEntry(summary: YouthSummary(try Youth(name: "Jongere \(number)", now: now, today: today)), file: PrivateFiles.Identity(inode: 7, size: 9_000, modifiedNanoseconds: 1))
        }
        entries[1].summary.name = String(repeating: "x", count: IndexFile.maximumLine + 10)
        let path = directory + "/index.cache"
        try writeIndex(entries, to: path)
        XCTAssertEqual(readIndexEntries(path)?.map { $0.summary.name.prefix(20) }, ["Jongere 0", "Jongere 2"])
    }
}
