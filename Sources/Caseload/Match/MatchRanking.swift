import Foundation

// The match: the caseload's active workplaces ranked by how well they fit one youth, each with
// its reasons in words and the points each reason adds. Kept simple on purpose, so that a coach
// can check every point by hand; docs/decisions.md ("Hoe de match rekent") says the same in Dutch.
// The ranking advises; the coach picks.

/// One reason a workplace fits (or does not): what it adds to the score, and why, in words.
public struct MatchReason: Equatable, Sendable {
    /// Added to the score: positive, negative, or 0 for what is said without weight.
    public var points: Int
    public var text: String

    public init(_ points: Int, _ text: String) {
        self.points = points
        self.text = text
    }

    /// "+4", "-6", "0".
    public var pointsText: String { Self.signed(points) }
    public static func signed(_ points: Int) -> String { points > 0 ? "+\(points)" : "\(points)" }
}

/// A workplace with its score and the reasons that make it up (the score is their sum).
public struct MatchFit: Equatable, Sendable {
    public var workplace: Workplace
    public var reasons: [MatchReason]
    public var score: Int { reasons.reduce(0) { $0 + $1.points } }
}

public enum MatchRanking {
    /// Points per meaningful word the workplace and the youth's quick scan share, and their most.
    static let pointsPerWord = 2
    static let mostWordPoints = 10
    /// The workplace offers a kind of place the plan's goal asks for.
    static let askedKindPoints = 6
    /// Per earlier placement of this youth there that went well (completed, or still running)...
    static let wentWellPoints = 4
    /// ...and that went badly (stopped early by the youth or the employer).
    static let wentBadlyPoints = -6
    /// Placements of other youths there: +1 per one completed, -1 per one stopped early, within ±3.
    static let othersLimit = 3

    /// The active workplaces among `workplaces`, best fit first; the same score by name (capitals
    /// and accents do not count), then id. `othersAt` holds, by workplace id, the placements of
    /// the other youths of the caseload there (`CaseloadStore.placementsOfOthers(than:)`).
    public static func rank(_ youth: Youth, among workplaces: [Workplace], othersAt: [String: [PlacementSummary]]) -> [MatchFit] {
        let wishes = YouthWords(youth.quickScan)
        let asked = kindsAsked(by: youth.changePlan.goal)
        return workplaces.filter(\.active).map { workplace in
            MatchFit(workplace: workplace,
                     reasons: wordReasons(workplace, wishes) + [kindReason(workplace, asked)]
                         + ownReasons(workplace, youth) + othersReason(othersAt[workplace.id] ?? []))
        }.sorted {
            ($0.score, $1.workplace.name.sortKey, $1.workplace.id) > ($1.score, $0.workplace.name.sortKey, $0.workplace.id)
        }
    }

    // MARK: Shared words

    /// A meaningful word: its stem (what is compared) and how it was written (what a reason shows).
    struct Word: Equatable {
        let stem: String
        let shown: String
    }

    /// Dutch words too common to say anything about a fit (already lowercased and without
    /// accents). Words of fewer than three letters are passed over anyway.
    static let stopWords: Set<String> = [
        "aan", "alle", "alles", "als", "altijd", "ander", "andere", "bij", "ben", "bent", "dan", "dat", "deze", "die", "dit",
        "doe", "doen", "door", "dus", "echt", "een", "eens", "elke", "erg", "gaan", "gaat", "geen", "goed", "graag", "had",
        "heb", "hebben", "heeft", "heel", "hem", "het", "hier", "hij", "hoe", "hun", "iets", "jij", "jou", "jouw", "kan",
        "komen", "komt", "krijgen", "kun", "kunnen", "leuk", "leuke", "maar", "mag", "meer", "met", "mij", "mijn", "moet",
        "moeten", "naar", "niet", "niets", "nog", "nooit", "omdat", "ons", "onze", "ook", "over", "samen", "soms", "tijd",
        "toe", "toen", "tot", "uit", "vaak", "van", "veel", "via", "vind", "vindt", "vinden", "voor", "waar", "want", "was",
        "wat", "wel", "wie", "wil", "wilt", "willen", "wordt", "worden", "zal", "zelf", "zich", "zij", "zijn", "zou",
        // Said of every workplace, so they tell nothing apart.
        "baan", "banen", "plek", "plekken", "werk", "werken", "werkt",
    ]

