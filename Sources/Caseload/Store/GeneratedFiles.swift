import Foundation

extension CaseloadStore {
    /// The bytes `save` writes for `youth` as it stands (its `updated` included), validated as
    /// `save` validates them. For the benchmark's generator only, which writes tens of thousands
    /// of invented youths without a flush each: generated data need not survive a crash.
    public static func fileContents(of youth: Youth) throws -> Data {
        let record = YouthRecord(youth: youth)
        try refuseInvalid(record)
        return try encode(record)
    }
}
