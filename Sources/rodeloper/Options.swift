import Caseload
import Foundation

/// What the command line asked for.
struct Options: Equatable {
    enum Command: Equatable {
        case run, demo, help, version
        /// The whole caseload (a backup), or one youth's case (a handover), as JSON: to `out`, or
        /// to stdout when nil.
        case exportJSON(youthID: String?, out: String?)
        /// Adds a handover to the caseload (`replace`: over the youth already there), or restores
        /// a backup into an empty data directory.
        case importFile(path: String, replace: Bool)
        /// One youth's veranderplan as Markdown.
        case exportPlan(youthID: String)
        /// The agenda or minutes of one youth's meeting on a date, as Markdown or text.
        case exportMeeting(youthID: String, date: LocalDate, agenda: Bool, markdown: Bool)
        /// The handout for the employer of one youth's placement (1-based in order of start; nil:
        /// the current one), as Markdown.
        case exportHandout(youthID: String, placement: Int?)
        /// The summary of a week's review (this week when `week` is nil), as Markdown or text.
        case review(week: String?, markdown: Bool)
        /// The figures for the action research: of this caseload (`share`: as meant for others,
        /// small numbers suppressed), or of the research exports in `merge` together.
        case report(markdown: Bool, from: LocalDate?, to: LocalDate?, share: Bool, merge: [String])
        /// The pseudonymised research export, as CSV files in the folder `out`.
        case exportCSV(comma: Bool, out: String?)
        /// Meetings, deadlines and due metingen as iCalendar: to `out`, or to stdout when nil.
        case exportICS(out: String?)
    }

    var command = Command.run
    var dataDirectory: String?

    static let usage = """
        Gebruik:
          rodeloper [--data-dir MAP]                        start het programma
          rodeloper [--data-dir MAP] demo                   schrijf de demo-caseload in een lege map
          rodeloper [--data-dir MAP] export --format json [--out BESTAND]
                                                            back-up: de hele caseload als JSON (met
                                                            werkplekken, instellingen en weekbesprekingen),
                                                            in BESTAND of op stdout
          rodeloper [--data-dir MAP] export --format json --youth ID [--out BESTAND]
                                                            overdracht: één dossier met de werkplekken
                                                            van zijn plaatsingen (concepten blijven hier)
          rodeloper [--data-dir MAP] import BESTAND [--replace]
                                                            voeg een overgedragen dossier toe (--replace:
                                                            vervang het dossier dat er al is), of zet een
                                                            back-up terug in een lege gegevensmap
          rodeloper [--data-dir MAP] export --format markdown --youth ID
                                                            het veranderplan van een jongere als Markdown
          rodeloper [--data-dir MAP] export --format markdown|text --youth ID --meeting DATUM [--agenda]
                                                            verslag (of agenda) van een wrap-around overleg
          rodeloper [--data-dir MAP] export --format markdown --youth ID --handout [--placement N]
                                                            de handout voor de werkgever: gebruiksaanwijzing
                                                            (alleen met toestemming) en plaatsingsafspraken;
                                                            N telt de plaatsingen vanaf de eerste (standaard
                                                            de huidige)
          rodeloper [--data-dir MAP] review [--format markdown|text] [--week JJJJ-WW]
                                                            de weekbespreking (standaard deze week, als tekst)
          rodeloper [--data-dir MAP] report [--format text|markdown] [--from DD-MM-JJJJ] [--to DD-MM-JJJJ] [--share]
                                                            de cijfers voor het actieonderzoek (--share: zoals
                                                            voor anderen, kleine aantallen als "< 5")
          rodeloper report [--format text|markdown] [--from …] [--to …] --merge MAP...
                                                            dezelfde cijfers over de onderzoeksexports van
                                                            meerdere coaches samen
          rodeloper [--data-dir MAP] export --format csv [--comma] [--out MAP]
                                                            gepseudonimiseerde export voor de onderzoekers
                                                            (alleen met toestemming voor onderzoek), CSV voor
                                                            Excel; --comma: komma's en decimale punt
          rodeloper [--data-dir MAP] export --format ics [--out BESTAND]
                                                            overleggen, deadlines en metingen als agenda
                                                            (iCalendar), in BESTAND of op stdout
          rodeloper --help | --version

        Gegevens staan in $XDG_DATA_HOME/rodeloper (standaard ~/.local/share/rodeloper),
        of in de map die --data-dir noemt.
        """

    struct UsageError: Error, Equatable {
        let message: String
    }

