import Foundation

/// The main strategy (hoofdstrategie) of a change plan.
public enum MainStrategy: String, StoredCode, Sendable {
    case facilitate = "facilitate"
    case teach = "teach"
    case takeOverAndStructure = "takeOverAndStructure"
    case coCreate = "coCreate"

    public init(from decoder: Decoder) throws { self = try Self.decodeCode(from: decoder) }

    public var label: String {
        switch self {
        case .facilitate: "faciliteren"
        case .teach: "leren"
        case .takeOverAndStructure: "overnemen en structureren"
        case .coCreate: "co-creëren"
        }
    }
}

/// The veranderplan: what the coach and the young person write down to move on.
public struct ChangePlan: Codable, Equatable, Sendable {
    /// The seven text parts, in the order of the method.
    public enum Part: String, CaseIterable, Sendable {
        case goal = "goal"
        case mattersMost = "mattersMost"
        case youthDoes = "youthDoes"
        case canLearn = "canLearn"
        case networkDoes = "networkDoes"
        case takenOver = "takenOver"
        case remember = "remember"

        public var label: String {
            switch self {
            case .goal: "Doel voor dagbesteding en andere leefgebieden"
            case .mattersMost: "Wat is het belangrijkst om verder te komen"
            case .youthDoes: "Wat doet de jongere zelf"
            case .canLearn: "Wat kan de jongere leren"
            case .networkDoes: "Wat doet het sociale netwerk"
            case .takenOver: "Wat wordt uit handen genomen, en door wie"
            case .remember: "Wat is belangrijk om te onthouden over de jongere"
            }
        }

        public var path: WritableKeyPath<ChangePlan, String> {
            switch self {
            case .goal: \.goal
            case .mattersMost: \.mattersMost
            case .youthDoes: \.youthDoes
            case .canLearn: \.canLearn
            case .networkDoes: \.networkDoes
            case .takenOver: \.takenOver
            case .remember: \.remember
            }
        }
    }

    public var goal = ""
    public var mattersMost = ""
    public var youthDoes = ""
    public var canLearn = ""
    public var networkDoes = ""
    public var takenOver = ""
    public var remember = ""
    public var strategy: MainStrategy?
    /// When the plan last changed; nil for a plan never written.
    public var changed: Date?

    public init() {}

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        goal = try c.value(.goal, or: "")
        mattersMost = try c.value(.mattersMost, or: "")
        youthDoes = try c.value(.youthDoes, or: "")
        canLearn = try c.value(.canLearn, or: "")
        networkDoes = try c.value(.networkDoes, or: "")
        takenOver = try c.value(.takenOver, or: "")
        remember = try c.value(.remember, or: "")
        strategy = try c.decodeIfPresent(MainStrategy.self, forKey: .strategy)
        changed = try c.decodeIfPresent(Date.self, forKey: .changed)
    }

    public subscript(part: Part) -> String {
        get { self[keyPath: part.path] }
        set { self[keyPath: part.path] = newValue }
    }

    public var isEmpty: Bool { Part.allCases.allSatisfy { self[$0].isEmpty } && strategy == nil }

    /// Text of a part as the coach typed it: surrounding blank lines and trailing spaces go, line
    /// breaks stay. Control characters other than line breaks, and more than `TextLimits.page`
    /// characters, are refused.
    public static func validText(_ input: String) throws(InputError) -> String {
        try TextLimits.refuse(input, field: "De tekst", limit: TextLimits.page)
        if input.unicodeScalars.contains(where: { $0 != "\n" && $0.properties.generalCategory == .control }) {
            throw InputError("De tekst bevat een stuurteken (zoals Esc); haal dat weg.")
        }
        let lines = input.split(separator: "\n", omittingEmptySubsequences: false)
            .map { String($0.reversed().drop { $0 == " " }.reversed()) }
        return lines.drop { $0.isEmpty }.reversed().drop { $0.isEmpty }.reversed().joined(separator: "\n")
    }
}

extension Youth {
    /// Changes the plan. The plan as it was before today's first change is kept as an earlier
    /// version, so each day of work on the plan can be looked back at.
    public mutating func updatePlan(now: Date, today: LocalDate, timeZone: TimeZone, _ change: (inout ChangePlan) -> Void) {
        var plan = changePlan
        change(&plan)
        guard plan != changePlan else { return }
        if let last = changePlan.changed, LocalDate(last, timeZone: timeZone) < today, !changePlan.isEmpty {
            changePlanVersions.append(changePlan)
        }
        plan.changed = now.wholeSeconds
        changePlan = plan
    }
}
