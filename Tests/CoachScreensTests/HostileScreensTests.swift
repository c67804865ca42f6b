@testable import Caseload
@testable import CoachScreens
import Foundation
import TerminalKit
import XCTest

/// Every screen drawn at the smallest, the usual and a large size with data made to break it, and
/// a monkey that types random keys at all of them: nothing may crash, no raw control character
/// may reach the canvas, and the data directory must still load afterwards.
final class HostileScreensTests: XCTestCase {
    static let sizes = [(60, 16), (80, 24), (200, 60)]
    /// Control and bidi characters, a wide character and a combining mark, in one name.
    static let hostileName = "Aïcha \u{1B}]0;PWNED\u{07}\u{202E}Çelik\u{0}漢\u{9B}2J"

    /// Texts of 5,000 characters for drawing, one-line texts at their limit; the monkey types into
    /// shorter ones to keep its pace.
    nonisolated(unsafe) static var textLength = 5_000

    /// A one-line text as long as one may be (or `textLength`, when shorter).
    static func long(_ seed: String) -> String { text(seed, length: min(textLength, TextLimits.line)) }

    /// A text over several lines.
    static func page(_ seed: String) -> String { text(seed, length: textLength) }

    private static func text(_ seed: String, length: Int) -> String {
        String(repeating: seed + " \u{1B}[31mrood\u{202E} ", count: length / (seed.count + 12) + 1).prefix(length).description
    }

