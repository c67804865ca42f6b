import Foundation

/// Where a placement stands.
public enum PlacementStatus: String, StoredCode, Sendable {
    case planned = "planned"
    case running = "running"
    case ended = "ended"

    public init(from decoder: Decoder) throws { self = try Self.decodeCode(from: decoder) }

    public var label: String {
        switch self {
        case .planned: "gepland"
        case .running: "lopend"
        case .ended: "beëindigd"
        }
    }
}

/// How a placement ended.
public enum PlacementEnding: String, StoredCode, Sendable {
    case completed = "completed"
    case stoppedByYouth = "stoppedByYouth"
    case stoppedByEmployer = "stoppedByEmployer"
    /// Ended because the case was closed (from schema 8).
    case caseClosed = "caseClosed"
    case other = "other"

    public init(from decoder: Decoder) throws { self = try Self.decodeCode(from: decoder) }

    public var label: String {
        switch self {
        case .completed: "afgerond"
        case .stoppedByYouth: "voortijdig gestopt door jongere"
        case .stoppedByEmployer: "voortijdig gestopt door werkgever"
        case .caseClosed: "dossier afgesloten"
        case .other: "anders"
        }
    }

    /// Whether the match counts as having gone well, for the ranking of a next match.
    public var wentWell: Bool { self == .completed }
}

/// What the employer gets for taking the young person on.
public enum Compensation: String, StoredCode, Sendable {
    case wageSubsidy = "wageSubsidy"
    case noRiskPolicy = "noRiskPolicy"
    case trialPlacement = "trialPlacement"
    case other = "other"

    public init(from decoder: Decoder) throws { self = try Self.decodeCode(from: decoder) }

    public var label: String {
        switch self {
        case .wageSubsidy: "loonkostensubsidie"
        case .noRiskPolicy: "no-risk polis"
        case .trialPlacement: "proefplaatsing"
        case .other: "anders"
        }
    }
}

/// The plaatsingsafspraken: what youth, employer and coach agreed on how the placement will go.
/// Every field is one line of text, except where a choice is clearer.
public struct PlacementAgreement: Codable, Equatable, Sendable {
    public var workingHours = ""
    public var tasks = ""
    public var income = ""
    public var induction = ""
    /// Who supervises at the workplace (a name).
    public var supervisor = ""
    public var schooling = ""
    /// How incidents are handled, and who is called.
    public var incidents = ""
    public var incidentContact = ""
    public var employerRole = ""
    public var compensation: Compensation?
    /// What "anders" means, or a detail of the compensation.
    public var compensationDetail = ""
    /// The amount, in words or figures as agreed ("€ 450 per maand", "50% WML").
    public var compensationAmount = ""
    /// Coaching at the workplace: how often, by whom.
    public var coachingFrequency = ""
    public var coachingBy = ""

    public init() {}

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        workingHours = try c.value(.workingHours, or: "")
        tasks = try c.value(.tasks, or: "")
        income = try c.value(.income, or: "")
        induction = try c.value(.induction, or: "")
        supervisor = try c.value(.supervisor, or: "")
        schooling = try c.value(.schooling, or: "")
        incidents = try c.value(.incidents, or: "")
        incidentContact = try c.value(.incidentContact, or: "")
        employerRole = try c.value(.employerRole, or: "")
        compensation = try c.decodeIfPresent(Compensation.self, forKey: .compensation)
        compensationDetail = try c.value(.compensationDetail, or: "")
        compensationAmount = try c.value(.compensationAmount, or: "")
        coachingFrequency = try c.value(.coachingFrequency, or: "")
        coachingBy = try c.value(.coachingBy, or: "")
    }

    /// The text fields, with their stored names, in the order of the form and the handout.
    public static var texts: [(field: String, label: String, path: WritableKeyPath<PlacementAgreement, String>)] { [
        ("workingHours", "Werktijden", \.workingHours),
        ("tasks", "Taken", \.tasks),
        ("income", "Inkomen", \.income),
        ("induction", "Inwerken", \.induction),
        ("supervisor", "Begeleider op de werkplek", \.supervisor),
        ("schooling", "Scholing en training", \.schooling),
        ("incidents", "Bij incidenten", \.incidents),
        ("incidentContact", "Wie wordt gebeld", \.incidentContact),
        ("employerRole", "Rol van de werkgever", \.employerRole),
        ("compensationDetail", "Vergoeding: toelichting", \.compensationDetail),
        ("compensationAmount", "Vergoeding: bedrag", \.compensationAmount),
        ("coachingFrequency", "Coaching op de werkplek: hoe vaak", \.coachingFrequency),
        ("coachingBy", "Coaching op de werkplek: door wie", \.coachingBy),
    ] }
}

