import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// File operations that keep data confidential and whole: directories 0700, files 0600 whatever
/// the umask, and writes that are atomic (temp file, fsync, rename, fsync of the directory).
enum PrivateFiles {
    /// Creates `path` (and missing parents) as 0700. An existing directory is made 0700 only when
    /// `tightenExisting`: our own subfolders, never a folder the coach pointed us at.
    static func makeDirectory(_ path: String, tightenExisting: Bool) throws(StoreError) {
        var isDirectory: ObjCBool = false
        if !FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) {
            let parent = (path as NSString).deletingLastPathComponent
            if !parent.isEmpty, !FileManager.default.fileExists(atPath: parent) {
                do {
                    try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
                } catch {
                    throw StoreError.from(errno: EACCES, operation: "Map maken", path: parent)
                }
            }
            if mkdir(path, 0o700) != 0 && errno != EEXIST {
                throw StoreError.from(errno: errno, operation: "Map maken", path: path)
            }
        } else if !isDirectory.boolValue {
            throw StoreError.io(operation: "Map openen", path: path, code: ENOTDIR)
        } else if !tightenExisting {
            return
        }
        if chmod(path, 0o700) != 0 {
            throw StoreError.from(errno: errno, operation: "Rechten zetten", path: path)
        }
    }

    /// A failure to simulate in tests: what a full disk or a crash at the worst moment would do.
    enum SimulatedFailure: Sendable {
        case diskFullWhileWriting
        /// Stops after the temp file is written and synced, before the rename, leaving it behind.
        case crashBeforeRename
    }

    struct SimulatedCrash: Error {}

    static let temporaryMarker = ".tmp-"

    /// Replaces the file at `path` with `data`, all or nothing.
    static func writeAtomically(_ data: Data, to path: String, simulate: SimulatedFailure? = nil) throws {
        let directory = (path as NSString).deletingLastPathComponent
        let name = (path as NSString).lastPathComponent
        let temporary = "\(directory)/.\(name)\(temporaryMarker)\(UInt32.random(in: 0...UInt32.max))"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw StoreError.from(errno: errno, operation: "Opslaan", path: directory) }
        var closed = false
        func fail(_ code: Int32) -> StoreError {
            if !closed { close(fd); closed = true }
            unlink(temporary)
            return StoreError.from(errno: code, operation: "Opslaan", path: directory)
        }
        if fchmod(fd, 0o600) != 0 { throw fail(errno) }
        if simulate == .diskFullWhileWriting { throw fail(ENOSPC) }
        let writeError = data.withUnsafeBytes { buffer -> Int32 in
            var offset = 0
            while offset < buffer.count {
                let written = write(fd, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    return errno
                }
                offset += written
            }
            return 0
        }
        if writeError != 0 { throw fail(writeError) }
        if fsync(fd) != 0 { throw fail(errno) }
        if close(fd) != 0 { closed = true; throw fail(errno) }
        closed = true
        if simulate == .crashBeforeRename { throw SimulatedCrash() }
        if rename(temporary, path) != 0 {
            let code = errno
            unlink(temporary)
            throw StoreError.from(errno: code, operation: "Opslaan", path: directory)
        }
        try syncDirectory(directory)
    }

    /// Makes a rename or a removal in `directory` durable.
    static func syncDirectory(_ directory: String) throws(StoreError) {
        let fd = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { throw StoreError.from(errno: errno, operation: "Map vastleggen", path: directory) }
        defer { close(fd) }
        if fsync(fd) != 0 && errno != EINVAL {
            throw StoreError.from(errno: errno, operation: "Map vastleggen", path: directory)
        }
    }

    /// What identifies one version of a file cheaply: a rewrite changes the inode (rename), size or mtime.
    struct Identity: Codable, Equatable, Sendable {
        var inode: UInt64
        var size: Int64
        var modifiedNanoseconds: Int64
    }

    static func identity(of path: String) -> Identity? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return Identity(inode: UInt64(info.st_ino), size: Int64(info.st_size),
                        modifiedNanoseconds: Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec))
    }
}

/// An exclusive lock on a data directory, held as long as this value lives. The kernel drops it
/// when the process dies, so a crash never leaves a stale lock.
final class DirectoryLock {
    private let fd: Int32

    init(directory: String) throws(StoreError) {
        let path = directory + "/.lock"
        let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw StoreError.from(errno: errno, operation: "Vergrendelen", path: directory) }
        fchmod(fd, 0o600)
        if flock(fd, LOCK_EX | LOCK_NB) != 0 {
            let code = errno
            close(fd)
            if code == EWOULDBLOCK { throw StoreError.lockedByOtherInstance(directory: directory) }
            throw StoreError.from(errno: code, operation: "Vergrendelen", path: directory)
        }
        self.fd = fd
    }

    deinit { close(fd) }
}
