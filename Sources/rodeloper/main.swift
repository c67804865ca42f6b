import Caseload
import CoachScreens
import Foundation
import SafeText
import TerminalKit

let version = "0.1.0"

// A crash must not leave a core file full of names in the working directory.
var noCoreFiles = rlimit(rlim_cur: 0, rlim_max: 0)
setrlimit(Int32(RLIMIT_CORE.rawValue), &noCoreFiles)
// Nor a backtrace with memory bytes on stderr: a short message instead, from the first line on
// (a file read at the start could reach a fault as well as a key could).
NcursesTerminal.catchCrashes()

/// A line on stderr. Whatever it names (a file, a path) is escaped: never raw control characters.
func warn(_ message: String) {
    FileHandle.standardError.write(Data("rodeloper: \(SafeText.escaped(message, keepingLineBreaks: true))\n".utf8))
}

func fail(_ message: String, status: Int32 = 1) -> Never {
    warn(message)
    exit(status)
}

let environment = ProcessInfo.processInfo.environment
let options: Options
do {
    options = try Options.parse(Array(CommandLine.arguments.dropFirst()))
} catch {
    fail("\(error.message)\n\n\(Options.usage)", status: 2)
}

switch options.command {
case .help:
    print(Options.usage)
    exit(0)
case .version:
    print("rodeloper \(version)")
    exit(0)
default:
    break
}

guard let directory = options.resolvedDataDirectory(environment: environment) else {
    fail("Geen gegevensmap: HOME is niet gezet. Gebruik --data-dir MAP.")
}

/// The first part of `path` that exists but is no folder (following links, as opening would):
/// the data directory cannot be made there.
func fileInTheWay(of path: String) -> String? {
    var prefix = ""
    for part in path.split(separator: "/") {
        prefix += "/" + part
        var info = stat()
        guard stat(prefix, &info) == 0 else { return nil }
        if (info.st_mode & S_IFMT) != S_IFDIR { return prefix }
    }
    return nil
}

if let file = fileInTheWay(of: directory) {
    let advice = options.dataDirectory != nil ? "Geef met --data-dir een map."
        : "Laat \(environment["XDG_DATA_HOME"]?.hasPrefix("/") == true ? "XDG_DATA_HOME" : "HOME") naar een map wijzen, of geef --data-dir MAP."
    fail("De gegevensmap \(directory) kan niet worden gebruikt: \(file) is een bestand, geen map. \(advice)")
}

