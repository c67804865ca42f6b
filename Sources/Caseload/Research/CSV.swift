import Foundation

// CSV as RFC 4180 writes it, in the two dialects of the research export, and read back the same
// way for the merge. Why these rules: docs/decisions.md, "De export voor onderzoek".

extension CSVDialect {
    var separator: Character { self == .excel ? ";" : "," }
    var lineEnd: String { self == .excel ? "\r\n" : "\n" }
    /// Excel reads UTF-8 only with the byte order mark; plain CSV goes without.
    var byteOrderMark: String { self == .excel ? "\u{FEFF}" : "" }
    /// The stored name in the manifest.
    var code: String { self == .excel ? "excel" : "comma" }

    init?(code: String) {
        switch code {
        case "excel": self = .excel
        case "comma": self = .comma
        default: return nil
        }
    }

    /// A whole number as this dialect writes numbers: no thousands separator (a year is 2008),
    /// so the decimal comma or point never shows; every number the export writes is whole.
    func number(_ value: Int) -> String { String(value) }

    /// One table: the header and the rows, each line ended as the dialect ends lines.
    func table(_ header: [String], _ rows: [[String]]) -> String {
        byteOrderMark + ([header] + rows).map { $0.map(field).joined(separator: String(separator)) + lineEnd }.joined()
    }

    /// A field, made safe: a text that a spreadsheet would take for a formula gets an apostrophe
    /// in front (`CSVField.defused`), and a field with the separator, a quote, CR or LF is quoted.
    func field(_ text: String) -> String {
        let safe = CSVField.defused(text)
        guard safe.contains(where: { $0 == separator || $0 == "\"" || $0 == "\r" || $0 == "\n" || $0 == "\r\n" }) else { return safe }
        return "\"" + safe.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// The records of a CSV text in this dialect (byte order mark, if any, already removed): each
    /// the line it starts on (from 1) and its fields, or the line of the first record that is not
    /// well formed.
    func records(_ text: String) -> Result<[CSVRecord], CSVField.Malformed> {
        var records: [CSVRecord] = []
        var record: [String] = []
        var field = ""
        var quoted = false
        var fieldStarted = false
        var line = 1
        var recordLine = 1
        var characters = text.makeIterator()
        var pending = characters.next()
        while let character = pending {
            pending = characters.next()
            if quoted {
                if character == "\"" {
                    if pending == "\"" {
                        field.append("\"")
                        pending = characters.next()
                    } else {
                        quoted = false
                        // After the closing quote only a separator or the end of the line may come.
                        if let next = pending, next != separator, next != "\r\n", next != "\n", next != "\r" { return .failure(.init(line: recordLine)) }
                    }
                } else {
                    if character == "\n" || character == "\r\n" || character == "\r" { line += 1 }
                    field.append(character)
                }
            } else if character == separator {
                record.append(field)
                field = ""
                fieldStarted = false
            } else if character == "\r\n" || character == "\n" || character == "\r" {
                record.append(field)
                records.append(CSVRecord(line: recordLine, fields: record))
                record = []
                field = ""
                fieldStarted = false
                line += 1
                recordLine = line
            } else if character == "\"" {
                // A quote opens a field only at its start.
                guard !fieldStarted, field.isEmpty else { return .failure(.init(line: recordLine)) }
                quoted = true
                fieldStarted = true
            } else {
                field.append(character)
                fieldStarted = true
            }
        }
        if quoted { return .failure(.init(line: recordLine)) }
        if fieldStarted || !record.isEmpty || !field.isEmpty {
            record.append(field)
            records.append(CSVRecord(line: recordLine, fields: record))
        }
        return .success(records)
    }
}

struct CSVRecord {
    let line: Int
    let fields: [String]
}

enum CSVField {
    /// A record that is no CSV (a quote left open, text after a closing quote), by line number.
    struct Malformed: Error { let line: Int }

    /// Characters a spreadsheet reads as the start of a formula (CSV injection).
    private static let formulaStarts: Set<Character> = ["=", "+", "-", "@", "\t", "\r"]

    /// True for a text that, after any apostrophes at its start, begins a formula.
    private static func needsApostrophe(_ text: String) -> Bool {
        text.drop { $0 == "'" }.first.map(formulaStarts.contains) ?? false
    }

    /// `=SOM(A1)` is written `'=SOM(A1)`: the spreadsheet shows it as text. A text that already
    /// starts with apostrophes before such a character gets one more, so reading back (`restored`)
    /// is exact; `'s-Hertogenbosch` stays as it is.
    static func defused(_ text: String) -> String { needsApostrophe(text) ? "'" + text : text }

    static func restored(_ text: String) -> String { text.hasPrefix("'") && needsApostrophe(text) ? String(text.dropFirst()) : text }
}
