import Caseload
import Foundation

/// calcurse with 10,000 appointments and a few hundred todos, and taskwarrior with 10,000 tasks,
/// on data like a caseload's (the same invented names, contacts and actions), made once under
/// the data directory and kept. A peer that is not installed is skipped with a note.
final class Peers {
    static let version = 1
    static let appointmentCount = 10_000
    static let todoCount = 300
    static let taskCount = 10_000

    let directory: String
    let log: @Sendable (String) -> Void
    /// calcurse's data directory (`-D`), when calcurse is installed.
    private(set) var calcurse: String?
    /// TASKRC and TASKDATA for `task`, when taskwarrior is installed.
    private(set) var taskEnvironment: [String: String]?

    init(directory: String, log: @escaping @Sendable (String) -> Void) {
        self.directory = directory
        self.log = log
    }

    func prepare(notes: inout [String]) throws {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        if Self.installed("calcurse") {
            calcurse = try prepareCalcurse()
        } else {
            notes.append("calcurse is not installed here: its figures are left out.")
        }
        if Self.installed("task") {
            taskEnvironment = try prepareTask()
        } else {
            notes.append("taskwarrior (`task`) is not installed here: its figures are left out.")
        }
    }

    static func installed(_ program: String) -> Bool {
        (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":").contains {
            FileManager.default.isExecutableFile(atPath: "\($0)/\(program)")
        }
    }

    /// Whether `folder` holds this version's data; otherwise it is emptied for new data.
    private func isPrepared(_ folder: String) throws -> Bool {
        let marker = folder + "/.rodeloper-bench-peer"
        if (try? String(contentsOfFile: marker, encoding: .utf8)) == "\(Self.version)\n" { return true }
        try? FileManager.default.removeItem(atPath: folder)
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        return false
    }

    private func markPrepared(_ folder: String) throws {
        try "\(Self.version)\n".write(toFile: folder + "/.rodeloper-bench-peer", atomically: true, encoding: .utf8)
    }

    /// Appointments around today, ten a day over 1,000 days (contacts with youths), and todos.
    private func prepareCalcurse() throws -> String {
        let folder = directory + "/calcurse"
        if try isPrepared(folder) { return folder }
        log("  calcurse: \(Self.appointmentCount) appointments, \(Self.todoCount) todos")
        var random = SplitMix(seed: 20)
        let calendar = Calendar(identifier: .gregorian)
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = "MM/dd/yyyy"
        let first = calendar.date(byAdding: .day, value: -500, to: Date())!
        var appointments = ""
        for index in 0..<Self.appointmentCount {
            let day = formatter.string(from: calendar.date(byAdding: .day, value: index / 10, to: first)!)
            let hour = 8 + index % 10
            appointments += String(format: "%@ @ %02d:00 -> %@ @ %02d:45 |", day, hour, day, hour)
                + "Gesprek met \(DutchNames.name(&random)): \(random.pick(FullRecord.sentences))\n"
        }
        try appointments.write(toFile: folder + "/apts", atomically: true, encoding: .utf8)
        let todos = (0..<Self.todoCount).map { index in
            "[\(index % 9 + 1)] \(random.pick(["Bellen met", "Afspraak maken met", "Mailen naar", "Brief sturen aan"])) \(DutchNames.name(&random))"
        }
        try (todos.joined(separator: "\n") + "\n").write(toFile: folder + "/todo", atomically: true, encoding: .utf8)
        try markPrepared(folder)
        return folder
    }

    /// Tasks like a caseload's actions (most done, as most cases are closed), each with a project,
    /// tags, a due date and three annotations, brought in with `task import`.
    private func prepareTask() throws -> [String: String] {
        let folder = directory + "/task"
        var environment = Benchmark.environment()
        environment["TASKRC"] = folder + "/taskrc"
        environment["TASKDATA"] = folder + "/data"
        if try isPrepared(folder) { return environment }
        log("  taskwarrior: importing \(Self.taskCount) tasks")
        try """
            data.location=\(folder)/data
            confirmation=off
            verbose=nothing
            hooks=off
            news.version=2.6.2

            """.write(toFile: folder + "/taskrc", atomically: true, encoding: .utf8)
        try FileManager.default.createDirectory(atPath: folder + "/data", withIntermediateDirectories: true)
        var random = SplitMix(seed: 30)
        func stamp(_ daysAgo: Int) -> String {
            let formatter = DateFormatter()
            formatter.locale = Locale(identifier: "en_US_POSIX")
            formatter.timeZone = TimeZone(identifier: "UTC")
            formatter.dateFormat = "yyyyMMdd'T'HHmmss'Z'"
            return formatter.string(from: Date().addingTimeInterval(-Double(daysAgo) * 86_400))
        }
        var tasks: [[String: Any]] = []
        for index in 0..<Self.taskCount {
            let started = random.int(10...2_900)
            var task: [String: Any] = [
                "uuid": UUID().uuidString.lowercased(),
                "description": "\(DutchNames.name(&random)): \(random.pick(["CV afmaken", "DigiD aanvragen", "bellen met de budgetcoach", "open dag bezoeken", "zorgverzekering regelen"]))",
                "entry": stamp(started),
                "due": stamp(started - 14),
                "project": random.pick(FullRecord.cities),
                "tags": ["jongere", random.pick(["scout", "quickscan", "match", "coachen", "borgen"])],
                "annotations": (0..<3).map { note in ["entry": stamp(started - note), "description": random.pick(FullRecord.sentences)] },
            ]
            if index % 5 != 0 {
                task["status"] = "completed"
                task["end"] = stamp(max(0, started - 30))
            } else {
                task["status"] = "pending"
            }
            tasks.append(task)
        }
        let file = folder + "/tasks.json"
        try JSONSerialization.data(withJSONObject: tasks).write(to: URL(fileURLWithPath: file))
        for arguments in [["task", "import", file], ["task", "export"]] {
            let child = try Child(arguments, environment: environment, output: .pipe, keepOutput: false)
            guard child.finish(timeout: 600), child.exitStatus == 0 else { throw InputError("\(arguments.joined(separator: " ")) failed") }
        }
        try markPrepared(folder)
        return environment
    }
}
