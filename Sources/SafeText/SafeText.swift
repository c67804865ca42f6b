import Foundation

/// The one way text from data files is made safe before it leaves the program, for a terminal
/// (the screens, stdout, stderr) or a document (Markdown, text, JSON). A character that could
/// move the cursor, change the title, reorder the text or break a line where none was typed is
/// never passed on: it is written as visible text, `\x1B` up to U+00FF and `\u{202E}` above.
/// JSON gets `\u` escapes instead, so the value reads back unchanged. See docs/data-format.md.
public enum SafeText {
    /// C0 and C1 controls, DEL, format characters (bidi overrides and isolates, zero-width
    /// marks other than the joiners), line and paragraph separators, and what is not a character.
    public static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x20...0x7E: return false      // printable ASCII: most text, decided without the tables
        case 0x00...0x1F, 0x7F...0x9F: return true
        case 0x200C, 0x200D: return false   // joiners shape text, they are harmless
        default:
            switch scalar.properties.generalCategory {
            case .control, .format, .lineSeparator, .paragraphSeparator, .surrogate, .unassigned, .privateUse: return true
            default: return false
            }
        }
    }

    /// The visible form of one unsafe character: `\x1B`, `\u{202E}`.
    public static func escape(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        return scalar.value <= 0xFF ? "\\x" + (hex.count == 1 ? "0" + hex : hex) : "\\u{\(hex)}"
    }

    /// `text` with every unsafe character made visible. With `keepingLineBreaks`, "\n" stays a
    /// line break (for multi-line texts in documents); everything else is escaped.
    public static func escaped(_ text: String, keepingLineBreaks: Bool = false) -> String {
        if text.utf8.allSatisfy({ (0x20...0x7E).contains($0) }) { return text }
        guard text.unicodeScalars.contains(where: needsEscape) else { return text }
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count + 64)
        for scalar in text.unicodeScalars {
            if needsEscape(scalar) && !(keepingLineBreaks && scalar == "\n") {
                out.append(contentsOf: escape(scalar).utf8)
            } else {
                UTF8.encode(scalar) { out.append($0) }
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// A value from a file named in a message: escaped, in quotes, at most 40 characters.
    public static func quoted(_ text: String) -> String {
        let short = text.count > 40 ? String(text.prefix(39)) + "…" : text
        return "\"" + escaped(short) + "\""
    }

    /// JSON text with every unsafe character inside its strings written as a `\u` escape.
    /// (The encoder already escapes C0; DEL, C1, bidi and separators it leaves raw.)
    public static func escapingJSON(_ data: Data) -> Data {
        // Below DEL there is nothing to do: the encoder wrote C0 inside strings as `\u` already,
        // and outside strings it writes only ASCII structure and "\n". Most files stop here.
        let plain = data.withUnsafeBytes { raw in !raw.contains(where: { $0 >= 0x7F }) }
        guard !plain, let text = String(data: data, encoding: .utf8) else { return data }
        var out: [UInt8] = []
        out.reserveCapacity(data.count + 256)
        var changed = false
        for scalar in text.unicodeScalars {
            guard scalar.value >= 0x7F, needsEscape(scalar) else {
                UTF8.encode(scalar) { out.append($0) }
                continue
            }
            changed = true
            for unit in String(scalar).utf16 {
                out.append(contentsOf: String(format: "\\u%04x", unit).utf8)
            }
        }
        return changed ? Data(out) : data
    }
}
