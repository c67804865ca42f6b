import AppResources
import Foundation

/// The fictional demo caseload from Resources/demo-caseload.json, dated relative to today.
public enum DemoCaseload {
    private struct File: Decodable {
        var workplaces: [DemoWorkplace]?
        var youths: [Entry]
        var review: DemoReview?
    }

    private struct DemoWorkplace: Decodable {
        var name: String
        var sector: String
        var address: String
        var contactName: String
        var contactPhone: String
        var contactEmail: String
        var kinds: [PlaceKind]
        var notes: String
        var active: Bool
        var scans: [DemoScan]
    }

    /// A workplace scan: `daysAgo` and its texts by `WorkplaceScan.Text` code.
    private struct DemoScan: Decodable {
        var daysAgo: Int
        var texts: [String: String]

        init(from decoder: Decoder) throws {
            var all = try [String: DemoValue](from: decoder)
            guard case .number(let days)? = all.removeValue(forKey: "daysAgo") else { throw InputError("Demo-gegevens: een scan zonder daysAgo.") }
            daysAgo = days
            texts = all.compactMapValues { if case .text(let text) = $0 { text } else { nil } }
        }
    }

    private enum DemoValue: Decodable {
        case number(Int), text(String)
        init(from decoder: Decoder) throws {
            let c = try decoder.singleValueContainer()
            if let number = try? c.decode(Int.self) { self = .number(number) } else { self = .text(try c.decode(String.self)) }
        }
    }

    private struct DemoPlacement: Decodable {
        /// The workplace, by name.
        var workplace: String
        var kind: PlaceKind
        var startDaysAgo: Int?
        var startInDays: Int?
        var plannedEndInDays: Int?
        var endDaysAgo: Int?
        var status: PlacementStatus
        var ending: PlacementEnding?
        var endingDetail: String?
        /// By field name of `PlacementAgreement` (`workingHours`, …, `compensation`).
        var agreement: [String: String]
        var certificateDaysAgo: Int?
        var letterDaysAgo: Int?
    }

    private struct DemoTalk: Decodable {
        var daysAgo: Int
        /// Index into the youth's placements.
        var placement: Int
        var withWhom: String
        var notes: String
        var scores: [String: SkillLevel]
    }

    /// A review of this week with its first `pages` discussed, and last week's, by youth name.
    private struct DemoReview: Decodable {
        var pages: Int
        var notes: [String: DemoNote]
        var lastWeek: [String: DemoNote]
    }

    private struct DemoNote: Decodable {
        var note: String
        var nextStep: String
    }

    private struct DemoContact: Decodable {
        var daysAgo: Int
        var kind: ContactKind
        var minutes: Int?
        var present: String?
        var text: String
        var principles: [WorkingPrinciple]?
    }

    private struct DemoAttempt: Decodable {
        var daysAgo: Int
        var channel: AttemptChannel
        var outcome: AttemptOutcome
        var introducedBy: String?
        var note: String?
    }

    private struct Entry: Decodable {
        var name: String
        var age: Int
        var birthdayInDays: Int
        var municipality: String
        var phone: String
        var foundAt: Channel
        var foundAtDetail: String
        var referredBy: String
        var phase: Phase
        /// Days ago that each phase up to `phase` began, oldest first.
        var phaseDaysAgo: [Int]
        var updatedDaysAgo: Int
        var measurements: [DemoMeasurement]?
        /// Consent for the action research, for most youths (not all): the reports can show both.
        var researchConsent: DemoResearchConsent?
        /// The work of the later phases, for a few youths: so that every screen has something.
        var details: DemoDetails?
    }

    private struct DemoResearchConsent: Decodable {
        var fromDaysAgo: Int
        var withdrawnDaysAgo: Int?
    }

