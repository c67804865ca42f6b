import Foundation
import SafeText

/// An ISO week (Monday to Sunday), the unit of the weekly case review: "2026-W49".
public struct ReviewWeek: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public let year: Int
    public let week: Int

    /// The years a week may be typed, stored or named in a file name: a wider range is no use to a
    /// coach and only lets a typing error or a hostile file reach the edges of the calendar.
    public static let years = 1900...2999

    /// The week of any day. Total: a day at the edge of the calendar gives a week outside `years`,
    /// which nothing reads back, rather than a crash.
    public init(containing day: LocalDate) {
        let thursday = day.adding(days: 4 - day.isoWeekday)
        year = thursday.year
        week = (thursday.dayNumber - LocalDate.dayNumber(year: thursday.year, month: 1, day: 1)) / 7 + 1
    }

    /// "2026-W49" (also "2026-49", "2026-w49"); nil for a week that does not exist (week 53 of a
    /// year with 52, week 0) or a year outside `years`.
    public init?(text: String) {
        let parts = text.uppercased().replacingOccurrences(of: "-W", with: "-").split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 4, (1...2).contains(parts[1].count),
              parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
              let year = Int(parts[0]), let week = Int(parts[1]),
              Self.years.contains(year), (1...Self.weeks(in: year)).contains(week) else { return nil }
        self.init(year: year, week: week)
    }

    private init(year: Int, week: Int) {
        self.year = year
        self.week = week
    }

    /// 52 or 53: 28 December is always in the last week of its year.
    public static func weeks(in year: Int) -> Int {
        ReviewWeek(containing: LocalDate(dayNumber: LocalDate.dayNumber(year: year, month: 12, day: 28))).week
    }

    private static func monday(year: Int, week: Int) -> LocalDate {
        // 4 January is always in week 1.
        let january4 = LocalDate(dayNumber: LocalDate.dayNumber(year: year, month: 1, day: 4))
        return january4.adding(days: 1 - january4.isoWeekday + (week - 1) * 7)
    }

    public var monday: LocalDate { Self.monday(year: year, week: week) }
    public var sunday: LocalDate { monday.adding(days: 6) }
    public var previous: ReviewWeek { ReviewWeek(containing: monday.adding(days: -7)) }
    public func contains(_ day: LocalDate) -> Bool { monday <= day && day <= sunday }

    public var text: String { String(format: "%04d-W%02d", year, week) }
    public var description: String { text }
    public static func < (a: ReviewWeek, b: ReviewWeek) -> Bool { (a.year, a.week) < (b.year, b.week) }

    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let week = ReviewWeek(text: text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: StoredCodingMessage.notAWeek)
        }
        self = week
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(text)
    }
}

extension LocalDate {
    /// Monday 1 to Sunday 7.
    public var isoWeekday: Int { ((dayNumber + 3) % 7 + 7) % 7 + 1 }
}

/// The rules that put a youth on the review's agenda, most urgent first: the order of the cases
/// is the order of the agenda.
public enum ReviewRule: String, StoredCode, Sendable {
    case acuteDomain = "acuteDomain"
    case overdueAction = "overdueAction"
    case noContact = "noContact"
    case meetingThisWeek = "meetingThisWeek"
    case measurementDue = "measurementDue"
    case consentProblem = "consentProblem"
    /// From review schema 2: a youth in Coachen with a lopende placement and no progress talk for
    /// longer than the coach's threshold.
    case noProgressTalk = "noProgressTalk"
    /// From review schema 3: an escalation to the IPTA-overleg unanswered for longer than the
    /// coach's threshold.
    case escalationOpen = "escalationOpen"
    case noZRM = "noZRM"
    case phaseTooLong = "phaseTooLong"

    public init(from decoder: Decoder) throws { self = try Self.decodeCode(from: decoder) }

