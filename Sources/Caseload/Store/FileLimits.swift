/// How large a file of each kind may be before it is not read at all, in bytes. Far above what the
/// program writes (every text has its limit, TextLimits), so only a damaged or hostile file
/// reaches them; it then goes to quarantine at once instead of being parsed for seconds at every
/// start. Why these figures: docs/decisions.md.
enum FileLimits {
    /// A youth: every record of years of coaching, each text within its limit.
    static let youth = 32 * 1_048_576
    /// A draft: one text of at most a page (20,000 characters, escaped in JSON).
    static let draft = 1_048_576
    /// settings.json: a name and a few numbers.
    static let settings = 1_048_576
    /// A review of a week, quarantine.json and other documents beside the youths.
    static let document = 16 * 1_048_576
    /// index.cache, the summary cache: a line per youth for the largest caseloads we measure.
    static let index = 256 * 1_048_576
    /// An export file to import (a handover, or a backup of the whole caseload): as large as the
    /// index may be, some forty times a caseload of 10,000 youths (docs/performance.md).
    static let export = 256 * 1_048_576

    /// The limit for a file by its path in the data directory.
    static func limit(for path: String) -> Int {
        if path.hasSuffix("/settings.json") { return settings }
        if path.hasSuffix("/index.cache") { return index }
        if path.contains("/drafts/") { return draft }
        if path.contains("/youths/") { return youth }
        return document
    }
}