    private struct DemoDetails: Decodable {
        var quickScan: [String: String]?
        var suspectedLVB: Suspicion?
        /// By part code (`goal`, `mattersMost`, …).
        var plan: [String: String]?
        var planChangedDaysAgo: Int?
        /// The goal as it was in an earlier version of the plan, so "earlier versions" has one.
        var earlierGoal: String?
        var strategy: MainStrategy?
        var people: [DemoPerson]?
        var consents: [DemoConsent]?
        var meetings: [DemoMeeting]?
        var actions: [DemoAction]?
        var journal: [DemoContact]?
        var scoutAttempts: [DemoAttempt]?
        var agreedDaysAgo: Int?
        /// The first impression of the basic skills, by skill code.
        var basicSkills: [String: SkillImpression]?
        var userManual: String?
        var placements: [DemoPlacement]?
        var talks: [DemoTalk]?
        /// The end of the method: the borg intensity over time, the closure of a closed case, escalations.
        var borg: [DemoBorgStep]?
        var closure: DemoClosure?
        var escalations: [DemoEscalation]?
    }

    private struct DemoBorgStep: Decodable {
        var intensity: BorgIntensity
        var daysAgo: Int
    }

    /// The closure of a closed case, on the day it moved to Afgesloten.
    private struct DemoClosure: Decodable {
        var outcome: Outcome
        var outcomeDetail: String?
        var note: String
        var actions: ActionsOnClosing
        var placements: PlacementsOnClosing
    }

    private struct DemoEscalation: Decodable {
        var level: EscalationLevel
        var question: String
        var block: EscalationBlock
        var blockDetail: String
        var raisedDaysAgo: Int
        var answer: String?
        var answeredDaysAgo: Int?
    }

    private struct DemoPerson: Decodable {
        var name: String
        var kind: Person.Kind
        var relation: String
        var role: String
        var contact: String
        var contributes: String
    }

    private struct DemoConsent: Decodable {
        var person: String
        var what: String
        var fromDaysAgo: Int
        var withdrawnDaysAgo: Int?
        var untilInDays: Int?
    }

    private struct DemoMeeting: Decodable {
        /// Days from today: negative for a meeting held, positive for one coming up.
        var inDays: Int
        var time: String
        var place: String
        var participants: [String]
        /// Who came, for a meeting held; the others did not.
        var attended: [String]?
        /// Notes per agenda item, in the order of the agenda drafted from the plan.
        var notes: [String]?
        var goals: String?
        var informing: String?
        var dissolvingConditions: String?
        var nextInDays: Int?
        var roles: [String: String]?
    }

    private struct DemoAction: Decodable {
        var what: String
        /// "youth", "coach" or the name of one of the people.
        var owner: String
        var dueInDays: Int?
        var status: ActionStatus?
        /// Index into the meetings: agreed in that one.
        var meeting: Int?
    }

    private struct DemoMeasurement: Decodable {
        var daysAgo: Int
        var moment: MeasurementMoment
        var scoredBy: String
        /// One per life domain, in the order of the catalog; 0 is not scored.
        var scores: [Int]
    }

    private static func file() throws -> File {
        guard let data = AppResources.data(named: "demo-caseload.json") else {
            throw InputError("De demo-caseload ontbreekt in dit programma.")
        }
        return try JSONDecoder().decode(File.self, from: data)
    }

    public static func youths(today: LocalDate, now: Date) throws -> [Youth] {
        let file = try file()
        return try youths(of: file, workplaces: workplaces(of: file, today: today, now: now), today: today, now: now)
    }

    /// The demo's workplaces with their scans, made new (with new ids) on each call.
    private static func workplaces(of file: File, today: LocalDate, now: Date) throws -> [Workplace] {
        try (file.workplaces ?? []).map { demo in
            var workplace = try Workplace(name: demo.name, now: now)
            workplace.sector = demo.sector
            workplace.address = demo.address
            workplace.contactName = demo.contactName
            workplace.contactPhone = demo.contactPhone
            workplace.contactEmail = demo.contactEmail
            workplace.kinds = demo.kinds
            workplace.notes = demo.notes
            workplace.active = demo.active
            workplace.scans = try demo.scans.map { demo in
                var scan = WorkplaceScan(date: today.adding(days: -demo.daysAgo))
                for (code, text) in demo.texts {
                    guard let field = WorkplaceScan.Text(rawValue: code) else { throw InputError("Demo-gegevens: onbekende tekst \(code) van een scan.") }
                    scan[field] = text
                }
                return scan
            }
            return workplace
        }
    }

