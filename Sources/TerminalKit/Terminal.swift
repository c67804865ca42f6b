/// Where frames go and keys come from: ncurses for the coach, headless for tests.
public protocol Terminal: AnyObject {
    /// Current size in columns and rows.
    var size: (width: Int, height: Int) { get }
    /// Shows the canvas; sends only what changed since the last frame.
    func present(_ canvas: Canvas)
    /// The next key, or nil when none came within the timeout.
    func nextKey(timeoutMilliseconds: Int) -> Key?
    /// Forgets what is on screen, so the next frame is sent whole (Ctrl-L after line noise).
    func forgetScreen()
    /// True when input has ended for good (the connection dropped without a hangup signal).
    var isGone: Bool { get }
}

/// A terminal in memory: keys are queued by the test, frames are kept for inspection.
public final class HeadlessTerminal: Terminal {
    public private(set) var size: (width: Int, height: Int)
    public private(set) var frames: [Canvas] = []
    private var queue: [Key] = []

    public init(width: Int = 80, height: Int = 24) {
        size = (width, height)
    }

    public var lastFrame: Canvas? { frames.last }

    public func type(_ keys: Key...) { queue += keys }
    public func type(text: String) { queue += text.map { Key.char($0) } }

    /// Changes the size and queues the resize key, as ncurses would.
    public func resize(width: Int, height: Int) {
        size = (width, height)
        queue.append(.resize)
    }

    public func present(_ canvas: Canvas) { frames.append(canvas) }

    public func nextKey(timeoutMilliseconds: Int) -> Key? {
        queue.isEmpty ? nil : queue.removeFirst()
    }

    public func forgetScreen() {}

    public var isGone: Bool { false }
}
