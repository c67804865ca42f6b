import TerminalKit

/// The kinds of screen, for the key table.
public enum ScreenKind: CaseIterable, Sendable {
    case welcome, caseload, youth, zrmHistory, zrmForm, zrmComparison, quickScan, changePlan, actions, agreedActions, people, recordForm,
         meetings, meeting, participants, agenda, consents, caseloadAgenda, journal, scoutAttempts, settings, review, help,
         quarantine
    case phaseHistory
    /// Match and coaching on the job (issue 17).
    case workplaces, workplace, workplaceScans, workplaceHistory, match, placements, placement, talks, skillsGrid, userManual
    /// One quick scan of a workplace: its date and its texts.
    case workplaceScan
    /// The end of the method (issue 18): closing and reopening a case, a youth's escalations and
    /// those of the whole caseload, closed cases past their retention term.
    case closing, reopening, escalations, caseloadEscalations, retention
    /// The figures for the action research (issue 19).
    case reports
}

/// What a key does. Screens switch on actions, never on raw keys, so the help and the hint line
/// always say what the keys really do.
public enum Action: Sendable {
    case move, open, new, search, clearSearch, toggleClosed
    case edit, nextField, previousField, nextPhase, previousPhase
    case openZRM, openQuickScan, column, compare, switchSide, score, scoreStep, clearScore
    case openPlan, versions, exportMarkdown, openActions, openPeople, markDone, markCancelled, remove
    case openMeetings, openConsents, openAgenda, invite, attended, moveItemUp, moveItemDown, withdraw, agreeExisting
    case emptyCaseload, demoCaseload, coachName
    case quickContact, openJournal, filter, recordAgreement, scoutView, openSettings, startReview
    /// The list of files in quarantine; on the caseload only while some are unseen.
    case openQuarantine
    case nextYouth, previousYouth, newAction, closeAction, openDossier
    case browseYouth
    case openPhaseHistory
    case openWorkplaces, openWorkplace, openMatch, placeHere, openPlacements, openUserManual, openTalks, openSkillsGrid
    case openScans, openHistory, exportHandout, exportLetter
    /// Borg, closing, reopening, escalation, retention and erasure (issue 18).
    case closeCase, reopenCase, setBorgIntensity, openEscalations, openRetention, eraseCase, submitForm
    /// Reports, the research export and the calendar (issue 19).
    case openReports, setPeriod, toggleShared, exportResearch, exportCalendar
    /// Reads on in the text under a list when it does not fit (the reasons of a match).
    case scrollDetail
    case back, quit, help, redraw, forceQuit
    /// The keys of components (dialogs, fields, lists to pick from, the text editor).
    case yes, no, confirm, confirmAndMove, cancel, choose, toggle, type, editText, saveAndStay, undo, browseVersions
}

/// One row of the key table: the keys, the short hint for the bottom line (nil: not shown
/// there), the help text, and the screens where it applies.
public struct KeyBinding: Sendable {
    public let action: Action
    public internal(set) var keys: [Key]
    public internal(set) var hint: String?
    public internal(set) var help: String
    public let screens: [ScreenKind]
    /// How the keys are written when listing each would be clumsy, e.g. "1-5".
    public var keyLabel: String?
    /// True for "type text": every printable key and a paste go into the text.
    public var acceptsText = false

    public var keyNames: String { keyLabel ?? keys.map(\.name).joined(separator: " ") }

    init(action: Action, keys: [Key], hint: String?, help: String, screens: [ScreenKind], keyLabel: String? = nil) {
        self.action = action
        self.keys = keys
        self.hint = hint
        self.help = help
        self.screens = screens
        self.keyLabel = keyLabel
    }

    /// A row of a component's own key table (it belongs to no screen kind).
    init(_ action: Action, _ keys: [Key], hint: String?, help: String, label: String? = nil, acceptsText: Bool = false) {
        self.init(action: action, keys: keys, hint: hint, help: help, screens: [], keyLabel: label)
        self.acceptsText = acceptsText
    }

    /// Whether this row covers `key` (a typed character or paste, for a text row).
    func covers(_ key: Key) -> Bool {
        if keys.contains(key) { return true }
        guard acceptsText else { return false }
        switch key {
        case .char, .paste: return true
        default: return false
        }
    }
}

/// The one table from which key dispatch, the hint line and the help screen all come.
public enum KeyTable {
    private static let lists: [ScreenKind] = [.caseload, .zrmHistory, .zrmForm, .quickScan, .actions,
                                              .agreedActions, .people, .recordForm, .meetings, .meeting, .participants, .agenda, .consents,
                                              .caseloadAgenda, .journal, .scoutAttempts, .settings, .help, .quarantine,
                                              .phaseHistory, .zrmComparison, .workplaces, .workplace, .workplaceScans, .workplaceHistory,
                                              .workplaceScan, .placement, .talks, .userManual, .closing, .reopening, .escalations,
                                              .caseloadEscalations, .retention, .reports]
    /// Lists where `k` has its own meaning (match): they move with the arrows only. (The match
    /// itself has its own move row: PgUp and PgDn read its reasons.)
    private static let listsWithoutLetterMoves: [ScreenKind] = [.youth, .changePlan, .placements]
    private static let forms: [ScreenKind] = [.youth, .zrmForm, .quickScan, .changePlan, .recordForm, .meeting, .settings, .review,
                                              .workplace, .workplaceScan, .placement, .closing, .reopening]
    /// The screens of the match phase and coaching on the job that show one youth.
    private static let ofYouthAtWork: [ScreenKind] = [.match, .placements, .placement, .talks, .skillsGrid, .userManual]
    /// The screens of one youth: a contact is noted from each of them with one key.
    private static let ofYouth: [ScreenKind] = [.youth, .zrmHistory, .zrmForm, .zrmComparison, .quickScan, .changePlan, .actions,
                                                .agreedActions, .people, .recordForm, .meetings, .meeting, .participants, .agenda, .consents,
                                                .journal, .scoutAttempts, .review, .phaseHistory, .closing, .reopening, .escalations] + ofYouthAtWork
    private static let everywhere = ScreenKind.allCases
    private static let belowCaseload: [ScreenKind] = [.youth, .zrmHistory, .zrmForm, .zrmComparison, .quickScan, .changePlan,
                                                      .actions, .agreedActions, .people, .recordForm, .meetings, .meeting, .participants,
                                                      .agenda, .consents, .caseloadAgenda, .journal, .scoutAttempts, .settings, .review,
                                                      .quarantine, .phaseHistory, .workplaces, .workplace, .workplaceScans,
                                                      .workplaceHistory, .workplaceScan, .closing, .reopening, .escalations,
                                                      .caseloadEscalations, .retention, .reports] + ofYouthAtWork

