/// The fixed parts of every screen: a title line, a key-hint line, dialogs, a too-small notice.
public enum Chrome {
    /// A key hint: the key as shown and what it does.
    public struct Hint: Equatable, Sendable {
        public var key: String
        public var label: String
        public init(_ key: String, _ label: String) {
            self.key = key
            self.label = label
        }
    }

    /// The top line: the path of where you are on the left, something short (the date) on the
    /// right, always. A path too long loses its middle steps first (`Caseload › … › Deelnemers`),
    /// then the remaining steps end in "…", so the start and the screen you are on stay readable.
    public static func titleLine(_ canvas: inout Canvas, path: [String], right: String = "") {
        canvas.fill(Rect(row: 0, col: 0, width: canvas.width, height: 1), style: .title)
        let rightWidth = right.isEmpty ? 0 : Glyphs.width(of: right) + 2
        let room = canvas.width - 2 - rightWidth
        canvas.put(shortened(path, width: room), row: 0, col: 1, style: .title, maxWidth: room)
        if !right.isEmpty { canvas.put(right, row: 0, col: canvas.width - rightWidth + 1, style: .title) }
    }

    /// The path joined with "›", middle steps replaced by "…" until it fits in `width`.
    static func shortened(_ path: [String], width: Int) -> String {
        var steps = path
        func joined() -> String { steps.joined(separator: " › ") }
        // Drop from the second step on, keeping the first and the last two as long as possible.
        while Glyphs.width(of: joined()) > width, steps.count > 2 {
            if steps.count > 3, steps[1] == "…" { steps.remove(at: 2) }
            else if steps[1] == "…" { break }
            else { steps[1] = "…" }
        }
        if Glyphs.width(of: joined()) > width, steps.count >= 2 {
            // Still too long: each step but the last gets at most a share, the last what is left.
            let last = steps.removeLast()
            let share = max(4, width / 3 / max(1, steps.count))
            steps = steps.map { Glyphs.truncate($0, to: share) }
            let used = Glyphs.width(of: joined() + " › ")
            steps.append(Glyphs.truncate(last, to: max(4, width - used)))
        }
        return joined()
    }

    /// The bottom line: the keys that matter here, as many as fit. The last hint (help, on
    /// most screens) stays even when others must go, since it leads to all the rest; a "…"
    /// before it then says that keys were left out ("… ? help").
    public static func hintLine(_ canvas: inout Canvas, _ hints: [Hint]) {
        let row = canvas.height - 1
        canvas.fill(Rect(row: row, col: 0, width: canvas.width, height: 1), style: .hint)
        // The mark for hints left out, and the columns it takes with its gap.
        let mark = Self.leftOutMark, markWidth = Glyphs.width(of: Self.leftOutMark) + 1
        func total(_ shown: [Hint], gap: Int) -> Int {
            1 + shown.map { Glyphs.width(of: $0.key) + 1 + Glyphs.width(of: $0.label) + gap }.reduce(0, +) - gap
                + (shown.count < hints.count ? markWidth : 0)
        }
        // Two spaces between hints; one when that makes them all fit; else drop from the end.
        var shown = hints
        var gap = total(shown, gap: 2) <= canvas.width ? 2 : 1
        while shown.count > 1 && total(shown, gap: gap) > canvas.width {
            shown.remove(at: shown.count - 2)
            if total(shown, gap: 2) <= canvas.width { gap = 2 }
        }
        var col = 1
        for (index, hint) in shown.enumerated() {
            if index == shown.count - 1, shown.count < hints.count {
                col += canvas.put(mark, row: row, col: col, style: .hint) + 1
            }
            guard col + Glyphs.width(of: hint.key) + 1 + Glyphs.width(of: hint.label) - 1 <= canvas.width else { break }
            col += canvas.put(hint.key, row: row, col: col, style: .hintKey)
            col += canvas.put(" " + hint.label, row: row, col: col, style: .hint) + gap
        }
    }

    /// Shown before the last hint when others did not fit.
    public static let leftOutMark = "…"