switch options.command {
case .exportJSON(let id, let out):
    do {
        let store = try CaseloadStore(directory: directory, mode: .readOnly)
        if let id {
            // A handover is one case: whole or refused.
            let export = try store.handover(youthID: try store.resolveID(id), exportedAt: Date())
            if let out {
                try export.write(to: out, outside: directory)
                print("Dossier \(export.youths.map { $0.id.prefix(8) }.joined()) met \(export.workplaces.count) werkplek\(export.workplaces.count == 1 ? "" : "ken") geschreven naar \(SafeText.escaped(out)).")
            } else {
                FileHandle.standardOutput.write(try export.json())
            }
            exit(0)
        }
        // A backup is written youth by youth (docs/decisions.md). One that cannot hold every file
        // whole is refused before anything is written; to --out it is all or nothing.
        if let out {
            let count = try ExportFile.write(to: out, outside: directory, example: "rodeloper-backup.json") { try store.writeBackup(exportedAt: Date(), to: $0) }
            print("Back-up van \(count) dossier\(count == 1 ? "" : "s") geschreven naar \(SafeText.escaped(out)).")
        } else {
            let writer = ExportWriter(fd: STDOUT_FILENO)
            do {
                _ = try store.writeBackup(exportedAt: Date(), to: writer)
            } catch let error as HandoverError where writer.bytesFlushed > 0 {
                // A youth file changed since the start and no longer reads: stdout is cut off before its end.
                fail(error.message.replacingOccurrences(of: "Er is niets geschreven.", with: "Wat al op stdout stond, is afgebroken vóór het einde: "
                    + "geen geldige back-up, en importeren weigert het."))
            }
        }
        // A backup that misses an unreadable file says so.
        for notice in store.notices { warn(notice.message) }
        exit(store.notices.isEmpty ? 0 : 1)
    } catch {
        fail(error.localizedDescription)
    }

case .importFile(let path, let replace):
    do {
        // The file first: a file that is refused changes nothing, not even a new data directory.
        let export = try CaseloadExport.read(from: path)
        let store = try CaseloadStore(directory: directory)
        for notice in store.notices { warn(notice.message) }
        let result = try store.importExport(export, replace: replace)
        for line in result.workplacesKept { warn(line) }
        if let line = result.missingWorkplacesLine { warn(line) }
        print("\(result.summary) Gegevensmap: \(SafeText.escaped(directory)).")
    } catch {
        fail(error.localizedDescription)
    }

case .exportPlan(let id):
    do {
        let store = try CaseloadStore(directory: directory, mode: .readOnly)
        let full = try store.resolveID(id)
        FileHandle.standardOutput.write(Data(PlanMarkdown.render(try store.youth(id: full), today: LocalDate(Date(), timeZone: .current), timeZone: .current).utf8))
    } catch {
        fail(error.localizedDescription)
    }

case .exportMeeting(let id, let date, let agenda, let markdown):
    do {
        let store = try CaseloadStore(directory: directory, mode: .readOnly)
        let full = try store.resolveID(id)
        let youth = try store.youth(id: full)
        guard let meeting = youth.meetingsInOrder.last(where: { $0.date == date }) else {
            fail("Er is geen wrap-around overleg op \(date.text) in dit dossier.")
        }
        let text = MeetingDocument.render(youth, meeting, kind: agenda ? .agenda : .minutes, format: markdown ? .markdown : .text)
        FileHandle.standardOutput.write(Data(text.utf8))
    } catch {
        fail(error.localizedDescription)
    }

case .exportHandout(let id, let number):
    do {
        let store = try CaseloadStore(directory: directory, mode: .readOnly)
        let full = try store.resolveID(id)
        let youth = try store.youth(id: full)
        guard let placement = youth.placement(numbered: number) else {
            let count = youth.placements.count
            let have = count == 0 ? "Dit dossier heeft geen plaatsingen." : "Dit dossier heeft \(count) plaatsing\(count == 1 ? "" : "en") (1 tot en met \(count))."
            fail(number.map { "Er is geen plaatsing \($0). \(have)" } ?? "Er is geen huidige plaatsing (lopend of gepland); kies er een met --placement N. \(have)")
        }
        let today = LocalDate(Date(), timeZone: .current)
        FileHandle.standardOutput.write(Data(Handout.markdown(youth, placement: placement, workplace: store.workplace(id: placement.workplaceID), on: today).utf8))
    } catch {
        fail(error.localizedDescription)
    }

case .review(let weekText, let markdown):
    do {
        let today = LocalDate(Date(), timeZone: .current)
        // The week is checked before anything is read: a week that does not exist is a usage error.
        guard let week = weekText.map({ ReviewWeek(text: $0) }) ?? ReviewWeek(containing: today) else {
            fail("Onbekende week: \(weekText ?? ""). Typ een week die bestaat als JJJJ-WW (jaar \(ReviewWeek.years.lowerBound) tot en met \(ReviewWeek.years.upperBound), week 1 tot en met 52 of 53), bijvoorbeeld 2026-49.", status: 2)
        }
        let store = try CaseloadStore(directory: directory, mode: .readOnly)
        // A link or a file in place of reviews/ is never read through: no review is printed from
        // what it would hide (an agenda without the stored pages would look like the week's record).
        if let problem = store.folderProblem(CaseloadStore.reviewsFolder) { fail(problem.localizedDescription) }
        // This week opens as the screen opens it (the stored review merged with today's agenda),
        // without writing; another week is printed as it was stored.
        guard let review = week == ReviewWeek(containing: today) ? store.openReview(today: today, now: Date()).review : store.review(of: week) else {
            for notice in store.notices { warn(notice.message) }
            fail("Er is geen weekbespreking van week \(week.week) van \(week.year) (\(week.text)).")
        }
        FileHandle.standardOutput.write(Data(ReviewSummary.render(review, coachName: store.settings.coachName, format: markdown ? .markdown : .text).utf8))
        for notice in store.notices { warn(notice.message) }
        exit(store.notices.isEmpty ? 0 : 1)
    } catch {
        fail(error.localizedDescription)
    }

case .report(let markdown, let from, let to, let share, let merge):
    do {
        let today = LocalDate(Date(), timeZone: .current)
        // Without --to the period ends today: a --from after today is refused, as on the screen.
        if let from, to == nil, from > today {
            fail("--to (vandaag, \(today.text)) ligt vóór --from (\(from.text)). Geef --to met een dag vanaf \(from.text), of een eerdere --from.", status: 2)
        }
        let data: ResearchData
        if merge.isEmpty {
            let store = try CaseloadStore(directory: directory, mode: .readOnly)
            let (own, leftOut) = try store.researchData(forSharing: share, today: today)
            data = own
            for notice in store.notices { warn(notice.message) }
            if share, leftOut > 0 { warn("\(leftOut) jongere\(leftOut == 1 ? "" : "n") zonder toestemming voor onderzoek niet meegeteld.") }
        } else {
            data = try ResearchExport.merge(directories: merge)
        }
        let report = ResearchReport(data: data, period: ReportPeriod(from: from, to: to ?? today), shared: share || !merge.isEmpty)
        FileHandle.standardOutput.write(Data(report.render(markdown ? .markdown : .text).utf8))
    } catch {
        fail(error.localizedDescription)
    }

case .exportCSV(let comma, let out):
    do {
        let today = LocalDate(Date(), timeZone: .current)
        let store = try CaseloadStore(directory: directory, mode: .readOnly)
        let result = try store.writeResearchExport(to: out ?? "rodeloper-onderzoek-\(today.iso)", dialect: comma ? .comma : .excel, today: today, now: Date())
        for notice in store.notices { warn(notice.message) }
        warn("\(result.exported) jongere\(result.exported == 1 ? "" : "n") geëxporteerd; \(result.leftOut) niet, zonder toestemming voor onderzoek.")
        if result.unreadable > 0 {
            warn("\(result.unreadable) dossierbestand\(result.unreadable == 1 ? "" : "en") kon\(result.unreadable == 1 ? "" : "den") niet worden gelezen en "
                + "\(result.unreadable == 1 ? "ontbreekt" : "ontbreken") in de export; die is dus niet compleet (ook vermeld in LEESMIJ.txt).")
        }
        if result.handedOver > 0 {
            warn("\(result.handedOver) overgedragen dossier\(result.handedOver == 1 ? " telt" : "s tellen") mee bij de coach die \(result.handedOver == 1 ? "het" : "ze") nu heeft, niet hier.")
        }
        print("Onderzoeksexport geschreven in \(SafeText.escaped(result.directory)).")
    } catch {
        fail(error.localizedDescription)
    }

case .exportICS(let out):
    do {
        let store = try CaseloadStore(directory: directory, mode: .readOnly)
        let text = try store.calendar(today: LocalDate(Date(), timeZone: .current), now: Date())
        // A dossier that cannot be read is left out of the calendar: say so.
        for notice in store.notices { warn(notice.message) }
        if let out {
            try ExportFile.write(Data(text.utf8), to: out, outside: directory, example: "rodeloper.ics")
            print("Agenda geschreven naar \(SafeText.escaped(out)).")
        } else {
            FileHandle.standardOutput.write(Data(text.utf8))
        }
    } catch {
        fail(error.localizedDescription)
    }

case .demo:
    do {
        let store = try CaseloadStore(directory: directory)
        for notice in store.notices { warn(notice.message) }
        try DemoCaseload.write(into: store, today: LocalDate(Date(), timeZone: .current), now: Date())
        store.saveIndex()
        print("Demo-caseload met \(store.count) verzonnen jongeren geschreven in \(SafeText.escaped(directory)).")
    } catch {
        fail(error.localizedDescription)
    }

default:
    NcursesTerminal.catchSignals()
    // The terminal first, so the coach sees how far reading a large caseload is. Without one the
    // store is still opened first: its refusal (another instance holds the lock) says more.
    let started = Result { () throws(NcursesTerminal.StartError) in try NcursesTerminal(environment: environment) }
    let store: CaseloadStore
    do {
        let progress = (try? started.get()).map { ProgressLine(terminal: $0) }
        store = try CaseloadStore(directory: directory, progress: progress.map { line in { done, total in
            // Ctrl-C or a signal while a large caseload is read stops at once: between batches
            // nothing is half done, and the cache is only time.
            if let terminal = try? started.get(), terminal.interruptTyped() || NcursesTerminal.caughtSignal != nil {
                terminal.stop()
                exit(NcursesTerminal.caughtSignal.map { 128 + $0 } ?? 0)
            }
            line.show(done: done, total: total)
        } })
    } catch {
        // The message goes to stderr once the terminal is given back, or it would be wiped away.
        (try? started.get())?.stop()
        fail(error.localizedDescription)
    }
    let terminal: NcursesTerminal
    do {
        terminal = try started.get()
    } catch .notATerminal {
        fail("Rode Loper is een schermprogramma en heeft een terminal nodig (geen pijp of bestand).")
    } catch .unknownTerminalType(let type) {
        fail("Dit terminaltype is onbekend: \"\(type)\". Probeer TERM=xterm-256color.")
    } catch .noCursorAddressing(let type) {
        fail("Deze terminal (TERM=\(type.isEmpty ? "leeg" : type)) kan de cursor niet verplaatsen, dus Rode Loper kan er geen scherm op tekenen. Start het in een gewone terminal, bijvoorbeeld met TERM=xterm-256color.")
    }
    let app = App(session: Session(store: store))
    app.run(on: terminal, stopRequested: { NcursesTerminal.caughtSignal != nil })
    terminal.stop()
    // Typed text that could not be kept as a draft (a full disk, a folder without write
    // permission) is gone with the program: the coach is told, never left to find out.
    if store.flushDrafts() != nil {
        warn("Niet bevestigde tekst kon niet als concept worden bewaard en is verloren (de schijf is vol of de map drafts/ is niet schrijfbaar). Alles wat u had bevestigd, is opgeslagen.")
        exit(NcursesTerminal.caughtSignal.map { 128 + $0 } ?? 1)
    }
    if let signal = NcursesTerminal.caughtSignal { exit(128 + signal) }
}
