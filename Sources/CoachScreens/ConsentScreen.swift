import Caseload
import TerminalKit

/// The register of consent: with whom information about the youth may be shared, what, from
/// when, and when it was withdrawn. Information is shared on the youth's initiative.
final class ConsentScreen: Screen {
    let kind = ScreenKind.consents
    let title = "Toestemming"
    private let editor: YouthEditor
    private var list = ListState()
    private var error: String?

    init(editor: YouthEditor) {
        self.editor = editor
        list.setCount(editor.youth.consents.count)
    }

    private var consents: [Consent] { editor.youth.consents.sorted { $0.from < $1.from } }

    func willAppear() { list.setCount(consents.count) }

    func handle(_ key: Key) -> Navigation {
        let today = editor.session.today
        error = nil
        switch KeyTable.action(for: key, on: kind) {
        case .move: _ = list.handle(key, pageSize: 10)
        case .new:
            if editor.youth.people.isEmpty {
                error = "Voeg eerst mensen toe aan het netwerk of de professionals (m in het dossier)."
            } else {
                // With whom, then what may be shared: a consent exists only once both are given.
                let people = editor.youth.people
                return .popup(PickerPopup(Picker(title: "Met wie", options: people.map(\.name))) { [self] index in
                    askWhat(for: people[index])
                })
            }
        case .open:
            if consents.indices.contains(list.selected) { return .push(ConsentForm.make(editor: editor, consentID: consents[list.selected].id)) }
        case .withdraw:
            guard consents.indices.contains(list.selected) else { break }
            var consent = consents[list.selected]
            consent.withdrawn = consent.withdrawn == nil ? today : nil
            error = editor.apply { $0.save(consent) }
        case .back: return .pop
        default: break
        }
        return .stay
    }

    private func askWhat(for person: Person) -> Navigation {
        let today = editor.session.today
        let prompt = Prompt(title: "Toestemming voor \(person.name)", question: "Wat mag gedeeld worden, vanaf vandaag (de datum kunt u daarna wijzigen)?",
                            label: "Wat:", enterLabel: "leg vast")
        return .popup(PromptPopup(prompt) { [self] what in
            do throws(InputError) {
                let consent = try Consent(personID: person.id, what: what, from: today)
                if let failure = editor.apply({ $0.save(consent) }) { return .refuse(failure) }
                list.setCount(consents.count)
                list.select(consents.firstIndex { $0.id == consent.id } ?? 0)
                return .done(.stay)
            } catch {
                return .refuse(error.message)
            }
        })
    }

    func render(into canvas: inout Canvas, area: Rect) {
        let youth = editor.youth
        let today = editor.session.today
        canvas.put("\(youth.name)  ·  Toestemming om informatie te delen", row: area.row, col: 2, style: .heading, maxWidth: area.width - 4)
        let all = consents
        // Drawing changes nothing: a copy of the list with the count of what is drawn.
        var list = self.list
        list.setCount(all.count)
        let header = area.row + 2
        let table = TableLayout([.init("Met wie", width: 21, minimum: 10), .init("Wat", width: 25, minimum: 8),
                                 .init("Vanaf", width: 10), .init("Ingetrokken", width: 11, minimum: 10)], width: area.width)
        table.put(["Met wie", "Wat", "Vanaf", "Ingetrokken"], row: header, into: &canvas, style: .heading)
        if all.isEmpty {
            canvas.putWrapped("Nog geen toestemming vastgelegd. Druk op n.", row: header + 2, col: 2, width: area.width - 4, style: .dim)
        }
        for (line, index) in list.visibleRange(height: area.height - 5).enumerated() {
            let consent = all[index]
            let row = header + 1 + line
            let style: Style = index == list.selected ? .selected : consent.isActive(on: today) ? .normal : .dim
            canvas.fill(Rect(row: row, col: 0, width: area.width, height: 1), style: style)
            table.put([youth.person(consent.personID)?.name ?? "(onbekend)", consent.what, consent.from.text, consent.withdrawn?.text ?? ""],
                      row: row, into: &canvas, style: style)
        }
        canvas.putAbove("Gedeeld wordt op initiatief van de jongere; zonder toestemming alleen om incidenten te voorkomen.",
                        bottomRow: area.row + area.height - 2, col: 2, width: area.width - 4, style: .dim)
        if let error {
            canvas.putAbove(error, bottomRow: area.row + area.height - 1, col: 2, width: area.width - 4, style: .error)
        }
    }
}

/// The form of one consent: with whom, what, from, withdrawn.
enum ConsentForm {
    static func make(editor: YouthEditor, consentID: String) -> RecordFormScreen {
        func consent() -> Consent? { editor.youth.consents.first { $0.id == consentID } }
        func update(_ change: (inout Consent) throws(InputError) -> Void) -> String? {
            guard var current = consent() else { return "Deze toestemming bestaat niet meer." }
            do { try change(&current) } catch { return error.message }
            return editor.apply { $0.save(current) }
        }
        func date(_ text: String) throws(InputError) -> LocalDate? {
            text.trimmingCharacters(in: .whitespaces).isEmpty ? nil : try LocalDate.parseInput(text)
        }
        return RecordFormScreen(title: "Toestemming", heading: "\(editor.youth.name)  ·  Toestemming", fields: [
            .init(label: "Met wie", value: { consent().flatMap { editor.youth.person($0.personID)?.name } ?? "" }, edit: .choice(
                options: { editor.youth.people.map(\.name) },
                selected: { consent().flatMap { c in editor.youth.people.firstIndex { $0.id == c.personID } } ?? 0 },
                commit: { index in update { $0.personID = editor.youth.people[index].id } })),
            .init(label: "Wat mag gedeeld worden", value: { consent()?.what ?? "" }, edit: .text { input in
                update { c throws(InputError) in c.what = try Youth.validName(input, field: "Wat gedeeld mag worden") }
            }),
            .init(label: "Vanaf (dd-mm-jjjj)", value: { consent()?.from.text ?? "" }, edit: .text { input in
                update { c throws(InputError) in c.from = try LocalDate.parseInput(input) }
            }),
            .init(label: "Ingetrokken op", value: { consent()?.withdrawn?.text ?? "" }, edit: .text { input in
                update { c throws(InputError) in c.withdrawn = try date(input) }
            }),
        ])
    }
}
