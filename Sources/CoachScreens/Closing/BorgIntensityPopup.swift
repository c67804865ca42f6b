import Caseload

/// The borg intensity of a case in Borgen, in two questions: which intensity (intensief, licht,
/// afgebouwd), then on which day (today filled in). Saved at once with `setBorgIntensity`.
enum BorgIntensityPopup {
    static func make(editor: YouthEditor, saved: @escaping () -> Void = {}) -> PickerPopup {
        let youth = editor.youth
        let current = youth.borgStep.flatMap { BorgIntensity.allCases.firstIndex(of: $0.intensity) } ?? 0
        let picker = Picker(title: "Borgingsintensiteit", options: BorgIntensity.allCases.map(\.label), selected: current)
        return PickerPopup(picker) { index in
            let intensity = BorgIntensity.allCases[index]
            let session = editor.session
            let now = youth.borgStep.map { "nu \($0.intensity.label) sinds \($0.date.text)" } ?? "nog geen intensiteit"
            return .popup(DatePrompt.popup(title: "Borgingsintensiteit",
                                           question: "Borgen van \(youth.name) (\(now)) wordt \(intensity.label). Vanaf welke dag?",
                                           day: session.today, enterLabel: "opslaan") { day throws(InputError) in
                let failure = editor.apply { y throws(InputError) in try y.setBorgIntensity(intensity, on: day, today: session.today, now: session.now) }
                if failure == nil { saved() }
                return failure
            })
        }
    }
}