    /// The meaningful words of `text`, each once (by stem), in the order written: lowercased,
    /// accents folded, stop words and words under three letters left out.
    static func words(in text: String) -> [Word] {
        var seen = Set<String>()
        return text.lowercased().split { !$0.isLetter && !$0.isNumber }.compactMap { token in
            let plain = String(token).folding(options: .diacriticInsensitive, locale: nil)
            guard plain.count >= 3, !stopWords.contains(plain) else { return nil }
            let word = Word(stem: stem(plain), shown: String(token))
            return seen.insert(word.stem).inserted ? word : nil
        }
    }

    /// A simple stem, so that a plural meets its singular: "-en" goes from words of five letters
    /// or more ("klanten" → "klant"), else "-s" ("winkels" → "winkel"); then a doubled last
    /// consonant becomes one ("bakken" → "bakk" → "bak").
    static func stem(_ word: String) -> String {
        var stem = word
        if stem.count >= 5, stem.hasSuffix("en") {
            stem.removeLast(2)
        } else if stem.count >= 5, stem.hasSuffix("s"), !stem.hasSuffix("ss") {
            stem.removeLast()
        }
        let letters = Array(stem)
        if letters.count >= 4, letters[letters.count - 1] == letters[letters.count - 2], !"aeiouy".contains(letters[letters.count - 1]) {
            stem.removeLast()
        }
        return stem
    }

    /// The words of the youth's quick scan that the ranking compares: wishes, talents, motivation.
    struct YouthWords {
        static var sources: [(name: String, path: KeyPath<QuickScan, String>)] { [
            ("wensen", \.wishes), ("talenten", \.talents), ("motivatie", \.motivation),
        ] }
        /// The words of each source, in the order of `sources`.
        let bySource: [[Word]]

        init(_ scan: QuickScan) { bySource = Self.sources.map { words(in: scan[keyPath: $0.path]) } }

        var isEmpty: Bool { bySource.allSatisfy(\.isEmpty) }

        /// The youth's word with `stem` as first written, and the sources that hold it.
        func find(_ stem: String) -> (shown: String, sources: [String])? {
            let holding = bySource.indices.filter { bySource[$0].contains { $0.stem == stem } }
            guard let first = holding.first, let word = bySource[first].first(where: { $0.stem == stem }) else { return nil }
            return (word.shown, holding.map { Self.sources[$0].name })
        }
    }

    /// The texts of a workplace the youth's words are held against, with how a reason names them.
    static func compared(_ workplace: Workplace) -> [(label: String, text: String)] {
        var texts: [(String, String)] = [("Sector ‘\(workplace.sector)’ past", workplace.sector),
                                         ("Soort plek (\(workplace.kinds.map(\.label).joined(separator: ", "))) past",
                                          workplace.kinds.map(\.label).joined(separator: " "))]
        if let scan = workplace.latestScan {
            texts += [("Taken in de scan passen", scan.tasks), ("Sfeer in de scan past", scan.atmosphere),
                      ("Gevraagde vaardigheden in de scan passen", scan.functionalSkills + " " + scan.socialSkills)]
        }
        return texts
    }

