@testable import Caseload
import Foundation
import XCTest

/// A data directory is never trusted: links, special files, a read-only disk, a newer program's
/// files. Each case keeps what a link points to exactly as it was (targets in a temporary folder).
final class HostileFilesTests: XCTestCase {
    let now = Date(timeIntervalSince1970: 1_795_000_000)
    let today = LocalDate(year: 2026, month: 11, day: 22)!

    /// A file outside the data directory that a link points at, with a mode we must not change.
    private func outsideFile(_ test: XCTestCase) throws -> String {
        let folder = temporaryDirectory(self)
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let path = folder + "/passwd"
        try Data("root:x:0:0\n".utf8).write(to: URL(fileURLWithPath: path))
        chmod(path, 0o644)
        return path
    }

    private func dataDirectory(with youth: Youth? = nil) throws -> String {
        let directory = temporaryDirectory(self)
        let store = try CaseloadStore(directory: directory, clock: { self.now })
        if let youth { try store.save(youth) }
        return directory
    }

    func testAYouthFileThatIsALinkIsQuarantinedWithoutTouchingItsTarget() throws {
        let target = try outsideFile(self)
        let directory = try dataDirectory()
        let link = "\(directory)/youths/0b5e7c3a-0000-4000-8000-00000000beef.json"
        XCTAssertEqual(symlink(target, link), 0)
        let store = try CaseloadStore(directory: directory)
        XCTAssertEqual(store.count, 0)
        let message = store.notices.map(\.message).joined()
        XCTAssertTrue(message.contains("het is geen gewoon bestand maar een symbolische koppeling"), message)
        XCTAssertEqual(permissions(target), 0o644, "the target's mode is unchanged")
        XCTAssertEqual(try String(contentsOfFile: target, encoding: .utf8), "root:x:0:0\n")
        let moved = try FileManager.default.contentsOfDirectory(atPath: directory + "/quarantine")
        XCTAssertEqual(moved.count, 1)
        XCTAssertEqual(try FileManager.default.destinationOfSymbolicLink(atPath: "\(directory)/quarantine/\(moved[0])"), target,
                       "the link itself moved")
    }

