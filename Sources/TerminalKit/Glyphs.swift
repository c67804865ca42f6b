import CNcursesw
import SafeText

/// One terminal cell's worth of text: a spacing character with its combining marks, or one
/// character of an escape sequence that stands for a control character found in the data.
public struct Glyph: Equatable, Sendable {
    public var text: String
    /// 1 or 2 columns.
    public var width: Int
    /// True when this glyph is part of a visible escape like `\x1B`, drawn in its own style.
    public var isEscape: Bool
}

/// Display width and safe display of text. Widths come from the C library's wcwidth, the same
/// table ncurses uses, so our idea of a column and the terminal's agree.
public enum Glyphs {
    /// Splits text into glyphs. Control and format characters (ESC, BEL, C1, bidi overrides) are
    /// never passed on: each becomes visible text like `\x1B` or `\u{202E}`.
    public static func of(_ text: String) -> [Glyph] {
        _ = localeReady
        var glyphs: [Glyph] = []
        glyphs.reserveCapacity(text.utf8.count)
        for character in text {
            let scalars = character.unicodeScalars
            if character.isASCII && !scalars.contains(where: needsEscape) {
                glyphs.append(Glyph(text: String(character), width: 1, isEscape: false))
                continue
            }
            var base: String?
            var width = 0
            var marks = 0
            for scalar in scalars {
                if needsEscape(scalar) {
                    flush(&base, width, into: &glyphs)
                    for c in escape(scalar) { glyphs.append(Glyph(text: String(c), width: 1, isEscape: true)) }
                    continue
                }
                // Never drawn: a joiner at the end of a cell makes terminals that join emoji (tmux
                // from 3.3) pull the next cell's character into this one, shifting the rest of the
                // row; an emoji presentation selector makes some draw 2 columns where wcwidth says 1.
                if Self.neverDrawn.contains(scalar.value) { continue }
                let columns = Int(rl_wcwidth(scalar.value))
                if base == nil {
                    // A lone combining mark gets a space to sit on, so it cannot merge with a neighbour.
                    base = columns == 0 ? " " + String(scalar) : String(scalar)
                    width = max(columns, 1)
                    marks = columns == 0 ? 1 : 0
                } else if columns == 0 && marks < 4 {
                    base! += String(scalar)
                    marks += 1
                }
                // Further spacing scalars of one grapheme (emoji joined by ZWJ) are not drawn: one cell
                // per grapheme keeps our columns and the terminal's in step.
            }
            flush(&base, width, into: &glyphs)
        }
        return glyphs
    }

    /// Zero width joiner (U+200D) and variation selector 16 (U+FE0F): an emoji sequence is shown as
    /// its first emoji, in the columns wcwidth gives it, so our width is what every terminal draws.
    static let neverDrawn: Set<UInt32> = [0x200D, 0xFE0F]

    private static func flush(_ base: inout String?, _ width: Int, into glyphs: inout [Glyph]) {
        if let text = base { glyphs.append(Glyph(text: text, width: min(width, 2), isEscape: false)) }
        base = nil
    }

    /// Columns one character takes on screen (printable ASCII without building glyphs).
    public static func width(of character: Character) -> Int {
        if let ascii = character.asciiValue, ascii >= 0x20, ascii < 0x7F { return 1 }
        return width(of: String(character))
    }

    /// Columns the text takes on screen.
    public static func width(of text: String) -> Int {
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return text.utf8.count }
        return of(text).reduce(0) { $0 + $1.width }
    }

    /// The text cut to at most `width` columns, with "…" when something was cut.
    public static func truncate(_ text: String, to width: Int) -> String {
        guard width > 0 else { return "" }
        guard Glyphs.width(of: text) > width else { return text }
        // Whole characters, so that an escaped one stays escaped when drawn (never dropped).
        var result = ""
        var used = 0
        for character in text {
            let columns = Glyphs.width(of: character)
            if used + columns > width - 1 { break }
            result.append(character)
            used += columns
        }
        return result + "…"
    }

    /// Words of `text` laid out in lines of at most `width` columns. A word longer than a line
    /// (a file name, say) is broken over lines, never cut off.
    /// `wrap`, at most `maxLines` lines: a longer text shows its first lines and ends in "…".
    public static func wrap(_ text: String, width: Int, maxLines: Int) -> [String] {
        let lines = wrap(text, width: width)
        guard maxLines > 0, lines.count > maxLines else { return maxLines > 0 ? lines : [] }
        return Array(lines.prefix(maxLines - 1)) + [truncate(lines[(maxLines - 1)...].joined(separator: " "), to: width)]
    }

    public static func wrap(_ text: String, width: Int) -> [String] {
        guard width > 0 else { return [] }
        var lines: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = ""
            var used = 0
            for word in paragraph.split(separator: " ") {
                let wordWidth = Glyphs.width(of: String(word))
                if used > 0 && used + 1 + wordWidth > width {
                    lines.append(line)
                    line = ""
                    used = 0
                }
                if used > 0 {
                    line += " "
                    used += 1
                }
                for character in word {
                    let columns = Glyphs.width(of: character)
                    if used + columns > width {
                        lines.append(line)
                        line = ""
                        used = 0
                    }
                    line.append(character)
                    used += columns
                }
            }
            lines.append(line)
        }
        return lines
    }

    /// Characters that must never reach the terminal as they are: SafeText's, and what the C
    /// library cannot draw.
    public static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        SafeText.needsEscape(scalar) || (localeReady && scalar.value > 0x9F && rl_wcwidth(scalar.value) < 0)
    }

    static func escape(_ scalar: Unicode.Scalar) -> String { SafeText.escape(scalar) }

    /// wcwidth needs a UTF-8 character type. Use the user's locale when it is UTF-8, else C.UTF-8.
    public static let localeReady: Bool = rl_prepare_locale() == 1
}
