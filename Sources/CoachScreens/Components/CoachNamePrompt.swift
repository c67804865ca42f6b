import Caseload

/// The question for the coach's own name, on the welcome screen and from the caseload (`i`).
/// Saving goes to settings.json at once; an empty name is allowed (nothing is filled in then).
enum CoachNamePrompt {
    static func make(_ session: Session) -> Prompt {
        Prompt(title: "Uw naam", question: "Hoe heet u? Uw naam staat dan al ingevuld bij \"gescoord door\" van een nieuwe "
                   + "ZRM-meting en als voorzitter van een nieuw overleg. U kunt het later wijzigen met i in de caseload.",
               label: "Naam", text: session.store.settings.coachName, enterLabel: "bewaar")
    }

    /// Saves the typed name; returns why it was refused, or nil.
    static func save(_ text: String, _ session: Session) -> String? {
        do {
            let name = try Youth.validText(text, field: "Uw naam")
            try session.store.saveSettings(CoachSettings(coachName: name))
            return nil
        } catch let error as InputError {
            return error.message
        } catch {
            return "Niet bewaard: \(error.localizedDescription)"
        }
    }
}
