import Foundation
import XCTest

/// The built `rodeloper` binary, beside the test bundle. With `RODELOPER_E2E_FAKETIME` set
/// (".ci/run" sets it to a day a year ahead) it is a wrapper that runs the binary under
/// faketime: the program lives on that day while the tests themselves keep the real clock (XCTest
/// itself can hang when its own clock is faked).
func rodeloperBinary() throws -> String {
    let directory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    for candidate in [directory, directory.deletingLastPathComponent()] {
        let path = candidate.appendingPathComponent("rodeloper").path
        if FileManager.default.isExecutableFile(atPath: path) { return try underFaketime(path) }
    }
    throw XCTSkip("rodeloper binary not found beside \(directory.path); run `swift build` first")
}

/// The moment the program is made to see, "yyyy-mm-dd hh:mm:ss" in the local zone, if any.
let fakedMoment = ProcessInfo.processInfo.environment["RODELOPER_E2E_FAKETIME"].flatMap { $0.isEmpty ? nil : $0 }

private func underFaketime(_ binary: String) throws -> String {
    guard let fakedMoment else { return binary }
    guard let faketime = ["/usr/bin/faketime", "/usr/local/bin/faketime"].first(where: FileManager.default.isExecutableFile) else {
        throw XCTSkip("RODELOPER_E2E_FAKETIME is set but faketime is not installed (apt-get install faketime)")
    }
    let wrapper = NSTemporaryDirectory() + "rodeloper-faketime-\(getpid())"
    if !FileManager.default.fileExists(atPath: wrapper) {
        let script = "#!/bin/sh\nFAKETIME_DONT_FAKE_MONOTONIC=1 exec \(faketime) '\(fakedMoment)' \(binary) \"$@\"\n"
        try script.write(toFile: wrapper, atomically: true, encoding: .utf8)
        chmod(wrapper, 0o755)
    }
    return wrapper
}

struct ProcessResult {
    var status: Int32
    var stdout: String
    var stderr: String
}

