import Foundation
import SafeText

/// What went wrong with the data directory, in words for the coach (Dutch). Never holds personal data.
public enum StoreError: Error, Equatable, LocalizedError {
    /// Another Rode Loper holds the lock on this data directory.
    case lockedByOtherInstance(directory: String)
    case diskFull
    case noPermission(path: String)
    case readOnlyFileSystem
    case io(operation: String, path: String, code: Int32)
    /// A youth file could not be read (and, when writing is allowed, was moved to quarantine);
    /// the message says which file, why, and where it went.
    case unreadable(message: String)
    case noDataDirectory(String)
    case notFound(id: String)
    /// What was typed on the command line is no id and no start of exactly one.
    case noMatch(typed: String)
    /// A link or a file in place of a folder beside the youths (workplaces/, reviews/).
    case unusableFolder(String, link: Bool)
    case ambiguous(typed: String, count: Int)
    case notEmpty(directory: String)
    /// One of our own folders or files is a symbolic link: never followed, never changed.
    case symbolicLink(path: String)
    /// The data directory cannot be written (a read-only disk, a backup opened for reading):
    /// everything can be viewed and exported, nothing changed.
    case readOnlyDirectory(reason: String)
    /// This youth's file was written by a newer Rode Loper; it is shown but never written.
    case newerVersion(schema: Int)
    /// A settings or review file was written by a newer Rode Loper: named as what it is.
    case newerDocument(StoredDocumentKind, schema: Int)
    /// What would be written breaks a rule that reading checks: refused, so that the next start
    /// does not put the file in quarantine. Names the field and the rule, never a text.
    case invalid(ValidationFailure)
    /// `.lock` (named with its path) could not be used and not be moved aside: nothing was read
    /// or changed. Says what it is and what to do.
    case cannotLock(path: String, reason: LockFault)
    /// The coach took the write permission off one of our folders (named for the coach, e.g.
    /// "de map youths/"): it stays so, and the program opens read-only.
    case madeReadOnly(folder: String)
    /// What would be written is larger than the next start reads of its kind (FileLimits).
    case tooLarge(what: String, size: Int, limit: Int)

    public var errorDescription: String? { SafeText.escaped(text) }