    public static let all: [KeyBinding] = [
        KeyBinding(action: .emptyCaseload, keys: [.enter], hint: "lege caseload",
                   help: "Begin met een lege caseload", screens: [.welcome]),
        KeyBinding(action: .demoCaseload, keys: [.char("d")], hint: "demo",
                   help: "Vul een demo-caseload met verzonnen jongeren, om te oefenen", screens: [.welcome]),
        KeyBinding(action: .coachName, keys: [.char("i")], hint: "uw naam",
                   help: "Uw naam als coach: vult \"gescoord door\" van een nieuwe ZRM-meting en de voorzitter van een nieuw overleg in",
                   screens: [.welcome]),
        KeyBinding(action: .startReview, keys: [.char("r")], hint: "weekbespreking",
                   help: "Weekbespreking: elke actieve jongere, de dringendste eerst, met de reden; een onderbroken bespreking gaat verder waar u was",
                   screens: [.caseload]),
        KeyBinding(action: .scoutView, keys: [.char("s")], hint: "scout",
                   help: "Alleen de jongeren in scout tonen, met hoe lang al en hoeveel contactpogingen (nogmaals: alle)",
                   screens: [.caseload]),
        KeyBinding(action: .openSettings, keys: [.char("i")], hint: "instellingen",
                   help: "Instellingen: uw naam, na hoeveel dagen zonder contact, wanneer de 1-, 2- en 3-meting vallen, hoe lang elke fase mag duren, wanneer borgen klaar is, escalaties zonder antwoord en de bewaartermijn",
                   screens: [.caseload]),
        KeyBinding(action: .move, keys: [.up, .down, .char("k"), .char("j"), .pageUp, .pageDown, .home, .end], hint: nil,
                   help: "Omhoog en omlaag, een pagina, naar begin of eind", screens: lists),
        KeyBinding(action: .move, keys: [.up, .down, .pageUp, .pageDown, .home, .end], hint: nil,
                   help: "Omhoog en omlaag, een pagina, naar begin of eind", screens: listsWithoutLetterMoves),
        KeyBinding(action: .open, keys: [.enter], hint: "open",
                   help: "Open het dossier van de gekozen jongere", screens: [.caseload]),
        KeyBinding(action: .new, keys: [.char("n")], hint: "nieuw",
                   help: "Nieuwe jongere: typ de naam, Enter maakt het dossier en opent het", screens: [.caseload]),
        KeyBinding(action: .search, keys: [.char("/")], hint: "zoek",
                   help: "Zoek op naam terwijl u typt (hoofdletters en accenten tellen niet); ↑ ↓ kiezen, Enter opent",
                   screens: [.caseload]),
        KeyBinding(action: .clearSearch, keys: [.escape], hint: nil,
                   help: "Wis de zoekopdracht", screens: [.caseload]),
        KeyBinding(action: .toggleClosed, keys: [.char("a")], hint: "afgesloten",
                   help: "Afgesloten dossiers tonen of verbergen", screens: [.caseload]),
        KeyBinding(action: .openQuarantine, keys: [.char("x")], hint: "quarantaine",
                   help: "Welke bestanden in quarantaine staan en waarom (alleen zolang u ze nog niet zag)", screens: [.caseload]),
        KeyBinding(action: .edit, keys: [.enter], hint: "wijzig",
                   help: "Wijzig het gekozen veld; Enter bevestigt en slaat meteen op, Esc annuleert", screens: [.youth]),
        KeyBinding(action: .nextPhase, keys: [.char("v")], hint: "fase →",
                   help: "Naar de volgende fase, na bevestiging; de datum wordt bewaard", screens: [.youth]),
        KeyBinding(action: .previousPhase, keys: [.char("t")], hint: nil,
                   help: "Terug naar de vorige fase, na bevestiging", screens: [.youth]),
        KeyBinding(action: .edit, keys: [.enter], hint: "wijzig",
                   help: "Wijzig het gekozen onderdeel: een tekst schrijft u over meerdere regels (Tab bevestigt, Ctrl-S bewaart en u blijft schrijven), een keuze komt uit een lijst", screens: [.quickScan]),
        KeyBinding(action: .score, keys: (1...5).map { .char(Character(String($0))) }, hint: "score",
                   help: "Score 1 tot en met 5 voor het gekozen leefgebied; 1 is acuut en vraagt meteen actie",
                   screens: [.zrmForm], keyLabel: "1-5"),
        KeyBinding(action: .scoreStep, keys: [.left, .right], hint: "score −/+",
                   help: "Score een lager of een hoger", screens: [.zrmForm], keyLabel: "←→"),
        KeyBinding(action: .clearScore, keys: [.char("0"), .delete], hint: "wis",
                   help: "Score wissen: nog niet gescoord", screens: [.zrmForm]),
        KeyBinding(action: .edit, keys: [.enter], hint: "toelichting",
                   help: "Toelichting bij het gekozen leefgebied, of datum, moment of scorer wijzigen; Enter bevestigt, Esc annuleert",
                   screens: [.zrmForm]),
        KeyBinding(action: .nextField, keys: [.tab], hint: nil,
                   help: "Volgend veld (tijdens het wijzigen: bevestigen en door)", screens: forms),
        KeyBinding(action: .previousField, keys: [.backTab], hint: nil,
                   help: "Vorig veld (tijdens het wijzigen: bevestigen en terug)", screens: forms),
        KeyBinding(action: .openPhaseHistory, keys: [.char("f")], hint: nil,
                   help: "De hele fasegeschiedenis: elke faseovergang met zijn datum en hoe lang elke fase duurde", screens: [.youth]),
        KeyBinding(action: .openZRM, keys: [.char("z")], hint: "ZRM",
                   help: "Zelfredzaamheid-Matrix: alle metingen, het verloop per leefgebied, een nieuwe meting",
                   screens: [.youth]),
        KeyBinding(action: .openQuickScan, keys: [.char("s")], hint: "scan",
                   help: "Quick scan: motivatie, wensen, talenten, netwerk, situatie per leefgebied, basisvaardigheden, BSA",
                   screens: [.youth]),
        KeyBinding(action: .openPlan, keys: [.char("p")], hint: "plan",
                   help: "Veranderplan: doel, wat het belangrijkst is, wie wat doet, hoofdstrategie", screens: [.youth]),
        KeyBinding(action: .edit, keys: [.enter], hint: "schrijf",
                   help: "Schrijf in het gekozen deel (Enter is dan een nieuwe regel); Tab bevestigt en gaat door, Ctrl-S bewaart en u blijft schrijven, Esc annuleert, Ctrl-Z maakt een woord ongedaan",
                   screens: [.changePlan]),
        KeyBinding(action: .versions, keys: [.char("h")], hint: "versies",
                   help: "Eerdere versies van het plan bekijken (← → bladeren, Esc terug)", screens: [.changePlan]),
        KeyBinding(action: .exportMarkdown, keys: [.char("e")], hint: "export",
                   help: "Het plan als Markdown-bestand in de map exports/ van de gegevensmap, om te printen of te delen",
                   screens: [.changePlan]),
        KeyBinding(action: .edit, keys: [.enter], hint: "wijzig",
                   help: "Wijzig het gekozen veld; Enter bevestigt en slaat meteen op, Esc annuleert", screens: [.recordForm]),
        KeyBinding(action: .openActions, keys: [.char("a")], hint: "acties",
                   help: "Acties: wat er moet gebeuren, door wie, wanneer; te late acties vallen op",
                   screens: [.youth, .changePlan, .meetings, .meeting, .agenda]),
        KeyBinding(action: .openPeople, keys: [.char("m")], hint: "mensen",
                   help: "Mensen rond de jongere: het sociale netwerk en de professionals", screens: [.youth]),
        KeyBinding(action: .open, keys: [.enter], hint: "open",
                   help: "Open het gekozen item om het te wijzigen", screens: [.actions, .agreedActions, .people]),
        KeyBinding(action: .new, keys: [.char("n")], hint: "nieuw",
                   help: "Nieuwe actie in één formulier: typ wat er moet gebeuren, Tab, kies wie, Tab, de deadline",
                   screens: [.actions, .agreedActions]),
        KeyBinding(action: .agreeExisting, keys: [.char("b")], hint: "bestaande",
                   help: "Een bestaande open actie van het plan als afgesproken in dit overleg markeren", screens: [.agreedActions]),
        KeyBinding(action: .new, keys: [.char("n")], hint: "nieuw",
                   help: "Nieuw persoon in het gekozen tabblad: typ de naam, daarna de rest", screens: [.people]),
        KeyBinding(action: .markDone, keys: [.char("x"), .char(" ")], hint: "gedaan",
                   help: "De gekozen actie afvinken als gedaan: de dag wordt gevraagd (vandaag staat ingevuld, een eerdere mag); nogmaals: weer open",
                   screens: [.actions, .agreedActions]),
        KeyBinding(action: .markCancelled, keys: [.char("c")], hint: "vervallen",
                   help: "De gekozen actie laten vervallen: de dag wordt gevraagd (vandaag staat ingevuld, een eerdere mag); nogmaals: weer open",
                   screens: [.actions, .agreedActions]),
        KeyBinding(action: .remove, keys: [.char("d"), .delete], hint: "verwijder",
                   help: "De gekozen actie verwijderen, na bevestiging; een actie uit een overleg van vóór vandaag staat in het verslag en laat u vervallen",
                   screens: [.actions, .agreedActions]),
        KeyBinding(action: .switchSide, keys: [.tab, .backTab], hint: "tabblad",
                   help: "Wissel tussen netwerk en professionals", screens: [.people]),
        KeyBinding(action: .remove, keys: [.char("d"), .delete], hint: "verwijder",
                   help: "De gekozen persoon verwijderen, na bevestiging; niet zolang een actie, een overleg of een toestemming die persoon noemt",
                   screens: [.people]),
        KeyBinding(action: .openMeetings, keys: [.char("o")], hint: "overleg",
                   help: "Wrap-around overleg: voorbereiden, houden en afspraken vastleggen", screens: [.youth]),
        KeyBinding(action: .openAgenda, keys: [.char("o")], hint: "agenda",
                   help: "Agenda van de hele caseload: komende overleggen en afgesproken acties die eraan komen of te laat zijn",
                   screens: [.caseload]),
        KeyBinding(action: .open, keys: [.enter], hint: "open",
                   help: "Open het gekozen overleg of de gekozen toestemming", screens: [.meetings, .consents]),
        KeyBinding(action: .open, keys: [.enter], hint: "open dossier",
                   help: "Open het dossier van de jongere op de gekozen regel", screens: [.caseloadAgenda]),
        KeyBinding(action: .new, keys: [.char("n")], hint: "nieuw",
                   help: "Nieuw overleg, met een agenda opgesteld uit het veranderplan", screens: [.meetings]),
        KeyBinding(action: .edit, keys: [.enter], hint: "wijzig",
                   help: "Wijzig het gekozen veld of open de deelnemers, de agenda of de afspraken", screens: [.meeting]),
        KeyBinding(action: .exportMarkdown, keys: [.char("e")], hint: "export",
                   help: "Agenda (voor het overleg) of verslag (erna) als Markdown en als platte tekst in exports/",
                   screens: [.meeting]),
        KeyBinding(action: .openConsents, keys: [.char("t")], hint: "toestemming",
                   help: "Toestemming: met wie informatie gedeeld mag worden, wat, vanaf wanneer, en wanneer ingetrokken",
                   screens: [.meetings, .meeting, .participants]),
        KeyBinding(action: .invite, keys: [.char(" "), .char("x")], hint: "uitnodigen",
                   help: "De gekozen persoon uitnodigen of weer van de lijst halen", screens: [.participants]),
        KeyBinding(action: .attended, keys: [.char("a")], hint: "aanwezig",
                   help: "Aanwezig: ja, nee of nog onbekend (wisselt)", screens: [.participants]),
        KeyBinding(action: .openPeople, keys: [.char("m")], hint: "mensen",
                   help: "Iemand toevoegen aan het netwerk of de professionals, ook ter plekke", screens: [.participants]),
        KeyBinding(action: .edit, keys: [.enter], hint: "notities",
                   help: "Notities bij het gekozen agendapunt (Enter is een nieuwe regel; Tab bevestigt, Ctrl-S bewaart en u blijft schrijven)",
                   screens: [.agenda]),
        KeyBinding(action: .new, keys: [.char("n")], hint: "nieuw punt",
                   help: "Een eigen agendapunt toevoegen", screens: [.agenda]),
        KeyBinding(action: .moveItemUp, keys: [.char("+")], hint: "eerder",
                   help: "Het gekozen punt een plaats naar voren", screens: [.agenda]),
        KeyBinding(action: .moveItemDown, keys: [.char("-")], hint: "later",
                   help: "Het gekozen punt een plaats naar achteren", screens: [.agenda]),
        KeyBinding(action: .remove, keys: [.char("d"), .delete], hint: "verwijder",
                   help: "Het gekozen agendapunt verwijderen met zijn notities, na bevestiging", screens: [.agenda]),
        KeyBinding(action: .new, keys: [.char("n")], hint: "nieuw",
                   help: "Toestemming vastleggen: kies met wie, typ wat gedeeld mag worden", screens: [.consents]),
        KeyBinding(action: .withdraw, keys: [.char("w")], hint: "intrekken",
                   help: "De gekozen toestemming intrekken per vandaag (op een ingetrokken: weer geldig, na bevestiging)", screens: [.consents]),
        KeyBinding(action: .column, keys: [.left, .right], hint: nil,
                   help: "Vorige of volgende meting", screens: [.zrmHistory, .zrmComparison]),
        KeyBinding(action: .open, keys: [.enter], hint: "open",
                   help: "Open de gekozen meting om te scoren of te corrigeren", screens: [.zrmHistory]),
        KeyBinding(action: .new, keys: [.char("n")], hint: "nieuwe meting",
                   help: "Nieuwe meting van vandaag; begint met de scores van de vorige, zodat u alleen wijzigt wat veranderde",
                   screens: [.zrmHistory]),
        KeyBinding(action: .compare, keys: [.char("c")], hint: "vergelijk",
                   help: "Vergelijk de gekozen meting met de vorige (daar kiest u elke twee metingen)", screens: [.zrmHistory]),
        KeyBinding(action: .switchSide, keys: [.tab], hint: "wissel kant",
                   help: "Wissel tussen de meting links (van) en rechts (naar)", screens: [.zrmComparison]),
        KeyBinding(action: .quickContact, keys: [.char("g")], hint: "contact",
                   help: "Contact noteren in het journaal, vanaf elk scherm van de jongere: soort, datum, duur, wie, verslag, principes (Tab door het formulier)",
                   screens: ofYouth),
        KeyBinding(action: .openJournal, keys: [.char("l")], hint: "journaal",
                   help: "Contactjournaal: alle contacten, nieuwste bovenaan, te filteren op soort en werkzaam principe",
                   screens: [.youth, .review]),
        KeyBinding(action: .open, keys: [.enter], hint: "open",
                   help: "Open het gekozen contact om het te wijzigen", screens: [.journal]),
        KeyBinding(action: .new, keys: [.char("n")], hint: "nieuw",
                   help: "Nieuw contact noteren (zoals g): soort, datum, duur, wie, verslag, principes", screens: [.journal]),
        KeyBinding(action: .filter, keys: [.char("/")], hint: "filter",
                   help: "Alleen contacten van één soort of met één werkzaam principe tonen (of weer alle)", screens: [.journal]),
        KeyBinding(action: .remove, keys: [.char("d"), .delete], hint: "verwijder",
                   help: "Het gekozen contact verwijderen, na bevestiging", screens: [.journal]),
        KeyBinding(action: .open, keys: [.enter], hint: "open",
                   help: "Open de gekozen contactpoging om te wijzigen", screens: [.scoutAttempts]),
        KeyBinding(action: .new, keys: [.char("n")], hint: "nieuwe poging",
                   help: "Nieuwe contactpoging: hoe, met welke uitkomst, wie introduceerde", screens: [.scoutAttempts]),
        KeyBinding(action: .recordAgreement, keys: [.char("a")], hint: "akkoord",
                   help: "De jongere doet mee: het akkoord met zijn datum; dat sluit de scoutfase af op die dag", screens: [.scoutAttempts]),
        KeyBinding(action: .remove, keys: [.char("d"), .delete], hint: "verwijder",
                   help: "De gekozen contactpoging verwijderen, na bevestiging; het akkoord blijft staan", screens: [.scoutAttempts]),
        KeyBinding(action: .edit, keys: [.enter], hint: "wijzig",
                   help: "Wijzig de gekozen instelling; Enter bevestigt en slaat meteen op, Esc annuleert", screens: [.settings]),
        KeyBinding(action: .move, keys: [.up, .down, .char("k"), .char("j"), .home, .end], hint: nil,
                   help: "Door de pagina schuiven als die niet in het venster past (▲▼ in de kantlijn: er is meer; Home en End: begin en eind); onder het eind kiezen ↓ en ↑ de notitie of de volgende stap",
                   screens: [.review]),
        KeyBinding(action: .edit, keys: [.enter], hint: "schrijf",
                   help: "Schrijf de notitie (Enter is een nieuwe regel; Tab bevestigt en opent de volgende stap) of de volgende stap",
                   screens: [.review]),
        KeyBinding(action: .nextYouth, keys: [.right], hint: "besproken",
                   help: "Deze jongere is besproken: zo markeren en naar de volgende (alles is al opgeslagen)", screens: [.review]),
        KeyBinding(action: .browseYouth, keys: [.pageDown, .pageUp], hint: "bladeren",
                   help: "Bladeren: naar de volgende (PgDn) of de vorige (PgUp) jongere, zonder iets als besproken te markeren",
                   screens: [.review]),
        KeyBinding(action: .previousYouth, keys: [.left], hint: nil,
                   help: "Terug naar de vorige jongere (zonder iets te markeren)", screens: [.review]),
        KeyBinding(action: .newAction, keys: [.char("n")], hint: "actie",
                   help: "Nieuwe actie voor deze jongere: wat, wie, deadline", screens: [.review]),
        KeyBinding(action: .closeAction, keys: [.char("x")], hint: "afvinken",
                   help: "Een open actie van deze jongere afvinken als gedaan: kies uit de lijst, dan de dag (vandaag staat ingevuld)", screens: [.review]),
        KeyBinding(action: .openActions, keys: [.char("a")], hint: nil,
                   help: "Alle acties van deze jongere", screens: [.review]),
        KeyBinding(action: .openDossier, keys: [.char("o")], hint: "dossier",
                   help: "Het dossier van deze jongere openen (en elk scherm daarvandaan); q brengt u terug in de bespreking",
                   screens: [.review]),
        KeyBinding(action: .exportMarkdown, keys: [.char("e")], hint: "export",
                   help: "De samenvatting van de week als Markdown en als platte tekst in exports/", screens: [.review]),
        KeyBinding(action: .openWorkplaces, keys: [.char("w")], hint: "werkplekken",
                   help: "Werkplekken: bedrijven, scholen en andere plekken, met hun quick scan en hun plaatsingen", screens: [.caseload]),
        KeyBinding(action: .open, keys: [.enter], hint: "open",
                   help: "Open de gekozen werkplek: gegevens, quick scans en plaatsingen", screens: [.workplaces]),
        KeyBinding(action: .new, keys: [.char("n")], hint: "nieuw",
                   help: "Nieuwe werkplek: typ de naam, Enter maakt hem en opent hem", screens: [.workplaces]),
        KeyBinding(action: .filter, keys: [.char("/")], hint: "filter",
                   help: "Filter op naam, sector en soort plek terwijl u typt (hoofdletters en accenten tellen niet)", screens: [.workplaces]),
        KeyBinding(action: .edit, keys: [.enter], hint: "wijzig",
                   help: "Wijzig het gekozen veld; Enter bevestigt en slaat meteen op, Esc annuleert", screens: [.workplace, .placement]),
        KeyBinding(action: .openScans, keys: [.char("s")], hint: "scans",
                   help: "De quick scans van deze werkplek, nieuwste bovenaan; een nieuwe scan laat de eerdere staan", screens: [.workplace]),
        KeyBinding(action: .openHistory, keys: [.char("h")], hint: "plaatsingen",
                   help: "Alle plaatsingen bij deze werkplek: welke jongere, soort, van-tot, hoe het afliep", screens: [.workplace]),
        KeyBinding(action: .open, keys: [.enter], hint: "open",
                   help: "Open de gekozen scan", screens: [.workplaceScans]),
        KeyBinding(action: .new, keys: [.char("n")], hint: "nieuwe scan",
                   help: "Nieuwe quick scan van vandaag (een andere dag mag); de eerdere blijven staan", screens: [.workplaceScans]),
        KeyBinding(action: .remove, keys: [.char("d"), .delete], hint: "verwijder",
                   help: "De gekozen scan verwijderen, na bevestiging", screens: [.workplaceScans]),
        KeyBinding(action: .edit, keys: [.enter], hint: "wijzig",
                   help: "Wijzig de datum of schrijf een tekst van de scan (Tab bevestigt en opent de volgende, Ctrl-S bewaart en u blijft schrijven)",
                   screens: [.workplaceScan]),
        KeyBinding(action: .open, keys: [.enter], hint: "open dossier",
                   help: "Open het dossier van de jongere op de gekozen regel", screens: [.workplaceHistory]),
        KeyBinding(action: .openMatch, keys: [.char("k")], hint: "match",
                   help: "Match: de actieve werkplekken op volgorde van passendheid, met de redenen in woorden; u kiest",
                   screens: [.youth, .changePlan, .placements]),
        KeyBinding(action: .openPlacements, keys: [.char("w")], hint: "werk",
                   help: "Plaatsingen: werk, stage, opleiding of dagbesteding, met de plaatsingsafspraken", screens: [.youth]),
        KeyBinding(action: .openUserManual, keys: [.char("u")], hint: "aanwijzing",
                   help: "De gebruiksaanwijzing voor de werkgever: het verhaal, de ambitie, mogelijkheden en voorwaarden voor succes",
                   screens: [.youth, .placements, .placement]),
        KeyBinding(action: .openTalks, keys: [.char("c")], hint: "gesprekken",
                   help: "Voortgangsgesprekken op de werkplek met de tien basisvaardigheden", screens: [.youth, .placement]),
        KeyBinding(action: .move, keys: [.up, .down, .home, .end], hint: nil,
                   help: "Omhoog en omlaag door de werkplekken, naar de eerste of de laatste", screens: [.match]),
        KeyBinding(action: .scrollDetail, keys: [.pageDown, .pageUp], hint: "redenen",
                   help: "Verder lezen in de redenen van de gekozen werkplek als ze niet in het venster passen (PgUp: terug)",
                   screens: [.match], keyLabel: "PgDn PgUp"),
        KeyBinding(action: .placeHere, keys: [.enter], hint: "plaats hier",
                   help: "Een plaatsing maken bij de gekozen werkplek: soort en startdatum, daarna de afspraken", screens: [.match]),
        KeyBinding(action: .openWorkplace, keys: [.char("o")], hint: "werkplek",
                   help: "De gekozen werkplek bekijken: gegevens, scans en plaatsingen", screens: [.match]),
        KeyBinding(action: .open, keys: [.enter], hint: "open",
                   help: "Open de gekozen plaatsing met haar afspraken", screens: [.placements]),
        KeyBinding(action: .new, keys: [.char("n")], hint: "nieuw",
                   help: "Nieuwe plaatsing: kies de werkplek, de soort en de startdatum", screens: [.placements]),
        KeyBinding(action: .remove, keys: [.char("d"), .delete], hint: "verwijder",
                   help: "De gekozen plaatsing verwijderen, na bevestiging; niet zolang er voortgangsgesprekken bij horen", screens: [.placements]),
        KeyBinding(action: .exportHandout, keys: [.char("e")], hint: "handout",
                   help: "Handout voor de werkgever als Markdown in exports/: de gebruiksaanwijzing (alleen met toestemming) en de afspraken",
                   screens: [.placement]),
        KeyBinding(action: .exportLetter, keys: [.char("b")], hint: "brief",
                   help: "Een concept-aanbevelingsbrief uit de vaardigheden van het laatste gesprek, als Markdown in exports/, voor de werkgever om aan te passen",
                   screens: [.placement]),
        KeyBinding(action: .openSkillsGrid, keys: [.char("v")], hint: "vaardigheden",
                   help: "Het verloop van de tien basisvaardigheden: de eerste indruk uit de quick scan en elk gesprek, met ▲▼ waar een vaardigheid steeg of daalde",
                   screens: [.placement, .talks]),
        KeyBinding(action: .open, keys: [.enter], hint: "open",
                   help: "Open het gekozen gesprek", screens: [.talks]),
        KeyBinding(action: .new, keys: [.char("n")], hint: "nieuw",
                   help: "Nieuw voortgangsgesprek; begint met de scores van het vorige, zodat u alleen wijzigt wat veranderde", screens: [.talks]),
        KeyBinding(action: .remove, keys: [.char("d"), .delete], hint: "verwijder",
                   help: "Het gekozen gesprek verwijderen, na bevestiging", screens: [.talks]),
        KeyBinding(action: .column, keys: [.left, .right], hint: "gesprek",
                   help: "Het gesprek ervoor of erna (kolom); de dag, met wie en de notities staan onder het raster", screens: [.skillsGrid],
                   keyLabel: "← →"),
        KeyBinding(action: .move, keys: [.up, .down, .home, .end], hint: nil,
                   help: "Omhoog en omlaag door de vaardigheden als ze niet in het venster passen", screens: [.skillsGrid]),
        KeyBinding(action: .open, keys: [.enter], hint: "open",
                   help: "Open het gesprek van de gekozen kolom", screens: [.skillsGrid]),
        KeyBinding(action: .edit, keys: [.enter], hint: "schrijf",
                   help: "Schrijf de gebruiksaanwijzing (Enter is een nieuwe regel; Tab bevestigt, Ctrl-S bewaart en u blijft schrijven, Esc annuleert)",
                   screens: [.userManual]),
        KeyBinding(action: .closeCase, keys: [.char("x")], hint: "afsluiten",
                   help: "Het dossier afsluiten in één formulier: uitstroom, datum, afsluitnotitie, en wat er met open acties en lopende plaatsingen gebeurt",
                   screens: [.youth]),
        KeyBinding(action: .reopenCase, keys: [.char("h")], hint: "heropenen",
                   help: "Het afgesloten dossier heropenen met een reden en een datum; het gaat terug naar de fase waaruit het werd afgesloten",
                   screens: [.youth]),
        KeyBinding(action: .setBorgIntensity, keys: [.char("b")], hint: "borg",
                   help: "De borgingsintensiteit: intensief, licht of afgebouwd, met de dag (alleen in Borgen)", screens: [.youth]),
        KeyBinding(action: .openEscalations, keys: [.char("e")], hint: "escalatie",
                   help: "Escalaties naar het gemeentelijk of landelijk IPTA-overleg: de vraag, wat blokkeert, het antwoord",
                   screens: [.youth]),
        KeyBinding(action: .eraseCase, keys: [.char("D")], hint: nil,
                   help: "Het dossier wissen op verzoek van de jongere (AVG art. 17): na het intypen van de volledige naam verdwijnt elk spoor",
                   screens: [.youth]),
        KeyBinding(action: .openEscalations, keys: [.char("E")], hint: "escalaties",
                   help: "Alle open escalaties van de caseload, de oudste bovenaan", screens: [.caseload]),
        KeyBinding(action: .openRetention, keys: [.char("b")], hint: "bewaartermijn",
                   help: "Afgesloten dossiers waarvan de bewaartermijn voorbij is, om te wissen (alleen zolang die er zijn)", screens: [.caseload]),
        KeyBinding(action: .edit, keys: [.enter], hint: "wijzig",
                   help: "Wijzig het gekozen veld; bij de laatste regel: afsluiten of heropenen, na bevestiging", screens: [.closing, .reopening]),
        KeyBinding(action: .openReports, keys: [.char("R")], hint: "rapportage",
                   help: "Rapportage voor het actieonderzoek: fasen, ZRM per meting, vaardigheden, uitstroom; met de export voor de onderzoekers",
                   screens: [.caseload]),
        KeyBinding(action: .setPeriod, keys: [.char("p")], hint: "periode",
                   help: "De periode van de rapportage: van en tot en met (leeg: vanaf het begin, tot en met vandaag)", screens: [.reports]),
        KeyBinding(action: .toggleShared, keys: [.char("s")], hint: "zoals gedeeld",
                   help: "Toon de cijfers zoals anderen ze krijgen: alleen met toestemming voor onderzoek, kleine aantallen als \"< 5\" (nogmaals: uw eigen cijfers)",
                   screens: [.reports]),
        KeyBinding(action: .exportResearch, keys: [.char("x")], hint: "export onderzoek",
                   help: "Gepseudonimiseerde export voor de onderzoekers (CSV voor Excel) in exports/, alleen jongeren met toestemming voor onderzoek",
                   screens: [.reports]),
        KeyBinding(action: .exportCalendar, keys: [.char("i")], hint: "agenda-export",
                   help: "Overleggen, deadlines en metingen als agendabestand (iCalendar) in exports/, om in een agenda te importeren",
                   screens: [.caseloadAgenda]),
        KeyBinding(action: .open, keys: [.enter], hint: "open",
                   help: "Open de gekozen escalatie", screens: [.escalations]),
        KeyBinding(action: .new, keys: [.char("n")], hint: "nieuw",
                   help: "Nieuwe escalatie: het overleg, de vraag, wat blokkeert, de dag", screens: [.escalations]),
        KeyBinding(action: .remove, keys: [.char("d"), .delete], hint: "verwijder",
                   help: "De gekozen escalatie verwijderen, na bevestiging", screens: [.escalations]),
        KeyBinding(action: .open, keys: [.enter], hint: "open dossier",
                   help: "Open het dossier van de jongere op de gekozen regel", screens: [.caseloadEscalations, .retention]),
        KeyBinding(action: .eraseCase, keys: [.char("d"), .delete], hint: "wissen",
                   help: "Het gekozen dossier wissen: na het intypen van de volledige naam verdwijnt elk spoor; alleen dat er gewist is blijft, met datum",
                   screens: [.retention]),
        KeyBinding(action: .back, keys: [.escape, .char("q")], hint: "terug",
                   help: "Terug naar het vorige scherm", screens: belowCaseload + [.help]),
        KeyBinding(action: .back, keys: [.char("?"), .f1], hint: nil,
                   help: "De hulp sluiten", screens: [.help]),
        KeyBinding(action: .quit, keys: [.char("q")], hint: "stop",
                   help: "Stoppen; alles is al opgeslagen", screens: [.welcome, .caseload]),
        KeyBinding(action: .help, keys: [.char("?"), .f1], hint: "help",
                   help: "Deze hulp: alle toetsen van het scherm", screens: [.welcome, .caseload] + belowCaseload),
        KeyBinding(action: .redraw, keys: [.ctrl("l")], hint: nil,
                   help: "Scherm opnieuw tekenen (na storing op de verbinding)", screens: everywhere),
        KeyBinding(action: .forceQuit, keys: [.ctrl("c")], hint: nil,
                   help: "Meteen stoppen, ook midden in een wijziging; wat bevestigd is, is opgeslagen",
                   screens: everywhere),
    ]

