import Foundation

/// The phases of Rode loper coaching, in order. `closed` is the end of a case.
public enum Phase: String, StoredCode, Sendable {
    case scout = "scout"
    case quickScan = "quickScan"
    case matchAndWrapAround = "matchAndWrapAround"
    case coaching = "coaching"
    case borg = "borg"
    case closed = "closed"

    public init(from decoder: Decoder) throws { self = try Self.decodeCode(from: decoder) }

    /// The Dutch name the coach knows.
    public var label: String {
        switch self {
        case .scout: "Scout"
        case .quickScan: "Quick scan"
        case .matchAndWrapAround: "Match & wrap-around"
        case .coaching: "Coachen"
        case .borg: "Borgen"
        case .closed: "Afgesloten"
        }
    }

    public var next: Phase? { Phase.allCases.firstIndex(of: self).flatMap { Phase.allCases.dropFirst($0 + 1).first } }
    public var previous: Phase? {
        Phase.allCases.firstIndex(of: self).flatMap { $0 > 0 ? Phase.allCases[$0 - 1] : nil }
    }
}

/// Where the young person was found (vindplaats).
public enum Channel: String, StoredCode, Sendable {
    case neighbourhoodOfficer = "neighbourhoodOfficer"
    case youthWorker = "youthWorker"
    case safetyHouse = "safetyHouse"
    case school = "school"
    case rmcCompulsoryEducation = "rmcCompulsoryEducation"
    case youthDesk = "youthDesk"
    case street = "street"
    case sportsClub = "sportsClub"
    case musicStudio = "musicStudio"
    case barbershop = "barbershop"
    case other = "other"

    public init(from decoder: Decoder) throws { self = try Self.decodeCode(from: decoder) }

    public var label: String {
        switch self {
        case .neighbourhoodOfficer: "Wijkagent"
        case .youthWorker: "Jongerenwerker"
        case .safetyHouse: "Veiligheidshuis"
        case .school: "School (mentor, stagebegeleider)"
        case .rmcCompulsoryEducation: "RMC / leerplicht"
        case .youthDesk: "Jongerenloket"
        case .street: "Straat"
        case .sportsClub: "Sportclub"
        case .musicStudio: "Muziekstudio"
        case .barbershop: "Kapper / barbershop"
        case .other: "Anders"
        }
    }
}

/// One move from one phase to another, on the day the coach confirmed it.
public struct PhaseChange: Codable, Equatable, Sendable {
    public var from: Phase?
    public var to: Phase
    public var date: LocalDate

    public init(from: Phase?, to: Phase, date: LocalDate) {
        self.from = from
        self.to = to
        self.date = date
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        from = try c.decodeIfPresent(Phase.self, forKey: .from)
        to = try c.decode(Phase.self, forKey: .to)
        date = try c.decode(LocalDate.self, forKey: .date)
    }
}

/// A young person (jongere) on the caseload.
public struct Youth: Codable, Equatable, Sendable, Identifiable {
    public var id: String
    public var name: String
    public var dateOfBirth: LocalDate?
    public var municipality: String
    public var phone: String
    public var foundAt: Channel?
    /// What "anders" means, or a detail of the channel (which school, which club).
    public var foundAtDetail: String
    public var referredBy: String
    public var phase: Phase
    /// Every phase change, oldest first; the first entry is the start of the case.
    public var phaseHistory: [PhaseChange]
    public var created: Date
    public var updated: Date
    /// ZRM measurements, in the order they were recorded.
    public var measurements: [ZRMMeasurement]
    public var quickScan: QuickScan
    /// The veranderplan as it is now, and earlier versions (oldest first).
    public var changePlan: ChangePlan
    public var changePlanVersions: [ChangePlan]
    /// The actions of the plan, in the order they were made.
    public var actions: [CaseAction]
    /// The youth's social network and the professionals around the case.
    public var network: [Person]
    public var professionals: [Person]
    /// Wrap-around meetings, and the register of consent to share information.
    public var meetings: [WrapAroundMeeting]
    public var consents: [Consent]
    /// The contact journal, in the order entries were made (from schema 6).
    public var journal: [JournalEntry]
    /// Attempts to reach the youth in the scout phase, and the day they agreed to take part.
    public var scoutAttempts: [ScoutAttempt]
    public var agreedOn: LocalDate?
    /// Placements at workplaces over time, in the order they were made; the progress talks at the
    /// workplace; the user manual for the employer (gebruiksaanwijzing). From schema 7.
    public var placements: [Placement]
    public var progressTalks: [ProgressTalk]
    public var userManual: String
    /// The end of the method (from schema 8): the borg intensity over time, every closing with
    /// its outcome, every reopening, and the escalations to the IPTA-overleg.
    public var borgSteps: [BorgStep]
    public var closures: [Closure]
    public var reopenings: [Reopening]
    public var escalations: [Escalation]

