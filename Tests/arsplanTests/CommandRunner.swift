import Foundation
import Testing

/// Runs the built `arsplan` binary the way a user would. The one way this target's tests
/// start a process.
enum CommandRunner {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// The repository root (this file is Tests/arsplanTests/CommandRunner.swift).
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// The `arsplan` binary, built beside this test bundle since this target depends on it.
    static let binary: String? = {
        var candidates = [URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().deletingLastPathComponent()]
        candidates.append(URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent())
        candidates += Bundle.allBundles.map { $0.bundleURL.deletingLastPathComponent() }
        return candidates.map { $0.appendingPathComponent("arsplan").path }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }()

    /// A process for `arguments`, not yet started: standard input empty, `environment` added
    /// to this process's own.
    static func process(_ arguments: [String], executable: String? = nil, environment: [String: String?] = [:], in directory: URL? = repository)
        throws -> Process
    {
        let process = Process()
        let path = try #require(executable ?? binary, "the arsplan binary was not found; build it with `swift build --build-tests`")
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        var env = ProcessInfo.processInfo.environment
        for (key, value) in environment { env[key] = value }
        process.environment = env
        process.standardInput = FileHandle.nullDevice
        return process
    }

    /// Runs `arguments` to the end and returns what it printed.
    static func run(_ arguments: [String], executable: String? = nil, environment: [String: String?] = [:], in directory: URL? = repository) throws
        -> Result
    {
        try run(process(arguments, executable: executable, environment: environment, in: directory))
    }

    /// Starts `process` and waits for it, reading standard error on another thread so that
    /// a full pipe cannot block the child.
    static func run(_ process: Process) throws -> Result {
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let errors = PipeReader(err.fileHandleForReading)
        let output = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: String(decoding: output, as: UTF8.self), stderr: errors.text())
    }

    /// Writes `text` to a new temporary folder and returns the file's path.
    static func temporaryFile(named name: String, _ text: String) throws -> String {
        let file = try temporaryDirectory().appendingPathComponent(name)
        try text.write(to: file, atomically: true, encoding: .utf8)
        return file.path
    }

    /// A new, empty temporary folder.
    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("arsplan-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}

/// Reads a pipe to its end on another thread.
final class PipeReader: @unchecked Sendable {
    private var data = Data()
    private let done = DispatchSemaphore(value: 0)

    init(_ handle: FileHandle) {
        DispatchQueue.global().async {
            self.data = handle.readDataToEndOfFile()
            self.done.signal()
        }
    }

    func text() -> String {
        done.wait()
        return String(decoding: data, as: UTF8.self)
    }
}
