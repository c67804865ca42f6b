@testable import Caseload
import Foundation
import XCTest

/// The calendar export (RFC 5545) on a hand-made caseload with a fixed today (Wednesday 25
/// November 2026) and a fixed moment: what is in it, what never is, and the shape of every line.
final class CalendarTests: XCTestCase {
    let today = LocalDate(year: 2026, month: 11, day: 25)!
    let now = Date(timeIntervalSince1970: 1_795_600_000)
    /// Commas, a semicolon, a backslash and multi-byte characters (2, 3 and 4 octets) in a long place.
    let place = "Buurthuis ’t Çentrum, Zoë’s plek; achterom \\ tweede verdieping — 🏠 " + String(repeating: "ëçø€🏠", count: 12)
    let secretNote = "Heeft schulden bij de reclassering en is onder behandeling"
    let actionText = "Schuldhulp bellen over de huur"

    /// Zoë Çelik (coaching: a meeting with a time and a place, one without, one 10 weeks ago, one
    /// 3 weeks ago; an open action with a deadline, a done one, one without a day; the 1-meting
    /// due 9 days ago), Jan van der Berg (one action) and Ivo Klaar (closed, a meeting and an action).
    private func caseload() throws -> [Youth] {
        var zoe = try Youth(name: "Zoë Çelik", now: now, today: today.adding(days: -200), id: "4b6f2c1e-0000-4000-8000-00000000a001")
        zoe.move(to: .coaching, on: today.adding(days: -100), now: now)
        var timed = WrapAroundMeeting(date: today.adding(days: 2), id: "meeting-timed")
        timed.time = "14:30"
        timed.place = place
        timed.agenda = [AgendaItem(title: "Agenda: rechtszaak bespreken", source: .free)]
        zoe.save(timed)
        zoe.save(WrapAroundMeeting(date: today.adding(days: 9), id: "meeting-day"))
        zoe.save(WrapAroundMeeting(date: today.adding(days: -70), id: "meeting-old"))
        zoe.save(WrapAroundMeeting(date: today.adding(days: -21), id: "meeting-recent"))
        zoe.save(try CaseAction(what: actionText, owner: .coach, due: today.adding(days: 3), created: today, id: "action-open"))
        var done = try CaseAction(what: "Al gedaan", owner: .coach, due: today.adding(days: 4), created: today, id: "action-done")
        done.status = .done
        zoe.save(done)
        zoe.save(try CaseAction(what: "Ooit", owner: .coach, due: nil, created: today, id: "action-someday"))
        var note = JournalEntry(date: today.adding(days: -1), kind: .atHome)
        note.text = secretNote
        zoe.save(note)
        let zero = today.adding(days: -100)
        zoe.measurements.append(ZRMMeasurement(date: zero, moment: .zero, scoredBy: "coach", recordedOn: zero, scores: ["housing": DomainScore(score: 3)]))
        var jan = try Youth(name: "Jan van der Berg", now: now, today: today.adding(days: -50), id: "4b6f2c1e-0000-4000-8000-00000000a002")
        jan.save(try CaseAction(what: "CV maken", owner: .youth, due: today.adding(days: 1), created: today, id: "action-cv"))
        var closed = try Youth(name: "Ivo Klaar", now: now, today: today.adding(days: -300), id: "4b6f2c1e-0000-4000-8000-00000000a003")
        closed.save(WrapAroundMeeting(date: today.adding(days: 5), id: "meeting-closed"))
        closed.save(try CaseAction(what: "Nazorg", owner: .coach, due: today.adding(days: 6), created: today, id: "action-closed"))
        closed.move(to: .closed, on: today.adding(days: -5), now: now)
        return [zoe, jan, closed]
    }

    private func calendar(_ settings: CoachSettings = CoachSettings(), key: [UInt8] = AgendaCalendar.uidKey, at moment: Date? = nil) throws -> String {
        AgendaCalendar.render(AgendaCalendar.events(youths: try caseload(), settings: settings, uidKey: key, today: today), now: moment ?? now)
    }

    /// The content lines with folding undone (RFC 5545 3.1: a CRLF followed by one space goes).
    private func unfolded(_ text: String) -> [String] {
        text.replacingOccurrences(of: "\r\n ", with: "").components(separatedBy: "\r\n").dropLast().map { $0 }
    }

