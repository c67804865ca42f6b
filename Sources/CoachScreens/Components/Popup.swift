import Caseload
import TerminalKit

/// What a pop-up does after a key: stay open, or close and lead somewhere.
public enum PopupOutcome {
    case stay
    case close(Navigation)
}

/// A dialog over the screens, kept on the App's pop-up stack: while one is open it has every
/// key, and the hint line shows its keys. A screen opens one with `Navigation.popup` and gets
/// the typed result through the closure it gave.
public protocol Popup: AnyObject {
    var bindings: [KeyBinding] { get }
    func handle(_ key: Key) -> PopupOutcome
    func render(into canvas: inout Canvas)
    /// The terminal's size, when it changes and when the pop-up opens: what scrolls is clamped here.
    func resize(width: Int, height: Int)
}

extension Popup {
    public func resize(width: Int, height: Int) {}
}

/// A yes/no question; `answered` gets the answer and says where to go.
final class ConfirmPopup: Popup {
    private let confirm: Confirm
    private let answered: (Confirm.Answer) -> Navigation

    init(_ confirm: Confirm, answered: @escaping (Confirm.Answer) -> Navigation) {
        self.confirm = confirm
        self.answered = answered
    }

    var bindings: [KeyBinding] { confirm.bindings }
    func handle(_ key: Key) -> PopupOutcome { confirm.answer(for: key).map { .close(answered($0)) } ?? .stay }
    func render(into canvas: inout Canvas) { confirm.render(into: &canvas) }
}

/// One line of text; `submitted` saves it, or refuses it with the reason shown in the box.
final class PromptPopup: Popup {
    enum Reply {
        case refuse(String)
        case done(Navigation)
    }

    private var prompt: Prompt
    private let submitted: (String) -> Reply

    init(_ prompt: Prompt, submitted: @escaping (String) -> Reply) {
        self.prompt = prompt
        self.submitted = submitted
    }

    var bindings: [KeyBinding] { prompt.bindings }

    func handle(_ key: Key) -> PopupOutcome {
        switch prompt.handle(key) {
        case .editing: return .stay
        case .cancelled: return .close(.stay)
        case .submitted(let text):
            switch submitted(text) {
            case .refuse(let reason):
                prompt.error = reason
                return .stay
            case .done(let navigation): return .close(navigation)
            }
        }
    }

    func render(into canvas: inout Canvas) { prompt.render(into: &canvas) }
}

/// A list to choose one from; `chosen` gets the index (and, in a form, how far to move on).
final class PickerPopup: Popup {
    private var picker: Picker
    private let chosen: (_ index: Int, _ move: Int) -> Navigation

    init(_ picker: Picker, moving chosen: @escaping (_ index: Int, _ move: Int) -> Navigation) {
        self.picker = picker
        self.chosen = chosen
    }

    convenience init(_ picker: Picker, chosen: @escaping (Int) -> Navigation) {
        self.init(picker) { index, _ in chosen(index) }
    }

    var bindings: [KeyBinding] { picker.bindings }
    func resize(width: Int, height: Int) { picker.resize(height: height) }

    func handle(_ key: Key) -> PopupOutcome {
        switch picker.handle(key) {
        case .picking: .stay
        case .cancelled: .close(.stay)
        case .chosen(let index, let move): .close(chosen(index, move))
        case .ticked: .stay
        }
    }

    func render(into canvas: inout Canvas) { picker.render(into: &canvas) }
}

/// A checklist (several may be ticked); `ticked` gets the ticked items and how far to move on.
final class ChecklistPopup: Popup {
    private var picker: Picker
    private let ticked: (_ items: Set<Int>, _ move: Int) -> Navigation

    init(_ picker: Picker, ticked: @escaping (_ items: Set<Int>, _ move: Int) -> Navigation) {
        precondition(picker.checked != nil, "a checklist picker")
        self.picker = picker
        self.ticked = ticked
    }

    var bindings: [KeyBinding] { picker.bindings }
    func resize(width: Int, height: Int) { picker.resize(height: height) }

    func handle(_ key: Key) -> PopupOutcome {
        switch picker.handle(key) {
        case .picking, .chosen: .stay
        case .cancelled: .close(.stay)
        case .ticked(let items, let move): .close(ticked(items, move))
        }
    }

    func render(into canvas: inout Canvas) { picker.render(into: &canvas) }
}

/// Something the coach must read before going on (a file put in quarantine).
final class NoticePopup: Popup {
    private let message: String
    init(_ message: String) { self.message = message }
    var bindings: [KeyBinding] { ComponentKeys.notice }
    func handle(_ key: Key) -> PopupOutcome { bindings.action(for: key) == .confirm ? .close(.stay) : .stay }
    func render(into canvas: inout Canvas) {
        Chrome.dialog(&canvas, title: "Let op", message: message, choices: bindings.choices, style: .normal)
    }
}