    public static func bindings(for screen: ScreenKind) -> [KeyBinding] {
        all.filter { $0.screens.contains(screen) }
    }

    /// What `key` does on `screen`, if anything.
    public static func action(for key: Key, on screen: ScreenKind) -> Action? {
        all.first { $0.screens.contains(screen) && $0.keys.contains(key) }?.action
    }

    /// The hints for the bottom line of `screen`.
    public static func hints(for screen: ScreenKind) -> [Chrome.Hint] { hints(from: bindings(for: screen)) }

    /// The hints of a set of key rows: those with a hint, in order.
    static func hints(from bindings: [KeyBinding]) -> [Chrome.Hint] {
        bindings.compactMap { binding in
            binding.hint.map { Chrome.Hint(binding.keyLabel ?? binding.keys.first?.name ?? "", $0) }
        }
    }
}

/// The key tables of the components: what their hints show and their help lists. Each
/// component handles exactly these keys; `HintsAndHelpTests` checks that no other key does anything.
enum ComponentKeys {
    static let lineEditing = KeyBinding(.editText, [.left, .right, .home, .end, .backspace, .delete, .wordLeft, .wordRight,
                                                     .ctrl("a"), .ctrl("e"), .ctrl("b"), .ctrl("f"), .ctrl("d"), .ctrl("k"),
                                                     .ctrl("u"), .ctrl("w")],
                                        hint: nil, help: "Cursor en wissen: ← → Home End, Backspace Delete, Ctrl-U en Ctrl-K wissen voor en na de cursor",
                                        label: "← → Home End Backspace Delete Ctrl-U Ctrl-K")
    static let typing = KeyBinding(.type, [], hint: nil, help: "Typen en plakken: elke letter is tekst", label: "letters", acceptsText: true)

