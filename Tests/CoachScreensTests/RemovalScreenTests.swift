@testable import Caseload
@testable import CoachScreens
import Foundation
import TerminalKit
import XCTest

/// Removing what was made by mistake, on every screen that lists it (issue 16): `d` (or Delete)
/// asks, naming what goes; `n` keeps it, `j` removes it and saves at once; the hint line names the
/// key only while something can be removed. And the day an action was done or cancelled.
final class RemovalScreenTests: XCTestCase {
    static let sizes = [(width: 80, height: 24), (width: 60, height: 16), (width: 200, height: 60)]
    static func typed(_ text: String) -> [Key] { text.map { Key.char($0) } }
    static let jesse: [Key] = [.char("/")] + typed("jesse") + [.enter]
    static let fenna: [Key] = [.char("/")] + typed("fenna") + [.enter]

    /// The screen's text as one line: wrapped messages and dialogs read as they were written.
    private func flat(_ harness: Harness) -> String {
        harness.screen.replacingOccurrences(of: "│", with: " ").split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    private func stored(_ harness: Harness, _ name: String) throws -> Youth {
        try harness.store.youth(id: try XCTUnwrap(harness.store.summaries.first { $0.name == name }).id)
    }

    private func demo(_ size: (width: Int, height: Int), _ keys: [Key]) throws -> Harness {
        let harness = try Harness(self, demo: true)
        harness.width = size.width
        harness.height = size.height
        harness.press(keys)
        return harness
    }

    /// On the demo at each size: the hint names d, d asks `question`, n keeps, d j removes and saves.
    private func checkRemoval(_ keys: [Key], of youth: String, question: String, count: (Youth) -> Int,
                              file: StaticString = #filePath, line: UInt = #line) throws {
        for size in Self.sizes {
            let harness = try demo(size, keys)
            let where_ = "at \(size.width)x\(size.height)"
            // The hint line names the key where it fits (at 60 columns the help has it); the help always.
            if size.width >= 80 {
                XCTAssertTrue(harness.canvas.line(size.height - 1).contains("d verwijder"), "\(where_): \(harness.screen)", file: file, line: line)
            }
            XCTAssertTrue(harness.app.activeBindings.contains { $0.action == .remove }, where_, file: file, line: line)
            let before = count(try stored(harness, youth))
            harness.press(.char("d"))
            XCTAssertTrue(flat(harness).contains(question), "\(where_): \(harness.screen)", file: file, line: line)
            harness.press(.char("n"))
            XCTAssertEqual(count(try stored(harness, youth)), before, "\(where_): n keeps it", file: file, line: line)
            XCTAssertFalse(harness.screen.contains("ja, verwijder"), "\(where_): the question is gone", file: file, line: line)
            harness.press(.delete)
            XCTAssertTrue(harness.screen.contains("ja, verwijder"), "\(where_): Delete asks too", file: file, line: line)
            harness.press(.enter)
            XCTAssertEqual(count(try stored(harness, youth)), before, "\(where_): Enter means no", file: file, line: line)
            harness.press(.char("d"), .char("j"))
            XCTAssertEqual(count(try stored(harness, youth)), before - 1, "\(where_): j removes it, on disk", file: file, line: line)
        }
    }

    func testAnActionIsRemovedAfterTheQuestion() throws {
        try checkRemoval(Self.jesse + [.char("a"), .down], of: "Jesse Testman",
                         question: "Actie \"Afspraak schuldhulp plannen\" (coach) verwijderen?", count: { $0.actions.count })
    }

    func testAContactIsRemovedAfterTheQuestion() throws {
        try checkRemoval(Self.jesse + [.char("l")], of: "Jesse Testman",
                         question: "Contact van 16-11-2026 (Mislukte poging) \"Langs geweest, niet thuis\" verwijderen?",
                         count: { $0.journal.count })
    }

    func testAScoutAttemptIsRemovedAfterTheQuestion() throws {
        try checkRemoval(Self.fenna + [.end, .up, .enter], of: "Fenna Fictief",
                         question: "Contactpoging van 19-11-2026 (WhatsApp of ander bericht: Niet bereikt) verwijderen?",
                         count: { $0.scoutAttempts.count })
    }

    func testAnAgendaItemIsRemovedAfterTheQuestion() throws {
        try checkRemoval(Self.jesse + [.char("o"), .enter, .down, .down, .down, .down, .down, .enter], of: "Jesse Testman",
                         question: "Agendapunt \"Doel:", count: { $0.meetingsInOrder.last?.agenda.count ?? 0 })
    }

    func testAPersonIsRemovedAfterTheQuestion() throws {
        try checkRemoval(Self.jesse + [.char("m"), .char("n")] + Self.typed("Per Ongeluk") + [.enter, .escape], of: "Jesse Testman",
                         question: "\"Per Ongeluk\" verwijderen uit het netwerk?", count: { $0.people.count })
    }

    /// A rule that forbids the removal is said at once: nothing is asked, nothing changes.
    func testARefusedRemovalSaysWhyAtOnce() throws {
        for size in Self.sizes {
            let harness = try demo(size, Self.jesse + [.char("a")])
            let before = try stored(harness, "Jesse Testman")
            harness.press(.char("d"))   // Cv afmaken, agreed in the meeting of 20 days ago
            XCTAssertFalse(harness.screen.contains("ja, verwijder"), harness.screen)
            XCTAssertTrue(flat(harness).contains("afgesproken in het overleg van 02-11-2026"), harness.screen)
            harness.press(.char("z"))
            XCTAssertTrue(harness.screen.contains("afgesproken in het overleg"), "a key that does nothing leaves the message")
            harness.press(.escape, .char("m"), .char("d"))   // Moeder Testman: consent and meetings
            XCTAssertTrue(flat(harness).contains("Deze persoon staat als deelnemer bij het overleg van 02-11-2026"), harness.screen)
            XCTAssertEqual(try stored(harness, "Jesse Testman"), before)
        }
    }

    /// In a meeting's agreed actions: one agreed in the meeting held 20 days ago stays (cancel it);
    /// one made by mistake in the coming meeting goes, and with it from that meeting's agreements.
    func testAgreedActionsFollowTheMeetingsDate() throws {
        let agreed: [Key] = [.down, .down, .down, .down, .down, .down, .enter, .down, .enter]
        let held = try demo((80, 24), Self.jesse + [.char("o"), .home, .enter] + agreed)
        XCTAssertTrue(held.screen.contains("Afgesproken acties: 2 open"), held.screen)
        held.press(.char("d"))
        XCTAssertTrue(flat(held).contains("laat haar vervallen in plaats van haar te verwijderen"), held.screen)
        XCTAssertEqual(try stored(held, "Jesse Testman").actions.count, 5)

        let coming = try demo((80, 24), Self.jesse + [.char("o"), .end, .enter] + agreed + [.char("n")])
        coming.type("Per ongeluk afgesproken")
        coming.press(.enter, .escape)
        XCTAssertTrue(coming.screen.contains("Afgesproken acties: 1 open"), coming.screen)
        coming.press(.char("d"))
        XCTAssertTrue(flat(coming).contains("uit de afspraken van het overleg van 27-11-2026"), coming.screen)
        coming.press(.char("j"))
        XCTAssertTrue(coming.screen.contains("Nog geen afgesproken acties"), coming.screen)
        XCTAssertFalse(try stored(coming, "Jesse Testman").actions.contains { $0.what == "Per ongeluk afgesproken" })
    }

    /// An empty list, or a youth that cannot be saved: the key is not named and does nothing.
    func testTheKeyIsNamedOnlyWhereSomethingCanBeRemoved() throws {
        let emptyAgenda: (CaseloadStore) throws -> Void = { store in
            let today = LocalDate(Harness.now, timeZone: testZone)
            var youth = try Youth(name: "Sem", now: Harness.now, today: today)
            youth.save(WrapAroundMeeting(date: today))
            try store.save(youth)
        }
        let paths: [(String, [Key])] = [("actions", [.enter, .char("a")]), ("journal", [.enter, .char("l")]),
                                        ("people", [.enter, .char("m")]), ("scout", [.enter, .end, .up, .enter]),
                                        ("agenda", [.enter, .char("o"), .enter, .down, .down, .down, .down, .down, .enter])]
        for size in Self.sizes {
            for (name, keys) in paths {
                let harness = try Harness(self, prepare: emptyAgenda)
                harness.width = size.width
                harness.height = size.height
                harness.press(keys)
                XCTAssertFalse(harness.screen.contains("verwijder"), "\(name) \(size): \(harness.screen)")
                XCTAssertFalse(harness.app.activeBindings.contains { $0.action == .remove }, "\(name): not in the help either")
                let before = harness.screen
                harness.press(.char("d"))
                harness.press(.delete)
                XCTAssertEqual(harness.screen, before, "\(name): d does nothing")
            }
        }
    }

    func testAReadOnlyDirectoryNamesNoRemoval() throws {
        let demo = try Harness(self, demo: true)
        let store = try CaseloadStore(directory: demo.directory, clock: { Harness.now }, simulate: .readOnlyDirectory)
        let app = App(session: Session(store: store, clock: { Harness.now }, timeZone: testZone))
        Self.jesse.forEach(app.handle)
        app.handle(.char("a"))
        func screen() -> String {
            var canvas = Canvas(width: 80, height: 24)
            app.render(into: &canvas)
            return canvas.text
        }
        XCTAssertTrue(screen().contains("Cv afmaken") && !screen().contains("verwijder"), screen())
        let before = screen()
        app.handle(.char("d"))
        XCTAssertEqual(screen(), before)
    }

    /// The question quotes the text from the data escaped, on one line, and shortened.
    func testTheQuestionEscapesAndShortensTheText() throws {
        let harness = try Harness(self) { store in
            let today = LocalDate(Harness.now, timeZone: testZone)
            var youth = try Youth(name: "Sem", now: Harness.now, today: today)
            // As a hand-edited file may hold it: typing refuses control characters.
            var action = try CaseAction(what: "bellen", owner: .coach, due: nil, created: today)
            action.what = "bel\u{1B}[2J" + String(repeating: "lang ", count: 30)
            youth.save(action)
            try store.save(youth)
        }
        harness.press(.enter, .char("a"), .char("d"))
        XCTAssertTrue(harness.screen.contains("\"bel\\x1B[2Jlang lang"), harness.screen)
        XCTAssertTrue(flat(harness).contains("lang lang…\" (coach) verwijderen?"), harness.screen)
    }

    /// The drafts of a removed contact's report and of a removed agenda item's notes go with it.
    func testTheDraftsOfWhatWentAreDropped() throws {
        let harness = try Harness(self, demo: true)
        let jesse = try stored(harness, "Jesse Testman")
        let entry = try XCTUnwrap(jesse.journalNewestFirst.first)
        let meeting = try XCTUnwrap(jesse.meetingsInOrder.last)
        let other = JournalEntry(date: entry.date, kind: .phone).id
        for field in [DraftField.journal(entryID: entry.id), .journal(entryID: other), .agendaNotes(meetingID: meeting.id, itemID: meeting.agenda[0].id)] {
            try harness.store.saveDraft(Draft(youthID: jesse.id, field: field, text: "half getypt", saved: Harness.now))
        }
        harness.press(Self.jesse + [.char("l"), .char("d"), .char("j")])
        XCTAssertEqual(harness.store.drafts().map(\.field).sorted(), ["journal.\(other)", "meeting.\(meeting.id).\(meeting.agenda[0].id)"])
        harness.press(.escape, .char("o"), .enter, .down, .down, .down, .down, .down, .enter, .char("d"), .char("j"))
        XCTAssertEqual(harness.store.drafts().map(\.field), ["journal.\(other)"], "another entry's draft stays")
    }

    // MARK: - The day an action was done or cancelled

    func testTickingAnActionAsksItsDayWithTodayFilledIn() throws {
        for size in Self.sizes {
            let harness = try demo(size, Self.jesse + [.char("a"), .down])   // Afspraak schuldhulp plannen
            func action() throws -> CaseAction {
                try XCTUnwrap(try stored(harness, "Jesse Testman").actions.first { $0.what == "Afspraak schuldhulp plannen" })
            }
            harness.press(.char("x"))
            XCTAssertTrue(harness.screen.contains("Datum (dd-mm-jjjj) 22-11-2026"), harness.screen)
            harness.press(.escape)
            XCTAssertEqual(try action().status, .open, "Esc changes nothing")
            harness.press(.char("x"), .ctrl("u"))
            harness.type("23-11-2026")
            harness.press(.enter)
            XCTAssertTrue(flat(harness).contains("Een actie kan niet in de toekomst gedaan zijn (vandaag is 22-11-2026)."), harness.screen)
            XCTAssertEqual(try action().status, .open)
            harness.press(.ctrl("u"))
            harness.type("15-11-2026")
            harness.press(.enter)
            XCTAssertEqual(try action().status, .done)
            XCTAssertEqual(try action().closedOn, LocalDate(year: 2026, month: 11, day: 15))
            XCTAssertTrue(flat(harness).contains("Gedaan op 15-11-2026"), "the selected action says when: \(harness.screen)")
            harness.press(.char("c"), .enter)
            XCTAssertEqual(try action().status, .cancelled)
            XCTAssertEqual(try action().closedOn, LocalDate(year: 2026, month: 11, day: 22))
            harness.press(.char("c"))
            XCTAssertEqual(try action().status, .open, "the same key opens it again, without a question")
            XCTAssertNil(try action().closedOn)
        }
    }

    func testTheDayCanBeCorrectedInTheActionsForm() throws {
        let harness = try demo((80, 24), Self.jesse + [.char("a"), .end, .enter])   // Intake, done two days ago
        XCTAssertTrue(harness.screen.contains("Afgerond op (dd-mm-jjjj)  20-11-2026"), harness.screen)
        harness.press(.end, .enter, .ctrl("u"))
        harness.type("12-11-2026")
        harness.press(.enter)
        XCTAssertEqual(try stored(harness, "Jesse Testman").actions.first { $0.what == "Intake Werkgeversservicepunt" }?.closedOn,
                       LocalDate(year: 2026, month: 11, day: 12))
    }
}