    public var label: String {
        switch self {
        case .acuteDomain: "Acuut leefgebied"
        case .overdueAction: "Actie te laat"
        case .noContact: "Geen contact"
        case .meetingThisWeek: "Overleg deze week"
        case .measurementDue: "Meting"
        case .consentProblem: "Toestemming"
        case .noProgressTalk: "Geen voortgangsgesprek"
        case .escalationOpen: "Escalatie open"
        case .noZRM: "Geen ZRM"
        case .phaseTooLong: "Fase te lang"
        }
    }
}

/// One reason a youth is on the agenda: the rule and what it found, in words.
public struct ReviewReason: Codable, Equatable, Sendable {
    public var rule: ReviewRule
    public var detail: String

    public init(_ rule: ReviewRule, _ detail: String) {
        self.rule = rule
        self.detail = detail
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        rule = try c.decode(ReviewRule.self, forKey: .rule)
        detail = try c.value(.detail, or: "")
    }

    public var text: String { detail.isEmpty ? rule.label : "\(rule.label): \(detail)" }
}

public enum ReviewRules {
    /// Why `youth` needs attention this week, in the order of the rules.
    public static func reasons(for youth: Youth, settings: CoachSettings, today: LocalDate) -> [ReviewReason] {
        var reasons: [ReviewReason] = []
        let acute = youth.latestMeasurement?.acuteDomains.compactMap { Catalog.lifeDomain($0)?.name } ?? []
        if !acute.isEmpty { reasons.append(ReviewReason(.acuteDomain, acute.joined(separator: ", "))) }
        let late = youth.actionsInOrder.filter { $0.isOverdue(on: today) }
        if let first = late.first, let due = first.due {
            reasons.append(ReviewReason(.overdueAction, late.count == 1 ? "\(first.what) (sinds \(due.text))"
                                            : "\(late.count) acties, de oudste sinds \(due.text)"))
        }
        if let detail = contactGap(youth, limit: settings.contactDays, today: today) { reasons.append(ReviewReason(.noContact, detail)) }
        let week = ReviewWeek(containing: today)
        if let meeting = youth.meetingsInOrder.first(where: { week.contains($0.date) }) {
            reasons.append(ReviewReason(.meetingThisWeek, meeting.date.text + (meeting.time.isEmpty ? "" : " om \(meeting.time)")))
        }
        if let due = youth.measurementDue(weeks: settings.measurementWeeks, today: today) {
            reasons.append(ReviewReason(.measurementDue, due.text(today: today)))
        }
        let consent = youth.consentProblems(today: today)
        if !consent.isEmpty { reasons.append(ReviewReason(.consentProblem, consent.map(\.text).joined(separator: "; "))) }
        if let detail = talkGap(youth, weeks: settings.talkWeeks, today: today) { reasons.append(ReviewReason(.noProgressTalk, detail)) }
        if let detail = escalationGap(youth, weeks: settings.escalationWeeks, today: today) { reasons.append(ReviewReason(.escalationOpen, detail)) }
        if youth.needsFirstZRM { reasons.append(ReviewReason(.noZRM, "nog geen meting")) }
        if let weeks = youth.readyToClose(weeks: settings.readyToCloseWeeks, today: today), let step = youth.borgStep {
            reasons.append(ReviewReason(.phaseTooLong, "afgebouwd sinds \(step.date.text), \(weeks) weken: klaar om af te sluiten (drempel \(settings.readyToCloseWeeks))"))
        } else if let weeks = youth.phaseTooLong(weeks: settings.phaseWeeks, today: today) {
            reasons.append(ReviewReason(.phaseTooLong, "\(youth.phase.label) duurt \(weeks) weken (drempel \(settings.phaseWeeks[youth.phase] ?? 0))"))
        }
        return reasons
    }

