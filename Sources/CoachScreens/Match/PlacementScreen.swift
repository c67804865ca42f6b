import Caseload
import TerminalKit

/// One placement as one scrolling form: where (the workplace and its contact person, which open
/// the workplace), the kind, the dates and the status with how it ended; the plaatsingsafspraken;
/// the result (certificate, recommendation letter). Every confirmed value is saved at once
/// through `Youth.save`, which refuses a second lopende placement of a kind and an end before
/// the start. A first placement that starts running offers to move the case to Coachen.
/// e exports the handout for the employer, b a draft recommendation letter.
final class PlacementScreen: FormScreen, OfOneYouth {
    typealias Field = Form.Field

    let kind = ScreenKind.placement
    let title = "Plaatsing"
    let editor: YouthEditor
    let placementID: String?
    let form: Form

    /// Without an id: the current placement (else the last one). `note` is said once, on opening
    /// (saved as gepland instead of lopend); with `offeringCoaching` it opens with the question
    /// to move the case to Coachen.
    init(editor: YouthEditor, placementID: String? = nil, note: String? = nil, offeringCoaching: Bool = false) {
        self.editor = editor
        let id = placementID ?? editor.youth.currentPlacement?.id ?? editor.youth.placementsInOrder.last?.id
        self.placementID = id
        let holder = FormHolder()
        form = Form(kind: .placement, session: editor.session, items: Self.items(editor: editor, id: id, holder: holder), labelWidth: 30)
        holder.form = form
        if let note { form.message = (note, .warning) }
        if offeringCoaching, let placement { firstQuestion = Self.coachingOffer(editor: editor, placement: placement, form: form) }
    }

    private var placement: Placement? { editor.youth.placements.first { $0.id == placementID } }

    private var firstQuestion: (any Popup)?
    func openingPopup() -> (any Popup)? {
        defer { firstQuestion = nil }
        return firstQuestion
    }

    /// The handout and the letter need a placement: without one their keys are not named.
    var bindings: [KeyBinding] {
        form.editingBindings ?? KeyTable.bindings(for: kind).dropping(.exportHandout, .exportLetter, .openTalks, .openSkillsGrid, when: placement == nil)
    }

    func handle(_ key: Key) -> Navigation {
        guard form.isBrowsing else { return form.handle(key) ?? .stay }
        // A key that does nothing leaves the message standing.
        guard let command = bindings.action(for: key) else { return .stay }
        if let navigation = form.handle(key) { return navigation }
        switch command {
        case .exportHandout: form.message = exportHandout()
        case .exportLetter: if let placement { form.message = LetterExport.write(editor: editor, placementID: placement.id) }
        case .openTalks: return .push(TalksScreen(editor: editor, placementID: placementID))
        case .openSkillsGrid: return .push(SkillsGridScreen(editor: editor, placementID: placementID))
        case .openUserManual: return .push(UserManualScreen(editor: editor))
        case .back: return .pop
        default: break
        }
        return .stay
    }

    // MARK: - Exports

    private func exportHandout() -> (text: String, style: Style) {
        guard let placement else { return ("Deze plaatsing bestaat niet meer.", .error) }
        let session = editor.session
        let youth = editor.youth
        let workplace = session.store.workplace(id: placement.workplaceID)
        do {
            let path = try session.store.writeExport(Handout.markdown(youth, placement: placement, workplace: workplace, on: session.today),
                                                     named: Handout.fileName(for: youth, placement: placement, workplace: workplace, on: session.today), youthID: youth.id)
            let shared = Handout.sharingConsent(youth, placement: placement, workplace: workplace, on: session.today) != nil
            return ("Handout geëxporteerd naar \(path) in de gegevensmap" + (shared ? "." : "; zonder de gebruiksaanwijzing: geen toestemming om die te delen met deze werkplek."),
                    shared ? .accent : .warning)
        } catch {
            return ("Export mislukt: \(error.localizedDescription)", .error)
        }
    }

    // MARK: - The move to Coachen

