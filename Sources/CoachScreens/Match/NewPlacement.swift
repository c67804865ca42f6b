import Caseload
import TerminalKit

// SCAFFOLD (issue 17): H3 (placements) replaces this with the real flow.
/// Making a placement at a chosen workplace: the kind (from what the workplace offers), the start
/// date, saved at once; a first placement offers the move to Coachen; then the placement opens.
enum NewPlacement {
    static func begin(editor: YouthEditor, workplace: Workplace) -> Navigation { .stay }
}
