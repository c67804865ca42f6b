import Caseload
import Foundation

/// Monotonic seconds, for every time the benchmark takes.
func monotonicSeconds() -> Double { Double(DispatchTime.now().uptimeNanoseconds) / 1e9 }

/// A program started by the benchmark, in a pseudo-terminal of 80x24 or with its output in a
/// pipe. Its peak memory is the kernel's high-water mark of its resident memory (VmHWM in
/// /proc/PID/status), read while it runs: `wait4`'s ru_maxrss is no use here, because Linux
/// counts in it the memory of the benchmark itself at the moment of the spawn.
final class Child {
    let pid: pid_t
    /// The master side of the pseudo-terminal, or the reading end of the pipe.
    let fd: Int32
    let started: Double
    private(set) var output: [UInt8] = []
    /// How many bytes were read in all (also when `keepOutput` is false).
    private(set) var bytesRead = 0
    private(set) var firstOutputAt: Double?
    private let keepOutput: Bool
    /// The highest VmHWM read so far (`notePeakMemory`), in KiB.
    private(set) var peakMemoryKiB = 0
    private(set) var exitStatus: Int32?

    enum Output { case terminal(columns: Int, rows: Int), pipe }

    init(_ arguments: [String], environment: [String: String], output mode: Output, keepOutput: Bool = true) throws {
        self.keepOutput = keepOutput
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var parentEnd: Int32
        var childEnd: Int32 = -1
        switch mode {
        case .terminal(let columns, let rows):
            // posix_openpt, unlockpt and ptsname by hand: Glibc's module does not export them.
            parentEnd = open("/dev/ptmx", O_RDWR | O_NOCTTY | O_CLOEXEC)
            var unlock: Int32 = 0
            var number: UInt32 = 0
            guard parentEnd >= 0, ioctl(parentEnd, UInt(0x4004_5431) /* TIOCSPTLCK */, &unlock) == 0,
                  ioctl(parentEnd, UInt(0x8004_5430) /* TIOCGPTN */, &number) == 0 else {
                throw InputError("no pseudo-terminal: \(String(cString: strerror(errno)))")
            }
            let name = "/dev/pts/\(number)"
            var size = winsize(ws_row: UInt16(rows), ws_col: UInt16(columns), ws_xpixel: 0, ws_ypixel: 0)
            _ = ioctl(parentEnd, UInt(0x5414) /* TIOCSWINSZ */, &size)
            // A new session whose controlling terminal is the pseudo-terminal, as in a real terminal.
            posix_spawnattr_setflags(&attributes, Int16(0x80) /* POSIX_SPAWN_SETSID */)
            posix_spawn_file_actions_addopen(&actions, 0, name, O_RDWR, 0)
            posix_spawn_file_actions_adddup2(&actions, 0, 1)
            posix_spawn_file_actions_adddup2(&actions, 0, 2)
        case .pipe:
            var ends: [Int32] = [0, 0]
            guard pipe(&ends) == 0 else { throw InputError("no pipe: \(String(cString: strerror(errno)))") }
            (parentEnd, childEnd) = (ends[0], ends[1])
            _ = fcntl(parentEnd, F_SETFD, FD_CLOEXEC)
            _ = fcntl(childEnd, F_SETFD, FD_CLOEXEC)
            posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
            posix_spawn_file_actions_adddup2(&actions, childEnd, 1)
            posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        }
        fd = parentEnd
        let argv = arguments.map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        var pid: pid_t = 0
        started = monotonicSeconds()
        let result = posix_spawnp(&pid, arguments[0], &actions, &attributes, argv, envp)
        if childEnd >= 0 { close(childEnd) }
        guard result == 0 else {
            close(parentEnd)
            throw InputError("cannot start \(arguments[0]): \(String(cString: strerror(result)))")
        }
        self.pid = pid
    }

    deinit {
        if exitStatus == nil {
            kill(pid, SIGKILL)
            _ = finish(timeout: 5)
        }
        close(fd)
    }

