import Foundation

/// The line shown while the caseload is read, before the first screen can be drawn: how many
/// dossiers are in, of how many. Redrawn at most every 50 ms, so that showing it costs nothing
/// next to the reading.
public final class ProgressLine {
    private let terminal: Terminal
    private var shownAt: UInt64?
    private static let interval: UInt64 = 50_000_000

    public init(terminal: Terminal) {
        self.terminal = terminal
    }

    /// Shows `done` of `total`: the first and the last call always, the others when the last
    /// drawing is old enough.
    public func show(done: Int, total: Int) {
        let now = DispatchTime.now().uptimeNanoseconds
        if let shownAt, done < total, now - shownAt < Self.interval { return }
        shownAt = now
        let size = terminal.size
        var canvas = Canvas(width: max(1, size.width), height: max(1, size.height))
        let text = Self.text(done: done, total: total)
        _ = canvas.put(text, row: canvas.height / 2, col: max(0, (canvas.width - text.count) / 2), maxWidth: canvas.width)
        terminal.present(canvas)
    }

    /// "Caseload inlezen: 1.234 van 10.000 dossiers".
    public static func text(done: Int, total: Int) -> String {
        "Caseload inlezen: \(grouped(done)) van \(grouped(total)) dossier\(total == 1 ? "" : "s")"
    }

    /// A count with a dot between thousands, as Dutch writes it.
    static func grouped(_ number: Int) -> String {
        let digits = String(number.magnitude)
        var out = number < 0 ? "-" : ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { out.append(".") }
            out.append(digit)
        }
        return out
    }
}
