@testable import Caseload
import Foundation
import XCTest

/// Every message says what is wrong and what to do: the rule a value breaks, the file it is
/// about (`.lock`, not the data folder), no bare error code, no change that was never made.
final class ClearMessagesTests: XCTestCase {
    let now = Date(timeIntervalSince1970: 1_795_000_000)
    let today = LocalDate(year: 2026, month: 11, day: 22)!

    /// A youth file as the program writes it, with `change` applied to its JSON object.
    private func youthFile(_ change: (inout [String: Any]) -> Void) throws -> Data {
        let youth = try Youth(name: "Zoë Çelik", now: now, today: today)
        var object = try XCTUnwrap(JSONSerialization.jsonObject(with: CaseloadStore.encode(YouthRecord(youth: youth))) as? [String: Any])
        change(&object)
        return try JSONSerialization.data(withJSONObject: object)
    }

    private func reason(_ data: Data) -> CaseloadStore.UnreadableReason? {
        do { _ = try CaseloadStore.decodeYouth(data); return nil } catch { return error }
    }

    func testAValueOfTheWrongTypeSaysWhatWasExpected() throws {
        let cases: [(String, Any, String)] = [
            ("phone", 12345, "youth.phone: verwacht een tekst"),
            ("name", ["a"], "youth.name: verwacht een tekst"),
            ("measurements", "geen lijst", "youth.measurements: verwacht een lijst"),
            ("name", NSNull(), "youth.name: verwacht een tekst"),
        ]
        for (key, value, expected) in cases {
            let data = try youthFile { object in
                var youth = object["youth"] as! [String: Any]
                youth[key] = value
                object["youth"] = youth
            }
            let text = reason(data)?.text ?? "read"
            XCTAssertTrue(text.contains("(bij \(expected)"), "\(key): \(text)")
        }
        let notAnObject = try youthFile { $0["youth"] = 7 }
        XCTAssertTrue(reason(notAnObject)?.text.contains("youth: verwacht een object") ?? false, reason(notAnObject)?.text ?? "read")
    }

    func testASchemaVersionThatIsNoVersionNumberIsNamedSo() throws {
        for version: Any in [1e300, "6", 1.5, -1e300] {
            let data = try youthFile { $0["schemaVersion"] = version }
            XCTAssertEqual(reason(data), .invalidSchemaVersion, "\(version)")
        }
        XCTAssertEqual(CaseloadStore.UnreadableReason.invalidSchemaVersion.text, "schemaVersion is geen geldig versienummer (een geheel getal vanaf 1, zoals 6)")
        let missing = try youthFile { $0["schemaVersion"] = nil }
        XCTAssertEqual(reason(missing), .noSchemaVersion)
    }

    // MARK: - `.lock` that is no file

    private func dataDirectory() throws -> String {
        let directory = temporaryDirectory(self) + "/data"
        try FileManager.default.createDirectory(atPath: directory + "/youths", withIntermediateDirectories: true)
        return directory
    }

    private func assertMovedAside(_ directory: String, kind: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let store = try CaseloadStore(directory: directory, clock: { self.now })
        XCTAssertEqual(store.mode, .readWrite, file: file, line: line)
        XCTAssertEqual(PrivateFiles.kind(of: directory + "/.lock"), .regular, "a lock file of our own now", file: file, line: line)
        XCTAssertEqual(permissions(directory + "/.lock"), 0o600, file: file, line: line)
        let notice = try XCTUnwrap(store.notices.first { $0.message.hasPrefix(".lock kon niet worden gebruikt") }, "\(store.notices)", file: file, line: line)
        XCTAssertTrue(notice.message.contains("geen gewoon bestand maar \(kind)"), notice.message, file: file, line: line)
        XCTAssertFalse(notice.message.contains("foutcode"), notice.message, file: file, line: line)
        let entry = try XCTUnwrap(store.unseenQuarantined.first, file: file, line: line)
        XCTAssertEqual(entry.from, ".lock", file: file, line: line)
        XCTAssertTrue(entry.file.hasSuffix("-lock-geen-bestand"), entry.file, file: file, line: line)
        XCTAssertNotEqual(PrivateFiles.kind(of: directory + "/quarantine/" + entry.file), .missing, file: file, line: line)
        XCTAssertThrowsError(try CaseloadStore(directory: directory), "the new lock holds", file: file, line: line)
    }

