import Foundation
import XCTest

/// A fresh, empty temporary directory, removed when the test ends.
func temporaryDirectory(_ test: XCTestCase) -> String {
    let path = NSTemporaryDirectory() + "rodeloper-test-\(UUID().uuidString)"
    test.addTeardownBlock { try? FileManager.default.removeItem(atPath: path) }
    return path
}

func permissions(_ path: String) -> Int {
    ((try? FileManager.default.attributesOfItem(atPath: path))?[.posixPermissions] as? Int) ?? -1
}

/// The zone the tests' fixed moments are read in: never the machine's, so the suite passes anywhere.
let testZone = TimeZone(identifier: "Europe/Amsterdam")!
