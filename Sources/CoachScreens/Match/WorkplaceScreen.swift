import Caseload
import TerminalKit

/// One workplace being worked on, shared by its screens (the form, the scans, a scan) so that each
/// sees the others' changes. Every change is saved at once, as `YouthEditor` does for a youth.
struct WorkplaceEditor {
    let session: Session
    let id: String

    /// The workplace as stored; nil when it is gone, in quarantine or too new to read.
    var workplace: Workplace? { session.store.workplace(id: id) }

    /// Why the workplace cannot be shown, in a sentence for the screen.
    var missing: String {
        "Deze werkplek is \(session.store.missingWorkplaceReason(id: id)) en kan niet worden geopend. "
            + "Jongeren die er geplaatst zijn blijven leesbaar; hun plaatsing noemt de werkplek bij de naam die ze kende."
    }

    /// Applies `change` and writes the workplace at once. Returns nil on success, or why it
    /// failed (bad input, a full disk, a file of a newer version): then nothing changed.
    func apply(_ change: (inout Workplace) throws(InputError) -> Void) -> String? {
        guard let current = workplace else { return missing }
        var changed = current
        do throws(InputError) { try change(&changed) } catch { return error.message }
        guard changed != current else { return nil }
        do {
            try session.store.save(changed)
            return nil
        } catch {
            return error.localizedDescription
        }
    }
}

/// A workplace: its details, the kinds of place it offers, its notes, active or not, each saved
/// when confirmed; below them its quick scans (`s`) and its placements (`h`), with the latest
/// scan and the number of placements. A workplace that is gone or in quarantine says so.
final class WorkplaceScreen: FormScreen {
    let kind = ScreenKind.workplace
    let title = "Werkplek"
    let session: Session
    let id: String
    private let editor: WorkplaceEditor
    private(set) lazy var form = makeForm()

    init(session: Session, id: String) {
        self.session = session
        self.id = id
        editor = WorkplaceEditor(session: session, id: id)
    }

    private var workplace: Workplace? { editor.workplace }

    /// A workplace that cannot be read has nothing to edit or open: only back and help.
    var bindings: [KeyBinding] {
        if let editing = form.editingBindings { return editing }
        return KeyTable.bindings(for: kind).dropping(.move, .edit, .nextField, .previousField, .openScans, .openHistory, when: workplace == nil)
    }

    private func line(_ label: String, _ path: WritableKeyPath<Workplace, String>,
                      valid: @escaping (String) throws(InputError) -> String) -> Form.Item {
        .field(.init(label: label, value: { [unowned self] in workplace?[keyPath: path] ?? "" }, edit: .text { [unowned self] input in
            editor.apply { w throws(InputError) in w[keyPath: path] = try valid(input) }
        }))
    }

    private func makeForm() -> Form {
        let kinds = PlaceKind.allCases
        let choices = ["ja", "nee"]
        let form = Form(kind: kind, session: session, items: [
            .heading("Werkplek"),
            line("Naam", \.name) { input throws(InputError) in try Youth.validName(input, field: "De naam van de werkplek") },
            line("Sector", \.sector) { input throws(InputError) in try Youth.validText(input, field: "De sector") },
            line("Adres", \.address) { input throws(InputError) in try Youth.validText(input, field: "Het adres") },
            .heading("Contactpersoon"),
            line("Naam", \.contactName) { input throws(InputError) in try Youth.validText(input, field: "De naam van de contactpersoon") },
            line("Telefoon", \.contactPhone, valid: Youth.validPhone),
            line("E-mail", \.contactEmail, valid: Workplace.validEmail),
            .heading("Wat de werkplek biedt"),
            .field(.init(label: "Soorten plek", value: { [unowned self] in workplace?.kinds.map(\.label).joined(separator: ", ") ?? "" }, edit: .check(
                options: { kinds.map(\.label) },
                checked: { [unowned self] in Set(workplace?.kinds.compactMap { kinds.firstIndex(of: $0) } ?? []) },
                commit: { [unowned self] ticked in Form.Reply(failure: editor.apply { $0.kinds = ticked.sorted().map { kinds[$0] } }) }))),
            .field(.init(label: "Actief", value: { [unowned self] in workplace.map { $0.active ? "ja" : "nee" } ?? "" }, edit: .choice(
                options: { choices },
                selected: { [unowned self] in workplace?.active == false ? 1 : 0 },
                commit: { [unowned self] index in editor.apply { $0.active = index == 0 } }))),
            .field(.init(label: "Notities", value: { [unowned self] in workplace?.notes ?? "" }, edit: .page { [unowned self] text in
                editor.apply { w throws(InputError) in w.notes = try ChangePlan.validText(text) }
            })),
            .heading("Quick scans en plaatsingen"),
            .field(.init(label: "Quick scans", value: { [unowned self] in scansSummary }, edit: .open { [unowned self] in
                WorkplaceScansScreen(editor: editor)
            })),
            .field(.init(label: "Plaatsingen", value: { [unowned self] in placementsSummary }, edit: .open { [unowned self] in
                WorkplaceHistoryScreen(session: session, id: id)
            })),
        ])
        form.footer = { [unowned self] in
            editor.session.store.workplaceReadOnlyReason(id: id).map { [($0, .warning)] } ?? []
        }
        return form
    }

    /// "3 scans, de laatste van 12-10-2026", or that there is none yet.
    private var scansSummary: String {
        guard let workplace, let latest = workplace.latestScan else { return "nog geen" }
        return "\(workplace.scans.count == 1 ? "1 scan" : "\(workplace.scans.count) scans"), de laatste van \(latest.date.text)"
    }

    /// "2 plaatsingen, 1 lopend", or that there is none yet.
    private var placementsSummary: String {
        let placements = session.store.placements(at: id)
        guard !placements.isEmpty else { return "nog geen" }
        let running = placements.filter { $0.placement.status == .running }.count
        return (placements.count == 1 ? "1 plaatsing" : "\(placements.count) plaatsingen") + (running > 0 ? ", \(running) lopend" : "")
    }

    func handle(_ key: Key) -> Navigation {
        if workplace != nil, let navigation = form.handle(key) { return navigation }
        switch bindings.action(for: key) {
        case .openScans: return .push(WorkplaceScansScreen(editor: editor))
        case .openHistory: return .push(WorkplaceHistoryScreen(session: session, id: id))
        case .back: return .pop
        default: return .stay
        }
    }

    func render(into canvas: inout Canvas, area: Rect) {
        guard let workplace else {
            canvas.put("Werkplek", row: area.row, col: 2, style: .heading, maxWidth: area.width - 4)
            canvas.putWrapped(editor.missing, row: area.row + 2, col: 2, width: area.width - 4, style: .warning)
            return
        }
        canvas.put(workplace.name + (workplace.active ? "" : "  ·  niet actief"), row: area.row, col: 2, style: .heading, maxWidth: area.width - 4)
        form.render(into: &canvas)
    }
}
