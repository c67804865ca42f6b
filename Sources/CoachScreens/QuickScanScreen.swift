import Caseload
import TerminalKit

/// The quick scan beside the ZRM: motivation, wishes, talents and network; the situation per
/// life domain in the coach's words; a first impression of the ten basic skills; file
/// information where relevant; whether a mild intellectual disability (LVB) is suspected; and
/// whether the BSA was used, when, with what outcome.
final class QuickScanScreen: Screen, FormScreen {
    private enum Item {
        case heading(String)
        case text(String, WritableKeyPath<QuickScan, String>)
        case situation(LifeDomain)
        case skill(BasicSkill)
        case suspectedLVB, bsaUsed, bsaDate

        var label: String {
            switch self {
            case .heading(let text), .text(let text, _): text
            case .situation(let domain): domain.name
            case .skill(let skill): skill.name
            case .suspectedLVB: "Vermoeden LVB"
            case .bsaUsed: "BSA afgenomen"
            case .bsaDate: "BSA datum"
            }
        }

        var isHeading: Bool {
            if case .heading = self { return true }
            return false
        }
    }

    let kind = ScreenKind.quickScan
    let title = "Quick scan"
    private let editor: YouthEditor
    private let items: [Item]
    private static func layout() -> [Item] {
        [.heading("Beeld van de jongere"),
                                 .text("Motivatie en mogelijkheden", \.motivation),
                                 .text("Wensen en interesses", \.wishes),
                                 .text("Talenten", \.talents),
                                 .text("Netwerk (sociaal en werk)", \.network),
                                 .heading("Situatie per leefgebied")]
        + Catalog.lifeDomains.map { .situation($0) }
        + [.heading("Basisvaardigheden: eerste indruk")]
        + Catalog.basicSkills.map { .skill($0) }
        + [.heading("Dossier, LVB en BSA"), .text("Dossierinformatie", \.fileInformation),
           .suspectedLVB, .bsaUsed, .bsaDate, .text("BSA uitkomst", \.bsa.outcome)]
    }
    /// Indexes of the items that can be selected (not the headings).
    private let selectable: [Int]
    var list: ListState
    private var top = 0
    private var pageSize = 16
    var mode = FormMode.browsing
    var error: String?

    init(editor: YouthEditor) {
        self.editor = editor
        let items = Self.layout()
        self.items = items
        selectable = items.indices.filter { !items[$0].isHeading }
        list = ListState(count: selectable.count)
    }

    private var scan: QuickScan { editor.youth.quickScan }
    private var selectedItem: Item { items[selectable[list.selected]] }

    var capturesKeys: Bool { mode.capturesKeys }
    var bindings: [KeyBinding] { mode.bindings(for: kind) }

    func resize(to area: Rect) {
        pageSize = max(1, area.height - 4)
        top = firstShown()
    }

    /// The first row shown: scrolled from `top` as little as needed to show the selection, with
    /// its section heading when there is room.
    private func firstShown() -> Int {
        let selectedIndex = selectable[list.selected]
        var first = top
        if selectedIndex < first { first = selectedIndex > 0 && items[selectedIndex - 1].isHeading ? selectedIndex - 1 : selectedIndex }
        if selectedIndex >= first + pageSize { first = selectedIndex - pageSize + 1 }
        return first
    }

    func handle(_ key: Key) -> Navigation {
        // The page scrolls with the selection after every key (drawing never scrolls).
        defer { top = firstShown() }
        switch mode {
        case .browsing:
            error = nil
            switch KeyTable.action(for: key, on: kind) {
            case .move: _ = list.handle(key, pageSize: pageSize)
            case .nextField: list.select(list.selected + 1)
            case .previousField: list.select(list.selected - 1)
            case .edit:
                if case .bsaUsed = selectedItem { _ = save { $0.bsa.used.toggle() } } else { openSelectedForTyping() }
            case .back: return .pop
            default: break
            }
        default:
            handleFormEdit(key)
        }
        return .stay
    }

    func choose(_ index: Int) -> Bool {
        switch selectedItem {
        case .skill(let skill):
            let impression = index == 0 ? nil : SkillImpression.allCases[index - 1]
            return save { $0.basicSkills[skill.code] = impression }
        case .suspectedLVB:
            return save { $0.suspectedIntellectualDisability = Suspicion.allCases[index] }
        default:
            return true
        }
    }

    /// The choices of a row that is picked from a list.
    private func options(for item: Item) -> [String] {
        switch item {
        case .suspectedLVB: Suspicion.allCases.map(\.label)
        default: ["– (nog geen indruk)"] + SkillImpression.allCases.map(\.label)
        }
    }

