import Caseload
import Foundation

/// Every youth of the caseload with its folded name, in the list's order (folded name, then id).
/// Built once; after that only the youths the store says changed are folded and moved, so going
/// back to the list after one save costs one youth, not the caseload. A youth keeps its slot for
/// as long as it is in the caseload: the list holds slot numbers, never copies of summaries.
struct CaseloadCatalog {
    struct Entry {
        /// The name folded for sorting and searching (`sortKey`), contiguous UTF-8 for a byte search.
        let key: String
        var summary: YouthSummary
    }

    /// Entries by slot; nil where a youth left the caseload (the slot is used again).
    private var slots: [Entry?] = []
    private var freeSlots: [Int] = []
    private var slotOfID: [String: Int] = [:]
    /// Slots in the list's order.
    private(set) var order: [Int] = []
    /// The store's `summaryRevision` this catalog reflects.
    private(set) var revision: Int
    /// Closed cases past their retention term, for a term and a day: counted over the caseload
    /// when either changes, else kept up to date youth by youth.
    private var retention: (months: Int, today: LocalDate, count: Int)?

    init(store: CaseloadStore) {
        revision = store.summaryRevision
        let summaries = store.summaries
        slots.reserveCapacity(summaries.count)
        for summary in summaries {
            slotOfID[summary.id] = slots.count
            slots.append(Entry(key: Self.fold(summary.name), summary: summary))
        }
        order = slots.indices.sorted { Self.precedes(slots[$0]!, slots[$1]!) }
    }

    subscript(slot: Int) -> Entry { slots[slot]! }

    func slot(of id: String) -> Int? { slotOfID[id] }

    /// Takes in the youths the store changed since the last update; false when there were none.
    mutating func update(from store: CaseloadStore) -> Bool {
        let changed = Set(store.changedIDs(since: revision))
        revision = store.summaryRevision
        for id in changed { update(id: id, to: store.summary(id: id)) }
        return !changed.isEmpty
    }

    /// One youth changed (new, edited, gone): its slot is replaced in place and moved in the order
    /// only when its folded name changed.
    private mutating func update(id: String, to summary: YouthSummary?) {
        let old = slotOfID[id]
        if let term = retention {
            let before = old.map { slots[$0]!.summary.isPastRetention(months: term.months, today: term.today) } ?? false
            let after = summary?.isPastRetention(months: term.months, today: term.today) ?? false
            retention?.count += (after ? 1 : 0) - (before ? 1 : 0)
        }
        if let old, let summary, slots[old]!.summary.name == summary.name {
            slots[old]!.summary = summary
            return
        }
        if let old { order.remove(at: position(of: slots[old]!)) }
        guard let summary else {
            if let old {
                slots[old] = nil
                slotOfID[id] = nil
                freeSlots.append(old)
            }
            return
        }
        let entry = Entry(key: Self.fold(summary.name), summary: summary)
        let slot = old ?? freeSlots.popLast() ?? slots.count
        if slot == slots.count { slots.append(entry) } else { slots[slot] = entry }
        slotOfID[id] = slot
        order.insert(slot, at: position(of: entry))
    }

    /// How many closed cases are past a retention term of `months` on `today`.
    mutating func pastRetention(months: Int, today: LocalDate) -> Int {
        if let term = retention, term.months == months, term.today == today { return term.count }
        let count = slots.reduce(0) { $0 + (($1?.summary.isPastRetention(months: months, today: today) ?? false) ? 1 : 0) }
        retention = (months, today, count)
        return count
    }

    /// What the list shows: the slots in order, without the closed cases unless `showClosed`
    /// (counted in `hiddenClosed`), only youths in scout with `scoutOnly`, only names holding
    /// `needle` (folded, UTF-8).
    func rows(scoutOnly: Bool, showClosed: Bool, needle: [UInt8]) -> (rows: [Int], hiddenClosed: Int) {
        var rows: [Int] = []
        var hiddenClosed = 0
        for slot in order {
            let phase = slots[slot]!.summary.phase
            if scoutOnly && phase != .scout { continue }
            if !showClosed && phase == .closed {
                hiddenClosed += 1
                continue
            }
            if matches(slot, needle) { rows.append(slot) }
        }
        return (rows, hiddenClosed)
    }

    /// `rows` found for a shorter needle that `needle` holds, searched again for `needle`: the
    /// same as `rows(…)` for `needle`, looking only at what the shorter one found.
    func narrowed(_ rows: [Int], to needle: [UInt8]) -> [Int] { rows.filter { matches($0, needle) } }

    /// Where `entry` is or belongs in `order` (binary search).
    private func position(of entry: Entry) -> Int {
        var low = 0, high = order.count
        while low < high {
            let middle = (low + high) / 2
            if Self.precedes(slots[order[middle]]!, entry) { low = middle + 1 } else { high = middle }
        }
        return low
    }

    private static func precedes(_ a: Entry, _ b: Entry) -> Bool { (a.key, a.summary.id) < (b.key, b.summary.id) }

    static func fold(_ name: String) -> String {
        var key = name.sortKey
        key.makeContiguousUTF8()
        return key
    }

    /// True when the folded name holds `needle` (folded too, as UTF-8 bytes).
    func matches(_ slot: Int, _ needle: [UInt8]) -> Bool {
        Self.contains(slots[slot]!.key, needle)
    }

    static func contains(_ key: String, _ needle: [UInt8]) -> Bool {
        guard !needle.isEmpty else { return true }
        func search(_ haystack: UnsafeBufferPointer<UInt8>) -> Bool {
            guard haystack.count >= needle.count else { return false }
            let first = needle[0]
            for start in 0...(haystack.count - needle.count) where haystack[start] == first {
                var offset = 1
                while offset < needle.count && haystack[start + offset] == needle[offset] { offset += 1 }
                if offset == needle.count { return true }
            }
            return false
        }
        return key.utf8.withContiguousStorageIfAvailable(search) ?? Array(key.utf8).withUnsafeBufferPointer(search)
    }
}
