import Caseload
import TerminalKit

/// The people around one youth, in two tabs: the social network (family, friends, key figures)
/// and the professionals. Add, change, remove; actions and the wrap-around meeting use them.
final class PeopleScreen: Screen, OfOneYouth {
    let kind = ScreenKind.people
    let title = "Mensen"
    let editor: YouthEditor
    private var tab = Person.Kind.network
    private var table = Table(columns: [])
    private var error: String?

    init(editor: YouthEditor) {
        self.editor = editor
        table = Self.table(for: tab)
        table.setCount(people.count)
    }

    private static func table(for tab: Person.Kind) -> Table {
        Table(columns: [.init("Naam", width: 22, minimum: 10), .init(tab == .network ? "Relatie" : "Organisatie", width: 18, minimum: 8),
                        .init("Rol", width: 16, minimum: 6), .init("Contact", width: 12, minimum: 7)], detailLines: 3)
    }

    private var people: [Person] { tab == .network ? editor.youth.network : editor.youth.professionals }
    private var selected: Person? { people.indices.contains(table.selected) ? people[table.selected] : nil }

    /// Removal works on a selected person of a youth that can be saved; only then is its key named.
    private var canRemove: Bool { selected != nil && editor.isWritable }
    /// Enter opens only a selected row: on an empty list it is not named.
    var bindings: [KeyBinding] { keyRows(canRemove: canRemove).dropping(.open, when: selected == nil) }

    /// Asks before removing; while an action, a meeting or a consent names the person, says so
    /// at once instead.
    private func remove(_ person: Person) -> Navigation {
        let removal = Removal(title: "Persoon verwijderen",
                              question: "\(Wording.quoted(person.name)) verwijderen uit \(tab == .network ? "het netwerk" : "de professionals")? "
                                  + "Alles wat over deze persoon is ingevuld, verdwijnt.",
                              change: { youth throws(InputError) in try youth.remove(personID: person.id) })
        return removal.ask(editor) { [self] failure in
            error = failure
            table.setCount(people.count)
        }
    }

    func willAppear() { table.setCount(people.count) }
    func resize(to area: Rect) { table.resize(to: Rect(row: area.row + 4, col: area.col, width: area.width, height: area.height - 4)) }

    func handle(_ key: Key) -> Navigation {
        // A key that does nothing leaves the message standing.
        guard let command = bindings.action(for: key) else { return .stay }
        error = nil
        switch command {
        case .move: _ = table.handle(key)
        case .switchSide:
            tab = tab == .network ? .professional : .network
            let area = table.area
            table = Self.table(for: tab)
            table.resize(to: area)
            table.setCount(people.count)
        case .new: return .popup(PromptPopup(Prompt(title: tab == .network ? "Nieuw in het netwerk" : "Nieuwe professional",
                                                    question: "Typ de naam; daarna vult u de rest in.", label: "Naam:",
                                                    enterLabel: "maak aan"), submitted: add))
        case .open:
            guard let person = selected else { break }
            return .push(PersonFormScreen.make(editor: editor, personID: person.id))
        case .remove where canRemove:
            if let person = selected { return remove(person) }
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
            table.setCount(people.count)
            table.select(people.count - 1)
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
        table.render(into: &canvas, rows: people.map { person in
            Table.Row([person.name, person.relation, person.role, person.contact],
                      detail: person.contributes.isEmpty ? nil : "Draagt bij: \(person.contributes)")
        }, empty: tab == .network ? "Nog niemand uit het netwerk. Druk op n om iemand toe te voegen."
                                  : "Nog geen professionals. Druk op n om iemand toe te voegen.",
                     note: error.map { ($0, .error) })
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
        return RecordFormScreen(editor: editor, title: title, heading: "\(editor.youth.name)  ·  \(title)", fields: [
            text("Naam", \.name, required: true),
            text(professional ? "Organisatie" : "Relatie", \.relation),
            text("Rol", \.role),
            text("Contact", \.contact),
            text("Draagt bij", \.contributes),
        ])
    }
}