/// Runs a command to the end, with no terminal, through posix_spawn and waitpid. Output goes
/// through files, not pipes: a tmux server started by the command keeps inherited descriptors
/// open long after the client ends.
@discardableResult
func runProcess(_ executable: String, _ arguments: [String], environment: [String: String] = [:]) throws -> ProcessResult {
    let base = NSTemporaryDirectory() + "rodeloper-run-\(UUID().uuidString)"
    defer {
        unlink(base + ".out")
        unlink(base + ".err")
    }
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 1, base + ".out", O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    posix_spawn_file_actions_addopen(&actions, 2, base + ".err", O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    let merged = ProcessInfo.processInfo.environment.merging(environment) { $1 }
    let argv = ([executable] + arguments).map { strdup($0) } + [nil]
    let envp = merged.map { strdup("\($0.key)=\($0.value)") } + [nil]
    defer { (argv + envp).forEach { free($0) } }
    var pid: pid_t = 0
    let spawned = posix_spawn(&pid, executable, &actions, nil, argv, envp)
    guard spawned == 0 else { throw POSIXError(POSIXErrorCode(rawValue: spawned) ?? .EIO) }
    var status: Int32 = 0
    while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
    // WIFEXITED / WEXITSTATUS, WTERMSIG by hand: the macros do not import into Swift.
    let exitStatus = (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
    return ProcessResult(status: exitStatus,
                         stdout: (try? String(contentsOfFile: base + ".out", encoding: .utf8)) ?? "",
                         stderr: (try? String(contentsOfFile: base + ".err", encoding: .utf8)) ?? "")
}

/// A private tmux server (its own socket, no user config) that runs the program in a pane,
/// types into it and reads the screen. Waits for what should appear instead of sleeping.
final class Tmux {
    let socket = "rodeloper-e2e-\(UUID().uuidString.prefix(8))"
    let tmux: String

    init(_ test: XCTestCase) throws {
        guard let path = ["/usr/bin/tmux", "/usr/local/bin/tmux", "/bin/tmux"].first(where: FileManager.default.isExecutableFile) else {
            if ProcessInfo.processInfo.environment["CI"] != nil { throw TmuxMissing() }
            throw XCTSkip("tmux is not installed (apt-get install tmux)")
        }
        tmux = path
        test.addTeardownBlock { [socket, tmux] in
            _ = try? runProcess(tmux, ["-L", socket, "kill-server"])
        }
    }

    struct TmuxMissing: Error {}

    @discardableResult
    func command(_ arguments: [String]) throws -> ProcessResult {
        try runProcess(tmux, ["-L", socket, "-f", "/dev/null"] + arguments)
    }

    /// Starts `command` in a new session `name` of the given size.
    func start(_ name: String, width: Int = 80, height: Int = 24, _ command: String) throws {
        try self.command(["new-session", "-d", "-s", name, "-x", "\(width)", "-y", "\(height)", command])
    }

    /// Presses `keys` as a coach would: an Esc goes alone, with a pause after it well past the
    /// program's 25 ms Esc delay, since Esc and a key sent in one burst are an Alt-key (ignored).
    /// Send "M-x" (or Esc in `text`) to type an Alt-key.
    func keys(_ name: String, _ keys: String...) throws {
        var burst: [String] = []
        for key in keys {
            if key == "Escape" {
                if !burst.isEmpty { try command(["send-keys", "-t", name] + burst) }
                burst = []
                try command(["send-keys", "-t", name, key])
                Thread.sleep(forTimeInterval: 0.3)
            } else {
                burst.append(key)
            }
        }
        if !burst.isEmpty { try command(["send-keys", "-t", name] + burst) }
    }
    func text(_ name: String, _ text: String) throws { try command(["send-keys", "-t", name, "-l", text]) }

    func screen(_ name: String) throws -> String { try command(["capture-pane", "-p", "-t", name]).stdout }

    var isRunning: (String) -> Bool {
        { [self] name in (try? command(["has-session", "-t", name]).status) == 0 }
    }

    /// Waits until the screen satisfies `condition`; fails with the last screen after 15 s.
    @discardableResult
    func waitFor(_ name: String, file: StaticString = #filePath, line: UInt = #line, _ what: String,
                 _ condition: (String) -> Bool) throws -> String {
        let deadline = Date().addingTimeInterval(15)
        var last = ""
        while Date() < deadline {
            last = (try? screen(name)) ?? ""
            if condition(last) {
                // A capture can catch the terminal halfway through drawing a frame: return only a
                // screen that stays the same a moment later, so what is asserted next is whole.
                Thread.sleep(forTimeInterval: 0.1)
                if (try? screen(name)) == last { return last }
                continue
            }
            Thread.sleep(forTimeInterval: 0.05)
        }
        XCTFail("waited in vain for \(what); screen:\n\(last)", file: file, line: line)
        return last
    }

    func waitUntilGone(_ name: String, file: StaticString = #filePath, line: UInt = #line) {
        let deadline = Date().addingTimeInterval(15)
        while Date() < deadline {
            if !isRunning(name) { return }
            Thread.sleep(forTimeInterval: 0.05)
        }
        XCTFail("session \(name) did not end", file: file, line: line)
    }
}

/// The program's own process for `directory` (under faketime it is a child of the pane's process).
func programPID(for directory: String) throws -> pid_t {
    try XCTUnwrap(runningProgram(for: directory), "no program runs on \(directory)")
}

/// The process of the program on `directory`, if one runs.
func runningProgram(for directory: String) -> pid_t? {
    let entry = ((try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []).first { pid in
        (try? String(contentsOfFile: "/proc/\(pid)/comm", encoding: .utf8)) == "rodeloper\n"
            && ((try? String(contentsOfFile: "/proc/\(pid)/cmdline", encoding: .utf8))?.contains(directory) ?? false)
    }
    return entry.flatMap { pid_t($0) }
}

/// Waits until no program runs on `directory`: after a hangup it may still write its drafts and
/// hold the lock a moment after its tmux session is gone, and a start meanwhile is refused.
func waitUntilNoProgram(for directory: String, file: StaticString = #filePath, line: UInt = #line) {
    let deadline = Date().addingTimeInterval(15)
    while Date() < deadline {
        if runningProgram(for: directory) == nil { return }
        Thread.sleep(forTimeInterval: 0.05)
    }
    XCTFail("the program on \(directory) did not end", file: file, line: line)
}

func temporaryDataDirectory(_ test: XCTestCase) -> String {
    let path = NSTemporaryDirectory() + "rodeloper-e2e-\(UUID().uuidString)"
    test.addTeardownBlock { try? FileManager.default.removeItem(atPath: path) }
    return path
}

/// The day `days` from today as the coach types it (dd-mm-jjjj), in the zone the program runs in:
/// end-to-end tests never name a calendar date, so they pass on any day.
func dayFromToday(_ days: Int) -> String {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = .current
    let today = fakedMoment.flatMap { moment -> Date? in
        let parts = moment.split(separator: " ")[0].split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3 else { return nil }
        return calendar.date(from: DateComponents(year: parts[0], month: parts[1], day: parts[2], hour: 12))
    } ?? Date()
    let day = calendar.date(byAdding: .day, value: days, to: today)!
    let p = calendar.dateComponents([.year, .month, .day], from: day)
    return String(format: "%02d-%02d-%04d", p.day!, p.month!, p.year!)
}