    func openSelectedForTyping() {
        switch selectedItem {
        case .text(_, let path): mode = .editing(TextField(scan[keyPath: path]))
        case .situation(let domain): mode = .editing(TextField(scan.situation[domain.code] ?? ""))
        case .skill(let skill):
            let current = scan.basicSkills[skill.code].flatMap { SkillImpression.allCases.firstIndex(of: $0) }.map { $0 + 1 } ?? 0
            mode = .picking(ListState(count: SkillImpression.allCases.count + 1, selected: current))
        case .suspectedLVB:
            mode = .picking(ListState(count: Suspicion.allCases.count,
                                      selected: Suspicion.allCases.firstIndex(of: scan.suspectedIntellectualDisability) ?? 0))
        case .bsaUsed: break
        case .bsaDate: mode = .editing(TextField(scan.bsa.date?.text ?? ""))
        case .heading: break
        }
    }

    func commit(_ text: String) -> Bool {
        let today = editor.session.today
        do throws(InputError) {
            switch selectedItem {
            case .text(let label, let path):
                let value = try Youth.validText(text, field: label)
                return save { $0[keyPath: path] = value }
            case .situation(let domain):
                let value = try Youth.validText(text, field: "De situatie")
                return save { $0.situation[domain.code] = value.isEmpty ? nil : value }
            case .bsaDate:
                let date: LocalDate?
                if text.trimmingCharacters(in: .whitespaces).isEmpty {
                    date = nil
                } else {
                    date = try LocalDate.parseInput(text)
                }
                if let date, date > today { throw InputError("De BSA-datum ligt in de toekomst.") }
                return save { $0.bsa.date = date }
            default:
                return true
            }
        } catch {
            self.error = error.message
            return false
        }
    }

    private func save(_ change: (inout QuickScan) -> Void) -> Bool {
        error = editor.apply { change(&$0.quickScan) }
        return error == nil
    }

    // MARK: - Drawing

    func render(into canvas: inout Canvas, area: Rect) {
        canvas.put("\(editor.youth.name)  ·  Quick scan", row: area.row, col: 2, style: .heading, maxWidth: area.width - 4)
        let labelWidth = 32, valueCol = 2 + 32
        let valueWidth = area.width - valueCol - 2
        let pageSize = max(1, area.height - 4)
        let selectedIndex = selectable[list.selected]
        var top = self.top
        if selectedIndex < top { top = selectedIndex > 0 && items[selectedIndex - 1].isHeading ? selectedIndex - 1 : selectedIndex }
        if selectedIndex >= top + pageSize { top = selectedIndex - pageSize + 1 }
        for (line, index) in (top..<min(items.count, top + pageSize)).enumerated() {
            let row = area.row + 2 + line
            let item = items[index]
            if item.isHeading {
                canvas.put(item.label, row: row, col: 2, style: .heading, maxWidth: area.width - 4)
                continue
            }
            let selected = index == selectedIndex
            canvas.put("  " + item.label, row: row, col: 2, style: selected ? .selected : .normal, padTo: labelWidth - 1)
            if selected, case .editing(let field) = mode {
                field.render(into: &canvas, row: row, col: valueCol, width: valueWidth)
                continue
            }
            let value = display(item)
            canvas.put(Glyphs.truncate(value.isEmpty ? "–" : value, to: valueWidth), row: row, col: valueCol,
                       style: value.isEmpty ? .dim : .normal, maxWidth: valueWidth)
        }
        let bottom = area.row + area.height - 1
        if let error {
            canvas.putAbove(error, bottomRow: bottom, col: 2, width: area.width - 4, style: .error)
        } else if case .browsing = mode {
            let full = display(selectedItem)
            if Glyphs.width(of: full) > valueWidth {
                canvas.putAbove(full, bottomRow: bottom, col: 2, width: area.width - 4, style: .dim, maxLines: 2)
            }
        }
        if case .picking(let picker) = mode {
            Chrome.picker(&canvas, title: selectedItem.label, options: options(for: selectedItem), state: picker)
        }
    }

    private func display(_ item: Item) -> String {
        switch item {
        case .heading: ""
        case .text(_, let path): scan[keyPath: path]
        case .situation(let domain): scan.situation[domain.code] ?? ""
        case .skill(let skill): scan.basicSkills[skill.code]?.label ?? ""
        case .suspectedLVB: scan.suspectedIntellectualDisability.label
        case .bsaUsed: scan.bsa.used ? "ja" : "nee"
        case .bsaDate: scan.bsa.date?.text ?? ""
        }
    }
}
