import Caseload
import CoachScreens
import Foundation
import TerminalKit

/// Key-to-screen times in this process, through the screens' public API: `App.handle` of a key
/// and `App.render` into an 80x24 `Canvas`, what the terminal loop does for each key (without the
/// terminal's output, which the pseudo-terminal figures measure). Many repetitions of each, so
/// the median and p99 say what a coach feels; fewer where one repetition takes long, within a
/// time budget per figure. Also one save of a youth with a 100-entry journal. Prints one JSON
/// object per figure on stdout, for `Benchmark`.
@MainActor enum KeyTimings {
    struct Figure: Codable {
        var name: String
        var samples: [Double]
    }

    static func run(directory: String, today: LocalDate) throws {
        // The page turns mark this week's review discussed: put back what was there, so each run
        // over the same generated caseload meets the same review.
        let review = directory + "/reviews/\(ReviewWeek(containing: today).text).json"
        let reviewBefore = FileManager.default.contents(atPath: review)
        defer { restore(reviewBefore, at: review) }

        // Figures the caller expects to take minutes at this size (one per line), left out.
        let skipped = Set((ProcessInfo.processInfo.environment["RODELOPER_BENCH_SKIP"] ?? "").split(separator: "\n").map(String.init))
        let store = try CaseloadStore(directory: directory)
        let app = App(session: Session(store: store))
        var figures: [Figure] = []
        func frame() -> Canvas {
            var canvas = Canvas(width: 80, height: 24)
            app.render(into: &canvas)
            return canvas
        }
        _ = frame()
        /// Times `key` + a frame, `reps` times or until `budget` seconds are spent (at least once);
        /// `between` runs untimed before each repetition.
        func measure(_ name: String, reps: Int, budget: Double, key: @autoclosure () -> Key, between: () -> Void = {}) {
            var samples: [Double] = []
            guard !skipped.contains(name) else {
                figures.append(Figure(name: name, samples: []))
                return
            }
            let deadline = DispatchTime.now().uptimeNanoseconds + UInt64(budget * 1e9)
            while samples.count < reps && (samples.isEmpty || DispatchTime.now().uptimeNanoseconds < deadline) {
                between()
                let pressed = key()
                let start = DispatchTime.now().uptimeNanoseconds
                app.handle(pressed)
                _ = frame()
                samples.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
            }
            figures.append(Figure(name: name, samples: samples))
        }

        // Row moves and pages over the active youths (the list as it opens), down and back up.
        var moves = 0
        measure("row move (↓/↑)", reps: 400, budget: 4, key: { moves += 1; return moves / 100 % 2 == 0 ? Key.down : Key.up }())
        var pages = 0
        measure("PgDn/PgUp", reps: 200, budget: 4, key: { pages += 1; return pages / 10 % 2 == 0 ? Key.pageDown : Key.pageUp }())
        app.handle(.home)

        // A search over every youth, closed ones included: each letter narrows the list.
        app.handle(.char("a"))
        let query = Array("van de")
        var typed = 0
        measure("search keystroke (narrowing)", reps: 300, budget: 6, key: Key.char(query[typed % query.count]), between: {
            if typed > 0 && typed % query.count == 0 {
                for _ in query { app.handle(.backspace) }
            }
            typed += 1
        })
        app.handle(.escape)
        app.handle(.escape)
        app.handle(.char("a"))
        _ = frame()

        // Opening a youth (its file read) and going back to the list, a different youth each time.
        var opened = 0
        measure("open a youth (Enter)", reps: 100, budget: 5, key: Key.enter, between: {
            if opened > 0 {
                app.handle(.escape)
                app.handle(.down)
            }
            opened += 1
        })
        app.handle(.escape)
        measure("back to the list (Esc)", reps: 100, budget: 5, key: Key.escape, between: {
            app.handle(.down)
            app.handle(.enter)
        })

        // The weekly review: opening it (the agenda over every active youth) and turning a page.
        measure("open the review (r)", reps: 20, budget: 10, key: Key.char("r"), between: {
            app.handle(.escape)
            _ = frame()
        })
        // Without the review open, → would be timed on the list.
        if skipped.contains("open the review (r)") {
            figures.append(Figure(name: "review: next page (→)", samples: []))
        } else {
            measure("review: next page (→)", reps: 100, budget: 5, key: Key.right)
        }
        app.handle(.escape)
        _ = frame()

        // The reports screen (figures over every youth).
        measure("open the reports (R)", reps: 20, budget: 10, key: Key.char("R"), between: {
            app.handle(.escape)
            _ = frame()
        })
        app.handle(.escape)

        figures.append(try saveTimes(store: store))
        store.saveIndex()
        let encoder = JSONEncoder()
        for figure in figures { print(String(decoding: try encoder.encode(figure), as: UTF8.self)) }
    }

    /// One save (validate, encode, write atomically with fsync) of a youth with a journal of about
    /// 100 entries, repeated.
    static func saveTimes(store: CaseloadStore) throws -> Figure {
        var youth: Youth?
        for summary in store.summaries.prefix(2_000) {
            let candidate = try store.youth(id: summary.id)
            if candidate.journal.count >= 95 {
                youth = candidate
                break
            }
        }
        guard let youth else { return Figure(name: "save a youth (no youth with a 100-entry journal)", samples: []) }
        var samples: [Double] = []
        let deadline = DispatchTime.now().uptimeNanoseconds + 10_000_000_000
        while samples.count < 50 && DispatchTime.now().uptimeNanoseconds < deadline {
            let start = DispatchTime.now().uptimeNanoseconds
            try store.save(youth)
            samples.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
        }
        return Figure(name: "save a youth with \(youth.journal.count) journal entries", samples: samples)
    }

    private static func restore(_ data: Data?, at path: String) {
        if let data {
            _ = FileManager.default.createFile(atPath: path, contents: data, attributes: [.posixPermissions: 0o600])
        } else {
            try? FileManager.default.removeItem(atPath: path)
        }
    }
}
