import Caseload
import Foundation

/// One invented youth with a full record, as years of coaching leave it: about 100 journal
/// entries, four ZRM measurements with notes, a veranderplan with earlier versions, people and
/// consents, a wrap-around meeting with its agenda and minutes, actions, placements and progress
/// talks once the phase has them, borg steps and a closure for a closed case. Built through the
/// domain's own API, so the store's validation accepts every file.
struct FullRecord {
    let today: LocalDate
    let now: Date
    let workplaces: [Workplace]

    static let sentences = [
        "Gesproken over school en werk; hij wil graag iets met zijn handen doen.",
        "Samen naar het Jongerenloket geweest voor de inschrijving.",
        "Moeder gebeld: het gaat thuis rustiger sinds de nieuwe afspraken.",
        "Ze kwam te laat maar had wel haar huiswerk voor de sollicitatie gedaan.",
        "Schulden op een rij gezet met de budgetcoach; volgende week de brieven openen.",
        "Afspraak bij de huisarts gemaakt, zij gaat zelf bellen.",
        "Op straat bij de snackbar gezien, kort gepraat over voetbal en de stage.",
        "Geen gehoor, appje gestuurd met een nieuw voorstel voor donderdag.",
        "Werkgever is tevreden over het op tijd komen; tempo mag omhoog.",
        "Gesprek met de mentor van het ROC over een overstap naar niveau 2.",
        "CV bijgewerkt en twee vacatures in de logistiek bekeken.",
        "Hij vertelde over ruzie met zijn broer; afgesproken dat hij bij oom slaapt.",
        "Uitkering aangevraagd bij Werk en Inkomen, bewijsstukken verzameld.",
        "Ze is trots op haar eerste loonstrook en wil een spaarrekening openen.",
        "Rijbewijs blijft een wens; eerst de boete van het CJIB regelen.",
        "Met de wijkagent afgestemd over de overlast bij het winkelcentrum.",
        "Zoë en haar zus geholpen met de DigiD-aanvraag.",
        "Sollicitatiegesprek geoefend; hij kijkt de ander nu aan.",
        "Vader komt naar het netwerkoverleg, hij wil helpen met vervoer.",
        "Stagebegeleider meldt twee keer verzuim zonder bericht.",
        "Samen boodschappen gedaan en een weekmenu gemaakt.",
        "Hij slaapt slecht en gamet tot diep in de nacht; dagritme besproken.",
        "Afgesproken: elke maandag om negen uur bellen voor de planning.",
        "Brief van de gemeente over de toeslagen samen gelezen en beantwoord.",
        "Ze wil naar de kappersopleiding; open dag in maart genoteerd.",
        "Gesprek in de sportschool, daar voelt hij zich op zijn gemak.",
        "Reclassering gebeld over de taakstraf; uren bijna af.",
        "Zorgverzekering geregeld, de achterstand wordt in termijnen betaald.",
        "Ze heeft zelf de werkgever gebeld om te melden dat ze ziek was.",
        "Evaluatie van de afgelopen maand: meer rust, minder schulden, eerste stappen richting werk.",
    ]

    static let notes = [
        "heeft geen vaste woonplek, slaapt wisselend bij vrienden",
        "schulden bij de zorgverzekeraar en een telefoonabonnement",
        "contact met moeder is goed, met vader wisselend",
        "gaat naar de huisarts bij klachten, geen vaste behandeling",
        "weet de weg naar instanties nog niet goed te vinden",
        "heeft een startkwalificatie nodig voor het werk dat hij wil",
        "sport twee keer per week, dat geeft structuur",
        "drugsgebruik in het weekend, bespreekbaar",
        "vrienden uit de wijk, deels een slechte invloed",
        "geen justitiecontacten meer sinds vorig jaar",
    ]

    static let cities = ["Rotterdam", "Den Haag", "Utrecht", "Zaanstad", "Almere", "Tilburg", "Leeuwarden", "Enschede", "'s-Hertogenbosch", "Súdwest-Fryslân"]

    func text(_ random: inout SplitMix, sentences count: ClosedRange<Int>) -> String {
        (0..<random.int(count)).map { _ in random.pick(Self.sentences) }.joined(separator: " ")
    }

