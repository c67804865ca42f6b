import Foundation

/// The kinds of place a workplace offers and a placement is: work, learning or day activity.
public enum PlaceKind: String, StoredCode, Sendable {
    case job = "job"
    case workExperience = "workExperience"
    case internship = "internship"
    case education = "education"
    case learnAndWork = "learnAndWork"
    case dayActivity = "dayActivity"

    public init(from decoder: Decoder) throws { self = try Self.decodeCode(from: decoder) }

    public var label: String {
        switch self {
        case .job: "baan"
        case .workExperience: "werkervaringsplek"
        case .internship: "stage"
        case .education: "opleiding"
        case .learnAndWork: "leerwerkplek"
        case .dayActivity: "dagbesteding"
        }
    }
}

/// The quick scan of a workplace: what it is like to work there. Dated, so that a later scan
/// sits beside an earlier one instead of erasing it.
public struct WorkplaceScan: Codable, Equatable, Sendable, Identifiable {
    public var id: String
    public var date: LocalDate
    public var atmosphere = ""
    public var tasks = ""
    public var functionalSkills = ""
    public var socialSkills = ""
    /// Leadership style and room to grow.
    public var leadership = ""
    /// The social network at and around the workplace.
    public var network = ""

    public init(date: LocalDate, id: String = UUID().uuidString.lowercased()) {
        self.id = id
        self.date = date
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        date = try c.decode(LocalDate.self, forKey: .date)
        atmosphere = try c.value(.atmosphere, or: "")
        tasks = try c.value(.tasks, or: "")
        functionalSkills = try c.value(.functionalSkills, or: "")
        socialSkills = try c.value(.socialSkills, or: "")
        leadership = try c.value(.leadership, or: "")
        network = try c.value(.network, or: "")
    }

    /// The texts of a scan, by name: what a form shows and a draft is kept under.
    public enum Text: String, CaseIterable, Sendable {
        case atmosphere, tasks, functionalSkills, socialSkills, leadership, network

        public var label: String {
            switch self {
            case .atmosphere: "Sfeer"
            case .tasks: "Taken"
            case .functionalSkills: "Functionele vaardigheden nodig"
            case .socialSkills: "Sociale vaardigheden nodig"
            case .leadership: "Leiderschapsstijl en groeiruimte"
            case .network: "Sociaal netwerk op en rond de werkplek"
            }
        }
    }

    public subscript(text: Text) -> String {
        get {
            switch text {
            case .atmosphere: atmosphere
            case .tasks: tasks
            case .functionalSkills: functionalSkills
            case .socialSkills: socialSkills
            case .leadership: leadership
            case .network: network
            }
        }
        set {
            switch text {
            case .atmosphere: atmosphere = newValue
            case .tasks: tasks = newValue
            case .functionalSkills: functionalSkills = newValue
            case .socialSkills: socialSkills = newValue
            case .leadership: leadership = newValue
            case .network: network = newValue
            }
        }
    }
}

/// A company, school or other place that takes young people on: a collection of the caseload,
/// one file per workplace in `workplaces/`. Its history of placements is not stored here: it is
/// derived from the youths' placements (`CaseloadStore.placements(at:)`), never typed twice.
public struct Workplace: Codable, Equatable, Sendable, Identifiable {
    public var id: String
    public var name: String
    public var sector = ""
    public var address = ""
    public var contactName = ""
    public var contactPhone = ""
    public var contactEmail = ""
    /// The kinds of place it offers.
    public var kinds: [PlaceKind] = []
    public var notes = ""
    public var active = true
    /// Its quick scans, in the order they were made.
    public var scans: [WorkplaceScan] = []
    public var created: Date
    public var updated: Date

    public init(name: String, now: Date, id: String = UUID().uuidString.lowercased()) throws(InputError) {
        self.id = id
        self.name = try Youth.validName(name, field: "De naam van de werkplek")
        created = now
        updated = now
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        name = try c.decode(String.self, forKey: .name)
        sector = try c.value(.sector, or: "")
        address = try c.value(.address, or: "")
        contactName = try c.value(.contactName, or: "")
        contactPhone = try c.value(.contactPhone, or: "")
        contactEmail = try c.value(.contactEmail, or: "")
        kinds = try c.value(.kinds, or: [])
        notes = try c.value(.notes, or: "")
        active = try c.value(.active, or: true)
        scans = try c.value(.scans, or: [])
        created = try c.decode(Date.self, forKey: .created)
        updated = try c.value(.updated, or: created)
    }