    /// More days than `limit` since the last real contact, or since the start when there was none.
    public static func contactGap(_ youth: Youth, limit: Int, today: LocalDate) -> String? {
        guard let days = youth.daysWithoutContact(today: today), days > limit else { return nil }
        return youth.lastContact.map { "\(days) dagen (laatste \($0.text))" } ?? "nog geen contact, \(days) dagen sinds de start"
    }

    /// The open escalation raised longest ago, when it is open for more than `weeks` weeks.
    public static func escalationGap(_ youth: Youth, weeks: Int, today: LocalDate) -> String? {
        guard let oldest = youth.openEscalations.first, oldest.weeksOpen(today: today) > weeks else { return nil }
        let others = youth.openEscalations.count - 1
        return "\(oldest.level.label) sinds \(oldest.raisedOn.text), \(oldest.weeksOpen(today: today)) weken zonder antwoord (drempel \(weeks))"
            + (others > 0 ? "; nog \(others) open" : "")
    }

    /// For a youth in Coachen: the lopende placement that went longest without a progress talk, when
    /// that is more than `weeks` weeks (counted from its start when it had none yet).
    public static func talkGap(_ youth: Youth, weeks: Int, today: LocalDate) -> String? {
        guard youth.phase == .coaching else { return nil }
        let talks = youth.talksInOrder
        let gaps = youth.placementsInOrder.filter { $0.status == .running && $0.start <= today }.map { placement in
            (placement, last: talks.last { $0.placementID == placement.id && $0.date <= today }?.date)
        }
        guard let worst = gaps.min(by: { ($0.last ?? $0.0.start) < ($1.last ?? $1.0.start) }) else { return nil }
        let since = worst.last ?? worst.0.start
        let days = since.days(until: today)
        guard days > weeks * 7 else { return nil }
        let place = worst.0.workplaceName.isEmpty ? worst.0.kind.label : worst.0.workplaceName
        return worst.last.map { "\(place): laatste gesprek \($0.text), \(days / 7) weken geleden (drempel \(weeks))" }
            ?? "\(place): nog geen gesprek sinds de start op \(since.text), \(days / 7) weken (drempel \(weeks))"
    }

    /// The agenda: every active youth with its reasons, most urgent first (the most urgent rule
    /// that applies, then the number of reasons, then the name); youths with nothing to flag last.
    public static func agenda(_ youths: [Youth], settings: CoachSettings, today: LocalDate) -> [ReviewItem] {
        youths.filter { $0.phase != .closed }
            .map { (youth: $0, reasons: reasons(for: $0, settings: settings, today: today)) }
            .sorted { a, b in
                let rankA = a.reasons.map { ReviewRule.allCases.firstIndex(of: $0.rule)! }.min() ?? Int.max
                let rankB = b.reasons.map { ReviewRule.allCases.firstIndex(of: $0.rule)! }.min() ?? Int.max
                if rankA != rankB { return rankA < rankB }
                if a.reasons.count != b.reasons.count { return a.reasons.count > b.reasons.count }
                return (a.youth.name.sortKey, a.youth.id) < (b.youth.name.sortKey, b.youth.id)
            }
            .map { ReviewItem(youthID: $0.youth.id, name: $0.youth.name, reasons: $0.reasons) }
    }
}

/// One youth on a week's review: why, and what the coach wrote and decided.
public struct ReviewItem: Codable, Equatable, Sendable {
    public var youthID: String
    /// The name when the review was made, so the summary reads without the youth's file.
    public var name: String
    public var reasons: [ReviewReason]
    public var note: String
    public var nextStep: String
    /// The coach went past this page: it has been discussed.
    public var reviewed: Bool

    public init(youthID: String, name: String, reasons: [ReviewReason]) {
        self.youthID = youthID
        self.name = name
        self.reasons = reasons
        note = ""
        nextStep = ""
        reviewed = false
    }

