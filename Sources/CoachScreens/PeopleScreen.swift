import Caseload
import TerminalKit

/// The people around one youth, in two tabs: the social network (family, friends, key figures)
/// and the professionals. Add, change, remove; actions and the wrap-around meeting use them.
final class PeopleScreen: Screen {
    let kind = ScreenKind.people
    let title = "Mensen"
    private let editor: YouthEditor
    private var tab = Person.Kind.network
    private var list = ListState()
    private var pageSize = 10
    private var error: String?

    init(editor: YouthEditor) {
        self.editor = editor
        list.setCount(people.count)
    }

    private var people: [Person] { tab == .network ? editor.youth.network : editor.youth.professionals }
    private var selected: Person? { people.indices.contains(list.selected) ? people[list.selected] : nil }

    func willAppear() { list.setCount(people.count) }
    func resize(to area: Rect) { pageSize = max(1, area.height - 7) }

    func handle(_ key: Key) -> Navigation {
        error = nil
        switch KeyTable.action(for: key, on: kind) {
        case .move: _ = list.handle(key, pageSize: pageSize)
        case .switchSide:
            tab = tab == .network ? .professional : .network
            list = ListState(count: people.count)
        case .new: return .popup(PromptPopup(Prompt(title: tab == .network ? "Nieuw in het netwerk" : "Nieuwe professional",
                                                    question: "Typ de naam; daarna vult u de rest in.", label: "Naam:",
                                                    enterLabel: "maak aan"), submitted: add))
        case .open:
            guard let person = selected else { break }
            return .push(PersonFormScreen.make(editor: editor, personID: person.id))
        case .remove:
            guard let person = selected else { break }
            let question = Confirm(title: "Verwijderen", question: "\(person.name) verwijderen uit \(tab == .network ? "het netwerk" : "de professionals")?",
                                   yes: "ja, verwijder")
            return .popup(ConfirmPopup(question) { [self] answer in
                guard answer == .yes else { return .stay }
                error = editor.apply { youth throws(InputError) in try youth.remove(personID: person.id) }
                list.setCount(people.count)
                return .stay
            })
        case .back: return .pop
        default: break
        }
        return .stay
    }

    /// A new person in the open tab; their form opens for the rest.
    private func add(_ name: String) -> PromptPopup.Reply {
        do {
            let person = try Person(kind: tab, name: name)
            if let failure = editor.apply({ $0.save(person) }) { return .refuse(failure) }
            list.setCount(people.count)
            list.select(people.count - 1)
            return .done(.push(PersonFormScreen.make(editor: editor, personID: person.id)))
        } catch {
            return .refuse(error.message)
        }
    }

    func render(into canvas: inout Canvas, area: Rect) {
        let youth = editor.youth
        canvas.put("\(youth.name)  ·  Mensen rond de jongere", row: area.row, col: 2, style: .heading, maxWidth: area.width - 4)
        var col = 2
        for kind in Person.Kind.allCases {
            let count = kind == .network ? youth.network.count : youth.professionals.count
            col += canvas.put(" \(kind == .network ? "Netwerk" : "Professionals") (\(count)) ", row: area.row + 2, col: col,
                              style: kind == tab ? .selected : .dim) + 2
        }
        let header = area.row + 4
        let relationTitle = tab == .network ? "Relatie" : "Organisatie"
        let table = TableLayout([.init("Naam", width: 22, minimum: 10), .init(relationTitle, width: 18, minimum: 8),
                                 .init("Rol", width: 16, minimum: 6), .init("Contact", width: 12, minimum: 7)], width: area.width)
        table.put(["Naam", relationTitle, "Rol", "Contact"], row: header, into: &canvas, style: .heading)
        let all = people
        // Drawing changes nothing: a copy of the list with the count of what is drawn.
        var list = self.list
        list.setCount(all.count)
        if all.isEmpty {
            canvas.putWrapped(tab == .network ? "Nog niemand uit het netwerk. Druk op n om iemand toe te voegen."
                                              : "Nog geen professionals. Druk op n om iemand toe te voegen.",
                              row: header + 2, col: 2, width: area.width - 4, style: .dim)
        }
        for (line, index) in list.visibleRange(height: pageSize).enumerated() {
            let person = all[index]
            let row = header + 1 + line
            let style: Style = index == list.selected ? .selected : .normal
            canvas.fill(Rect(row: row, col: 0, width: area.width, height: 1), style: style)
            table.put([person.name, person.relation, person.role, person.contact], row: row, into: &canvas, style: style)
        }
        let bottom = area.row + area.height - 1
        if let error {
            canvas.putAbove(error, bottomRow: bottom, col: 2, width: area.width - 4, style: .error)
        } else if let person = selected, !person.contributes.isEmpty {
            canvas.putAbove("Draagt bij: \(person.contributes)", bottomRow: bottom, col: 2, width: area.width - 4, style: .dim, maxLines: 3)
        }

    }
}

/// The form of one person: name, relation or organisation, role, contact, what they contribute.
enum PersonFormScreen {
    static func make(editor: YouthEditor, personID: String) -> RecordFormScreen {
        func person() -> Person? { editor.youth.person(personID) }
        func text(_ label: String, _ path: WritableKeyPath<Person, String>, required: Bool = false) -> RecordFormScreen.Field {
            .init(label: label, value: { person()?[keyPath: path] ?? "" }, edit: .text { input in
                guard var current = person() else { return "Deze persoon bestaat niet meer." }
                do throws(InputError) {
                    current[keyPath: path] = required ? try Youth.validName(input) : try Youth.validText(input, field: label)
                } catch {
                    return error.message
                }
                return editor.apply { $0.save(current) }
            })
        }
        let professional = person()?.kind == .professional
        let title = professional ? "Professional" : "Netwerk"
        return RecordFormScreen(title: title, heading: "\(editor.youth.name)  ·  \(title)", fields: [
            text("Naam", \.name, required: true),
            text(professional ? "Organisatie" : "Relatie", \.relation),
            text("Rol", \.role),
            text("Contact", \.contact),
            text("Draagt bij", \.contributes),
        ])
    }
}
