import Caseload
import Foundation

/// Writes a caseload of invented youths with full records into a data directory, on every core.
/// Each file holds exactly what the store's `save` writes (`CaseloadStore.fileContents`: validated,
/// 0600 in the store's 0700 folders), without the fsync a coach's change needs. Opening the store
/// once at the end writes `index.cache`, as a coach's disk has it. A marker file keeps a caseload made by the same version and count, so a
/// second run reuses it.
struct Generator {
    /// Raised when what is generated changes, so that older caseloads are made again.
    static let version = 1
    static let markerName = ".rodeloper-bench-generated"

    let count: Int
    let directory: String
    let now: Date
    let today: LocalDate
    /// Whether to open the store once at the end, so that index.cache is there. The benchmark does
    /// not: its first start without a cache writes it.
    var writeIndex = true

    var marker: String { "rodeloper-bench generator \(Self.version): \(count) youths with full records\n" }
    var markerPath: String { directory + "/" + Self.markerName }

    /// Whether `directory` already holds this caseload.
    var isDone: Bool { (try? String(contentsOfFile: markerPath, encoding: .utf8)) == marker }

    /// Generates unless the directory holds this caseload; returns whether it generated. A
    /// directory with other data is refused, never emptied: only one this generator made is.
    @discardableResult
    func generateUnlessDone(log: @Sendable (String) -> Void) throws -> Bool {
        if isDone { return false }
        let files = FileManager.default
        if files.fileExists(atPath: directory) {
            let entries = try files.contentsOfDirectory(atPath: directory)
            guard entries.isEmpty || files.fileExists(atPath: markerPath) else {
                throw InputError("\(directory) holds data this generator did not make; choose an empty or new directory.")
            }
            if !entries.isEmpty { try files.removeItem(atPath: directory) }
        }
        try generate(log: log)
        return true
    }