    /// Asks to move a case in Match & wrap-around to Coachen on the placement's start date, or, when
    /// the case came into Match & wrap-around after that, on that later day (a phase change never
    /// lies before the one before it).
    static func coachingOffer(editor: YouthEditor, placement: Placement, form: Form?) -> ConfirmPopup {
        let session = editor.session
        let day = min(max(placement.start, editor.youth.phaseSince ?? placement.start), session.today)
        let when = day == placement.start ? "op de startdatum \(day.text)" : "op \(day.text), de dag dat het dossier in \(Phase.matchAndWrapAround.label) kwam"
        let confirm = Confirm(title: "Naar Coachen",
                              question: "De eerste plaatsing van \(editor.youth.name) loopt. Het dossier van \(Phase.matchAndWrapAround.label) "
                                  + "naar \(Phase.coaching.label) zetten, \(when)?",
                              yes: "ja, naar Coachen", no: "nee, niet nu")
        return ConfirmPopup(confirm) { answer in
            form?.finishEditing()
            guard answer == .yes else { return .stay }
            if let failure = editor.apply({ youth throws(InputError) in
                try youth.move(to: .coaching, on: day, today: session.today, now: session.now)
            }) {
                form?.error = "Niet naar Coachen gezet: \(failure) Wijzig de fase op het dossier (v)."
            } else {
                form?.message = ("Het dossier staat nu in \(Phase.coaching.label), sinds \(day.text).", .accent)
            }
            return .stay
        }
    }

    // MARK: - The form

    private static let endingLabel = "Hoe beëindigd"

    /// The form, for the question its own status field asks (made before the form exists).
    private final class FormHolder { weak var form: Form? }

