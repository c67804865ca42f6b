import Caseload
import TerminalKit

/// The register of consent: with whom information about the youth may be shared, what, from
/// when, and when it was withdrawn. Information is shared on the youth's initiative. Consent to
/// take part in the action research is kept here too, as one of the choices of "with whom"; one
/// holds at a time (docs/decisions.md).
final class ConsentScreen: Screen, OfOneYouth {
    let kind = ScreenKind.consents
    let title = "Toestemming"
    let editor: YouthEditor
    /// A date keeps its ten characters: the text columns give way first.
    private var table = Table(columns: [.init("Met wie", width: 21, minimum: 10), .init("Wat", width: 25, minimum: 8),
                                        .init("Vanaf", width: 10, minimum: 10), .init("Tot en met", width: 10, minimum: 10),
                                        .init("Ingetrokken", width: 11, minimum: 10)],
                      detailLines: 4)
    private var error: String?

    init(editor: YouthEditor) {
        self.editor = editor
        table.setCount(editor.youth.consents.count)
    }

    private var consents: [Consent] { editor.youth.consents.sorted { $0.from < $1.from } }
    private var selected: Consent? { consents.indices.contains(table.selected) ? consents[table.selected] : nil }

    /// Enter and w only on a selected consent; on a withdrawn one w makes it valid again, and says so.
    var bindings: [KeyBinding] {
        let rows = KeyTable.bindings(for: kind).dropping(.open, .withdraw, when: selected == nil)
            .naming(.new, "nieuw", help: "Toestemming vastleggen: kies met wie en typ wat gedeeld mag worden, of kies het actieonderzoek (vanaf vandaag)")
        guard selected?.withdrawn != nil else { return rows }
        return rows.naming(.withdraw, "weer geldig", help: "De gekozen ingetrokken toestemming weer geldig maken, na bevestiging")
    }

    func willAppear() { table.setCount(consents.count) }
    func resize(to area: Rect) { table.resize(to: Rect(row: area.row + 2, col: area.col, width: area.width, height: area.height - 2)) }

    func handle(_ key: Key) -> Navigation {
        let today = editor.session.today
        error = nil
        switch bindings.action(for: key) {
        case .move: _ = table.handle(key)
        case .new:
            // With whom, then what may be shared: a consent exists only once both are given. The
            // research is the last choice; what it covers is fixed.
            let people = editor.youth.people
            return .popup(PickerPopup(Picker(title: "Met wie", options: people.map(\.name) + [Self.researchChoice])) { [self] index in
                guard people.indices.contains(index) else {
                    recordResearch()
                    return .stay
                }
                return askWhat(for: people[index])
            })
        case .open:
            if let consent = selected { return .push(ConsentForm.make(editor: editor, consentID: consent.id)) }
        case .withdraw:
            guard var consent = selected else { break }
            guard consent.withdrawn != nil else {
                consent.withdrawn = today
                error = editor.apply { $0.save(consent) }
                break
            }
            // Making it valid again changes the register: asked first, Enter meaning no.
            let withdrawn = consent.withdrawn?.text ?? ""
            consent.withdrawn = nil
            if let clash = Self.researchClash(consent, in: editor.youth) {
                error = clash + " Deze blijft ingetrokken."
                break
            }
            let about = consent.purpose == .research ? Self.research : "\(Wording.quoted(Self.whom(consent, in: editor.youth))) (\(Wording.quoted(consent.what)))"
            let confirm = Confirm(title: "Weer geldig", question: "De toestemming voor \(about), ingetrokken op \(withdrawn), weer geldig maken?",
                                  yes: "ja, weer geldig")
            return .popup(ConfirmPopup(confirm) { [self] answer in
                guard answer == .yes else { return .stay }
                error = editor.apply { $0.save(consent) }
                return .stay
            })
        case .back: return .pop
        default: break
        }
        return .stay
    }

    /// Consent for the research from today, unless one already holds then.
    private func recordResearch() {
        let consent = Consent.research(from: editor.session.today)
        if let clash = Self.researchClash(consent, in: editor.youth) {
            error = clash
            return
        }
        error = editor.apply { $0.save(consent) }
        table.setCount(consents.count)
        table.select(consents.firstIndex { $0.id == consent.id } ?? 0)
    }

    private func askWhat(for person: Person) -> Navigation {
        let today = editor.session.today
        let prompt = Prompt(title: "Toestemming voor \(person.name)", question: "Wat mag gedeeld worden, vanaf vandaag (de datum kunt u daarna wijzigen)?",
                            label: "Wat:", enterLabel: "leg vast")
        return .popup(PromptPopup(prompt) { [self] what in
            do throws(InputError) {
                let consent = try Consent(personID: person.id, what: what, from: today)
                if let failure = editor.apply({ $0.save(consent) }) { return .refuse(failure) }
                table.setCount(consents.count)
                table.select(consents.firstIndex { $0.id == consent.id } ?? 0)
                return .done(.stay)
            } catch {
                return .refuse(error.message)
            }
        })
    }

