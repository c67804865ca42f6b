@testable import Caseload
import Foundation
import XCTest

final class ErasureTests: XCTestCase {
    let today = LocalDate(year: 2026, month: 11, day: 22)!
    let now = Date(timeIntervalSince1970: 1_795_372_800)
    let id = "7d3e0c52-91aa-4b57-b2c4-5e1f0a9d8c31"
    let youthName = "Noor Erasmus"
    let journalText = "Belde over de rijlessen bij Autorijschool Kwikstaart"
    let goal = "Lasser worden op de scheepswerf van Zwartsluis"
    let draftText = "Half getypt over de oom in Dokkum"

    /// A youth closed `closedDaysAgo` days ago, with a journal text and a plan goal.
    func closedYouth(name: String, id: String, closedOn: LocalDate) throws -> Youth {
        var youth = try Youth(name: name, now: now, today: closedOn.adding(days: -400), id: id)
        var entry = JournalEntry(date: closedOn.adding(days: -10), kind: .phone)
        entry.text = name == youthName ? journalText : "Gewoon contact"
        youth.save(entry)
        youth.updatePlan(now: now, today: closedOn.adding(days: -20), timeZone: testZone) { $0.goal = name == youthName ? goal : "Werk" }
        try youth.close(ClosingInput(outcome: .regularWork, date: closedOn), today: closedOn, now: now)
        return youth
    }

    /// The data directory with the youth to erase and another one, each with a draft, exports, a
    /// quarantined copy and a page in the same stored review (and its summary in exports/).
    func populatedDirectory() throws -> (directory: String, other: Youth) {
        let directory = temporaryDirectory(self)
        let closedOn = today.adding(months: -30)
        let other = try closedYouth(name: "Bram Ander", id: "1b2c3d4e-0000-4000-8000-000000000001", closedOn: closedOn)
        do {
            let store = try CaseloadStore(directory: directory, clock: { self.now })
            let youth = try store.save(closedYouth(name: youthName, id: id, closedOn: closedOn))
            try store.save(other)
            for person in [youth, other] {
                try store.saveDraft(Draft(youthID: person.id, field: .userManual, text: person.id == id ? draftText : "ander concept", saved: now))
                try store.writeExport(PlanMarkdown.render(person, today: today, timeZone: testZone), named: PlanMarkdown.fileName(for: person, on: today), youthID: person.id)
            }
            // An export an earlier version wrote under the name alone, and a handout of that time.
            try store.writeExport(PlanMarkdown.render(youth, today: today, timeZone: testZone), named: PlanMarkdown.fileName(for: youth, on: today.adding(days: -300)))
            try store.writeExport("# Handout voor \(youthName)\n", named: "handout-noor-erasmus-bakkerij-jansen-2025-03-01.md")
            let week = ReviewWeek(containing: closedOn.adding(days: -7))
            var review = WeeklyReview(week: week, started: now, items: [ReviewItem(youthID: other.id, name: other.name, reasons: []),
                                                                      ReviewItem(youthID: id, name: youthName, reasons: [])])
            review.items[1].note = "Noor wil naar de werf"
            review.position = 1
            try store.save(review)
            for format in MeetingDocument.Format.allCases {
                try store.writeExport(ReviewSummary.render(review, coachName: "", format: format), named: ReviewSummary.fileName(review, format: format))
            }
            // A review with only the youth's page.
            try store.save(WeeklyReview(week: week.previous, started: now, items: [ReviewItem(youthID: id, name: youthName, reasons: [])]))
            // A draft kept in memory, not yet written.
            try store.keepDraft(Draft(youthID: id, field: .planPart(.goal), text: draftText, saved: now))
            // Left by a crash while the youth's file was written: set aside to quarantine at the next start.
            try Data(contentsOf: URL(fileURLWithPath: "\(directory)/youths/\(id).json"))
                .write(to: URL(fileURLWithPath: "\(directory)/youths/.\(id).json\(PrivateFiles.temporaryMarker)1"))
            try Data("{\"youthID\": \"\(id)\", \"field\": \"userManual\", \"text\": \"\(draftText)\"".utf8)
                .write(to: URL(fileURLWithPath: "\(directory)/drafts/\(id)--talk.9.json"))
            store.saveIndex()
        }
        return (directory, other)
    }

