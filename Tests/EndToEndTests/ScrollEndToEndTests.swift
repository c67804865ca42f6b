import Foundation
import XCTest

/// What a small terminal hides is marked and can be reached, through tmux, as a coach would.
final class ScrollEndToEndTests: XCTestCase {
    /// At 60x16 the ZRM overview shows five of the thirteen domains: ▼ says more, PgDn reaches the
    /// acute one and the last; a resize clamps the page, so no empty window shows.
    func testTheZRMOverviewAndPhaseHistoryAt60x16() throws {
        let binary = try rodeloperBinary()
        let tmux = try Tmux(self)
        let directory = temporaryDataDirectory(self)
        XCTAssertEqual(try runProcess(binary, ["--data-dir", directory, "demo"]).status, 0)
        try tmux.start("small", width: 60, height: 16, "env LANG=C.UTF-8 TERM=xterm-256color \(binary) --data-dir \(directory)")
        try tmux.waitFor("small", "the demo list, with more below marked") { $0.contains("Bilal") && $0.contains("▼") }
        try tmux.keys("small", "/")
        try tmux.text("small", "jesse")
        try tmux.keys("small", "Enter")
        try tmux.waitFor("small", "Jesse's dossier naming the key to the phase history") { $0.contains("f toont alle") }
        try tmux.keys("small", "z")
        let first = try tmux.waitFor("small", "the ZRM overview") { $0.contains("Financiën") && $0.contains("Leefgebied") }
        XCTAssertTrue(first.contains("▼") && !first.contains("▲"), first)
        XCTAssertFalse(first.contains("Middelengebruik"), "the acute domain is below at this size\n\(first)")
        try tmux.keys("small", "PgDn")
        try tmux.waitFor("small", "the acute domain, marked both ways") { $0.contains("Middelengebruik") && $0.contains("1 !") && $0.contains("▲") }
        try tmux.keys("small", "End")
        try tmux.waitFor("small", "the last domain") { $0.contains("Justitie") && !$0.contains("▼") }
        try tmux.command(["resize-window", "-t", "small", "-x", "80", "-y", "24"])
        try tmux.waitFor("small", "all thirteen at 80x24, nothing marked") { $0.contains("Financiën") && $0.contains("Justitie") && !$0.contains("▲") }
        try tmux.command(["resize-window", "-t", "small", "-x", "60", "-y", "16"])
        // All fitted at 80x24, so the page was clamped to the top: back at 60x16 it shows the first page.
        try tmux.waitFor("small", "back at 60x16, the first page marked") { $0.contains("Financiën") && $0.contains("▼") && !$0.contains("Justitie") }
        try tmux.keys("small", "q", "f")
        try tmux.waitFor("small", "the whole phase history") { $0.contains("faseovergangen") && $0.contains("start in Scout") }
        try tmux.keys("small", "C-c")
        tmux.waitUntilGone("small")
    }
}
