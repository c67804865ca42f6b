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

    /// The answer a key gives, or nil for a key that does not answer (it is ignored).
    func answer(for key: Key) -> Answer? {
        switch key {
        case .char("j"), .char("J"): .yes
        case .char("n"), .char("N"), .escape: .no
        case .enter: enterMeans
        default: nil
        }
    }

    var bindings: [KeyBinding] { ComponentKeys.confirm(yes: yes, no: no, enterMeansYes: enterMeans == .yes) }

    func render(into canvas: inout Canvas) {
        let choices = "j  \(yes)    n  \(no)    Enter  \(enterMeans == .yes ? yes : no)"
        Chrome.dialog(&canvas, title: title, message: question, choices: choices)
    }
}