    /// The scans, newest first (the same day: the one made last first).
    public var scansNewestFirst: [WorkplaceScan] {
        scans.byDay(\.date, newestFirst: true)
    }

    public var latestScan: WorkplaceScan? { scansNewestFirst.first }

    /// An e-mail address: empty, or one @ with text on both sides and no spaces.
    public static func validEmail(_ input: String) throws(InputError) -> String {
        let email = input.trimmingCharacters(in: .whitespaces)
        guard !email.isEmpty else { return "" }
        let parts = email.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[1].contains("."), !parts[1].hasPrefix("."), !parts[1].hasSuffix("."),
              !email.contains(where: \.isWhitespace) else {
            throw InputError("Een e-mailadres heeft de vorm naam@domein.nl.")
        }
        return try Youth.validText(email, field: "Het e-mailadres")
    }
}

/// The file of one workplace: `{"schemaVersion": 1, "workplace": {...}}` in workplaces/<id>.json.
struct WorkplaceRecord: Codable, ValidatedDocument {
    var schemaVersion = Workplace.schemaVersion
    var workplace: Workplace

    func validate() throws(ValidationFailure) { try workplace.validate() }
}

extension Workplace {
    /// 1: the first workplace files (issue 17).
    public static let schemaVersion = 1

    /// Checks what the screens rely on: a safe id (it names the file), a name, unique scan ids,
    /// each kind once, the text limits.
    public func validate() throws(ValidationFailure) {
        guard Youth.isFileNameSafe(id) else { throw ValidationFailure("id", id, "letters, cijfers en streepjes") }
        guard !name.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { throw ValidationFailure("name", "", "een naam is verplicht") }
        for (field, text) in [("name", name), ("sector", sector), ("address", address), ("contactName", contactName),
                              ("contactPhone", contactPhone), ("contactEmail", contactEmail)] {
            try TextLimits.check(text, field, TextLimits.line)
        }
        try TextLimits.check(notes, "notes", TextLimits.page)
        if Set(kinds).count != kinds.count { throw ValidationFailure("kinds", kinds.map(\.rawValue).joined(separator: ","), "elke soort één keer") }
        var seen = Set<String>()
        for (index, scan) in scans.enumerated() {
            guard Youth.isFileNameSafe(scan.id) else { throw ValidationFailure("scans[\(index)].id", scan.id, "letters, cijfers en streepjes") }
            guard seen.insert(scan.id).inserted else { throw ValidationFailure("scans.id", scan.id, "dit nummer komt twee keer voor") }
            for text in WorkplaceScan.Text.allCases {
                try TextLimits.check(scan[text], "scans[\(index)].\(text.rawValue)", TextLimits.page)
            }
        }
    }
}

extension Workplace {
    /// Whether the workplace shows for a filter typed on the list: the typed text found in its
    /// name, its sector or the name of a kind it offers, capitals and accents not counting. An
    /// empty filter shows every workplace.
    public func matches(_ query: String) -> Bool {
        let needle = query.trimmingCharacters(in: .whitespaces).sortKey
        guard !needle.isEmpty else { return true }
        return ([name, sector] + kinds.map(\.label)).contains { $0.sortKey.contains(needle) }
    }

    /// Saves a scan (new or changed) in its place; a new one is added after the earlier ones.
    public mutating func save(_ scan: WorkplaceScan) { scans.replaceOrAppend(scan) }

    /// Removes a scan; refused when it is no longer there.
    public mutating func remove(scanID: String) throws(InputError) {
        guard let index = scans.firstIndex(where: { $0.id == scanID }) else { throw InputError("Deze scan bestaat niet meer.") }
        scans.remove(at: index)
    }

    /// The day of a scan: not after today (a scan records what was seen).
    public static func validScanDate(_ day: LocalDate, today: LocalDate) throws(InputError) -> LocalDate {
        try day.notAfter(today, "Een scan")
    }
}
