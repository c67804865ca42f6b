import Foundation

/// A count as the report shows it: the number, "< 5" (1 to 4 youths) or "x" (left out so that
/// a small number cannot be worked back).
enum Shown: Hashable, Sendable {
    case exact(Int)
    case small
    case hidden

    var text: String {
        switch self {
        case .exact(let value): "\(value)"
        case .small: "< 5"
        case .hidden: "x"
        }
    }

    var exact: Int? {
        if case .exact(let value) = self { return value }
        return nil
    }
}

/// The small-number rules of a report meant for others (docs/decisions.md, "Rapportage
/// actieonderzoek"). The coach's own report (`shared == false`) shows every number as it is.
/// A reader is assumed to know these rules and every total (n); the tests check every table up
/// to a size against a reader who tries every table that would look the same.
struct Suppression: Sendable {
    let shared: Bool
    static let threshold = 5

    /// A number of 1 to 4 youths, which a shared report does not show.
    func isSmall(_ count: Int) -> Bool { shared && count > 0 && count < Self.threshold }

    /// A count on its own: "< 5" for 1 to 4 when shared; 0 stays 0 (nobody can be recognised in it).
    func count(_ count: Int) -> Shown { isSmall(count) ? .small : .exact(count) }

    /// Counts that add up to a total shown beside them. The total is **public**: it is never
    /// hidden, because the same number is usually in plain sight elsewhere (the n of the other
    /// rows of figure 3, figure 2's n of the moment, the header, figure 5's total against
    /// Afgesloten), and a row that hid it would be worked back from there. A total of 1 to 4 is
    /// "< 5" and hides every cell ("x", zeros too, or four cells "< 5" under a "< 5" would each
    /// be 1). Otherwise cells of 1 to 4 are "< 5" when the total cannot work them back: at least
    /// two of them, and their sum strictly between all ones and all fours (a step further from
    /// either end when they are all the total holds, so that the rows hidden below are never
    /// one table alone). Else the row shows only its total: every cell "x".
    func group(_ cells: [Int], total: Int) -> (cells: [Shown], total: Shown) {
        guard shared else { return (cells.map { .exact($0) }, .exact(total)) }
        if isSmall(total) { return (cells.map { _ in .hidden }, .small) }
        let small = cells.filter(isSmall)
        let sum = small.reduce(0, +)
        let hiddenCount = small.count
        let margin = total - sum > 0 ? 0 : 1
        let safe = hiddenCount == 0
            || (hiddenCount >= 2 && sum > hiddenCount + margin && sum < 4 * hiddenCount - margin)
        return (safe ? cells.map(count) : cells.map { _ in .hidden }, .exact(total))
    }

    /// Figure 1: the active phases, Afgesloten and the total (public, as in `group`). *Actief*
    /// is the total minus Afgesloten, so a row whose Actief would be 1 to 4 beside a shown
    /// Afgesloten shows only its total; Actief shows only when both are shown. (Without a
    /// start date figure 5's total is Afgesloten again: it follows what this row shows.)
    func phaseRow(active: [Int], closed: Int) -> (cells: [Shown], active: Shown, total: Shown) {
        let activeCount = active.reduce(0, +)
        var shown = group(active + [closed], total: activeCount + closed)
        if shown.total.exact != nil, shown.cells.last?.exact != nil, isSmall(activeCount) {
            shown.cells = shown.cells.map { _ in .hidden }
        }
        let both = shown.total.exact != nil && shown.cells.last?.exact != nil
        return (shown.cells, both ? .exact(activeCount) : .hidden, shown.total)
    }

    /// The number of ended periods behind a median. Shared, only "< 5" or "5+": two phases
    /// numbers side by side tell how many youths are still in the later one (a flow, which no
    /// total in the report bounds).
    func periods(_ n: Int) -> String { shared && n >= Self.threshold ? "5+" : count(n).text }

    /// Whether a mean, median or share over `n` youths (or periods) may be shown.
    func showsFigure(over n: Int) -> Bool { n > 0 && !isSmall(n) }

    /// Whether the share `part` of `whole` may be shown: both `part` and the rest are counts
    /// of youths, and a share with its n gives both away.
    func showsShare(_ part: Int, of whole: Int) -> Bool {
        showsFigure(over: whole) && !isSmall(part) && !isSmall(whole - part)
    }

    /// One row of the skills figure: n, with "aandachtspunt", of those now good, now good.
    /// These four numbers give away the whole two-by-two table behind them (first impression
    /// attention or not, against now "meestal/altijd" or not), so a shared row shows them only
    /// when none of its four cells is 1 to 4; otherwise only n.
    func skillRow(n: Int, attention: Int, attentionNowGood: Int, nowGood: Int) -> [Shown] {
        guard shared, n > 0 else { return [n, attention, attentionNowGood, nowGood].map { .exact($0) } }
        if isSmall(n) { return [.small, .hidden, .hidden, .hidden] }
        let cells = [attentionNowGood, attention - attentionNowGood, nowGood - attentionNowGood,
                     n - attention - nowGood + attentionNowGood]
        if cells.contains(where: isSmall) { return [.exact(n), .hidden, .hidden, .hidden] }
        return [n, attention, attentionNowGood, nowGood].map { .exact($0) }
    }
}
