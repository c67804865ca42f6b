import Foundation

/// How long a stored text may be, in characters: the one place these limits live. A text past its
/// limit is refused when typed or pasted (with a message, never cut), and a file holding one is
/// refused on load with the field named (quarantine). The figures and why: docs/decisions.md;
/// which text has which limit: docs/data-format.md.
public enum TextLimits {
    /// Every one-line text: a name, a municipality, a role, a ZRM note, a next step. Far above any
    /// real one, low enough that every screen lays it out at once.
    public static let line = 500
    /// Every text written over several lines: a part of the plan, a quick scan text, notes of an
    /// agenda item, a journal report, a review note. About ten printed pages.
    public static let page = 20_000
    /// The coach's own name, filled in on every new measurement and meeting.
    public static let coachName = 100

    /// True when `text` has more than `limit` characters; costs at most `limit` steps, whatever
    /// the length of the text.
    public static func exceeds(_ text: String, _ limit: Int) -> Bool {
        if text.utf8.count <= limit { return false }
        return text.index(text.startIndex, offsetBy: limit, limitedBy: text.endIndex).map { $0 < text.endIndex } ?? false
    }

    /// Refuses a typed text longer than `limit`, naming the field.
    public static func refuse(_ text: String, field: String, limit: Int) throws(InputError) {
        if exceeds(text, limit) { throw InputError(tooLong(field: field, limit: limit)) }
    }

    /// The message for a text that does not fit, for typing and pasting too.
    public static func tooLong(field: String, limit: Int) -> String {
        "\(field) is te lang: hoogstens \(limit.formatted(.number.locale(Locale(identifier: "nl_NL")))) tekens."
    }

    /// Refuses a stored text longer than `limit`, naming the field by its path in the file. The
    /// value is not quoted: it is personal data, and long.
    static func check(_ text: String, _ path: String, _ limit: Int) throws(ValidationFailure) {
        if exceeds(text, limit) { throw ValidationFailure(path, "", "hoogstens \(limit) tekens") }
    }
}

extension Youth {
    /// Every stored text of the youth within its limit (called by `validate`).
    func checkTextLimits() throws(ValidationFailure) {
        let line = TextLimits.line, page = TextLimits.page
        for (path, text) in [("name", name), ("municipality", municipality), ("phone", phone), ("foundAtDetail", foundAtDetail),
                             ("referredBy", referredBy)] {
            try TextLimits.check(text, path, line)
        }
        for (index, measurement) in measurements.enumerated() {
            try TextLimits.check(measurement.scoredBy, "measurements[\(index)].scoredBy", line)
            for code in measurement.scores.keys.sorted() {
                try TextLimits.check(measurement.scores[code]?.note ?? "", "measurements[\(index)].scores.\(code).note", line)
            }
            for (c, correction) in measurement.corrections.enumerated() {
                try TextLimits.check(correction.from, "measurements[\(index)].corrections[\(c)].from", line)
                try TextLimits.check(correction.to, "measurements[\(index)].corrections[\(c)].to", line)
            }
        }
        for (field, text) in [("motivation", quickScan.motivation), ("wishes", quickScan.wishes), ("talents", quickScan.talents),
                              ("network", quickScan.network), ("fileInformation", quickScan.fileInformation),
                              ("bsa.outcome", quickScan.bsa.outcome)] {
            try TextLimits.check(text, "quickScan.\(field)", page)
        }
        for code in quickScan.situation.keys.sorted() {
            try TextLimits.check(quickScan.situation[code] ?? "", "quickScan.situation.\(code)", page)
        }
        for (index, plan) in ([changePlan] + changePlanVersions).enumerated() {
            let path = index == 0 ? "changePlan" : "changePlanVersions[\(index - 1)]"
            for part in ChangePlan.Part.allCases { try TextLimits.check(plan[part], "\(path).\(part.rawValue)", page) }
        }
        for (index, action) in actions.enumerated() { try TextLimits.check(action.what, "actions[\(index)].what", line) }
        for (list, people) in [("network", network), ("professionals", professionals)] {
            for (index, person) in people.enumerated() {
                for (field, text) in [("name", person.name), ("relation", person.relation), ("role", person.role),
                                      ("contact", person.contact), ("contributes", person.contributes)] {
                    try TextLimits.check(text, "\(list)[\(index)].\(field)", line)
                }
            }
        }
        for (index, meeting) in meetings.enumerated() {
            let path = "meetings[\(index)]"
            for (field, text) in [("place", meeting.place), ("chair", meeting.chair), ("agreements.goals", meeting.agreements.goals),
                                  ("agreements.informing", meeting.agreements.informing),
                                  ("agreements.dissolvingConditions", meeting.agreements.dissolvingConditions)] {
                try TextLimits.check(text, "\(path).\(field)", line)
            }
            for id in meeting.agreements.roles.keys.sorted() {
                try TextLimits.check(meeting.agreements.roles[id] ?? "", "\(path).agreements.roles", line)
            }
            for (a, item) in meeting.agenda.enumerated() {
                try TextLimits.check(item.title, "\(path).agenda[\(a)].title", line)
                try TextLimits.check(item.notes, "\(path).agenda[\(a)].notes", page)
            }
        }
        for (index, consent) in consents.enumerated() { try TextLimits.check(consent.what, "consents[\(index)].what", line) }
        for (index, entry) in journal.enumerated() {
            try TextLimits.check(entry.present, "journal[\(index)].present", line)
            try TextLimits.check(entry.text, "journal[\(index)].text", page)
        }
        for (index, attempt) in scoutAttempts.enumerated() {
            try TextLimits.check(attempt.introducedBy, "scoutAttempts[\(index)].introducedBy", line)
            try TextLimits.check(attempt.note, "scoutAttempts[\(index)].note", line)
        }
        for (index, placement) in placements.enumerated() {
            try TextLimits.check(placement.workplaceName, "placements[\(index)].workplaceName", line)
            try TextLimits.check(placement.endingDetail, "placements[\(index)].endingDetail", line)
            for text in PlacementAgreement.texts {
                try TextLimits.check(placement.agreement[keyPath: text.path], "placements[\(index)].agreement.\(text.field)", line)
            }
        }
        for (index, talk) in progressTalks.enumerated() {
            try TextLimits.check(talk.withWhom, "progressTalks[\(index)].withWhom", line)
            try TextLimits.check(talk.notes, "progressTalks[\(index)].notes", page)
        }
        try TextLimits.check(userManual, "userManual", page)
        for (index, closure) in closures.enumerated() {
            try TextLimits.check(closure.outcomeDetail, "closures[\(index)].outcomeDetail", line)
            try TextLimits.check(closure.note, "closures[\(index)].note", page)
        }
        for (index, reopening) in reopenings.enumerated() { try TextLimits.check(reopening.reason, "reopenings[\(index)].reason", line) }
        for (index, escalation) in escalations.enumerated() {
            for (field, text) in [("question", escalation.question), ("blockDetail", escalation.blockDetail), ("answer", escalation.answer)] {
                try TextLimits.check(text, "escalations[\(index)].\(field)", line)
            }
        }
    }
}

extension WeeklyReview {
    /// Every stored text of the review within its limit (called by `validate`).
    func checkTextLimits() throws(ValidationFailure) {
        for (index, item) in items.enumerated() {
            try TextLimits.check(item.name, "items[\(index)].name", TextLimits.line)
            try TextLimits.check(item.nextStep, "items[\(index)].nextStep", TextLimits.line)
            try TextLimits.check(item.note, "items[\(index)].note", TextLimits.page)
        }
    }
}