    /// A youth with every field filled: 30 people (all invited to one meeting), 40 actions, texts of
    /// 5,000 characters, six measurements with every domain scored, consents, two meetings.
    static func hostileYouth(today: LocalDate, now: Date) throws -> Youth {
        var youth = try Youth(name: "placeholder", now: now, today: today)
        youth.name = hostileName
        youth.dateOfBirth = today.adding(years: -40)
        youth.municipality = long("Gemeente")
        youth.phone = "06 \u{1B}[2J 1234"
        youth.foundAt = .other
        youth.foundAtDetail = long("Vindplaats")
        youth.referredBy = long("Verwijzer")
        for phase in [Phase.quickScan, .matchAndWrapAround, .coaching] { youth.move(to: phase, on: today, now: now) }
        for index in 0..<30 {
            var person = try Person(kind: index < 20 ? .network : .professional, name: "Persoon")
            person.name = "Persoon \(index) \u{202E}" + long("naam").prefix(60)
            person.relation = long("relatie")
            person.role = long("rol")
            person.contact = long("contact")
            person.contributes = long("bijdrage")
            youth.save(person)
        }
        for index in 0..<6 {
            var measurement = ZRMMeasurement(date: today.adding(days: -30 * index), moment: MeasurementMoment.allCases[index % 5],
                                             scoredBy: long("Scorer"), recordedOn: today.adding(days: -30 * index))
            for (d, domain) in Catalog.lifeDomains.enumerated() {
                measurement.scores[domain.code] = DomainScore(score: 1 + (d + index) % 5, note: long("Toelichting"))
            }
            youth.measurements.append(measurement)
        }
        youth.quickScan.motivation = page("Motivatie")
        youth.quickScan.wishes = page("Wensen")
        youth.quickScan.talents = page("Talenten")
        youth.quickScan.network = page("Netwerk")
        youth.quickScan.fileInformation = page("Dossier")
        for domain in Catalog.lifeDomains { youth.quickScan.situation[domain.code] = page("Situatie") }
        for (index, skill) in Catalog.basicSkills.enumerated() { youth.quickScan.basicSkills[skill.code] = SkillImpression.allCases[index % 3] }
        youth.quickScan.bsa.used = true
        youth.quickScan.bsa.date = today
        youth.quickScan.bsa.outcome = page("BSA")
        youth.updatePlan(now: now, today: today, timeZone: testZone) { plan in
            for part in ChangePlan.Part.allCases { plan[part] = page(part.rawValue) + "\n\n" + page("alinea") }
            plan.strategy = .coCreate
        }
        youth.changePlanVersions = [youth.changePlan, youth.changePlan]
        var meeting = WrapAroundMeeting(date: today.adding(days: 3), chair: long("Voorzitter"))
        meeting.time = "09:30"
        meeting.place = long("Plaats")
        meeting.participants = youth.people.enumerated().map { Participant(personID: $1.id, attended: [true, false, nil][$0 % 3]) }
        for index in 0..<40 {
            let owner: ActionOwner = index % 3 == 0 ? .youth : index % 3 == 1 ? .coach : .person(youth.people[index % 30].id)
            var action = try CaseAction(what: "Actie", owner: owner, due: today.adding(days: index - 20),
                                        created: today, meetingID: index % 2 == 0 ? meeting.id : nil)
            action.what = String(("Actie \(index) " + long("wat")).prefix(TextLimits.line))
            if index % 7 == 0 { action.setStatus(.done, on: today) }
            if index % 11 == 0 { action.setStatus(.cancelled, on: today) }
            youth.save(action)
        }
        meeting.agenda = WrapAroundMeeting.draftAgenda(plan: youth.changePlan, actions: youth.actions, ownerName: youth.ownerName)
        for index in meeting.agenda.indices { meeting.agenda[index].notes = page("Notitie") }
        meeting.agreements.goals = long("Doelen")
        meeting.agreements.informing = long("Informeren")
        meeting.agreements.dissolvingConditions = long("Ontbindend")
        meeting.agreements.nextMeeting = today.adding(days: 40)
        for person in youth.people { meeting.agreements.roles[person.id] = long("Rol") }
        youth.save(meeting)
        youth.save(WrapAroundMeeting(date: today.adding(days: -200)))
        for (index, person) in youth.people.enumerated() where index % 2 == 0 {
            var consent = try Consent(personID: person.id, what: "Wat", from: today.adding(days: -10))
            consent.what = long("Wat")
            if index % 4 == 0 { consent.withdrawn = today }
            if index % 6 == 0 { consent.until = today.adding(days: 10) }
            youth.save(consent)
        }
        youth.save(Consent.research(from: today.adding(days: -10)))
        for index in 0..<25 {
            var entry = JournalEntry(date: today.adding(days: -index), kind: ContactKind.allCases[index % ContactKind.allCases.count])
            entry.minutes = 1 + index * 50
            entry.present = long("Aanwezig")
            entry.text = page("Verslag") + "\n" + page("regel")
            entry.principles = Array(WorkingPrinciple.allCases.prefix(index % 7))
            youth.save(entry)
            var attempt = ScoutAttempt(date: today.adding(days: -index), channel: AttemptChannel.allCases[index % 6],
                                       outcome: AttemptOutcome.allCases[index % 4])
            attempt.introducedBy = long("Introductie")
            attempt.note = long("Notitie")
            youth.save(attempt)
        }
        youth.agreedOn = today
        // A placement at a workplace that is not in the caseload, every agreement at its limit, the
        // user manual, and twelve progress talks with every skill scored, long partners and notes (issue 17).
        var placement = Placement(workplace: try Workplace(name: "Werkplek", now: now), kind: .job, start: today.adding(days: -400))
        placement.workplaceName = long("Werkplek")
        placement.status = .running
        for text in PlacementAgreement.texts { placement.agreement[keyPath: text.path] = long(text.label) }
        youth.placements.append(placement)
        youth.userManual = page("Gebruiksaanwijzing")
        for index in 0..<12 {
            var talk = ProgressTalk(date: today.adding(days: -30 * index), placementID: placement.id)
            talk.withWhom = long("Met wie")
            talk.notes = page("Gesprek")
            for (s, skill) in Catalog.basicSkills.enumerated() { talk.scores[skill.code] = SkillLevel.allCases[(s + index) % 4] }
            youth.progressTalks.append(talk)
        }
        // Escalations, open and answered, with every text at its limit (issue 18).
        for index in 0..<8 {
            var escalation = Escalation(level: EscalationLevel.allCases[index % 2], question: long("Vraag"), block: EscalationBlock.allCases[index % 3],
                                        blockDetail: long("Blokkade"), raisedOn: today.adding(days: -20 * index))
            if index % 3 == 0 { (escalation.answer, escalation.answeredOn) = (long("Antwoord"), today) }
            youth.escalations.append(escalation)
        }
        return youth
    }