    private static func youths(of file: File, workplaces: [Workplace], today: LocalDate, now: Date) throws -> [Youth] {
        try file.youths.map { entry in
            var youth = try Youth(name: entry.name, now: now, today: today)
            youth.dateOfBirth = today.adding(days: entry.birthdayInDays).adding(years: -(entry.age + 1))
            youth.municipality = entry.municipality
            youth.phone = entry.phone
            youth.foundAt = entry.foundAt
            youth.foundAtDetail = entry.foundAtDetail
            youth.referredBy = entry.referredBy
            let phases = Phase.allCases.prefix(entry.phaseDaysAgo.count)
            guard phases.last == entry.phase else {
                throw InputError("Demo-gegevens kloppen niet voor \(entry.name).")
            }
            youth.phaseHistory = zip(phases, entry.phaseDaysAgo).enumerated().map { index, pair in
                PhaseChange(from: index == 0 ? nil : Phase.allCases[index - 1], to: pair.0, date: today.adding(days: -pair.1))
            }
            youth.phase = entry.phase
            youth.created = now.addingTimeInterval(-Double(entry.phaseDaysAgo[0]) * 86_400).wholeSeconds
            youth.updated = now.addingTimeInterval(-Double(entry.updatedDaysAgo) * 86_400).wholeSeconds
            for demo in entry.measurements ?? [] {
                let day = today.adding(days: -demo.daysAgo)
                var measurement = ZRMMeasurement(date: day, moment: demo.moment, scoredBy: demo.scoredBy, recordedOn: day)
                for (domain, score) in zip(Catalog.lifeDomains, demo.scores) where score > 0 {
                    try measurement.setScore(score, for: domain.code, today: day)
                }
                youth.measurements.append(measurement)
            }
            if let demo = entry.researchConsent {
                var consent = Consent.research(from: today.adding(days: -demo.fromDaysAgo))
                consent.withdrawn = demo.withdrawnDaysAgo.map { today.adding(days: -$0) }
                youth.save(consent)
            }
            if let details = entry.details {
                try add(details, to: &youth, today: today, now: now)
                try addWork(details, to: &youth, workplaces: workplaces, today: today, now: now)
                youth.updated = now.addingTimeInterval(-Double(entry.updatedDaysAgo) * 86_400).wholeSeconds
            }
            return youth
        }
    }