    private func values(_ property: String, in text: String) -> [String] {
        unfolded(text).filter { $0.hasPrefix(property + ":") }.map { String($0.dropFirst(property.count + 1)) }
    }

    func testEveryLineIsAtMost75OctetsEndsInCRLFAndIsWholeUTF8() throws {
        let text = try calendar()
        let bytes = Array(text.utf8)
        XCTAssertEqual(bytes.suffix(2), [13, 10], "the last line ends in CRLF too")
        var lines: [[UInt8]] = []
        var line: [UInt8] = []
        for (index, byte) in bytes.enumerated() {
            if byte == 10 {
                XCTAssertEqual(line.last, 13, "a line feed only after a carriage return")
                lines.append(line.dropLast())
                line = []
            } else {
                XCTAssertTrue(byte != 13 || bytes[index + 1] == 10, "a carriage return only before a line feed")
                line.append(byte)
            }
        }
        XCTAssertTrue(line.isEmpty)
        XCTAssertGreaterThan(lines.count, 20)
        for line in lines {
            XCTAssertLessThanOrEqual(line.count, AgendaCalendar.lineOctets, String(decoding: line, as: UTF8.self))
            // Folded between characters, never inside one: every line is valid UTF-8 by itself.
            XCTAssertNotNil(String(validating: line, as: UTF8.self), "\(line)")
        }
        XCTAssertTrue(lines.contains { $0.first == 32 }, "the long place is folded")
        XCTAssertEqual(lines.first.map { String(decoding: $0, as: UTF8.self) }, "BEGIN:VCALENDAR")
        XCTAssertEqual(lines.last.map { String(decoding: $0, as: UTF8.self) }, "END:VCALENDAR")
        XCTAssertTrue(lines.map { String(decoding: $0, as: UTF8.self) }.contains("VERSION:2.0"))
        XCTAssertTrue(lines.contains { String(decoding: $0, as: UTF8.self).hasPrefix("PRODID:") })
    }

    func testFoldingAtTheEdgeOfAMultiByteCharacterAndUnfoldingGivesTheLineBack() {
        for prefix in 0..<5 {
            let line = "LOCATION:" + String(repeating: "a", count: prefix) + String(repeating: "🏠ë", count: 60)
            let folded = AgendaCalendar.folded(line)
            let parts = folded.components(separatedBy: "\r\n")
            for part in parts {
                XCTAssertLessThanOrEqual(part.utf8.count, 75)
                XCTAssertTrue(part == parts[0] || part.hasPrefix(" "))
            }
            for part in parts.dropLast() {
                XCTAssertGreaterThanOrEqual(part.utf8.count, 72, "a part is cut only where the next character would not fit")
            }
            XCTAssertEqual(folded.replacingOccurrences(of: "\r\n ", with: ""), line)
        }
        XCTAssertEqual(AgendaCalendar.folded("SUMMARY:kort"), "SUMMARY:kort")
    }

    func testUnfoldingGivesBackTheFullEscapedPlace() throws {
        let text = try calendar()
        XCTAssertEqual(values("LOCATION", in: text), [AgendaCalendar.escaped(place)])
        XCTAssertTrue(AgendaCalendar.escaped(place).contains("Çentrum\\, Zoë’s plek\\; achterom \\\\ tweede"))
    }