    private func hostileHarness() throws -> Harness {
        try Harness(self, youths: ["Bram", String(repeating: "Zeynep van der Langenaam ", count: 12)]) { store in
            try store.save(try Self.hostileYouth(today: LocalDate(Harness.now, timeZone: testZone), now: Harness.now))
            try Self.addHostileWorkplace(to: store, today: LocalDate(Harness.now, timeZone: testZone), now: Harness.now)
            try store.save(try Self.closedPastTerm(today: LocalDate(Harness.now, timeZone: testZone), now: Harness.now))
        }
    }

    /// A case closed three years ago (past the retention term) with a hostile name and a long
    /// outcome: closed cases are hidden on the caseload, so the walks below are not moved.
    static func closedPastTerm(today: LocalDate, now: Date) throws -> Youth {
        var youth = try Youth(name: "placeholder", now: now, today: today.adding(years: -4))
        youth.name = String((hostileName + long(" Afgesloten")).prefix(300))
        try youth.close(ClosingInput(outcome: .other, outcomeDetail: String(long("Uitstroom").filter { !$0.isASCII || $0.isLetter || $0 == " " }),
                                     date: today.adding(years: -3)), today: today.adding(years: -3), now: now)
        return youth
    }

    /// The ways into every screen from the caseload list (the hostile youth is first).
    static let walks: [[Key]] = {
        let meeting: [Key] = [.enter, .char("o"), .end, .enter]
        let scout: [Key] = [.enter, .end, .up, .enter]
        func down(_ n: Int) -> [Key] { Array(repeating: .down, count: n) }
        return [
            [.char("r")], [.char("r"), .enter], [.char("r"), .right, .right, .down, .enter], [.char("r"), .char("x")],
            [.char("i")], [.char("i"), .down, .enter],
            [.enter, .char("l")], [.enter, .char("l"), .char("/")], [.enter, .char("l"), .enter], [.enter, .char("l"), .enter, .end, .enter],
            [.enter, .char("g")], scout, scout + [.char("a")], scout + [.enter], scout + [.char("n")],
            [], [.char("o")], [.char("?")], [.char("n")], [.char("/")], [.end],
            [.enter], [.enter, .char("v")], [.enter, .end], [.enter, .char("?")], [.enter, .char("f")],
            [.enter, .char("z")], [.enter, .char("z"), .enter], [.enter, .char("z"), .enter, .end], [.enter, .char("z"), .char("c")],
            [.enter, .char("s")], [.enter, .char("s"), .end], [.enter, .char("s"), .enter],
            [.enter, .char("p")], [.enter, .char("p"), .enter], [.enter, .char("p"), .char("h")], [.enter, .char("p"), .end, .enter],
            [.enter, .char("a")], [.enter, .char("a"), .enter], [.enter, .char("a"), .end], [.enter, .char("a"), .char("n")],
            [.enter, .char("m")], [.enter, .char("m"), .enter], [.enter, .char("m"), .tab, .end, .enter], [.enter, .char("m"), .char("d")],
            [.enter, .char("o")], meeting, meeting + [.end], meeting + [.char("t")], meeting + [.char("t"), .enter],
            meeting + down(4) + [.enter], meeting + down(4) + [.enter, .end],
            meeting + down(5) + [.enter], meeting + down(5) + [.enter, .end, .enter], meeting + down(5) + [.enter, .char("d")],
            meeting + down(6) + [.enter], meeting + down(6) + [.enter, .end, .enter],
            meeting + down(6) + [.enter, .down, .enter], meeting + down(6) + [.enter, .down, .enter, .char("b")],
            [.char("o"), .enter],
            [.enter, .char("c")], [.enter, .char("c"), .enter], [.enter, .char("c"), .enter, .end], [.enter, .char("c"), .char("v")],
            [.enter, .char("c"), .char("v"), .end, .left],
            [.enter, .char("w")], [.enter, .char("w"), .enter], [.enter, .char("w"), .enter, .end], [.enter, .char("w"), .char("n")],
            [.enter, .char("u")], [.enter, .char("u"), .enter], [.enter, .char("u"), .end],
            [.enter, .char("k")], [.enter, .char("p"), .char("k")],
            [.char("w")], [.char("w"), .char("/")], [.char("w"), .char("n")], [.char("w"), .enter], [.char("w"), .enter, .end],
            [.char("w"), .enter, .char("s")], [.char("w"), .enter, .char("s"), .enter], [.char("w"), .enter, .char("s"), .enter, .end, .enter],
            [.char("w"), .enter, .char("h")], [.char("w"), .enter, .char("h"), .end],
            [.enter, .char("e")], [.enter, .char("e"), .end], [.enter, .char("e"), .enter], [.enter, .char("e"), .char("n")],
            [.enter, .char("e"), .char("d")], [.char("E")], [.char("E"), .end], [.char("E"), .enter],
            // Retention and erasure (issue 18): the list, the name prompt with a long name typed, D on the youth.
            [.char("b")], [.char("b"), .end, .char("d")], [.char("b"), .char("d")] + Array(repeating: .char("W"), count: 300), [.enter, .char("D")],
            [.enter, .char("x")], [.enter, .char("x"), .end], [.enter, .char("x"), .down, .down, .down, .enter],
            // Closes the hostile youth (hidden from the list after it) and opens the reopening form.
            [.enter, .char("x"), .enter, .home, .enter, .end, .enter, .char("j"), .char("h")],
            // Reports (issue 19): own and shared, the period asked, the export's message, the end.
            [.char("R")], [.char("R"), .end], [.char("R"), .char("s")], [.char("R"), .char("p")], [.char("R"), .char("p"), .enter],
            [.char("R"), .char("x")],
            // Last: the scout view stays on, and hides the hostile youth from the walks after it.
            [.char("s")],
        ]
    }()