    /// Every file under `directory` (hidden ones too) whose name or bytes contain `text`.
    func files(in directory: String, containing text: String) -> [String] {
        let paths = FileManager.default.enumerator(atPath: directory)?.allObjects as? [String] ?? []
        return paths.filter { path in
            if path.contains(text) { return true }
            guard let data = FileManager.default.contents(atPath: directory + "/" + path) else { return false }
            return data.range(of: Data(text.utf8)) != nil
        }
    }

    func testErasingRemovesEveryTraceAndLogsOnlyTheDayAndACount() throws {
        let (directory, other) = try populatedDirectory()
        do {
            let store = try CaseloadStore(directory: directory, clock: { self.now })
            XCTAssertTrue(store.quarantined.contains { $0.from.hasPrefix("youths/.\(self.id)") }, "the crash's copy is in quarantine")
            XCTAssertFalse(files(in: directory + "/quarantine", containing: id).isEmpty)
            try store.keepDraft(Draft(youthID: id, field: .planPart(.goal), text: draftText, saved: now))

            let planned = try store.erasureTraces(id: id)
            XCTAssertTrue(planned.youthFile)
            XCTAssertEqual(planned.exports.count, 3, "\(planned.exports)")
            XCTAssertEqual(planned.weekSummaries.count, 2)
            XCTAssertEqual(planned.reviews.count, 2)
            XCTAssertEqual(planned.quarantined.count, 2, "\(planned.quarantined)")
            XCTAssertEqual(planned.drafts.count, 2, "the file and the one kept in memory: \(planned.drafts)")
            XCTAssertTrue(planned.text.hasPrefix("het dossier, 2 concepten, 3 exports"), planned.text)

            try store.erase(id: id, today: today)

            for trace in [youthName, id, CaseloadStore.exportTag(youthID: id), "noor-erasmus", journalText, goal, draftText, "Noor wil naar de werf"] {
                XCTAssertEqual(files(in: directory, containing: trace), [], "\(trace) is still somewhere")
        }
        XCTAssertFalse(store.hasPendingDrafts)
        XCTAssertFalse(store.summaries.contains { $0.id == self.id })
        XCTAssertEqual(store.erasureCounts, [ErasureCount(date: today, count: 1)])
        let log = try String(contentsOfFile: directory + "/erasures.json", encoding: .utf8)
        XCTAssertEqual(log, "{\n  \"erasures\" : [\n    {\n      \"count\" : 1,\n      \"date\" : \"2026-11-22\"\n    }\n  ],\n  \"schemaVersion\" : 1\n}\n")
        XCTAssertEqual(permissions(directory + "/erasures.json"), 0o600)
        }

        // The other youth is untouched: its file, draft, export, and its page in the review (and summary).
        let reopened = try CaseloadStore(directory: directory, clock: { self.now })
        XCTAssertEqual(try reopened.youth(id: other.id).name, other.name)
        XCTAssertEqual(reopened.drafts().map(\.text), ["ander concept"])
        XCTAssertEqual(files(in: directory + "/exports", containing: "bram-ander").count, 1)
        let week = ReviewWeek(containing: today.adding(months: -30).adding(days: -7))
        let review = try XCTUnwrap(reopened.review(of: week))
        XCTAssertEqual(review.items.map(\.youthID), [other.id])
        XCTAssertEqual(review.position, 0)
        XCTAssertEqual(reopened.review(of: week.previous)?.items, [], "a review left without pages stays a valid file")
        XCTAssertEqual(files(in: directory + "/exports", containing: "1. Bram Ander").count, 2, "the week's summaries keep the other page")
        XCTAssertTrue(reopened.notices.isEmpty, "\(reopened.notices)")
        XCTAssertEqual(reopened.count, 1)

        // A second erasure on the same day counts up; nothing else is added.
        try reopened.erase(id: other.id, today: today)
        XCTAssertEqual(reopened.erasureCounts, [ErasureCount(date: today, count: 2)])
    }