    /// A new youth in the scout phase. The name must pass `Youth.validName`.
    public init(name: String, now: Date, today: LocalDate, id: String = UUID().uuidString.lowercased()) throws(InputError) {
        self.id = id
        self.name = try Youth.validName(name)
        self.dateOfBirth = nil
        self.municipality = ""
        self.phone = ""
        self.foundAt = nil
        self.foundAtDetail = ""
        self.referredBy = ""
        self.phase = .scout
        self.phaseHistory = [PhaseChange(from: nil, to: .scout, date: today)]
        self.created = now
        self.updated = now
        self.measurements = []
        self.quickScan = QuickScan()
        self.changePlan = ChangePlan()
        self.changePlanVersions = []
        self.actions = []
        self.network = []
        self.professionals = []
        self.meetings = []
        self.consents = []
        self.journal = []
        self.scoutAttempts = []
        self.agreedOn = nil
        self.placements = []
        self.progressTalks = []
        self.userManual = ""
        self.borgSteps = []
        self.closures = []
        self.reopenings = []
        self.escalations = []
    }

    private enum CodingKeys: String, CodingKey {
        case id, name, dateOfBirth, municipality, phone, foundAt, foundAtDetail, referredBy, phase, phaseHistory
        case created, updated, measurements, quickScan, changePlan, changePlanVersions, actions, network, professionals
        case meetings, consents, journal, scoutAttempts, agreedOn, placements, progressTalks, userManual
        case borgSteps, closures, reopenings, escalations
    }

    /// Reads files of every schema: a missing key gets its default (docs/data-format.md).
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        name = try c.decode(String.self, forKey: .name)
        dateOfBirth = try c.decodeIfPresent(LocalDate.self, forKey: .dateOfBirth)
        municipality = try c.value(.municipality, or: "")
        phone = try c.value(.phone, or: "")
        foundAt = try c.decodeIfPresent(Channel.self, forKey: .foundAt)
        foundAtDetail = try c.value(.foundAtDetail, or: "")
        referredBy = try c.value(.referredBy, or: "")
        phase = try c.decode(Phase.self, forKey: .phase)
        phaseHistory = try c.decode([PhaseChange].self, forKey: .phaseHistory)
        created = try c.decode(Date.self, forKey: .created)
        updated = try c.value(.updated, or: created)
        measurements = try c.value(.measurements, or: [])
        quickScan = try c.value(.quickScan, or: QuickScan())
        changePlan = try c.value(.changePlan, or: ChangePlan())
        changePlanVersions = try c.value(.changePlanVersions, or: [])
        actions = try c.value(.actions, or: [])
        network = try c.value(.network, or: [])
        professionals = try c.value(.professionals, or: [])
        meetings = try c.value(.meetings, or: [])
        consents = try c.value(.consents, or: [])
        journal = try c.value(.journal, or: [])
        scoutAttempts = try c.value(.scoutAttempts, or: [])
        agreedOn = try c.decodeIfPresent(LocalDate.self, forKey: .agreedOn)
        placements = try c.value(.placements, or: [])
        progressTalks = try c.value(.progressTalks, or: [])
        userManual = try c.value(.userManual, or: "")
        borgSteps = try c.value(.borgSteps, or: [])
        closures = try c.value(.closures, or: [])
        reopenings = try c.value(.reopenings, or: [])
        escalations = try c.value(.escalations, or: [])
    }

    public func age(on day: LocalDate) -> Int? { dateOfBirth.map { $0.years(until: day) } }

    /// The day the current phase began.
    public var phaseSince: LocalDate? { phaseHistory.last?.date }

    /// The phase a step back leads to: the one before, or for a closed case the phase it was
    /// closed from.
    public var phaseBefore: Phase? {
        if phase == .closed, let last = phaseHistory.last, last.to == .closed, let from = last.from { return from }
        return phase.previous
    }

    /// The day the case started: when the youth was found.
    public var started: LocalDate? { phaseHistory.first?.date }

    /// Moves to another phase, recording the day.
    public mutating func move(to phase: Phase, on day: LocalDate, now: Date) {
        guard phase != self.phase else { return }
        phaseHistory.append(PhaseChange(from: self.phase, to: phase, date: day))
        self.phase = phase
        updated = now
    }

    /// A phase change recorded afterwards: `day` may lie in the past, but not before the last
    /// change and not after today, so the history stays in order.
    /// Closing and reopening are not phase changes of this kind: they ask more (`close`, `reopen`).
    public mutating func move(to phase: Phase, on day: LocalDate, today: LocalDate, now: Date) throws(InputError) {
        if phase == .closed { throw InputError("Afsluiten gaat met het afsluitformulier: uitstroom, datum, notitie, acties en plaatsingen.") }
        if self.phase == .closed { throw InputError("Een afgesloten dossier gaat verder door het te heropenen, met een reden.") }
        _ = try day.notAfter(today, "Een fasewissel")
        if let last = phaseHistory.last, day < last.date {
            throw InputError("Een fasewissel kan niet vóór de vorige liggen (\(last.date.text)).")
        }
        move(to: phase, on: day, now: now)
    }

    /// Changes the day the case started (the youth was found): not after today and not after the
    /// first phase change.
    public mutating func setStart(_ day: LocalDate, today: LocalDate, now: Date) throws(InputError) {
        _ = try day.notAfter(today, "De start van het dossier")
        if phaseHistory.count > 1, day > phaseHistory[1].date {
            throw InputError("De start kan niet na de eerste fasewissel liggen (\(phaseHistory[1].date.text)).")
        }
        guard !phaseHistory.isEmpty else { return }
        phaseHistory[0].date = day
        updated = now
    }
}

