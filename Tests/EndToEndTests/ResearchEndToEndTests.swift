import Foundation
import XCTest

/// The research export with the real binary (issue 19): `export --format csv` on the demo, read
/// back (files, modes, what stderr says was left out), and `report --merge` of two coaches' exports.
final class ResearchEndToEndTests: XCTestCase {
    /// The demo in a new data directory, with research consent added to all but the first
    /// `without` youths (by editing their files, as the consent register would write it).
    /// Returns the directory and how many youths it holds.
    private func demo(_ binary: String, without: Int) throws -> (directory: String, youths: Int) {
        let directory = temporaryDataDirectory(self)
        XCTAssertEqual(try runProcess(binary, ["--data-dir", directory, "demo"]).status, 0)
        let files = try FileManager.default.contentsOfDirectory(atPath: directory + "/youths").filter { $0.hasSuffix(".json") }.sorted()
        for (index, name) in files.enumerated() {
            let path = directory + "/youths/" + name
            var file = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as? [String: Any])
            var youth = try XCTUnwrap(file["youth"] as? [String: Any])
            // The demo's own research consents replaced by these.
            let others = ((youth["consents"] as? [[String: Any]]) ?? []).filter { $0["purpose"] as? String != "research" }
            let research: [[String: Any]] = index < without ? [] : [["id": UUID().uuidString.lowercased(), "purpose": "research", "personID": "",
                                                                     "what": "gepseudonimiseerde gegevens voor het actieonderzoek", "from": "2020-01-01"]]
            youth["consents"] = others + research
            file["youth"] = youth
            try JSONSerialization.data(withJSONObject: file).write(to: URL(fileURLWithPath: path))
        }
        return (directory, files.count)
    }

    private func outside() throws -> String {
        let folder = temporaryDataDirectory(self)
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        return folder
    }

    private func mode(_ path: String) -> Int {
        ((try? FileManager.default.attributesOfItem(atPath: path))?[.posixPermissions] as? Int) ?? -1
    }

    func testTheCSVExportOfTheDemoReadsBack() throws {
        let binary = try rodeloperBinary()
        let (directory, count) = try demo(binary, without: 2)
        let out = try outside() + "/onderzoek"
        let result = try runProcess(binary, ["--data-dir", directory, "export", "--format", "csv", "--out", out])
        XCTAssertEqual(result.status, 0, result.stderr)
        // Every demo youth but two has research consent; a case the demo closed as handed over counts elsewhere.
        let exported = try XCTUnwrap(result.stderr.components(separatedBy: "rodeloper: ").dropFirst().compactMap { line in
            line.hasSuffix(" niet, zonder toestemming voor onderzoek.\n") ? Int(line.prefix { $0.isNumber }) : nil }.first, result.stderr)
        XCTAssertTrue(result.stderr.contains("jongeren geëxporteerd; 2 niet, zonder toestemming voor onderzoek."), result.stderr)
        XCTAssertLessThanOrEqual(exported, count - 2)
        XCTAssertTrue(result.stdout.hasPrefix("Onderzoeksexport geschreven in "), result.stdout)
        XCTAssertEqual(mode(out), 0o700)
        for name in ["jongeren.csv", "metingen.csv", "fasen.csv", "uitstroom.csv", "vaardigheden.csv", "LEESMIJ.txt", "onderzoek.json"] {
            XCTAssertEqual(mode(out + "/" + name), 0o600, name)
        }
        XCTAssertEqual(mode(directory + "/research.json"), 0o600, "the secret, made on first need")
        let youths = try Data(contentsOf: URL(fileURLWithPath: out + "/jongeren.csv"))
        XCTAssertEqual(Array(youths.prefix(3)), [0xEF, 0xBB, 0xBF])
        let lines = String(decoding: youths.dropFirst(3), as: UTF8.self).components(separatedBy: "\r\n").filter { !$0.isEmpty }
        XCTAssertEqual(lines.first, "pseudoniem;geboortejaar;gemeente;start")
        XCTAssertEqual(lines.count, exported + 1)
        XCTAssertTrue(lines.dropFirst().allSatisfy { $0.hasPrefix("RL-") }, "\(lines)")
        let readme = try String(contentsOfFile: out + "/LEESMIJ.txt", encoding: .utf8)
        XCTAssertTrue(readme.contains("Niet opgenomen:        2 (geen toestemming voor onderzoek"), readme)

        // The same again: the same pseudonyms; into the folder just written: refused.
        let again = try outside() + "/onderzoek"
        XCTAssertEqual(try runProcess(binary, ["--data-dir", directory, "export", "--format", "csv", "--comma", "--out", again]).status, 0)
        let plain = try String(contentsOfFile: again + "/jongeren.csv", encoding: .utf8)
        XCTAssertTrue(plain.hasPrefix("pseudoniem,geboortejaar,gemeente,start\n"), plain)
        XCTAssertEqual(Set(plain.split(separator: "\n").dropFirst().map { $0.prefix(19) }), Set(lines.dropFirst().map { $0.prefix(19) }))
        let refused = try runProcess(binary, ["--data-dir", directory, "export", "--format", "csv", "--out", out])
        XCTAssertEqual(refused.status, 1)
        XCTAssertTrue(refused.stderr.contains("bestaat al en is niet leeg"), refused.stderr)
        let inside = try runProcess(binary, ["--data-dir", directory, "export", "--format", "csv", "--out", directory + "/onderzoek"])
        XCTAssertEqual(inside.status, 1)
        XCTAssertTrue(inside.stderr.contains("ligt in de gegevensmap"), inside.stderr)
    }

    func testReportMergeAddsUpTwoCoachesAndRefusesTheSameExportTwice() throws {
        let binary = try rodeloperBinary()
        let (first, _) = try demo(binary, without: 1)
        let (second, _) = try demo(binary, without: 3)
        let (outA, outB) = (try outside() + "/a", try outside() + "/b")
        XCTAssertEqual(try runProcess(binary, ["--data-dir", first, "export", "--format", "csv", "--out", outA]).status, 0)
        XCTAssertEqual(try runProcess(binary, ["--data-dir", second, "export", "--format", "csv", "--comma", "--out", outB]).status, 0)

        let merged = try runProcess(binary, ["report", "--merge", outA, outB])
        XCTAssertEqual(merged.status, 0, merged.stderr)
        XCTAssertFalse(merged.stdout.isEmpty)
        let markdown = try runProcess(binary, ["report", "--format", "markdown", "--merge", outA, outB])
        XCTAssertEqual(markdown.status, 0, markdown.stderr)

        let twice = try runProcess(binary, ["report", "--merge", outA, outA])
        XCTAssertEqual(twice.status, 1)
        XCTAssertTrue(twice.stderr.contains("Dezelfde jongere in twee exports: RL-"), twice.stderr)
        XCTAssertEqual(twice.stdout, "")
        let notAnExport = try runProcess(binary, ["report", "--merge", first])
        XCTAssertEqual(notAnExport.status, 1)
        XCTAssertTrue(notAnExport.stderr.contains("geen onderzoeksexport van Rode Loper"), notAnExport.stderr)
        // A folder that does not exist says so; its name, line break and all, is escaped.
        let missing = try runProcess(binary, ["report", "--merge", outA + "/nergens\nhier"])
        XCTAssertEqual(missing.status, 1)
        XCTAssertTrue(missing.stderr.contains("/nergens\\x0Ahier: deze map bestaat niet."), missing.stderr)
        XCTAssertEqual(missing.stderr.filter { $0 == "\n" }.count, 1, missing.stderr)
        let withData = try runProcess(binary, ["--data-dir", first, "report", "--merge", outA])
        XCTAssertEqual(withData.status, 2)
        XCTAssertTrue(withData.stderr.contains("--data-dir hoort niet bij report --merge"), withData.stderr)
    }
}
