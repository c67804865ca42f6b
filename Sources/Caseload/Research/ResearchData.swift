import Foundation

/// The figures of the action research rest on these tables, and on nothing else: the coach's
/// own report (with the youth's id as pseudonym), the shared report and the research export
/// (with the secret pseudonym, only youths with research consent), and the merge of several
/// coaches' exports (read back from their CSV files). So a merge adds up exactly as one caseload
/// holding all of them would. No name, phone, address, free text or person around the youth.
public struct ResearchData: Equatable, Sendable {
    public var youths: [ResearchYouth] = []
    /// Every period in a phase, from the phase history (the current one open-ended).
    public var phases: [ResearchPhase] = []
    public var measurements: [ResearchMeasurement] = []
    /// Every closing of a case (a case reopened and closed again has two).
    public var outcomes: [ResearchOutcome] = []
    /// The ten basic skills: first impression against the latest progress talk.
    public var skills: [ResearchSkill] = []

    public init() {}

    /// The tables of `youths`, each under the pseudonym `pseudonym` gives it.
    public init(youths: [Youth], pseudonym: (Youth) -> String) {
        for youth in youths { append(youth, as: pseudonym(youth)) }
    }

    public mutating func append(_ youth: Youth, as pseudonym: String) {
        youths.append(ResearchYouth(pseudonym: pseudonym, birthYear: youth.dateOfBirth?.year,
                                    municipality: youth.municipality, started: youth.started))
        let history = youth.phaseHistory
        for (index, change) in history.enumerated() {
            let until = index + 1 < history.count ? history[index + 1].date : nil
            phases.append(ResearchPhase(pseudonym: pseudonym, phase: change.to, from: change.date, until: until))
        }
        for measurement in youth.measurements {
            let scores = measurement.scores.compactMapValues(\.score)
            measurements.append(ResearchMeasurement(pseudonym: pseudonym, date: measurement.date, moment: measurement.moment, scores: scores))
        }
        for closure in youth.closures {
            outcomes.append(ResearchOutcome(pseudonym: pseudonym, closedOn: closure.date, outcome: closure.outcome))
        }
        for skill in Catalog.basicSkills {
            let first = youth.quickScan.basicSkills[skill.code]
            // The latest talk that scored this skill.
            let talk = youth.talksInOrder.last { $0.scores[skill.code] != nil }
            guard first != nil || talk != nil else { continue }
            skills.append(ResearchSkill(pseudonym: pseudonym, skill: skill.code, firstImpression: first,
                                        latestTalk: talk?.scores[skill.code], latestTalkOn: talk?.date))
        }
    }

    /// Another coach's tables after these.
    public mutating func append(_ other: ResearchData) {
        youths += other.youths
        phases += other.phases
        measurements += other.measurements
        outcomes += other.outcomes
        skills += other.skills
    }
}

/// A youth as the research sees it: a pseudonym, the birth year, the gemeente, the first day.
public struct ResearchYouth: Equatable, Sendable {
    public var pseudonym: String
    public var birthYear: Int?
    public var municipality: String
    public var started: LocalDate?

    public init(pseudonym: String, birthYear: Int?, municipality: String, started: LocalDate?) {
        self.pseudonym = pseudonym
        self.birthYear = birthYear
        self.municipality = municipality
        self.started = started
    }
}

/// A period in one phase: from the day it began to the day the next began (nil: still in it).
public struct ResearchPhase: Equatable, Sendable {
    public var pseudonym: String
    public var phase: Phase
    public var from: LocalDate
    public var until: LocalDate?

    public init(pseudonym: String, phase: Phase, from: LocalDate, until: LocalDate?) {
        self.pseudonym = pseudonym
        self.phase = phase
        self.from = from
        self.until = until
    }
}

/// A ZRM measurement: its day, its moment, the score per life-domain code (scored domains only).
public struct ResearchMeasurement: Equatable, Sendable {
    public var pseudonym: String
    public var date: LocalDate
    public var moment: MeasurementMoment
    public var scores: [String: Int]

    public init(pseudonym: String, date: LocalDate, moment: MeasurementMoment, scores: [String: Int]) {
        self.pseudonym = pseudonym
        self.date = date
        self.moment = moment
        self.scores = scores
    }
}

/// A closing of the case, with its outcome (uitstroom).
public struct ResearchOutcome: Equatable, Sendable {
    public var pseudonym: String
    public var closedOn: LocalDate
    public var outcome: Outcome

    public init(pseudonym: String, closedOn: LocalDate, outcome: Outcome) {
        self.pseudonym = pseudonym
        self.closedOn = closedOn
        self.outcome = outcome
    }
}

/// One basic skill of one youth: the quick scan's first impression and the level in the latest
/// progress talk that scored it (either may be missing).
public struct ResearchSkill: Equatable, Sendable {
    public var pseudonym: String
    /// The skill's code (Resources/basic-skills.json).
    public var skill: String
    public var firstImpression: SkillImpression?
    public var latestTalk: SkillLevel?
    public var latestTalkOn: LocalDate?

    public init(pseudonym: String, skill: String, firstImpression: SkillImpression?, latestTalk: SkillLevel?, latestTalkOn: LocalDate?) {
        self.pseudonym = pseudonym
        self.skill = skill
        self.firstImpression = firstImpression
        self.latestTalk = latestTalk
        self.latestTalkOn = latestTalkOn
    }
}
