import Foundation
import SafeText

/// The active caseload as an iCalendar file (RFC 5545) to import in the coach's own calendar:
/// wrap-around meetings (with their time and place where known) and, as all-day items, the
/// deadlines of open actions and the next meting of the schedule.
///
/// A calendar leaves the program, so a title names the youth only by initials or first name
/// (`CoachSettings.calendarNames`) and the kind of item: never the text of an action, an agenda,
/// a note, or anything about health or justice. There is no DESCRIPTION. Times are floating local
/// times (no time zone): the coach's calendar shows them as typed, and calcurse reads them.
/// The UID of an item is a keyed hash of the youth id, the kind and the item's id, so that a
/// re-import updates an item instead of adding it again, without giving away the youth id.
/// docs/data-format.md lists the mapping; docs/decisions.md says why.
public enum AgendaCalendar {
    public static let productID = "-//Rode Loper//rodeloper agenda//NL"
    /// A meeting with a time lasts this long (an hour and a half, the usual wrap-around meeting).
    public static let meetingMinutes = 90
    /// Items this many weeks back are kept, so that re-importing after a meeting does not leave
    /// it behind with an older version; older ones are left out.
    public static let pastWeeks = 8
    /// The key of the UIDs: fixed, so UIDs stay the same across exports, coaches and versions.
    /// Youth, meeting and action ids are random UUIDs, so the UID cannot be worked back to them.
    public static let uidKey = Array("rodeloper agenda-uid 1".utf8)
    /// RFC 5545 3.1: a content line is at most 75 octets, without its CRLF.
    public static let lineOctets = 75

    /// One item of the calendar: a day, and a time of day for a meeting that has one.
    public struct Event: Equatable, Sendable {
        public enum Kind: String, Sendable { case meeting, action, meting }
        public var kind: Kind
        public var uid: String
        public var date: LocalDate
        /// "hh:mm", or nil for an all-day item.
        public var time: String?
        public var title: String
        public var place: String
    }

    /// The items of the active caseload (closed cases left out) from `pastWeeks` before today on,
    /// in order of day, time and UID, so that two exports of the same caseload are equal.
    public static func events(youths: [Youth], settings: CoachSettings, uidKey: [UInt8], today: LocalDate) -> [Event] {
        inOrder(youths.flatMap { events(of: $0, settings: settings, uidKey: uidKey, today: today) })
    }

    /// The items of one youth, in no order (none when the case is closed).
    static func events(of youth: Youth, settings: CoachSettings, uidKey: [UInt8], today: LocalDate) -> [Event] {
        let from = today.adding(days: -pastWeeks * 7)
        var events: [Event] = []
        if youth.phase != .closed {
            let name = settings.calendarNames.name(of: youth.name)
            func uid(_ kind: Event.Kind, _ itemID: String) -> String {
                let hash = SHA256.hmac(key: uidKey, message: Array("\(youth.id)\n\(kind.rawValue)\n\(itemID)".utf8))
                return SHA256.hex(Array(hash.prefix(16))) + "@rodeloper"
            }
            for meeting in youth.meetings where meeting.date >= from {
                events.append(Event(kind: .meeting, uid: uid(.meeting, meeting.id), date: meeting.date,
                                    time: meeting.time.isEmpty ? nil : meeting.time, title: "Wrap-around overleg \(name)", place: meeting.place))
            }
            for action in youth.actions where action.status == .open {
                guard let due = action.due, due >= from else { continue }
                events.append(Event(kind: .action, uid: uid(.action, action.id), date: due, time: nil, title: "Deadline actie \(name)", place: ""))
            }
            if let meting = nextMeting(of: youth, weeks: settings.measurementWeeks), meting.due >= from {
                events.append(Event(kind: .meting, uid: uid(.meting, meting.moment.rawValue), date: meting.due, time: nil,
                                    title: "\(meting.moment.label) \(name)", place: ""))
            }
        }
        return events
    }

    /// `events` in order of day, time and UID.
    static func inOrder(_ events: [Event]) -> [Event] {
        events.sorted { ($0.date, $0.time ?? "", $0.uid) < ($1.date, $1.time ?? "", $1.uid) }
    }

    /// The first meting of the schedule not yet taken, on its day counted from the 0-meting: the
    /// rule of `MeasurementDue.next`, without its warning window, as a calendar holds what is ahead.
    static func nextMeting(of youth: Youth, weeks: [MeasurementMoment: Int]) -> MeasurementDue? {
        guard let zero = youth.zeroMeting else { return nil }
        let taken = Set(youth.momentsTaken)
        guard let moment = CoachSettings.scheduledMoments.first(where: { !taken.contains($0) }), let count = weeks[moment] else { return nil }
        return MeasurementDue(moment: moment, due: zero.adding(days: count * 7))
    }

