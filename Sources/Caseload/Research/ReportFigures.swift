import Foundation

/// The raw numbers of the action research's report, from `ResearchData` alone (never from a
/// youth's file), so that a merge of exports counts exactly as one caseload holding them all.
/// The definitions are in docs/decisions.md ("Rapportage actieonderzoek").
struct ReportFigures: Equatable, Sendable {
    /// The phases a case goes through before it is closed.
    static let activePhases: [Phase] = [.scout, .quickScan, .matchAndWrapAround, .coaching, .borg]
    /// The moments of the action research (interim measurements are left out).
    static let moments: [MeasurementMoment] = [.zero, .one, .two, .three]
    /// The outcomes that reach work or school. An own business (part-time) is work.
    static let workOrSchool: Set<Outcome> = [.regularWork, .subsidisedWork, .education, .ownBusiness]
    /// Not an outcome of the method: left out of the share's denominator.
    static let notAnOutcome: Set<Outcome> = [.moved, .handedOver]

    /// Youths per phase on `period.to` (Afgesloten included); youths not yet started are not counted.
    var phaseCounts: [Phase: Int] = [:]
    /// Days in each active phase, of the periods that ended (not on their first day) in the period.
    var phaseDurations: [Phase: [Int]] = [:]
    var moments: [MeasurementMoment: MomentFigures] = [:]
    /// Per life-domain code: first against latest score in the period.
    var changes: [String: Change] = [:]
    /// Per basic-skill code.
    var skills: [String: SkillFigures] = [:]
    /// Per youth the latest closing in the period.
    var outcomes: [Outcome: Int] = [:]

    struct MomentFigures: Equatable, Sendable {
        /// Youths with a measurement of this moment in the period (with at least one score).
        var measured = 0
        /// Of them, youths with at least one domain scored 1 (acute).
        var acute = 0
        /// Per domain code, the score of each youth that has one.
        var scores: [String: [Int]] = [:]
    }

    struct Change: Equatable, Sendable {
        var up = 0, same = 0, down = 0
        var total: Int { up + same + down }
    }

    struct SkillFigures: Equatable, Sendable {
        /// Youths with a first impression and a progress talk in the period.
        var n = 0
        /// First impression "aandachtspunt".
        var attention = 0
        /// Of those, now "meestal" or "altijd".
        var attentionNowGood = 0
        /// Now "meestal" or "altijd".
        var nowGood = 0
    }

    var started: Int { phaseCounts.values.reduce(0, +) }
    var closed: Int { phaseCounts[.closed] ?? 0 }
    var closures: Int { outcomes.values.reduce(0, +) }

    init(data: ResearchData, period: ReportPeriod) {
        func inPeriod(_ date: LocalDate) -> Bool { (period.from.map { date >= $0 } ?? true) && date <= period.to }

        // 1. The phase each youth was in on `to`: the period that began on or before it and had
        // not ended. Should a file hold two such periods, the later-begun one counts.
        var phaseOnDay: [String: ResearchPhase] = [:]
        for phase in data.phases where phase.from <= period.to && (phase.until.map { period.to < $0 } ?? true) {
            if let other = phaseOnDay[phase.pseudonym], other.from > phase.from { continue }
            phaseOnDay[phase.pseudonym] = phase
        }
        for phase in phaseOnDay.values { phaseCounts[phase.phase, default: 0] += 1 }
        for phase in data.phases where phase.phase != .closed {
            guard let until = phase.until, inPeriod(until) else { continue }
            let days = phase.from.days(until: until)
            if days > 0 { phaseDurations[phase.phase, default: []].append(days) }
        }

        // 2. Per youth and moment the latest measurement in the period that scored anything.
        let measurements = data.measurements.filter { inPeriod($0.date) && !$0.scores.isEmpty }
        var latest: [MeasurementMoment: [String: ResearchMeasurement]] = [:]
        for measurement in measurements where measurement.moment != .interim {
            if let other = latest[measurement.moment]?[measurement.pseudonym], other.date > measurement.date { continue }
            latest[measurement.moment, default: [:]][measurement.pseudonym] = measurement
        }
        for (moment, byYouth) in latest {
            var figures = MomentFigures()
            for measurement in byYouth.values {
                figures.measured += 1
                if measurement.scores.values.contains(1) { figures.acute += 1 }
                for (domain, score) in measurement.scores { figures.scores[domain, default: []].append(score) }
            }
            moments[moment] = figures
        }

        // 3. Per youth and domain the earliest and the latest measurement that scored it (any
        // moment); a youth counts when they are two different measurements.
        let byYouth = Dictionary(grouping: measurements.enumerated(), by: \.element.pseudonym)
        for entries in byYouth.values {
            // By day, and on one day in the order of the tables (stable).
            let ordered = entries.sorted { ($0.element.date, $0.offset) < ($1.element.date, $1.offset) }.map(\.element)
            for domain in Catalog.lifeDomains.map(\.code) {
                let scored = ordered.compactMap { $0.scores[domain] }
                guard scored.count >= 2, let first = scored.first, let last = scored.last else { continue }
                if last > first { changes[domain, default: Change()].up += 1 }
                else if last == first { changes[domain, default: Change()].same += 1 }
                else { changes[domain, default: Change()].down += 1 }
            }
        }

        // 4. The skills: first impression against the latest talk, when that talk is in the period.
        let good: Set<SkillLevel> = [.mostly, .always]
        for skill in data.skills {
            guard let first = skill.firstImpression, let now = skill.latestTalk, let day = skill.latestTalkOn, inPeriod(day) else { continue }
            var figures = skills[skill.skill] ?? SkillFigures()
            figures.n += 1
            if first == .attention {
                figures.attention += 1
                if good.contains(now) { figures.attentionNowGood += 1 }
            }
            if good.contains(now) { figures.nowGood += 1 }
            skills[skill.skill] = figures
        }

        // 5. Per youth the latest closing in the period (on one day: the later in the table).
        var lastClosing: [String: ResearchOutcome] = [:]
        for outcome in data.outcomes where inPeriod(outcome.closedOn) {
            if let other = lastClosing[outcome.pseudonym], other.closedOn > outcome.closedOn { continue }
            lastClosing[outcome.pseudonym] = outcome
        }
        for closing in lastClosing.values { outcomes[closing.outcome, default: 0] += 1 }
    }
}

/// Numbers written the Dutch way.
enum DutchNumber {
    /// `numerator / denominator` rounded half up to one decimal, with a decimal comma: "3,1".
    static func oneDecimal(_ numerator: Int, _ denominator: Int) -> String {
        let tenths = (numerator * 20 + denominator) / (denominator * 2)
        return "\(tenths / 10),\(tenths % 10)"
    }

    /// `part / whole` as a whole percentage, rounded half up: "33%".
    static func percent(_ part: Int, of whole: Int) -> String { "\((part * 200 + whole) / (whole * 2))%" }

    /// The median of `days` in weeks, one decimal: the middle one, or the mean of the middle two.
    static func medianWeeks(_ days: [Int]) -> String {
        let sorted = days.sorted()
        let middle = sorted.count / 2
        if sorted.count % 2 == 1 { return oneDecimal(sorted[middle], 7) + " wk" }
        return oneDecimal(sorted[middle - 1] + sorted[middle], 14) + " wk"
    }

    /// The mean of `scores`, one decimal.
    static func mean(_ scores: [Int]) -> String { oneDecimal(scores.reduce(0, +), scores.count) }
}
