import Caseload

/// A day asked in a box, today (or another day) filled in: for what is recorded afterwards, such
/// as a phase change or an action done. `commit` gets the typed day and saves it, or refuses it
/// with a reason shown in the box (nil: saved, the box closes).
enum DatePrompt {
    static func popup(title: String, question: String, day: LocalDate, enterLabel: String,
                      commit: @escaping (LocalDate) throws(InputError) -> String?) -> PromptPopup {
        popup(title: title, question: question, day: day, enterLabel: enterLabel) { day throws(InputError) in
            try commit(day).map { .refuse($0) } ?? .done(.stay)
        }
    }

    /// The same, where a saved day leads somewhere (a new record's screen opens).
    static func popup(title: String, question: String, day: LocalDate, enterLabel: String,
                      then commit: @escaping (LocalDate) throws(InputError) -> PromptPopup.Reply) -> PromptPopup {
        let prompt = Prompt(title: title, question: question, label: "Datum (dd-mm-jjjj)", text: day.text, enterLabel: enterLabel)
        return PromptPopup(prompt) { text in
            do throws(InputError) {
                return try commit(try LocalDate.parseInput(text))
            } catch {
                return .refuse(error.message)
            }
        }
    }
}
