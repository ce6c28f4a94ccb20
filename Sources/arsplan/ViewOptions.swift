import ArgumentParser
import Arsplan

/// `schedule`'s filters (``ScheduleFilter``): which occurrences a view shows.
struct FilterOptions: ParsableArguments {
    @Option(help: ArgumentHelp(tr(.view(.helpOwner)), valueName: "id"))
    var owner: [Owner.ID] = []

    @Option(help: ArgumentHelp(tr(.view(.helpAudience)), valueName: "id"))
    var audience: [Audience.ID] = []

    @Option(help: ArgumentHelp(tr(.view(.helpChannel)), valueName: "id"))
    var channel: [Channel.ID] = []

    @Option(help: ArgumentHelp(tr(.view(.helpUnit)), valueName: "id"))
    var unit: [Unit.ID] = []

    @Option(help: ArgumentHelp(tr(.view(.helpGoal)), valueName: "id"))
    var goal: [Goal.ID] = []

    @Option(help: ArgumentHelp(tr(.view(.helpKind)), valueName: "kind"))
    var kind: [String] = []

    @Option(help: ArgumentHelp(tr(.view(.helpFrom)), valueName: "date"))
    var from: DateArgument?

    @Option(help: ArgumentHelp(tr(.view(.helpTo)), valueName: "date"))
    var to: DateArgument?

    @Option(help: ArgumentHelp(tr(.view(.helpMonth)), valueName: "n"))
    var month: Int?

    @Option(help: ArgumentHelp(tr(.view(.helpWeek)), valueName: "n"))
    var week: Int?

    func validate() throws {
        for (option, value) in [("--from", from), ("--to", to)] {
            if case .invalid(let text) = value { throw ValidationError(tr(.optionNotADate(option: option, text: text))) }
        }
        if let from = from?.day, let to = to?.day, from > to { throw ValidationError(tr(.fromAfterTo)) }
        if let month, !(1...12).contains(month) { throw ValidationError(tr(.view(.monthOutOfRange(value: month)))) }
        if let week, !(1...53).contains(week) { throw ValidationError(tr(.view(.weekOutOfRange(value: week)))) }
    }

    var filter: ScheduleFilter {
        var filter = ScheduleFilter()
        filter.owners = Set(owner)
        filter.audiences = Set(audience)
        filter.channels = Set(channel)
        filter.units = Set(unit)
        filter.goals = Set(goal)
        filter.kinds = Set(kind)
        filter.from = from?.day
        filter.to = to?.day
        filter.month = month
        filter.week = week
        return filter
    }
}

extension Identifier: ExpressibleByArgument {
    public init?(argument: String) { self.init(argument) }
}

/// A `--from`/`--to` value: a day, or the text that is not one, refused by `validate()` in
/// the reader's language (argument-parser's own refusal would be in English).
enum DateArgument: ExpressibleByArgument {
    case day(Day)
    case invalid(String)

    init(argument: String) {
        self = Day(iso: argument).map(DateArgument.day) ?? .invalid(argument)
    }

    var day: Day? {
        if case .day(let day) = self { return day }
        return nil
    }
}
