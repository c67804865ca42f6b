import Foundation

/// The summary of a week's review, as Markdown or plain text: the same bytes from the review
/// screen (into exports/) and from `rodeloper review`, because it is made from the review's file
/// alone (the agenda as it was fixed, the notes and decisions), never from the clock.
public enum ReviewSummary {
    public static func render(_ review: WeeklyReview, coachName: String, format: MeetingDocument.Format) -> String {
        var out = DocumentWriter(format: format)
        out.title("Weekbespreking week \(review.week.week) van \(review.week.year)")
        out.line("Week: \(review.week.monday.text) t/m \(review.week.sunday.text)")
        if !coachName.isEmpty { out.line("Coach: \(coachName)") }
        out.line("Besproken: \(review.reviewedCount) van \(review.items.count) jongeren")
        out.blank()
        for (index, item) in review.items.enumerated() {
            out.heading("\(index + 1). \(item.name)\(item.reviewed ? "" : " (nog niet besproken)")")
            if item.reasons.isEmpty { out.line("Aanleiding: niets bijzonders") } else {
                out.line("Aanleiding:")
                item.reasons.forEach { out.item($0.text) }
            }
            out.blank()
            out.subheading("Notitie")
            out.paragraph(item.note)
            out.subheading("Volgende stap")
            out.paragraph(item.nextStep)
        }
        return out.text
    }

    public static func fileName(_ review: WeeklyReview, format: MeetingDocument.Format) -> String {
        "weekbespreking-\(review.week.text).\(format.fileExtension)"
    }
}
