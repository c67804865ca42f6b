import Foundation

// What is due for a youth, by the coach's thresholds (CoachSettings): a meting of the schedule,
// consent for a coming meeting, a phase that lasts too long, contact that is too long ago.

/// The next meting of the schedule when it falls due within `MeasurementDue.warningDays`, or is late.
public struct MeasurementDue: Equatable, Sendable {
    public let moment: MeasurementMoment
    public let due: LocalDate
    /// Shown this many days before its day.
    public static let warningDays = 14

    public func isOverdue(on today: LocalDate) -> Bool { due < today }

    /// "1-meting te laat sinds 03-11-2026" or "1-meting vóór 14-12-2026".
    public func text(today: LocalDate) -> String {
        isOverdue(on: today) ? "\(moment.label) te laat sinds \(due.text)" : "\(moment.label) vóór \(due.text)"
    }

    /// The first moment of the schedule not yet taken, counted from the 0-meting, when it is due
    /// within the warning days or late. Nothing is due without a 0-meting (that is "geen ZRM").
    public static func next(zeroMeting: LocalDate?, taken: Set<MeasurementMoment>, weeks: [MeasurementMoment: Int],
                            today: LocalDate) -> MeasurementDue? {
        guard let zeroMeting else { return nil }
        guard let moment = CoachSettings.scheduledMoments.first(where: { !taken.contains($0) }), let count = weeks[moment] else { return nil }
        let due = zeroMeting.adding(days: count * 7)
        return today.days(until: due) <= warningDays ? MeasurementDue(moment: moment, due: due) : nil
    }
}

/// Consent that does not cover a person invited to a coming meeting: none on the meeting's day,
/// or one that ends within four weeks.
public struct ConsentProblem: Equatable, Sendable {
    public let personID: String
    public let personName: String
    public let meetingDate: LocalDate
    /// The day the consent stops holding when it ends soon; nil when there is none on the meeting's day.
    public let ends: LocalDate?
    public static let warningDays = 28

    public var text: String {
        if let ends { return "toestemming van \(personName) loopt af op \(ends.adding(days: -1).text) (overleg \(meetingDate.text))" }
        return "geen toestemming van \(personName) voor het overleg van \(meetingDate.text)"
    }
}

/// The facts the rules of what is due need. A youth and its summary (which the list shows) both
/// have them, so the list, the youth screen and the review give the same answer from one rule.
public protocol DueFacts {
    var phase: Phase { get }
    var phaseSince: LocalDate? { get }
    var started: LocalDate? { get }
    var lastContact: LocalDate? { get }
    var zeroMeting: LocalDate? { get }
    var momentsTaken: [MeasurementMoment] { get }
    var measurementCount: Int { get }
    var borgStep: BorgStep? { get }
    var closedOn: LocalDate? { get }
}

extension DueFacts {
    /// In quick scan or later (not closed) without any ZRM measurement: the first one is due.
    public var needsFirstZRM: Bool { measurementCount == 0 && phase != .scout && phase != .closed }

    public func measurementDue(weeks: [MeasurementMoment: Int], today: LocalDate) -> MeasurementDue? {
        guard phase != .closed else { return nil }
        return MeasurementDue.next(zeroMeting: zeroMeting, taken: Set(momentsTaken), weeks: weeks, today: today)
    }

    /// Days since the last real contact (in the journal, in scout, or the agreement), or since the
    /// start when there was none yet; nil for a closed case (nothing is due there). Never
    /// negative: a day after today (a typing error, a hostile file) counts as 0, and the screens
    /// show such a day as "in de toekomst".
    public func daysWithoutContact(today: LocalDate) -> Int? {
        guard phase != .closed else { return nil }
        return (lastContact ?? started).map { max(0, $0.days(until: today)) }
    }

    /// Longer without contact than the coach's threshold.
    public func isOutOfContact(limit: Int, today: LocalDate) -> Bool { daysWithoutContact(today: today).map { $0 > limit } ?? false }

    /// Weeks afgebouwd in Borgen when that is longer than `weeks`: the case is ready to close.
    public func readyToClose(weeks: Int, today: LocalDate) -> Int? {
        guard let step = borgStep, step.intensity == .phasedOut else { return nil }
        let lasted = max(0, step.date.days(until: today)) / 7
        return lasted > weeks ? lasted : nil
    }

    /// A closed case whose retention term (months after closing) is over on `today`.
    public func isPastRetention(months: Int, today: LocalDate) -> Bool {
        closedOn.map { $0.adding(months: months) <= today } ?? false
    }

    /// Weeks in the current phase when that is longer than its threshold; nil otherwise.
    public func phaseTooLong(weeks: [Phase: Int], today: LocalDate) -> Int? {
        guard let since = phaseSince, let limit = weeks[phase] else { return nil }
        let lasted = since.days(until: today) / 7
        return lasted > limit ? lasted : nil
    }
}

extension Youth: DueFacts {
    /// The day of the 0-meting (the earliest, when there are several).
    public var zeroMeting: LocalDate? { measurements.filter { $0.moment == .zero }.map(\.date).min() }
    public var momentsTaken: [MeasurementMoment] { MeasurementMoment.allCases.filter { moment in measurements.contains { $0.moment == moment } } }
    public var measurementCount: Int { measurements.count }
}

extension Youth {
    /// Meetings from today on, soonest first.
    public func comingMeetings(today: LocalDate) -> [WrapAroundMeeting] { meetingsInOrder.filter { $0.date >= today } }

    /// Every invited person of a coming meeting whose consent is missing on its day or ends within
    /// four weeks of today; one problem per person (the soonest meeting).
    public func consentProblems(today: LocalDate) -> [ConsentProblem] {
        var seen = Set<String>()
        var problems: [ConsentProblem] = []
        for meeting in comingMeetings(today: today) {
            for participant in meeting.participants where !seen.contains(participant.personID) {
                guard let person = person(participant.personID) else { continue }
                let held = consents.filter { $0.personID == person.id && $0.isActive(on: meeting.date) }
                let ends = held.compactMap(\.ends)
                if held.isEmpty {
                    problems.append(ConsentProblem(personID: person.id, personName: person.name, meetingDate: meeting.date, ends: nil))
                } else if held.count == ends.count, let last = ends.max(), today.days(until: last) <= ConsentProblem.warningDays {
                    problems.append(ConsentProblem(personID: person.id, personName: person.name, meetingDate: meeting.date, ends: last))
                } else {
                    continue
                }
                seen.insert(person.id)
            }
        }
        return problems
    }
}
