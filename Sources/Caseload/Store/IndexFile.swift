import Foundation
import SafeText

/// `index.cache`, the cache of summaries, in a compact form read without a JSON parser: a header
/// line naming the format, the youth schema and the summary rules, then one line per youth of
/// tab-separated fields (docs/data-format.md). Texts escape `\` as `\\` and every character
/// `SafeText` would not show raw (tabs and line breaks among them) as `\u{HEX}`; `\N` is an
/// absent value; a list is its count followed by its items. A line that does not read whole is
/// dropped, and that youth is read from its file.
enum IndexFile {
    static let format = 2

    /// The first line; an index of another format, schema or rules (the JSON of earlier versions
    /// starts with `{`) holds nothing that is used, and is rebuilt.
    static var header: String {
        "rodeloper-index \(format) schema \(CaseloadStore.schemaVersion) rules \(YouthSummary.rulesVersion)"
    }

    // MARK: - Writing

    static func encode<S: Sequence>(_ entries: S) -> Data where S.Element == IndexEntry {
        var line = LineWriter()
        line.out.append(contentsOf: header.utf8)
        line.out.append(0x0A)
        for entry in entries { line.write(entry) }
        return Data(line.out)
    }

    // MARK: - Reading

    /// Parses an index file handed over piece by piece as it is read, line by line, passing on
    /// each entry that reads whole: the file is never held whole beside what it decodes.
    struct Reader {
        private let take: (IndexEntry) -> Void
        private var pending: [UInt8] = []
        private var headerRead = false
        /// True while the rest of a line too long to be an entry is passed over.
        private var overlong = false
        /// True once the first line turned out to be this version's header.
        private(set) var headerMatches = false

        init(_ take: @escaping (IndexEntry) -> Void) { self.take = take }

        /// Reads the next piece; false when the rest need not be read (another format).
        mutating func read(_ chunk: UnsafeRawBufferPointer) -> Bool {
            let bytes = chunk.bindMemory(to: UInt8.self)
            var start = 0
            while let end = bytes[start...].firstIndex(of: 0x0A) {
                let goOn: Bool
                if overlong {
                    overlong = false
                    goOn = true
                } else if pending.count + (end - start) > maximumLine {
                    pending.removeAll()
                    goOn = true
                } else if pending.isEmpty {
                    goOn = handle(UnsafeBufferPointer(rebasing: bytes[start..<end]))
                } else {
                    pending.append(contentsOf: bytes[start..<end])
                    let line = pending
                    goOn = line.withUnsafeBufferPointer { handle($0) }
                    pending.removeAll(keepingCapacity: true)
                }
                guard goOn else { return false }
                start = end + 1
            }
            // A last line without its line break was cut off: it is never used.
            if !overlong { pending.append(contentsOf: bytes[start...]) }
            // A first line longer than the header is not the header: the rest is not read.
            if !headerRead, pending.count > header.utf8.count { return false }
            // No line is this long: it is skipped to its end, not held.
            if pending.count > maximumLine {
                pending = []
                overlong = true
            }
            return true
        }

        private mutating func handle(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
            guard headerRead else {
                headerRead = true
                headerMatches = line.elementsEqual(header.utf8)
                return headerMatches
            }
            var fields = LineReader(line)
            if let entry = try? fields.entry() { take(entry) }
            return true
        }
    }

    /// Far above the longest line a summary makes (every text within its limit, escaped).
    static let maximumLine = 4 * 1_048_576
}

/// Appends the fields of index lines.
private struct LineWriter {
    var out: [UInt8] = []