    func testTextIsEscaped() {
        XCTAssertEqual(AgendaCalendar.escaped(#"a\b;c,d"#), #"a\\b\;c\,d"#)
        XCTAssertEqual(AgendaCalendar.escaped("een\ntwee\r\ndrie\rvier"), #"een\ntwee\ndrie\nvier"#)
        // Control and format characters are written visibly, as in every export (README), their backslash escaped.
        XCTAssertEqual(AgendaCalendar.escaped("tab\t\u{1B}[31m\u{7F}\u{0}"), #"tab\\x09\\x1B[31m\\x7F\\x00"#)
        XCTAssertEqual(AgendaCalendar.escaped("a\u{2028}b\u{202A}c\u{202E}d\u{2066}e\u{2069}"), #"a\\u{2028}b\\u{202A}c\\u{202E}d\\u{2066}e\\u{2069}"#)
        XCTAssertEqual(AgendaCalendar.escaped("Zoë 🏠"), "Zoë 🏠")
    }

    func testMeetingsWithAndWithoutTimeDeadlinesAndTheMeting() throws {
        let text = try calendar()
        let events = unfolded(text).split(separator: "BEGIN:VEVENT").dropFirst().map(Array.init)
        XCTAssertEqual(events.count, 6, "two coming meetings, one 3 weeks ago, Zoë's and Jan's open deadline, the 1-meting")
        func event(_ start: String) throws -> [String] { try XCTUnwrap(events.first { $0.contains(start) }, start) }
        let timed = try event("DTSTART:20261127T143000")
        XCTAssertTrue(timed.contains("DURATION:PT1H30M"))
        XCTAssertTrue(timed.contains("SUMMARY:Wrap-around overleg Z.Ç."))
        XCTAssertFalse(timed.contains { $0.hasPrefix("TRANSP") })
        let allDay = try event("DTSTART;VALUE=DATE:20261204")
        XCTAssertEqual(allDay.filter { !$0.hasPrefix("UID") && !$0.hasPrefix("DTSTAMP") && $0 != "END:VCALENDAR" },
                       ["DTSTART;VALUE=DATE:20261204", "DTEND;VALUE=DATE:20261205", "TRANSP:TRANSPARENT", "SUMMARY:Wrap-around overleg Z.Ç.", "END:VEVENT"])
        XCTAssertTrue(try event("DTSTART;VALUE=DATE:20261104").contains("SUMMARY:Wrap-around overleg Z.Ç."), "3 weeks ago: kept")
        XCTAssertTrue(try event("DTSTART;VALUE=DATE:20261128").contains("SUMMARY:Deadline actie Z.Ç."))
        XCTAssertTrue(try event("DTSTART;VALUE=DATE:20261126").contains("SUMMARY:Deadline actie J.v.d.B."))
        // 0-meting 100 days ago, 1-meting after 13 weeks: 9 days ago, still on the calendar.
        XCTAssertTrue(try event("DTSTART;VALUE=DATE:20261116").contains("SUMMARY:1-meting Z.Ç."))
        XCTAssertFalse(text.contains("20260916"), "the meeting 10 weeks ago is left out")
        XCTAssertTrue(events.allSatisfy { $0.contains("DTSTAMP:20261125T094640Z") }, "DTSTAMP in UTC from now")
    }

    func testTheDueMetingFollowsTheSettingsAndAFarMetingIsOnTheCalendarToo() throws {
        var settings = CoachSettings()
        settings.measurementWeeks[.one] = 20
        let text = try calendar(settings)
        XCTAssertEqual(values("SUMMARY", in: text).filter { $0.hasPrefix("1-meting") }.count, 1)
        XCTAssertTrue(unfolded(text).contains("DTSTART;VALUE=DATE:\(AgendaCalendar.basic(today.adding(days: -100 + 140)))"))
    }

    func testClosedCasesAreLeftOut() throws {
        let text = try calendar()
        XCTAssertFalse(values("SUMMARY", in: text).contains { $0.contains("I.K.") })
        XCTAssertFalse(text.contains("20261130"), "the closed case's meeting")
        XCTAssertFalse(text.contains("20261201;") || text.contains("DATE:20261201"), "the closed case's deadline")
    }

    func testTitlesCarryOnlyInitialsOrTheFirstNameAndNoFreeText() throws {
        let text = try calendar()
        XCTAssertEqual(Set(values("SUMMARY", in: text)), ["Wrap-around overleg Z.Ç.", "Deadline actie Z.Ç.", "1-meting Z.Ç.", "Deadline actie J.v.d.B."])
        for secret in ["Çelik", "Zoë Ç", "Berg", actionText, "Schuldhulp", "CV maken", secretNote, "reclassering", "rechtszaak", "behandeling", "Buurthuis"] {
            XCTAssertFalse(values("SUMMARY", in: text).contains { $0.contains(secret) }, secret)
        }
        for secret in ["Çelik", "Berg", actionText, "CV maken", secretNote, "rechtszaak", "Al gedaan", "Ooit", "DESCRIPTION"] {
            XCTAssertFalse(unfolded(text).joined().contains(secret), secret)
        }
        var settings = CoachSettings()
        settings.calendarNames = .firstName
        XCTAssertEqual(Set(values("SUMMARY", in: try calendar(settings))),
                       ["Wrap-around overleg Zoë", "Deadline actie Zoë", "1-meting Zoë", "Deadline actie Jan"])
    }

    func testInitialsAndFirstNames() {
        let cases: [(String, String, String)] = [
            ("Zoë Çelik", "Z.Ç.", "Zoë"), ("Jan van der Berg", "J.v.d.B.", "Jan"), ("anne-marie de vries-jansen", "A.M.d.V.J.", "anne-marie"),
            ("Mohammed el Amrani", "M.e.A.", "Mohammed"), ("Sem", "S.", "Sem"), ("Van Dijk", "V.D.", "Van"), ("Noor  ’t Hart", "N.t.H.", "Noor"),
            // The first name without the punctuation around it (a name typed "last, first").
            ("Li, Wei", "L.W.", "Li"), ("(Sam) de Boer", "S.d.B.", "Sam"), ("O’Brien. Kim", "O.K.", "O’Brien"),
        ]
        for (name, initials, first) in cases {
            XCTAssertEqual(CalendarNames.initials.name(of: name), initials, name)
            XCTAssertEqual(CalendarNames.firstName.name(of: name), first, name)
        }
    }

    func testUIDsAreStableOverTwoExportsDistinctPerItemAndGiveNothingAway() throws {
        let directory = temporaryDirectory(self)
        let store = try CaseloadStore(directory: directory, clock: { self.now })
        for youth in try caseload() { try store.save(youth) }
        let first = try store.calendar(today: today, now: now)
        let reopened = try CaseloadStore(directory: directory, mode: .readOnly)
        let second = try reopened.calendar(today: today, now: now.addingTimeInterval(86_400))
        XCTAssertEqual(values("UID", in: first), values("UID", in: second))
        XCTAssertEqual(first.replacingOccurrences(of: "DTSTAMP:20261125T094640Z", with: ""),
                       second.replacingOccurrences(of: "DTSTAMP:20261126T094640Z", with: ""), "only the stamp differs")
        let uids = values("UID", in: first)
        XCTAssertEqual(uids.count, 6)
        XCTAssertEqual(Set(uids).count, uids.count, "one UID per item")
        for uid in uids {
            XCTAssertTrue(uid.range(of: "^[0-9a-f]{32}@rodeloper$", options: .regularExpression) != nil, uid)
            XCTAssertFalse(uid.contains("4b6f2c1e") || uid.contains("a001") || uid.contains("meeting"), uid)
        }
        // Another key gives other UIDs: they rest on the key, not on the ids alone.
        XCTAssertTrue(Set(values("UID", in: try calendar(key: Array("x".utf8)))).isDisjoint(with: uids))
        // A meeting moved to another day keeps its UID, so a re-import moves it.
        var youths = try caseload()
        youths[0].meetings[0].date = today.adding(days: 3)
        let moved = AgendaCalendar.events(youths: youths, settings: CoachSettings(), uidKey: AgendaCalendar.uidKey, today: today)
        XCTAssertEqual(Set(moved.map(\.uid)), Set(uids))
    }

    func testTheCalendarGoesIntoExports() throws {
        let directory = temporaryDirectory(self)
        let store = try CaseloadStore(directory: directory, clock: { self.now })
        for youth in try caseload() { try store.save(youth) }
        let (path, count) = try store.writeCalendar(today: today, now: now)
        XCTAssertEqual(path, "exports/agenda-2026-11-25.ics")
        XCTAssertEqual(count, 6)
        XCTAssertEqual(try String(contentsOfFile: directory + "/" + path, encoding: .utf8), try store.calendar(today: today, now: now))
        XCTAssertEqual(permissions(directory + "/" + path), 0o600)
    }

    func testTheNameSettingReadsTolerantlyAndIsRefusedWhenUnknown() throws {
        let old = try CaseloadStore.decoder.decode(CoachSettings.self, from: Data(#"{"schemaVersion": 4}"#.utf8))
        XCTAssertEqual(old.calendarNames, .initials)
        let first = try CaseloadStore.decoder.decode(CoachSettings.self, from: Data(#"{"schemaVersion": 5, "calendarNames": "firstName"}"#.utf8))
        XCTAssertEqual(first.calendarNames, .firstName)
        XCTAssertEqual(try CaseloadStore.decoder.decode(CoachSettings.self, from: try CaseloadStore.encode(first)), first)
        XCTAssertThrowsError(try CaseloadStore.decodeDocument(CoachSettings.self, from: Data(#"{"schemaVersion": 5, "calendarNames": "fullName"}"#.utf8),
                                                          known: CoachSettings.schemaVersion))
    }
}
