import Foundation
import SafeText
#if canImport(Glibc)
import Glibc
#endif

// The research pseudonyms: "RL-" and the first 16 hex digits of HMAC-SHA-256(secret,
// "pseudonym:" + youth id). The secret (32 random bytes) lives in research.json in the data
// directory, 0600, made once on first need and never made again: a new secret would change every
// pseudonym the researchers hold. A case handed over from another coach keeps the pseudonym it had
// there (`carried`), so it stays one youth in the research. Why: docs/decisions.md, "Pseudoniemen".

/// `research.json` in the data directory: `{"schemaVersion": 1, "secret": "<64 hex>",
/// "carried": {"<youth id>": "RL-…"}}`.
struct ResearchSecretFile: Codable, ValidatedDocument {
    static let schemaVersion = 1
    static let fileName = "research.json"
    var schemaVersion = ResearchSecretFile.schemaVersion
    /// 32 bytes as 64 lowercase hex digits.
    var secret: String
    /// Pseudonyms of youths handed over from another coach, by youth id: they win over our own.
    var carried: [String: String]

    init(secret: String, carried: [String: String] = [:]) {
        self.secret = secret
        self.carried = carried
    }

    private enum CodingKeys: String, CodingKey { case schemaVersion, secret, carried }

    init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        schemaVersion = try c.decode(Int.self, forKey: .schemaVersion)
        secret = try c.decode(String.self, forKey: .secret)
        carried = try c.value(.carried, or: [:])
    }

    func validate() throws(ValidationFailure) {
        guard secret.utf8.count == 64, secret.utf8.allSatisfy(Pseudonyms.isHexDigit) else {
            throw ValidationFailure("secret", "", "64 hexadecimale tekens (32 bytes)")
        }
        var holder: [String: String] = [:]
        for (id, pseudonym) in carried.sorted(by: { $0.key < $1.key }) {
            guard Youth.isFileNameSafe(id) else { throw ValidationFailure("carried", id, "geen nummer van een dossier") }
            guard Pseudonyms.isPseudonym(pseudonym) else { throw ValidationFailure("carried.\(id)", pseudonym, "geen pseudoniem (RL- en 16 hexadecimale tekens)") }
            // Two youths under one pseudonym would be one youth to the researchers.
            if let other = holder.updateValue(id, forKey: pseudonym) {
                throw ValidationFailure("carried.\(id)", pseudonym, "hetzelfde pseudoniem als carried.\(other); ieder pseudoniem hoort bij één jongere")
            }
        }
    }
}

/// The pseudonyms of one caseload: its secret and the pseudonyms carried in with handed-over cases.
public struct Pseudonyms: Sendable {
    let secret: [UInt8]
    let carried: [String: String]

    /// The youth's pseudonym: the one it brought from another coach, or our own keyed hash of its id.
    public func pseudonym(for id: String) -> String {
        carried[id] ?? Self.pseudonym(for: id, secret: secret)
    }

    static func pseudonym(for id: String, secret: [UInt8]) -> String {
        "RL-" + SHA256.hex(Array(SHA256.hmac(key: secret, message: Array(("pseudonym:" + id).utf8)).prefix(8)))
    }

    /// "RL-" and 16 lowercase hex digits.
    static func isPseudonym(_ text: String) -> Bool {
        text.utf8.count == 19 && text.hasPrefix("RL-") && text.utf8.dropFirst(3).allSatisfy(isHexDigit)
    }

    static func isHexDigit(_ byte: UInt8) -> Bool { (0x30...0x39).contains(byte) || (0x61...0x66).contains(byte) }

    static func bytes(hex: String) -> [UInt8] {
        let digits = Array(hex.utf8)
        return stride(from: 0, to: digits.count - 1, by: 2).map { UInt8(String(decoding: digits[$0...$0 + 1], as: UTF8.self), radix: 16) ?? 0 }
    }
}

extension CaseloadStore {
    var researchFilePath: String { directory + "/" + ResearchSecretFile.fileName }

    /// research.json as it is, or nil when there is none yet, with the schema of a file a newer
    /// Rode Loper wrote (`newer`): such a file is read for its secret and carried pseudonyms, but
    /// never written (this version would drop what the newer one added). A damaged file, or a
    /// newer one that does not read, is refused and left where it is: never replaced by a new secret.
    func readResearchFile() throws(HandoverError) -> (file: ResearchSecretFile, newer: Int?)? {
        let name = ResearchSecretFile.fileName
        switch PrivateFiles.readRegularFile(researchFilePath, limit: FileLimits.document) {
        case .failure(let error) where error.code == ENOENT:
            return nil
        case .failure(let error):
            throw HandoverError("\(name) in de gegevensmap (de sleutel van de pseudoniemen) kan niet worden gelezen: "
                + "\(UnreadableReason(error, path: researchFilePath).text). \(Self.keepSecret)")
        case .success(let data):
            do {
                let (file, schema) = try Self.decodeDocument(ResearchSecretFile.self, from: data, known: ResearchSecretFile.schemaVersion)
                return (file, schema > ResearchSecretFile.schemaVersion ? schema : nil)
            } catch .newerSchema(let schema) {
                throw HandoverError("\(name) in de gegevensmap is gemaakt met een nieuwere versie van Rode Loper (schema \(schema)); deze versie "
                    + "kent tot en met schema \(ResearchSecretFile.schemaVersion). Werk Rode Loper bij om pseudoniemen te maken.")
            } catch {
                throw HandoverError("\(name) in de gegevensmap (de sleutel van de pseudoniemen) is beschadigd: \(error.text). \(Self.keepSecret)")
            }
        }
    }

