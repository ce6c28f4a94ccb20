// libFuzzer target: the journal reader, then a replay of what it read on the example
// plan (as every command does). Any input must give entries or a located error, never a trap.
#if canImport(Glibc)
import Glibc
#endif
import Arsplan
import ArsplanICal
import ArsplanJournal
import ArsplanPlanFile

/// The example plan, read once: Plans/serviceforvaltningen-2027.yaml beside this package.
let examplePlan: Plan = {
    let folder = "/" + String(#filePath.split(separator: "/").dropLast(4).joined(separator: "/")) + "/Plans/"
    func contents(_ file: String) -> String {
        guard let handle = fopen(file, "rb") else { fatalError("cannot open \(file)") }
        defer { fclose(handle) }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = fread(&buffer, 1, buffer.count, handle)
            if n <= 0 { break }
            bytes += buffer[0..<n]
        }
        return String(decoding: bytes, as: UTF8.self)
    }
    let file = folder + "serviceforvaltningen-2027.yaml"
    guard let document = PlanFile.parse(contents(file), file: file).document else { fatalError("the example plan has errors") }
    // Its `dates-from` calendar, read as the loader reads it.
    return try! document.resolved { item in
        try CalendarImport.dates(fromICS: contents(folder + item.source), file: item.source, year: document.year, timeZone: document.timezone)
    }
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzJournal(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = size == 0 ? [] : Array(UnsafeBufferPointer(start: data, count: size))
    guard let contents = try? JournalContents.parse(bytes, file: "fuzz.journal.jsonl") else { return 0 }
    let replay = JournalReplay(plan: examplePlan, entries: contents.entries)
    _ = replay.nextSequence
    _ = replay.schedule.occurrences.count
    return 0
}
