import Foundation
import SafeText

/// The coach's own settings, in `settings.json` in the data directory: the name that fills in
/// "gescoord door" of a new ZRM measurement and the chair of a new meeting, and the thresholds of
/// what is due (schema 2). It has its own `schemaVersion` and is read as tolerantly as every
/// stored type (docs/data-format.md).
public struct CoachSettings: Codable, Equatable, Sendable, ValidatedDocument {
    /// 2 added the thresholds: days without contact, weeks to each meting, weeks per phase; 3 the
    /// weeks a lopende placement may go without a progress talk (`talkWeeks`); 4 the weeks a case
    /// may stay afgebouwd in Borgen before it is flagged ready to close (`readyToCloseWeeks`), the
    /// weeks an escalation may stay unanswered (`escalationWeeks`) and the retention term of a
    /// closed case in months (`retentionMonths`); 5 how the calendar export names a youth
    /// (`calendarNames`).
    public static let schemaVersion = 5

    /// The coach's name as they want it on measurements and meetings; may be empty.
    public var coachName: String
    /// More days than this since the last real contact is marked.
    public var contactDays: Int
    /// Weeks after the 0-meting that the 1-, 2- and 3-meting fall due.
    public var measurementWeeks: [MeasurementMoment: Int]
    /// Weeks a phase may last before it is flagged; a phase without a number is never flagged.
    public var phaseWeeks: [Phase: Int]
    /// More weeks than this without a progress talk, for a youth in Coachen with a lopende
    /// placement, puts the youth on the weekly review.
    public var talkWeeks: Int
    /// More weeks than this afgebouwd in Borgen flags the case as ready to close.
    public var readyToCloseWeeks: Int
    /// More weeks than this without an answer puts an escalation on the weekly review.
    public var escalationWeeks: Int
    /// A closed case is kept this many months after its closing; then it is listed for erasure
    /// (AVG). The default of two years is a choice the organisation must confirm (docs/decisions.md).
    public var retentionMonths: Int
    /// How a title in the calendar export names the youth: initials (the default) or first name.
    public var calendarNames: CalendarNames

    public static let defaultContactDays = 14
    public static let defaultTalkWeeks = 6
    public static let defaultReadyToCloseWeeks = 13
    public static let defaultEscalationWeeks = 8
    public static let defaultRetentionMonths = 24
    public static let monthRange = 1...240
    public static let defaultMeasurementWeeks: [MeasurementMoment: Int] = [.one: 13, .two: 26, .three: 52]
    public static let defaultPhaseWeeks: [Phase: Int] = [.scout: 6, .quickScan: 6, .matchAndWrapAround: 12, .coaching: 52, .borg: 26]
    /// The moments on the schedule, and the phases with a threshold, in order.
    public static let scheduledMoments: [MeasurementMoment] = [.one, .two, .three]
    public static let timedPhases: [Phase] = [.scout, .quickScan, .matchAndWrapAround, .coaching, .borg]
    public static let contactDayRange = 1...365
    public static let weekRange = 1...520

    public init(coachName: String = "", contactDays: Int = defaultContactDays,
                measurementWeeks: [MeasurementMoment: Int] = defaultMeasurementWeeks, phaseWeeks: [Phase: Int] = defaultPhaseWeeks,
                talkWeeks: Int = defaultTalkWeeks, readyToCloseWeeks: Int = defaultReadyToCloseWeeks,
                escalationWeeks: Int = defaultEscalationWeeks, retentionMonths: Int = defaultRetentionMonths,
                calendarNames: CalendarNames = .initials) {
        self.coachName = coachName
        self.contactDays = contactDays
        self.measurementWeeks = measurementWeeks
        self.phaseWeeks = phaseWeeks
        self.talkWeeks = talkWeeks
        self.readyToCloseWeeks = readyToCloseWeeks
        self.escalationWeeks = escalationWeeks
        self.retentionMonths = retentionMonths
        self.calendarNames = calendarNames
    }

