import Foundation
import XCTest

/// A bad argument is a usage error (exit 2) with a message that says what is wrong, whatever the
/// data directory holds: a date as a week.
final class ArgumentsEndToEndTests: XCTestCase {
    func testAMeetingDateThatDoesNotExistIsAUsageError() throws {
        let binary = try rodeloperBinary()
        let directory = temporaryDataDirectory(self)
        XCTAssertEqual(try runProcess(binary, ["--data-dir", directory, "demo"]).status, 0)
        let id = try XCTUnwrap(try FileManager.default.contentsOfDirectory(atPath: directory + "/youths").first).dropLast(5)
        let cases = [("01-01-0000", "--meeting: Jaar 0 kan niet: kies een jaar van 0001 tot en met 9999."),
                     ("31-02-2026", "--meeting: 31-02-2026 bestaat niet: februari 2026 heeft 28 dagen."),
                     ("morgen", "--meeting: Typ de datum als dd-mm-jjjj")]
        for (date, message) in cases {
            let result = try runProcess(binary, ["--data-dir", directory, "export", "--format", "text", "--youth", String(id), "--meeting", date])
            XCTAssertEqual(result.status, 2, "\(date): \(result.stderr)")
            XCTAssertTrue(result.stderr.hasPrefix("rodeloper: " + message), result.stderr)
            XCTAssertFalse(result.stderr.contains("januari 0"), result.stderr)
            XCTAssertEqual(result.stdout, "")
        }
        // An id that matches no youth says what an id may be, not "more than one".
        let unknown = try runProcess(binary, ["--data-dir", directory, "export", "--format", "markdown", "--youth", "zzzzzzzz"])
        XCTAssertEqual(unknown.status, 1)
        XCTAssertTrue(unknown.stderr.contains("Geen dossier past bij zzzzzzzz"), unknown.stderr)
    }

    /// A link in place of reviews/ is never read through: `review` prints nothing, this week's
    /// agenda included (without the stored pages it would pass for the week's record).
    func testReviewRefusesALinkInPlaceOfTheReviewsFolder() throws {
        let binary = try rodeloperBinary()
        let directory = temporaryDataDirectory(self)
        XCTAssertEqual(try runProcess(binary, ["--data-dir", directory, "demo"]).status, 0)
        try FileManager.default.moveItem(atPath: directory + "/reviews", toPath: directory + "/reviews.real")
        try FileManager.default.createSymbolicLink(atPath: directory + "/reviews", withDestinationPath: directory + "/reviews.real")
        for week in [[], ["--week", "2026-48"]] {
            let result = try runProcess(binary, ["--data-dir", directory, "review"] + week)
            XCTAssertEqual(result.status, 1, result.stderr)
            XCTAssertEqual(result.stdout, "")
            XCTAssertTrue(result.stderr.contains("reviews/ is een symbolische koppeling"), result.stderr)
        }
    }
}

/// `report`, `export --format csv` and `export --format ics` (issue 19): every misuse is a usage
/// error (exit 2) that says what is wrong, and nothing is written.
final class ResearchArgumentsEndToEndTests: XCTestCase {
    func testReportAndExportArgumentsThatDoNotFitAreUsageErrors() throws {
        let binary = try rodeloperBinary()
        let directory = temporaryDataDirectory(self)
        let cases: [([String], String)] = [
            (["report", "--merge"], "--merge verwacht een of meer mappen met onderzoeksexports."),
            (["report", "--share", "--merge", "a"], "--merge toont altijd de cijfers zoals voor anderen; --share hoort er niet bij."),
            (["report", "map"], "Onbekende opdracht: report map"),
            (["report", "--format", "pdf"], "Onbekend formaat voor report: pdf (bekend: markdown, text)."),
            (["report", "--from", "31-02-2026"], "--from: 31-02-2026 bestaat niet: februari 2026 heeft 28 dagen."),
            (["report", "--from", "10-03-2026", "--to", "01-03-2026"], "--to (01-03-2026) ligt vóór --from (10-03-2026)."),
            (["report", "--out", "x"], "report kent alleen --format, --from, --to, --share en --merge."),
            (["report", "--merge", "a"], "--data-dir hoort niet bij report --merge: de samenvoeging leest alleen de mappen met onderzoeksexports"),
            (["report", "--from", "2026-01-01"], "--from: Typ de dag eerst en het jaar als laatste: dd-mm-jjjj"),
            (["report", "--from", "01-01-9999"], "--to (vandaag, "),
            (["report", "--share", "--share"], "--share staat er twee keer; geef het één keer."),
            (["review", "--share"], "--from, --to, --share en --merge horen bij report."),
            (["export", "--format", "json", "--merge"], "--from, --to, --share en --merge horen bij report."),
            (["export", "--format", "csv", "--youth", "abcd1234"], "--format csv geldt de hele caseload: --youth, --meeting, --agenda, --handout en --placement horen er niet bij."),
            (["export", "--format", "ics", "--agenda"], "--format ics geldt de hele caseload: --youth, --meeting, --agenda, --handout en --placement horen er niet bij."),
            (["export", "--format", "json", "--comma"], "--comma hoort bij export --format csv."),
            (["export", "--format", "ics", "--comma"], "--comma hoort bij export --format csv."),
            (["export", "--format", "xlsx"], "Onbekend exportformaat: xlsx (bekend: json, markdown, text, csv, ics)."),
            (["export", "--format", "csv", "--out"], "--out verwacht een waarde."),
        ]
        for (arguments, message) in cases {
            let result = try runProcess(binary, ["--data-dir", directory] + arguments)
            XCTAssertEqual(result.status, 2, "\(arguments): \(result.stderr)")
            XCTAssertTrue(result.stderr.hasPrefix("rodeloper: " + message), "\(arguments): \(result.stderr)")
            XCTAssertEqual(result.stdout, "")
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: directory), "a usage error writes nothing")
    }
}

