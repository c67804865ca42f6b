@testable import Caseload
import Foundation
import XCTest

/// Fuzzing of the loader with a corpus generated from the samples (LoaderFuzzSupport.swift):
/// every truncation, wrong types per field, huge strings, invalid UTF-8, deep nesting, duplicate
/// keys, byte order marks, newer and impossible schema versions, random bytes and special files,
/// for youths, settings, reviews, workplaces, drafts, the erasure log and the export. Each file
/// is read or refused with a clear Dutch reason, never a crash or a hang, and the other files of
/// the data directory open as if it were not there.
///
/// The default run reads every offset of the newest sample of each kind and a stride of the
/// older ones; `RODELOPER_FUZZ_LONG=1` reads every offset of every sample, with more mutations
/// and a random seed (`RODELOPER_FUZZ_SEED=N` repeats a run; every failure prints the seed).
final class LoaderFuzzTests: XCTestCase {
    // MARK: - Read from bytes: thousands of files

    func testEveryTruncationOfEverySampleIsRefusedAsDamaged() {
        fuzz("truncations") { log in
            for kind in FuzzKind.allCases {
                for (index, name) in kind.samples.enumerated() {
                    let newest = index == kind.samples.count - 1
                    let stride = newest || FuzzSettings.long ? 1 : 61
                    for mutation in FuzzCorpus.truncations(FuzzKind.sample(name), stride: stride) {
                        FuzzCheck.check(kind, mutation.of(name), log: log)
                    }
                }
            }
        }
    }

    func testEveryMutationOfEachSampleIsReadOrRefusedInDutch() {
        fuzz("mutations") { log in
            var random = SeededGenerator(seed: FuzzSettings.seed)
            for kind in FuzzKind.allCases {
                let samples = FuzzSettings.long ? kind.samples : [kind.samples.last!]
                for name in samples {
                    for mutation in FuzzCorpus.mutations(of: FuzzKind.sample(name), kind: kind, using: &random) {
                        FuzzCheck.check(kind, mutation.of(name), log: log)
                    }
                }
            }
        }
    }

    // MARK: - What the fuzzing found

    /// A key is data where a record keeps a dictionary (a meeting's roles): a value of the wrong
    /// type under a key with control characters named that key raw in the quarantine notice.
    func testAKeyFromTheFileIsNamedEscapedAndShortInTheNotice() throws {
        let hostile = "\u{1B}]0;titel\u{07}\u{202E}" + String(repeating: "x", count: 100_000)
        let directory = try dataDirectoryWithSample(self) { youth in
            var meetings = youth["meetings"] as! [[String: Any]]
            var agreements = meetings[0]["agreements"] as! [String: Any]
            var roles = agreements["roles"] as! [String: Any]
            roles[hostile] = 7
            agreements["roles"] = roles
            meetings[0]["agreements"] = agreements
            youth["meetings"] = meetings
        }
        let store = try CaseloadStore(directory: directory)
        XCTAssertEqual(store.count, 0)
        let message = try XCTUnwrap(store.notices.first?.message)
        XCTAssertTrue(message.contains("(bij youth.meetings[0].agreements.roles.\\x1B]0;titel\\x07\\u{202E}xxx"), message)
        XCTAssertTrue(message.contains("x…: verwacht een tekst)"), message)
        XCTAssertNil(FuzzCheck.problem(in: message), message)
    }

