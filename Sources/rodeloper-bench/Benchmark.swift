import Caseload
import Foundation

/// The whole benchmark (`rodeloper-bench run`, started by scripts/benchmark): for each size a
/// generated caseload (made once, kept under --data), the real binary started in a pseudo-terminal
/// of 80x24 with and without its cache, its export, key-to-screen times in a child process and
/// the bytes of a row move; calcurse and taskwarrior on equivalent data beside it. Prints a
/// Markdown table and writes it to --out. Every figure has a time budget, so the run stays short.
struct Benchmark {
    var sizes = [25, 1_000, 10_000, 50_000]
    var dataRoot = "/tmp/rodeloper-bench-data"
    var outPath = "benchmark-results.md"
    var binary = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("rodeloper").path
    var commit = "unknown"

    /// The text that ends the first screen of the caseload list: its column header, then the
    /// last hint on the bottom line. calcurse's first screen ends with its status bar.
    static let listMarkers = ["Naam", " help"]
    static let calcurseMarkers = ["OtherCmd"]
    static let down = "\u{1b}OB", up = "\u{1b}OA"
    static let exportMemoryLimitKiB = 4 * 1_048_576
    static let exportTimeLimit = 150.0
    /// A start without a cache that shows no list by then is given as "no first screen".
    static let coldStartTimeLimit = 150.0

    init(arguments: [String]) throws {
        var rest = arguments[...]
        while let option = rest.popFirst() {
            guard let value = rest.popFirst() else { fail(usage) }
            switch option {
            case "--sizes":
                sizes = value.split(separator: ",").compactMap { Int($0.replacingOccurrences(of: "_", with: "")) }
                guard !sizes.isEmpty, sizes.allSatisfy({ (1...1_000_000).contains($0) }) else { fail(usage) }
            case "--data": dataRoot = value
            case "--out": outPath = value
            case "--binary": binary = value
            case "--commit": commit = value
            default: fail(usage)
            }
        }
    }

    // MARK: - The run