    func render(into canvas: inout Canvas, area: Rect) {
        let youth = editor.youth
        let today = editor.session.today
        canvas.put("\(youth.name)  ·  Toestemming om informatie te delen en voor onderzoek", row: area.row, col: 2, style: .heading, maxWidth: area.width - 4)
        let rows = consents.map { consent in
            // Ending within four weeks shows, as the review flags it for a coming meeting.
            let endsSoon = consent.isActive(on: today) && consent.until.map { today.days(until: $0) < ConsentProblem.warningDays } ?? false
            let whom = consent.purpose == .research ? consent.purpose.label : Self.whom(consent, in: youth)
            return Table.Row([whom, consent.what, consent.from.text, consent.until?.text ?? "", consent.withdrawn?.text ?? ""],
                             style: consent.isActive(on: today) ? .normal : .dim, cellStyles: [nil, nil, nil, endsSoon ? .warning : nil],
                             full: Self.full(consent, whom: whom))
        }
        let rule = "Gedeeld wordt op initiatief van de jongere; zonder toestemming alleen om incidenten te voorkomen."
        let new = bindings.keyName(for: .new) ?? "n"
        table.render(into: &canvas, rows: rows, empty: editor.youth.people.isEmpty
                                 ? "Nog geen toestemming vastgelegd. Druk op \(new) voor toestemming voor het actieonderzoek; om informatie te delen "
                                    + "voegt u eerst mensen toe aan het netwerk of de professionals (m in het dossier)."
                                 : "Nog geen toestemming vastgelegd. Druk op \(new).",
                     note: error.map { ($0, .error) } ?? (rule, .dim))
    }

    /// A consent in full, its days named (the selected row's line when a cell is cut).
    static func full(_ consent: Consent, whom: String) -> String {
        ([whom, consent.what, "vanaf \(consent.from.text)"] + [consent.until.map { "tot en met \($0.text)" }, consent.withdrawn.map { "ingetrokken \($0.text)" }]
            .compactMap { $0 }).filter { !$0.isEmpty }.joined(separator: " · ")
    }

    /// The last choice of "with whom".
    static let researchChoice = "het actieonderzoek (gepseudonimiseerd)"
    static let research = "het onderzoek"

    /// Whom a consent is for, in a sentence: the person's name, or the research.
    static func whom(_ consent: Consent, in youth: Youth) -> String {
        consent.purpose == .research ? research : youth.person(consent.personID)?.name ?? "(onbekend)"
    }

    /// Why `consent` cannot hold as it is: another consent for the research holds on one of its days.
    static func researchClash(_ consent: Consent, in youth: Youth) -> String? {
        guard consent.purpose == .research,
              let other = youth.consents.first(where: { $0.purpose == .research && $0.id != consent.id && $0.overlaps(consent) }) else { return nil }
        return "Er is al toestemming voor onderzoek vanaf \(other.from.text)\(other.ends.map { " tot \($0.text)" } ?? ""); er geldt er maar één tegelijk."
    }
}

extension Consent {
    /// Whether the two hold on a common day.
    func overlaps(_ other: Consent) -> Bool {
        (other.ends.map { from < $0 } ?? true) && (ends.map { other.from < $0 } ?? true)
    }
}

/// The form of one consent: with whom, what, from, withdrawn.
enum ConsentForm {
    static func make(editor: YouthEditor, consentID: String) -> RecordFormScreen {
        func consent() -> Consent? { editor.youth.consents.first { $0.id == consentID } }
        func update(_ change: (inout Consent) throws(InputError) -> Void) -> String? {
            guard var current = consent() else { return "Deze toestemming bestaat niet meer." }
            do { try change(&current) } catch { return error.message }
            if let clash = ConsentScreen.researchClash(current, in: editor.youth) { return clash }
            return editor.apply { $0.save(current) }
        }
        let dates: [Form.Field] = [
            .init(label: "Vanaf (dd-mm-jjjj)", value: { consent()?.from.text ?? "" }, edit: .date(optional: false) { day in
                update { $0.from = day ?? $0.from }
            }),
            .init(label: "Geldig tot en met", value: { consent()?.until?.text ?? "" }, edit: .date { day in
                update { c throws(InputError) in
                    if let day, day < c.from { throw InputError("Het einde kan niet vóór het begin liggen (\(c.from.text)).") }
                    c.until = day
                }
            }),
            .init(label: "Ingetrokken op", value: { consent()?.withdrawn?.text ?? "" }, edit: .date { day in
                update { $0.withdrawn = day }
            }),
        ]
        // For the research, with whom and what are fixed: only its days can change.
        if consent()?.purpose == .research {
            return RecordFormScreen(editor: editor, title: "Toestemming", heading: "\(editor.youth.name)  ·  Toestemming voor onderzoek", fields: dates,
                                    footer: { [("Wat: \(Consent.researchWhat). Met wie en wat liggen vast; de dagen kunt u wijzigen.", .dim)] })
        }
        return RecordFormScreen(editor: editor, title: "Toestemming", heading: "\(editor.youth.name)  ·  Toestemming", fields: [
            .init(label: "Met wie", value: { consent().flatMap { editor.youth.person($0.personID)?.name } ?? "" }, edit: .choice(
                options: { editor.youth.people.map(\.name) },
                selected: { consent().flatMap { c in editor.youth.people.firstIndex { $0.id == c.personID } } ?? 0 },
                commit: { index in update { $0.personID = editor.youth.people[index].id } })),
            .init(label: "Wat mag gedeeld worden", value: { consent()?.what ?? "" }, edit: .text { input in
                update { c throws(InputError) in c.what = try Youth.validName(input, field: "Wat gedeeld mag worden") }
            }),
        ] + dates)
    }
}