    /// A file of hundreds of megabytes (sparse, so the test writes nothing) is refused by its size,
    /// not read: a hostile file cannot make every start take seconds.
    func testFilesFarLargerThanTheProgramWritesAreQuarantinedUnread() throws {
        let directory = try dataDirectory()
        let youth = directory + "/youths/0b5e7c3a-0000-4000-8000-00000000f00d.json"
        XCTAssertTrue(FileManager.default.createFile(atPath: youth, contents: Data("{".utf8)))
        XCTAssertEqual(truncate(youth, 300 * 1_048_576), 0)
        XCTAssertTrue(FileManager.default.createFile(atPath: directory + "/settings.json", contents: Data("{".utf8)))
        XCTAssertEqual(truncate(directory + "/settings.json", 50 * 1_048_576), 0)
        XCTAssertTrue(FileManager.default.createFile(atPath: directory + "/index.cache", contents: Data("{".utf8)))
        XCTAssertEqual(truncate(directory + "/index.cache", 1_024 * 1_048_576), 0)
        let started = Date()
        let store = try CaseloadStore(directory: directory)
        XCTAssertLessThan(Date().timeIntervalSince(started), 5, "nothing of that size was read")
        XCTAssertEqual(store.count, 0)
        let message = store.notices.map(\.message).joined(separator: "\n")
        XCTAssertTrue(message.contains("youths/0b5e7c3a-0000-4000-8000-00000000f00d.json kon niet worden gelezen: het is groter dan 32 MB"), message)
        XCTAssertTrue(message.contains("groter dan 1 MB"), message)
        XCTAssertEqual(store.settings, CoachSettings(), "the defaults stand in for the settings")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: directory + "/quarantine").count, 2)
    }

    func testSpecialEntriesAreQuarantinedWithTheRightReason() throws {
        let directory = try dataDirectory()
        let youths = directory + "/youths"
        try FileManager.default.createDirectory(atPath: youths + "/a-map.json", withIntermediateDirectories: false)
        XCTAssertEqual(mkfifo(youths + "/b-pipe.json", 0o600), 0)
        XCTAssertEqual(symlink(directory + "/nergens", youths + "/c-dangling.json"), 0)
        let socketPath = youths + "/d-socket.json"
        let fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &address.sun_path) { buffer in
            for (index, byte) in socketPath.utf8.prefix(buffer.count - 1).enumerated() { buffer[index] = byte }
        }
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        defer { close(fd) }

        let store = try CaseloadStore(directory: directory)
        let messages = store.notices.map(\.message)
        XCTAssertTrue(messages.contains { $0.contains("a-map.json") && $0.contains("maar een map") }, "\(messages)")
        XCTAssertTrue(messages.contains { $0.contains("b-pipe.json") && $0.contains("een pipe (FIFO)") }, "\(messages)")
        XCTAssertTrue(messages.contains { $0.contains("c-dangling.json") && $0.contains("een symbolische koppeling") }, "\(messages)")
        if bound == 0 {
            XCTAssertTrue(messages.contains { $0.contains("d-socket.json") && $0.contains("een socket") }, "\(messages)")
        }
        XCTAssertFalse(messages.contains { $0.contains("bestaat niet meer") }, "\(messages)")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: youths), [])
    }

    func testLinksInPlaceOfOurOwnFilesAndFoldersAreRefusedUntouched() throws {
        let target = try outsideFile(self)
        // .lock as a link
        var directory = temporaryDirectory(self)
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        XCTAssertEqual(symlink(target, directory + "/.lock"), 0)
        XCTAssertThrowsError(try CaseloadStore(directory: directory)) { error in
            XCTAssertEqual(error as? StoreError, .symbolicLink(path: directory + "/.lock"))
        }
        XCTAssertEqual(permissions(target), 0o644)

        // youths/ as a link to a folder
        let outsideFolder = (target as NSString).deletingLastPathComponent
        chmod(outsideFolder, 0o755)
        directory = temporaryDirectory(self)
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        XCTAssertEqual(symlink(outsideFolder, directory + "/youths"), 0)
        XCTAssertThrowsError(try CaseloadStore(directory: directory)) { error in
            XCTAssertEqual(error as? StoreError, .symbolicLink(path: directory + "/youths"))
            XCTAssertTrue(error.localizedDescription.contains("symbolische koppeling"))
        }
        XCTAssertEqual(permissions(outsideFolder), 0o755)

        // quarantine/ as a link: the bad file stays where it is, the target folder is untouched
        directory = try dataDirectory()
        XCTAssertEqual(symlink(outsideFolder, directory + "/quarantine"), 0)
        try Data("{".utf8).write(to: URL(fileURLWithPath: directory + "/youths/kapot.json"))
        let store = try CaseloadStore(directory: directory)
        XCTAssertTrue(store.notices[0].message.contains("kon niet apart worden gezet en is blijven staan"), store.notices[0].message)
        XCTAssertTrue(FileManager.default.fileExists(atPath: directory + "/youths/kapot.json"))
        XCTAssertEqual(permissions(outsideFolder), 0o755)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: outsideFolder), ["passwd"])
    }

    /// workplaces/ or reviews/ as a link (or a file): nothing is read through it, and the coach is
    /// told once, never silently shown an empty list.
    func testALinkInPlaceOfACollectionFolderIsSaidAndNotFollowed() throws {
        let outside = temporaryDirectory(self)
        try FileManager.default.createDirectory(atPath: outside, withIntermediateDirectories: true)
        try Data("{}".utf8).write(to: URL(fileURLWithPath: outside + "/w1.json"))
        for folder in ["workplaces", "reviews"] {
            let directory = try dataDirectory()
            XCTAssertEqual(symlink(outside, directory + "/" + folder), 0)
            let store = try CaseloadStore(directory: directory)
            _ = store.review(before: ReviewWeek(containing: LocalDate(year: 2026, month: 12, day: 2)!))
            _ = store.review(before: ReviewWeek(containing: LocalDate(year: 2026, month: 12, day: 2)!))
            XCTAssertEqual(store.notices.filter { $0.message.contains("\(folder)/ is een symbolische koppeling") }.count, 1, folder)
            XCTAssertTrue(store.workplaces.isEmpty)
            if folder == "workplaces" {
                XCTAssertThrowsError(try store.save(try Workplace(name: "Garage", now: Date(), id: "w2")), "never written through the link")
            }
        }
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: outside), ["w1.json"], "nothing written through a link")
        // A file in its place: said in Dutch, on opening and on a save, and left as it is.
        let directory = try dataDirectory()
        try Data("hoi".utf8).write(to: URL(fileURLWithPath: directory + "/workplaces"))
        let store = try CaseloadStore(directory: directory)
        XCTAssertTrue(store.notices.contains { $0.message.hasPrefix("workplaces/ is geen map.") }, "\(store.notices)")
        XCTAssertThrowsError(try store.save(try Workplace(name: "Garage", now: Date(), id: "w3"))) { error in
            XCTAssertEqual(error as? StoreError, .unusableFolder("workplaces", link: false))
            XCTAssertFalse(error.localizedDescription.contains("directory"), error.localizedDescription)
        }
        XCTAssertEqual(try String(contentsOfFile: directory + "/workplaces", encoding: .utf8), "hoi")
    }

    func testFoldersTheProgramCreatesArePrivateUnderAnOpenUmask() throws {
        let base = temporaryDirectory(self)
        let old = umask(0)
        defer { umask(old) }
        let directory = base + "/a/b/c"
        _ = try CaseloadStore(directory: directory)
        for path in [base, base + "/a", base + "/a/b", directory, directory + "/youths"] {
            XCTAssertEqual(permissions(path), 0o700, path)
        }
    }

    func testLeftoverDraftTempFilesAreSweptToQuarantine() throws {
        let directory = try dataDirectory()
        try FileManager.default.createDirectory(atPath: directory + "/drafts", withIntermediateDirectories: true)
        try Data("getypte tekst".utf8).write(to: URL(fileURLWithPath: directory + "/drafts/.x--changePlan.goal.json.tmp-123"))
        let store = try CaseloadStore(directory: directory)
        XCTAssertTrue(store.notices[0].message.contains("drafts/.x--changePlan.goal.json.tmp-123 kon niet worden gelezen"), store.notices[0].message)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: directory + "/drafts"), [])
        let kept = try FileManager.default.contentsOfDirectory(atPath: directory + "/quarantine")
        XCTAssertEqual(kept.count, 1)
        XCTAssertEqual(try String(contentsOfFile: directory + "/quarantine/" + kept[0], encoding: .utf8), "getypte tekst")
    }

    func testADraftThatIsALinkIsNotRead() throws {
        let target = try outsideFile(self)
        let directory = try dataDirectory()
        try FileManager.default.createDirectory(atPath: directory + "/drafts", withIntermediateDirectories: true)
        XCTAssertEqual(symlink(target, directory + "/drafts/x--changePlan.goal.json"), 0)
        XCTAssertEqual(try CaseloadStore(directory: directory).drafts(), [])
    }

    func testAReadOnlyDirectoryOpensForViewingAndRefusesEachChange() throws {
        var youth = try Youth(name: "Lotte Oefen", now: now, today: today)
        let directory = try dataDirectory(with: youth)
        let store = try CaseloadStore(directory: directory, simulate: .readOnlyDirectory)
        XCTAssertEqual(store.mode, .readOnly)
        XCTAssertEqual(store.readOnlyReason, "de gegevensmap staat op een schijf die alleen gelezen kan worden.")
        XCTAssertEqual(try store.youth(id: youth.id).name, "Lotte Oefen", "viewing works")
        XCTAssertEqual(store.allYouths().count, 1, "exporting works")
        youth.phone = "06 1234 5678"
        XCTAssertThrowsError(try store.save(youth)) { error in
            XCTAssertTrue(error.localizedDescription.hasPrefix("Alleen lezen: de gegevensmap staat op een schijf"), error.localizedDescription)
        }
        XCTAssertThrowsError(try store.saveDraft(Draft(youthID: youth.id, field: "changePlan.goal", text: "x", saved: now)))
        XCTAssertNotNil(store.readOnlyReason(for: youth.id))
        XCTAssertNoThrow(try CaseloadStore(directory: directory), "it holds no lock")
    }

    func testANewerFileStaysInPlaceAndIsNeverWritten() throws {
        var youth = try Youth(name: "Timo Fantasie", now: now, today: today)
        let directory = try dataDirectory(with: youth)
        let path = "\(directory)/youths/\(youth.id).json"
        var file = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as? [String: Any])
        file["schemaVersion"] = CaseloadStore.schemaVersion + 1
        var record = try XCTUnwrap(file["youth"] as? [String: Any])
        record["workplaces"] = [["id": "w1"]]   // something this version does not know
        file["youth"] = record
        let newer = try JSONSerialization.data(withJSONObject: file)
        try newer.write(to: URL(fileURLWithPath: path))

        for _ in 0..<2 {   // also after a restart, when the summary cache exists
            let store = try CaseloadStore(directory: directory)
            XCTAssertEqual(store.summaries.map(\.name), ["Timo Fantasie"])
            XCTAssertTrue(store.notices[0].message.contains("nieuwere versie van Rode Loper"), store.notices[0].message)
            XCTAssertEqual(store.readOnlyReason(for: youth.id)?.contains("gemaakt met een nieuwere versie van Rode Loper"), true)
            youth = try store.youth(id: youth.id)
            youth.phone = "06 1234 5678"
            XCTAssertThrowsError(try store.save(youth)) { error in
                XCTAssertEqual(error as? StoreError, .newerVersion(schema: CaseloadStore.schemaVersion + 1))
            }
            store.saveIndex()
        }
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: path)), newer, "not a byte changed")
        XCTAssertFalse(FileManager.default.fileExists(atPath: directory + "/quarantine"))

        // A newer file that this version cannot read at all stays too, with a notice.
        try Data(#"{"schemaVersion": 99, "youth": {"id": 5}}"#.utf8).write(to: URL(fileURLWithPath: path))
        let store = try CaseloadStore(directory: directory)
        XCTAssertEqual(store.count, 0)
        XCTAssertTrue(store.notices[0].message.contains("schema 99) en kan hier niet worden gelezen. Het blijft ongewijzigd staan."), store.notices[0].message)
        XCTAssertTrue(FileManager.default.fileExists(atPath: path))
    }

    func testEveryFileWrittenHoldsNoRawControlCharacters() throws {
        var youth = try Youth(name: "Zoë", now: now, today: today)
        youth.municipality = "a\u{1B}[2Jb\u{9B}c\u{202E}d\u{2028}e\u{7F}"
        let directory = try dataDirectory(with: youth)
        let text = try String(contentsOfFile: "\(directory)/youths/\(youth.id).json", encoding: .utf8)
        XCTAssertFalse(text.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x9B || $0.value == 0x202E || $0.value == 0x2028 || $0.value == 0x7F })
        XCTAssertEqual(try CaseloadStore(directory: directory).youth(id: youth.id).municipality, youth.municipality, "it reads back the same")
    }
}