    mutating func write(_ entry: IndexEntry) {
        let s = entry.summary
        number(Int(clamping: entry.file.inode)); number(Int(entry.file.size)); number(Int(entry.file.modifiedNanoseconds))
        text(s.id); text(s.name); date(s.dateOfBirth); text(s.phase.rawValue); date(s.phaseSince)
        number(Int(s.updated.timeIntervalSince1970.rounded(.down)))
        number(s.acuteDomains); number(s.measurementCount); text(s.nextAction); date(s.nextActionDue)
        number(s.meetingDates.count)
        for day in s.meetingDates { date(day) }
        number(s.openActions.count)
        for action in s.openActions { text(action.what); text(action.owner); date(action.due); number(action.agreedInMeeting ? 1 : 0) }
        date(s.lastContact); date(s.zeroMeting)
        number(s.momentsTaken.count)
        for moment in s.momentsTaken { text(moment.rawValue) }
        number(s.scoutAttempts); date(s.started)
        number(s.placements.count)
        for p in s.placements {
            text(p.id); text(p.workplaceID); text(p.workplaceName); text(p.kind.rawValue); date(p.start); date(p.end)
            date(p.plannedEnd); text(p.status.rawValue); text(p.ending?.rawValue)
        }
        text(s.borgStep?.intensity.rawValue); date(s.borgStep?.date); date(s.closedOn)
        text(s.outcome?.rawValue); text(s.outcomeDetail)
        number(s.openEscalations.count)
        for e in s.openEscalations { text(e.id); text(e.level.rawValue); date(e.raisedOn); text(e.question) }
        // The tab after the last field becomes the line's end.
        out[out.count - 1] = 0x0A
    }

    private mutating func separator() { out.append(0x09) }

    mutating func number(_ value: Int) {
        out.append(contentsOf: String(value).utf8)
        separator()
    }

    mutating func date(_ value: LocalDate?) {
        guard let value else { return absent() }
        let digits = [(value.year, 4), (value.month, 2), (value.day, 2)]
        for (index, (part, width)) in digits.enumerated() {
            var divisor = width == 4 ? 1000 : 10
            while divisor > 0 {
                out.append(0x30 + UInt8(part / divisor % 10))
                divisor /= 10
            }
            if index < 2 { out.append(UInt8(ascii: "-")) }
        }
        separator()
    }

    mutating func text(_ value: String?) {
        guard let value else { return absent() }
        for scalar in value.unicodeScalars {
            switch scalar.value {
            case 0x5C: out.append(0x5C); out.append(0x5C)
            case 0x20...0x7E: out.append(UInt8(scalar.value))
            default:
                if SafeText.needsEscape(scalar) {
                    out.append(contentsOf: "\\u{\(String(scalar.value, radix: 16, uppercase: true))}".utf8)
                } else {
                    UTF8.encode(scalar) { out.append($0) }
                }
            }
        }
        separator()
    }

    private mutating func absent() {
        out.append(0x5C); out.append(UInt8(ascii: "N"))
        separator()
    }
}

/// Reads the fields of one index line in order; any field that does not read as expected
/// (or a field too many or too few) makes the whole line fail.
private struct LineReader {
    struct Malformed: Error {}
    private let line: UnsafeBufferPointer<UInt8>
    private var position = 0
    private var atEnd = false

    init(_ line: UnsafeBufferPointer<UInt8>) { self.line = line }

    mutating func entry() throws(Malformed) -> IndexEntry {
        guard let inode = UInt64(exactly: try number()) else { throw Malformed() }
        let file = PrivateFiles.Identity(inode: inode, size: Int64(try number()), modifiedNanoseconds: Int64(try number()))
        var s = YouthSummary(id: try text(), name: try text())
        s.dateOfBirth = try date()
        s.phase = try code()
        s.phaseSince = try date()
        let updated = try number()
        guard StoredTimestamp.writable.contains(updated) else { throw Malformed() }
        s.updated = Date(timeIntervalSince1970: TimeInterval(updated))
        s.acuteDomains = try number()
        s.measurementCount = try number()
        s.nextAction = try optionalText()
        s.nextActionDue = try date()
        s.meetingDates = try list { (r) throws(Malformed) in try r.requiredDate() }
        s.openActions = try list { (r) throws(Malformed) in
            YouthSummary.OpenAction(what: try r.text(), owner: try r.text(), due: try r.requiredDate(), agreedInMeeting: try r.flag())
        }
        s.lastContact = try date()
        s.zeroMeting = try date()
        s.momentsTaken = try list { (r) throws(Malformed) in try r.code() }
        s.scoutAttempts = try number()
        s.started = try date()
        s.placements = try list { (r) throws(Malformed) in
            PlacementSummary(id: try r.text(), workplaceID: try r.text(), workplaceName: try r.text(), kind: try r.code(),
                             start: try r.requiredDate(), end: try r.date(), plannedEnd: try r.date(), status: try r.code(),
                             ending: try r.optionalCode())
        }
        let intensity: BorgIntensity? = try optionalCode()
        let borgDate = try date()
        switch (intensity, borgDate) {
        case (let intensity?, let day?): s.borgStep = BorgStep(intensity, on: day)
        case (nil, nil): s.borgStep = nil
        default: throw Malformed()
        }
        s.closedOn = try date()
        s.outcome = try optionalCode()
        s.outcomeDetail = try optionalText()
        s.openEscalations = try list { (r) throws(Malformed) in
            YouthSummary.OpenEscalation(id: try r.text(), level: try r.code(), raisedOn: try r.requiredDate(), question: try r.text())
        }
        guard atEnd else { throw Malformed() }
        return IndexEntry(summary: s, file: file)
    }