    /// The same for a number Foundation refuses without a path: the first such number is named
    /// by its keys, and a key in front of it in sorted order can be anything.
    func testAKeyBeforeARefusedNumberIsNamedEscaped() throws {
        var file = try XCTUnwrap(JSONSerialization.jsonObject(with: FuzzKind.sample("youth-v9")) as? [String: Any])
        file["\u{1B}[2J"] = 2.5
        var youth = try XCTUnwrap(file["youth"] as? [String: Any])
        var measurements = try XCTUnwrap(youth["measurements"] as? [[String: Any]])
        var scores = try XCTUnwrap(measurements[0]["scores"] as? [String: Any])
        scores["housing"] = ["note": "", "score": 2.5]
        measurements[0]["scores"] = scores
        youth["measurements"] = measurements
        file["youth"] = youth
        switch FuzzKind.youth.decode(try JSONSerialization.data(withJSONObject: file)) {
        case .success: XCTFail("a fraction is read")
        case .failure(let reason):
            XCTAssertTrue(reason.text.contains("(bij \\x1B[2J: geen geheel getal binnen het bereik)"), reason.text)
            XCTAssertNil(FuzzCheck.problem(in: reason.text), reason.text)
        }
    }

    /// drafts/ as a link to a folder elsewhere was skipped without a word, while the draft of a
    /// field opened was read through it and a confirmed text removed the file there.
    func testALinkInPlaceOfTheDraftsFolderIsSaidAndNeverReadOrChangedThrough() throws {
        let baseline = try Baseline(self)
        let outside = temporaryDirectory(self)
        try FileManager.default.createDirectory(atPath: outside, withIntermediateDirectories: true)
        try FileManager.default.moveItem(atPath: baseline.directory + "/drafts/" + Baseline.draftName, toPath: outside + "/" + Baseline.draftName)
        try FileManager.default.removeItem(atPath: baseline.directory + "/drafts")
        XCTAssertEqual(symlink(outside, baseline.directory + "/drafts"), 0)
        let store = try CaseloadStore(directory: baseline.directory)
        XCTAssertEqual(store.drafts(), [])
        XCTAssertEqual(store.notices.map(\.message), [StoreError.unusableFolder("drafts", link: true).localizedDescription], "said once")
        XCTAssertNil(store.keptDraft(youthID: Baseline.youthID, field: .planPart(.goal)), "not read through the link")
        store.removeDraft(youthID: Baseline.youthID, field: .planPart(.goal))
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: outside), [Baseline.draftName], "not removed through the link")
        XCTAssertNotNil(try? store.youth(id: Baseline.youthID))
        XCTAssertNoThrow(try store.backup(exportedAt: Date(timeIntervalSince1970: 1_795_000_000)), "a backup holds no drafts")
    }

    /// A youth file of a newer version that this one cannot read stays where it is at the start;
    /// asked for by its id, it was set aside to quarantine/ all the same.
    func testANewerYouthAskedForByItsIDStaysWhereItIs() throws {
        let baseline = try Baseline(self)
        let id = "0b5e7c3a-0003-4000-8000-f00000000001"
        let newer = Data(String(decoding: FuzzKind.sample("youth-v9"), as: UTF8.self)
            .replacingOccurrences(of: Baseline.youthID, with: id).replacingOccurrences(of: "\"schemaVersion\" : 9", with: "\"schemaVersion\" : 1000")
            .replacingOccurrences(of: "\"phase\" : \"", with: "\"phase\" : 7, \"was\" : \"").utf8)
        try newer.write(to: URL(fileURLWithPath: baseline.directory + "/youths/\(id).json"))
        let store = try CaseloadStore(directory: baseline.directory)
        XCTAssertThrowsError(try store.youth(id: id)) { error in
            XCTAssertEqual(error.localizedDescription, "youths/\(id).json is niet leesbaar: het is gemaakt door een nieuwere versie van Rode Loper (schema 1000).")
        }
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: baseline.directory + "/youths/\(id).json")), newer, "left in place, unchanged")
        XCTAssertFalse(FileManager.default.fileExists(atPath: baseline.directory + "/quarantine"))
        XCTAssertEqual(store.notices.count, 1, "\(store.notices)")
    }

    // MARK: - A data directory: the rest loads

    /// A data directory with one good file of every kind, the newest samples, under the names
    /// the store reads them by.
    private struct Baseline {
        static let youthID = "0b5e7c3a-0003-4000-8000-000000000003"
        static let workplaceID = "3f6c2a10-5b7e-4d2a-9c1e-000000000017"
        static let week = "2026-W48"
        static let draftName = youthID + "--changePlan.goal.json"
        let directory: String

        init(directory: String) { self.directory = directory }

        init(_ test: XCTestCase, leaving left: Set<String> = []) throws {
            directory = temporaryDirectory(test)
            for folder in ["youths", "workplaces", "reviews", "drafts"] {
                try FileManager.default.createDirectory(atPath: directory + "/" + folder, withIntermediateDirectories: true)
            }
            let files = ["youths/\(Self.youthID).json": "youth-v9", "settings.json": "settings-v5", "workplaces/\(Self.workplaceID).json": "workplace-v1",
                         "reviews/\(Self.week).json": "review-v3", "drafts/\(Self.draftName)": "draft", "erasures.json": "erasures-v1"]
            for (path, sample) in files where !left.contains(path) {
                try FuzzKind.sample(sample).write(to: URL(fileURLWithPath: directory + "/" + path))
            }
        }

        /// What of the good files did not open, read as the program reads them at the start.
        func problems(_ store: CaseloadStore, skipping: Set<FuzzKind> = []) -> [String] {
            var problems: [String] = []
            if (try? store.youth(id: Self.youthID)) == nil { problems.append("the good youth did not open") }
            if !skipping.contains(.settings), store.settings.coachName != "Anna de Coach" { problems.append("the good settings did not open") }
            if store.workplace(id: Self.workplaceID) == nil { problems.append("the good workplace did not open") }
            if store.review(of: ReviewWeek(text: Self.week)!) == nil { problems.append("the good review did not open") }
            if !store.drafts().contains(where: { $0.file == Self.draftName }) { problems.append("the good draft was not offered") }
            if !skipping.contains(.erasures), store.erasureCounts.count != 2 { problems.append("the good erasure log did not open") }
            for notice in store.notices {
                if let problem = FuzzCheck.problem(in: notice.message) { problems.append("\(problem): \(notice.message.prefix(300))") }
            }
            return problems
        }
    }

    /// Where a mutated file of `kind` goes (number `index` of the batch), and the same file with
    /// the ids and the week it holds made to fit that name.
    private static func place(_ data: Data, kind: FuzzKind, index: Int) -> (path: String, data: Data) {
        func renamed(_ from: String, _ to: String) -> Data { data.replacing(Data(from.utf8), with: Data(to.utf8)) }
        let id = String(format: "0b5e7c3a-0003-4000-8000-f%011d", index)
        switch kind {
        case .youth: return ("youths/\(id).json", renamed(Baseline.youthID, id))
        case .workplace:
            let workplace = String(format: "3f6c2a10-5b7e-4d2a-9c1e-f%011d", index)
            return ("workplaces/\(workplace).json", renamed(Baseline.workplaceID, workplace))
        case .review:
            let week = String(format: "%04d-W%02d", 1990 + index / 52, index % 52 + 1)
            return ("reviews/\(week).json", renamed(Baseline.week, week))
        case .draft: return ("drafts/\(id)--changePlan.goal.json", renamed(Baseline.youthID, id))
        case .settings: return ("settings.json", data)
        case .erasures: return ("erasures.json", data)
        case .export: return ("export.json", data)
        }
    }

    /// Mutations of the newest sample of `kind`, truncations included, chosen by the seed.
    private static func chosen(_ kind: FuzzKind, count: Int, using random: inout SeededGenerator) -> [Mutation] {
        let sample = FuzzKind.sample(kind.samples.last!)
        // A quarter truncations, the rest the other mutations (of which there are fewer).
        let truncations = FuzzCorpus.truncations(sample, stride: 1).shuffled(using: &random).prefix(count / 4)
        let others = FuzzCorpus.mutations(of: sample, kind: kind, using: &random).shuffled(using: &random).prefix(count - truncations.count)
        return Array(truncations + others)
    }

    /// Many mutated youths, workplaces, reviews and drafts in one data directory, opened once:
    /// each is read or set aside with a Dutch notice naming it (once), and every good file opens.
    func testAMutatedCorpusInOneDataDirectoryIsSetAsideAndTheRestLoads() throws {
        for kind in [FuzzKind.youth, .workplace, .review, .draft] {
            let baseline = try Baseline(self)
            fuzz("a data directory of mutated \(kind.rawValue) files") { log in
                var random = SeededGenerator(seed: FuzzSettings.seed &+ UInt64(kind.rawValue.count))
                let mutations = Self.chosen(kind, count: FuzzSettings.long ? 600 : 40, using: &random)
                var placed: [(path: String, mutation: Mutation)] = []
                for (index, mutation) in mutations.enumerated() {
                    let (path, data) = Self.place(mutation.make(), kind: kind, index: index)
                    try! data.write(to: URL(fileURLWithPath: baseline.directory + "/" + path))
                    placed.append((path, mutation))
                }
                log.current = "opening the data directory of mutated \(kind.rawValue) files"
                // The first store holds the lock until it goes: opened in a scope of its own.
                if let store = try? CaseloadStore(directory: baseline.directory) {
                    // Reviews and drafts are read when asked for, as the screens ask.
                    var read: Set<String> = []
                    for (path, _) in placed {
                        let name = (path as NSString).lastPathComponent
                        switch kind {
                        case .youth: if (try? store.youth(id: String(name.dropLast(5)))) != nil { read.insert(path) }
                        case .workplace: if store.workplace(id: String(name.dropLast(5))) != nil { read.insert(path) }
                        case .review: if store.review(of: ReviewWeek(text: String(name.dropLast(5)))!) != nil { read.insert(path) }
                        default: break
                        }
                    }
                    if kind == .draft { for draft in store.drafts() { if let file = draft.file { read.insert("drafts/" + file) } } }
                    for problem in baseline.problems(store) { log.problem("\(kind.rawValue) batch: \(problem)") }
                    let messages = store.notices.map(\.message)
                    for (path, mutation) in placed {
                        let name = (path as NSString).lastPathComponent
                        let naming = messages.filter { $0.contains(name) }
                        log.count(read.contains(path) ? "read" : "set aside")
                        if read.contains(path) {
                            if case .refused = mutation.expectation { log.problem("\(path) (\(mutation.label)): read, but should be refused") }
                        } else if naming.count != 1 {
                            log.problem("\(path) (\(mutation.label)): not read, and named in \(naming.count) notices")
                        } else if let problem = FuzzCheck.problem(in: naming[0]) {
                            log.problem("\(path) (\(mutation.label)): \(problem): \(naming[0].prefix(300))")
                        } else if !naming[0].contains("nieuwere versie"), FileManager.default.fileExists(atPath: baseline.directory + "/" + path) {
                            log.problem("\(path) (\(mutation.label)): refused but not set aside: \(naming[0].prefix(300))")
                        }
                    }
                } else {
                    log.problem("\(kind.rawValue): the data directory did not open")
                }
                // Set aside once: the next start says nothing more of them, and the rest still loads.
                guard let again = try? CaseloadStore(directory: baseline.directory) else { return log.problem("\(kind.rawValue): the data directory did not open again") }
                for problem in baseline.problems(again) { log.problem("\(kind.rawValue) batch, opened again: \(problem)") }
                let repeated = again.notices.filter { !$0.message.contains("nieuwere versie") && !$0.message.contains("quarantaine") }
                if !repeated.isEmpty { log.problem("\(kind.rawValue): said again at the next start: \(repeated[0].message.prefix(300))") }
            }
        }
    }

    /// settings.json and erasures.json are one file each: a data directory for each mutation.
    /// The defaults (or no erasures) stand in, with a Dutch notice, and the rest loads.
    func testMutatedSettingsAndErasureLogsAreSetAsideAndTheRestLoads() throws {
        for kind in [FuzzKind.settings, .erasures] {
            var directories: [String] = []
            for _ in 0..<(FuzzSettings.long ? 200 : 15) { directories.append(try Baseline(self, leaving: [kind == .settings ? "settings.json" : "erasures.json"]).directory) }
            let folders = directories
            fuzz("mutated \(kind.rawValue) files") { log in
                var random = SeededGenerator(seed: FuzzSettings.seed &+ UInt64(kind.rawValue.count))
                for (directory, mutation) in zip(folders, Self.chosen(kind, count: folders.count, using: &random)) {
                    let (path, data) = Self.place(mutation.make(), kind: kind, index: 0)
                    try! data.write(to: URL(fileURLWithPath: directory + "/" + path))
                    log.current = "\(kind.rawValue): \(mutation.label)"
                    guard let store = try? CaseloadStore(directory: directory) else { return log.problem("\(kind.rawValue) \(mutation.label): the data directory did not open") }
                    _ = store.erasureCounts
                    let naming = store.notices.map(\.message).filter { $0.contains(path) }
                    // A log without its list is read as empty, as a missing key is.
                    let read = kind == .settings ? store.hasSettingsFile : naming.isEmpty && FileManager.default.fileExists(atPath: directory + "/" + path)
                    log.count(read ? "read" : "set aside")
                    for problem in Baseline(directory: directory).problems(store, skipping: [kind]) { log.problem("\(kind.rawValue) \(mutation.label): \(problem)") }
                    if read, case .refused = mutation.expectation { log.problem("\(kind.rawValue) \(mutation.label): read, but should be refused") }
                    if !read, naming.isEmpty { log.problem("\(kind.rawValue) \(mutation.label): not read, and no notice names \(path)") }
                    if !read, let problem = naming.lazy.compactMap(FuzzCheck.problem).first { log.problem("\(kind.rawValue) \(mutation.label): \(problem)") }
                    if !read, kind == .settings, store.settings != CoachSettings() { log.problem("\(kind.rawValue) \(mutation.label): not the defaults") }
                }
            }
        }
    }

    /// index.cache is only a cache: damaged in any way (bytes, not its format, which may change),
    /// the caseload opens as its files say.
    func testADamagedIndexIsIgnoredAndTheCaseloadOpensAsItsFilesSay() throws {
        let baseline = try Baseline(self)
        do { _ = try CaseloadStore(directory: baseline.directory).youth(id: Baseline.youthID) }
        let index = try Data(contentsOf: URL(fileURLWithPath: baseline.directory + "/index.cache"))
        let directory = baseline.directory
        fuzz("damaged index") { log in
            var random = SeededGenerator(seed: FuzzSettings.seed &+ 11)
            let count = FuzzSettings.long ? 400 : 30
            let mutations = FuzzCorpus.truncations(index, stride: 1).shuffled(using: &random).prefix(count / 2)
                + FuzzCorpus.randomBytes(index, count: count / 2, using: &random) + FuzzCorpus.padding(index)
            for mutation in mutations {
                log.current = "index: \(mutation.label)"
                try? mutation.make().write(to: URL(fileURLWithPath: directory + "/index.cache"))
                guard let store = try? CaseloadStore(directory: directory) else { return log.problem("index \(mutation.label): the data directory did not open") }
                log.count("opened")
                if store.summaries.map(\.id) != [Baseline.youthID] { log.problem("index \(mutation.label): the caseload is \(store.summaries.map(\.id))") }
                for problem in Baseline(directory: directory).problems(store) { log.problem("index \(mutation.label): \(problem)") }
            }
        }
    }

    /// An export given to `import` mutated: refused with a Dutch message that says nothing was
    /// imported, or read.
    func testAMutatedExportIsReadOrRefusedInDutchOnImport() throws {
        let folder = temporaryDirectory(self)
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        fuzz("mutated exports on import") { log in
            var random = SeededGenerator(seed: FuzzSettings.seed &+ 7)
            for (index, mutation) in Self.chosen(.export, count: FuzzSettings.long ? 1_000 : 60, using: &random).enumerated() {
                let path = folder + "/export-\(index).json"
                try! mutation.make().write(to: URL(fileURLWithPath: path))
                log.current = "export: \(mutation.label)"
                do throws(HandoverError) {
                    _ = try CaseloadExport.read(from: path)
                    log.count("read")
                    if case .refused = mutation.expectation { log.problem("export \(mutation.label): imported, but should be refused") }
                } catch {
                    log.count("refused")
                    let message = error.message.replacingOccurrences(of: path, with: "export.json")
                    if let problem = FuzzCheck.problem(in: message) { log.problem("export \(mutation.label): \(problem): \(message.prefix(300))") }
                    if !message.hasSuffix("Er is niets geïmporteerd.") { log.problem("export \(mutation.label): does not say nothing was imported: \(message.prefix(300))") }
                }
            }
        }
    }

    // MARK: - Special files

    /// What is put in place of a file in `special`.
    private enum Special: String, CaseIterable {
        case fifo, socket, device, directory, symlink, danglingSymlink, hardLink, unreadable
    }

    /// A FIFO, a socket, a device, a folder, links and an unreadable file in place of a youth, a
    /// workplace, a review, a draft, the settings and the erasure log, all at once: each is set
    /// aside (never read, never followed, no hang) with a Dutch notice saying what it is, or read
    /// when it is an ordinary file after all, and every other file opens.
    func testSpecialFilesInPlaceOfEveryKindAreRefusedAndTheRestLoads() throws {
        for special in Special.allCases {
            let outside = temporaryDirectory(self)
            try FileManager.default.createDirectory(atPath: outside, withIntermediateDirectories: true)
            let baseline = try Baseline(self)
            let kinds: [FuzzKind] = [.youth, .workplace, .review, .draft, .settings, .erasures]
            let spots = kinds.map { Self.place(Data(), kind: $0, index: 0).path }
            var made: [String] = []
            for (index, spot) in spots.enumerated() {
                let path = baseline.directory + "/" + spot
                unlink(path)
                // The good file of the kind, outside: what a link or a second name would reach.
                let kind = kinds[index]
                let target = outside + "/\(index).json"
                try Self.place(FuzzKind.sample(kind.samples.last!), kind: kind, index: 0).data.write(to: URL(fileURLWithPath: target))
                if try Self.make(special, at: path, target: target) { made.append(spot) }
            }
            let spotsMade = made
            let targets = try (0..<spots.count).map { try Data(contentsOf: URL(fileURLWithPath: outside + "/\($0).json")) }
            let directory = baseline.directory
            fuzz("special files: \(special.rawValue)", limit: 120) { log in
                guard let store = try? CaseloadStore(directory: directory) else { return log.problem("\(special.rawValue): the data directory did not open") }
                _ = store.review(of: ReviewWeek(text: "1990-W01")!)
                _ = store.erasureCounts
                _ = store.drafts()
                let skipping: Set<FuzzKind> = special == .hardLink || special == .unreadable ? [] : [.settings, .erasures]
                for problem in Baseline(directory: directory).problems(store, skipping: skipping) { log.problem("\(special.rawValue): \(problem)") }
                for spot in spotsMade {
                    let name = (spot as NSString).lastPathComponent
                    let naming = store.notices.map(\.message).filter { $0.contains(name) }
                    let stillThere = PrivateFiles.kind(of: directory + "/" + spot) != .missing
                    switch special {
                    case .hardLink, .unreadable:
                        // An ordinary file after all (root reads a mode-000 file): read, or set aside saying why.
                        log.count(naming.isEmpty ? "read" : "set aside")
                        if let message = naming.first, let problem = FuzzCheck.problem(in: message) { log.problem("\(special.rawValue) \(spot): \(problem)") }
                    default:
                        log.count("set aside")
                        if naming.count != 1 { log.problem("\(special.rawValue) \(spot): named in \(naming.count) notices") }
                        if let message = naming.first {
                            if let problem = FuzzCheck.problem(in: message) { log.problem("\(special.rawValue) \(spot): \(problem): \(message)") }
                            if !message.contains("geen gewoon bestand") { log.problem("\(special.rawValue) \(spot): does not say what it is: \(message)") }
                        }
                        if stillThere { log.problem("\(special.rawValue) \(spot): left in place") }
                    }
                }
                for (index, data) in targets.enumerated() where (try? Data(contentsOf: URL(fileURLWithPath: outside + "/\(index).json"))) != data {
                    log.problem("\(special.rawValue): the file outside the data directory changed (\(index).json)")
                }
            }
        }
    }

    /// The same in place of a folder: youths/ refuses to open saying why (nothing is read past
    /// it); workplaces/, reviews/ and drafts/ are said once, never read through, and the rest loads.
    func testSpecialFilesInPlaceOfTheFoldersAreRefusedAndTheRestLoads() throws {
        let outside = temporaryDirectory(self)
        try FileManager.default.createDirectory(atPath: outside + "/folder", withIntermediateDirectories: true)
        try FuzzKind.sample("workplace-v1").write(to: URL(fileURLWithPath: outside + "/folder/x.json"))
        for folder in ["youths", "workplaces", "reviews", "drafts"] {
            for special in [Special.fifo, .device, .symlink, .hardLink] {
                let baseline = try Baseline(self)
                try FileManager.default.removeItem(atPath: baseline.directory + "/" + folder)
                // A link to a folder outside; an ordinary file for "hard link" (a folder cannot have one).
                let made = special == .hardLink
                    ? FileManager.default.createFile(atPath: baseline.directory + "/" + folder, contents: Data("{}".utf8))
                    : try Self.make(special, at: baseline.directory + "/" + folder, target: outside + "/folder")
                guard made else { continue }
                let directory = baseline.directory
                fuzz("\(folder)/ as \(special.rawValue)", limit: 120) { log in
                    do {
                        let store = try CaseloadStore(directory: directory)
                        if folder == "youths" { return log.problem("youths/ as \(special.rawValue): opened") }
                        _ = store.review(of: ReviewWeek(text: Baseline.week)!)
                        _ = store.drafts()
                        if (try? store.youth(id: Baseline.youthID)) == nil { log.problem("\(folder)/ as \(special.rawValue): the good youth did not open") }
                        if store.settings.coachName != "Anna de Coach" { log.problem("\(folder)/ as \(special.rawValue): the good settings did not open") }
                        let naming = store.notices.map(\.message).filter { $0.contains(folder + "/") }
                        log.count(naming.isEmpty ? "silent" : "said")
                        if naming.count != 1 { log.problem("\(folder)/ as \(special.rawValue): named in \(naming.count) notices: \(store.notices.map(\.message))") }
                        for message in naming { if let problem = FuzzCheck.problem(in: message) { log.problem("\(folder)/ as \(special.rawValue): \(problem): \(message)") } }
                    } catch {
                        log.count("refused to open")
                        if folder != "youths" { log.problem("\(folder)/ as \(special.rawValue): did not open: \(error.localizedDescription)") }
                        if let problem = FuzzCheck.problem(in: error.localizedDescription) { log.problem("\(folder)/ as \(special.rawValue): \(problem): \(error.localizedDescription)") }
                    }
                    if (try? FileManager.default.contentsOfDirectory(atPath: outside + "/folder")) != ["x.json"] { log.problem("\(folder)/ as \(special.rawValue): the folder outside changed") }
                }
            }
        }
    }

    /// Names no version writes, in every folder: bytes that are not UTF-8, control characters, a
    /// name of 250 bytes. Each is read or set aside with a notice that shows the name escaped, and
    /// the rest loads.
    func testStrangeFileNamesInEveryFolderAreSetAsideAndTheRestLoads() throws {
        let baseline = try Baseline(self)
        let names: [[UInt8]] = [[0xFF, 0xFE], Array("\u{1B}]0;x\u{07}\u{202E}".utf8), Array(String(repeating: "n", count: 245).utf8), [0xC3, 0x28, 0x0A]]
        for folder in ["youths", "workplaces", "reviews", "drafts"] {
            for name in names {
                let path = Array((baseline.directory + "/" + folder + "/").utf8) + name + Array(".json".utf8)
                let fd = path.withUnsafeBufferPointer { buffer in
                    (buffer.map { CChar(bitPattern: $0) } + [0]).withUnsafeBufferPointer { open($0.baseAddress!, O_WRONLY | O_CREAT | O_EXCL, 0o600) }
                }
                XCTAssertGreaterThanOrEqual(fd, 0)
                _ = Array("{}".utf8).withUnsafeBufferPointer { write(fd, $0.baseAddress, 2) }
                close(fd)
            }
        }
        let directory = baseline.directory
        fuzz("strange file names", limit: 120) { log in
            for round in 1...2 {
                guard let store = try? CaseloadStore(directory: directory) else { return log.problem("round \(round): the data directory did not open") }
                _ = store.review(before: ReviewWeek(text: "2999-W01")!)
                _ = store.drafts()
                for problem in Baseline(directory: directory).problems(store) { log.problem("round \(round): \(problem)") }
                let messages = store.notices.map(\.message)
                log.count("round \(round): \(messages.count) notices")
                // A name that is not UTF-8 cannot be opened or moved by it: said at each start, once.
                let undecodable = messages.filter { $0.contains("de naam van het bestand is geen geldige UTF-8") && $0.contains("blijven staan") }
                let moved = messages.filter { $0.contains("Het is verplaatst naar quarantine/") }
                if undecodable.count != 8 { log.problem("round \(round): \(undecodable.count) notices of names that are not UTF-8, not 8") }
                if moved.count != (round == 1 ? 8 : 0) { log.problem("round \(round): \(moved.count) set aside") }
                if messages.count != undecodable.count + moved.count { log.problem("round \(round): other notices: \(messages)") }
                if !moved.allSatisfy({ $0.contains("\\x1B]0;x\\x07\\u{202E}.json") || $0.contains("nnnnn") }) { log.problem("round \(round): a name not shown escaped: \(moved)") }
            }
        }
    }

    /// Makes `special` at `path`; false when this machine does not allow it (a device as a user).
    private static func make(_ special: Special, at path: String, target: String) throws -> Bool {
        switch special {
        case .fifo: return mkfifo(path, 0o600) == 0
        case .socket:
            let fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
            defer { close(fd) }
            var address = sockaddr_un()
            address.sun_family = sa_family_t(AF_UNIX)
            let fits = withUnsafeMutableBytes(of: &address.sun_path) { buffer in
                guard path.utf8.count < buffer.count else { return false }
                for (index, byte) in path.utf8.enumerated() { buffer[index] = byte }
                return true
            }
            return fits && withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
            } == 0
        case .device: return mknod(path, mode_t(S_IFCHR) | 0o600, dev_t(1 << 8 | 3)) == 0
        case .directory:
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: false)
            try Data("{}".utf8).write(to: URL(fileURLWithPath: path + "/inside.json"))
            return true
        case .symlink: return symlink(target, path) == 0
        case .danglingSymlink: return symlink(target + ".gone", path) == 0
        case .hardLink: return link(target, path) == 0
        case .unreadable:
            try FileManager.default.copyItem(atPath: target, toPath: path)
            return chmod(path, 0o000) == 0
        }
    }
}