    private static func items(editor: YouthEditor, id: String?, holder: FormHolder) -> [Form.Item] {
        let session = editor.session
        let store = session.store
        func placement() -> Placement? { editor.youth.placements.first { $0.id == id } }
        func update(_ change: (inout Placement) throws(InputError) -> Void) -> String? {
            guard var current = placement() else { return "Deze plaatsing bestaat niet meer." }
            do {
                try change(&current)
                try current.checkDays(today: session.today)
            } catch { return error.message }
            // The kept name follows a rename, for when the workplace is gone one day.
            if let workplace = store.workplace(id: current.workplaceID) { current.workplaceName = workplace.name }
            return editor.apply { youth throws(InputError) in try youth.save(current, now: session.now) }
        }
        func text(_ label: String, _ path: WritableKeyPath<Placement, String>) -> Field {
            .init(label: label, value: { placement()?[keyPath: path] ?? "" }, edit: .text { input in
                update { p throws(InputError) in p[keyPath: path] = try Youth.validText(input, field: label) }
            })
        }
        func date(_ label: String, _ path: WritableKeyPath<Placement, LocalDate?>) -> Field {
            .init(label: label, value: { placement()?[keyPath: path]?.text ?? "" }, edit: .date { day in update { $0[keyPath: path] = day } })
        }

        // The workplace opens its own screen; one that is gone or in quarantine shows its kept name and why.
        let workplaceID = placement()?.workplaceID ?? ""
        let workplaceEdit: Field.Edit = store.workplace(id: workplaceID) != nil
            ? .open { WorkplaceScreen(session: session, id: workplaceID) }
            : .pick(options: { [Self.workplaceLine(placement(), store: store)] }, selected: { 0 }, commit: { _ in .saved })
        let workplace = Field(label: "Werkplek", value: { Self.workplaceLine(placement(), store: store) }, edit: workplaceEdit)
        let contact = Field(label: "Contactpersoon", value: {
            guard let found = store.workplace(id: workplaceID) else { return "" }
            return [found.contactName, found.contactPhone, found.contactEmail].filter { !$0.isEmpty }.joined(separator: " · ")
        }, edit: workplaceEdit)

        let kinds = PlaceKind.allCases
        let kind = Field(label: "Soort", value: { placement()?.kind.label ?? "" }, edit: .choice(
            options: { kinds.map(\.label) }, selected: { placement().flatMap { kinds.firstIndex(of: $0.kind) } ?? 0 },
            commit: { index in update { $0.kind = kinds[index] } }))
        let start = Field(label: "Start", value: { placement()?.start.text ?? "" }, edit: .date(optional: false) { day in
            update { p in if let day { p.start = day } }
        })

        let statuses = PlacementStatus.allCases
        let status = Field(label: "Status", value: { placement()?.status.label ?? "" }, edit: .pick(
            options: { statuses.map(\.label) }, selected: { placement().flatMap { statuses.firstIndex(of: $0.status) } ?? 0 },
            commit: { index in
                let wasRunning = placement()?.status == .running
                if let failure = update({ $0.setStatus(statuses[index], today: session.today) }) { return .refused(failure) }
                // Ended: the next question is how (its list opens at once; the end date is today, to change below).
                if statuses[index] == .ended, let form = holder.form {
                    form.select(labeled: Self.endingLabel)
                    if case .popup(let popup) = form.openForTyping() { return .ask(popup) }
                }
                guard statuses[index] == .running, !wasRunning, let started = placement(), editor.youth.offersCoaching(starting: started) else {
                    return .saved
                }
                return .ask(Self.coachingOffer(editor: editor, placement: started, form: holder.form))
            }))
        // Typing an end date or choosing how it ended ends the placement; empty leaves one that runs as it is.
        let end = Field(label: "Einddatum", value: { placement()?.end?.text ?? "" }, edit: .date { day in
            update { p throws(InputError) in
                guard let day else {
                    if p.status == .ended { throw InputError("Een beëindigde plaatsing heeft een einddatum; kies een andere status om die te wissen.") }
                    return
                }
                p.setStatus(.ended, today: session.today)
                p.end = day
            }
        })
        let endings = PlacementEnding.allCases
        let ending = Field(label: Self.endingLabel, value: { placement()?.ending?.label ?? "" }, edit: .choice(
            options: { ["– (nog niet beëindigd of onbekend)"] + endings.map(\.label) },
            selected: { placement()?.ending.flatMap { endings.firstIndex(of: $0) }.map { $0 + 1 } ?? 0 },
            commit: { index in
                update { p in
                    guard index > 0 else {
                        p.ending = nil
                        return
                    }
                    p.setStatus(.ended, today: session.today)
                    p.ending = endings[index - 1]
                }
            }))
        let endingDetail = Field(label: "Toelichting (bij anders)", value: { placement()?.endingDetail ?? "" }, edit: .text { input in
            update { p throws(InputError) in
                let detail = try Youth.validText(input, field: "De toelichting")
                if !detail.isEmpty, p.status != .ended { throw InputError("Een toelichting hoort bij een beëindigde plaatsing: kies eerst hoe die eindigde.") }
                p.endingDetail = detail
            }
        })

        var agreement: [Form.Item] = []
        for entry in PlacementAgreement.texts {
            let base: WritableKeyPath<Placement, PlacementAgreement> = \.agreement
            let path = base.appending(path: entry.path)
            agreement.append(.field(text(entry.label, path)))
            if entry.field == "employerRole" {
                let compensations = Compensation.allCases
                agreement.append(.field(Field(label: "Vergoeding", value: { placement()?.agreement.compensation?.label ?? "" }, edit: .choice(
                    options: { ["– (nog niet gekozen)"] + compensations.map(\.label) },
                    selected: { placement()?.agreement.compensation.flatMap { compensations.firstIndex(of: $0) }.map { $0 + 1 } ?? 0 },
                    commit: { index in update { $0.agreement.compensation = index == 0 ? nil : compensations[index - 1] } }))))
            }
        }

        return [.heading("Plaatsing"), .field(workplace), .field(contact), .field(kind), .field(start),
                .field(date("Gepland einde", \.plannedEnd)), .field(status), .field(end), .field(ending), .field(endingDetail),
                .heading("Plaatsingsafspraken")] + agreement
            + [.heading("Resultaat"), .field(date("Certificaat op", \.certificateOn)),
               .field(date("Aanbevelingsbrief op", \.recommendationLetterOn))]
    }

    /// "Bakkerij Jansen", or "Bakkerij Jansen (werkplek in quarantaine)" when it cannot be read.
    private static func workplaceLine(_ placement: Placement?, store: CaseloadStore) -> String {
        placement.map { store.workplaceName(of: $0) } ?? ""
    }

    func render(into canvas: inout Canvas, area: Rect) {
        let heading = placement.map { "\(editor.youth.name)  ·  \($0.kind.label) bij \(editor.session.store.workplaceName(of: $0))" }
            ?? "\(editor.youth.name)  ·  Deze plaatsing bestaat niet (meer)."
        canvas.put(heading, row: area.row, col: 2, style: .heading, maxWidth: area.width - 4)
        form.render(into: &canvas)
    }
}
