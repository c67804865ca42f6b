import Caseload
import CoachScreens
import Foundation
import TerminalKit

/// Times keys in a plan whose seven parts are each at the text limit (`TextLimits.page`), once
/// written in paragraphs and once as one paragraph (the worst case for word wrap): what a key
/// costs in the text area, the plan's page after Esc and Tab, and the quick scan's form.
@MainActor func benchmarkTextAtLimit(now: Date, today: LocalDate) throws {
    let words = ["de", "jongere", "wil", "graag", "werken", "in", "een", "garage", "met", "begeleiding", "zo", "snel", "mogelijk", "Zoë"]
    for (shape, paragraphEvery) in [("paragraphs", 60), ("one paragraph", Int.max)] {
        var text = ""
        var index = 0
        while text.count < TextLimits.page {
            text += words[index % words.count] + (index % paragraphEvery == paragraphEvery - 1 ? "\n" : " ")
            index += 1
        }
        text = String(text.prefix(TextLimits.page))
        let directory = NSTemporaryDirectory() + "rodeloper-bench-text-\(UUID().uuidString.prefix(8))"
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let store = try CaseloadStore(directory: directory)
        var youth = try Youth(name: "Sem Langtekst", now: now, today: today)
        youth.updatePlan(now: now, today: today, timeZone: .current) { plan in
            for part in ChangePlan.Part.allCases { plan[part] = text }
        }
        for domain in Catalog.lifeDomains { youth.quickScan.situation[domain.code] = text }
        try store.save(youth)
        try store.saveSettings(CoachSettings(coachName: "Coach"))
        let app = App(session: Session(store: store))
        func frame() {
            var canvas = Canvas(width: 80, height: 24)
            app.render(into: &canvas)
        }
        func timed(_ what: String, _ keys: [Key]) {
            let start = DispatchTime.now().uptimeNanoseconds
            for key in keys { app.handle(key) }
            frame()
            let elapsed = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
            row("plan parts at the limit (\(TextLimits.page) characters, \(shape)): \(what)", ms(elapsed))
        }
        app.handle(.enter)
        app.handle(.char("p"))
        frame()
        timed("open the first part (Enter + frame)", [.enter])
        for _ in 0..<100 { app.handle(.pageUp) }
        for _ in 0..<40 { app.handle(.down) }
        timed("a letter typed in the middle (key + frame)", [.char("x")])
        timed("Backspace in the middle (key + frame)", [.backspace])
        timed("↓ in the text (key + frame)", [.down])
        timed("Tab: the part saved, the next opened (key + frame)", [.tab])
        timed("Esc back to the plan's page (key + frame)", [.escape])
        timed("↓ on the plan's page (key + frame)", [.down])
        app.handle(.char("q"))
        app.handle(.char("s"))
        frame()
        timed("↓ in the quick scan, 13 texts at the limit (key + frame)", [.down])
        app.handle(.char("q"))
    }
}

private func row(_ what: String, _ value: String) { print("| \(what) | \(value) |") }
private func ms(_ seconds: Double) -> String { String(format: "%.1f ms", seconds * 1000) }