/// Why a typed value was refused. The message is Dutch, for the coach.
public struct InputError: Error, Equatable, LocalizedError {
    public let message: String
    public init(_ message: String) { self.message = message }
    public var errorDescription: String? { message }
}

// MARK: - Validation of what the coach types

extension Youth {
    /// The youngest and oldest age the method is meant for.
    public static let intendedAges = 16...27

    /// A name with surrounding spaces removed; empty, too long (`TextLimits.line`) or with
    /// control characters is refused.
    public static func validName(_ input: String, field: String = "Een naam") throws(InputError) -> String {
        let name = input.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !name.isEmpty else { throw InputError("\(field) is verplicht.") }
        try TextLimits.refuse(name, field: field, limit: TextLimits.line)
        try refuseControlCharacters(name, field: field)
        return name
    }

    /// A free text field: any printable text up to `limit` characters, surrounding spaces removed.
    public static func validText(_ input: String, field: String, limit: Int = TextLimits.line) throws(InputError) -> String {
        let text = input.trimmingCharacters(in: .whitespacesAndNewlines)
        try TextLimits.refuse(text, field: field, limit: limit)
        try refuseControlCharacters(text, field: field)
        return text
    }

    /// A phone number: digits with optional +, spaces, dashes and brackets; empty is allowed.
    public static func validPhone(_ input: String) throws(InputError) -> String {
        let phone = input.trimmingCharacters(in: .whitespaces)
        let allowed = Set("0123456789+-() ")
        guard phone.allSatisfy(allowed.contains) else {
            throw InputError("Een telefoonnummer bevat alleen cijfers, spaties, +, - en haakjes.")
        }
        guard phone.isEmpty || phone.filter(\.isNumber).count >= 6 else {
            throw InputError("Dit telefoonnummer is te kort.")
        }
        return phone
    }

    /// A date of birth: a real date, not in the future. Empty clears it.
    public static func validDateOfBirth(_ input: String, today: LocalDate) throws(InputError) -> LocalDate? {
        if input.trimmingCharacters(in: .whitespaces).isEmpty { return nil }
        let date = try LocalDate.parseInput(input)
        // The rule, not the date: a message never repeats a date of birth.
        return try date.notAfter(today, "Een geboortedatum")
    }

    /// A warning (not a refusal) when a date of birth gives an age outside 16-27.
    public static func ageWarning(for dateOfBirth: LocalDate?, today: LocalDate) -> String? {
        guard let dateOfBirth else { return nil }
        let age = dateOfBirth.years(until: today)
        guard !intendedAges.contains(age) else { return nil }
        return "Leeftijd \(age) valt buiten \(intendedAges.lowerBound)-\(intendedAges.upperBound) jaar, de leeftijd van Rode loper coaching."
    }

    private static func refuseControlCharacters(_ text: String, field: String) throws(InputError) {
        if text.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
            throw InputError("\(field) bevat een stuurteken (zoals Esc of een regeleinde); haal dat weg.")
        }
    }
}
