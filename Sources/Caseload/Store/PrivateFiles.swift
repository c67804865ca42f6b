import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// File operations that keep data confidential and whole: directories 0700, files 0600 whatever
/// the umask, and writes that are atomic (temp file, fsync, rename, fsync of the directory).
public enum PrivateFiles {
    /// Creates `path` (and missing parents) as 0700 whatever the umask. An existing directory is
    /// tightened only when `tightenExisting` (our own subfolders, never a folder the coach pointed
    /// us at), and tightening only removes: group and other lose their bits, the owner's stay as
    /// the coach set them, so a folder made read-only stays read-only. Our own subfolders must be
    /// real directories: a symbolic link there is refused, so no mode is ever changed on what a
    /// link points to.
    static func makeDirectory(_ path: String, tightenExisting: Bool) throws(StoreError) {
        var info = stat()
        if lstat(path, &info) != 0 {
            guard errno == ENOENT else { throw StoreError.from(errno: errno, operation: "Map openen", path: path) }
            let parent = (path as NSString).deletingLastPathComponent
            if !parent.isEmpty, parent != path, lstat(parent, &info) != 0 {
                try makeDirectory(parent, tightenExisting: false)
            }
            if mkdir(path, 0o700) != 0 && errno != EEXIST {
                throw StoreError.from(errno: errno, operation: "Map maken", path: path)
            }
            try setDirectoryMode(path, created: true)
            return
        }
        if (info.st_mode & S_IFMT) == S_IFLNK {
            // The folder the coach named may be a link (to a synced folder); it is used, never changed.
            guard tightenExisting else {
                guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR else {
                    throw StoreError.io(operation: "Map openen", path: path, code: ENOTDIR)
                }
                return
            }
            throw StoreError.symbolicLink(path: path)
        }
        guard (info.st_mode & S_IFMT) == S_IFDIR else { throw StoreError.io(operation: "Map openen", path: path, code: ENOTDIR) }
        if tightenExisting { try setDirectoryMode(path, created: false) }
    }

    /// A folder we just made becomes exactly 0700 (whatever the umask took away); an existing one
    /// only loses group and other bits. Through a descriptor opened without following links.
    private static func setDirectoryMode(_ path: String, created: Bool) throws(StoreError) {
        let fd = open(path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        guard fd >= 0 else {
            if errno == ELOOP || errno == ENOTDIR { throw StoreError.symbolicLink(path: path) }
            throw StoreError.from(errno: errno, operation: "Rechten zetten", path: path)
        }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw StoreError.from(errno: errno, operation: "Rechten zetten", path: path) }
        let current = info.st_mode & 0o7777
        let wanted = created ? 0o700 : current & ~0o077
        if wanted != current, fchmod(fd, wanted) != 0 { throw StoreError.from(errno: errno, operation: "Rechten zetten", path: path) }
    }

    /// What `tightenEntry` did.
    enum Tightening: Equatable {
        /// Private now (or already), or not a file or folder (a link, a pipe: left as it is).
        case done
        /// A file with other names (hard links): its mode is theirs too, so it was left untouched.
        case otherNames
    }

    /// Makes a regular file or a directory at `path` private without following a link: group and
    /// other lose their bits, nothing is ever added. A file with more than one name (a hard link,
    /// perhaps outside the data directory) keeps its mode; anything else (a link, a pipe, a
    /// socket) is left exactly as it is.
    @discardableResult
    static func tightenEntry(_ path: String) -> Tightening { tightenEntry(path, in: AT_FDCWD) }