    /// The help of a confirmation in a one-shot form: nothing is on disk before its last row.
    static func held(_ act: String) -> String { "Bevestigen; bewaard wordt pas bij \(act), op de laatste regel" }

    /// A field of a form open for typing.
    static let field: [KeyBinding] = [
        KeyBinding(.confirm, [.enter], hint: "bevestig", help: "Bevestigen; het staat meteen op schijf"),
        KeyBinding(.cancel, [.escape], hint: "annuleer", help: "Annuleren; het veld blijft zoals het was"),
        KeyBinding(.confirmAndMove, [.tab, .backTab], hint: "bevestig en volgende",
                   help: "Bevestigen en het volgende (Shift-Tab: vorige) veld openen om te typen", label: "Tab"),
        typing, lineEditing,
    ]

    static let pickerMoves = KeyBinding(.move, [.up, .down, .char("k"), .char("j"), .pageUp, .pageDown, .home, .end], hint: nil,
                                        help: "Omhoog en omlaag, een pagina, naar begin of eind")
    /// A list to choose from; in a form, Tab chooses and opens the next field.
    static func picker(inForm: Bool) -> [KeyBinding] {
        [KeyBinding(.choose, [.enter], hint: "kies", help: "Kiezen; het staat meteen op schijf"),
         KeyBinding(.cancel, [.escape], hint: "annuleer", help: "Annuleren; er verandert niets"),
         pickerMoves]
            + (inForm ? [KeyBinding(.confirmAndMove, [.tab, .backTab], hint: nil, help: "Kiezen en het volgende (Shift-Tab: vorige) veld openen",
                                    label: "Tab")] : [])
    }

