import Foundation

// SCAFFOLD (issue 17): H4 (coaching) fills this in.
/// A draft recommendation letter (aanbevelingsbrief) from the last talk's skills, as Markdown for
/// the employer to adapt; nil when the placement has no talk yet.
public enum RecommendationLetter {
    public static func markdown(youth: Youth, placementID: String, coachName: String, today: LocalDate) -> String? { nil }
}
