import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Where a large export is written piece by piece (a backup, youth by youth): a file descriptor
/// filled in blocks, so that neither the document nor more than a block of it is ever in memory.
public final class ExportWriter {
    private let fd: Int32
    private var buffer: [UInt8] = []
    private static let blockSize = 1 << 20
    /// Bytes written out so far: a refusal after the first says the output is incomplete.
    public private(set) var bytesFlushed = 0

    /// Writes to `fd`, which stays open (the caller's).
    public init(fd: Int32) {
        self.fd = fd
        buffer.reserveCapacity(Self.blockSize)
    }

    func write(_ data: Data) throws {
        buffer.append(contentsOf: data)
        if buffer.count >= Self.blockSize { try flush() }
    }

    /// Writes out what is buffered.
    public func flush() throws {
        var offset = 0
        let code = buffer.withUnsafeBytes { raw -> Int32 in
            while offset < raw.count {
                let written = Glibc.write(fd, raw.baseAddress! + offset, raw.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    return errno
                }
                offset += written
            }
            return 0
        }
        bytesFlushed += offset
        buffer.removeAll(keepingCapacity: true)
        if code != 0 { throw StoreError.from(errno: code, operation: "Opslaan", path: "de export") }
    }
}

extension ExportFile {
    /// Writes to `path` what `body` writes, all or nothing and 0600, as `write` does for a whole
    /// document (the same refusals, checked before `body` runs): into a temporary file beside it,
    /// synced and renamed into place only when `body` returns. When it throws, nothing is left.
    public static func write<Result>(to path: String, outside dataDirectory: String, example: String,
                                     _ body: (ExportWriter) throws -> Result) throws -> Result {
        let folder = try checkedFolder(of: path, outside: dataDirectory, example: example)
        let target = folder + "/" + (path as NSString).lastPathComponent
        let temporary = "\(folder)/.\((path as NSString).lastPathComponent)\(PrivateFiles.temporaryMarker)\(UInt32.random(in: 0...UInt32.max))"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw StoreError.from(errno: errno, operation: "Opslaan", path: folder) }
        var isOpen = true
        var temporaryLeft = true
        defer {
            if isOpen { close(fd) }
            if temporaryLeft { unlink(temporary) }
        }
        func fail(_ code: Int32) -> StoreError { StoreError.from(errno: code, operation: "Opslaan", path: folder) }
        if fchmod(fd, 0o600) != 0 { throw fail(errno) }
        let writer = ExportWriter(fd: fd)
        let result = try body(writer)
        try writer.flush()
        if fsync(fd) != 0 { throw fail(errno) }
        isOpen = false
        if close(fd) != 0 { throw fail(errno) }
        if rename(temporary, target) != 0 { throw fail(errno) }
        temporaryLeft = false
        try PrivateFiles.syncDirectory(folder)
        return result
    }
}