    func testALockThatIsAPipeIsMovedAsideAndANewOneMade() throws {
        let directory = try dataDirectory()
        XCTAssertEqual(mkfifo(directory + "/.lock", 0o644), 0)
        try assertMovedAside(directory, kind: "een pipe (FIFO)")
    }

    func testALockThatIsAFolderIsMovedAsideAndANewOneMade() throws {
        let directory = try dataDirectory()
        try FileManager.default.createDirectory(atPath: directory + "/.lock/binnen", withIntermediateDirectories: true)
        try assertMovedAside(directory, kind: "een map")
    }

    func testALockThatCannotBeUsedIsNamedWithWhatToDo() {
        for reason: StoreError.LockFault in [.notAFile("een map"), .otherNames, .cannotOpen(EIO)] {
            let text = StoreError.cannotLock(path: "/data/.lock", reason: reason).localizedDescription
            XCTAssertTrue(text.hasPrefix("Rode Loper kan de gegevensmap niet vergrendelen: /data/.lock "), text)
            XCTAssertTrue(text.contains("verplaats of verwijder het"), text)
            XCTAssertFalse(text.contains("foutcode") || text.contains("niet opgeslagen"), text)
        }
    }

    func testAFailedSystemCallSaysWhatTheSystemSaidAndOnlyClaimsALostChangeWhenWriting() {
        let reading = StoreError.io(operation: "Map lezen", path: "youths", code: EIO).localizedDescription
        XCTAssertTrue(reading.hasPrefix("Map lezen mislukt voor youths: een fout van de schijf bij lezen of schrijven (foutcode \(EIO))."), reading)
        // Every errno in Dutch: never the system's English ("Not a directory").
        for code in [ENOENT, ENOTDIR, EISDIR, EEXIST, ENOTEMPTY, ELOOP, ENAMETOOLONG, EIO, EBUSY, EXDEV, EMLINK, EINVAL, EMFILE, ESTALE, 1234] {
            let text = StoreError.from(errno: code, operation: "Opslaan", path: "exports").localizedDescription
            XCTAssertFalse(text.contains(String(cString: strerror(code))), text)
        }
        XCTAssertTrue(reading.hasSuffix("Er is niets gewijzigd."), reading)
        let writing = StoreError.io(operation: "Opslaan", path: "youths", code: EIO).localizedDescription
        XCTAssertTrue(writing.hasSuffix("De wijziging is niet opgeslagen."), writing)
    }

    func testDaysWithoutContactAndInScoutAreNeverNegative() throws {
        var youth = try Youth(name: "Zoë Çelik", now: now, today: LocalDate(year: 9999, month: 12, day: 31)!)
        XCTAssertEqual(youth.daysInScout(today: today), 0)
        XCTAssertEqual(youth.daysWithoutContact(today: today), 0)
        youth.save(JournalEntry(date: LocalDate(year: 9999, month: 1, day: 1)!, kind: .atHome))
        XCTAssertEqual(youth.daysWithoutContact(today: today), 0)
        XCTAssertFalse(youth.isOutOfContact(limit: 14, today: today))
    }

    // MARK: - Dates typed

    func testAYearOutsideTheCalendarIsNamedAsSuch() {
        for input in ["01-01-0000", "29-02-0000", "01-01-10000"] {
            XCTAssertThrowsError(try LocalDate.parse(input)) { error in
                let message = (error as? DateInputError)?.message ?? ""
                if input.hasSuffix("10000") {
                    XCTAssertEqual(message, "Typ het jaar met vier cijfers (dd-mm-jjjj).")
                } else {
                    XCTAssertEqual(message, "Jaar 0 kan niet: kies een jaar van 0001 tot en met 9999.")
                }
            }
        }
        XCTAssertThrowsError(try LocalDate.parse("31-02-2026")) { error in
            XCTAssertEqual((error as? DateInputError)?.message, "31-02-2026 bestaat niet: februari 2026 heeft 28 dagen.")
        }
    }
}