    /// One reason per text of the workplace that shares words with the youth's quick scan; each
    /// shared word counts once (in the first text that has it), the words together at most
    /// `mostWordPoints`. Otherwise one reason without points saying why nothing was found.
    static func wordReasons(_ workplace: Workplace, _ youth: YouthWords) -> [MatchReason] {
        let noScan = workplace.latestScan == nil
        let texts = compared(workplace)
        if youth.isEmpty {
            return [MatchReason(0, "De quick scan van de jongere noemt nog geen wensen, talenten of motivatie: geen woorden te vergelijken"
                                + (noScan ? "; van deze werkplek is ook nog geen quick scan" : ""))]
        }
        if noScan, texts.allSatisfy({ $0.text.trimmingCharacters(in: .whitespaces).isEmpty }) {
            return [MatchReason(0, "Nog geen quick scan van deze werkplek, en geen sector of soort plek: niets te vergelijken")]
        }
        var reasons: [MatchReason] = []
        var counted = Set<String>()
        var pointsLeft = mostWordPoints
        for (label, text) in texts {
            let shared = words(in: text).compactMap { word -> (shown: String, sources: [String])? in
                guard !counted.contains(word.stem), let found = youth.find(word.stem) else { return nil }
                counted.insert(word.stem)
                return found
            }
            guard !shared.isEmpty else { continue }
            let points = min(shared.count * pointsPerWord, pointsLeft)
            pointsLeft -= points
            let sources = YouthWords.sources.map(\.name).filter { name in shared.contains { $0.sources.contains(name) } }
            let capped = points < shared.count * pointsPerWord ? " (gedeelde woorden tellen samen ten hoogste \(mostWordPoints) punten)" : ""
            reasons.append(MatchReason(points, "\(label) bij \(listed(sources)): \(shared.map(\.shown).joined(separator: ", "))\(capped)"))
        }
        if reasons.isEmpty {
            reasons.append(MatchReason(0, "Geen woorden gemeen met de wensen, talenten en motivatie van de jongere"))
        }
        if noScan {
            reasons.append(MatchReason(0, "Nog geen quick scan van deze werkplek: alleen sector en soort plek vergeleken"))
        }
        return reasons
    }

    /// "a", "a en b", "a, b en c".
    static func listed(_ items: [String]) -> String {
        guard items.count > 1, let last = items.last else { return items.first ?? "" }
        return items.dropLast().joined(separator: ", ") + " en " + last
    }

    // MARK: What the plan's goal asks for

    /// The kinds of place and the words that name them in a goal, checked in this order so that
    /// "werkervaringsplek" is not also "werk": a word that starts with one of `prefixes`, equals
    /// one of `words`, or ends in one of `endings`.
    static let kindWords: [(kind: PlaceKind, prefixes: [String], words: [String], endings: [String])] = [
        (.learnAndWork, ["leerwerk", "bbl", "leerbaan"], [], []),
        (.workExperience, ["werkervaring"], [], []),
        (.dayActivity, ["dagbesteding"], [], []),
        (.internship, ["stage"], [], []),
        (.education, ["opleiding", "school", "mbo", "hbo", "studie", "studeren", "diploma", "cursus"], [], []),
        (.job, [], ["werk", "werken", "baan", "banen", "baantje", "betaald", "betaalde"], ["baan", "banen"]),
    ]