/// A young person's place at a workplace: a job, work-experience place, internship, school place.
/// A youth has any number over time; at most one lopend per kind.
public struct Placement: Codable, Equatable, Sendable, Identifiable {
    public var id: String
    /// The workplace, by id (workplaces/<id>.json), and its name as it was when last seen, so that
    /// a workplace that is gone or in quarantine still shows which one it was.
    public var workplaceID: String
    public var workplaceName: String
    public var kind: PlaceKind
    public var start: LocalDate
    /// The planned end, and the real one once it ended.
    public var plannedEnd: LocalDate?
    public var end: LocalDate?
    public var status: PlacementStatus
    public var ending: PlacementEnding?
    /// What "anders" means, or how it ended in a few words.
    public var endingDetail = ""
    public var agreement = PlacementAgreement()
    /// The result of the job: a certificate and a recommendation letter, on the days they came.
    public var certificateOn: LocalDate?
    public var recommendationLetterOn: LocalDate?

    public init(workplace: Workplace, kind: PlaceKind, start: LocalDate, id: String = UUID().uuidString.lowercased()) {
        self.id = id
        workplaceID = workplace.id
        workplaceName = workplace.name
        self.kind = kind
        self.start = start
        status = .planned
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        workplaceID = try c.decode(String.self, forKey: .workplaceID)
        workplaceName = try c.value(.workplaceName, or: "")
        kind = try c.decode(PlaceKind.self, forKey: .kind)
        start = try c.decode(LocalDate.self, forKey: .start)
        plannedEnd = try c.decodeIfPresent(LocalDate.self, forKey: .plannedEnd)
        end = try c.decodeIfPresent(LocalDate.self, forKey: .end)
        status = try c.value(.status, or: .planned)
        ending = try c.decodeIfPresent(PlacementEnding.self, forKey: .ending)
        endingDetail = try c.value(.endingDetail, or: "")
        agreement = try c.value(.agreement, or: PlacementAgreement())
        certificateOn = try c.decodeIfPresent(LocalDate.self, forKey: .certificateOn)
        recommendationLetterOn = try c.decodeIfPresent(LocalDate.self, forKey: .recommendationLetterOn)
    }

    /// Refuses the days that cannot lie ahead of `today`: the start of a lopende placement, its
    /// end, the certificate and the recommendation letter. (A planned placement may start later.)
    public func checkDays(today: LocalDate) throws(InputError) {
        if status == .running, start > today {
            throw InputError("Een lopende plaatsing kan niet later beginnen dan vandaag (\(today.text)); een latere start is gepland.")
        }
        for (day, what) in [(end, "De einddatum"), (certificateOn, "Het certificaat"), (recommendationLetterOn, "De aanbevelingsbrief")] {
            _ = try day?.notAfter(today, what)
        }
    }

    /// "afgerond", "voortijdig gestopt door werkgever", or "anders: <detail>".
    public var endingText: String? {
        guard let ending else { return nil }
        return endingDetail.isEmpty ? ending.label : "\(ending.label): \(endingDetail)"
    }
}

extension Youth {
    /// The placements, oldest start first (the same day: the one made first first).
    public var placementsInOrder: [Placement] {
        placements.byDay(\.start)
    }