    func testEveryScreenDrawsAtEverySizeWithHostileData() throws {
        var seen = Set<ScreenKind>()
        let harness = try hostileHarness()
        for walk in Self.walks {
            // Back to the caseload list first (Esc also closes dialogs and ends a search).
            for _ in 0..<12 where !(harness.app.stack.count == 1 && harness.app.top.kind == .caseload && !harness.app.top.capturesKeys && harness.app.popups.isEmpty) {
                harness.press(.escape)
            }
            harness.press(.home)
            for key in walk { harness.press(key) }
            seen.insert(harness.app.top.kind)
            for (width, height) in Self.sizes {
                harness.width = width
                harness.height = height
                assertSafe(harness.canvas, "\(walk.map(\.name)) at \(width)x\(height)")
            }
        }
        let welcome = try Harness(self)
        for (width, height) in Self.sizes {
            welcome.width = width
            welcome.height = height
            assertSafe(welcome.canvas, "welcome at \(width)x\(height)")
        }
        seen.insert(welcome.app.top.kind)
        // The quarantine list is drawn with hostile names by QuarantineScreenTests.
        XCTAssertEqual(Set(ScreenKind.allCases).subtracting(seen).subtracting([.quarantine]), [], "every kind of screen is drawn")
    }

    /// The shared check every screen gets for free: at 60x16 and 80x24, with long names and long
    /// texts, no text loses characters at an edge without ending in "…" (or wrapping).
    func testNothingOnAnyScreenIsCutWithoutAnEllipsis() throws {
        let harness = try hostileHarness()
        var cuts: [String] = []
        for walk in Self.walks {
            for _ in 0..<12 where !(harness.app.stack.count == 1 && harness.app.top.kind == .caseload && !harness.app.top.capturesKeys && harness.app.popups.isEmpty) {
                harness.press(.escape)
            }
            harness.press(.home)
            for key in walk { harness.press(key) }
            for (width, height) in Self.sizes.prefix(2) {
                harness.width = width
                harness.height = height
                cuts += harness.canvas.silentCuts.map { "\(walk.map(\.name)) at \(width)x\(height): \($0.prefix(70))" }
            }
        }
        XCTAssertEqual(cuts, [], cuts.joined(separator: "\n"))
    }

