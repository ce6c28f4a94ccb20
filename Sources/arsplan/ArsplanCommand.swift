import ArgumentParser
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

@main
struct ArsplanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "arsplan",
        abstract: tr(.rootAbstract),
        discussion: tr(.rootDiscussion),
        version: "0.1.0",
        subcommands: [
            InitCommand.self,
            Validate.self,
            ScheduleCommand.self,
            CalendarCommand.self,
            Export.self,
            MoveCommand.self,
            CancelCommand.self,
            AssignCommand.self,
            UndoCommand.self,
            HistoryCommand.self,
            ApproveCommand.self,
            DeviationsCommand.self,
            StatusCommand.self,
            ReportCommand.self,
        ]
    )

    /// Starts the command. A file that would grow past `ulimit -f` must give a write error the
    /// command reports (and rolls back), not SIGXFSZ killing the process mid-write.
    /// The language is chosen first (`--lang` is taken out of the arguments), so that help
    /// and argument errors are in it too; `arsplan` alone prints help and exits 64.
    static func main() {
        signal(SIGXFSZ, SIG_IGN)
        let arguments: [String]
        do throws(LanguageChoiceError) {
            arguments = try Lang.choose(arguments: CommandLine.arguments, environment: ProcessInfo.processInfo.environment).arguments
        } catch {
            FileHandle.standardError.write(
                Data((Lang.current.catalogue.severity(.error) + ": " + tr(.unknownLanguage(text: error.text)) + "\n").utf8))
            Self.exit(withError: ExitCode(64))
        }
        if arguments.count <= 1 {
            FileHandle.standardError.write(Data((helpMessage() + "\n").utf8))
            Self.exit(withError: ExitCode(64))
        }
        main(Array(arguments.dropFirst()))
    }
}