    /// The next field, without its separator.
    private mutating func field() throws(Malformed) -> UnsafeBufferPointer<UInt8> {
        guard !atEnd else { throw Malformed() }
        let start = position
        while position < line.count, line[position] != 0x09 { position += 1 }
        let end = position
        if position == line.count { atEnd = true } else { position += 1 }
        return UnsafeBufferPointer(rebasing: line[start..<end])
    }

    private static func isAbsent(_ field: UnsafeBufferPointer<UInt8>) -> Bool {
        field.count == 2 && field[0] == 0x5C && field[1] == UInt8(ascii: "N")
    }

    mutating func number() throws(Malformed) -> Int {
        let field = try field()
        var digits = field[...]
        let negative = digits.first == UInt8(ascii: "-")
        if negative { digits = digits.dropFirst() }
        guard !digits.isEmpty, digits.count <= 19 else { throw Malformed() }
        var value = 0
        for byte in digits {
            guard (0x30...0x39).contains(byte) else { throw Malformed() }
            let (tens, overflow) = value.multipliedReportingOverflow(by: 10)
            let (sum, carry) = tens.addingReportingOverflow(Int(byte - 0x30))
            guard !overflow, !carry else { throw Malformed() }
            value = sum
        }
        return negative ? -value : value
    }

    mutating func flag() throws(Malformed) -> Bool {
        switch try number() {
        case 0: return false
        case 1: return true
        default: throw Malformed()
        }
    }

    mutating func date() throws(Malformed) -> LocalDate? {
        let field = try field()
        if Self.isAbsent(field) { return nil }
        guard field.count == 10, field[4] == UInt8(ascii: "-"), field[7] == UInt8(ascii: "-") else { throw Malformed() }
        func part(_ range: Range<Int>) throws(Malformed) -> Int {
            var value = 0
            for index in range {
                guard (0x30...0x39).contains(field[index]) else { throw Malformed() }
                value = value * 10 + Int(field[index] - 0x30)
            }
            return value
        }
        guard let day = LocalDate(year: try part(0..<4), month: try part(5..<7), day: try part(8..<10)) else { throw Malformed() }
        return day
    }

    mutating func requiredDate() throws(Malformed) -> LocalDate {
        guard let day = try date() else { throw Malformed() }
        return day
    }

    mutating func optionalText() throws(Malformed) -> String? {
        let field = try field()
        if Self.isAbsent(field) { return nil }
        return try Self.unescape(field)
    }

    mutating func text() throws(Malformed) -> String {
        guard let text = try optionalText() else { throw Malformed() }
        return text
    }

    mutating func optionalCode<T: StoredCode>() throws(Malformed) -> T? {
        guard let code = try optionalText() else { return nil }
        guard let value = T(rawValue: code) else { throw Malformed() }
        return value
    }

    mutating func code<T: StoredCode>() throws(Malformed) -> T {
        guard let value: T = try optionalCode() else { throw Malformed() }
        return value
    }

    /// A count, then that many items; the count can never exceed what the line still holds.
    mutating func list<T>(_ item: (inout LineReader) throws(Malformed) -> T) throws(Malformed) -> [T] {
        let count = try number()
        guard count >= 0, count <= line.count - position else { throw Malformed() }
        var items: [T] = []
        items.reserveCapacity(count)
        for _ in 0..<count { items.append(try item(&self)) }
        return items
    }

