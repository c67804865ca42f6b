import Caseload
import TerminalKit

/// The quick scan beside the ZRM: motivation, wishes, talents and network; the situation per
/// life domain in the coach's words; a first impression of the ten basic skills; file
/// information where relevant; whether a mild intellectual disability (LVB) is suspected; and
/// whether the BSA was used, when, with what outcome. The texts are written over several lines,
/// with drafts; the rest is picked from a list.
final class QuickScanScreen: FormScreen, OfOneYouth {
    let kind = ScreenKind.quickScan
    let title = "Quick scan"
    let editor: YouthEditor
    let form: Form

    init(editor: YouthEditor) {
        self.editor = editor
        form = Form(kind: kind, session: editor.session, items: Self.items(editor), labelWidth: 32)
    }

    /// The label of a free text, for its field and for the draft offered back.
    static func label(of text: QuickScanText) -> String {
        switch text {
        case .motivation: "Motivatie en mogelijkheden"
        case .wishes: "Wensen en interesses"
        case .talents: "Talenten"
        case .network: "Netwerk (sociaal en werk)"
        case .fileInformation: "Dossierinformatie"
        case .bsaOutcome: "BSA uitkomst"
        case .situation(let code): Catalog.lifeDomain(code)?.name ?? code
        }
    }

    private static func items(_ editor: YouthEditor) -> [Form.Item] {
        func scan() -> QuickScan { editor.youth.quickScan }
        func save(_ change: (inout QuickScan) -> Void) -> String? { editor.apply { change(&$0.quickScan) } }
        func text(_ name: QuickScanText) -> Form.Item {
            .field(.init(label: label(of: name), value: { scan()[name] }, edit: .multiline(youthID: editor.youth.id, draft: .quickScan(name)) { typed in
                do throws(InputError) {
                    let value = try ChangePlan.validText(typed)
                    return save { $0[name] = value }
                } catch {
                    return error.message
                }
            }))
        }
        func choice<Value: Equatable>(_ label: String, _ values: [Value?], _ names: [String], _ path: WritableKeyPath<QuickScan, Value?>) -> Form.Item {
            .field(.init(label: label, value: { scan()[keyPath: path].flatMap { v in values.firstIndex(of: v).map { names[$0] } } ?? "" },
                         edit: .choice(options: { names }, selected: { values.firstIndex(of: scan()[keyPath: path]) ?? 0 },
                                       commit: { index in save { $0[keyPath: path] = values[index] } })))
        }
        let skills: [SkillImpression?] = [nil] + SkillImpression.allCases
        let skillNames = ["– (nog geen indruk)"] + SkillImpression.allCases.map(\.label)
        return [.heading("Beeld van de jongere"), text(.motivation), text(.wishes), text(.talents), text(.network),
                .heading("Situatie per leefgebied")]
            + Catalog.lifeDomains.map { text(.situation($0.code)) }
            + [.heading("Basisvaardigheden: eerste indruk")]
            + Catalog.basicSkills.map { skill in choice(skill.name, skills, skillNames, \.basicSkills[skill.code]) }
            + [.heading("Dossier, LVB en BSA"), text(.fileInformation),
               .field(.init(label: "Vermoeden LVB", value: { scan().suspectedIntellectualDisability.label }, edit: .choice(
                   options: { Suspicion.allCases.map(\.label) },
                   selected: { Suspicion.allCases.firstIndex(of: scan().suspectedIntellectualDisability) ?? 0 },
                   commit: { index in save { $0.suspectedIntellectualDisability = Suspicion.allCases[index] } }))),
               .field(.init(label: "BSA afgenomen", value: { scan().bsa.used ? "ja" : "nee" }, edit: .choice(
                   options: { ["nee", "ja"] }, selected: { scan().bsa.used ? 1 : 0 },
                   commit: { index in save { $0.bsa.used = index == 1 } }))),
               .field(.init(label: "BSA datum (dd-mm-jjjj)", value: { scan().bsa.date?.text ?? "" }, edit: .date { day in
                   if let day, day > editor.session.today { return "De BSA-datum ligt in de toekomst." }
                   return save { $0.bsa.date = day }
               })),
               text(.bsaOutcome)]
    }

    /// Reopens the text a draft was typed in.
    func resume(_ draft: Draft) { form.resume(draft) }



    func handle(_ key: Key) -> Navigation {
        if let navigation = form.handle(key) { return navigation }
        return KeyTable.action(for: key, on: kind) == .back ? .pop : .stay
    }

    func render(into canvas: inout Canvas, area: Rect) {
        canvas.put("\(editor.youth.name)  ·  Quick scan", row: area.row, col: 2, style: .heading, maxWidth: area.width - 4)
        form.render(into: &canvas)
    }
}
