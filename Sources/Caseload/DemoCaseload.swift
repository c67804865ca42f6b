import AppResources
import Foundation

/// The fictional demo caseload from Resources/demo-caseload.json, dated relative to today.
public enum DemoCaseload {
    private struct File: Decodable {
        var youths: [Entry]
    }

    private struct Entry: Decodable {
        var name: String
        var age: Int
        var birthdayInDays: Int
        var municipality: String
        var phone: String
        var foundAt: Channel
        var foundAtDetail: String
        var referredBy: String
        var phase: Phase
        /// Days ago that each phase up to `phase` began, oldest first.
        var phaseDaysAgo: [Int]
        var updatedDaysAgo: Int
        var measurements: [DemoMeasurement]?
    }

    private struct DemoMeasurement: Decodable {
        var daysAgo: Int
        var moment: MeasurementMoment
        var scoredBy: String
        /// One per life domain, in the order of the catalog; 0 is not scored.
        var scores: [Int]
    }

    public static func youths(today: LocalDate, now: Date) throws -> [Youth] {
        guard let data = AppResources.data(named: "demo-caseload.json") else {
            throw InputError("De demo-caseload ontbreekt in dit programma.")
        }
        let file = try JSONDecoder().decode(File.self, from: data)
        return try file.youths.map { entry in
            var youth = try Youth(name: entry.name, now: now, today: today)
            youth.dateOfBirth = today.adding(days: entry.birthdayInDays).adding(years: -(entry.age + 1))
            youth.municipality = entry.municipality
            youth.phone = entry.phone
            youth.foundAt = entry.foundAt
            youth.foundAtDetail = entry.foundAtDetail
            youth.referredBy = entry.referredBy
            let phases = Phase.allCases.prefix(entry.phaseDaysAgo.count)
            guard phases.last == entry.phase else {
                throw InputError("Demo-gegevens kloppen niet voor \(entry.name).")
            }
            youth.phaseHistory = zip(phases, entry.phaseDaysAgo).enumerated().map { index, pair in
                PhaseChange(from: index == 0 ? nil : Phase.allCases[index - 1], to: pair.0, date: today.adding(days: -pair.1))
            }
            youth.phase = entry.phase
            youth.created = now.addingTimeInterval(-Double(entry.phaseDaysAgo[0]) * 86_400).wholeSeconds
            youth.updated = now.addingTimeInterval(-Double(entry.updatedDaysAgo) * 86_400).wholeSeconds
            for demo in entry.measurements ?? [] {
                let day = today.adding(days: -demo.daysAgo)
                var measurement = ZRMMeasurement(date: day, moment: demo.moment, scoredBy: demo.scoredBy, recordedOn: day)
                for (domain, score) in zip(Catalog.lifeDomains, demo.scores) where score > 0 {
                    try measurement.setScore(score, for: domain.code, today: day)
                }
                youth.measurements.append(measurement)
            }
            return youth
        }
    }

    /// Writes the demo into an empty data directory; refuses one that holds data.
    public static func write(into store: CaseloadStore, today: LocalDate, now: Date) throws {
        guard !store.holdsData else { throw StoreError.notEmpty(directory: store.directory) }
        for youth in try youths(today: today, now: now) {
            try store.save(youth, updatedAt: youth.updated)
        }
    }
}
