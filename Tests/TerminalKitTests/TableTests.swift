import TerminalKit
import XCTest

final class TableTests: XCTestCase {
    private func table(height: Int = 10, detailLines: Int = 2) -> Table {
        var table = Table(columns: [.init("Naam", width: 12, minimum: 6), .init("Wat", width: 30, minimum: 8)], detailLines: detailLines)
        table.resize(to: Rect(row: 0, col: 0, width: 40, height: height))
        return table
    }

    private func draw(_ table: Table, _ rows: [Table.Row], empty: String = "leeg", note: (text: String, style: Style)? = nil) -> [String] {
        var canvas = Canvas(width: 40, height: table.area.height)
        table.render(into: &canvas, rows: rows, empty: empty, note: note)
        XCTAssertEqual(canvas.silentCuts, [], "nothing is cut without a sign")
        return (0..<canvas.height).map(canvas.line)
    }

    func testOnlyASelectedRowThatIsCutIsShownInFull() {
        var table = table()
        let rows = [Table.Row(["Sem", "kort"]), Table.Row(["Fatima El Ouali", "een lange omschrijving die niet past"])]
        table.setCount(rows.count)
        var lines = draw(table, rows)
        XCTAssertEqual(lines[0].trimmingCharacters(in: .whitespaces), "Naam         Wat")
        XCTAssertTrue(lines[2].contains("Fatima El O…"), lines[2])
        XCTAssertFalse(lines.joined().contains("Fatima El Ouali"), "the first row fits, so no full text")
        table.select(1)
        lines = draw(table, rows)
        let full = lines[8...].map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
        XCTAssertEqual(full, "Fatima El Ouali · een lange omschrijving die niet past")
        let partly = [Table.Row(["Fatima El Ouali", "kort"])]
        lines = draw(table, partly)
        XCTAssertEqual(lines[9].trimmingCharacters(in: .whitespaces), "Fatima El Ouali · kort")
        var onlyCut = Table(columns: table.columns, showsOnlyCutCells: true)
        onlyCut.resize(to: table.area)
        onlyCut.setCount(1)
        lines = draw(onlyCut, partly)
        XCTAssertEqual(lines[9].trimmingCharacters(in: .whitespaces), "Fatima El Ouali", "only what the row cuts, not what it shows")
    }

    func testAnAlwaysShownDetailAndANoteShareTheDetailLines() {
        var table = table(detailLines: 3)
        let rows = [Table.Row(["Oom Karim", "oom"], detail: "Draagt bij: een stageplek")]
        table.setCount(1)
        XCTAssertTrue(draw(table, rows)[9].contains("Draagt bij: een stageplek"))
        let lines = draw(table, rows, note: ("Niet opgeslagen: de schijf is vol.", .error))
        XCTAssertTrue(lines[8].contains("Niet opgeslagen"), lines.joined(separator: "\n"))
        XCTAssertTrue(lines[9].contains("Draagt bij"), "the note leaves room for the detail")
    }

    func testTheAreaSetsThePageAndTheSelectionScrollsIntoView() {
        var table = table(height: 10, detailLines: 2)
        XCTAssertEqual(table.pageSize, 7)
        let rows = (1...20).map { Table.Row(["naam \($0)", "wat \($0)"]) }
        table.setCount(rows.count)
        XCTAssertTrue(table.handle(.pageDown))
        XCTAssertEqual(table.selected, 6)
        XCTAssertTrue(table.handle(.end))
        let lines = draw(table, rows)
        XCTAssertTrue(lines[7].contains("naam 20"), "the last row is on the last line of the page: \(lines)")
        XCTAssertTrue(lines[1].contains("naam 14"))
        XCTAssertFalse(table.handle(.char("x")), "not a key of the table")
    }

    /// Rows out of sight are marked in the last column: ▼ on the last row, ▲ on the first.
    func testRowsOutOfSightAreMarked() {
        var table = table(height: 10, detailLines: 2)
        let rows = (1...20).map { Table.Row(["naam \($0)", "wat \($0)"]) }
        table.setCount(rows.count)
        var lines = draw(table, rows)
        XCTAssertEqual(lines.filter { $0.hasSuffix("▼") }, [lines[7]], lines.joined(separator: "\n"))
        XCTAssertFalse(lines.joined().contains("▲"))
        _ = table.handle(.pageDown)
        _ = table.handle(.pageDown)
        lines = draw(table, rows)
        XCTAssertTrue(lines[1].hasSuffix("▲") && lines[7].hasSuffix("▼"), lines.joined(separator: "\n"))
        _ = table.handle(.end)
        lines = draw(table, rows)
        XCTAssertTrue(lines[1].hasSuffix("▲"))
        XCTAssertFalse(lines.joined().contains("▼"), "nothing below the last row")
        table.setCount(3)
        XCTAssertFalse(draw(table, Array(rows.prefix(3))).joined().contains { "▲▼".contains($0) }, "all fit: no marks")
    }

    func testAnEmptyTableSaysWhatToDoWrapped() {
        let lines = draw(table(), [], empty: "Nog geen acties. Druk op n voor een nieuwe actie, dan Tab naar wie en wanneer.")
        XCTAssertTrue(lines[2].hasPrefix("  Nog geen acties."))
        XCTAssertEqual(lines[2...].map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }.joined(separator: " "),
                       "Nog geen acties. Druk op n voor een nieuwe actie, dan Tab naar wie en wanneer.", "wrapped, not cut")
    }

    func testTheSelectionIsAPointerAndTheFirstCellMarksStay() {
        var table = table()
        let rows = [Table.Row(["Bilal", "te laat"], cellStyles: [nil, .error], mark: ("!", .error)), Table.Row(["Sem", "op tijd"])]
        table.setCount(2)
        var canvas = Canvas(width: 40, height: 10)
        table.render(into: &canvas, rows: rows, empty: "")
        XCTAssertEqual(canvas[1, 0].text, "!")
        XCTAssertEqual(canvas[1, 1].text, Table.pointer, "the selected row is pointed at")
        XCTAssertEqual(canvas[1, 1].style, .selected)
        XCTAssertEqual(canvas[1, 2].style, .normal, "the row keeps its look")
        XCTAssertEqual(canvas[1, 15].style, .error, "a late cell stays marked on the selected row")
        table.select(1)
        canvas = Canvas(width: 40, height: 10)
        table.render(into: &canvas, rows: rows, empty: "")
        XCTAssertEqual(canvas[1, 0].style, .error)
        XCTAssertEqual(canvas[1, 1].text, " ")
        XCTAssertEqual(canvas[1, 15].style, .error, "a late cell is marked when not selected")
        XCTAssertEqual(canvas[2, 1].text, Table.pointer)
    }
}