    /// The youth number `index`: most cases closed (years of a municipality's caseload), the rest
    /// spread over the phases, each with what its phase has.
    func youth(_ index: Int) throws -> Youth {
        var random = SplitMix(seed: UInt64(index))
        var youth = try Youth(name: DutchNames.name(&random), now: now, today: today)
        youth.municipality = random.pick(Self.cities)
        youth.phone = "06 \(random.int(1000...9999)) \(random.int(1000...9999))"
        youth.foundAt = random.pick(Channel.allCases)
        youth.foundAtDetail = random.pick(["Buurthuis De Schakel", "Jongerenloket Centrum", "Sportpark Noord", "ROC Mondriaan", "Barbershop Fresh Cuts"])
        youth.referredBy = random.pick(["wijkagent", "jongerenwerker", "leerplichtambtenaar", "mentor", "moeder"])

        let closed = random.chance(0.8)
        let phases: [Phase]
        if closed {
            // Most closed cases went the whole way, some stopped earlier.
            phases = Array(Phase.allCases.prefix(random.chance(0.7) ? 5 : random.int(1...4))) + [.closed]
        } else {
            phases = Array(Phase.allCases.prefix(random.int(1...5)))
        }
        // Closed cases started up to eight years ago; open ones within two years.
        let started = closed ? random.int(300...2_900) : random.int(phases.count * 30...max(phases.count * 30, 700))
        let ended = closed ? random.int(0...started - 250) : 0
        let span = started - ended
        let step = span / phases.count
        youth.dateOfBirth = today.adding(days: -(started - ended) - random.int(16 * 365...26 * 365))
        youth.phaseHistory = phases.enumerated().map { position, phase in
            PhaseChange(from: position == 0 ? nil : phases[position - 1], to: phase,
                        date: today.adding(days: -(started - position * step)))
        }
        youth.phase = phases.last!
        youth.created = now.addingTimeInterval(-Double(started) * 86_400).wholeSeconds
        func day(_ fraction: Double) -> LocalDate { today.adding(days: -(started - Int(Double(span) * fraction))) }

        for attempt in 0..<random.int(2...4) {
            var scout = ScoutAttempt(date: day(0.01 * Double(attempt)), channel: random.pick(AttemptChannel.allCases),
                                     outcome: attempt == 0 ? .notReached : random.pick(AttemptOutcome.allCases))
            scout.note = random.pick(Self.sentences)
            youth.save(scout)
        }
        // About 100 contacts for a case that went the whole way, fewer for one that stopped early;
        // a handful for one still being scouted.
        let reached = phases.filter { $0 != .closed }.count
        let contacts = reached > 1 ? random.int(reached * 20 - 10...reached * 20 + 10) : random.int(3...10)
        for contact in 0..<contacts {
            var entry = JournalEntry(date: day(Double(contact) / Double(contacts)), kind: random.pick(ContactKind.allCases))
            entry.minutes = random.pick([15, 30, 45, 60, 90])
            entry.present = random.chance(0.2) ? "moeder" : ""
            entry.text = text(&random, sentences: random.chance(0.2) ? 2...2 : 1...1)
            entry.principles = random.chance(0.5) ? [random.pick(WorkingPrinciple.allCases)] : []
            youth.save(entry)
        }
        guard phases.count > 1 else { return youth }

        try addQuickScan(to: &youth, day: day, random: &random)
        guard phases.count > 2 else { return youth }
        try addPlanAndMeeting(to: &youth, day: day, random: &random)
        guard phases.count > 3, phases[3] == .coaching else { return youth }
        try addWork(to: &youth, day: day, closed: closed, random: &random)
        if phases.contains(.borg) {
            youth.borgSteps = [BorgStep(.intensive, on: day(0.8)), BorgStep(.light, on: day(0.9))]
        }
        if closed, let change = youth.phaseHistory.last, let from = change.from {
            youth.closures = [Closure(date: change.date, from: from, outcome: random.pick(Outcome.allCases),
                                      note: text(&random, sentences: 1...3), actions: .closedWithCase, placements: .ended)]
        }
        return youth
    }

    private func addQuickScan(to youth: inout Youth, day: (Double) -> LocalDate, random: inout SplitMix) throws {
        youth.quickScan[.motivation] = text(&random, sentences: 1...2)
        youth.quickScan[.wishes] = "werken in de " + random.pick(["techniek", "zorg", "logistiek", "horeca", "bouw", "detailhandel"])
        youth.quickScan[.talents] = "handig, sociaal, " + random.pick(["sportief", "muzikaal", "creatief", "goed met kinderen"])
        youth.quickScan[.network] = random.pick(Self.notes)
        youth.quickScan.suspectedIntellectualDisability = random.pick([.yes, .no, .unknown])
        for skill in Catalog.basicSkills { youth.quickScan.basicSkills[skill.code] = random.pick([.attention, .sufficient, .strong]) }
        // Four ZRM measurements with a note per life domain, from the start to near the end.
        for (position, moment) in [MeasurementMoment.zero, .one, .two, .three].enumerated() {
            let date = day(0.15 + 0.2 * Double(position))
            var measurement = ZRMMeasurement(date: date, moment: moment, scoredBy: "Coach", recordedOn: date)
            for domain in Catalog.lifeDomains {
                try measurement.setScore(random.int(1...5), for: domain.code, today: date)
                // A note where the score asks for one.
                if measurement.scores[domain.code]?.score ?? 5 <= 3 {
                    try measurement.setNote(random.pick(Self.notes), for: domain.code, today: date)
                }
            }
            youth.measurements.append(measurement)
        }
        youth.agreedOn = day(0.2)
    }