    /// The coach wrote a note or a decision on this page.
    public var holdsWriting: Bool { !note.isEmpty || !nextStep.isEmpty }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        youthID = try c.decode(String.self, forKey: .youthID)
        name = try c.value(.name, or: "")
        reasons = try c.value(.reasons, or: [])
        note = try c.value(.note, or: "")
        nextStep = try c.value(.nextStep, or: "")
        reviewed = try c.value(.reviewed, or: false)
    }
}

/// The weekly case review of one week: the agenda fixed when it started (so an interrupted
/// review resumes on the same page), the notes and decisions, and where the coach was.
public struct WeeklyReview: Codable, Equatable, Sendable {
    /// 2: a reason may be `noProgressTalk` (issue 17); a schema-1 program would refuse that code.
    /// 3: a reason may be `escalationOpen` (issue 18).
    public static let schemaVersion = 3

    public var week: ReviewWeek
    public var started: Date
    public var items: [ReviewItem]
    /// The page the coach was on.
    public var position: Int

    public init(week: ReviewWeek, started: Date, items: [ReviewItem]) {
        self.week = week
        self.started = started.wholeSeconds
        self.items = items
        position = 0
    }

    private enum CodingKeys: String, CodingKey { case week, started, items, position }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        week = try c.decode(ReviewWeek.self, forKey: .week)
        started = try c.value(.started, or: Date(timeIntervalSince1970: 0))
        items = try c.value(.items, or: [])
        position = try c.value(.position, or: 0)
    }

    public var reviewedCount: Int { items.filter(\.reviewed).count }
    public var isFinished: Bool { !items.isEmpty && items.allSatisfy(\.reviewed) }

    public func item(for youthID: String) -> ReviewItem? { items.first { $0.youthID == youthID } }

    /// The review of `week` as it opens, from the one stored (nil: none yet) and today's agenda.
    /// Without a stored review it is the agenda. Otherwise:
    /// - the pages already discussed stay as they were (reasons, note, decision), in their order,
    ///   also when the youth has been closed since: the week's record keeps what was said;
    /// - the page the coach was on follows them, still open;
    /// - then every other page not yet discussed, in today's urgency order and with today's
    ///   reasons: a youth new in the caseload or newly urgent (an acute score, an action gone
    ///   overdue) takes its place among them, not at the end; what was written on them stays;
    /// - a page not yet discussed whose youth left the agenda (closed, file set aside) leaves,
    ///   unless something was written on it: then it stays, at the end.
    /// The review opens on the page the coach was on, else on the first page not yet discussed.
    public static func opening(_ stored: WeeklyReview?, week: ReviewWeek, agenda: [ReviewItem], now: Date) -> WeeklyReview {
        guard var review = stored else { return WeeklyReview(week: week, started: now, items: agenda) }
        let before = Dictionary(review.items.map { ($0.youthID, $0) }, uniquingKeysWith: { first, _ in first })
        let current = review.items.indices.contains(review.position) ? review.items[review.position] : nil
        let discussed = review.items.filter(\.reviewed)
        var waiting = agenda.filter { before[$0.youthID]?.reviewed != true }.map { item in
            var item = item
            item.note = before[item.youthID]?.note ?? ""
            item.nextStep = before[item.youthID]?.nextStep ?? ""
            return item
        }
        if let current, let index = waiting.firstIndex(where: { $0.youthID == current.youthID }) {
            waiting.insert(waiting.remove(at: index), at: 0)
        }
        let onAgenda = Set(agenda.map(\.youthID))
        let written = review.items.filter { !$0.reviewed && !onAgenda.contains($0.youthID) && $0.holdsWriting }
        review.items = discussed + waiting + written
        review.position = current.flatMap { page in review.items.firstIndex { $0.youthID == page.youthID } }
            ?? min(discussed.count, max(0, review.items.count - 1))
        return review
    }

    /// Checks what a screen relies on, on reading and before writing (`ValidatedDocument`): a
    /// valid page, ids that are file names, each youth once, the coach's texts without control
    /// characters (a note may hold line breaks).
    func validate() throws(ValidationFailure) {
        // A week outside the accepted years (a clock gone wrong) would not read back.
        guard ReviewWeek(text: week.text) == week else { throw ValidationFailure("week", week.text, StoredCodingMessage.notAWeek) }
        try checkTextLimits()
        guard items.isEmpty ? position == 0 : items.indices.contains(position) else {
            throw ValidationFailure("position", String(position), "een pagina van de bespreking")
        }
        var seen = Set<String>()
        for (index, item) in items.enumerated() {
            guard Youth.isFileNameSafe(item.youthID) else {
                throw ValidationFailure("items[\(index)].youthID", item.youthID, "een dossiernummer")
            }
            guard seen.insert(item.youthID).inserted else { throw ValidationFailure("items[\(index)].youthID", item.youthID, "elke jongere één keer") }
            // The name is a copy of the youth's and follows its rule (any text, shown escaped): a
            // name that loads in the caseload must never make the review unsaveable.
            if item.nextStep.unicodeScalars.contains(where: SafeText.needsEscape) {
                throw ValidationFailure("items[\(index)].nextStep", "", "tekst zonder stuurtekens")
            }
            if item.note.unicodeScalars.contains(where: { $0 != "\n" && SafeText.needsEscape($0) }) {
                throw ValidationFailure("items[\(index)].note", "", "tekst zonder stuurtekens (een regeleinde mag)")
            }
        }
    }
}

