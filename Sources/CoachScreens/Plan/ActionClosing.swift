import Caseload

/// Ticking an action done or cancelled, the same in the actions screens and the weekly review:
/// the day is asked with today filled in (an earlier day is fine, a later one refused); the same
/// key on an action already so opens it again, without a question.
enum ActionClosing {
    /// `finished` gets nil once saved, or why reopening failed; a day that cannot be saved is
    /// refused in the box instead, and a cancelled question calls nothing.
    static func toggle(_ action: CaseAction, to status: ActionStatus, editor: YouthEditor,
                       finished: @escaping (_ failure: String?) -> Void) -> Navigation {
        guard action.status != status else {
            let today = editor.session.today
            finished(editor.apply { youth throws(InputError) in
                var reopened = action
                try reopened.close(as: .open, on: today, today: today)
                youth.save(reopened)
            })
            return .stay
        }
        return .popup(ask(action, as: status, editor: editor, finished: finished))
    }

    /// The question for the day `action` was done or cancelled.
    static func ask(_ action: CaseAction, as status: ActionStatus, editor: YouthEditor,
                    finished: @escaping (_ failure: String?) -> Void) -> PromptPopup {
        let today = editor.session.today
        let done = status == .done
        return DatePrompt.popup(title: done ? "Actie gedaan" : "Actie vervallen",
                                question: "Op welke dag is \(Wording.quoted(action.what)) \(status.label)? "
                                    + "Vandaag, of de dag waarop het echt gebeurde.",
                                day: today, enterLabel: done ? "vink af" : "laat vervallen") { day throws(InputError) in
            var closed = action
            try closed.close(as: status, on: day, today: today)
            if let failure = editor.apply({ $0.save(closed) }) { return failure }
            finished(nil)
            return nil
        }
    }
}
