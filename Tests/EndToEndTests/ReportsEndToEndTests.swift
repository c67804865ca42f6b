import Foundation
import XCTest

/// The reports of the action research with the real binary, as a coach sees them: `rodeloper
/// report` on the demo, and the same lines on the reports screen (`R`), in the coach's own view
/// and as shared, with the research consent that decides who is counted.
final class ReportsEndToEndTests: XCTestCase {
    func testTheReportsScreenShowsTheLinesTheCommandPrints() throws {
        let binary = try rodeloperBinary()
        let directory = temporaryDataDirectory(self)
        XCTAssertEqual(try runProcess(binary, ["--data-dir", directory, "demo"]).status, 0)
        let own = try runProcess(binary, ["--data-dir", directory, "report"])
        XCTAssertEqual(own.status, 0, own.stderr)
        XCTAssertTrue(own.stdout.hasPrefix("Rapportage actieonderzoek\n"), own.stdout)
        for figure in ["1. Caseload per fase", "2. ZRM per leefgebied per meting", "3. Eerste tegen laatste meting",
                       "4. Basisvaardigheden", "5. Uitstroom van afgesloten dossiers"] {
            XCTAssertTrue(own.stdout.contains(figure), figure)
        }
        let shared = try runProcess(binary, ["--data-dir", directory, "report", "--share"])
        XCTAssertEqual(shared.status, 0, shared.stderr)
        // The demo: three youths without research consent (two in scout, one withdrawn).
        XCTAssertTrue(shared.stderr.contains("3 jongeren zonder toestemming voor onderzoek niet meegeteld."), shared.stderr)
        XCTAssertTrue(shared.stdout.contains("Rust op 10 jongeren"), shared.stdout)
        let markdown = try runProcess(binary, ["--data-dir", directory, "report", "--format", "markdown"])
        XCTAssertTrue(markdown.stdout.contains("## 1. Caseload per fase"), markdown.stdout)

        let tmux = try Tmux(self)
        try tmux.start("rep", "exec env LANG=C.UTF-8 TERM=tmux-256color \(binary) --data-dir \(directory)")
        try tmux.waitFor("rep", "the caseload") { $0.contains("Kevin Kunstma") }
        try tmux.keys("rep", "R")
        try tmux.waitFor("rep", "the reports screen") { $0.contains("Uw eigen cijfers") && $0.contains("Rapportage actieonderzoek") }
        // What the screen shows of the report is the command's first lines, in order.
        let reportLines = own.stdout.components(separatedBy: "\n")
        let shown = try tmux.screen("rep").components(separatedBy: "\n")
            .map { String($0.dropFirst(2)).replacingOccurrences(of: #"\s+$"#, with: "", options: .regularExpression) }
        let start = try XCTUnwrap(shown.firstIndex(of: "Rapportage actieonderzoek"))
        // Up to the hint line (the ▼ mark stands in the margin, outside the text).
        let visible = shown[start...].prefix { !$0.contains("Esc terug") }
        XCTAssertGreaterThan(visible.count, 10)
        XCTAssertEqual(Array(visible), Array(reportLines.prefix(visible.count)))
        // Shared: the heading says so and how many were left out.
        try tmux.keys("rep", "s")
        try tmux.waitFor("rep", "the shared view") { $0.contains("Zoals gedeeld") && $0.contains("3 jongeren zonder toestemming") }
        try tmux.keys("rep", "End")
        try tmux.waitFor("rep", "the end of the report") { $0.contains("Werk of school") && $0.contains("▲") }
        try tmux.keys("rep", "Escape")
        try tmux.waitFor("rep", "the caseload again") { $0.contains("Kevin Kunstma") }
    }
}
