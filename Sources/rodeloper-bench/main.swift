import Caseload
import Foundation

// The benchmark of issue 20: generates caseloads with full records and measures what a coach
// waits for, beside calcurse and taskwarrior. Without arguments it prints its usage and exits 2:
// a run of minutes and gigabytes is never started by accident. See docs/performance.md.

let usage = """
    Usage: rodeloper-bench generate COUNT DIR
           rodeloper-bench run [--sizes 25,1000,10000,50000] [--data DIR] [--out FILE] [--binary PATH]
           rodeloper-bench keys DIR
           rodeloper-bench texts
      generate  writes COUNT invented youths (1 to 1000000) with full records (~46 KB each) into
                DIR, with index.cache and weekly reviews; a DIR that holds the same caseload is kept
      run       the whole benchmark (scripts/benchmark builds and starts it): each size generated
                once under --data (default /tmp/rodeloper-bench-data), the figures printed as a
                Markdown table and written to --out (default benchmark-results.md;
                scripts/benchmark: .build/benchmark-results.md)
      keys      key-to-screen times in this process over the caseload in DIR, as JSON
      texts     keys in texts at their limit (a plan and a quick scan)
    """
let arguments = Array(CommandLine.arguments.dropFirst())

func fail(_ message: String, code: Int32 = 2) -> Never {
    FileHandle.standardError.write(Data((message + "\n").utf8))
    exit(code)
}

func log(_ message: String) {
    FileHandle.standardError.write(Data((message + "\n").utf8))
}

let now = Date()
let today = LocalDate(now, timeZone: .current)

do {
    switch arguments.first {
    case "-h", "--help":
        print(usage)
    case "generate":
        guard arguments.count == 3, let count = Int(arguments[1]), (1...1_000_000).contains(count) else { fail(usage) }
        let generator = Generator(count: count, directory: arguments[2], now: now, today: today)
        if try !generator.generateUnlessDone(log: log) { log("\(arguments[2]) already holds \(count) generated youths; kept") }
    case "keys":
        guard arguments.count == 2 else { fail(usage) }
        try KeyTimings.run(directory: arguments[1], today: today)
    case "texts":
        guard arguments.count == 1 else { fail(usage) }
        print("| what | result |")
        print("| --- | --- |")
        try benchmarkTextAtLimit(now: now, today: today)
    case "run":
        try Benchmark(arguments: Array(arguments.dropFirst())).run()
    default:
        fail(usage)
    }
} catch {
    fail("rodeloper-bench: \(error.localizedDescription)", code: 1)
}
