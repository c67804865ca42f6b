import Caseload
import Foundation

/// What every screen shares: the store and the clock (injected, so tests control "today").
public final class Session {
    public let store: CaseloadStore
    private let clock: () -> Date

    public init(store: CaseloadStore, clock: @escaping () -> Date = Date.init) {
        self.store = store
        self.clock = clock
    }

    public var now: Date { clock() }
    public var today: LocalDate { LocalDate(clock()) }
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

    static func age(_ years: Int?) -> String { years.map { "\($0)" } ?? "–" }

    static func dateTime(_ date: Date) -> String { dateTimeFormatter.string(from: date) }

    private static let dateTimeFormatter: DateFormatter = {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "nl_NL")
        formatter.dateFormat = "dd-MM-yyyy HH:mm"
        return formatter
    }()
}
