import TerminalKit

/// A yes/no question with the same keys on every screen: `j` yes, `n` or Esc no, and Enter the
/// answer the dialog names as its default (the safe one, for anything that throws away).
struct Confirm {
    enum Answer: Equatable { case yes, no }

    let title: String
    let question: String
    let yes: String
    let no: String
    let enterMeans: Answer

    init(title: String, question: String, yes: String = "ja", no: String = "nee", enterMeans: Answer = .no) {
        self.title = title
        self.question = question
        self.yes = yes
        self.no = no
        self.enterMeans = enterMeans
    }

    /// The answer a key gives by its row, or nil for a key that does not answer (it is ignored).
    func answer(for key: Key) -> Answer? {
        switch bindings.action(for: key) {
        case .yes: .yes
        case .no: .no
        default: nil
        }
    }

    var bindings: [KeyBinding] { ComponentKeys.confirm(yes: yes, no: no, enterMeansYes: enterMeans == .yes) }

    func render(into canvas: inout Canvas) {
        Chrome.dialog(&canvas, title: title, message: question, choices: bindings.choices)
    }
}