    func testTheHostileNameIsShownEscapedInTheListAndOnTheYouthScreen() throws {
        let harness = try hostileHarness()
        harness.width = 120
        let list = harness.screen
        XCTAssertTrue(list.contains("Aïcha \\x1B]0;PWNED\\x07\\u{202E}"), list)
        harness.press(.enter)
        XCTAssertTrue(harness.screen.contains("Aïcha \\x1B]0;PWNED\\x07\\u{202E}Çelik\\x00漢\\x9B2J"), harness.screen)
    }

    func testAMonkeyCannotCrashAnyScreen() throws {
        // The suite's run; RODELOPER_MONKEY_KEYS=100000 is the long one (docs/decisions.md).
        let keys = Int(ProcessInfo.processInfo.environment["RODELOPER_MONKEY_KEYS"] ?? "") ?? 10_000
        var random = SplitMix64(seed: 20_261_201)
        Self.textLength = 400
        defer { Self.textLength = 5_000 }
        var harness = try hostileHarness()
        let alphabet: [Key] = "abcdefghijklmnopqrstuvwxyz0123456789 /+-?.:ABCZé".map { Key.char($0) } + [
            .enter, .enter, .enter, .escape, .escape, .tab, .backTab, .backspace, .delete, .insert,
            .up, .down, .down, .left, .right, .home, .end, .pageUp, .pageDown, .wordLeft, .wordRight, .f1,
            .paste("geplakt\nmet regels\u{1B}[2J"), .ctrl("z"), .ctrl("s"), .ctrl("l"), .ctrl("a"), .ctrl("e"), .ctrl("k"),
            .ctrl("u"), .ctrl("w"), .resize, .unknown, .char("q"), .char("q"), .ctrl("c"),
        ]
        let sizes = Self.sizes + [(40, 10), (61, 17)]
        var size = sizes[1]
        for index in 0..<keys {
            if index % 400 == 0 { size = sizes[Int(random.next() % UInt64(sizes.count))] }
            let key = alphabet[Int(random.next() % UInt64(alphabet.count))]
            harness.press(key)
            if harness.app.finished {
                // Quit or Ctrl-C: start again on the same directory, as a coach would.
                harness = try Harness(reopening: harness)
                continue
            }
            harness.width = size.0
            harness.height = size.1
            var canvas = Canvas(width: size.0, height: size.1)
            harness.app.render(into: &canvas)
            if index % 1_000 == 0 { assertSafe(canvas, "after key \(index)") }
        }
        harness.app.session.store.saveIndex()
        let reopened = try CaseloadStore(directory: harness.directory, mode: .readOnly)
        XCTAssertEqual(reopened.notices, [], "the data directory loads afterwards")
        XCTAssertEqual(reopened.allYouths().count, reopened.count)
        XCTAssertEqual(reopened.notices, [])
    }

    /// No raw control character in any cell of the canvas.
    private func assertSafe(_ canvas: Canvas, _ context: String, file: StaticString = #filePath, line: UInt = #line) {
        for row in 0..<canvas.height {
            for col in 0..<canvas.width {
                let cell = canvas[row, col]
                if cell.text.unicodeScalars.contains(where: Glyphs.needsEscape) {
                    return XCTFail("raw control character at \(row),\(col) in \(context)", file: file, line: line)
                }
            }
        }
    }
}

/// The seeded generator, so a monkey run can be repeated exactly.
typealias SplitMix64 = SeededGenerator