    /// Reads what is there, waiting at most `timeout` seconds for the first bytes; false at the end
    /// of the output (the program closed it or ended).
    @discardableResult
    func read(timeout: Double) -> Bool {
        var poller = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        guard poll(&poller, 1, Int32(max(0, timeout * 1000))) > 0 else { return true }
        var buffer = [UInt8](repeating: 0, count: 65_536)
        let count = buffer.withUnsafeMutableBytes { Foundation.read(fd, $0.baseAddress!, $0.count) }
        if count <= 0 { return count < 0 && errno == EINTR }
        if firstOutputAt == nil { firstOutputAt = monotonicSeconds() }
        bytesRead += count
        if keepOutput { output += buffer[0..<count] }
        return true
    }

    /// Reads until `text` has appeared in the output after offset `from`, the output ends, or
    /// `timeout` seconds have passed since the start: the moment it appeared and the offset just
    /// after it, or nil.
    func readUntil(_ text: String, from: Int = 0, timeout: Double) -> (at: Double, end: Int)? {
        let needle = Array(text.utf8)
        var searched = from
        while true {
            if let found = output[max(from, searched - needle.count)...].firstRange(of: needle) {
                return (monotonicSeconds(), found.upperBound)
            }
            searched = output.count
            guard monotonicSeconds() - started < timeout, read(timeout: 0.05) else { return nil }
        }
    }

    /// Reads until nothing more comes for `quiet` seconds; the number of bytes read.
    func readUntilQuiet(_ quiet: Double, limit: Double = 5) -> Int {
        let before = bytesRead
        let start = monotonicSeconds()
        var last = bytesRead
        while monotonicSeconds() - start < limit {
            guard read(timeout: quiet) else { break }
            if bytesRead == last { break }
            last = bytesRead
        }
        return bytesRead - before
    }

    func send(_ text: String) {
        let bytes = Array(text.utf8)
        _ = bytes.withUnsafeBytes { write(fd, $0.baseAddress!, $0.count) }
    }

    /// Asks the program to stop (SIGTERM, then SIGKILL after `grace` seconds), reading its output
    /// meanwhile so that it is never stuck writing; returns whether it ended.
    func stop(grace: Double = 3) {
        notePeakMemory()
        kill(pid, SIGTERM)
        if !finish(timeout: grace) {
            kill(pid, SIGKILL)
            _ = finish(timeout: 10)
        }
    }

    /// Waits for the program to end, reading its output; false when it is still running after
    /// `timeout` seconds (or when `watch` says to stop waiting).
    func finish(timeout: Double, watch: () -> Bool = { false }) -> Bool {
        let deadline = monotonicSeconds() + timeout
        while exitStatus == nil {
            var status: Int32 = 0
            var usage = rusage()
            let ended = wait4(pid, &status, WNOHANG, &usage)
            if ended == pid {
                exitStatus = status
                break
            }
            notePeakMemory()
            if monotonicSeconds() > deadline || watch() { return false }
            if !read(timeout: 0.02) { usleep(2_000) }
        }
        while read(timeout: 0) && Child.hasInput(fd) {}
        return true
    }

    private static func hasInput(_ fd: Int32) -> Bool {
        var poller = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        return poll(&poller, 1, 0) > 0 && poller.revents & Int16(POLLIN) != 0
    }

    /// The resident memory of the running program now, from /proc, in KiB.
    var residentKiB: Int { statusField("VmRSS:") }

    /// Reads the program's high-water mark of resident memory while it still runs.
    func notePeakMemory() {
        guard exitStatus == nil else { return }
        peakMemoryKiB = max(peakMemoryKiB, statusField("VmHWM:"))
    }

    private func statusField(_ field: String) -> Int {
        guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix(field) }) else { return 0 }
        return Int(line.split(separator: " ").dropFirst().first ?? "") ?? 0
    }
}
