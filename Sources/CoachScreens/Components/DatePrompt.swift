import Caseload

/// A day asked in a box, today (or another day) filled in: for what is recorded afterwards, such
/// as a phase change or an action done. `commit` gets the typed day and saves it, or refuses it
/// with a reason shown in the box (nil: saved, the box closes and `then` says where to go: a new
/// record's form).
enum DatePrompt {
    static func popup(title: String, question: String, day: LocalDate, enterLabel: String, then: @escaping () -> Navigation = { .stay },
                      commit: @escaping (LocalDate) throws(InputError) -> String?) -> PromptPopup {
        let prompt = Prompt(title: title, question: question, label: "Datum (dd-mm-jjjj)", text: day.text, enterLabel: enterLabel)
        return PromptPopup(prompt) { text in
            do throws(InputError) {
                if let failure = try commit(try LocalDate.parseInput(text)) { return .refuse(failure) }
                return .done(then())
            } catch {
                return .refuse(error.message)
            }
        }
    }
}
