import Arsplan
import Testing

@testable import ArsplanPlanFile

/// The small languages inside scalars, table-driven.
@Suite("Expressions inside plan-file scalars")
struct ExpressionTests {
    struct OffsetCase: CustomTestStringConvertible, Sendable {
        var text: String
        var id: String
        var occurrence: Int?
        var sign: OffsetSign?
        var amount: Int
        var unit: OffsetUnit
        var testDescription: String { text }
    }

    @Test(
        "Offset expressions",
        arguments: [
            OffsetCase(text: "vb", id: "vb", occurrence: nil, sign: nil, amount: 1, unit: .workdays),
            OffsetCase(text: "  vb  ", id: "vb", occurrence: nil, sign: nil, amount: 1, unit: .workdays),
            OffsetCase(text: "vb + 2 workdays", id: "vb", occurrence: nil, sign: .plus, amount: 2, unit: .workdays),
            OffsetCase(text: "vb+2 workdays", id: "vb", occurrence: nil, sign: .plus, amount: 2, unit: .workdays),
            OffsetCase(text: "vb + 1 workday", id: "vb", occurrence: nil, sign: .plus, amount: 1, unit: .workdays),
            OffsetCase(
                text: "namnd[3] - 5 workdays", id: "namnd", occurrence: 3, sign: .minus, amount: 5, unit: .workdays),
            OffsetCase(
                text: "namnd[12]-5 workdays", id: "namnd", occurrence: 12, sign: .minus, amount: 5, unit: .workdays),
            OffsetCase(
                text: "vb-intranat + 3 days", id: "vb-intranat", occurrence: nil, sign: .plus, amount: 3, unit: .days),
            OffsetCase(
                text: "t1_beslut + 2 weeks", id: "t1_beslut", occurrence: nil, sign: .plus, amount: 2, unit: .weeks),
            OffsetCase(text: "vb + 0 workdays", id: "vb", occurrence: nil, sign: .plus, amount: 0, unit: .workdays),
            OffsetCase(
                text: "namnd + 3 arbetsdagar", id: "namnd", occurrence: nil, sign: .plus, amount: 3, unit: .workdays),
            OffsetCase(
                text: "namnd - 1 arbetsdag", id: "namnd", occurrence: nil, sign: .minus, amount: 1, unit: .workdays),
            OffsetCase(text: "namnd + 1 dag", id: "namnd", occurrence: nil, sign: .plus, amount: 1, unit: .days),
            OffsetCase(text: "namnd + 10 dagar", id: "namnd", occurrence: nil, sign: .plus, amount: 10, unit: .days),
            OffsetCase(text: "namnd + 1 vecka", id: "namnd", occurrence: nil, sign: .plus, amount: 1, unit: .weeks),
            OffsetCase(text: "namnd - 2 veckor", id: "namnd", occurrence: nil, sign: .minus, amount: 2, unit: .weeks),
            OffsetCase(
                text: "namnd − 2 Workdays", id: "namnd", occurrence: nil, sign: .minus, amount: 2, unit: .workdays),
            OffsetCase(text: "namnd – 2 veckor", id: "namnd", occurrence: nil, sign: .minus, amount: 2, unit: .weeks),
            OffsetCase(text: "nämnd[ 2 ] + 1 day", id: "nämnd", occurrence: 2, sign: .plus, amount: 1, unit: .days),
        ])
    func offsets(_ c: OffsetCase) throws {
        let parsed = try parseOffsetExpression(c.text).get()
        #expect(parsed.reference == ActivityReference(activity: .init(c.id), occurrence: c.occurrence))
        #expect(parsed.sign == c.sign)
        #expect(parsed.amount == c.amount)
        #expect(parsed.unit == c.unit)
    }

    @Test(
        "Malformed offset expressions name the part that is wrong",
        arguments: [
            ("", ExpressionError.Part.reference, "expected an activity id"),
            ("+ 2 workdays", .reference, "expected an activity id, found '+'"),
            ("vb[0] + 1 workday", .reference, "counted from 1"),
            ("vb[] + 1 workday", .reference, "occurrence number in brackets"),
            ("vb[2 + 1 workday", .reference, "occurrence number in brackets"),
            ("vb + 2", .offset, "missing unit after '2'"),
            ("vb + two workdays", .offset, "expected a number after '+'"),
            ("vb + 2 workdys", .offset, "(did you mean 'workdays'?)"),
            ("vb + 2 months", .offset, "unknown unit 'months'"),
            ("vb * 2 workdays", .offset, "expected '+' or '-'"),
            ("vb + 2 workdays extra", .offset, "unexpected 'extra'"),
            ("vb + -2 workdays", .offset, "expected a number"),
        ])
    func malformedOffsets(text: String, part: ExpressionError.Part, message: String) {
        guard case .failure(let error) = parseOffsetExpression(text) else {
            Issue.record("'\(text)' parsed")
            return
        }
        #expect(error.part == part)
        #expect(error.message.contains(message), "\(error.message)")
    }

    @Test("Bare references", arguments: [("namnd", nil), ("namnd[2]", 2), (" namnd[14] ", 14)] as [(String, Int?)])
    func references(text: String, occurrence: Int?) throws {
        let reference = try parseReference(text).get()
        #expect(reference == ActivityReference(activity: "namnd", occurrence: occurrence))
    }

