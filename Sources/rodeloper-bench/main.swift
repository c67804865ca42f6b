import Caseload
import CoachScreens
import Foundation
import TerminalKit

// Generates COUNT invented youths in DIR (default a new temporary directory), then times what a
// coach waits for and reports peak memory. Figures, not pass/fail. Without arguments it prints
// its usage and exits 2: a run of minutes and hundreds of megabytes is never started by accident.

let usage = """
    Usage: rodeloper-bench COUNT [DIR]
      COUNT  how many invented youths to generate (1 to 1000000), e.g. 10000
      DIR    where to write them (default: a new temporary directory); never a real caseload
    Times what a coach waits for (open, list, search, save) and reports peak memory.
    """
let arguments = Array(CommandLine.arguments.dropFirst())
if arguments.first == "-h" || arguments.first == "--help" {
    print(usage)
    exit(0)
}
guard (1...2).contains(arguments.count), let count = Int(arguments[0]), (1...1_000_000).contains(count) else {
    FileHandle.standardError.write(Data((usage + "\n").utf8))
    exit(2)
}
let directory = arguments.count == 2 ? arguments[1] : NSTemporaryDirectory() + "rodeloper-bench-\(UUID().uuidString.prefix(8))"
let now = Date()
let today = LocalDate(now, timeZone: .current)

func seconds(_ work: () throws -> Void) rethrows -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    try work()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

func peakMemoryMB() -> Double {
    var usage = rusage()
    getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
    return Double(usage.ru_maxrss) / 1024
}

func row(_ what: String, _ value: String) { print("| \(what) | \(value) |") }
func ms(_ seconds: Double) -> String { String(format: "%.1f ms", seconds * 1000) }

let firstNames = ["Zoë", "Ahmed", "Daan", "Fenna", "Bilal", "Noor", "Sem", "Yara", "Kevin", "Priya", "Jesse", "Lotte", "Mo", "Çan", "王芳"]
let lastNames = ["Çelik", "de Vries", "Bakker", "El Amrani", "Jansen", "Öztürk", "Visser", "Smit", "Bos", "Mulder"]

print("Rode Loper benchmark: \(count) youths in \(directory)\n")
print("| what | result |")
print("| --- | --- |")

// 1. Generate through the store, as the program saves: atomic write with fsync, one file per youth.
var store: CaseloadStore! = try CaseloadStore(directory: directory)
var sampleIDs: [String] = []
let generate = try seconds {
    for index in 0..<count {
        var youth = try Youth(name: "\(firstNames[index % firstNames.count]) \(lastNames[index / firstNames.count % lastNames.count]) \(index)",
                              now: now, today: today)
        youth.dateOfBirth = today.adding(days: -(16 * 365 + index % (11 * 365)))
        youth.municipality = "Voorbeeldstad"
        youth.foundAt = Channel.allCases[index % Channel.allCases.count]
        // Most cases of a long-running caseload are closed.
        for phase in Phase.allCases.prefix(index % 10 < 8 ? 6 : 1 + index % 5).dropFirst() {
            youth.move(to: phase, on: today, now: now)
        }
        // Two ZRM measurements with notes and a filled-in quick scan, as a case that got going has.
        for (moment, offset) in [(MeasurementMoment.zero, -200), (.one, -100)] where youth.phase != .scout {
            let measurement = try youth.addMeasurement(date: today.adding(days: offset), moment: moment, scoredBy: "Coach",
                                                       today: today.adding(days: offset))
            try youth.updateMeasurement(measurement.id) { m throws(InputError) in
                for (position, domain) in Catalog.lifeDomains.enumerated() {
                    try m.setScore(1 + (index + position) % 5, for: domain.code, today: m.recordedOn)
                    try m.setNote("toelichting bij \(domain.name.lowercased())", for: domain.code, today: m.recordedOn)
                }
            }
        }
        // A contact journal: ten contacts over the last months for a case that is not closed.
        for contact in 0..<(youth.phase == .closed ? 0 : 10) {
            var entry = JournalEntry(date: today.adding(days: -(contact * 9 + index % 7)), kind: ContactKind.allCases[(index + contact) % 8])
            entry.minutes = 30
            entry.text = "gesproken over school, werk en de schulden; afspraak gemaakt voor volgende week"
            entry.principles = [.attention, .structure]
            youth.save(entry)
        }
        youth.quickScan.motivation = "wil graag aan het werk in de techniek en een eigen inkomen"
        for skill in Catalog.basicSkills { youth.quickScan.basicSkills[skill.code] = .sufficient }
        try store.save(youth)
        if index % (count / 10 + 1) == 0 { sampleIDs.append(youth.id) }
    }
    store.saveIndex()
}
row("save one youth (atomic write + fsync), mean over \(count)", ms(generate / Double(count)))
store = nil

// 2. Open the caseload: without the summary cache (every file read), then with it.
try FileManager.default.removeItem(atPath: directory + "/index.json")
let cold = try seconds { store = try CaseloadStore(directory: directory); store = nil }
row("open, no cache (reads and decodes every file)", ms(cold))
let warm = try seconds { store = try CaseloadStore(directory: directory) }
row("open with cache (stat of every file)", ms(warm))

// 3. The caseload screen, headless at 80x24.
var builtApp: App?
row("build the list (fold and sort every name)", ms(seconds { builtApp = App(session: Session(store: store)) }))
let app = builtApp!
@MainActor func frame() -> Canvas {
    var canvas = Canvas(width: 80, height: 24)
    app.render(into: &canvas)
    return canvas
}
var first = Canvas(width: 1, height: 1)
row("first frame of the caseload list", ms(seconds { first = frame() }))
let move = seconds { app.handle(.down) }
let afterMove = frame()
let changed = zip(first.cells, afterMove.cells).filter { $0 != $1 }.count
row("↓ in the list (key + frame)", ms(move + seconds { _ = frame() }))
row("cells that change for ↓ (what ncurses is handed)", "\(changed) of \(first.cells.count)")
app.handle(.char("a"))
app.handle(.char("/"))
let keystroke = seconds {
    app.handle(.char("ç"))
    _ = frame()
}
row("search keystroke over all \(count) (key + frame)", ms(keystroke))
app.handle(.escape)
app.handle(.escape)

// The weekly review: the agenda over every active youth (their files read), then a page turn.
let active = store.summaries.filter { $0.phase != .closed }.count
row("start the weekly review (\(active) active youths read, ranked, saved) + frame", ms(seconds {
    app.handle(.char("r"))
    _ = frame()
}))
row("→ to the next page (review saved, next youth read) + frame", ms(seconds {
    app.handle(.right)
    _ = frame()
}))
app.handle(.char("q"))

// 4. Open one youth: read and decode its full file.
let open = try seconds { for id in sampleIDs { _ = try store.youth(id: id) } } / Double(sampleIDs.count)
row("open one youth's file", ms(open))

// 5. Keys in texts at their limit.
try benchmarkTextAtLimit(now: now, today: today)

let onDisk = (try FileManager.default.contentsOfDirectory(atPath: directory + "/youths"))
    .compactMap { (try? FileManager.default.attributesOfItem(atPath: directory + "/youths/" + $0))?[.size] as? Int }
    .reduce(0, +)
row("data on disk (youth files)", String(format: "%.1f MB", Double(onDisk) / 1e6))
row("peak memory (resident)", String(format: "%.0f MB", peakMemoryMB()))
store = nil
if CommandLine.arguments.count < 3 { try? FileManager.default.removeItem(atPath: directory) }
