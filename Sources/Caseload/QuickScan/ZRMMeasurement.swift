import Foundation

/// The measurement moments of the action research, plus measurements in between.
public enum MeasurementMoment: String, StoredCode, Sendable {
    case zero = "zero", one = "one", two = "two", three = "three", interim = "interim"

    public init(from decoder: Decoder) throws { self = try Self.decodeCode(from: decoder) }

    public var label: String {
        switch self {
        case .zero: "0-meting"
        case .one: "1-meting"
        case .two: "2-meting"
        case .three: "3-meting"
        case .interim: "tussentijds"
        }
    }

    /// Two characters, for column headers: "0m", "1m", "2m", "3m", "T".
    public var short: String {
        switch self {
        case .zero: "0m"
        case .one: "1m"
        case .two: "2m"
        case .three: "3m"
        case .interim: "T"
        }
    }
}

/// One life domain's part of a measurement: a score 1-5 (or none yet) and a note.
public struct DomainScore: Codable, Equatable, Sendable {
    public var score: Int?
    public var note: String

    public init(score: Int? = nil, note: String = "") {
        self.score = score
        self.note = note
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        score = try c.decodeIfPresent(Int.self, forKey: .score)
        note = try c.value(.note, or: "")
    }
}

/// A change made to a measurement after the day it was recorded, kept with its date.
public struct Correction: Codable, Equatable, Sendable {
    public var date: LocalDate
    /// What changed: a domain code with ".score" or ".note", or "date", "moment", "scoredBy".
    public var field: String
    /// The values as stored: a date as yyyy-mm-dd, a moment by its code, a score as digits.
    public var from: String
    public var to: String

    public init(date: LocalDate, field: String, from: String, to: String) {
        self.date = date
        self.field = field
        self.from = from
        self.to = to
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        date = try c.decode(LocalDate.self, forKey: .date)
        field = try c.decode(String.self, forKey: .field)
        from = Self.storedForm(try c.value(.from, or: ""), field: field)
        to = Self.storedForm(try c.value(.to, or: ""), field: field)
    }

    /// Schema 3 and earlier kept a changed date as dd-mm-jjjj and a moment by its Dutch label;
    /// those read as the codes written since schema 4.
    static func storedForm(_ value: String, field: String) -> String {
        switch field {
        case "date": (try? LocalDate.parse(value)).map(\.iso) ?? value
        case "moment": MeasurementMoment.allCases.first { $0.label == value }?.rawValue ?? value
        default: value
        }
    }
}

/// A ZRM measurement: a score per life domain on one day, by one person.
public struct ZRMMeasurement: Codable, Equatable, Sendable, Identifiable {
    public var id: String
    public var date: LocalDate
    public var moment: MeasurementMoment
    public var scoredBy: String
    /// By life-domain code.
    public var scores: [String: DomainScore]
    /// The day it was first recorded: changes on a later day are corrections.
    public var recordedOn: LocalDate
    public var corrections: [Correction]

    public init(date: LocalDate, moment: MeasurementMoment, scoredBy: String, recordedOn: LocalDate,
                scores: [String: DomainScore] = [:], id: String = UUID().uuidString.lowercased()) {
        self.id = id
        self.date = date
        self.moment = moment
        self.scoredBy = scoredBy
        self.scores = scores
        self.recordedOn = recordedOn
        self.corrections = []
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        date = try c.decode(LocalDate.self, forKey: .date)
        moment = try c.value(.moment, or: .interim)
        scoredBy = try c.value(.scoredBy, or: "")
        scores = try c.value(.scores, or: [:])
        recordedOn = try c.value(.recordedOn, or: date)
        corrections = try c.value(.corrections, or: [])
    }

    public func score(_ domain: String) -> Int? { scores[domain]?.score }
    public func note(_ domain: String) -> String { scores[domain]?.note ?? "" }

    /// Domains scored 1: they ask for immediate action.
    public var acuteDomains: [String] {
        Catalog.lifeDomains.map(\.code).filter { score($0) == 1 }
    }

    /// Mean of the scored domains, or nil when none is scored.
    public var average: Double? {
        let scored = scores.values.compactMap(\.score)
        return scored.isEmpty ? nil : Double(scored.reduce(0, +)) / Double(scored.count)
    }

    public var scoredCount: Int { scores.values.filter { $0.score != nil }.count }

    // MARK: - Changes, recorded as corrections after the first day

    public mutating func setScore(_ score: Int?, for domain: String, today: LocalDate) throws(InputError) {
        if let score, !(1...5).contains(score) { throw InputError("Een ZRM-score is 1 tot en met 5.") }
        let old = self.score(domain)
        guard old != score else { return }
        scores[domain, default: DomainScore()].score = score
        record(today, "\(domain).score", old.map(String.init) ?? "", score.map(String.init) ?? "")
    }