    /// The kinds of place `goal` asks for, in the order the goal names them, each with the first
    /// word that named it.
    public static func kindsAsked(by goal: String) -> [(kind: PlaceKind, word: String)] {
        var found: [(kind: PlaceKind, word: String)] = []
        for token in goal.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber }) {
            let plain = String(token).folding(options: .diacriticInsensitive, locale: nil)
            let kind = kindWords.first { rule in
                rule.prefixes.contains(where: plain.hasPrefix) || rule.words.contains(plain) || rule.endings.contains(where: plain.hasSuffix)
            }?.kind
            if let kind, !found.contains(where: { $0.kind == kind }) { found.append((kind, String(token))) }
        }
        return found
    }

    /// Whether the workplace offers what the goal asks for.
    static func kindReason(_ workplace: Workplace, _ asked: [(kind: PlaceKind, word: String)]) -> MatchReason {
        guard !asked.isEmpty else {
            return MatchReason(0, "Het doel in het plan noemt geen soort plek (\(PlaceKind.allCases.map(\.label).joined(separator: ", ")))")
        }
        let offered = asked.filter { workplace.kinds.contains($0.kind) }
        guard offered.isEmpty else {
            return MatchReason(askedKindPoints, "Biedt \(listed(offered.map(\.kind.label))), waar het doel in het plan om vraagt "
                               + "(het doel noemt: \(offered.map(\.word).joined(separator: ", ")))")
        }
        let has = workplace.kinds.isEmpty ? "de soorten plek van deze werkplek zijn niet ingevuld"
                                          : "wel: \(workplace.kinds.map(\.label).joined(separator: ", "))"
        return MatchReason(0, "Biedt geen \(asked.map(\.kind.label).joined(separator: " of ")), waar het doel in het plan om vraagt; \(has)")
    }

    // MARK: Placements there

    /// "01-02-2026 – 30-06-2026", "vanaf 01-02-2026".
    static func span(start: LocalDate, end: LocalDate?) -> String {
        end.map { "\(start.text) – \($0.text)" } ?? "vanaf \(start.text)"
    }

    /// One reason per placement of this youth at the workplace, oldest first.
    static func ownReasons(_ workplace: Workplace, _ youth: Youth) -> [MatchReason] {
        youth.placementsInOrder.filter { $0.workplaceID == workplace.id }.map { placement in
            let what = placement.kind.label
            switch placement.status {
            case .planned:
                return MatchReason(0, "Al gepland hier: \(what) \(span(start: placement.start, end: placement.plannedEnd))")
            case .running:
                return MatchReason(wentWellPoints, "Nu hier: \(what) sinds \(placement.start.text), lopend (telt als goed gegaan)")
            case .ended:
                let how = placement.endingText ?? "beëindigd"
                let points = placement.ending.map(points) ?? 0
                return MatchReason(points, "Eerder hier: \(what) \(span(start: placement.start, end: placement.end)), \(how)")
            }
        }
    }

    /// What an ending counts: completed went well, stopped early went badly, anything else says nothing.
    static func points(_ ending: PlacementEnding) -> Int {
        switch ending {
        case .completed: wentWellPoints
        case .stoppedByYouth, .stoppedByEmployer: wentBadlyPoints
        case .caseClosed, .other: 0
        }
    }

    /// How the placements of other youths there went, as one reason; none when there were none.
    static func othersReason(_ placements: [PlacementSummary]) -> [MatchReason] {
        guard !placements.isEmpty else { return [] }
        let completed = placements.filter { $0.status == .ended && $0.ending == .completed }.count
        let stopped = placements.filter { $0.status == .ended && ($0.ending == .stoppedByYouth || $0.ending == .stoppedByEmployer) }.count
        let running = placements.filter { $0.status == .running }.count
        let counts = [(completed, "afgerond"), (stopped, "voortijdig gestopt"), (running, "lopend")].filter { $0.0 > 0 }
        let rest = placements.count - completed - stopped - running
        let told = counts.map { "\($0.0) \($0.1)" } + (rest > 0 ? ["\(rest) anders of gepland"] : [])
        let points = min(max(completed - stopped, -othersLimit), othersLimit)
        return [MatchReason(points, "Andere jongeren hier: \(told.joined(separator: ", "))")]
    }
}

extension CaseloadStore {
    /// The placements of every youth but `youthID`, by workplace id: what the match of that youth
    /// weighs as how placements there went for others. One pass over the summaries.
    public func placementsOfOthers(than youthID: String) -> [String: [PlacementSummary]] {
        var found: [String: [PlacementSummary]] = [:]
        for summary in summaries where summary.id != youthID {
            for placement in summary.placements { found[placement.workplaceID, default: []].append(placement) }
        }
        return found
    }
}
