import Foundation

/// A basic skill that moved between two talks.
public struct SkillChange: Equatable, Sendable {
    public let code: String
    public let name: String
    public let from: SkillLevel
    public let to: SkillLevel
}

/// Which way a skill went from the talk before.
public enum SkillTrend: Equatable, Sendable {
    case up, down, same

    /// ▲ or ▼, nothing when it stayed: a character, so it reads without colour.
    public var mark: String {
        switch self {
        case .up: "▲"
        case .down: "▼"
        case .same: ""
        }
    }
}

/// One skill in one talk: its level (nil: not scored) and how it moved from the talk before
/// (nil: nothing to compare with, the first talk or a score missing on either side).
public struct SkillScore: Equatable, Sendable {
    public let level: SkillLevel?
    public let trend: SkillTrend?

    /// "meestal ▲", "soms ▼", "altijd", or "–" when not scored.
    public var text: String {
        guard let level else { return "–" }
        let mark = trend?.mark ?? ""
        return mark.isEmpty ? level.label : "\(level.label) \(mark)"
    }
}

/// The skills grid: the ten basic skills against the first impression from the quick scan and
/// each progress talk in date order. Each talk is compared with the talk before it in the grid
/// (with one placement's talks, its own; scrolled off to the left, ◀ says so). The first
/// impression is on another scale (aandachtspunt, voldoende, sterk) and is not compared.
public struct SkillsProgress: Sendable {
    public let skills: [BasicSkill]
    /// The talks shown: every talk, or those of one placement, oldest first.
    public let talks: [ProgressTalk]
    /// The quick scan's first impression per skill, in the order of `skills`.
    public let firstImpressions: [SkillImpression?]
    /// `scores[skill][talk]`, in the order of `skills` and `talks`.
    public let scores: [[SkillScore]]

    public init(youth: Youth, placementID: String? = nil) {
        skills = Catalog.basicSkills
        let all = youth.talksInOrder
        let shown = all.indices.filter { placementID == nil || all[$0].placementID == placementID }
        talks = shown.map { all[$0] }
        firstImpressions = skills.map { youth.quickScan.basicSkills[$0.code] }
        scores = skills.map { skill in
            shown.indices.map { column in
                let level = all[shown[column]].scores[skill.code]
                let before = column > 0 ? all[shown[column - 1]].scores[skill.code] : nil
                return SkillScore(level: level, trend: Self.trend(from: before, to: level))
            }
        }
    }

    static func trend(from before: SkillLevel?, to level: SkillLevel?) -> SkillTrend? {
        guard let before, let level else { return nil }
        return level > before ? .up : level < before ? .down : .same
    }
}

extension Youth {
    /// The skills that went down from the talk before the last to the last one.
    public var skillsWentDown: [SkillChange] {
        let talks = talksInOrder
        guard talks.count >= 2 else { return [] }
        let (before, last) = (talks[talks.count - 2], talks[talks.count - 1])
        return Catalog.basicSkills.compactMap { skill in
            guard let from = before.scores[skill.code], let to = last.scores[skill.code], to < from else { return nil }
            return SkillChange(code: skill.code, name: skill.name, from: from, to: to)
        }
    }
}