    /// A checklist: several can be ticked.
    static func checklist(inForm: Bool) -> [KeyBinding] {
        [KeyBinding(.toggle, [.char(" "), .char("x")], hint: "vink aan/uit", help: "Het gekozen item aan- of uitvinken", label: "Spatie"),
         KeyBinding(.choose, [.enter], hint: "klaar", help: "Klaar; de aangevinkte staan meteen op schijf"),
         KeyBinding(.cancel, [.escape], hint: "annuleer", help: "Annuleren; er verandert niets"),
         pickerMoves]
            + (inForm ? [KeyBinding(.confirmAndMove, [.tab, .backTab], hint: nil, help: "Klaar en het volgende (Shift-Tab: vorige) veld openen",
                                    label: "Tab")] : [])
    }

    /// A yes/no question.
    static func confirm(yes: String, no: String, enterMeansYes: Bool) -> [KeyBinding] {
        [KeyBinding(.yes, [.char("j"), .char("J")], hint: yes, help: "Ja: \(yes)", label: "j"),
         KeyBinding(.no, [.char("n"), .char("N"), .escape], hint: no, help: "Nee: \(no)", label: "n"),
         KeyBinding(enterMeansYes ? .yes : .no, [.enter], hint: enterMeansYes ? yes : no,
                    help: "Enter kiest wat de vraag als standaard noemt: \(enterMeansYes ? yes : no)")]
    }

