import Foundation

/// The coach's first impression of one basic skill.
public enum SkillImpression: String, StoredCode, Sendable {
    case attention = "attention", sufficient = "sufficient", strong = "strong"

    public init(from decoder: Decoder) throws { self = try Self.decodeCode(from: decoder) }

    public var label: String {
        switch self {
        case .attention: "aandachtspunt"
        case .sufficient: "voldoende"
        case .strong: "sterk"
        }
    }
}

/// The coach's answer to "is a mild intellectual disability (LVB) suspected?": it decides
/// whether the BSA is used. Unknown until the coach says.
public enum Suspicion: String, StoredCode, Sendable {
    case yes = "yes", no = "no", unknown = "unknown"

    public init(from decoder: Decoder) throws { self = try Self.decodeCode(from: decoder) }

    public var label: String {
        switch self {
        case .yes: "ja"
        case .no: "nee"
        case .unknown: "onbekend"
        }
    }
}

/// The BSA questionnaire (Beoordeling Sociaal Aanpassingsvermogen), used only when a mild
/// intellectual disability is suspected.
public struct BSARecord: Codable, Equatable, Sendable {
    public var used = false
    public var date: LocalDate?
    public var outcome = ""

    public init() {}

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        used = try c.value(.used, or: false)
        date = try c.decodeIfPresent(LocalDate.self, forKey: .date)
        outcome = try c.value(.outcome, or: "")
    }
}

/// The picture the coach forms in the quick scan, beside the ZRM.
public struct QuickScan: Codable, Equatable, Sendable {
    public var motivation = ""
    public var wishes = ""
    public var talents = ""
    public var network = ""
    /// The situation per life domain in the coach's words, by domain code.
    public var situation: [String: String] = [:]
    /// First impression per basic skill, by skill code.
    public var basicSkills: [String: SkillImpression] = [:]
    /// Relevant file (dossier) information, only where relevant.
    public var fileInformation = ""
    /// Vermoeden LVB: whether a mild intellectual disability is suspected (schema 5).
    public var suspectedIntellectualDisability = Suspicion.unknown
    public var bsa = BSARecord()

    public init() {}

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        motivation = try c.value(.motivation, or: "")
        wishes = try c.value(.wishes, or: "")
        talents = try c.value(.talents, or: "")
        network = try c.value(.network, or: "")
        situation = try c.value(.situation, or: [:])
        basicSkills = try c.value(.basicSkills, or: [:])
        fileInformation = try c.value(.fileInformation, or: "")
        suspectedIntellectualDisability = try c.value(.suspectedIntellectualDisability, or: .unknown)
        bsa = try c.value(.bsa, or: BSARecord())
    }
}

/// One free text of the quick scan, by name: what a draft of it is kept under. Texts may hold
/// line breaks (from issue 9 on); other control characters are refused.
public enum QuickScanText: Hashable, Sendable {
    case motivation, wishes, talents, network, fileInformation, bsaOutcome
    /// The situation in one life domain, by its code.
    case situation(String)

    public var stored: String {
        switch self {
        case .motivation: "motivation"
        case .wishes: "wishes"
        case .talents: "talents"
        case .network: "network"
        case .fileInformation: "fileInformation"
        case .bsaOutcome: "bsaOutcome"
        case .situation(let code): "situation-\(code)"
        }
    }

    /// The text a stored name stands for; nil for a name (or life domain) this version does not know.
    public init?(stored: String) {
        let plain: [QuickScanText] = [.motivation, .wishes, .talents, .network, .fileInformation, .bsaOutcome]
        if let text = plain.first(where: { $0.stored == stored }) {
            self = text
        } else if stored.hasPrefix("situation-"), Catalog.lifeDomain(String(stored.dropFirst("situation-".count))) != nil {
            self = .situation(String(stored.dropFirst("situation-".count)))
        } else {
            return nil
        }
    }
}

extension QuickScan {
    /// A free text by name; an empty situation is not stored at all.
    public subscript(text: QuickScanText) -> String {
        get {
            switch text {
            case .motivation: motivation
            case .wishes: wishes
            case .talents: talents
            case .network: network
            case .fileInformation: fileInformation
            case .bsaOutcome: bsa.outcome
            case .situation(let code): situation[code] ?? ""
            }
        }
        set {
            switch text {
            case .motivation: motivation = newValue
            case .wishes: wishes = newValue
            case .talents: talents = newValue
            case .network: network = newValue
            case .fileInformation: fileInformation = newValue
            case .bsaOutcome: bsa.outcome = newValue
            case .situation(let code): situation[code] = newValue.isEmpty ? nil : newValue
            }
        }
    }
}