    /// The placement that counts now: the lopende one that started last, else the next planned
    /// one; nil when there is neither.
    public var currentPlacement: Placement? {
        let ordered = placementsInOrder
        return ordered.last { $0.status == .running } ?? ordered.first { $0.status == .planned }
    }

    /// Saves a placement (new or changed), refusing a second lopende one of the same kind and an
    /// end before the start. A first placement that starts running does not move the phase: the
    /// screen offers that (`offersCoaching`).
    public mutating func save(_ placement: Placement, now: Date) throws(InputError) {
        if placement.status == .running,
           let other = placements.first(where: { $0.id != placement.id && $0.status == .running && $0.kind == placement.kind }) {
            throw InputError("Er loopt al een \(placement.kind.label) bij \(other.workplaceName.isEmpty ? "een andere werkplek" : other.workplaceName); beëindig die eerst.")
        }
        if let end = placement.plannedEnd, end < placement.start {
            throw InputError("De geplande einddatum ligt vóór de start (\(placement.start.text)).")
        }
        if let end = placement.end, end < placement.start {
            throw InputError("De einddatum ligt vóór de start (\(placement.start.text)).")
        }
        placements.replaceOrAppend(placement)
        updated = now
    }

    /// Whether starting `placement` should offer to move the case to Coachen: it is the youth's
    /// first placement that runs, and the case is in Match & wrap-around.
    public func offersCoaching(starting placement: Placement) -> Bool {
        phase == .matchAndWrapAround && !placements.contains { $0.id != placement.id && ($0.status == .running || $0.status == .ended) }
    }
}

extension Placement {
    /// The status a new placement starts with: lopend when it starts today or earlier (the coach
    /// records what already began), gepland when it starts later (docs/decisions.md).
    public static func initialStatus(start: LocalDate, today: LocalDate) -> PlacementStatus {
        start <= today ? .running : .planned
    }

    /// Sets the status; leaving beëindigd clears the end and how it ended, reaching it fills in
    /// `today` as the end when none was given (the form shows both, the coach changes them).
    public mutating func setStatus(_ new: PlacementStatus, today: LocalDate) {
        guard new != status else { return }
        if new == .ended {
            // Ended before it began (a planned place that fell through): no end day to give.
            end = end ?? (start <= today ? today : nil)
        } else {
            end = nil
            ending = nil
            endingDetail = ""
        }
        status = new
    }
}

extension Youth {
    /// A new placement at `workplace`, saved into the youth: lopend when it starts today or
    /// earlier, gepland when later. When another placement of its kind is already lopend, it is
    /// saved as gepland and the returned note says so (never silently). Returns the placement
    /// and that note.
    public mutating func addPlacement(at workplace: Workplace, kind: PlaceKind, start: LocalDate, today: LocalDate, now: Date,
                                      id: String = UUID().uuidString.lowercased()) throws(InputError) -> (placement: Placement, note: String?) {
        var placement = Placement(workplace: workplace, kind: kind, start: start, id: id)
        placement.status = Placement.initialStatus(start: start, today: today)
        if placement.status == .running {
            do throws(InputError) {
                try save(placement, now: now)
                return (placement, nil)
            } catch {
                placement.status = .planned
                try save(placement, now: now)
                return (placement, "Opgeslagen als gepland: \(error.message)")
            }
        }
        try save(placement, now: now)
        return (placement, nil)
    }

    /// Removes a placement made by mistake; refused while progress talks belong to it.
    public mutating func remove(placementID: String) throws(InputError) {
        guard placements.contains(where: { $0.id == placementID }) else { throw InputError("Deze plaatsing bestaat niet meer.") }
        let talks = progressTalks.filter { $0.placementID == placementID }.count
        if talks > 0 {
            throw InputError("Bij deze plaatsing \(talks == 1 ? "hoort 1 voortgangsgesprek" : "horen \(talks) voortgangsgesprekken"); "
                             + "verwijder die eerst, of beëindig de plaatsing.")
        }
        placements.removeAll { $0.id == placementID }
    }
}