    /// `tightenEntry` for `name` in the folder open as `folder` (never through a link on the way);
    /// with `filesOnly`, a directory is left as it is too.
    @discardableResult
    static func tightenEntry(_ name: String, in folder: Int32, filesOnly: Bool = false) -> Tightening {
        // Look before opening: opening a device or a pipe can have effects of its own.
        func wanted(_ mode: mode_t) -> Bool { mode & S_IFMT == S_IFREG || (mode & S_IFMT == S_IFDIR && !filesOnly) }
        var seen = stat()
        guard fstatat(folder, name, &seen, AT_SYMLINK_NOFOLLOW) == 0, wanted(seen.st_mode) else { return .done }
        if seen.st_mode & S_IFMT == S_IFREG && seen.st_nlink > 1 { return .otherNames }
        // Already private: nothing to open (a start looks at every file of the caseload).
        if seen.st_mode & 0o077 == 0 { return .done }
        let fd = openat(folder, name, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else { return .done }
        defer { close(fd) }
        var info = stat()
        // What was opened may not be what was looked at: the same checks again, on it.
        guard fstat(fd, &info) == 0, wanted(info.st_mode) else { return .done }
        if info.st_mode & S_IFMT == S_IFREG && info.st_nlink > 1 { return .otherNames }
        let current = info.st_mode & 0o7777
        if current & 0o077 != 0 { fchmod(fd, current & ~0o077) }
        return .done
    }

    /// Makes a folder of ours and every regular file directly in it private (`tightenEntry`: only
    /// removes, never through a link, never a file with other names). A link in the folder's
    /// place is left alone, and so is all it points to.
    static func tightenFolder(_ path: String) {
        guard kind(of: path) == .directory else { return }
        tightenEntry(path)
        let folder = open(path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        guard folder >= 0 else { return }
        defer { close(folder) }
        for name in names(in: folder) { tightenEntry(name, in: folder, filesOnly: true) }
    }

    /// The names in the folder open as `folder`, without "." and "..".
    private static func names(in folder: Int32) -> [String] {
        let copy = dup(folder)
        guard copy >= 0 else { return [] }
        guard let stream = fdopendir(copy) else {
            close(copy)
            return []
        }
        defer { closedir(stream) }
        var names: [String] = []
        while let entry = readdir(stream) {
            let name = withUnsafePointer(to: &entry.pointee.d_name) {
                String(cString: UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self))
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names
    }

    /// The first of `folders` (that exists) whose owner may not write in it: a folder the coach
    /// made read-only, which the program then leaves so and opens for reading only.
    static func firstReadOnlyFolder(_ folders: [String]) -> String? {
        folders.first { folder in
            var info = stat()
            guard stat(folder, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR else { return false }
            return info.st_mode & S_IWUSR == 0
        }
    }

    /// What an entry of a data folder is, seen without following links.
    enum EntryKind: Equatable {
        case missing, regular, directory, symbolicLink, fifo, socket, device, unknown
    }

    static func kind(of path: String) -> EntryKind {
        var info = stat()
        guard lstat(path, &info) == 0 else { return .missing }
        switch info.st_mode & S_IFMT {
        case S_IFREG: return .regular
        case S_IFDIR: return .directory
        case S_IFLNK: return .symbolicLink
        case S_IFIFO: return .fifo
        case S_IFSOCK: return .socket
        case S_IFCHR, S_IFBLK: return .device
        default: return .unknown
        }
    }

    /// The contents of a regular file, read without following a link and without blocking on a
    /// pipe. Fails with the errno (ELOOP for a link, EISDIR or EINVAL for what is not a file,
    /// EFBIG for a file over `limit` bytes: a hostile file of gigabytes is never read whole).
    static func readRegularFile(_ path: String, limit: Int) -> Result<Data, Errno> {
        var data = Data()
        return readRegularFile(path, limit: limit) { piece in
            data.append(contentsOf: piece)
            return true
        }.map { data }
    }

    /// The same, handing what is read to `take` piece by piece, in order, at most `chunk` bytes
    /// at a time (by default the whole file at once); `take` returns false to stop reading.
    static func readRegularFile(_ path: String, limit: Int, chunk: Int? = nil,
                                into take: (UnsafeRawBufferPointer) -> Bool) -> Result<Void, Errno> {
        switch kind(of: path) {
        case .regular: break
        case .missing: return .failure(Errno(ENOENT))
        case .symbolicLink: return .failure(Errno(ELOOP))
        default: return .failure(Errno(EINVAL))
        }
        let fd = open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else { return .failure(Errno(errno)) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { return .failure(Errno(errno)) }
        guard (info.st_mode & S_IFMT) == S_IFREG else { return .failure(Errno(EINVAL)) }
        guard info.st_size <= limit else { return .failure(Errno(EFBIG)) }
        // One byte more than the file's size: the read that returns nothing ends it.
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: max(1, chunk ?? Int(info.st_size) + 1), alignment: 8)
        defer { buffer.deallocate() }
        var total = 0
        while true {
            let count = read(fd, buffer.baseAddress, buffer.count)
            if count < 0 {
                if errno == EINTR { continue }
                return .failure(Errno(errno))
            }
            if count == 0 { return .success(()) }
            // The file may grow while it is read.
            total += count
            guard total <= limit else { return .failure(Errno(EFBIG)) }
            guard take(UnsafeRawBufferPointer(rebasing: buffer[0..<count])) else { return .success(()) }
        }
    }

    struct Errno: Error, Equatable {
        let code: Int32
        init(_ code: Int32) { self.code = code }
    }

    /// A failure to simulate in tests: what a full disk or a crash at the worst moment would do.
    public enum SimulatedFailure: Sendable {
        case diskFullWhileWriting
        /// Stops after the temp file is written and synced, before the rename, leaving it behind.
        case crashBeforeRename
        /// The rename over the old file fails (as it does when a folder is in the way).
        case renameFails
        /// Opening finds the directory on a read-only disk.
        case readOnlyDirectory
    }

    struct SimulatedCrash: Error {}

    static let temporaryMarker = ".tmp-"

    /// Replaces the file at `path` with `data`, all or nothing. Whatever fails once the temporary
    /// file exists removes it again (it holds what was to be saved: names, dates of birth); only a
    /// simulated crash leaves it, as a real one would.
    static func writeAtomically(_ data: Data, to path: String, simulate: SimulatedFailure? = nil) throws {
        try writeAtomically(to: path, simulate: simulate) { fd in
            if let code = writeAll(data, to: fd) { throw StoreError.from(errno: code, operation: "Opslaan", path: (path as NSString).deletingLastPathComponent) }
        }
    }

    /// Writes `data` whole to `fd`; the errno when that fails.
    static func writeAll(_ data: some DataProtocol & ContiguousBytes, to fd: Int32) -> Int32? {
        data.withUnsafeBytes { buffer -> Int32? in
            var offset = 0
            while offset < buffer.count {
                let written = write(fd, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    return errno
                }
                offset += written
            }
            return nil
        }
    }

    /// `writeAtomically` for what `body` writes to the temporary file's descriptor (an export
    /// written piece by piece): synced and renamed into place only when `body` returns.
    static func writeAtomically(to path: String, simulate: SimulatedFailure? = nil, _ body: (Int32) throws -> Void) throws {
        let directory = (path as NSString).deletingLastPathComponent
        let name = (path as NSString).lastPathComponent
        let temporary = "\(directory)/.\(name)\(temporaryMarker)\(UInt32.random(in: 0...UInt32.max))"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw StoreError.from(errno: errno, operation: "Opslaan", path: directory) }
        var isOpen = true
        var temporaryLeft = true
        defer {
            if isOpen { close(fd) }
            if temporaryLeft && simulate != .crashBeforeRename { unlink(temporary) }
        }
        func fail(_ code: Int32) -> StoreError { StoreError.from(errno: code, operation: "Opslaan", path: directory) }
        if fchmod(fd, 0o600) != 0 { throw fail(errno) }
        if simulate == .diskFullWhileWriting { throw fail(ENOSPC) }
        try body(fd)
        if fsync(fd) != 0 { throw fail(errno) }
        isOpen = false
        if close(fd) != 0 { throw fail(errno) }
        if simulate == .crashBeforeRename { throw SimulatedCrash() }
        if simulate == .renameFails { throw fail(EISDIR) }
        if rename(temporary, path) != 0 { throw fail(errno) }
        temporaryLeft = false
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

        init(inode: UInt64, size: Int64, modifiedNanoseconds: Int64) {
            self.inode = inode
            self.size = size
            self.modifiedNanoseconds = modifiedNanoseconds
        }

        /// A regular file's identity; nil for anything else.
        init?(_ info: stat) {
            guard (info.st_mode & S_IFMT) == S_IFREG else { return nil }
            self.init(inode: UInt64(info.st_ino), size: Int64(info.st_size),
                      modifiedNanoseconds: Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec))
        }
    }

    static func identity(of path: String) -> Identity? {
        var info = stat()
        guard lstat(path, &info) == 0 else { return nil }
        return Identity(info)
    }

    /// The same for the entry `name` of the open folder `folder`, never following a link.
    static func identity(of name: String, in folder: Int32) -> Identity? {
        var info = stat()
        guard fstatat(folder, name, &info, AT_SYMLINK_NOFOLLOW) == 0 else { return nil }
        return Identity(info)
    }
}

/// An exclusive lock on a data directory, held as long as this value lives. The kernel drops it
/// when the process dies, so a crash never leaves a stale lock.
final class DirectoryLock {
    private let fd: Int32
    /// Where a `.lock` with other names (a hard link), or one that is no file, was moved,
    /// untouched; nil when it was a lock file of our own.
    private(set) var movedAside: String?
    /// What the `.lock` moved aside was when it was no regular file (a folder, a pipe); nil for
    /// a hard link.
    private(set) var movedAsideKind: PrivateFiles.EntryKind?

    /// Takes the lock. A `.lock` that turns out to have other names keeps its mode: it is moved
    /// to `quarantine` as it is, under a name starting with the stamp `aside`, and a new one is
    /// made. So is a `.lock` that is no file at all (a folder, a pipe, a socket, a device): it
    /// cannot be locked, and is moved without being opened (opening a pipe or a device can have
    /// effects of its own).
    init(directory: String, quarantine: String, aside: String) throws(StoreError) {
        let path = directory + "/.lock"
        let kind = PrivateFiles.kind(of: path)
        if ![.missing, .regular, .symbolicLink].contains(kind) {
            try PrivateFiles.makeDirectory(quarantine, tightenExisting: true)
            let target = quarantine + "/" + aside + "-lock-geen-bestand"
            guard PrivateFiles.kind(of: target) == .missing, rename(path, target) == 0 else {
                throw StoreError.cannotLock(path: path, reason: .notAFile(CaseloadStore.UnreadableReason.describe(kind)))
            }
            try PrivateFiles.syncDirectory(directory)
            movedAside = (target as NSString).lastPathComponent
            movedAsideKind = kind
        }
        var fd = try Self.openLocked(path, directory: directory)
        var info = stat()
        if fstat(fd, &info) == 0, info.st_nlink > 1 {
            // Still holding the old lock, so no other instance can start in between.
            let old = fd
            defer { close(old) }
            try PrivateFiles.makeDirectory(quarantine, tightenExisting: true)
            let target = quarantine + "/" + aside + "-lock-met-andere-naam"
            guard PrivateFiles.kind(of: target) == .missing, rename(path, target) == 0 else {
                throw StoreError.cannotLock(path: path, reason: .otherNames)
            }
            try PrivateFiles.syncDirectory(directory)
            fd = try Self.openLocked(path, directory: directory)
            movedAside = (target as NSString).lastPathComponent
        }
        self.fd = fd
    }

    /// Opens (or makes) `.lock` and locks it; 0600 when it has no other name.
    private static func openLocked(_ path: String, directory: String) throws(StoreError) -> Int32 {
        // Never through a link: the mode is set on the file that was opened, and only on that.
        let fd = open(path, O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard fd >= 0 else {
            if errno == ELOOP { throw StoreError.symbolicLink(path: path) }
            throw failure(errno, path: path)
        }
        var info = stat()
        guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else {
            close(fd)
            throw StoreError.cannotLock(path: path, reason: .notAFile(CaseloadStore.UnreadableReason.describe(PrivateFiles.kind(of: path))))
        }
        if flock(fd, LOCK_EX | LOCK_NB) != 0 {
            let code = errno
            close(fd)
            if code == EWOULDBLOCK { throw StoreError.lockedByOtherInstance(directory: directory) }
            throw failure(code, path: path)
        }
        // A mode is never changed through another name of the file (a hard link).
        if info.st_nlink == 1, info.st_mode & 0o077 != 0 { fchmod(fd, info.st_mode & 0o7777 & ~0o077) }
        return fd
    }

    /// A full disk or a read-only folder keeps its own message (and opens read-only); anything
    /// else names `.lock` and what to do, never a bare error code.
    private static func failure(_ code: Int32, path: String) -> StoreError {
        switch StoreError.from(errno: code, operation: "Vergrendelen", path: path) {
        case .io: .cannotLock(path: path, reason: .cannotOpen(code))
        case let error: error
        }
    }

    deinit { close(fd) }
}