    private static func add(_ details: DemoDetails, to youth: inout Youth, today: LocalDate, now: Date) throws {
        for (key, text) in details.quickScan ?? [:] {
            guard let name = QuickScanText(stored: key) else { throw InputError("Demo-gegevens: onbekend onderdeel \(key) van de quick scan.") }
            youth.quickScan[name] = text
        }
        youth.quickScan.suspectedIntellectualDisability = details.suspectedLVB ?? .unknown
        for demo in details.journal ?? [] {
            var entry = JournalEntry(date: today.adding(days: -demo.daysAgo), kind: demo.kind)
            entry.minutes = demo.minutes
            entry.present = demo.present ?? ""
            entry.text = demo.text
            entry.principles = demo.principles ?? []
            youth.save(entry)
        }
        for demo in details.scoutAttempts ?? [] {
            var attempt = ScoutAttempt(date: today.adding(days: -demo.daysAgo), channel: demo.channel, outcome: demo.outcome)
            attempt.introducedBy = demo.introducedBy ?? ""
            attempt.note = demo.note ?? ""
            youth.save(attempt)
        }
        youth.agreedOn = details.agreedDaysAgo.map { today.adding(days: -$0) }
        for (code, text) in details.plan ?? [:] {
            guard let part = ChangePlan.Part(rawValue: code) else { throw InputError("Demo-gegevens: onbekend deel \(code) van het plan.") }
            youth.changePlan[part] = text
        }
        youth.changePlan.strategy = details.strategy
        if let days = details.planChangedDaysAgo { youth.changePlan.changed = now.addingTimeInterval(-Double(days) * 86_400).wholeSeconds }
        if let goal = details.earlierGoal, let changed = youth.changePlan.changed {
            var earlier = youth.changePlan
            earlier.goal = goal
            earlier.changed = changed.addingTimeInterval(-30 * 86_400)
            youth.changePlanVersions = [earlier]
        }
        for demo in details.people ?? [] {
            var person = try Person(kind: demo.kind, name: demo.name)
            person.relation = demo.relation
            person.role = demo.role
            person.contact = demo.contact
            person.contributes = demo.contributes
            youth.save(person)
        }
        let people = youth.people
        func personID(_ name: String) throws -> String {
            guard let person = people.first(where: { $0.name == name }) else { throw InputError("Demo-gegevens: \(name) ontbreekt.") }
            return person.id
        }
        for demo in details.consents ?? [] {
            var consent = try Consent(personID: try personID(demo.person), what: demo.what, from: today.adding(days: -demo.fromDaysAgo))
            consent.withdrawn = demo.withdrawnDaysAgo.map { today.adding(days: -$0) }
            consent.until = demo.untilInDays.map { today.adding(days: $0) }
            youth.save(consent)
        }
        var meetings: [WrapAroundMeeting] = []
        for demo in details.meetings ?? [] {
            var meeting = WrapAroundMeeting(date: today.adding(days: demo.inDays), chair: "Coach Demo")
            meeting.time = demo.time
            meeting.place = demo.place
            meeting.participants = try demo.participants.map { name in
                Participant(personID: try personID(name), attended: demo.attended.map { $0.contains(name) })
            }
            meeting.agreements.goals = demo.goals ?? ""
            meeting.agreements.informing = demo.informing ?? ""
            meeting.agreements.dissolvingConditions = demo.dissolvingConditions ?? ""
            meeting.agreements.nextMeeting = demo.nextInDays.map { today.adding(days: $0) }
            for (name, role) in demo.roles ?? [:] { meeting.agreements.roles[try personID(name)] = role }
            meetings.append(meeting)
        }
        for demo in details.actions ?? [] {
            let owner: ActionOwner = switch demo.owner {
            case "youth": .youth
            case "coach": .coach
            default: .person(try personID(demo.owner))
            }
            var action = try CaseAction(what: demo.what, owner: owner, due: demo.dueInDays.map { today.adding(days: $0) },
                                        created: today.adding(days: -30), meetingID: demo.meeting.map { meetings[$0].id })
            if let status = demo.status { action.setStatus(status, on: today.adding(days: -2)) }
            youth.save(action)
        }
        for (index, demo) in (details.meetings ?? []).enumerated() {
            var meeting = meetings[index]
            meeting.agenda = WrapAroundMeeting.draftAgenda(plan: youth.changePlan, actions: youth.actions, ownerName: youth.ownerName)
            for (item, note) in zip(meeting.agenda.indices, demo.notes ?? []) { meeting.agenda[item].notes = note }
            youth.save(meeting)
        }
    }

