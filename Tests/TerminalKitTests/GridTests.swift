import TerminalKit
import XCTest

final class GridTests: XCTestCase {
    private let labels = ["Op tijd komen", "Willen werken", "Respect tonen", "Samenwerken", "Eerlijk zijn", "Zelfstandig werken"]

    private func grid(width: Int, height: Int, columns: Int, first: Bool = true) -> Grid {
        var grid = Grid(labelWidth: 20, minimumLabelWidth: 8, columnWidth: 8, firstWidth: first ? 6 : 0)
        grid.resize(to: Rect(row: 0, col: 0, width: width, height: height))
        grid.update(rows: labels.count, columns: columns, footer: 1)
        return grid
    }

    private func draw(_ grid: Grid, width: Int, columns: Int, first: Bool = true) -> [String] {
        var canvas = Canvas(width: width, height: grid.area.height)
        grid.render(into: &canvas, content: Grid.Content(
            corner: "Vaardigheid", labels: labels, headers: (0..<columns).map { ["k\($0)"] },
            cell: { row, column in Grid.Cell("r\(row)c\(column)") },
            first: first ? (["eerst"], { Grid.Cell("e\($0)") }) : nil,
            footer: [("Totaal", { Grid.Cell("t\($0)") })]))
        XCTAssertEqual(canvas.silentCuts, [], "nothing is cut without a sign")
        return (0..<canvas.height).map(canvas.line)
    }

    func testEverythingFitsWithoutMarks() {
        let grid = grid(width: 80, height: 9, columns: 3)
        let lines = draw(grid, width: 80, columns: 3)
        XCTAssertTrue(lines[0].contains("Vaardigheid") && lines[0].contains("eerst") && lines[0].contains("k0") && lines[0].contains("k2"), lines[0])
        XCTAssertTrue(lines[1].contains("Op tijd komen") && lines[1].contains("e0") && lines[1].contains("r0c2"), lines[1])
        XCTAssertTrue(lines[7].contains("Totaal") && lines[7].contains("t1"), "the footer stays under the rows")
        XCTAssertFalse(lines.joined().contains { "▲▼◀▶".contains($0) }, lines.joined(separator: "\n"))
    }

    func testRowsScrollWithMarksThatAreCharacters() {
        var grid = grid(width: 80, height: 5, columns: 2)
        var lines = draw(grid, width: 80, columns: 2)
        XCTAssertEqual(grid.rows.visible, 0..<3)
        XCTAssertTrue(lines[3].hasPrefix("▼"), lines[3])
        XCTAssertFalse(lines.joined().contains("▲"))
        XCTAssertTrue(grid.handle(.end))
        lines = draw(grid, width: 80, columns: 2)
        XCTAssertTrue(lines[1].hasPrefix("▲") && lines[3].contains("Zelfstandig werken"), lines.joined(separator: "\n"))
        XCTAssertFalse(grid.handle(.down), "nothing below the last row")
        XCTAssertTrue(grid.handle(.home))
        XCTAssertTrue(grid.handle(.down))
        XCTAssertEqual(grid.rows.top, 1)
    }

    func testColumnsScrollToTheSelectedOneWithMarks() {
        var grid = grid(width: 50, height: 9, columns: 6)
        // 2 + 20 labels + 6 first = 28; (50 - 2 - 28) / 8 = 2 columns in sight.
        XCTAssertEqual(grid.columnsInSight, 2)
        var lines = draw(grid, width: 50, columns: 6)
        XCTAssertTrue(lines[0].contains("▶") && !lines[0].contains("◀"), lines[0])
        XCTAssertTrue(lines[0].contains("k0") && lines[0].contains("k1") && !lines[0].contains("k2"), lines[0])
        grid.select(column: 5)
        lines = draw(grid, width: 50, columns: 6)
        XCTAssertTrue(lines[0].contains("◀") && !lines[0].contains("▶") && lines[0].contains("k5"), lines[0])
        XCTAssertTrue(lines[1].contains("e0"), "the first column stays in sight")
        XCTAssertTrue(grid.handle(.left))
        XCTAssertEqual(grid.selected, 4)
        XCTAssertEqual(grid.columns.visible, 4..<6, "the selection still shows: no scrolling")
        for _ in 0..<9 { _ = grid.handle(.left) }
        XCTAssertEqual(grid.selected, 0)
        XCTAssertEqual(grid.columns.visible, 0..<2)
        XCTAssertFalse(grid.handle(.left), "nothing before the first column")
    }

    func testNarrowLabelsEndInAnEllipsis() {
        let grid = grid(width: 26, height: 9, columns: 2)
        XCTAssertEqual(grid.labelColumns, 8, "the labels give way so a column still fits")
        XCTAssertEqual(grid.columnsInSight, 1)
        let lines = draw(grid, width: 26, columns: 2)
        XCTAssertTrue(lines[1].contains("Op tij… "), lines[1])
        XCTAssertTrue(lines[0].contains("▶"), "the column out of sight is marked")
        XCTAssertTrue(lines[1].contains("r0c0"), lines[1])
    }

    func testTheSelectedHeaderAndCountsComeFromTheContent() {
        var grid = grid(width: 80, height: 9, columns: 3, first: false)
        grid.select(column: 1)
        var canvas = Canvas(width: 80, height: 9)
        grid.render(into: &canvas, content: Grid.Content(corner: "", labels: labels, headers: [["a"], ["b"], ["c"]],
                                                         cell: { _, _ in Grid.Cell("x") }))
        // Labels from column 2, 20 wide: the columns start at 22, 8 apart.
        XCTAssertEqual(canvas[0, 30].text, "b")
        XCTAssertEqual(canvas[0, 30].style, .selected)
        XCTAssertEqual(canvas[0, 22].style, .heading)
        grid.update(rows: labels.count, columns: 1)
        XCTAssertEqual(grid.selected, 0, "a column that went keeps the selection on one that is there")
    }
}