    func run() throws {
        let began = monotonicSeconds()
        guard FileManager.default.isExecutableFile(atPath: binary) else { throw InputError("no rodeloper at \(binary) (--binary)") }
        try FileManager.default.createDirectory(atPath: dataRoot, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        var table = Table(sizes: sizes)
        var notes: [String] = []

        let peers = Peers(directory: dataRoot + "/peers", log: log)
        try peers.prepare(notes: &notes)

        var previousKeys: (size: Int, figures: [KeyTimings.Figure])?
        for size in sizes {
            let directory = "\(dataRoot)/\(size)"
            log("== \(size) youths")
            var generator = Generator(count: size, directory: directory, now: Date(), today: LocalDate(Date(), timeZone: .current))
            generator.writeIndex = false
            let generation = monotonicSeconds()
            if try generator.generateUnlessDone(log: log) {
                table.set("generated in (once, then kept)", size, seconds(monotonicSeconds() - generation))
            } else {
                table.set("generated in (once, then kept)", size, "kept")
            }
            let bytes = youthBytes(directory)
            table.set("data: youth files", size, String(format: "%.0f MB, %.1f KB a youth", Double(bytes) / 1e6, Double(bytes) / Double(size) / 1e3))

            log("  start without cache")
            // The valid cache is set aside and put back after, so that a start stopped at its time
            // limit does not cost a whole reading again to make the cache for the next figures.
            let cache = directory + "/index.cache", kept = directory + "/index.cache.kept"
            restoreCache(directory)
            try? FileManager.default.removeItem(atPath: kept)
            try FileManager.default.copyItem(atPath: cache, toPath: kept)
            let cold = try repeated(reps: 3, budget: 20) { () -> Start in
                try? FileManager.default.removeItem(atPath: cache)
                return try start([binary, "--data-dir", directory], markers: Self.listMarkers, timeout: Self.coldStartTimeLimit)
            }
            try? FileManager.default.removeItem(atPath: cache)
            try FileManager.default.moveItem(atPath: kept, toPath: cache)
            table.set("start without cache: first output (progress line)", size, median(cold.compactMap(\.firstOutput)).map(millis) ?? "—")
            table.set("start without cache: first screen", size, describe(cold.map(\.screen)))
            table.set("peak memory, start without cache", size, median(cold.map(\.peakMiB)).map(mebibytes) ?? "—")
            log("  start with cache")
            let warm = try repeated(reps: 7, budget: 15) { try start([binary, "--data-dir", directory], markers: Self.listMarkers, timeout: 120) }
            table.set("start to first screen, valid cache", size, describe(warm.map(\.screen)))
            table.set("peak memory, start with cache", size, median(warm.map(\.peakMiB)).map(mebibytes) ?? "—")

            log("  export")
            let export = try exportRun([binary, "--data-dir", directory, "export", "--format", "json"], environment: Self.environment())
            table.set("export --format json: time", size, export.seconds.map(seconds) ?? export.stopped)
            table.set("export: peak memory", size, mebibytes(export.peakMiB))
            table.set("export: bytes written", size, String(format: "%.1f MB", Double(export.bytes) / 1e6))
            table.set("export: MB/s", size, export.seconds.map { String(format: "%.1f MB/s", Double(export.bytes) / 1e6 / $0) } ?? "—")
            if let seconds = export.seconds { table.secondsPerMB[size] = seconds / (Double(export.bytes) / 1e6) }

            log("  keys in the process")
            let skip = previousKeys.map { previous in
                previous.figures.filter { figure in
                    // Left out at the size before, or expected to take over 30 s once at this size.
                    figure.samples.min().map { $0 / 1000 * Double(size) / Double(previous.size) > 30 } ?? true
                }.map(\.name)
            } ?? []
            let keys = try keyTimings(directory, skip: skip)
            for figure in keys {
                let name = figure.name.hasPrefix("save") ? "one save of a youth with a ~100-entry journal" : "key: " + figure.name
                table.set(name, size, figure.samples.isEmpty ? "skipped (> 30 s expected)" : percentiles(figure.samples))
            }
            previousKeys = (size, keys)

            log("  bytes of a row move")
            table.set("bytes sent for one row move (↓/↑), median of 20", size, try rowMoveBytes([binary, "--data-dir", directory], markers: Self.listMarkers, before: []))
            // What is measured so far, in case a long run is stopped.
            try (header(took: monotonicSeconds() - began) + table.markdown()).write(toFile: outPath, atomically: true, encoding: .utf8)
        }

        log("== peers")
        if let calcurse = peers.calcurse {
            let starts = try repeated(reps: 7, budget: 15) { try start(["calcurse", "-D", calcurse], markers: Self.calcurseMarkers, timeout: 60) }
            table.peer["start to first screen, valid cache"] = ("calcurse, 10,000 appointments", describe(starts.map(\.screen)), median(starts.compactMap(\.screen)))
            table.peer["peak memory, start with cache"] = ("calcurse", median(starts.map(\.peakMiB)).map(mebibytes) ?? "—", median(starts.map(\.peakMiB)))
            let bytes = try rowMoveBytes(["calcurse", "-D", calcurse], markers: Self.calcurseMarkers, before: ["\t", "\t"])
            table.peer["bytes sent for one row move (↓/↑), median of 20"] = ("calcurse todo list (\(Peers.todoCount) todos)", bytes, Double(bytes.split(separator: " ").first ?? ""))
        }
        if let task = peers.taskEnvironment {
            let runs = try repeated(reps: 3, budget: 10) { try exportRun(["task", "export"], environment: task) }
            if let best = runs.first {
                let time = median(runs.compactMap(\.seconds)) ?? 0
                table.peer["export --format json: time"] = ("task export, 10,000 tasks", seconds(time), time)
                table.peer["export: peak memory"] = ("task export", mebibytes(best.peakMiB), best.peakMiB)
                table.peer["export: bytes written"] = ("task export", String(format: "%.1f MB", Double(best.bytes) / 1e6), nil)
                table.peer["export: MB/s"] = ("task export", String(format: "%.1f MB/s", Double(best.bytes) / 1e6 / time), nil)
                table.peerSecondsPerMB = time / (Double(best.bytes) / 1e6)
            }
        }

        let report = header(took: monotonicSeconds() - began) + table.markdown() + notes.map { "\n- " + $0 }.joined() + "\n"
        print(report)
        try report.write(toFile: outPath, atomically: true, encoding: .utf8)
        log("written to \(outPath)")
    }

    // MARK: - Measurements

    struct Start {
        var firstOutput: Double?
        var screen: Double?
        var peakMiB: Double
    }

    /// A start in a pseudo-terminal of 80x24: seconds from the spawn to the first output and to the
    /// first screen complete (every marker seen, in order), and the peak memory of the program.
    func start(_ arguments: [String], markers: [String], timeout: Double) throws -> Start {
        let child = try Child(arguments, environment: Self.environment(), output: .terminal(columns: 80, rows: 24))
        var from = 0
        var screen: Double?
        for marker in markers {
            guard let found = child.readUntil(marker, from: from, timeout: timeout) else {
                screen = nil
                break
            }
            (screen, from) = (found.at - child.started, found.end)
        }
        let first = child.firstOutputAt.map { $0 - child.started }
        child.stop()
        if screen == nil { log("  no first screen from \(arguments.joined(separator: " ")) within \(Int(timeout)) s") }
        return Start(firstOutput: first, screen: screen, peakMiB: Double(child.peakMemoryKiB) / 1024)
    }

    /// Bytes the program sends to the terminal for one row move, after `before` keys: the median
    /// over 20 moves, ↓ and ↑ in turn, each read until the terminal is quiet for 150 ms.
    func rowMoveBytes(_ arguments: [String], markers: [String], before: [String]) throws -> String {
        let child = try Child(arguments, environment: Self.environment(), output: .terminal(columns: 80, rows: 24))
        defer { child.stop() }
        var from = 0
        for marker in markers {
            guard let found = child.readUntil(marker, from: from, timeout: 300) else { return "no first screen" }
            from = found.end
        }
        _ = child.readUntilQuiet(0.3)
        for key in before {
            child.send(key)
            _ = child.readUntilQuiet(0.3)
        }
        var counts: [Double] = []
        for move in 0..<20 {
            // Down and up in turn: every key moves a row, also in a list of five.
            child.send(move % 2 == 0 ? Self.down : Self.up)
            counts.append(Double(child.readUntilQuiet(0.15)))
        }
        return String(format: "%.0f B (min %.0f, max %.0f)", median(counts) ?? 0, counts.min() ?? 0, counts.max() ?? 0)
    }

    struct Export {
        var seconds: Double?
        var stopped = ""
        var peakMiB: Double
        var bytes: Int
    }

    /// An export to a pipe whose bytes are counted and dropped, as `> /dev/null` does: time, bytes
    /// and peak memory; stopped past a time or memory limit (a machine shared with others).
    func exportRun(_ arguments: [String], environment: [String: String]) throws -> Export {
        let child = try Child(arguments, environment: environment, output: .pipe, keepOutput: false)
        var overMemory = false
        var checked = monotonicSeconds()
        let ended = child.finish(timeout: Self.exportTimeLimit) {
            guard monotonicSeconds() - checked > 0.1 else { return false }
            checked = monotonicSeconds()
            overMemory = child.residentKiB > Self.exportMemoryLimitKiB
            return overMemory
        }
        let elapsed = monotonicSeconds() - child.started
        if !ended {
            let peak = Double(child.residentKiB) / 1024
            child.stop(grace: 0)
            let why = overMemory ? "stopped at \(mebibytes(peak)) (limit \(Self.exportMemoryLimitKiB / 1_048_576) GiB)" : "stopped after \(Int(Self.exportTimeLimit)) s"
            return Export(seconds: nil, stopped: "> \(seconds(elapsed)), \(why)", peakMiB: max(peak, Double(child.peakMemoryKiB) / 1024), bytes: child.bytesRead)
        }
        return Export(seconds: elapsed, peakMiB: Double(child.peakMemoryKiB) / 1024, bytes: child.bytesRead)
    }

    /// `rodeloper-bench keys DIR` in a child process (its own memory, the lock taken and let go).
    func keyTimings(_ directory: String, skip: [String]) throws -> [KeyTimings.Figure] {
        var environment = Self.environment()
        environment["RODELOPER_BENCH_SKIP"] = skip.joined(separator: "\n")
        let child = try Child(["/proc/self/exe", "keys", directory], environment: environment, output: .pipe)
        guard child.finish(timeout: 600) else {
            child.stop()
            throw InputError("keys over \(directory) took more than 10 minutes")
        }
        let decoder = JSONDecoder()
        return String(decoding: child.output, as: UTF8.self).split(separator: "\n").compactMap {
            try? decoder.decode(KeyTimings.Figure.self, from: Data($0.utf8))
        }
    }

    /// After the starts without a cache: a valid index.cache again, as the program leaves it.
    private func restoreCache(_ directory: String) {
        if !FileManager.default.fileExists(atPath: directory + "/index.cache") {
            if let store = try? CaseloadStore(directory: directory) { store.saveIndex() }
        }
    }

    private func youthBytes(_ directory: String) -> Int {
        let youths = directory + "/youths"
        return ((try? FileManager.default.contentsOfDirectory(atPath: youths)) ?? []).reduce(0) { total, name in
            var info = stat()
            return total + (stat(youths + "/" + name, &info) == 0 ? Int(info.st_size) : 0)
        }
    }

    /// A UTF-8 terminal of a common type, and nothing of the caller's environment that could change
    /// what is measured (no XDG_DATA_HOME, no other locale).
    static func environment() -> [String: String] {
        let inherited = ProcessInfo.processInfo.environment
        var environment = ["TERM": "xterm-256color", "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8", "PATH": inherited["PATH"] ?? "/usr/bin:/bin",
                           "HOME": inherited["HOME"] ?? "/tmp"]
        if let zone = inherited["TZ"] { environment["TZ"] = zone }
        return environment
    }

    /// Repeats `body` up to `reps` times, but stops once `budget` seconds are spent (at least once).
    func repeated<T>(reps: Int, budget: Double, _ body: () throws -> T) rethrows -> [T] {
        let deadline = monotonicSeconds() + budget
        var results: [T] = []
        repeat { results.append(try body()) } while results.count < reps && monotonicSeconds() < deadline
        return results
    }

    private func header(took: Double) -> String {
        func read(_ path: String) -> String { (try? String(contentsOfFile: path, encoding: .utf8)) ?? "" }
        let cpu = read("/proc/cpuinfo").split(separator: "\n").first { $0.hasPrefix("model name") }
            .map { $0.split(separator: ":", maxSplits: 1).last!.trimmingCharacters(in: .whitespaces) } ?? "unknown CPU"
        let memory = read("/proc/meminfo").split(separator: "\n").first { $0.hasPrefix("MemTotal") }
            .flatMap { Int($0.split(separator: " ")[1]) }.map { String(format: "%.1f GiB", Double($0) / 1_048_576) } ?? "?"
        let load = read("/proc/loadavg").split(separator: " ").prefix(3).joined(separator: " ")
        let formatter = ISO8601DateFormatter()
        return """
            Rode Loper benchmark, \(formatter.string(from: Date())), commit \(commit)
            Machine: \(ProcessInfo.processInfo.activeProcessorCount) cores (\(cpu)), \(memory) memory, load average at the end \(load).
            The run took \(Int(took) / 60) min \(Int(took) % 60) s, generation included.


            """
    }
}

// MARK: - Figures

func median(_ values: [Double]) -> Double? { percentile(values, 0.5) }

func percentile(_ values: [Double], _ fraction: Double) -> Double? {
    guard !values.isEmpty else { return nil }
    let sorted = values.sorted()
    return sorted[min(sorted.count - 1, Int((Double(sorted.count - 1) * fraction).rounded(.up)))]
}

func millis(_ seconds: Double) -> String {
    seconds < 0.01 ? String(format: "%.2f ms", seconds * 1000) : seconds < 1 ? String(format: "%.0f ms", seconds * 1000) : String(format: "%.2f s", seconds)
}

func seconds(_ value: Double) -> String { value < 1 ? millis(value) : String(format: "%.1f s", value) }
func mebibytes(_ value: Double) -> String { String(format: "%.0f MiB", value) }

/// The median of the times in seconds, with how many were taken.
func describe(_ times: [Double?]) -> String {
    let found = times.compactMap { $0 }
    guard let middle = median(found) else { return "no first screen" }
    return "\(millis(middle)) (n=\(found.count)\(found.count < times.count ? ", \(times.count - found.count) without" : ""))"
}

/// Median and p99 of times in milliseconds.
func percentiles(_ samples: [Double]) -> String {
    func ms(_ value: Double) -> String { value < 10 ? String(format: "%.2f", value) : String(format: "%.0f", value) }
    return "\(ms(median(samples)!)) / \(ms(percentile(samples, 0.99)!)) ms (n=\(samples.count))"
}

/// The figures by name and size, in the order first set, with the peer's figure beside them.
struct Table {
    let sizes: [Int]
    private var names: [String] = []
    private var cells: [String: [Int: String]] = [:]
    /// The peer's figure for a row: who, the text, and the value for a ratio (seconds, MiB, bytes).
    var peer: [String: (who: String, text: String, value: Double?)] = [:]
    var secondsPerMB: [Int: Double] = [:]
    var peerSecondsPerMB: Double?

