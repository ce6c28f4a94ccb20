import Testing

@testable import Arsplan

/// The texts of the views (``ViewText``) and of `calendar` (``DaysOffText``) in both languages.
struct ViewTextTests {
    static let viewSamples: [ViewText] =
        [
            .helpOwner, .helpAudience, .helpChannel, .helpUnit, .helpGoal, .helpKind, .helpFrom, .helpTo, .helpMonth, .helpWeek,
            .helpWide, .helpExcel,
            .unknownFilterValue(option: "--owner", value: "pr", suggestion: "per", valid: ["anna", "per"]),
            .unknownFilterValue(option: "--goal", value: "x", suggestion: nil, valid: []), .weekNotInYear(week: 53, year: 2027, weeks: 52),
            .monthOutOfRange(value: 13), .weekOutOfRange(value: 0), .excelOnlyForCSV, .excelUsesSemicolon, .wideOnlyForTable,
            .summary(occurrences: 170, activities: 57, errors: 0, warnings: 1),
            .filteredSummary(shown: 3, occurrences: 170, activities: 57, errors: 2, warnings: 2), .week(12), .nothingShown,
            .status(.planned), .status(.tentative), .status(.cancelled), .yes, .no,
        ]
        // "uid", "start" and "status" are the same word in both languages.
        + ViewText.Column.allCases.filter { ![.uid, .start, .status].contains($0) }.map(ViewText.column)

    static let daysOffSamples: [DaysOffText] = [
        .heading(year: 2027), .dayOffKind(.publicHoliday), .dayOffKind(.deFacto), .dayOffKind(.closed), .weekdaysInPeriod(5),
        .weekdaysInPeriod(1), .workingDays(year: 2027, count: 250),
    ]

    static let messages = viewSamples.map(Message.view) + daysOffSamples.map(Message.daysOff)

    @Test func theSamplesCoverEveryText() {
        #expect(Set(Self.viewSamples.map(\.kind)) == Set(ViewText.Kind.allCases))
        #expect(Set(Self.daysOffSamples.map(\.kind)) == Set(DaysOffText.Kind.allCases))
    }

    @Test(arguments: Self.messages)
    func eachHasATextInBothLanguagesAndNoWordOfTheOther(_ message: Message) {
        let swedish = message.text(in: .swedish)
        let english = message.text(in: .english)
        #expect(!swedish.isEmpty && !english.isEmpty)
        #expect(swedish != english)
        #expect(!english.contains { "åäöÅÄÖ".contains($0) }, "\(english)")
        let words = swedish.lowercased().split(separator: " ").filter { !$0.hasPrefix("--") }.joined(separator: " ")
        for word in ["the ", "error", "warning", "activit", "occurrence", " is not", "must ", "only"] {
            #expect(!words.contains(word), "'\(word)' in \(swedish)")
        }
    }

    @Test func summariesCountInTheLanguage() {
        let summary = Message.view(.summary(occurrences: 170, activities: 57, errors: 0, warnings: 1))
        #expect(summary.text(in: .swedish) == "170 tillfällen, 57 aktiviteter · 0 fel, 1 varning")
        #expect(summary.text(in: .english) == "170 occurrences, 57 activities · 0 errors, 1 warning")
        let filtered = Message.view(.filteredSummary(shown: 1, occurrences: 170, activities: 57, errors: 0, warnings: 2))
        #expect(filtered.text(in: .swedish) == "1 av 170 tillfällen visas, 57 aktiviteter · 0 fel, 2 varningar")
        #expect(filtered.text(in: .english) == "1 of 170 occurrences shown, 57 activities · 0 errors, 2 warnings")
    }

    @Test func anUnknownIDNamesTheClosestAndEveryValidOne() {
        let text = Message.view(.unknownFilterValue(option: "--owner", value: "pr", suggestion: "per", valid: ["anna", "per"]))
        #expect(text.text(in: .swedish) == "--owner: 'pr' finns inte i planen (menade du 'per'?); giltiga: anna, per.")
        #expect(text.text(in: .english) == "--owner: there is no 'pr' in the plan (did you mean 'per'?); valid: anna, per.")
    }
}