    private enum CodingKeys: String, CodingKey {
        case schemaVersion, coachName, contactDays, measurementWeeks, phaseWeeks, talkWeeks, readyToCloseWeeks, escalationWeeks, retentionMonths, calendarNames
    }

    /// Schema 1 files (only a name) read with the default thresholds; a missing moment or phase
    /// gets its default. An unknown code is refused here, naming the field; the rules on values
    /// are `validate()`, which saving runs too.
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        _ = try c.decode(Int.self, forKey: .schemaVersion)
        coachName = try c.value(.coachName, or: "")
        contactDays = try c.value(.contactDays, or: Self.defaultContactDays)
        talkWeeks = try c.value(.talkWeeks, or: Self.defaultTalkWeeks)
        readyToCloseWeeks = try c.value(.readyToCloseWeeks, or: Self.defaultReadyToCloseWeeks)
        escalationWeeks = try c.value(.escalationWeeks, or: Self.defaultEscalationWeeks)
        retentionMonths = try c.value(.retentionMonths, or: Self.defaultRetentionMonths)
        calendarNames = try c.value(.calendarNames, or: .initials)
        measurementWeeks = Self.defaultMeasurementWeeks
        for (code, weeks) in try c.value(.measurementWeeks, or: [String: Int]()) {
            guard let moment = MeasurementMoment(rawValue: code), Self.scheduledMoments.contains(moment) else {
                throw ValidationFailure("measurementWeeks", code, "een moment is one, two of three")
            }
            measurementWeeks[moment] = weeks
        }
        phaseWeeks = Self.defaultPhaseWeeks
        for (code, weeks) in try c.value(.phaseWeeks, or: [String: Int]()) {
            guard let phase = Phase(rawValue: code), Self.timedPhases.contains(phase) else {
                throw ValidationFailure("phaseWeeks", code, "een fase van scout tot en met borg")
            }
            phaseWeeks[phase] = weeks
        }
    }

    /// The rules of every value, on reading and before writing (`ValidatedDocument`).
    func validate() throws(ValidationFailure) {
        try TextLimits.check(coachName, "coachName", TextLimits.coachName)
        if coachName.unicodeScalars.contains(where: SafeText.needsEscape) {
            throw ValidationFailure("coachName", "", "een naam zonder stuurtekens")
        }
        guard Self.contactDayRange.contains(contactDays) else {
            throw ValidationFailure("contactDays", String(contactDays), "1 tot en met \(Self.contactDayRange.upperBound) dagen")
        }
        for (field, weeks) in [("talkWeeks", talkWeeks), ("readyToCloseWeeks", readyToCloseWeeks), ("escalationWeeks", escalationWeeks)]
        where !Self.weekRange.contains(weeks) {
            throw ValidationFailure(field, String(weeks), "1 tot en met \(Self.weekRange.upperBound) weken")
        }
        guard Self.monthRange.contains(retentionMonths) else {
            throw ValidationFailure("retentionMonths", String(retentionMonths), "1 tot en met \(Self.monthRange.upperBound) maanden")
        }
        for moment in Self.scheduledMoments {
            if let weeks = measurementWeeks[moment], !Self.weekRange.contains(weeks) {
                throw ValidationFailure("measurementWeeks.\(moment.rawValue)", String(weeks), "1 tot en met \(Self.weekRange.upperBound) weken")
            }
        }
        for phase in Phase.allCases {
            if let weeks = phaseWeeks[phase], !Self.timedPhases.contains(phase) || !Self.weekRange.contains(weeks) {
                throw ValidationFailure("phaseWeeks.\(phase.rawValue)", String(weeks), "een fase van scout tot en met borg, 1 tot en met \(Self.weekRange.upperBound) weken")
            }
        }
        try Self.checkOrder(measurementWeeks)
    }

    /// The 1-, 2- and 3-meting follow each other: each later than the one before.
    static func checkOrder(_ weeks: [MeasurementMoment: Int]) throws(ValidationFailure) {
        let values = scheduledMoments.compactMap { weeks[$0] }
        if zip(values, values.dropFirst()).contains(where: { $0 >= $1 }) {
            throw ValidationFailure("measurementWeeks", values.map(String.init).joined(separator: ","), "elke meting later dan de vorige")
        }
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(Self.schemaVersion, forKey: .schemaVersion)
        try c.encode(coachName, forKey: .coachName)
        try c.encode(contactDays, forKey: .contactDays)
        try c.encode(Dictionary(uniqueKeysWithValues: measurementWeeks.map { ($0.key.rawValue, $0.value) }), forKey: .measurementWeeks)
        try c.encode(Dictionary(uniqueKeysWithValues: phaseWeeks.map { ($0.key.rawValue, $0.value) }), forKey: .phaseWeeks)
        try c.encode(talkWeeks, forKey: .talkWeeks)
        try c.encode(readyToCloseWeeks, forKey: .readyToCloseWeeks)
        try c.encode(escalationWeeks, forKey: .escalationWeeks)
        try c.encode(retentionMonths, forKey: .retentionMonths)
        try c.encode(calendarNames, forKey: .calendarNames)
    }

    // MARK: - Changes typed on the settings screen

    public mutating func setContactDays(_ input: String) throws(InputError) {
        contactDays = try Self.number(input, in: Self.contactDayRange, unit: "dagen")
    }

    public mutating func setWeeks(_ input: String, for moment: MeasurementMoment) throws(InputError) {
        var changed = measurementWeeks
        changed[moment] = try Self.number(input, in: Self.weekRange, unit: "weken")
        do { try Self.checkOrder(changed) } catch {
            throw InputError("De 1-, 2- en 3-meting volgen op elkaar: elk later dan de vorige.")
        }
        measurementWeeks = changed
    }

    public mutating func setTalkWeeks(_ input: String) throws(InputError) {
        talkWeeks = try Self.number(input, in: Self.weekRange, unit: "weken")
    }

    public mutating func setReadyToCloseWeeks(_ input: String) throws(InputError) {
        readyToCloseWeeks = try Self.number(input, in: Self.weekRange, unit: "weken")
    }

    public mutating func setEscalationWeeks(_ input: String) throws(InputError) {
        escalationWeeks = try Self.number(input, in: Self.weekRange, unit: "weken")
    }

    public mutating func setRetentionMonths(_ input: String) throws(InputError) {
        retentionMonths = try Self.number(input, in: Self.monthRange, unit: "maanden")
    }

    public mutating func setWeeks(_ input: String, for phase: Phase) throws(InputError) {
        phaseWeeks[phase] = try Self.number(input, in: Self.weekRange, unit: "weken")
    }

    private static func number(_ input: String, in range: ClosedRange<Int>, unit: String) throws(InputError) -> Int {
        guard let value = Int(input.trimmingCharacters(in: .whitespaces)), range.contains(value) else {
            throw InputError("Typ een aantal \(unit) van \(range.lowerBound) tot en met \(range.upperBound).")
        }
        return value
    }
}

/// How the calendar export names a youth in a title (AgendaCalendar): never the full name.
public enum CalendarNames: String, StoredCode, Sendable {
    case initials, firstName

    public init(from decoder: Decoder) throws { self = try Self.decodeCode(from: decoder) }

    public var label: String {
        switch self {
        case .initials: "initialen"
        case .firstName: "voornaam"
        }
    }
}

extension CaseloadStore {
    /// Reads settings.json: missing gives the defaults; an unreadable or invalid file is moved to
    /// quarantine with a notice (never overwritten), and the defaults are used. A newer file
    /// stays in place and is read as far as this version knows it.
    func loadSettings() -> (CoachSettings, exists: Bool) {
        let settings = readDocument(CoachSettings.self, folder: ".", name: "settings.json", known: CoachSettings.schemaVersion)
        return (settings ?? CoachSettings(), settings != nil)
    }

    /// Writes the settings at once and atomically (0600), like a youth.
    public func saveSettings(_ settings: CoachSettings) throws {
        try writeDocument(settings, folder: ".", name: "settings.json")
        storeSettings(settings)
    }
}