    @Test("A bare reference takes no offset")
    func referenceWithOffset() {
        guard case .failure(let error) = parseReference("namnd + 1 workday") else {
            Issue.record("parsed")
            return
        }
        #expect(error.part == .offset)
    }

    @Test(
        "Durations",
        arguments: [
            ("2h", ActivityDuration.minutes(120)), ("90min", .minutes(90)), ("1h30min", .minutes(90)),
            ("1h 30min", .minutes(90)), ("0h45min", .minutes(45)), ("3d", .workdays(3)), ("2w", .weeks(2)),
            ("3W", .weeks(3)), (" 1d ", .workdays(1)), ("24h", .minutes(1440)),
        ])
    func durations(text: String, duration: ActivityDuration) throws {
        #expect(try parseDuration(text).get() == duration)
    }

    @Test(
        "Durations that are refused",
        arguments: ["", "90", "2 timmar", "1h90", "0d", "0min", "2x", "h", "1.5h", "-2h", "3m"])
    func badDurations(text: String) {
        #expect(throws: ExpressionError.self) { try parseDuration(text).get() }
    }

    @Test(
        "Times",
        arguments: [
            ("17:00", 17, 0), ("9:30", 9, 30), ("09:05", 9, 5), ("00:00", 0, 0), ("23:59", 23, 59), ("17.00", 17, 0),
        ])
    func times(text: String, hour: Int, minute: Int) throws {
        #expect(try parseTime(text).get() == TimeOfDay(hour: hour, minute: minute))
    }

    @Test("Times that are refused", arguments: ["24:00", "17", "17:0", "17:60", "kväll", "5 pm", ""])
    func badTimes(text: String) {
        #expect(throws: ExpressionError.self) { try parseTime(text).get() }
    }

    @Test(
        "Repeat days",
        arguments: [
            ("monday", RepeatOn.weekday(.monday)), ("Friday", .weekday(.friday)), ("tisdag", .weekday(.tuesday)),
            ("lördag", .weekday(.saturday)), ("lordag", .weekday(.saturday)), ("söndagen", .weekday(.sunday)),
            ("first tuesday", .nth(1, .tuesday)), ("second wednesday", .nth(2, .wednesday)),
            ("third thursday", .nth(3, .thursday)), ("fourth friday", .nth(4, .friday)),
            ("fifth monday", .nth(5, .monday)), ("last friday", .nth(-1, .friday)), ("2nd monday", .nth(2, .monday)),
            ("första tisdagen", .nth(1, .tuesday)), ("andra onsdag", .nth(2, .wednesday)),
            ("sista fredagen", .nth(-1, .friday)), ("fjärde måndag", .nth(4, .monday)),
        ])
    func repeatDays(text: String, on: RepeatOn) throws {
        #expect(try parseRepeatOn(text).get() == on)
    }

    @Test(
        "Repeat days that are refused",
        arguments: ["", "someday", "sixth monday", "first", "first tuesday please", "frist monday"])
    func badRepeatDays(text: String) {
        #expect(throws: ExpressionError.self) { try parseRepeatOn(text).get() }
    }

    @Test(
        "Repeat frequencies",
        arguments: [
            ("week", RecurrenceFrequency.weeks(1)), ("weeks", .weeks(1)), ("2 weeks", .weeks(2)), ("1 week", .weeks(1)),
            ("vecka", .weeks(1)), ("3 veckor", .weeks(3)), ("varannan vecka", .weeks(2)), ("month", .months(1)),
            ("2 months", .months(2)), ("månad", .months(1)), ("6 månader", .months(6)), ("varannan månad", .months(2)),
            ("Month", .months(1)),
        ])
    func frequencies(text: String, frequency: RecurrenceFrequency) throws {
        #expect(try parseFrequency(text).get() == frequency)
    }

    @Test(
        "Frequencies that are refused",
        arguments: ["", "day", "0 weeks", "two weeks", "fortnight", "2 years", "every week"])
    func badFrequencies(text: String) {
        #expect(throws: ExpressionError.self) { try parseFrequency(text).get() }
    }

    @Test(
        "Month names",
        arguments: [("juli", 7), ("July", 7), ("jul", 7), ("maj", 5), ("May", 5), ("oktober", 10), ("dec", 12)])
    func months(text: String, number: Int) {
        #expect(month(named: text) == number)
    }

    @Test(
        "Suggestions: edit distance, swapped letters, Swedish words",
        arguments: [
            ("titel", "title"), ("onwer", "owner"), ("statu", "status"), ("calender", "calendar"), ("datum", "date"),
            ("ansvarig", "owner"), ("målgrupper", "audiences"), ("efter", "after"), ("före", "before"),
        ])
    func suggestions(word: String, expected: String) {
        #expect(suggest(word, in: PlanReader.activityKeys + PlanReader.topLevelKeys) == expected)
    }

    @Test(
        "Identifiers",
        arguments: [
            ("vb", true), ("vb-intranat", true), ("t1_2027", true), ("nämnd", true), ("a b", false), ("vb[2]", false),
            ("", false), ("a.b", false),
        ])
    func identifiers(text: String, valid: Bool) {
        #expect(isValidIdentifier(text) == valid)
    }
}

extension ExpressionError {
    /// The message in English, as the tests above state it.
    var message: String { Message.expression(text).text(in: .english) }
}
