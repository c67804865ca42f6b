@testable import CoachScreens
import TerminalKit
import XCTest

final class KeyTableTests: XCTestCase {
    func testNoKeyDoesTwoThingsOnOneScreen() {
        for screen in ScreenKind.allCases {
            var seen: [Key: Action] = [:]
            for binding in KeyTable.bindings(for: screen) {
                for key in binding.keys {
                    if let other = seen[key], other != binding.action {
                        XCTFail("\(key.name) is both \(other) and \(binding.action) on \(screen)")
                    }
                    seen[key] = binding.action
                }
            }
        }
    }

    func testEveryScreenHasHelpBackOrQuitAndExplainsEveryKey() {
        for screen in ScreenKind.allCases {
            let bindings = KeyTable.bindings(for: screen)
            XCTAssertTrue(bindings.allSatisfy { !$0.help.isEmpty && !$0.keys.isEmpty }, "\(screen)")
            XCTAssertTrue(bindings.contains { $0.action == .back || $0.action == .quit }, "\(screen) has a way out")
            XCTAssertTrue(bindings.contains { $0.action == .forceQuit }, "Ctrl-C on \(screen)")
            if screen != .help { XCTAssertTrue(bindings.contains { $0.action == .help }, "help on \(screen)") }
        }
    }
}
