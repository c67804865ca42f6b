import Caseload

/// The question for the coach's own name, on the welcome screen and from the caseload (`i`).
/// Saving goes to settings.json at once; an empty name is allowed (nothing is filled in then).
enum CoachNamePrompt {
    private static func make(_ session: Session) -> Prompt {
        Prompt(title: "Uw naam", question: "Hoe heet u? Uw naam staat dan al ingevuld bij \"gescoord door\" van een nieuwe "
                   + "ZRM-meting en als voorzitter van een nieuw overleg. U kunt het later wijzigen met i in de caseload.",
               label: "Naam", text: session.store.settings.coachName, enterLabel: "bewaar", limit: TextLimits.coachName)
    }

    /// The question as a pop-up; the typed name is saved at once, or refused with the reason.
    static func popup(_ session: Session) -> PromptPopup {
        PromptPopup(make(session)) { text in
            do {
                let name = try Youth.validText(text, field: "Uw naam", limit: TextLimits.coachName)
                var settings = session.store.settings
                settings.coachName = name
                try session.store.saveSettings(settings)
                return .done(.stay)
            } catch let error as InputError {
                return .refuse(error.message)
            } catch {
                return .refuse("Niet bewaard: \(error.localizedDescription)")
            }
        }
    }
}
