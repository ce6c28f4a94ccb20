import Foundation
import Testing

/// Byte-level helpers: iCalendar is checked as octets, not as Swift strings.
enum ICS {
    /// Physical lines without their CRLF. Records an issue for a bare CR or LF.
    static func physicalLines(_ bytes: [UInt8], sourceLocation: SourceLocation = #_sourceLocation) -> [[UInt8]] {
        var lines: [[UInt8]] = []
        var current: [UInt8] = []
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0x0D {
                if index + 1 < bytes.count && bytes[index + 1] == 0x0A {
                    lines.append(current)
                    current = []
                    index += 2
                    continue
                }
                Issue.record("bare CR at byte \(index)", sourceLocation: sourceLocation)
            } else if byte == 0x0A {
                Issue.record("bare LF at byte \(index)", sourceLocation: sourceLocation)
            }
            current.append(byte)
            index += 1
        }
        if !current.isEmpty { Issue.record("last line has no CRLF", sourceLocation: sourceLocation) }
        return lines
    }

    /// Content lines, unfolded (RFC 5545 3.1), as strings.
    static func contentLines(_ bytes: [UInt8]) -> [String] {
        var result: [[UInt8]] = []
        for line in physicalLines(bytes) {
            if let first = line.first, first == 0x20 || first == 0x09, !result.isEmpty {
                result[result.count - 1] += line.dropFirst()
            } else {
                result.append(line)
            }
        }
        return result.map { String(decoding: $0, as: UTF8.self) }
    }

    /// The value of the first content line with this name (`SUMMARY`) or name and parameters.
    static func values(_ name: String, in lines: [String]) -> [String] {
        lines.compactMap { line in
            guard line.hasPrefix(name + ":") || line.hasPrefix(name + ";") else { return nil }
            return String(line[line.index(after: line.firstIndex(of: ":")!)...])
        }
    }

    /// Unescapes a TEXT value.
    static func unescape(_ value: String) -> String {
        var result = ""
        var escaping = false
        for character in value {
            if escaping {
                switch character {
                case "n", "N": result.append("\n")
                default: result.append(character)
                }
                escaping = false
            } else if character == "\\" {
                escaping = true
            } else {
                result.append(character)
            }
        }
        return result
    }

    /// The events of a feed as their content lines.
    static func events(_ lines: [String]) -> [[String]] {
        var events: [[String]] = []
        var current: [String]?
        for line in lines {
            if line == "BEGIN:VEVENT" {
                current = []
            } else if line == "END:VEVENT" {
                if let current { events.append(current) }
                current = nil
            } else {
                current?.append(line)
            }
        }
        return events
    }
}

/// Runs a helper program; nil when it could not be started.
struct ProgramRun {
    var status: Int32
    var stdout: String
    var stderr: String

    static func run(_ executable: String, _ arguments: [String], environment: [String: String]? = nil) throws -> ProgramRun {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        if let environment {
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        }
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        // Read both pipes to the end before waiting, so a large output cannot block the child.
        let group = DispatchGroup()
        nonisolated(unsafe) var errData = Data()
        group.enter()
        DispatchQueue.global().async {
            errData = err.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return ProgramRun(
            status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errData, as: UTF8.self))
    }
}

/// A fresh temporary directory, removed by `remove()`.
struct TemporaryDirectory {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("arsplan-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    func write(_ name: String, _ bytes: [UInt8]) throws -> String {
        let file = url.appendingPathComponent(name)
        try Data(bytes).write(to: file)
        return file.path
    }

    func remove() { try? FileManager.default.removeItem(at: url) }
}

/// Whether ARSPLAN_PYTHON is set, as `make test` sets it: the tests that read the feeds with
/// the independent Python parsers run only then. Plain `swift test` skips them with
/// ``pythonSkipMessage``; once it is set they must run, and a broken interpreter fails them.
let pythonIsSet = !(ProcessInfo.processInfo.environment["ARSPLAN_PYTHON"] ?? "").isEmpty
let pythonSkipMessage: Comment =
    "ARSPLAN_PYTHON is not set: the feeds are not read by the independent Python parsers; `make test` sets it up and runs them"

/// The Python interpreter with `icalendar` and `ical`, from ARSPLAN_PYTHON; records a failure
/// (the check must not pass silently) when it is missing or not an executable.
func pythonForChecks(sourceLocation: SourceLocation = #_sourceLocation) -> String? {
    guard let python = ProcessInfo.processInfo.environment["ARSPLAN_PYTHON"], !python.isEmpty else {
        let message =
            "ARSPLAN_PYTHON is not set: the feeds must be checked by independent parsers. Run `make test` "
            + "(it creates .venv with requirements-test.txt and sets ARSPLAN_PYTHON)."
        Issue.record(Comment(rawValue: message), sourceLocation: sourceLocation)
        return nil
    }
    guard FileManager.default.isExecutableFile(atPath: python) else {
        let message = "ARSPLAN_PYTHON is '\(python)', which is not an executable. Run `make test` to create the virtual environment."
        Issue.record(Comment(rawValue: message), sourceLocation: sourceLocation)
        return nil
    }
    return python
}

/// The path of check_ics.py beside the tests.
let checkScript = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("check_ics.py").path

/// What check_ics.py prints.
struct CheckReport: Decodable {
    struct File: Decodable {
        var file: String
        var method: String?
        var version: String?
        var name: String?
        var xWrCalname: String?
        var description: String?
        var xWrCaldesc: String?
        var xWrTimezone: String?
        var refreshInterval: String?
        var publishedTTL: String?
        var timezones: [String]
        var events: [Event]
        var icalEvents: Int
    }
    struct Event: Decodable {
        var uid: String
        var summary: String
        var description: String?
        var start: Time
        var end: Time?
        var status: String?
        var sequence: Int
        var dtstamp: String
        var lastModified: String?
        var categories: [String]
    }
    struct Time: Decodable {
        var utc: String?
        var date: String?
        var tzid: String?
        var local: String?
    }
    var icalendar: String
    var files: [File]
}