    init(sizes: [Int]) { self.sizes = sizes }

    mutating func set(_ name: String, _ size: Int, _ value: String) {
        if cells[name] == nil { names.append(name) }
        cells[name, default: [:]][size] = value
    }

    static let targets = [
        "start to first screen, valid cache": "10,000: faster than calcurse; 50,000: < 500 ms",
        "start without cache: first output (progress line)": "< 50 ms",
        "start without cache: first screen": "10,000: < 1 s",
        "peak memory, start with cache": "50,000: < 60 MiB",
        "export --format json: time": "≤ 2x task export per MB",
        "export: peak memory": "constant (streamed)",
        "bytes sent for one row move (↓/↑), median of 20": "≤ 100 B",
    ]

    func markdown() -> String {
        let sizeNames = sizes.map { $0.formatted(.number.grouping(.automatic).locale(Locale(identifier: "en_US"))) }
        var lines = ["| figure | " + sizeNames.joined(separator: " | ") + " | peer, same run | target |",
                     "| --- |" + String(repeating: " --- |", count: sizes.count) + " --- | --- |"]
        for name in names {
            var peerText = peer[name].map { "\($0.who): \($0.text)" } ?? ""
            if let value = peer[name]?.value, value > 0, let ratio = ratio(name, to: value) { peerText += "; " + ratio }
            let target = Self.targets[name] ?? (name.hasPrefix("key:") ? "50,000: p99 < 5 ms" : name.hasPrefix("one save") ? "< 10 ms" : "")
            lines.append("| \(name) | " + sizes.map { cells[name]?[$0] ?? "" }.joined(separator: " | ") + " | \(peerText) | \(target) |")
        }
        if let peerSecondsPerMB {
            lines.append("| export time per MB, ratio to task export | " + sizes.map { size in
                secondsPerMB[size].map { String(format: "%.1fx", $0 / peerSecondsPerMB) } ?? ""
            }.joined(separator: " | ") + " | \(String(format: "%.3f s/MB", peerSecondsPerMB)) | ≤ 2x |")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Ours at 10,000 (or the largest size run) over the peer's, for a row whose cells start with a number.
    private func ratio(_ name: String, to peerValue: Double) -> String? {
        let size = sizes.contains(10_000) ? 10_000 : sizes.max()!
        guard let text = cells[name]?[size], let ours = Table.leadingValue(text) else { return nil }
        let peerInUnit = name.contains("memory") || name.contains("bytes") ? peerValue : peerValue * 1000
        guard peerInUnit > 0 else { return nil }
        return String(format: "ours at %@ %.2fx", size.formatted(.number.locale(Locale(identifier: "en_US"))), ours / peerInUnit)
    }

    /// The number a cell starts with, in ms for times ("1.2 s" is 1200), MiB or bytes otherwise.
    static func leadingValue(_ text: String) -> Double? {
        let parts = text.split(separator: " ")
        guard parts.count >= 2, let number = Double(parts[0]) else { return nil }
        return parts[1].hasPrefix("s") ? number * 1000 : number
    }
}
