import Foundation
import SafeText

/// The handout for the employer: the user manual and the placement's agreements, as Markdown.
/// One function makes it, for the placement screen (`e`) and for `rodeloper export --handout`
/// alike, so both give the same bytes for the same day. It carries only what the consent
/// register allows (docs/decisions.md, "Wat de handout deelt"): the user manual's text only with
/// a consent in force that names the workplace or its contact person. Nothing of the quick scan,
/// the ZRM, the journal, the plan, justice or health is ever in it: it reads none of them.
public enum Handout {
    /// The consent that lets the user manual go to the workplace of `placement` on `day`, with its
    /// person; nil when there is none. `workplace` is the stored workplace (nil when it is gone):
    /// then only the name kept in the placement can be matched.
    public static func sharingConsent(_ youth: Youth, placement: Placement, workplace: Workplace?,
                                      on day: LocalDate) -> (consent: Consent, person: Person)? {
        // The name as it is now, and as it was when the placement was made: a consent given before
        // a rename still names the same workplace.
        let workplaceNames = Set([workplace?.name, placement.workplaceName].compactMap { $0 }.map(words).filter { !$0.isEmpty })
        let contactName = words(workplace?.contactName ?? "")
        func namesWorkplace(_ text: String) -> Bool { workplaceNames.contains { names(words(text), $0) } }
        for consent in youth.consents where consent.isActive(on: day) {
            guard let person = youth.person(consent.personID) else { continue }
            // The contact person by name, unless the person's organisation is another one: two
            // workplaces may have a contact with the same name.
            let isContact = !contactName.isEmpty && words(person.name) == contactName
                && (person.relation.trimmingCharacters(in: .whitespaces).isEmpty || namesWorkplace(person.relation))
            let namesIt = [person.name, person.relation, person.role].contains(where: namesWorkplace)
            if isContact || namesIt { return (consent, person) }
        }
        return nil
    }

    /// Whether `text` names the workplace `name`: the workplace's name stands in it as whole words
    /// ("Bakkerij De Korrel, afdeling brood"), or it is the start of the workplace's name of two
    /// words or more ("Garage Wiel" for "Garage Wiel B.V."). One word alone ("Garage") never does.
    static func names(_ text: [Substring], _ name: [Substring]) -> Bool {
        guard !name.isEmpty, !text.isEmpty else { return false }
        return contains(text, name) || (text.count >= 2 && text.count < name.count && Array(name.prefix(text.count)) == text)
    }

    /// The words of a name, capitals and accents not counting: "Bakkerij  Jánsen," is
    /// ["bakkerij", "jansen"].
    static func words(_ text: String) -> [Substring] {
        text.sortKey.split { !$0.isLetter && !$0.isNumber }
    }

    /// Whether `name` stands in `words` as whole words in a row: "ROC" is in "ROC Midden" but not
    /// in "Procter" (a consent must never reach another organisation by a part of a word).
    static func contains(_ words: [Substring], _ name: [Substring]) -> Bool {
        guard name.count <= words.count else { return false }
        return (0...(words.count - name.count)).contains { Array(words[$0..<$0 + name.count]) == name }
    }

    /// The handout of `placement` as it stands on `day`.
    public static func markdown(_ youth: Youth, placement: Placement, workplace: Workplace?, on day: LocalDate) -> String {
        let name = workplace?.name ?? placement.workplaceName
        let line = PlanMarkdown.line
        var lines = ["# \(line(youth.name)) bij \(line(name))", ""]
        var facts = ["\(placement.kind.label.capitalizedFirst) vanaf \(placement.start.text)"]
        if let end = placement.end {
            facts[0] += " tot \(end.text)"
        } else if let planned = placement.plannedEnd {
            facts[0] += ", gepland tot \(planned.text)"
        }
        facts.append("status: \(placement.status.label)")
        if let workplace, !workplace.contactName.isEmpty { facts.append("contactpersoon: \(line(workplace.contactName))") }
        lines += [facts.joined(separator: " · "), "", "Handout van \(day.text).", ""]

        lines += ["## Gebruiksaanwijzing", ""]
        if let shared = sharingConsent(youth, placement: placement, workplace: workplace, on: day) {
            lines.append(youth.userManual.isEmpty ? "_(nog niet geschreven)_" : PlanMarkdown.keepingLineBreaks(youth.userManual))
            lines += ["", "_Gedeeld met toestemming van \(line(youth.name)), gegeven aan \(line(shared.person.name)) op \(shared.consent.from.text)._"]
        } else {
            lines.append(line(leftOutLine(youth, workplaceName: name, contactName: workplace?.contactName ?? "", on: day)))
        }
        lines.append("")

        lines += ["## Plaatsingsafspraken", ""]
        let agreement = placement.agreement
        for text in PlacementAgreement.texts {
            let value = agreement[keyPath: text.path]
            lines.append("- **\(text.label):** \(value.isEmpty ? "_(niet ingevuld)_" : line(value))")
            if text.field == "employerRole" {
                lines.append("- **Vergoeding:** \(agreement.compensation?.label ?? "_(niet gekozen)_")")
            }
        }
        lines.append("")
        // Made safe in one place: no character from the data can act on a terminal or a viewer.
        return SafeText.escaped(lines.joined(separator: "\n"), keepingLineBreaks: true)
    }

    /// The one line that says what was left out and why; when a consent in force names someone
    /// with the contact's name at another organisation, it says so, so the coach can correct it.
    static func leftOutLine(_ youth: Youth, workplaceName: String, contactName: String, on day: LocalDate) -> String {
        let whom = contactName.isEmpty ? workplaceName : "\(workplaceName) of \(contactName)"
        let namesake = contactName.isEmpty ? nil : youth.consents.filter { $0.isActive(on: day) }.compactMap { youth.person($0.personID) }
            .first { words($0.name) == words(contactName) }
        if let namesake {
            return "_De gebruiksaanwijzing is weggelaten: de toestemming van \(youth.name) voor \(namesake.name) noemt een andere organisatie "
                + "(\(namesake.relation)) dan \(workplaceName); is het dezelfde, pas dan de organisatie bij die persoon aan._"
        }
        return "_De gebruiksaanwijzing is weggelaten: op \(day.text) is geen toestemming van \(youth.name) vastgelegd om die te delen met \(whom)._"
    }

    /// The handout's file name: the youth's and the workplace's names in plain letters, and the day.
    public static func fileName(for youth: Youth, placement: Placement, workplace: Workplace?, on day: LocalDate) -> String {
        "handout-\(plain(youth.name, or: youth.id))-\(plain(workplace?.name ?? placement.workplaceName, or: placement.workplaceID))-\(day.iso).md"
    }

    static func plain(_ text: String, or fallback: String) -> String {
        let letters = String(text.sortKey.map { $0.isASCII && ($0.isLetter || $0.isNumber) ? $0 : "-" })
        let joined = letters.split(separator: "-").joined(separator: "-")
        return joined.isEmpty ? fallback : String(joined.prefix(40))
    }
}

extension String {
    /// The first letter a capital ("baan" → "Baan").
    public var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}

extension Youth {
    /// The placement numbered `number` (1-based) in `placementsInOrder`, or the current placement
    /// when nil: what `--placement N` names.
    public func placement(numbered number: Int?) -> Placement? {
        guard let number else { return currentPlacement }
        let ordered = placementsInOrder
        return ordered.indices.contains(number - 1) ? ordered[number - 1] : nil
    }
}
