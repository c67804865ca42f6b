import Foundation

// SCAFFOLD (issue 17): H4 (coaching) fills this in.
/// A basic skill that moved between two talks.
public struct SkillChange: Equatable, Sendable {
    public let code: String
    public let name: String
    public let from: SkillLevel
    public let to: SkillLevel
}

extension Youth {
    /// The skills that went down from the talk before the last to the last one.
    public var skillsWentDown: [SkillChange] { [] }
}