    /// One line of text asked in a box.
    static func prompt(enterLabel: String) -> [KeyBinding] {
        [KeyBinding(.confirm, [.enter, .tab, .backTab], hint: enterLabel, help: "Bevestigen (ook Tab)", label: "Enter"),
         KeyBinding(.cancel, [.escape], hint: "annuleer", help: "Annuleren"),
         typing, lineEditing]
    }

    /// The multi-line text editor (a part of the plan, agenda notes).
    static func textEditor(tabLabel: String) -> [KeyBinding] {
        [KeyBinding(.confirmAndMove, [.tab, .backTab], hint: tabLabel, help: "Bevestigen en door (Shift-Tab: terug)", label: "Tab"),
         KeyBinding(.saveAndStay, [.ctrl("s")], hint: "bewaar, blijf", help: "Opslaan en verder schrijven op dezelfde plek"),
         KeyBinding(.cancel, [.escape], hint: "annuleer", help: "Annuleren; bij gewijzigde tekst vraagt het programma eerst"),
         KeyBinding(.undo, [.ctrl("z")], hint: "ongedaan", help: "Ongedaan maken: één woord of één keer plakken per keer"),
         KeyBinding(.type, [.enter], hint: nil, help: "Enter begint een nieuwe regel", label: "Enter", acceptsText: true),
         KeyBinding(.editText, [.left, .right, .up, .down, .home, .end, .pageUp, .pageDown, .wordLeft, .wordRight, .backspace, .delete,
                                .ctrl("a"), .ctrl("e"), .ctrl("b"), .ctrl("f"), .ctrl("d"), .ctrl("u"), .ctrl("w")],
                    hint: nil, help: "Cursor per teken, regel, pagina of woord (Ctrl-← →); Backspace, Delete, Ctrl-W (woord), Ctrl-U (regel) wissen",
                    label: "pijlen Home End PgUp PgDn Backspace Delete Ctrl-W Ctrl-U")]
    }