/// `export --handout` (issue 17): the placement by its number, the current one by default; a bad
/// number is a usage error, a placement that does not exist an error.
final class HandoutArgumentsEndToEndTests: XCTestCase {
    func testTheHandoutOfAPlacementByNumberOrTheCurrentOne() throws {
        let binary = try rodeloperBinary()
        let directory = temporaryDataDirectory(self)
        // The sample youth of schema 7: an ended placement at Bakkerij De Korrel, a running one at Fietsenmaker Wiel.
        let sample = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Samples/youth-v7.json")
        try FileManager.default.createDirectory(atPath: directory + "/youths", withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: sample.path, toPath: directory + "/youths/0b5e7c3a-0003-4000-8000-000000000003.json")
        let export = ["--data-dir", directory, "export", "--format", "markdown", "--youth", "0b5e7c3a", "--handout"]

        let current = try runProcess(binary, export)
        XCTAssertEqual(current.status, 0, current.stderr)
        XCTAssertTrue(current.stdout.hasPrefix("# "), current.stdout)
        XCTAssertTrue(current.stdout.split(separator: "\n").first?.hasSuffix(" bij Fietsenmaker Wiel") == true, current.stdout)
        XCTAssertTrue(current.stdout.contains("## Plaatsingsafspraken"), current.stdout)
        let first = try runProcess(binary, export + ["--placement", "1"])
        XCTAssertEqual(first.status, 0, first.stderr)
        XCTAssertTrue(first.stdout.split(separator: "\n").first?.hasSuffix(" bij Bakkerij De Korrel") == true, first.stdout)

        let missing = try runProcess(binary, export + ["--placement", "3"])
        XCTAssertEqual(missing.status, 1)
        XCTAssertTrue(missing.stderr.contains("Er is geen plaatsing 3. Dit dossier heeft 2 plaatsingen (1 tot en met 2)."), missing.stderr)
        XCTAssertEqual(missing.stdout, "")
        for (arguments, message) in [(export + ["--placement", "nul"], "--placement verwacht het nummer van een plaatsing"),
                                     (export.dropLast() + ["--placement", "1"], "--placement hoort bij --handout."),
                                     (export + ["--agenda"], "--handout gaat alleen met --format markdown --youth ID"),
                                     (["--data-dir", directory, "demo", "--handout"], "horen bij export.")] {
            let result = try runProcess(binary, Array(arguments))
            XCTAssertEqual(result.status, 2, "\(arguments): \(result.stderr)")
            XCTAssertTrue(result.stderr.contains(message), result.stderr)
        }
    }
}

/// `export --format json --out`, `import FILE [--replace]` (issue 18): what does not fit is a usage
/// error (2) that says what belongs where, before anything is read or written.
final class HandoverArgumentsEndToEndTests: XCTestCase {
    func testExportOutImportAndReplaceOnlyWhereTheyBelong() throws {
        let binary = try rodeloperBinary()
        let directory = temporaryDataDirectory(self)
        for (arguments, message) in [(["import"], "import verwacht een bestand: rodeloper import BESTAND."),
                                     (["import", "a.json", "b.json"], "import neemt één bestand."),
                                     (["import", "a.json", "--format", "json"], "import kent alleen --replace (en --data-dir)."),
                                     (["import", "a.json", "--out", "b.json"], "import kent alleen --replace (en --data-dir)."),
                                     (["export", "--format", "json", "--replace"], "--replace hoort bij import."),
                                     (["--replace"], "--replace hoort bij import."),
                                     (["export", "--format", "markdown", "--youth", "abcd", "--out", "plan.md"], "--out hoort bij export --format json, csv of ics."),
                                     (["review", "--out", "week.txt"], "--out hoort bij export --format json, csv of ics."),
                                     (["export", "--format", "json", "--out"], "--out verwacht een waarde."),
                                     (["export", "--format", "json", "--out", "a.json", "--out", "b.json"], "--out staat er twee keer"),
                                     (["export", "--format", "json", "--youth", "abcd", "--meeting", "01-01-2026"],
                                      "--meeting, --agenda, --handout en --placement horen bij --format markdown of text.")] {
            let result = try runProcess(binary, ["--data-dir", directory] + arguments)
            XCTAssertEqual(result.status, 2, "\(arguments): \(result.stderr)")
            XCTAssertTrue(result.stderr.hasPrefix("rodeloper: " + message) && result.stderr.contains("Gebruik:"), "\(arguments): \(result.stderr)")
            XCTAssertEqual(result.stdout, "")
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: directory), "a usage error touches nothing")
        let help = try runProcess(binary, ["--help"]).stdout
        for line in ["export --format json [--out BESTAND]", "export --format json --youth ID [--out BESTAND]", "import BESTAND [--replace]"] {
            XCTAssertTrue(help.contains(line), help)
        }
        // Refused once the arguments are right: an export into the data directory, an import of a missing file.
        XCTAssertEqual(try runProcess(binary, ["--data-dir", directory, "demo"]).status, 0)
        let inside = try runProcess(binary, ["--data-dir", directory, "export", "--format", "json", "--out", directory + "/backup.json"])
        XCTAssertEqual(inside.status, 1)
        XCTAssertTrue(inside.stderr.contains("ligt in de gegevensmap"), inside.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: directory + "/backup.json"))
        let missing = try runProcess(binary, ["--data-dir", directory, "import", directory + "-nergens.json"])
        XCTAssertEqual(missing.status, 1)
        XCTAssertEqual(missing.stderr, "rodeloper: \(directory)-nergens.json bestaat niet. Er is niets geïmporteerd.\n")
    }
}
