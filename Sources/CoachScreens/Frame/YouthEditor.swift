import Caseload

/// One youth being worked on, shared by the screens opened from the youth screen so that each
/// sees the others' changes. Every change is saved at once; nothing is held unsaved.
final class YouthEditor {
    let session: Session
    private(set) var youth: Youth

    init(session: Session, id: String) throws {
        self.session = session
        youth = try session.store.youth(id: id)
    }

    /// Applies `change` and writes the youth at once. An unchanged youth (but for the moment it
    /// was changed) writes nothing.
    /// Returns nil on success, or why it failed (bad input, a full disk): then nothing changed.
    func apply(_ change: (inout Youth) throws(InputError) -> Void) -> String? {
        var changed = youth
        do {
            try change(&changed)
        } catch {
            return error.message
        }
        // A change that leaves every field as it was writes nothing, even when the mutation
        // stamped `updated` (setting the same start date again): "gewijzigd" stays true.
        var unstamped = changed
        unstamped.updated = youth.updated
        guard unstamped != youth else { return nil }
        do {
            youth = try session.store.save(changed)
            return nil
        } catch {
            return error.localizedDescription
        }
    }
}