    /// Searching the caseload as you type.
    static let search = [
        KeyBinding(.open, [.enter], hint: "open", help: "Het dossier van de gekozen jongere openen"),
        KeyBinding(.move, [.up, .down, .pageUp, .pageDown], hint: "kies", help: "Een andere jongere uit de gevonden kiezen", label: "↑↓"),
        KeyBinding(.clearSearch, [.escape], hint: "wis zoekopdracht", help: "De zoekopdracht wissen"),
        typing, lineEditing,
    ]

    /// A message to read before going on.
    static let notice = [KeyBinding(.confirm, [.enter, .escape], hint: "verder", help: "Gelezen, verder", label: "Enter")]

    /// Text typed in an earlier session, offered back.
    static let draftOffer = [
        KeyBinding(.confirm, [.enter], hint: "openen", help: "Het concept openen om verder te schrijven"),
        KeyBinding(.remove, [.char("d")], hint: "weggooien", help: "Het concept weggooien"),
        KeyBinding(.cancel, [.escape], hint: "later", help: "Later; het concept blijft bewaard"),
    ]

    /// A draft this version cannot open (a newer version's field, a dossier not in the caseload):
    /// it is only kept, never opened nor thrown away here.
    static let draftKeptOnly = [
        KeyBinding(.cancel, [.escape, .enter], hint: "verder", help: "Verder; het concept blijft bewaard", label: "Esc"),
    ]

    /// Bladeren door eerdere versies van het plan.
    static let versions = [
        KeyBinding(.browseVersions, [.left, .right], hint: "andere versie", help: "Een eerdere of latere versie", label: "←→"),
        KeyBinding(.back, [.escape, .char("q"), .char("h")], hint: "terug naar het plan", help: "Terug naar het plan", label: "Esc"),
    ]
}
