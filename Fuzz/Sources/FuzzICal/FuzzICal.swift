// libFuzzer target: the `.ics` importer (`dates-from:`). Any input must give dates or an
// ICalError, never a trap or a memory error in or around libical.
import Arsplan
import ArsplanICal

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzICal(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = size == 0 ? [] : Array(UnsafeBufferPointer(start: data, count: size))
    let text = String(decoding: bytes, as: UTF8.self)
    _ = try? CalendarImport.dates(fromICS: text, file: "fuzz.ics", year: 2027, timeZone: "Europe/Stockholm")
    return 0
}
