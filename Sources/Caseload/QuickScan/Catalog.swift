import AppResources
import Foundation

/// A life domain (leefgebied) of the ZRM.
public struct LifeDomain: Decodable, Equatable, Sendable {
    public let code: String
    public let name: String
    /// One line in our own words; the official anchor texts are licensed.
    public let hint: String
}

/// One of the ten basic employee skills (basisvaardigheden).
public struct BasicSkill: Decodable, Equatable, Sendable {
    public let code: String
    public let name: String
}

/// The fixed lists of the method, read from Resources/ (compiled into the program).
public enum Catalog {
    private struct ZRMFile: Decodable {
        struct Level: Decodable {
            let score: Int
            let label: String
        }
        let scale: [Level]
        let domains: [LifeDomain]
    }

    private struct SkillsFile: Decodable {
        let skills: [BasicSkill]
    }

    private static let zrm: ZRMFile = load("zrm.json")

    /// The 13 life domains of the ZRM, in the order of the form.
    public static let lifeDomains: [LifeDomain] = zrm.domains

    /// Label of a ZRM score 1-5, e.g. 3 -> "beperkt zelfredzaam".
    public static func scaleLabel(_ score: Int) -> String {
        zrm.scale.first { $0.score == score }?.label ?? ""
    }

    public static let basicSkills: [BasicSkill] = (load("basic-skills.json") as SkillsFile).skills

    public static func lifeDomain(_ code: String) -> LifeDomain? { lifeDomains.first { $0.code == code } }

    /// Resources are part of the build and covered by tests: a broken one is a defect of the
    /// program itself, not of the coach's data, so it stops with a clear message.
    private static func load<T: Decodable>(_ name: String) -> T {
        guard let data = AppResources.data(named: name) else { fatalError("resource \(name) is missing from the build") }
        do {
            return try JSONDecoder().decode(T.self, from: data)
        } catch {
            fatalError("resource \(name) is broken: \(error)")
        }
    }
}