    /// Placements with their agreements, progress talks, the user manual and the first impression
    /// of the basic skills: coaching on the job.
    private static func addWork(_ details: DemoDetails, to youth: inout Youth, workplaces: [Workplace], today: LocalDate, now: Date) throws {
        youth.quickScan.basicSkills = details.basicSkills ?? [:]
        youth.userManual = details.userManual ?? ""
        var placements: [Placement] = []
        for demo in details.placements ?? [] {
            guard let workplace = workplaces.first(where: { $0.name == demo.workplace }) else { throw InputError("Demo-gegevens: werkplek \(demo.workplace) ontbreekt.") }
            var placement = Placement(workplace: workplace, kind: demo.kind, start: today.adding(days: demo.startInDays ?? -(demo.startDaysAgo ?? 0)))
            placement.plannedEnd = demo.plannedEndInDays.map { today.adding(days: $0) }
            placement.end = demo.endDaysAgo.map { today.adding(days: -$0) }
            placement.status = demo.status
            placement.ending = demo.ending
            placement.endingDetail = demo.endingDetail ?? ""
            for text in PlacementAgreement.texts { placement.agreement[keyPath: text.path] = demo.agreement[text.field] ?? "" }
            placement.agreement.compensation = demo.agreement["compensation"].flatMap(Compensation.init(rawValue:))
            placement.certificateOn = demo.certificateDaysAgo.map { today.adding(days: -$0) }
            placement.recommendationLetterOn = demo.letterDaysAgo.map { today.adding(days: -$0) }
            try youth.save(placement, now: now)
            placements.append(placement)
        }
        for demo in details.talks ?? [] {
            guard placements.indices.contains(demo.placement) else { throw InputError("Demo-gegevens: een gesprek zonder plaatsing.") }
            var talk = ProgressTalk(date: today.adding(days: -demo.daysAgo), placementID: placements[demo.placement].id)
            talk.withWhom = demo.withWhom
            talk.notes = demo.notes
            talk.scores = demo.scores
            youth.progressTalks.append(talk)
        }
        addEnd(details, to: &youth, today: today)
    }

    /// Borg steps, the closure of a closed case (on the day it moved to Afgesloten, from the phase
    /// before) and escalations.
    private static func addEnd(_ details: DemoDetails, to youth: inout Youth, today: LocalDate) {
        youth.borgSteps = (details.borg ?? []).map { BorgStep($0.intensity, on: today.adding(days: -$0.daysAgo)) }
        if let demo = details.closure, let change = youth.phaseHistory.last, let from = change.from {
            youth.closures = [Closure(date: change.date, from: from, outcome: demo.outcome, outcomeDetail: demo.outcomeDetail ?? "",
                                      note: demo.note, actions: demo.actions, placements: demo.placements)]
        }
        youth.escalations = (details.escalations ?? []).map { demo in
            var escalation = Escalation(level: demo.level, question: demo.question, block: demo.block, blockDetail: demo.blockDetail,
                                        raisedOn: today.adding(days: -demo.raisedDaysAgo))
            escalation.answer = demo.answer ?? ""
            escalation.answeredOn = demo.answeredDaysAgo.map { today.adding(days: -$0) }
            return escalation
        }
    }

    /// Writes the demo into an empty data directory, with its workplaces, this week's review half
    /// done and last week's; refuses a directory that holds data.
    public static func write(into store: CaseloadStore, today: LocalDate, now: Date) throws {
        guard !store.holdsData else { throw StoreError.notEmpty(directory: store.directory) }
        let file = try file()
        let workplaces = try workplaces(of: file, today: today, now: now)
        for workplace in workplaces { try store.save(workplace) }
        let youths = try youths(of: file, workplaces: workplaces, today: today, now: now)
        for youth in youths {
            try store.save(youth, updatedAt: youth.updated)
        }
        guard let demo = file.review else { return }
        func review(on day: LocalDate, notes: [String: DemoNote], pages: Int?) -> WeeklyReview {
            let week = ReviewWeek(containing: day)
            var review = WeeklyReview(week: week, started: now.addingTimeInterval(Double(day.days(until: today)) * -86_400),
                                      items: ReviewRules.agenda(youths, settings: store.settings, today: day))
            let discussed = min(pages ?? review.items.count, review.items.count)
            for index in review.items.indices {
                let note = index < discussed ? notes[review.items[index].name] : nil
                review.items[index].note = note?.note ?? (index < discussed ? "Besproken; loopt volgens plan." : "")
                review.items[index].nextStep = note?.nextStep ?? ""
                review.items[index].reviewed = index < discussed
            }
            review.position = min(discussed, max(0, review.items.count - 1))
            return review
        }
        try store.save(review(on: today.adding(days: -7), notes: demo.lastWeek, pages: nil))
        try store.save(review(on: today, notes: demo.notes, pages: demo.pages))
    }
}
