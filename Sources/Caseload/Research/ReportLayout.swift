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
    static let maxWidth = 20

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

    /// Columns two apart after the label, one apart between the others; the label column gets
    /// what is left of the width, and a longer label wraps onto the next line.
    static func textTable(_ table: ReportTable) -> [String] {
        let all = [table.header] + table.rows
        let columns = table.header.count
        var widths = (0..<columns).map { column in all.map { $0.indices.contains(column) ? $0[column].count : 0 }.max() ?? 0 }
        let others = widths.dropFirst().reduce(0, +) + (columns > 1 ? 2 + (columns - 2) : 0)
        widths[0] = min(widths[0], max(8, width - others))
        var lines: [String] = []
        for row in all {
            let label = wrap(row.first ?? "", to: widths[0])
            for (index, part) in label.enumerated() {
                var line = pad(part, widths[0])
                if index == 0 {
                    for column in 1..<max(columns, 1) {
                        let cell = row.indices.contains(column) ? row[column] : ""
                        let bars = table.hasBars && column == columns - 1
                        line += (column == 1 ? "  " : " ") + (bars ? pad(cell, widths[column]) : padLeft(cell, widths[column]))
                    }
                }
                lines.append(trimTrailing(line))
            }
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