    public mutating func setNote(_ input: String, for domain: String, today: LocalDate) throws(InputError) {
        let note = try Youth.validText(input, field: "De toelichting")
        let old = self.note(domain)
        guard old != note else { return }
        scores[domain, default: DomainScore()].note = note
        record(today, "\(domain).note", old, note)
    }

    public mutating func setDate(_ date: LocalDate, today: LocalDate) throws(InputError) {
        guard date <= today else { throw InputError("De datum van een meting kan niet in de toekomst liggen.") }
        guard date != self.date else { return }
        record(today, "date", self.date.iso, date.iso)
        self.date = date
    }

    public mutating func setMoment(_ moment: MeasurementMoment, today: LocalDate) {
        guard moment != self.moment else { return }
        record(today, "moment", self.moment.rawValue, moment.rawValue)
        self.moment = moment
    }

    public mutating func setScoredBy(_ input: String, today: LocalDate) throws(InputError) {
        let name = try Youth.validText(input, field: "Gescoord door")
        guard name != scoredBy else { return }
        record(today, "scoredBy", scoredBy, name)
        scoredBy = name
    }

    private mutating func record(_ today: LocalDate, _ field: String, _ from: String, _ to: String) {
        if today > recordedOn { corrections.append(Correction(date: today, field: field, from: from, to: to)) }
    }
}

/// How one life domain moved between two measurements.
public enum Direction: Equatable, Sendable {
    case up, down, same, unknown

    public var arrow: String {
        switch self {
        case .up: "↑"
        case .down: "↓"
        case .same: "="
        case .unknown: " "
        }
    }
}

/// Two measurements side by side: per domain, the scores and the direction.
public struct ZRMComparison: Equatable, Sendable {
    public struct Row: Equatable, Sendable {
        public let domain: LifeDomain
        public let from: Int?
        public let to: Int?
        public var direction: Direction { ZRMComparison.direction(from, to) }
    }

    public let from: ZRMMeasurement
    public let to: ZRMMeasurement
    public let rows: [Row]

    public init(from: ZRMMeasurement, to: ZRMMeasurement) {
        self.from = from
        self.to = to
        rows = Catalog.lifeDomains.map { Row(domain: $0, from: from.score($0.code), to: to.score($0.code)) }
    }

    public func count(_ direction: Direction) -> Int { rows.filter { $0.direction == direction }.count }

    public static func direction(_ from: Int?, _ to: Int?) -> Direction {
        guard let from, let to else { return .unknown }
        return to > from ? .up : to < from ? .down : .same
    }
}

extension Youth {
    /// Measurements by date (and by order of recording within a day).
    public var chronologicalMeasurements: [ZRMMeasurement] {
        measurements.byDay(\.date)
    }

    public var latestMeasurement: ZRMMeasurement? { chronologicalMeasurements.last }

    /// Starts a measurement from the latest one's scores, so only what changed needs typing.
    /// Notes start empty: they describe the situation of their own day.
    @discardableResult
    public mutating func addMeasurement(date: LocalDate, moment: MeasurementMoment, scoredBy: String,
                                        today: LocalDate) throws(InputError) -> ZRMMeasurement {
        guard date <= today else { throw InputError("De datum van een meting kan niet in de toekomst liggen.") }
        let name = try Youth.validText(scoredBy, field: "Gescoord door")
        let carried = (latestMeasurement?.scores ?? [:]).compactMapValues { $0.score.map { DomainScore(score: $0) } }
        let measurement = ZRMMeasurement(date: date, moment: moment, scoredBy: name, recordedOn: today, scores: carried)
        measurements.append(measurement)
        return measurement
    }

    /// The moment a new measurement most likely is: the next of 0-3 not yet taken, else interim.
    public var suggestedMoment: MeasurementMoment {
        let taken = Set(measurements.map(\.moment))
        return [.zero, .one, .two, .three].first { !taken.contains($0) } ?? .interim
    }

    /// Applies `change` to the measurement with `id`.
    public mutating func updateMeasurement(_ id: String, _ change: (inout ZRMMeasurement) throws(InputError) -> Void) throws(InputError) {
        guard let index = measurements.firstIndex(where: { $0.id == id }) else { throw InputError("Deze meting bestaat niet meer.") }
        try change(&measurements[index])
    }
}

/// Figures for the action research across youths.
public enum ZRMFigures {
    /// Per moment: how many measurements, and their mean score (mean of each measurement's mean).
    public static func averagesPerMoment(_ measurements: [ZRMMeasurement]) -> [(moment: MeasurementMoment, count: Int, average: Double)] {
        MeasurementMoment.allCases.compactMap { moment in
            let averages = measurements.filter { $0.moment == moment }.compactMap(\.average)
            guard !averages.isEmpty else { return nil }
            return (moment, averages.count, averages.reduce(0, +) / Double(averages.count))
        }
    }
}