    static func parse(_ arguments: [String]) throws(UsageError) -> Options {
        var options = Options()
        var positional: [String] = []
        var format: String?
        var youth: String?
        var meeting: String?
        var agenda = false
        var week: String?
        var handout = false
        var placement: String?
        var out: String?
        var replace = false
        var from: String?
        var to: String?
        var share = false
        var merge = false
        var comma = false
        var index = 0
        var seen: Set<String> = []
        func value(for flag: String) throws(UsageError) -> String {
            index += 1
            guard index < arguments.count, !arguments[index].isEmpty else { throw UsageError(message: "\(flag) verwacht een waarde.") }
            return arguments[index]
        }
        while index < arguments.count {
            let argument = arguments[index]
            // An option given twice is refused: which one was meant is a guess (`--placement 1 --placement 2`).
            let option = argument.hasPrefix("--") ? String(argument.split(separator: "=", maxSplits: 1)[0]) : ""
            if !option.isEmpty, !seen.insert(option).inserted { throw UsageError(message: "\(option) staat er twee keer; geef het één keer.") }
            switch argument {
            case "--help", "-h": return Options(command: .help)
            case "--version": return Options(command: .version)
            case "--data-dir": options.dataDirectory = try value(for: argument)
            case "--format": format = try value(for: argument)
            case "--youth": youth = try value(for: argument)
            case "--meeting": meeting = try value(for: argument)
            case "--agenda": agenda = true
            case "--week": week = try value(for: argument)
            case "--handout": handout = true
            case "--placement": placement = try value(for: argument)
            case "--out": out = try value(for: argument)
            case "--replace": replace = true
            case "--from": from = try value(for: argument)
            case "--to": to = try value(for: argument)
            case "--share": share = true
            case "--merge": merge = true
            case "--comma": comma = true
            default:
                if argument.hasPrefix("--data-dir=") {
                    options.dataDirectory = String(argument.dropFirst("--data-dir=".count))
                } else if argument.hasPrefix("--format=") {
                    format = String(argument.dropFirst("--format=".count))
                } else if argument.hasPrefix("-") {
                    throw UsageError(message: "Onbekende optie: \(argument)")
                } else {
                    positional.append(argument)
                }
            }
            index += 1
        }
        switch positional {
        case []: options.command = .run
        case ["demo"]: options.command = .demo
        case let arguments where arguments.first == "import":
            guard arguments.count == 2 else {
                throw UsageError(message: arguments.count == 1 ? "import verwacht een bestand: rodeloper import BESTAND." : "import neemt één bestand.")
            }
            guard format == nil, youth == nil, meeting == nil, !agenda, !handout, placement == nil, week == nil, out == nil else {
                throw UsageError(message: "import kent alleen --replace (en --data-dir).")
            }
            options.command = .importFile(path: arguments[1], replace: replace)
        case ["review"]:
            guard youth == nil, meeting == nil, !agenda else { throw UsageError(message: "review kent alleen --format en --week.") }
            switch format {
            case nil, "text": options.command = .review(week: week, markdown: false)
            case "markdown": options.command = .review(week: week, markdown: true)
            case let other?: throw UsageError(message: "Onbekend formaat voor review: \(other) (bekend: markdown, text).")
            }
        case let arguments where arguments.first == "report":
            guard youth == nil, meeting == nil, !agenda, !handout, placement == nil, week == nil, out == nil else {
                throw UsageError(message: "report kent alleen --format, --from, --to, --share en --merge.")
            }
            let folders = Array(arguments.dropFirst())
            guard merge == !folders.isEmpty else {
                throw UsageError(message: merge ? "--merge verwacht een of meer mappen met onderzoeksexports." : "Onbekende opdracht: \(arguments.joined(separator: " "))")
            }
            guard !(merge && share) else { throw UsageError(message: "--merge toont altijd de cijfers zoals voor anderen; --share hoort er niet bij.") }
            // The merge reads only the folders given: a data directory would be silently ignored.
            guard !(merge && options.dataDirectory != nil) else {
                throw UsageError(message: "--data-dir hoort niet bij report --merge: de samenvoeging leest alleen de mappen met onderzoeksexports, geen gegevensmap.")
            }
            let markdown: Bool
            switch format {
            case nil, "text": markdown = false
            case "markdown": markdown = true
            case let other?: throw UsageError(message: "Onbekend formaat voor report: \(other) (bekend: markdown, text).")
            }
            let (first, last) = (try day(from, "--from"), try day(to, "--to"))
            if let first, let last, last < first { throw UsageError(message: "--to (\(last.text)) ligt vóór --from (\(first.text)).") }
            options.command = .report(markdown: markdown, from: first, to: last, share: share, merge: folders)
        case ["export"]:
            switch format {
            case nil: throw UsageError(message: "export verwacht --format json, markdown, text, csv of ics.")
            case "csv" where youth == nil && meeting == nil && !handout && placement == nil && !agenda:
                options.command = .exportCSV(comma: comma, out: out)
            case "ics" where youth == nil && meeting == nil && !handout && placement == nil && !agenda:
                options.command = .exportICS(out: out)
            case "csv", "ics": throw UsageError(message: "--format \(format!) geldt de hele caseload: --youth, --meeting, --agenda, --handout en --placement horen er niet bij.")
            case "json" where meeting == nil && !handout && placement == nil && !agenda: options.command = .exportJSON(youthID: youth, out: out)
            case "json": throw UsageError(message: "--meeting, --agenda, --handout en --placement horen bij --format markdown of text.")
            case "markdown", "text":
                guard let youth else { throw UsageError(message: "--format \(format!) verwacht --youth ID (het nummer van het dossier).") }
                if handout || placement != nil {
                    guard handout else { throw UsageError(message: "--placement hoort bij --handout.") }
                    guard format == "markdown", meeting == nil, !agenda else {
                        throw UsageError(message: "--handout gaat alleen met --format markdown --youth ID, zonder --meeting of --agenda.")
                    }
                    options.command = .exportHandout(youthID: youth, placement: try placementNumber(placement))
                } else if let meeting {
                    // A date that does not exist is a usage error (2), as a week that does not exist.
                    let date: LocalDate
                    do { date = try LocalDate.parse(meeting) } catch { throw UsageError(message: "--meeting: \(error.message)") }
                    options.command = .exportMeeting(youthID: youth, date: date, agenda: agenda, markdown: format == "markdown")
                } else if format == "markdown" && !agenda {
                    options.command = .exportPlan(youthID: youth)
                } else {
                    throw UsageError(message: "--format text en --agenda horen bij --meeting DATUM.")
                }
            case let other?: throw UsageError(message: "Onbekend exportformaat: \(other) (bekend: json, markdown, text, csv, ics).")
            }
        default:
            throw UsageError(message: "Onbekende opdracht: \(positional.joined(separator: " "))")
        }
        let isReport = positional.first == "report"
        if (youth != nil || meeting != nil || agenda || handout || placement != nil || (format != nil && positional != ["review"] && !isReport))
            && positional != ["export"] {
            throw UsageError(message: "--format, --youth, --meeting, --agenda, --handout en --placement horen bij export.")
        }
        if week != nil && positional != ["review"] { throw UsageError(message: "--week hoort bij review.") }
        if replace, positional.first != "import" { throw UsageError(message: "--replace hoort bij import.") }
        if (from != nil || to != nil || share || merge), !isReport { throw UsageError(message: "--from, --to, --share en --merge horen bij report.") }
        if comma, !(options.command == .exportCSV(comma: true, out: out)) { throw UsageError(message: "--comma hoort bij export --format csv.") }
        switch (out, options.command) {
        case (nil, _), (_, .exportJSON), (_, .exportCSV), (_, .exportICS): break
        default: throw UsageError(message: "--out hoort bij export --format json, csv of ics.")
        }
        return options
    }