    /// The iCalendar text of `events`, stamped with `now` (DTSTAMP, in UTC).
    public static func render(_ events: [Event], now: Date) -> String {
        var lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:\(productID)", "CALSCALE:GREGORIAN", "METHOD:PUBLISH",
                     "X-WR-CALNAME:\(escaped("Rode Loper"))"]
        let stamp = utcStamp(now)
        for event in events {
            lines += ["BEGIN:VEVENT", "UID:\(event.uid)", "DTSTAMP:\(stamp)"]
            if let time = event.time {
                lines += ["DTSTART:\(basic(event.date))T\(time.replacingOccurrences(of: ":", with: ""))00",
                          "DURATION:PT\(meetingMinutes / 60)H\(meetingMinutes % 60)M"]
            } else {
                // An all-day item: the next day ends it, and it does not make the coach busy.
                lines += ["DTSTART;VALUE=DATE:\(basic(event.date))", "DTEND;VALUE=DATE:\(basic(event.date.adding(days: 1)))", "TRANSP:TRANSPARENT"]
            }
            lines.append("SUMMARY:\(escaped(event.title))")
            if !event.place.isEmpty { lines.append("LOCATION:\(escaped(event.place))") }
            lines.append("END:VEVENT")
        }
        lines.append("END:VCALENDAR")
        return lines.map { folded($0) + "\r\n" }.joined()
    }

    /// TEXT as RFC 5545 3.3.11 wants it: backslash, semicolon and comma escaped, a line break as
    /// `\n`; other control and format characters (ESC, NUL, U+2028, bidi overrides…) written
    /// visibly as SafeText does everywhere (`\x1B`, `\u{202E}`), their backslash escaped in turn.
    public static func escaped(_ text: String) -> String {
        var result = ""
        var scalars = text.unicodeScalars.makeIterator()
        var previousCR = false
        while let scalar = scalars.next() {
            defer { previousCR = scalar == "\r" }
            switch scalar {
            case "\\": result += "\\\\"
            case ";": result += "\\;"
            case ",": result += "\\,"
            case "\r": result += "\\n"
            case "\n": if !previousCR { result += "\\n" }
            case _ where SafeText.needsEscape(scalar): result += SafeText.escape(scalar).replacingOccurrences(of: "\\", with: "\\\\")
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// A content line folded after at most 75 octets, never inside a UTF-8 character; each
    /// continuation line starts with one space (which unfolding removes).
    public static func folded(_ line: String) -> String {
        var parts: [String] = []
        var part = ""
        var octets = 0
        for scalar in line.unicodeScalars {
            let size = String(scalar).utf8.count
            if octets + size > lineOctets {
                parts.append(part)
                part = " "
                octets = 1
            }
            part.unicodeScalars.append(scalar)
            octets += size
        }
        parts.append(part)
        return parts.joined(separator: "\r\n")
    }

    /// "20261203" (RFC 5545 DATE).
    static func basic(_ date: LocalDate) -> String { String(format: "%04d%02d%02d", date.year, date.month, date.day) }

    /// "20261202T170640Z" (RFC 5545 DATE-TIME in UTC).
    static func utcStamp(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        return String(format: "%04d%02d%02dT%02d%02d%02dZ", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0,
                      parts.hour ?? 0, parts.minute ?? 0, parts.second ?? 0)
    }
}

extension CalendarNames {
    /// Words between first name and surname that are written small ("Jan van der Berg").
    static let tussenvoegsels: Set<String> = ["van", "de", "der", "den", "het", "'t", "te", "ter", "ten", "in", "op", "aan",
                                             "bij", "uit", "voor", "'s", "d'", "la", "le", "du", "da", "di", "del", "von", "zu"]

    /// How a title names the youth: "Z.Ç." or "Zoë" for "Zoë Çelik". Initials take the first
    /// letter of every part of the name (a hyphen also parts it), capitals, with a tussenvoegsel
    /// small: "Jan van der Berg" gives "J.v.d.B.", "Anne-Marie de Vries" "A.M.d.V.".
    public func name(of fullName: String) -> String {
        let words = fullName.split(whereSeparator: \.isWhitespace).map(String.init)
        switch self {
        case .firstName:
            // "Li, Wei" gives "Li": the first word without the punctuation around it.
            let first = words.first.map { $0.drop { !($0.isLetter || $0.isNumber) } }.map { word in
                String(word.reversed().drop { !($0.isLetter || $0.isNumber) }.reversed())
            }
            return first.flatMap { $0.isEmpty ? nil : $0 } ?? "?"
        case .initials:
            var initials = ""
            for (index, word) in words.enumerated() {
                let small = index > 0 && index < words.count - 1
                    && (Self.tussenvoegsels.contains(word.lowercased().replacingOccurrences(of: "’", with: "'"))
                        || word.first(where: \.isLetter)?.isLowercase == true)
                for part in word.split(separator: "-") {
                    guard let letter = part.first(where: { $0.isLetter || $0.isNumber }) else { continue }
                    initials += (small ? String(letter).lowercased() : String(letter).uppercased()) + "."
                }
            }
            return initials.isEmpty ? "?" : initials
        }
    }
}

extension CaseloadStore {
    /// The active caseload's wrap-around meetings, action deadlines and due metingen as an
    /// iCalendar file (RFC 5545), titled as the coach's settings say.
    public func calendar(today: LocalDate, now: Date) throws -> String {
        AgendaCalendar.render(calendarEvents(today: today), now: now)
    }

    /// The items of the calendar, for the count the agenda screen shows.
    public func calendarEvents(today: LocalDate) -> [AgendaCalendar.Event] {
        // Read youth by youth: only the items are kept.
        var events: [AgendaCalendar.Event] = []
        forEachYouth { events += AgendaCalendar.events(of: $0, settings: settings, uidKey: AgendaCalendar.uidKey, today: today) }
        return AgendaCalendar.inOrder(events)
    }

    /// Writes the calendar into exports/ as `agenda-JJJJ-MM-DD.ics`; returns its path there and
    /// the number of items.
    public func writeCalendar(today: LocalDate, now: Date) throws -> (path: String, count: Int) {
        let events = calendarEvents(today: today)
        return (try writeExport(AgendaCalendar.render(events, now: now), named: "agenda-\(today.iso).ics"), events.count)
    }
}