    /// Valid UTF-8 with `\\` and `\u{HEX}` escapes (a scalar that exists); anything else fails.
    private static func unescape(_ field: UnsafeBufferPointer<UInt8>) throws(Malformed) -> String {
        // The writer escapes every character SafeText would not show raw: one found raw means the
        // line was made by hand, and it is not trusted.
        if !field.allSatisfy({ (0x20..<0x7F).contains($0) }) {
            guard let raw = String(validating: field, as: UTF8.self), !raw.unicodeScalars.contains(where: SafeText.needsEscape) else { throw Malformed() }
        }
        guard field.contains(0x5C) else {
            guard let text = String(validating: field, as: UTF8.self) else { throw Malformed() }
            return text
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(field.count)
        var index = 0
        while index < field.count {
            let byte = field[index]
            index += 1
            guard byte == 0x5C else { bytes.append(byte); continue }
            guard index < field.count else { throw Malformed() }
            if field[index] == 0x5C {
                bytes.append(0x5C)
                index += 1
                continue
            }
            guard field[index] == UInt8(ascii: "u"), index + 1 < field.count, field[index + 1] == UInt8(ascii: "{") else { throw Malformed() }
            index += 2
            var value: UInt32 = 0
            var digits = 0
            while index < field.count, field[index] != UInt8(ascii: "}") {
                guard digits < 6, let digit = Self.hexValue(field[index]) else { throw Malformed() }
                value = value * 16 + digit
                digits += 1
                index += 1
            }
            guard index < field.count, digits > 0, let scalar = Unicode.Scalar(value) else { throw Malformed() }
            index += 1
            UTF8.encode(scalar) { bytes.append($0) }
        }
        guard let text = String(validating: bytes, as: UTF8.self) else { throw Malformed() }
        return text
    }

    private static func hexValue(_ byte: UInt8) -> UInt32? {
        switch byte {
        case 0x30...0x39: UInt32(byte - 0x30)
        case 0x41...0x46: UInt32(byte - 0x41 + 10)
        case 0x61...0x66: UInt32(byte - 0x61 + 10)
        default: nil
        }
    }
}

extension YouthSummary {
    /// An empty summary, filled in field by field as an index line is read.
    fileprivate init(id: String, name: String) {
        self.id = id
        self.name = name
        phase = .scout
        updated = Date(timeIntervalSince1970: 0)
        acuteDomains = 0
        measurementCount = 0
        meetingDates = []
        openActions = []
        momentsTaken = []
        scoutAttempts = 0
        placements = []
        openEscalations = []
    }
}

extension PlacementSummary {
    fileprivate init(id: String, workplaceID: String, workplaceName: String, kind: PlaceKind, start: LocalDate, end: LocalDate?,
                     plannedEnd: LocalDate?, status: PlacementStatus, ending: PlacementEnding?) {
        self.id = id
        self.workplaceID = workplaceID
        self.workplaceName = workplaceName
        self.kind = kind
        self.start = start
        self.end = end
        self.plannedEnd = plannedEnd
        self.status = status
        self.ending = ending
    }
}

/// The store's summaries by id, kept side by side in one array. A summary is large: a dictionary
/// holding them itself keeps room for up to twice as many as it holds, and copies every one each
/// time it grows; here the dictionary holds only positions.
struct SummaryTable {
    private var positions: [String: Int] = [:]
    private(set) var values: [IndexEntry] = []

    var count: Int { values.count }
    var isEmpty: Bool { values.isEmpty }
    var keys: Dictionary<String, Int>.Keys { positions.keys }

    mutating func reserveCapacity(_ count: Int) {
        positions.reserveCapacity(count)
        values.reserveCapacity(count)
    }

    /// The entry of the youth `id` (an entry is always stored under its summary's id).
    subscript(id: String) -> IndexEntry? {
        get { positions[id].map { values[$0] } }
        set {
            guard let newValue else {
                removeValue(forKey: id)
                return
            }
            if let position = positions[id] {
                values[position] = newValue
            } else {
                positions[id] = values.count
                values.append(newValue)
            }
        }
    }

    /// Removes the entry of `id`; the last entry takes its place.
    @discardableResult
    mutating func removeValue(forKey id: String) -> IndexEntry? {
        guard let position = positions.removeValue(forKey: id) else { return nil }
        let removed = values[position]
        let last = values.removeLast()
        if position < values.count {
            values[position] = last
            positions[last.summary.id] = position
        }
        return removed
    }
}