    private var text: String {
        switch self {
        case .lockedByOtherInstance(let directory):
            "Rode Loper is al geopend met de gegevensmap \(directory) (in een ander venster of een andere sessie). Sluit dat eerst; twee tegelijk zou wijzigingen kunnen overschrijven."
        case .diskFull:
            "De schijf is vol: de wijziging is niet opgeslagen. Maak ruimte vrij en probeer het opnieuw; er is niets verloren."
        case .noPermission(let path):
            "Geen toestemming om te schrijven in \(path). De wijziging is niet opgeslagen."
        case .readOnlyFileSystem:
            "De gegevensmap staat op een schijf die alleen gelezen kan worden. De wijziging is niet opgeslagen."
        case .io(let operation, let path, let code):
            // Says what the system said, and only claims a lost change where something was written.
            "\(operation) mislukt voor \(path): \(Self.systemText(code)) (foutcode \(code)). "
                + (Self.writingOperations.contains(operation) ? "De wijziging is niet opgeslagen." : "Er is niets gewijzigd.")
        case .unreadable(let message):
            message
        case .unusableFolder(let folder, let link):
            "\(folder)/ is \(link ? "een symbolische koppeling" : "geen map"). Rode Loper leest en schrijft daar niet doorheen, "
                + "om niets buiten de gegevensmap te veranderen; vervang het door een gewone map. Er is niets gewijzigd."
        case .noDataDirectory(let directory):
            "De gegevensmap \(directory) bestaat niet."
        case .notFound(let id):
            "Er is geen dossier met nummer \(id)."
        case .noMatch(let typed):
            "Geen dossier past bij \(SafeText.escaped(typed)): geef het nummer van een dossier, of een begin ervan (minstens 4 tekens) dat bij precies één dossier past."
        case .ambiguous(let typed, let count):
            "\(SafeText.escaped(typed)) past bij \(count) dossiers: geef meer tekens van het nummer, tot het bij precies één dossier past."
        case .notEmpty(let directory):
            "De map \(directory) bevat al gegevens; de demo schrijft alleen in een lege map."
        case .symbolicLink(let path):
            "\(path) is een symbolische koppeling. Rode Loper volgt die niet, om geen bestand buiten de gegevensmap te veranderen; vervang de koppeling door een gewone map of een gewoon bestand."
        case .readOnlyDirectory(let reason):
            "Alleen lezen: \(reason) Bekijken en exporteren kan; wijzigingen worden niet opgeslagen."
        case .madeReadOnly(let folder):
            "Alleen lezen: \(folder) is alleen-lezen gemaakt (zonder schrijfrecht). Rode Loper laat dat zo; zet het schrijfrecht terug om te wijzigen."
        case .newerVersion(let schema):
            "Dit dossier is gemaakt met een nieuwere versie van Rode Loper (schema \(schema)). Het is hier alleen te lezen, zodat er niets verloren gaat; werk het bij met die nieuwere versie."
        case .newerDocument(let kind, let schema):
            "\(kind.name) is gemaakt met een nieuwere versie van Rode Loper (schema \(schema)). Het is hier alleen te lezen, zodat er niets verloren gaat; werk het bij met die nieuwere versie."
        case .invalid(let failure):
            "Niet opgeslagen: \(failure.text). Er is niets veranderd."
        case .tooLarge(let what, let size, let limit):
            "Niet opgeslagen: \(what) zou ruim \(size / 1_048_576) MB worden, groter dan de \(limit / 1_048_576) MB die Rode Loper bij het starten leest; "
                + "het zou dan in quarantaine gaan. Er is niets veranderd."
        case .cannotLock(let path, let reason):
            "Rode Loper kan de gegevensmap niet vergrendelen: \(path) \(reason.text). Er is niets gelezen of gewijzigd. "
                + "Het vergrendelbestand .lock bevat geen gegevens: verplaats of verwijder het en start Rode Loper opnieuw."
        }
    }

    /// Why `.lock` could not be used.
    public enum LockFault: Equatable, Sendable {
        /// No regular file but what is described ("een map", "een pipe (FIFO)"), and it could
        /// not be moved to quarantine/.
        case notAFile(String)
        /// It has other names (a hard link), and it could not be moved to quarantine/.
        case otherNames
        case cannotOpen(Int32)

        var text: String {
            switch self {
            case .notAFile(let what):
                "is geen gewoon bestand maar \(what), en kon niet apart worden gezet in quarantine/"
            case .otherNames: "heeft nog een andere naam (een harde koppeling), en kon niet apart worden gezet in quarantine/"
            case .cannotOpen(let code): "kon niet worden geopend (\(StoreError.systemText(code)))"
            }
        }
    }

    /// The operations of `.io` that write what the coach changed.
    static let writingOperations: Set<String> = ["Opslaan", "Concept opslaan", "Map vastleggen"]

    /// A failure that means the directory cannot be written at all, so it opens read-only.
    var meansReadOnly: Bool {
        switch self {
        case .readOnlyFileSystem, .noPermission, .madeReadOnly: true
        default: false
        }
    }

