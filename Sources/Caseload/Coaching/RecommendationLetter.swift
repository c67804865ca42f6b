import Foundation
import SafeText

/// A draft recommendation letter (aanbevelingsbrief) from the last talk's skills, as Markdown for
/// the employer to adapt; nil when the placement has no talk yet. It says only what the employer
/// saw at the workplace: the period and the skills scored meestal or altijd. Nothing from the
/// quick scan, the ZRM, justice or health, and not the talk's notes.
public enum RecommendationLetter {
    /// `currentName` is the workplace's name as it is now (the name kept with the placement when
    /// the workplace is gone).
    public static func markdown(youth: Youth, placementID: String, currentName: String? = nil, coachName: String, today: LocalDate) -> String? {
        guard let placement = youth.placements.first(where: { $0.id == placementID }),
              let talk = youth.talksInOrder.last(where: { $0.placementID == placementID }) else { return nil }
        // One-line texts stay on one line (PlanMarkdown.line).
        let kept = currentName ?? placement.workplaceName
        let workplace = kept.isEmpty ? "[naam werkplek]" : PlanMarkdown.line(kept)
        let name = PlanMarkdown.line(youth.name), coachName = PlanMarkdown.line(coachName)
        let period = placement.end.map { "van \(placement.start.text) tot \($0.text)" } ?? "sinds \(placement.start.text)"
        var lines = ["# Aanbevelingsbrief voor \(name)", "",
                     "_Concept van \(today.text), gemaakt met \(coachName.isEmpty ? "de jobcoach" : "jobcoach \(coachName)") "
                        + "uit het voortgangsgesprek van \(talk.date.text). Pas het aan en maak het tot uw eigen brief._", "",
                     "Aan wie het aangaat,", "",
                     "\(name) werkt\(placement.end == nil ? "" : "e") \(period) bij \(workplace) (\(placement.kind.label)).", ""]
        let strengths = Catalog.basicSkills.compactMap { skill -> String? in
            guard let level = talk.scores[skill.code], level >= .mostly else { return nil }
            return sentence(name: name, skill: skill, level: level)
        }
        if strengths.isEmpty {
            lines.append("[Beschrijf hier wat \(name) goed doet.]")
        } else {
            lines.append("Wat wij in die tijd van \(name) zagen:")
            lines.append("")
            lines += strengths.map { "- \($0)" }
        }
        lines += ["", "Wij bevelen \(name) van harte aan.", "", "Met vriendelijke groet,", "", "[naam en functie]", workplace, ""]
        // Made safe in one place: no character from the data can act on a terminal or a viewer.
        return SafeText.escaped(lines.joined(separator: "\n"), keepingLineBreaks: true)
    }

    /// The skill as a sentence about the youth, e.g. "Sem komt altijd op tijd."
    static func sentence(name: String, skill: BasicSkill, level: SkillLevel) -> String {
        guard let phrase = phrases[skill.code] else { return "\(skill.name): \(level.label)." }
        return "\(name) \(phrase.verb) \(level.label) \(phrase.rest)."
    }

    /// Each skill as a verb and the rest of its sentence, so the level (meestal, altijd) goes between.
    private static let phrases: [String: (verb: String, rest: String)] = [
        "onTime": ("komt", "op tijd"),
        "wantsToWork": ("is", "gemotiveerd om te werken"),
        "showsRespect": ("toont", "respect voor collega's en klanten"),
        "cooperates": ("werkt", "goed samen"),
        "honesty": ("is", "eerlijk"),
        "hasIdeas": ("komt", "met eigen ideeën"),
        "enterprising": ("is", "ondernemend"),
        "keepsAgreements": ("komt", "afspraken na"),
        "worksIndependently": ("werkt", "zelfstandig"),
        "perseveres": ("zet", "door, ook als het tegenzit"),
    ]

    /// A file name for the export: the name in plain letters, and the day.
    public static func fileName(for youth: Youth, on day: LocalDate) -> String {
        PlanMarkdown.fileName(for: youth, on: day).replacingOccurrences(of: "veranderplan-", with: "aanbevelingsbrief-")
    }
}
