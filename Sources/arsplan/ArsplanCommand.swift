import ArgumentParser

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

@main
struct ArsplanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "arsplan",
        abstract: "Plan a communication year (årsplan) on the Swedish working-day calendar.",
        discussion: """
            A plan file (YAML) lists the year's communication activities. arsplan places every \
            activity on the calendar, resolves dependencies, reports conflicts and publishes \
            iCalendar feeds. See README.md and docs/plan-format.md.
            """,
        version: "0.1.0",
        subcommands: [
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
    static func main() {
        signal(SIGXFSZ, SIG_IGN)
        main(nil)
    }
}