    private static let keepSecret = "Rode Loper maakt geen nieuwe sleutel, want dan krijgt iedere jongere een ander pseudoniem en kloppen "
        + "de exports die de onderzoekers al hebben niet meer met de nieuwe. Zet \(ResearchSecretFile.fileName) terug uit een kopie van de "
        + "gegevensmap, of vraag hulp."

    /// The pseudonyms of this caseload, or nil when it has no secret yet and `create` is false.
    /// With `create`, a missing secret is made: 32 random bytes, written 0600 and only when there
    /// is still no file (a link, never a rename over one), so two programs exporting at the same
    /// moment end up with the one secret that was written first. This works in a store opened for
    /// reading too (an export is): it adds a file and changes nothing that is there.
    ///
    /// "First need" only: when the data directory shows that a secret existed (`secretEvidence`),
    /// a missing research.json is refused, never silently replaced.
    func pseudonyms(create: Bool) throws -> Pseudonyms? {
        if let file = try readResearchFile()?.file {
            return Pseudonyms(secret: Pseudonyms.bytes(hex: file.secret), carried: file.carried)
        }
        guard create else { return nil }
        if let evidence = secretEvidence() {
            throw HandoverError("\(ResearchSecretFile.fileName) (de sleutel van de pseudoniemen) ontbreekt in de gegevensmap, maar er was er een: "
                + "\(evidence). Een nieuwe sleutel zou iedere jongere een ander pseudoniem geven, en de exports die de onderzoekers al hebben "
                + "kloppen dan niet meer met de nieuwe. Zet \(ResearchSecretFile.fileName) terug uit een kopie van de gegevensmap (een "
                + "teruggezette back-up houdt de pseudoniemen, want die draagt ze mee). Wilt u bewust opnieuw beginnen met nieuwe pseudoniemen, "
                + "verplaats dan de oude onderzoeksexports uit \(SafeText.escaped(exportsDirectory))/ naar een andere plek. Er is niets geschreven.")
        }
        if let readOnlyReason { throw HandoverError("Er is nog geen sleutel voor de pseudoniemen, en die kan niet worden gemaakt: \(readOnlyReason)") }
        var generator = SystemRandomNumberGenerator()
        let secret = (0..<32).map { _ in UInt8.random(in: 0...255, using: &generator) }
        try createExclusively(try Self.encode(ResearchSecretFile(secret: SHA256.hex(secret))), at: researchFilePath)
        return try pseudonyms(create: false)
    }

