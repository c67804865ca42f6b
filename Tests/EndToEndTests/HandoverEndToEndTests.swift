import Foundation
import XCTest

/// Handing a case to another coach and restoring a backup with the real binary (issue 18): a demo
/// case exported from one data directory and imported into another is identical; a backup
/// restores into an empty directory and is refused where there is data; a running program keeps
/// an import out.
final class HandoverEndToEndTests: XCTestCase {
    /// The export of one youth, as JSON without the moment of export (the one field that differs).
    private func caseExport(_ binary: String, _ directory: String, _ id: String) throws -> [String: Any] {
        let result = try runProcess(binary, ["--data-dir", directory, "export", "--format", "json", "--youth", id])
        XCTAssertEqual(result.status, 0, result.stderr)
        var document = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        XCTAssertEqual(document["kind"] as? String, "handover")
        document["exportedAt"] = nil
        return document
    }

    /// A demo youth with a placement: its workplaces travel with it.
    private func placedYouth(_ binary: String, _ directory: String) throws -> String {
        let export = try runProcess(binary, ["--data-dir", directory, "export", "--format", "json"])
        let document = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(export.stdout.utf8)) as? [String: Any])
        let youths = try XCTUnwrap(document["youths"] as? [[String: Any]])
        return try XCTUnwrap(youths.first { !(($0["placements"] as? [Any]) ?? []).isEmpty }?["id"] as? String)
    }

    /// Two data directories, the first with the demo, a folder outside both, and a placed youth's id.
    private func demoAndEmpty(_ binary: String) throws -> (first: String, second: String, outside: String, id: String) {
        let (first, second, outside) = (temporaryDataDirectory(self), temporaryDataDirectory(self), temporaryDataDirectory(self))
        try FileManager.default.createDirectory(atPath: outside, withIntermediateDirectories: true)
        XCTAssertEqual(try runProcess(binary, ["--data-dir", first, "demo"]).status, 0)
        return (first, second, outside, try placedYouth(binary, first))
    }

    func testACaseExportedFromOneDataDirectoryAndImportedIntoAnotherIsIdentical() throws {
        let binary = try rodeloperBinary()
        let (first, second, outside, id) = try demoAndEmpty(binary)
        let file = outside + "/overdracht.json"

        let export = try runProcess(binary, ["--data-dir", first, "export", "--format", "json", "--youth", String(id.prefix(8)), "--out", file])
        XCTAssertEqual(export.status, 0, export.stderr)
        XCTAssertTrue(export.stdout.hasPrefix("Dossier \(id.prefix(8)) met "), export.stdout)
        XCTAssertEqual(((try FileManager.default.attributesOfItem(atPath: file))[.posixPermissions] as? Int), 0o600)

        let imported = try runProcess(binary, ["--data-dir", second, "import", file])
        XCTAssertEqual(imported.status, 0, imported.stderr)
        XCTAssertTrue(imported.stdout.hasPrefix("Overdracht geïmporteerd: dossier \(id.prefix(8)) toegevoegd; "), imported.stdout)
        XCTAssertEqual(imported.stderr, "")
        let before = try caseExport(binary, first, id)
        XCTAssertEqual(NSDictionary(dictionary: try caseExport(binary, second, id)), NSDictionary(dictionary: before))
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: "\(second)/youths/\(id).json")),
                       try Data(contentsOf: URL(fileURLWithPath: "\(first)/youths/\(id).json")))

        // Again: refused without --replace, naming the id and no name; with it, replaced.
        let again = try runProcess(binary, ["--data-dir", second, "import", file])
        XCTAssertEqual(again.status, 1)
        XCTAssertTrue(again.stderr.hasPrefix("rodeloper: Het dossier \(id.prefix(8)) staat al in deze caseload. Geef --replace"), again.stderr)
        XCTAssertEqual(again.stdout, "")
        let replaced = try runProcess(binary, ["--data-dir", second, "import", file, "--replace"])
        XCTAssertEqual(replaced.status, 0, replaced.stderr)
        XCTAssertTrue(replaced.stdout.contains("dossier \(id.prefix(8)) vervangen"), replaced.stdout)
        XCTAssertEqual(NSDictionary(dictionary: try caseExport(binary, second, id)), NSDictionary(dictionary: before))
    }

    func testABackupRestoresIntoAnEmptyDirectoryAndIsRefusedWhereThereIsData() throws {
        let binary = try rodeloperBinary()
        let (laptop, newLaptop) = (temporaryDataDirectory(self), temporaryDataDirectory(self))
        let stick = temporaryDataDirectory(self)
        try FileManager.default.createDirectory(atPath: stick, withIntermediateDirectories: true)
        XCTAssertEqual(try runProcess(binary, ["--data-dir", laptop, "demo"]).status, 0)
        let backup = try runProcess(binary, ["--data-dir", laptop, "export", "--format", "json", "--out", stick + "/backup.json"])
        XCTAssertEqual(backup.status, 0, backup.stderr)
        XCTAssertTrue(backup.stdout.hasPrefix("Back-up van 13 dossiers geschreven naar "), backup.stdout)

        let restored = try runProcess(binary, ["--data-dir", newLaptop, "import", stick + "/backup.json"])
        XCTAssertEqual(restored.status, 0, restored.stderr)
        XCTAssertTrue(restored.stdout.hasPrefix("Back-up teruggezet: 13 dossiers, "), restored.stdout)
        for folder in ["youths", "workplaces", "reviews"] {
            let names = try FileManager.default.contentsOfDirectory(atPath: "\(laptop)/\(folder)").filter { $0.hasSuffix(".json") }.sorted()
            XCTAssertFalse(names.isEmpty, folder)
            XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: "\(newLaptop)/\(folder)").filter { $0.hasSuffix(".json") }.sorted(), names)
            for name in names {
                XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: "\(newLaptop)/\(folder)/\(name)")),
                               try Data(contentsOf: URL(fileURLWithPath: "\(laptop)/\(folder)/\(name)")), "\(folder)/\(name)")
            }
        }

        let refused = try runProcess(binary, ["--data-dir", laptop, "import", stick + "/backup.json"])
        XCTAssertEqual(refused.status, 1)
        XCTAssertTrue(refused.stderr.contains("Een back-up wordt alleen in een lege gegevensmap teruggezet"), refused.stderr)
        // Without --out the whole caseload still goes to stdout, and it is the same backup.
        let stdout = try runProcess(binary, ["--data-dir", laptop, "export", "--format", "json"])
        XCTAssertEqual(stdout.status, 0, stdout.stderr)
        var printed = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(stdout.stdout.utf8)) as? [String: Any])
        var written = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: stick + "/backup.json"))) as? [String: Any])
        (printed["exportedAt"], written["exportedAt"]) = (nil, nil)
        XCTAssertEqual(NSDictionary(dictionary: printed), NSDictionary(dictionary: written))
    }

    func testARunningProgramKeepsAnImportOutAndABadFileChangesNothing() throws {
        let binary = try rodeloperBinary()
        let (first, second, outside, id) = try demoAndEmpty(binary)
        XCTAssertEqual(try runProcess(binary, ["--data-dir", first, "export", "--format", "json", "--youth", id, "--out", outside + "/case.json"]).status, 0)

        let tmux = try Tmux(self)
        try tmux.start("open", "exec env LANG=C.UTF-8 TERM=tmux-256color \(binary) --data-dir \(second)")
        try tmux.waitFor("open", "the program") { $0.contains("Rode Loper") }
        let locked = try runProcess(binary, ["--data-dir", second, "import", outside + "/case.json"])
        XCTAssertEqual(locked.status, 1)
        XCTAssertTrue(locked.stderr.contains("Rode Loper is al geopend met de gegevensmap"), locked.stderr)
        try tmux.keys("open", "C-c")
        tmux.waitUntilGone("open")
        waitUntilNoProgram(for: second)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: second + "/youths"), [])

        // A file a newer Rode Loper wrote, and a damaged one: refused, and no data directory made.
        var document = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: outside + "/case.json"))) as? [String: Any])
        document["schemaVersion"] = 99
        try JSONSerialization.data(withJSONObject: document).write(to: URL(fileURLWithPath: outside + "/newer.json"))
        try Data("{\"schemaVersion\": 8, \"youths\": [{\"id\": 1}]}".utf8).write(to: URL(fileURLWithPath: outside + "/bad.json"))
        let third = temporaryDataDirectory(self)
        for (name, message) in [("newer.json", "is gemaakt met een nieuwere versie van Rode Loper (dossiers: schema 99;"),
                                ("bad.json", "kan niet worden geïmporteerd: de inhoud heeft niet de verwachte vorm (bij youths[0].id: verwacht een tekst)")] {
            let result = try runProcess(binary, ["--data-dir", third, "import", outside + "/" + name])
            XCTAssertEqual(result.status, 1, name)
            XCTAssertTrue(result.stderr.contains(message) && result.stderr.contains("Er is niets geïmporteerd."), result.stderr)
            XCTAssertFalse(FileManager.default.fileExists(atPath: third), "nothing written, not even the data directory")
        }
    }

    /// A backup that cannot hold a file whole (here: an unreadable youth file) writes nothing, to
    /// --out or to stdout, and exits 1 naming the file; a handover whose workplace did not come
    /// along is imported whole and says so on stderr.
    func testABackupMissingAFileIsRefusedAndAMissingWorkplaceIsSaid() throws {
        let binary = try rodeloperBinary()
        let (first, second, outside, id) = try demoAndEmpty(binary)
        try Data("{".utf8).write(to: URL(fileURLWithPath: first + "/youths/kapot.json"))
        for out in [["--out", outside + "/backup.json"], []] {
            let refused = try runProcess(binary, ["--data-dir", first, "export", "--format", "json"] + out)
            XCTAssertEqual(refused.status, 1, "\(out)")
            XCTAssertEqual(refused.stdout, "", "\(out)")
            XCTAssertTrue(refused.stderr.contains("Geen back-up gemaakt: dit bestand kan er niet heel in") && refused.stderr.contains("- youths/kapot.json: ")
                          && refused.stderr.contains("Er is niets geschreven."), refused.stderr)
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: outside + "/backup.json"))

        let export = try runProcess(binary, ["--data-dir", first, "export", "--format", "json", "--youth", id])
        var document = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(export.stdout.utf8)) as? [String: Any])
        document["workplaces"] = []
        try JSONSerialization.data(withJSONObject: document).write(to: URL(fileURLWithPath: outside + "/case.json"))
        let imported = try runProcess(binary, ["--data-dir", second, "import", outside + "/case.json"])
        XCTAssertEqual(imported.status, 0, imported.stderr)
        XCTAssertTrue(imported.stderr.contains("naar een werkplek die niet in het bestand zat en ook niet in deze caseload staat"), imported.stderr)
        XCTAssertTrue(FileManager.default.fileExists(atPath: second + "/youths/\(id).json"))
    }
}
