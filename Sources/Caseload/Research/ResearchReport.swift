import Foundation

/// The days a report covers: `to` is the day the caseload is counted on (today unless given).
public struct ReportPeriod: Equatable, Sendable {
    public var from: LocalDate?
    public var to: LocalDate

    public init(from: LocalDate? = nil, to: LocalDate) {
        self.from = from
        self.to = to
    }
}

public enum ReportFormat: Sendable {
    case text, markdown
}

// SCAFFOLD: the figures and their rendering are built by the report engineer.
/// The figures for the action research over `data` in `period`. `shared`: meant for others
/// (`report --share`, `report --merge`): small numbers are suppressed (docs/decisions.md).
public struct ResearchReport: Sendable {
    public let data: ResearchData
    public let period: ReportPeriod
    public let shared: Bool

    public init(data: ResearchData, period: ReportPeriod, shared: Bool) {
        self.data = data
        self.period = period
        self.shared = shared
    }

    /// The whole report; the reports screen shows `render(.text)` line for line.
    public func render(_ format: ReportFormat) -> String {
        "Rapportage (\(data.youths.count) jongeren)\n"
    }
}