    func testFilesHoldingOnlyTheNameAreFoundAndRemovedWhole() throws {
        let (directory, other) = try populatedDirectory()
        let otherExport = "veranderplan-bram-ander-2026-01-01\(CaseloadStore.exportTag(youthID: other.id)).md"
        do {
            // A review cut off after the youth's name, before its number; a quarantined copy of it;
            // a crash's copy in reviews/; a note in exports/; another youth's export mentioning the name.
            let week = ReviewWeek(containing: today.adding(days: -100))
            let review = WeeklyReview(week: week, started: now, items: [ReviewItem(youthID: other.id, name: other.name, reasons: []),
                                                                        ReviewItem(youthID: id, name: youthName, reasons: [])])
            let full = try XCTUnwrap(String(data: CaseloadStore.encode(review), encoding: .utf8))
            let cut = try XCTUnwrap(full.range(of: "\"name\" : \"\(youthName)\"")).upperBound
            let damaged = Data(full[..<cut].utf8)
            XCTAssertNil(damaged.range(of: Data(id.utf8)))
            try damaged.write(to: URL(fileURLWithPath: "\(directory)/reviews/\(week.text).json"))
            try FileManager.default.createDirectory(atPath: directory + "/quarantine", withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            try damaged.write(to: URL(fileURLWithPath: "\(directory)/quarantine/20260101-101010-reviews-2025-W40.json"))
            try damaged.write(to: URL(fileURLWithPath: "\(directory)/reviews/.\(week.text).json\(PrivateFiles.temporaryMarker)7"))
            try Data("Bellen met \(youthName) over de werf\n".utf8).write(to: URL(fileURLWithPath: "\(directory)/exports/notities.txt"))
            try Data("Samen met \(youthName) op stage\n".utf8).write(to: URL(fileURLWithPath: "\(directory)/exports/\(otherExport)"))
        }
        let store = try CaseloadStore(directory: directory, clock: { self.now })
        let erased = try store.erase(id: id, today: today)
        XCTAssertEqual(erased.quarantined.filter { $0.contains("reviews-") }.count, 3, "the damaged review, its crash copy (both set aside on reading) and the earlier copy: \(erased.quarantined)")
        XCTAssertTrue(erased.exports.contains("notities.txt"), "\(erased.exports)")
        XCTAssertTrue(erased.quarantined.contains("20260101-101010-reviews-2025-W40.json"), "\(erased.quarantined)")
        XCTAssertEqual(files(in: directory, containing: youthName), ["exports/" + otherExport], "another youth's readable export stays")
        XCTAssertEqual(files(in: directory, containing: id), [])
        XCTAssertFalse(try String(contentsOfFile: directory + "/quarantine.json", encoding: .utf8).contains("reviews/"),
                       "the entry of the review set aside while erasing went with its file")
        XCTAssertEqual(try store.youth(id: other.id).name, other.name)
    }

    func testTheNameIsLookedForAsItIsWrittenInJSON() {
        let marks = YouthMarks(id: id, name: "Anna \"Ann\" de\u{202E}Vries")
        XCTAssertTrue(marks.forms.contains(Data("Anna \\\"Ann\\\" de\\u202eVries".utf8)), "\(marks.forms.map { String(decoding: $0, as: UTF8.self) })")
        XCTAssertTrue(marks.forms.contains(Data("Anna \"Ann\" de\u{202E}Vries".utf8)), "the raw UTF-8")
        XCTAssertTrue(marks.forms.contains(Data(id.utf8)))
        var traces = ErasureTraces()
        traces.damaged = ["reviews/.2026-W01.json.tmp-1"]
        XCTAssertEqual(traces.text, "1 beschadigd bestand (reviews/.2026-W01.json.tmp-1)", "a file removed whole is named")
    }

    func testAnErasureThatStopsMidwaySaysWhatIsLeftAndCanBeTriedAgain() throws {
        let (directory, _) = try populatedDirectory()
        let store = try CaseloadStore(directory: directory, clock: { self.now })
        store.simulate = .diskFullWhileWriting
        XCTAssertThrowsError(try store.erase(id: id, today: today)) { error in
            let message = error.localizedDescription
            XCTAssertTrue(message.hasPrefix("Het wissen is onderbroken: De schijf is vol"), message)
            XCTAssertTrue(message.contains("Nog niet gewist: het dossier, 3 exports"), message)
            XCTAssertTrue(message.contains("probeer het opnieuw"), message)
        }
        XCTAssertEqual(files(in: directory + "/drafts", containing: id), [], "what went before the failure stays gone")
        XCTAssertNoThrow(try store.youth(id: id), "the dossier itself goes last")
        XCTAssertEqual(store.erasureCounts, [])
        store.simulate = nil
        try store.erase(id: id, today: today)
        XCTAssertEqual(files(in: directory, containing: id), [])
        XCTAssertEqual(store.erasureCounts, [ErasureCount(date: today, count: 1)])
    }

    func testErasureIsRefusedReadOnlyForANewerFileAndForAnUnknownNumber() throws {
        let (directory, _) = try populatedDirectory()
        let readOnly = try CaseloadStore(directory: directory, mode: .readOnly)
        XCTAssertThrowsError(try readOnly.erase(id: id, today: today)) { error in
            XCTAssertTrue(error.localizedDescription.hasPrefix("Niet gewist. Alleen lezen:"), error.localizedDescription)
        }
        do {
            let store = try CaseloadStore(directory: directory, clock: { self.now })
            XCTAssertThrowsError(try store.erase(id: "0000aaaa", today: today)) { error in
                XCTAssertEqual(error.localizedDescription, "Er is geen dossier met nummer 0000aaaa.")
            }
            XCTAssertThrowsError(try store.erase(id: "../settings", today: today))
        }

        // A weekly review holding the youth, written by a newer version, cannot be rewritten here.
        let reviewPath = try XCTUnwrap(files(in: directory + "/reviews", containing: id).first.map { directory + "/reviews/" + $0 })
        let newer = try String(contentsOfFile: reviewPath, encoding: .utf8).replacingOccurrences(of: "\"schemaVersion\" : 3", with: "\"schemaVersion\" : 99")
        try newer.write(toFile: reviewPath, atomically: true, encoding: .utf8)
        do {
            let withNewerReview = try CaseloadStore(directory: directory, clock: { self.now })
            XCTAssertThrowsError(try withNewerReview.erase(id: id, today: today)) { error in
                XCTAssertTrue(error.localizedDescription.contains("nieuwere versie van Rode Loper (schema 99)"), error.localizedDescription)
                XCTAssertTrue(error.localizedDescription.contains("er is niets verwijderd"), error.localizedDescription)
            }
        }
        XCTAssertFalse(files(in: directory + "/drafts", containing: id).isEmpty, "nothing was removed")

        // A youth a newer version wrote.
        let youthPath = directory + "/youths/\(id).json"
        let newerYouth = try String(contentsOfFile: youthPath, encoding: .utf8).replacingOccurrences(of: "\"schemaVersion\" : \(CaseloadStore.schemaVersion)", with: "\"schemaVersion\" : 99")
        try newerYouth.write(toFile: youthPath, atomically: true, encoding: .utf8)
        let withNewerYouth = try CaseloadStore(directory: directory, clock: { self.now })
        XCTAssertThrowsError(try withNewerYouth.erase(id: id, today: today)) { error in
            XCTAssertTrue(error.localizedDescription.hasPrefix("Niet gewist. Dit dossier is gemaakt met een nieuwere versie"), error.localizedDescription)
        }
        XCTAssertTrue(FileManager.default.fileExists(atPath: youthPath))
    }

    func testRetentionListsClosedCasesPastTheTermFromTheBoundaryDayOn() throws {
        let directory = temporaryDirectory(self)
        let store = try CaseloadStore(directory: directory, clock: { self.now })
        let onTheDay = today.adding(months: -24)
        try store.save(closedYouth(name: "Op de dag", id: "a0000000-0000-4000-8000-000000000001", closedOn: onTheDay))
        try store.save(closedYouth(name: "Dag later", id: "a0000000-0000-4000-8000-000000000002", closedOn: onTheDay.adding(days: 1)))
        // Closed before closures were recorded: the day it moved to Afgesloten counts.
        var legacy = try Youth(name: "Oud dossier", now: now, today: today.adding(days: -1000), id: "a0000000-0000-4000-8000-000000000003")
        legacy.move(to: .closed, on: today.adding(months: -40), now: now)
        try store.save(legacy)
        try store.save(try Youth(name: "Nog actief", now: now, today: today.adding(months: -50)))

        let past = store.pastRetention(today: today)
        XCTAssertEqual(past.map(\.name), ["Oud dossier", "Op de dag"], "longest closed first; the day after the boundary not yet")
        XCTAssertEqual(past.map { $0.monthsPastRetention(months: 24, today: today) }, [16, 0])
        XCTAssertNil(past[0].outcomeText, "a legacy closed case has no outcome recorded")
        XCTAssertEqual(store.pastRetention(today: today.adding(days: 1)).count, 3)
        var settings = store.settings
        try settings.setRetentionMonths("60")
        try store.saveSettings(settings)
        XCTAssertEqual(store.pastRetention(today: today).map(\.name), [], "the term is a setting")
    }

    func testExportsAreRecognisedByNumberOrByTheNamesEarlierVersionsGave() {
        let marks = ExportMarks(id: id, name: "Noor Erasmus")
        XCTAssertEqual(CaseloadStore.exportName("verslag-x-2026-01-01.md", youthID: id), "verslag-x-2026-01-01-nr7d3e0c52.md")
        for file in ["veranderplan-renamed-2026-01-01-nr7d3e0c52.md", "veranderplan-noor-erasmus-2026-01-01.md", "aanbevelingsbrief-noor-erasmus-2026-01-01.md",
                     "agenda-noor-erasmus-2026-01-01.txt", "verslag-noor-erasmus-2026-01-01.md", "handout-noor-erasmus-bakkerij-2026-01-01.md",
                     ".verslag-noor-erasmus-2026-01-01.md.tmp-123", "20261122-101010-exports-veranderplan-noor-erasmus-2026-01-01.md"] {
            XCTAssertTrue(marks.isExport(file), file)
        }
        for file in ["veranderplan-noor-erasmus-jansen-2026-01-01.md", "veranderplan-anna-noor-erasmus-2026-01-01.md",
                     "weekbespreking-2026-W01.md", "veranderplan-noor-erasmus-2026-01-01-nr1b2c3d4e.md", "notes.md"] {
            XCTAssertFalse(marks.isExport(file), file)
        }
        XCTAssertTrue(ExportMarks(id: id, name: "???").isExport("veranderplan-\(id)-2026-01-01.md"), "a name without letters: the plan was named by the id")
        XCTAssertTrue(ExportMarks(id: id, name: "Zoë \u{1B}Çelik").isExport("agenda-zoe-celik-2026-01-01.md"), "a name the form would refuse is still matched")
    }
}