    /// A day given as DD-MM-JJJJ (or JJJJ-MM-DD); nil when not given.
    private static func day(_ text: String?, _ flag: String) throws(UsageError) -> LocalDate? {
        guard let text else { return nil }
        do { return try LocalDate.parse(text) } catch { throw UsageError(message: "\(flag): \(error.message)") }
    }

    /// The number after --placement: a whole number from 1; nil when not given.
    private static func placementNumber(_ text: String?) throws(UsageError) -> Int? {
        guard let text else { return nil }
        guard text.allSatisfy(\.isASCII), text.allSatisfy(\.isNumber), !text.hasPrefix("0"), let number = Int(text) else {
            throw UsageError(message: "--placement verwacht het nummer van een plaatsing: 1 is de eerste (op startdatum), 2 de tweede, enzovoort.")
        }
        return number
    }

    /// --data-dir, else $XDG_DATA_HOME/rodeloper, else ~/.local/share/rodeloper.
    func resolvedDataDirectory(environment: [String: String]) -> String? {
        if let dataDirectory {
            return dataDirectory.hasPrefix("/") ? dataDirectory : FileManager.default.currentDirectoryPath + "/" + dataDirectory
        }
        if let xdg = environment["XDG_DATA_HOME"], xdg.hasPrefix("/") { return xdg + "/rodeloper" }
        guard let home = environment["HOME"], home.hasPrefix("/") else { return nil }
        return home + "/.local/share/rodeloper"
    }
}
