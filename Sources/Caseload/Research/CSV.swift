import Foundation
import SafeText

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

    /// A field, made safe: control characters (ESC, NUL, line breaks, bidi overrides…) are written
    /// visibly (`\x1B`, as SafeText does everywhere), a text that a spreadsheet would take for a
    /// formula gets an apostrophe in front (`CSVField.defused`), and a field with the separator or
    /// a quote is quoted. All of it by Unicode scalar: a combining mark after `;`, `"` or `=` makes
    /// one Swift Character of the two, and would hide them from a comparison of Characters.
    func field(_ text: String) -> String {
        let safe = CSVField.defused(SafeText.escaped(text))
        let separatorScalar = separator.unicodeScalars.first
        guard safe.unicodeScalars.contains(where: { $0 == separatorScalar || $0 == "\"" }) else { return safe }
        var quoted = String.UnicodeScalarView()
        quoted.append("\"")
        for scalar in safe.unicodeScalars {
            quoted.append(scalar)
            if scalar == "\"" { quoted.append("\"") }
        }
        quoted.append("\"")
        return String(quoted)
    }

    /// The records of a CSV text in this dialect (byte order mark, if any, already removed): each
    /// the line it starts on (from 1) and its fields, or the line of the first record that is not
    /// what the export writes. Read by Unicode scalar (see `field`). Lines end in LF or CRLF; a
    /// bare CR, a control character in a field (the export writes them escaped) and an empty line
    /// are refused, with what was wrong.
    func records(_ text: String) -> Result<[CSVRecord], CSVField.Malformed> {
        var records: [CSVRecord] = []
        var record: [String] = []
        var field = String.UnicodeScalarView()
        var quoted = false
        var fieldStarted = false
        var line = 1
        let separator = self.separator.unicodeScalars.first
        var scalars = text.unicodeScalars.makeIterator()
        var pending = scalars.next()
        func endField() -> CSVField.Malformed? {
            let text = String(field)
            if text.unicodeScalars.contains(where: SafeText.needsEscape) { return .init(line: line, reason: .controlCharacter) }
            record.append(text)
            field = String.UnicodeScalarView()
            fieldStarted = false
            return nil
        }
        while let scalar = pending {
            pending = scalars.next()
            if scalar == "\r" {
                // Only as the first half of CRLF.
                guard pending == "\n" else { return .failure(.init(line: line, reason: .bareCarriageReturn)) }
                continue
            }
            if quoted {
                if scalar == "\"" {
                    if pending == "\"" {
                        field.append("\"")
                        pending = scalars.next()
                    } else {
                        quoted = false
                        // After the closing quote only a separator or the end of the line may come.
                        if let next = pending, next != separator, next != "\r", next != "\n" { return .failure(.init(line: line, reason: .notCSV)) }
                    }
                } else if scalar == "\n" {
                    // The export never breaks a line inside a field: it escapes line breaks.
                    return .failure(.init(line: line, reason: .notCSV))
                } else {
                    field.append(scalar)
                }
            } else if scalar == separator {
                if let fault = endField() { return .failure(fault) }
            } else if scalar == "\n" {
                if record.isEmpty && !fieldStarted && field.isEmpty { return .failure(.init(line: line, reason: .emptyLine)) }
                if let fault = endField() { return .failure(fault) }
                records.append(CSVRecord(line: line, fields: record))
                record = []
                line += 1
            } else if scalar == "\"" {
                // A quote opens a field only at its start.
                guard !fieldStarted, field.isEmpty else { return .failure(.init(line: line, reason: .notCSV)) }
                quoted = true
                fieldStarted = true
            } else {
                field.append(scalar)
                fieldStarted = true
            }
        }
        if quoted { return .failure(.init(line: line, reason: .notCSV)) }
        if fieldStarted || !record.isEmpty || !field.isEmpty {
            if let fault = endField() { return .failure(fault) }
            records.append(CSVRecord(line: line, fields: record))
        }
        return .success(records)
    }
}

struct CSVRecord {
    let line: Int
    let fields: [String]
}

enum CSVField {
    /// A record that is not what the export writes, by line number, and why.
    struct Malformed: Error {
        let line: Int
        let reason: Reason

        enum Reason {
            case notCSV, bareCarriageReturn, controlCharacter, emptyLine

            var text: String {
                switch self {
                case .notCSV: "geen geldige CSV (een aanhalingsteken niet gesloten, tekst erna, of een regeleinde in een veld)"
                case .bareCarriageReturn: "een regel eindigt op een losse CR; de export eindigt regels op CRLF of LF"
                case .controlCharacter: "een stuurteken in een veld; de export schrijft die altijd zichtbaar (\\x1B)"
                case .emptyLine: "een lege regel; de export schrijft geen lege regels"
                }
            }
        }
    }

    /// What a spreadsheet reads as the start of a formula (CSV injection), as Unicode scalars.
    private static let formulaStarts: Set<Unicode.Scalar> = ["=", "+", "-", "@", "\t", "\r"]

    /// True for a text that, after any apostrophes at its start, begins a formula. By scalar:
    /// `=\u{301}HYPERLINK(…)` starts with `=` for a spreadsheet too.
    private static func needsApostrophe(_ text: String) -> Bool {
        text.unicodeScalars.first { $0 != "'" }.map(formulaStarts.contains) ?? false
    }

    /// `=SOM(A1)` is written `'=SOM(A1)`: the spreadsheet shows it as text. A text that already
    /// starts with apostrophes before such a character gets one more, so reading back (`restored`)
    /// is exact; `'s-Hertogenbosch` stays as it is.
    static func defused(_ text: String) -> String { needsApostrophe(text) ? "'" + text : text }

    static func restored(_ text: String) -> String {
        guard text.unicodeScalars.first == "'", needsApostrophe(text) else { return text }
        return String(String.UnicodeScalarView(text.unicodeScalars.dropFirst()))
    }
}
