// libFuzzer target: the journal reader, both ways (lines read straight from their bytes and
// through JSONDecoder, which must agree), then a replay of what it read on the example plan
// (as every command does). Any input must give entries or a located error, never a trap.
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
    // Lines read straight from their bytes and lines read by JSONDecoder: the same either way.
    let direct = Result(catching: { () throws(JournalFileError) in try JournalContents.parse(bytes, file: "fuzz.journal.jsonl") })
    let decoded = Result(catching: { () throws(JournalFileError) in
        try JournalContents.parse(bytes, file: "fuzz.journal.jsonl", directReading: false)
    })
    switch (direct, decoded) {
    case (.success(let a), .success(let b)):
        precondition(
            a.entries == b.entries && a.lines == b.lines && a.warnings == b.warnings && a.tornTail == b.tornTail
                && a.endsWithoutNewline == b.endsWithoutNewline, "the journal reads differently directly and through JSONDecoder")
    case (.failure(let a), .failure(let b)):
        precondition(a == b, "the journal fails differently directly (\(a)) and through JSONDecoder (\(b))")
    default:
        preconditionFailure("the journal is read one way and not the other: \(direct) against \(decoded)")
    }
    guard case .success(let contents) = direct else { return 0 }
    let replay = JournalReplay(plan: examplePlan, entries: contents.entries)
    _ = replay.nextSequence
    _ = replay.schedule.occurrences.count
    return 0
}