    /// A message on the bottom line instead of the hints, e.g. an error after a refused input.
    public static func messageLine(_ canvas: inout Canvas, _ message: String, style: Style) {
        canvas.put(" " + message, row: canvas.height - 1, col: 0, style: style, padTo: canvas.width)
    }

    /// A centred box with a title, wrapped text and the choices under it. The choices are
    /// separated by four spaces ("j  ja    n  nee"); when they do not fit on one line they go on
    /// as many as they need, a choice never split.
    public static func dialog(_ canvas: inout Canvas, title: String, message: String, choices: String, style: Style = .normal) {
        let area = canvas.bounds.inset(by: 1)
        let textWidth = min(64, area.width - 4)
        let lines = Glyphs.wrap(message, width: textWidth)
        let choiceLines = packed(choices.components(separatedBy: "    ").filter { !$0.isEmpty }, separator: "    ", width: textWidth)
        let height = min(area.height, lines.count + 3 + choiceLines.count)
        let box = area.centered(width: textWidth + 4, height: height)
        canvas.box(box, title: title, style: style)
        for (index, line) in lines.prefix(max(0, box.height - 3 - choiceLines.count)).enumerated() {
            canvas.put(line, row: box.row + 1 + index, col: box.col + 2, style: style, maxWidth: textWidth)
        }
        for (index, line) in choiceLines.enumerated() {
            canvas.put(line, row: box.row + box.height - 1 - choiceLines.count + index, col: box.col + 2, style: .heading, maxWidth: textWidth)
        }
    }

    /// `items` joined by `separator` into lines of at most `width` columns, none split.
    static func packed(_ items: [String], separator: String, width: Int) -> [String] {
        var lines: [String] = []
        for item in items {
            if let last = lines.last, Glyphs.width(of: last + separator + item) <= width {
                lines[lines.count - 1] = last + separator + item
            } else {
                lines.append(item)
            }
        }
        return lines
    }

    /// Shown instead of a screen that cannot fit.
    public static func tooSmall(_ canvas: inout Canvas, minimumWidth: Int, minimumHeight: Int) {
        canvas.fill(canvas.bounds)
        let lines = [
            "Terminal te klein",
            "minimaal \(minimumWidth)x\(minimumHeight), nu \(canvas.width)x\(canvas.height)",
            "Maak het venster groter; Ctrl-C stopt.",
        ]
        let top = max(0, (canvas.height - lines.count) / 2)
        for (index, line) in lines.enumerated() {
            let width = Glyphs.width(of: line)
            canvas.put(line, row: top + index, col: max(0, (canvas.width - width) / 2), style: index == 0 ? .warning : .normal)
        }
    }
}

extension Chrome {
    /// How many options a picker shows at once on a screen `height` rows high: the owner scrolls
    /// its list by this in `handle`, and `picker` draws the same window.
    public static func pickerRows(options: Int, screenHeight height: Int) -> Int {
        max(1, min(height - 2, options + 4) - 4)
    }

    /// A centred list to choose from, with the selection highlighted.
    public static func picker(_ canvas: inout Canvas, title: String, options: [String], state: ListState,
                              footer: String = "Enter kies · Esc annuleer") {
        let area = canvas.bounds.inset(by: 1)
        let width = min(area.width, max(options.map { Glyphs.width(of: $0) }.max() ?? 0, Glyphs.width(of: title) + 4, Glyphs.width(of: footer)) + 6)
        let box = area.centered(width: width, height: pickerRows(options: options.count, screenHeight: canvas.height) + 4)
        canvas.box(box, title: title)
        let window = state.position(height: box.height - 4)
        for (line, index) in window.visible.enumerated() {
            let style: Style = index == state.selected ? .selected : .normal
            canvas.put(" " + options[index], row: box.row + 1 + line, col: box.col + 1, style: style, padTo: box.width - 2)
        }
        window.drawMarks(into: &canvas, rect: Rect(row: box.row + 1, col: box.col, width: box.width, height: box.height - 4),
                         col: box.col + box.width - 2)
        canvas.put(footer, row: box.row + box.height - 2, col: box.col + 2, style: .dim, maxWidth: box.width - 4)
    }
}