    private func addPlanAndMeeting(to youth: inout Youth, day: (Double) -> LocalDate, random: inout SplitMix) throws {
        for part in ChangePlan.Part.allCases { youth.changePlan[part] = text(&random, sentences: 1...2) }
        youth.changePlan.strategy = random.pick([.facilitate, .teach, .takeOverAndStructure, .coCreate])
        youth.changePlan.changed = now.addingTimeInterval(-Double(day(0.6).days(until: today)) * 86_400).wholeSeconds
        youth.changePlanVersions = (1...2).map { version in
            var earlier = youth.changePlan
            earlier.goal = text(&random, sentences: 1...1)
            earlier.changed = youth.changePlan.changed?.addingTimeInterval(-Double(version) * 30 * 86_400)
            return earlier
        }
        var mother = try Person(kind: .network, name: "\(random.pick(DutchNames.firstNames)) (moeder)")
        mother.relation = "moeder"
        mother.role = "steun thuis"
        mother.contact = "06 \(random.int(1000...9999)) \(random.int(1000...9999))"
        mother.contributes = "helpt met post en afspraken"
        var uncle = try Person(kind: .network, name: "oom \(random.pick(DutchNames.firstNames))")
        uncle.relation = "oom"
        uncle.contributes = "vervoer naar werk"
        var professional = try Person(kind: .professional, name: DutchNames.name(&random))
        professional.relation = random.pick(["schuldhulpverlener", "mentor ROC", "reclasseringswerker", "jongerenwerker"])
        professional.contact = "werk@voorbeeld.nl"
        for person in [mother, uncle, professional] { youth.save(person) }
        youth.save(try Consent(personID: mother.id, what: "delen van de voortgang", from: day(0.3)))
        youth.save(try Consent(personID: professional.id, what: "schulden en betalingsregelingen", from: day(0.3)))
        youth.save(Consent.research(from: day(0.25)))

        var meeting = WrapAroundMeeting(date: day(0.35), chair: "Coach")
        meeting.time = "15:00"
        meeting.place = random.pick(["Buurthuis De Schakel", "bij de jongere thuis", "gemeentehuis"])
        meeting.participants = [Participant(personID: mother.id, attended: true), Participant(personID: uncle.id, attended: random.chance(0.7)),
                                Participant(personID: professional.id, attended: true)]
        meeting.agreements.goals = text(&random, sentences: 1...2)
        meeting.agreements.informing = "de coach stuurt het verslag binnen een week rond"
        meeting.agreements.dissolvingConditions = "als de jongere drie maanden werk heeft"
        meeting.agreements.roles[mother.id] = "steun thuis"
        let owners: [ActionOwner] = [.youth, .coach, .person(mother.id), .person(professional.id)]
        for number in 0..<random.int(3...6) {
            var action = try CaseAction(what: random.pick(["CV afmaken", "DigiD aanvragen", "bellen met de budgetcoach", "open dag bezoeken", "zorgverzekering regelen", "sollicitatiebrief schrijven"]),
                                        owner: owners[number % owners.count], due: day(0.4 + 0.05 * Double(number)),
                                        created: day(0.35), meetingID: number < 2 ? meeting.id : nil)
            if random.chance(0.7) { action.setStatus(.done, on: day(0.45 + 0.05 * Double(number))) }
            youth.save(action)
        }
        meeting.agenda = WrapAroundMeeting.draftAgenda(plan: youth.changePlan, actions: youth.actions, ownerName: youth.ownerName)
        for item in meeting.agenda.indices { meeting.agenda[item].notes = text(&random, sentences: 1...2) }
        youth.save(meeting)
    }

    private func addWork(to youth: inout Youth, day: (Double) -> LocalDate, closed: Bool, random: inout SplitMix) throws {
        var placement = Placement(workplace: random.pick(workplaces), kind: random.pick([.job, .workExperience, .internship, .learnAndWork]), start: day(0.5))
        placement.plannedEnd = day(0.95)
        placement.status = closed ? .ended : .running
        if closed {
            placement.end = day(0.95)
            placement.ending = .completed
        }
        for text in PlacementAgreement.texts { placement.agreement[keyPath: text.path] = random.pick(Self.notes) }
        placement.agreement.compensation = .wageSubsidy
        try youth.save(placement, now: now)
        for talk in 0..<random.int(2...3) {
            var progress = ProgressTalk(date: day(0.55 + 0.1 * Double(talk)), placementID: placement.id)
            progress.withWhom = "leidinggevende"
            progress.notes = text(&random, sentences: 1...2)
            for skill in Catalog.basicSkills { progress.scores[skill.code] = random.pick([.notYet, .sometimes, .mostly, .always]) }
            youth.progressTalks.append(progress)
        }
        youth.userManual = text(&random, sentences: 2...3)
    }
}
