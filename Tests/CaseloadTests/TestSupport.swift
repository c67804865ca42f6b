@testable import Caseload
import Foundation
import XCTest

/// A fresh, empty temporary directory, removed when the test ends.
func temporaryDirectory(_ test: XCTestCase) -> String {
    let path = NSTemporaryDirectory() + "rodeloper-test-\(UUID().uuidString)"
    test.addTeardownBlock { try? FileManager.default.removeItem(atPath: path) }
    return path
}

/// A data directory holding the current sample youth, changed by `change` as a hostile or
/// hand-edited file would be. Returns the directory.
func dataDirectoryWithSample(_ test: XCTestCase, _ change: (inout [String: Any]) -> Void) throws -> String {
    var file = try XCTUnwrap(JSONSerialization.jsonObject(with: try DataFormatTests.sample(CaseloadStore.schemaVersion)) as? [String: Any])
    var youth = try XCTUnwrap(file["youth"] as? [String: Any])
    change(&youth)
    file["youth"] = youth
    let directory = temporaryDirectory(test)
    try FileManager.default.createDirectory(atPath: directory + "/youths", withIntermediateDirectories: true)
    let id = try XCTUnwrap(youth["id"] as? String)
    try JSONSerialization.data(withJSONObject: file).write(to: URL(fileURLWithPath: "\(directory)/youths/\(id).json"))
    return directory
}

func permissions(_ path: String) -> Int {
    ((try? FileManager.default.attributesOfItem(atPath: path))?[.posixPermissions] as? Int) ?? -1
}

/// The zone the tests' fixed moments are read in: never the machine's, so the suite passes anywhere.
let testZone = TimeZone(identifier: "Europe/Amsterdam")!