    /// What a failed system call means, in Dutch: the coach never reads the system's English
    /// ("Not a directory"); an errno not listed here is named by its number only.
    static func systemText(_ code: Int32) -> String {
        switch code {
        case ENOENT: "het bestaat niet (meer)"
        case ENOTDIR: "het is een bestand, geen map (of een map op de weg ernaartoe is dat)"
        case EISDIR: "het is een map, geen bestand"
        case EEXIST: "er staat al iets met die naam"
        case ENOTEMPTY: "de map is niet leeg"
        case ELOOP: "het pad gaat door een symbolische koppeling die niet wordt gevolgd"
        case ENAMETOOLONG: "de naam is te lang"
        case EACCES, EPERM: "geen toestemming"
        case EROFS: "de schijf kan alleen gelezen worden"
        case ENOSPC, EDQUOT: "de schijf is vol"
        case EIO: "een fout van de schijf bij lezen of schrijven"
        case EBUSY, ETXTBSY: "het is in gebruik"
        case EXDEV: "het kan niet naar een andere schijf worden verplaatst"
        case EMLINK: "er kunnen geen koppelingen meer bij"
        case EFBIG: "het bestand wordt te groot"
        case EMFILE, ENFILE: "er zijn te veel bestanden tegelijk open"
        case ENOMEM: "er is te weinig geheugen"
        case EAGAIN, EINTR: "het werd onderbroken; probeer het opnieuw"
        case EINVAL: "het is geen gewoon bestand of map, of de naam kan niet"
        case ESTALE: "de netwerkschijf is niet meer bereikbaar"
        case ENXIO, ENODEV: "het apparaat is er niet"
        case EBADF: "het bestand was al gesloten"
        default: "systeemfout"
        }
    }

    /// The error for a failed system call, by errno.
    static func from(errno code: Int32, operation: String, path: String) -> StoreError {
        switch code {
        case ENOSPC, EDQUOT: .diskFull
        case EACCES, EPERM: .noPermission(path: path)
        case EROFS: .readOnlyFileSystem
        default: .io(operation: operation, path: path, code: code)
        }
    }
}

/// The kinds of file beside the youths, for messages that name a file as what it is.
public enum StoredDocumentKind: Equatable, Sendable {
    case settings, review, workplace, other

    /// The file kind named from its path in the data directory.
    init(relative: String) {
        if relative == "settings.json" { self = .settings }
        else if relative.hasPrefix(CaseloadStore.reviewsFolder + "/") { self = .review }
        else if relative.hasPrefix(CaseloadStore.workplacesFolder + "/") { self = .workplace }
        else { self = .other }
    }

    var name: String {
        switch self {
        case .settings: "Het instellingenbestand"
        case .review: "De weekbespreking"
        case .workplace: "De werkplek"
        case .other: "Het bestand"
        }
    }
}

/// Something the coach should know about the data directory, e.g. a file put in quarantine.
/// `message` never holds personal data (it may go to stderr); `onScreen` adds whose dossier it
/// is, when known, for the coach.
public struct StoreNotice: Equatable, Sendable {
    public let message: String
    /// The youth the file belonged to, when the summary cache knew the name.
    public let youthName: String?

    public init(message: String, youthName: String? = nil) {
        self.message = message
        self.youthName = youthName
    }

    /// The notice as the coach reads it on screen: naming the youth when known.
    public var onScreen: String { youthName.map { "Dossier van \($0): \(message)" } ?? message }
}

extension StoredCodingMessage {
    /// What a field should have held, for a value of the wrong type ("verwacht een tekst"),
    /// named after the Swift type the decoder wanted. Never quotes what was there.
    static func expected(_ type: Any.Type) -> String {
        let name = String(describing: type)
        if type == String.self || type == Character.self { return "verwacht een tekst" }
        if type == Bool.self { return "verwacht true of false" }
        if type == Double.self || type == Float.self || type == Decimal.self { return "verwacht een getal" }
        if [Int.self, Int8.self, Int16.self, Int32.self, Int64.self, UInt.self, UInt8.self, UInt16.self, UInt32.self, UInt64.self]
            .contains(where: { $0 == type }) { return "verwacht een geheel getal" }
        if name.hasPrefix("Array<") || name.hasPrefix("[") { return "verwacht een lijst ([…])" }
        if name.hasPrefix("Dictionary<") { return "verwacht een object ({…})" }
        return "verwacht een andere soort waarde"
    }
}
