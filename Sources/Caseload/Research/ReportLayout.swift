import Foundation

/// One part of the report, drawn the same in plain text and in Markdown.
enum ReportBlock: Equatable, Sendable {
    case heading(String)
    /// A sentence or two; wrapped to the width in plain text.
    case paragraph(String)
    case table(ReportTable)
}

/// A table: the first column is a label (left, wrapped when too long), the others are numbers
/// (right-aligned), and a bar column (left-aligned) may come last.
struct ReportTable: Equatable, Sendable {
    var header: [String]
    var rows: [[String]]
    var hasBars = false
}

/// Bars in terminal characters: a full block per step, a half block for a half step.
enum Bar {
    /// Short enough that the longest label, its number and the bar fit in the report's width.
    static let maxWidth = 16

    /// The bar of `value` scaled so that `largest` fills `maxWidth` columns; a value above zero
    /// always shows at least a half block.
    static func draw(_ value: Int, largest: Int) -> String {
        guard value > 0, largest > 0 else { return "" }
        let halves = max(1, (value * maxWidth * 4 + largest) / (largest * 2))
        return String(repeating: "█", count: halves / 2) + (halves % 2 == 1 ? "▌" : "")
    }
}

/// Lays the blocks out. Every character the report writes is one column wide (our own Dutch
/// text, digits and the block characters), so a line's width is its number of characters.
struct ReportLayout {
    static let width = 56

    /// The title, then each block followed by an empty line: wrapped and aligned in plain text,
    /// `##` headings and pipe tables in Markdown.
    static func render(title: String, blocks: [ReportBlock], as format: ReportFormat) -> String {
        var out = DocumentWriter(format: format == .text ? .text : .markdown)
        out.title(title)
        for block in blocks {
            switch block {
            case .heading(let text):
                out.heading(text)
                continue
            case .paragraph(let text):
                (format == .text ? wrap(text, to: width) : [text]).forEach { out.line($0) }
            case .table(let table):
                (format == .text ? textTable(table) : markdownTable(table)).forEach { out.line($0) }
            }
            out.blank()
        }
        return out.text
    }

    private static func markdownTable(_ table: ReportTable) -> [String] {
        let alignment = table.header.indices.map { column in
            column == 0 || (table.hasBars && column == table.header.count - 1) ? "---" : "--:"
        }
        return ([table.header, alignment] + table.rows).map(markdownRow)
    }

    private static func markdownRow(_ cells: [String]) -> String {
        "| " + cells.map { $0.isEmpty ? " " : $0.replacingOccurrences(of: "|", with: "\\|") }.joined(separator: " | ") + " |"
    }

    /// Columns two apart after the label, one apart between the others. Every label stays on its
    /// own row: a table too wide for that is split into parts, one under the other, each with the
    /// label column and as many of the other columns as fit (a bar stays beside its number). Only
    /// a label wider than the width left beside a single column wraps, its further lines indented
    /// so they never read as a row of their own.
    static func textTable(_ table: ReportTable) -> [String] {
        let all = [table.header] + table.rows
        let columns = table.header.count
        let widths = (0..<columns).map { column in all.map { $0.indices.contains(column) ? $0[column].count : 0 }.max() ?? 0 }
        var parts: [[Int]] = []
        for unit in units(of: table) {
            if let last = parts.last, fullWidth(last + unit, widths) <= width {
                parts[parts.count - 1] += unit
            } else {
                parts.append(unit)
            }
        }
        guard !parts.isEmpty else { return all.map { wrap($0.first ?? "", to: width) }.flatMap { $0 } }
        return parts.enumerated().flatMap { index, part in
            (index == 0 ? [] : [""]) + textTable(all, part: part, widths: widths, bars: table.hasBars ? columns - 1 : nil)
        }
    }

    /// The columns after the label that stay together: each on its own, a bar with its number.
    private static func units(of table: ReportTable) -> [[Int]] {
        let columns = Array(1..<max(table.header.count, 1))
        guard table.hasBars, columns.count >= 2 else { return columns.map { [$0] } }
        return columns.dropLast(2).map { [$0] } + [Array(columns.suffix(2))]
    }

    /// The width of the label column at its widest and `part` beside it.
    private static func fullWidth(_ part: [Int], _ widths: [Int]) -> Int {
        widths[0] + 2 + part.map { widths[$0] }.reduce(0, +) + part.count - 1
    }

    /// The rows with the label and the columns of `part`; `bars` is the left-aligned bar column.
    private static func textTable(_ rows: [[String]], part: [Int], widths: [Int], bars: Int?) -> [String] {
        let labelWidth = min(widths[0], max(8, width - (fullWidth(part, widths) - widths[0])))
        var lines: [String] = []
        for row in rows {
            let label = row.first ?? ""
            let first = label.count <= labelWidth ? [label] : wrap(label, to: labelWidth)
            var line = pad(first[0], labelWidth)
            for (index, column) in part.enumerated() {
                let cell = row.indices.contains(column) ? row[column] : ""
                line += (index == 0 ? "  " : " ") + (column == bars ? pad(cell, widths[column]) : padLeft(cell, widths[column]))
            }
            lines.append(trimTrailing(line))
            // The rest of a wrapped label, indented under its first line.
            let rest = first.count > 1 ? wrap(first.dropFirst().joined(separator: " "), to: labelWidth - 2) : []
            lines += rest.map { "  " + $0 }
        }
        return lines
    }

    /// `text` in lines of at most `width` characters, broken between words; a word longer than
    /// the width is broken with a hyphen (never cut off).
    static func wrap(_ text: String, to width: Int) -> [String] {
        var lines: [String] = []
        var line = ""
        for word in words(text) {
            var word = word
            while word.count > width {
                if !line.isEmpty { lines.append(line); line = "" }
                lines.append(String(word.prefix(width - 1)) + "-")
                word = String(word.dropFirst(width - 1))
            }
            if line.isEmpty { line = word } else if line.count + 1 + word.count <= width { line += " " + word } else {
                lines.append(line)
                line = word
            }
        }
        lines.append(line)
        return lines
    }

    /// The words of `text`, "< 5" kept as one.
    private static func words(_ text: String) -> [String] {
        var words: [String] = []
        for word in text.split(separator: " ").map(String.init) {
            if words.last == "<" { words[words.count - 1] += " " + word } else { words.append(word) }
        }
        return words
    }

    private static func pad(_ text: String, _ width: Int) -> String { text + String(repeating: " ", count: max(0, width - text.count)) }
    private static func padLeft(_ text: String, _ width: Int) -> String { String(repeating: " ", count: max(0, width - text.count)) + text }
    private static func trimTrailing(_ text: String) -> String {
        var text = text
        while text.last == " " { text.removeLast() }
        return text
    }
}
