import Foundation

/// Where a large export is written piece by piece (a backup, youth by youth): a file descriptor
/// filled in blocks, so that neither the document nor more than a block of it is ever in memory.
public final class ExportWriter {
    private let fd: Int32
    private var buffer: [UInt8] = []
    private static let blockSize = 1 << 20
    /// Bytes written out so far: a refusal after the first says the output is incomplete.
    public private(set) var bytesFlushed = 0

    /// Bytes handed to the writer so far, flushed or not.
    var bytesWritten: Int { bytesFlushed + buffer.count }

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
        if let code = PrivateFiles.writeAll(buffer, to: fd) { throw StoreError.from(errno: code, operation: "Opslaan", path: "de export") }
        bytesFlushed += buffer.count
        buffer.removeAll(keepingCapacity: true)
    }
}

extension ExportFile {
    /// Writes to `path` what `body` writes, all or nothing and 0600, as `write` does for a whole
    /// document (the same refusals, checked before `body` runs): into a temporary file beside it,
    /// synced and renamed into place only when `body` returns. When it throws, nothing is left.
    public static func write<Value>(to path: String, outside dataDirectory: String, example: String,
                                     _ body: (ExportWriter) throws -> Value) throws -> Value {
        let folder = try checkedFolder(of: path, outside: dataDirectory, example: example)
        var result: Value?
        try PrivateFiles.writeAtomically(to: folder + "/" + (path as NSString).lastPathComponent) { fd in
            let writer = ExportWriter(fd: fd)
            result = try body(writer)
            try writer.flush()
        }
        return result!
    }
}