/// The file of one week's review: `{"schemaVersion": 1, "review": {...}}` in reviews/2026-W49.json.
struct ReviewRecord: Codable, ValidatedDocument {
    var schemaVersion = WeeklyReview.schemaVersion
    var review: WeeklyReview

    func validate() throws(ValidationFailure) { try review.validate() }
}

extension CaseloadStore {
    public static let reviewsFolder = "reviews"

    /// The review of `week`, or nil when there is none (or its file could not be read: then it is
    /// set aside with a notice, and a new review can start).
    public func review(of week: ReviewWeek) -> WeeklyReview? {
        readDocument(ReviewRecord.self, folder: Self.reviewsFolder, name: week.text + ".json", known: WeeklyReview.schemaVersion) { record in
            guard record.review.week == week else { throw ValidationFailure("review.week", record.review.week.text, "past niet bij de bestandsnaam") }
        }?.review
    }

    /// The latest review of a week before `week`: last week's decisions.
    public func review(before week: ReviewWeek) -> WeeklyReview? {
        documentNames(in: Self.reviewsFolder).compactMap { ReviewWeek(text: String($0.dropLast(5))) }
            .filter { $0 < week }.max().flatMap { review(of: $0) }
    }

    /// This week's review as it opens, on the screen and in `rodeloper review` alike: the stored
    /// one merged with today's agenda of the active youths (`WeeklyReview.opening`). `changed` is
    /// true when it differs from the stored file (new, or pages added, left or moved): the screen
    /// saves it then, the read-only command only prints it. Unreadable youth files become notices
    /// (and are set aside when the store may write).
    public func openReview(today: LocalDate, now: Date) -> (review: WeeklyReview, changed: Bool) {
        let week = ReviewWeek(containing: today)
        let youths = summaries.filter { $0.phase != .closed }.map(\.id).sorted().compactMap { id -> Youth? in
            do {
                return try youth(id: id)
            } catch {
                if mode == .readOnly { notices.append(StoreNotice(message: error.localizedDescription)) }
                return nil
            }
        }
        let stored = review(of: week)
        let review = WeeklyReview.opening(stored, week: week, agenda: ReviewRules.agenda(youths, settings: settings, today: today), now: now)
        return (review, review != stored)
    }

    /// Writes a review at once and atomically, like a youth.
    public func save(_ review: WeeklyReview) throws {
        try writeDocument(ReviewRecord(review: review), folder: Self.reviewsFolder, name: review.week.text + ".json")
    }
}
