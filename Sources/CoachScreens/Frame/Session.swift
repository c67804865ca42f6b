import Caseload
import Foundation

/// What every screen shares: the store and the clock (injected, so tests control "today").
public final class Session {
    public let store: CaseloadStore
    private let clock: () -> Date
    /// The coach's zone: what day it is, and how times are shown. Injected like the clock.
    public let timeZone: TimeZone

    /// Made once: the youth and plan screens show a time on every frame.
    private let calendar: Calendar

    public init(store: CaseloadStore, clock: @escaping () -> Date = Date.init, timeZone: TimeZone = .current) {
        self.store = store
        self.clock = clock
        self.timeZone = timeZone
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        self.calendar = calendar
    }

    public var now: Date { clock() }
    /// The coach's own name from settings.json, or nil when not filled in.
    public var coachName: String? { store.settings.coachName.isEmpty ? nil : store.settings.coachName }
    public var today: LocalDate { LocalDate(clock(), timeZone: timeZone) }
    /// A calendar day of a stored moment, in the coach's zone.
    public func day(of date: Date) -> LocalDate { LocalDate(date, timeZone: timeZone) }
    /// "dd-mm" near today, with the year when more than six months away.
    public func shortDate(_ day: LocalDate) -> String { day.shortText(near: today) }
    /// "dd-mm-jjjj uu:mm" in the coach's zone.
    public func dateTime(_ date: Date) -> String {
        let p = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        return String(format: "%02d-%02d-%04d %02d:%02d", p.day ?? 0, p.month ?? 0, p.year ?? 0, p.hour ?? 0, p.minute ?? 0)
    }
}

/// Dutch wording used on several screens.
enum Wording {
    static func youths(_ count: Int) -> String { count == 1 ? "1 jongere" : "\(count) jongeren" }

    /// "vandaag", "gisteren", "5 dagen".
    static func daysAgo(_ days: Int) -> String {
        switch days {
        case ..<1: "vandaag"
        case 1: "gisteren"
        default: "\(days) dagen"
        }
    }

    /// "vandaag", "gisteren", "5 dagen geleden".
    static func ago(_ days: Int) -> String { days > 1 ? daysAgo(days) + " geleden" : daysAgo(days) }

    static func age(_ years: Int?) -> String { years.map { "\($0)" } ?? "–" }

    /// The last contact for a line of text: "5 dagen geleden", or for a day after today (a typing
    /// error, a hostile file) "op 01-01-9999, in de toekomst": never a negative count of days.
    static func lastContact(_ day: LocalDate, today: LocalDate) -> String {
        day > today ? "op \(day.text), in de toekomst" : ago(day.days(until: today))
    }

    /// The last contact in the caseload's column (8 wide): "12 d", or "toekomst" for a day after today.
    static func contactColumn(_ day: LocalDate, today: LocalDate) -> String {
        day > today ? "toekomst" : "\(day.days(until: today)) d"
    }
}
