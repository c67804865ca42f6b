import Caseload
import TerminalKit

/// Making a placement at a chosen workplace: the kind (from what the workplace offers; every kind
/// when it names none; no question when it names one), the start date (a past day may), saved at
/// once; then the placement opens, and a first placement that runs offers the move to Coachen.
enum NewPlacement {
    static func begin(editor: YouthEditor, workplace: Workplace) -> Navigation {
        let kinds = workplace.kinds.isEmpty ? PlaceKind.allCases : workplace.kinds
        if kinds.count == 1 { return askStart(editor: editor, workplace: workplace, kind: kinds[0]) }
        let picker = Picker(title: "Soort plek bij \(workplace.name)", options: kinds.map(\.label))
        return .popup(PickerPopup(picker) { index in askStart(editor: editor, workplace: workplace, kind: kinds[index]) })
    }

    private static func askStart(editor: YouthEditor, workplace: Workplace, kind: PlaceKind) -> Navigation {
        let session = editor.session
        return .popup(DatePrompt.popup(title: "Nieuwe plaatsing",
                                       question: "\(kind.label.capitalizedFirst) bij \(workplace.name). Vanaf welke dag? Vandaag of eerder: "
                                           + "de plaatsing loopt; een latere dag: gepland.",
                                       day: session.today, enterLabel: "maak aan") { day throws(InputError) in
            var made: (placement: Placement, note: String?)?
            if let failure = editor.apply({ youth throws(InputError) in
                made = try youth.addPlacement(at: workplace, kind: kind, start: day, today: session.today, now: session.now)
            }) { return .refuse(failure) }
            guard let made else { return .refuse("De plaatsing is niet opgeslagen.") }
            let offer = made.placement.status == .running && editor.youth.offersCoaching(starting: made.placement)
            return .done(.push(PlacementScreen(editor: editor, placementID: made.placement.id, note: made.note, offeringCoaching: offer)))
        })
    }
}