    /// What in the data directory shows that a secret was made here before, in words; nil when
    /// nothing does. A research export of the screens (`exports/onderzoek-*/onderzoek.json`) was
    /// made with the secret; a handover or backup in exports/ that carries pseudonyms too.
    func secretEvidence() -> String? {
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: exportsDirectory)) ?? []).sorted()
        if let folder = names.first(where: {
            $0.hasPrefix("onderzoek-") && PrivateFiles.kind(of: "\(exportsDirectory)/\($0)/\(ResearchManifest.fileName)") == .regular
        }) {
            return "de onderzoeksexport exports/\(SafeText.escaped(folder)) is ermee gemaakt"
        }
        for name in names where name.hasSuffix(".json") {
            guard case .success(let data) = PrivateFiles.readRegularFile("\(exportsDirectory)/\(name)", limit: FileLimits.document),
                  let probe = try? Self.decoder.decode(CarriedProbe.self, from: data), !(probe.pseudonyms ?? [:]).isEmpty else { continue }
            return "exports/\(SafeText.escaped(name)) draagt pseudoniemen die ermee zijn gemaakt"
        }
        return nil
    }

    private struct CarriedProbe: Decodable { var pseudonyms: [String: String]? }

    /// Writes `data` at `path` only when nothing is there: a synced temporary file linked in.
    private func createExclusively(_ data: Data, at path: String) throws {
        let temporary = "\(directory)/.\(ResearchSecretFile.fileName)\(PrivateFiles.temporaryMarker)\(UInt32.random(in: 0...UInt32.max))"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw keyFailure(errno) }
        defer { unlink(temporary) }
        let written = data.withUnsafeBytes { fchmod(fd, 0o600) == 0 ? write(fd, $0.baseAddress, $0.count) : -1 }
        let synced = written == data.count && fsync(fd) == 0
        let code = errno
        guard close(fd) == 0, synced else { throw keyFailure(code) }
        if link(temporary, path) != 0 && errno != EEXIST { throw keyFailure(errno) }
        try PrivateFiles.syncDirectory(directory)
    }

    private func keyFailure(_ code: Int32) -> HandoverError {
        HandoverError("De sleutel voor de pseudoniemen (\(ResearchSecretFile.fileName)) kan niet worden gemaakt in de gegevensmap: "
            + "\(StoreError.from(errno: code, operation: "Opslaan", path: directory).localizedDescription) Er is niets geschreven.")
    }

    /// Keeps the pseudonyms handed-over cases brought (by youth id) in research.json, making the
    /// secret first when there is none. Written atomically over the file, under the store's lock.
    /// Refused, before anything is written, when research.json is of a newer version (it is never
    /// written here), and when a pseudonym brought is already another youth's here (carried, or our
    /// own keyed one): two youths under one pseudonym would be one youth to the researchers.
    func keepCarried(_ pseudonyms: [String: String]) throws {
        guard !pseudonyms.isEmpty else { return }
        let nothing = "Er is niets geïmporteerd."
        try requireWritable()
        if let newer = try readResearchFile()?.newer {
            throw HandoverError("Het bestand draagt de pseudoniemen van de jongeren mee, maar \(ResearchSecretFile.fileName) in de gegevensmap is "
                + "gemaakt met een nieuwere versie van Rode Loper (schema \(newer)) en wordt door deze versie niet herschreven: de "
                + "pseudoniemen kunnen niet worden bewaard. Importeer met die nieuwere versie. \(nothing)")
        }
        guard let own = try self.pseudonyms(create: true), var file = try readResearchFile()?.file else { return }
        var holder: [String: String] = [:]
        for id in summaries.map(\.id) where pseudonyms[id] == nil { holder[own.pseudonym(for: id)] = id }
        for (id, pseudonym) in file.carried where pseudonyms[id] == nil { holder[pseudonym] = id }
        for (id, pseudonym) in pseudonyms.sorted(by: { $0.key < $1.key }) {
            if let other = holder[pseudonym] {
                throw HandoverError("pseudonyms.\(id) in het bestand is \(pseudonym), en dat pseudoniem heeft hier al het dossier \(other.prefix(8)). "
                    + "Twee jongeren onder één pseudoniem zouden voor de onderzoekers één jongere zijn. Vraag hulp. \(nothing)")
            }
            holder[pseudonym] = id
        }
        file.carried.merge(pseudonyms) { _, brought in brought }
        try Self.refuseInvalid(file)
        try PrivateFiles.writeAtomically(try Self.encode(file), to: researchFilePath, simulate: simulate)
    }

    /// Removes the carried pseudonym of the youth `id` (an erasure leaves no id behind). Nothing
    /// to do when there is none; the secret stays. A research.json of a newer version is never
    /// written: refused, saying why.
    func forgetCarried(_ id: String) throws {
        guard let read = try readResearchFile(), read.file.carried[id] != nil else { return }
        try requireWritable()
        if let newer = read.newer {
            throw HandoverError("\(ResearchSecretFile.fileName) in de gegevensmap is gemaakt met een nieuwere versie van Rode Loper (schema \(newer)) "
                + "en wordt door deze versie niet herschreven; het pseudoniem van dit dossier staat erin. Wis het dossier met die nieuwere versie.")
        }
        var file = read.file
        file.carried[id] = nil
        try PrivateFiles.writeAtomically(try Self.encode(file), to: researchFilePath, simulate: simulate)
    }

    /// The pseudonyms of `youths` for an export file (a handover, a backup), by youth id, so the
    /// receiver keeps them. Nil when there is no secret and none can be made here (a read-only
    /// disk): then no pseudonym was ever shared from this caseload. For a `backup`, a research.json
    /// that cannot be read does not stop the backup (the caseload matters more): it goes without
    /// pseudonyms, and a notice says what is missing and why. A handover is refused instead.
    func pseudonymsForExport(of ids: [String], backup: Bool = false) throws -> [String: String]? {
        let made: Pseudonyms?
        do { made = try pseudonyms(create: true) } catch let creating {
            // A damaged or newer research.json is refused (read again, it throws); a secret that
            // cannot be made here is not.
            // Missing where the data directory shows there was one (`secretEvidence`) counts as unreadable.
            var unreadable: HandoverError?
            do {
                if try readResearchFile() == nil {
                    guard secretEvidence() != nil else { return nil }
                    unreadable = creating as? HandoverError
                }
            } catch { unreadable = error }
            guard backup, let unreadable else {
                if let unreadable { throw unreadable }
                throw creating
            }
            // The refusal's own "nothing written" is not true of the backup, which is written.
            let reason = unreadable.message.replacingOccurrences(of: " Er is niets geschreven.", with: "")
            notices.append(StoreNotice(message: "De back-up is gemaakt, maar zonder de pseudoniemen voor het onderzoek: \(reason) "
                + "Wordt deze back-up teruggezet, dan krijgen de jongeren nieuwe pseudoniemen, tenzij \(ResearchSecretFile.fileName) "
                + "eerst wordt hersteld en de back-up opnieuw gemaakt."))
            return nil
        }
        guard let made else { return nil }
        return Dictionary(uniqueKeysWithValues: ids.map { ($0, made.pseudonym(for: $0)) })
    }
}
