import Caseload

/// The borg intensity of a case in Borgen, in two questions: which intensity (intensief, licht,
/// afgebouwd), then on which day (today filled in). Saved at once with `setBorgIntensity`: a day
/// after the last step adds one, a day on or before it corrects that step; the question says so.
enum BorgIntensityPopup {
    static func make(editor: YouthEditor, saved: @escaping () -> Void = {}) -> PickerPopup {
        let youth = editor.youth
        let current = youth.borgStep.flatMap { BorgIntensity.allCases.firstIndex(of: $0.intensity) } ?? 0
        let picker = Picker(title: "Borgingsintensiteit", options: BorgIntensity.allCases.map(\.label), selected: current)
        return PickerPopup(picker) { index in
            let intensity = BorgIntensity.allCases[index]
            let session = editor.session
            return .popup(DatePrompt.popup(title: "Borgingsintensiteit", question: question(youth: youth, intensity: intensity),
                                           day: session.today, enterLabel: "opslaan") { day throws(InputError) in
                var change = BorgChange.unchanged
                let failure = editor.apply { y throws(InputError) in change = try y.setBorgIntensity(intensity, on: day, today: session.today, now: session.now) }
                if let failure { return failure }
                guard change != .unchanged else { return unchanged(youth: youth, intensity: intensity) }
                saved()
                return nil
            })
        }
    }

    /// What the day will do: start a step, add one after the last, or correct the last.
    static func question(youth: Youth, intensity: BorgIntensity) -> String {
        guard let last = youth.borgStep else {
            return "Borgen van \(youth.name) (nog geen intensiteit) wordt \(intensity.label). Vanaf welke dag?"
        }
        let correcting = "een dag op of vóór \(last.date.text) verbetert die stap"
        if last.intensity == intensity {
            return "Borgen van \(youth.name) is al \(intensity.label) sinds \(last.date.text): een latere dag verandert niets; \(correcting)."
        }
        return "Borgen van \(youth.name) (nu \(last.intensity.label) sinds \(last.date.text)) wordt \(intensity.label). Vanaf welke dag? Een latere dag is een nieuwe stap; \(correcting)."
    }

    /// Said when the chosen intensity and day change nothing.
    static func unchanged(youth: Youth, intensity: BorgIntensity) -> String {
        let since = youth.borgStep.map { " sinds \($0.date.text)" } ?? ""
        return "Borgen is al \(intensity.label)\(since); er verandert niets (Esc sluit)."
    }
}