    private func generate(log: @Sendable (String) -> Void) throws {
        let start = Date()
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        // Marked as ours from the start: a run stopped halfway is made again, not refused.
        try writeMarker("rodeloper-bench generator \(Self.version): generating\n")
        var store: CaseloadStore? = try CaseloadStore(directory: directory)
        try store!.saveSettings(CoachSettings(coachName: "Coach Benchmark"))
        var workplaces: [Workplace] = []
        for (number, name) in ["Bouwbedrijf Van der Linden", "Zorgcentrum De Lindehof", "Logistiek Centrum Waalhaven", "Garage Öztürk & Zn.",
                               "Bakkerij 't Stoepje", "Hotel Het Zuiderhuis", "Supermarkt Plus Centrum", "Gemeente Groenvoorziening",
                               "Fietsenmaker De Ketting", "Kringloop Tweede Leven", "Schildersbedrijf Kleurrijk", "ROC Leerwerkplaats"].enumerated() {
            var workplace = try Workplace(name: name, now: now)
            workplace.sector = ["bouw", "zorg", "logistiek", "techniek", "horeca"][number % 5]
            workplace.address = "Industrieweg \(number + 1), Rotterdam"
            workplace.contactName = DutchNames.firstNames[number * 7]
            workplace.kinds = [.job, .workExperience, .internship, .learnAndWork]
            workplace.notes = "Begeleidt jongeren al jaren; vaste contactpersoon, korte lijnen."
            workplaces.append(try store!.save(workplace))
        }
        store = nil

        let workers = max(1, ProcessInfo.processInfo.activeProcessorCount)
        let record = FullRecord(today: today, now: now, workplaces: workplaces)
        let results = WorkerResults()
        let youths = directory + "/youths"
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            do {
                var agenda: [ReviewItem] = []
                for index in stride(from: worker, to: count, by: workers) {
                    var youth = try record.youth(index)
                    // The file was last saved on the day of the last thing done.
                    let last = youth.journal.map(\.date).max() ?? today
                    youth.updated = now.addingTimeInterval(-Double(last.days(until: today)) * 86_400).wholeSeconds
                    try write(CaseloadStore.fileContents(of: youth), to: youths + "/" + youth.id + ".json")
                    if youth.phase != .closed {
                        agenda += ReviewRules.agenda([youth], settings: CoachSettings(coachName: "Coach Benchmark"), today: today)
                    }
                    if worker == 0 && index % (workers * 5_000) == 0 && index > 0 { log("  \(index) of \(count) youths written") }
                }
                results.add(agenda)
            } catch {
                results.fail(error)
            }
        }
        if let error = results.error { throw error }
        log("  \(count) youths written in \(String(format: "%.0f", Date().timeIntervalSince(start))) s")
        try saveReviews(of: results.agenda)
        if writeIndex {
            // The store read once, as the program does at a first start: it writes index.cache.
            log("  opening the store once for index.cache")
            store = try CaseloadStore(directory: directory)
            store!.saveIndex()
            store = nil
        }
        try writeMarker(marker)
        log("  done in \(String(format: "%.0f", Date().timeIntervalSince(start))) s")
    }

    private func writeMarker(_ text: String) throws {
        guard FileManager.default.createFile(atPath: markerPath, contents: Data(text.utf8), attributes: [.posixPermissions: 0o600]) else {
            throw InputError("Could not write \(markerPath)")
        }
    }

    /// A new file, 0600 like every file the store writes; no fsync (see `fileContents`).
    private func write(_ data: Data, to path: String) throws {
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw InputError("Could not create \(path): \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        let written = data.withUnsafeBytes { Foundation.write(fd, $0.baseAddress!, $0.count) }
        guard written == data.count else { throw InputError("Could not write \(path): \(String(cString: strerror(errno)))") }
    }

    /// Three weeks of reviews, each discussed to the end, and this week's half done: the screen
    /// resumes it. The agenda in the order the program ranks it (the most urgent rule first).
    /// Saved by a store of their own in an empty folder (opening the whole caseload would read
    /// every youth), then moved into reviews/.
    private func saveReviews(of items: [ReviewItem]) throws {
        let folder = directory + "/.generating-reviews"
        let store = try CaseloadStore(directory: folder)
        func rank(_ item: ReviewItem) -> Int { item.reasons.map { ReviewRule.allCases.firstIndex(of: $0.rule)! }.min() ?? Int.max }
        let agenda = items.sorted { a, b in
            (rank(a), -a.reasons.count, a.name, a.youthID) < (rank(b), -b.reasons.count, b.name, b.youthID)
        }
        for weeksAgo in (0...3).reversed() {
            let day = today.adding(days: -7 * weeksAgo)
            var review = WeeklyReview(week: ReviewWeek(containing: day), started: now.addingTimeInterval(Double(-7 * weeksAgo) * 86_400), items: agenda)
            let discussed = weeksAgo == 0 ? agenda.count / 2 : agenda.count
            for index in 0..<discussed {
                review.items[index].note = index % 3 == 0 ? "Besproken; loopt volgens plan." : "Contact weer oppakken, moeder bellen."
                review.items[index].nextStep = index % 2 == 0 ? "huisbezoek plannen" : ""
                review.items[index].reviewed = true
            }
            review.position = min(discussed, max(0, agenda.count - 1))
            try store.save(review)
        }
        try FileManager.default.createDirectory(atPath: directory + "/reviews", withIntermediateDirectories: false, attributes: [.posixPermissions: 0o700])
        for name in try FileManager.default.contentsOfDirectory(atPath: folder + "/reviews") where name.hasSuffix(".json") {
            guard rename(folder + "/reviews/" + name, directory + "/reviews/" + name) == 0 else {
                throw InputError("Could not move \(name) into \(directory)/reviews: \(String(cString: strerror(errno)))")
            }
        }
        try FileManager.default.removeItem(atPath: folder)
    }
}

/// What the workers hand back: the agenda items of the youths they wrote, or the first error.
private final class WorkerResults: @unchecked Sendable {
    private let lock = NSLock()
    private(set) var agenda: [ReviewItem] = []
    private(set) var error: Error?

    func add(_ items: [ReviewItem]) { lock.withLock { agenda += items } }
    func fail(_ error: Error) { lock.withLock { self.error = self.error ?? error } }
}
