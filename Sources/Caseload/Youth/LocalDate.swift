import Foundation

/// A calendar day without time or zone: a date of birth, the day of a phase change.
/// Shown and typed as dd-mm-jjjj; stored in JSON as yyyy-mm-dd so files sort and diff well.
public struct LocalDate: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    /// The years a stored or typed date may have.
    public static let years = 1...9999

    public init?(year: Int, month: Int, day: Int) {
        guard LocalDate.years.contains(year), (1...12).contains(month),
              (1...LocalDate.daysIn(month: month, year: year)).contains(day) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// The day `now` falls on in `timeZone`. The zone is always given: a default would make "today"
    /// depend on the machine, and tests on where they run.
    public init(_ now: Date, timeZone: TimeZone) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let parts = calendar.dateComponents([.year, .month, .day], from: now)
        // The calendar always fills these in; 1 January 1970 only keeps a broken clock from crashing.
        self.init(dayNumber: LocalDate.dayNumber(year: parts.year ?? 1970, month: parts.month ?? 1, day: parts.day ?? 1))
    }

    /// dd-mm-jjjj, as the coach reads and types it.
    public var text: String { String(format: "%02d-%02d-%04d", day, month, year) }
    /// yyyy-mm-dd, as stored.
    /// "dd-mm" for a day within six months of `today`, else "dd-mm-jjjj": a short date must
    /// never leave the coach guessing the year.
    public func shortText(near today: LocalDate) -> String {
        abs(today.days(until: self)) <= 182 ? String(format: "%02d-%02d", day, month) : text
    }

    public var iso: String { String(format: "%04d-%02d-%02d", year, month, day) }
    public var description: String { text }

    public static func < (a: LocalDate, b: LocalDate) -> Bool { a.dayNumber < b.dayNumber }

    /// Whole days from self to `other` (negative when other is earlier).
    public func days(until other: LocalDate) -> Int { other.dayNumber - dayNumber }

    public func adding(days: Int) -> LocalDate { LocalDate(dayNumber: dayNumber + days) }

    /// Completed years from self to `other`: an age on that day.
    public func years(until other: LocalDate) -> Int {
        var years = other.year - year
        if (other.month, other.day) < (month, day) { years -= 1 }
        return years
    }

    /// The same day `years` later; 29 February becomes 28 February in a common year. The year
    /// stays within `LocalDate.years`.
    public func adding(years: Int) -> LocalDate {
        let (sum, overflow) = year.addingReportingOverflow(years)
        let target = overflow ? (years < 0 ? Self.years.lowerBound : Self.years.upperBound)
            : min(max(sum, Self.years.lowerBound), Self.years.upperBound)
        let day = min(day, LocalDate.daysIn(month: month, year: target))
        return LocalDate(dayNumber: LocalDate.dayNumber(year: target, month: month, day: day))
    }

    /// The same day `months` later; a day the month does not have becomes its last (31 March
    /// plus one month is 30 April). The year stays within `LocalDate.years`.
    public func adding(months: Int) -> LocalDate {
        let (total, overflow) = (year * 12 + month - 1).addingReportingOverflow(months)
        let lowest = Self.years.lowerBound * 12, highest = Self.years.upperBound * 12 + 11
        let clamped = overflow ? (months < 0 ? lowest : highest) : min(max(total, lowest), highest)
        let (targetYear, targetMonth) = (clamped / 12, clamped % 12 + 1)
        let day = min(day, LocalDate.daysIn(month: targetMonth, year: targetYear))
        return LocalDate(dayNumber: LocalDate.dayNumber(year: targetYear, month: targetMonth, day: day))
    }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    static func isLeap(_ year: Int) -> Bool { (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 }

    // Days since 1 January 1970 (civil-from-days algorithm), for day arithmetic without Calendar.
    var dayNumber: Int { Self.dayNumber(year: year, month: month, day: day) }

    /// The day number of a year, month and day that need not make a valid date (so the week
    /// functions need no optional).
    static func dayNumber(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let m = month > 2 ? month - 3 : month + 9
        let dayOfYear = (153 * m + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146097 + dayOfEra - 719468
    }

    init(dayNumber: Int) {
        let z = dayNumber + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let dayOfEra = z - era * 146097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        day = dayOfYear - (153 * mp + 2) / 5 + 1
        month = mp < 10 ? mp + 3 : mp - 9
        year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
    }
}

/// Why typed text is not a date. The message is Dutch, for the coach.
public struct DateInputError: Error, Equatable, LocalizedError {
    public let message: String
    public var errorDescription: String? { message }
}

extension LocalDate {
    private static let monthNames = ["januari", "februari", "maart", "april", "mei", "juni", "juli",
                                     "augustus", "september", "oktober", "november", "december"]

    /// Reads dd-mm-jjjj (also d-m-jjjj, with / or . between). Never guesses: a two-digit year or an
    /// impossible day is an error that says what is wrong.
    public static func parse(_ input: String) throws(DateInputError) -> LocalDate {
        let text = input.trimmingCharacters(in: .whitespaces)
        let parts = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "-" || $0 == "/" || $0 == "." })
        guard parts.count == 3, parts.allSatisfy({ part in !part.isEmpty && part.allSatisfy { $0.isASCII && $0.isNumber } }),
              let day = Int(parts[0]), let month = Int(parts[1]), let year = Int(parts[2]) else {
            throw DateInputError(message: "Typ de datum als dd-mm-jjjj, bijvoorbeeld 07-03-2008.")
        }
        guard parts[2].count == 4 else {
            // 2026-01-01 is the year first (as a computer writes it): say the order, not the digits.
            if parts[0].count == 4 { throw DateInputError(message: "Typ de dag eerst en het jaar als laatste: dd-mm-jjjj, bijvoorbeeld 07-03-2008.") }
            throw DateInputError(message: "Typ het jaar met vier cijfers (dd-mm-jjjj).")
        }
        guard years.contains(year) else {
            throw DateInputError(message: "Jaar \(year) kan niet: kies een jaar van \(String(format: "%04d", years.lowerBound)) tot en met \(years.upperBound).")
        }
        guard (1...12).contains(month) else {
            throw DateInputError(message: "Maand \(month) bestaat niet: kies 1 tot en met 12.")
        }
        guard let date = LocalDate(year: year, month: month, day: day) else {
            let days = daysIn(month: month, year: year)
            throw DateInputError(message: "\(text) bestaat niet: \(monthNames[month - 1]) \(year) heeft \(days) dagen.")
        }
        return date
    }

    /// `self` when it is not after `today`; else refused, `what` naming the day ("Een contact"):
    /// what is recorded afterwards happened, it does not lie ahead.
    public func notAfter(_ today: LocalDate, _ what: String) throws(InputError) -> LocalDate {
        guard self <= today else { throw InputError("\(what) kan niet in de toekomst liggen (vandaag is \(today.text)).") }
        return self
    }

    /// `parse` for a form field: the same message, as an `InputError`.
    public static func parseInput(_ input: String) throws(InputError) -> LocalDate {
        do { return try parse(input) } catch { throw InputError(error.message) }
    }

    /// Reads the stored yyyy-mm-dd form.
    public init?(iso: String) {
        let parts = iso.split(separator: "-", omittingEmptySubsequences: false)
        // Digits only: `Int` would also take "+123" and read a year that is not written.
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
              let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]) else { return nil }
        self.init(year: y, month: m, day: d)
    }
}

extension LocalDate: Codable {
    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let date = LocalDate(iso: text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: StoredCodingMessage.notADate)
        }
        self = date
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(iso)
    }
}
