import Arsplan
import CLibical
import Foundation

// Everything in this file is internal: the only place in arsplan that holds libical's
// C pointers. The owner classes are deliberately not Sendable; one tree lives in one task.

/// libical 3.0 keeps global state (lazily loaded builtin zones, whose first lookups race
/// between threads) — every public entry point of this module runs under this lock.
let libicalLock = NSLock()

/// A component tree that this object owns and frees in `deinit`.
final class OwnedComponent {
    let pointer: OpaquePointer

    init(kind: icalcomponent_kind) throws(ICalError) {
        guard let pointer = icalcomponent_new(kind) else {
            throw .libical("could not create a component")
        }
        self.pointer = pointer
    }

    /// Takes ownership of a tree libical returned (a parse result, a clone).
    init(adopting pointer: OpaquePointer) {
        self.pointer = pointer
    }

    deinit { icalcomponent_free(pointer) }

    /// Adds a property made by `icalproperty_new_*`; the component owns it from then on.
    /// A nil property (libical refused the value) is an error.
    func add(_ property: OpaquePointer?, _ what: @autoclosure () -> String) throws(ICalError) {
        guard let property else { throw .libical("could not create \(what())") }
        icalcomponent_add_property(pointer, property)
    }

    /// Adds a property with one parameter (`TZID=…`).
    func add(_ property: OpaquePointer?, parameter: OpaquePointer?, _ what: @autoclosure () -> String) throws(ICalError) {
        guard let property else { throw .libical("could not create \(what())") }
        guard let parameter else {
            icalproperty_free(property)
            throw .libical("could not create a parameter for \(what())")
        }
        icalproperty_add_parameter(property, parameter)
        icalcomponent_add_property(pointer, property)
    }

    /// An X-property (`X-WR-CALNAME`). libical 3.0.16 escapes backslashes and line breaks in
    /// its value but not commas or semicolons; callers pass plain text (see `plainText`).
    func addX(_ name: String, _ value: String) throws(ICalError) {
        guard let property = icalproperty_new_x(value) else { throw .libical("could not create \(name)") }
        icalproperty_set_x_name(property, name)
        icalcomponent_add_property(pointer, property)
    }

    /// Appends libical's serialization (CRLF line ends, folded at 75 octets) to `buffer`.
    func serialize(into buffer: inout [UInt8]) throws(ICalError) {
        try appendTaking(icalcomponent_as_ical_string_r(pointer), "a component", to: &buffer)
    }

    func serialized() throws(ICalError) -> [UInt8] {
        var buffer: [UInt8] = []
        try serialize(into: &buffer)
        return buffer
    }
}

/// A property not (yet) in a component; freed with its owner.
final class OwnedProperty {
    let pointer: OpaquePointer

    init(_ property: OpaquePointer?, parameter: OpaquePointer? = nil, _ what: @autoclosure () -> String) throws(ICalError) {
        guard let property else {
            if let parameter { icalparameter_free(parameter) }
            throw .libical("could not create \(what())")
        }
        pointer = property
        if let parameter { icalproperty_add_parameter(property, parameter) }
    }

    deinit { icalproperty_free(pointer) }

    /// Appends libical's serialization of the property (its folded lines, each ending in CRLF).
    func serialize(into buffer: inout [UInt8]) throws(ICalError) {
        try appendTaking(icalproperty_as_ical_string_r(pointer), "a property", to: &buffer)
    }
}

/// Appends a serialization libical returned (a C string the caller owns) and frees it.
private func appendTaking(_ text: UnsafeMutablePointer<CChar>?, _ what: String, to buffer: inout [UInt8]) throws(ICalError) {
    guard let text else { throw .libical("could not serialize \(what)") }
    defer { icalmemory_free_buffer(text) }
    let count = strlen(text)
    text.withMemoryRebound(to: UInt8.self, capacity: count) { bytes in
        buffer.append(contentsOf: UnsafeBufferPointer(start: bytes, count: count))
    }
}

/// A zone from libical's builtin set (read from the system's tzdata). libical owns it;
/// it lives as long as the process.
struct BuiltinZone {
    let pointer: OpaquePointer
    /// The IANA name as the plan gives it (`Europe/Stockholm`), used as the TZID we write.
    let name: String

    /// Looks a zone up once; nil from libical (a misspelt name, or no tzdata) is a typed error.
    static func named(_ name: String) throws(ICalError) -> BuiltinZone {
        guard !name.isEmpty, let pointer = icaltimezone_get_builtin_timezone(name) else {
            throw .unknownTimeZone(name)
        }
        return BuiltinZone(pointer: pointer, name: name)
    }

    static var utc: OpaquePointer { icaltimezone_get_utc_timezone() }

    /// A minimal VTIMEZONE for `years`: libical's builtin definition cut to those years in its
    /// Outlook-compatible form (RRULE-based rules, no history back to 1879, no RDATE lists),
    /// with the vendor prefix taken out of its TZID and libical's own X-LIC-LOCATION removed.
    func minimalVTimezone(years: ClosedRange<Int>) throws(ICalError) -> OwnedComponent {
        guard let builtin = icaltimezone_get_component(pointer), let clone = icalcomponent_new_clone(builtin) else {
            throw .unknownTimeZone(name)
        }
        let vtimezone = OwnedComponent(adopting: clone)
        var start = icaltime_null_time()
        start.year = Int32(years.lowerBound)
        start.month = 1
        start.day = 1
        start.zone = BuiltinZone.utc
        // End a year after the last year needed: libical's Outlook-compatible form ends each
        // RRULE with an UNTIL at the last transition before `end`, and some readers (python
        // icalendar 6.3 among them) drop a transition that falls exactly on UNTIL.
        var end = start
        end.year = Int32(years.upperBound + 2)
        icaltimezone_truncate_vtimezone(vtimezone.pointer, start, end, 1)

        // Remove TZID, X-LIC-LOCATION and TZUNTIL from the top level, then write our TZID first.
        var doomed: [OpaquePointer] = []
        var property = icalcomponent_get_first_property(vtimezone.pointer, ICAL_ANY_PROPERTY)
        while let current = property {
            let kind = icalproperty_isa(current)
            if kind == ICAL_TZID_PROPERTY || kind == ICAL_X_PROPERTY || kind == ICAL_TZUNTIL_PROPERTY {
                doomed.append(current)
            }
            property = icalcomponent_get_next_property(vtimezone.pointer, ICAL_ANY_PROPERTY)
        }
        for current in doomed {
            icalcomponent_remove_property(vtimezone.pointer, current)
            icalproperty_free(current)
        }
        guard let tzid = icalproperty_new_tzid(name) else { throw .libical("could not create TZID") }
        icalcomponent_add_property(vtimezone.pointer, tzid)
        return vtimezone
    }
}

extension icaltimetype {
    /// A floating local date-time; the writer adds the `TZID` parameter itself (libical 3.0
    /// would write its prefixed TZID, and `icaltime_from_timet_with_zone` marks times as UTC).
    static func local(_ dateTime: LocalDateTime) -> icaltimetype {
        var time = icaltime_null_time()
        time.year = Int32(dateTime.day.year)
        time.month = Int32(dateTime.day.month)
        time.day = Int32(dateTime.day.day)
        time.hour = Int32(dateTime.time.hour)
        time.minute = Int32(dateTime.time.minute)
        time.second = 0
        return time
    }

    /// A `VALUE=DATE` date.
    static func date(_ day: Day) -> icaltimetype {
        var time = icaltime_null_date()
        time.year = Int32(day.year)
        time.month = Int32(day.month)
        time.day = Int32(day.day)
        return time
    }

    /// An instant in UTC (`…Z`), built field by field.
    static func utc(_ stamp: Timestamp) -> icaltimetype {
        let day = stamp.day
        let second = stamp.secondOfDay
        var time = icaltime_null_time()
        time.year = Int32(day.year)
        time.month = Int32(day.month)
        time.day = Int32(day.day)
        time.hour = Int32(second / 3600)
        time.minute = Int32(second / 60 % 60)
        time.second = Int32(second % 60)
        time.zone = BuiltinZone.utc
        return time
    }
}

/// Text as it may go into a property value: CR LF and lone CR become LF, other control
/// characters (NUL would cut the C string; RFC 5545 forbids the rest) are dropped.
/// libical escapes what remains (`\n`, `\,`, `\;`, `\\`) for TEXT properties.
func cleanText(_ text: String) -> String {
    if !needsCleaning(text, spaces: false) { return text }
    var result = String.UnicodeScalarView()
    var previousWasCR = false
    for scalar in text.unicodeScalars {
        defer { previousWasCR = scalar == "\r" }
        switch scalar.value {
        case 0x0D: result.append("\n")
        case 0x0A: if !previousWasCR { result.append("\n") }
        case 0x09: result.append(scalar)
        case 0x00...0x1F, 0x7F, 0x85, 0x2028, 0x2029: continue
        default: result.append(scalar)
        }
    }
    return String(result)
}

/// Text for one-line values (SUMMARY, calendar names): line breaks and tabs become spaces,
/// runs of white space collapse, ends are trimmed.
func singleLine(_ text: String) -> String {
    if !needsCleaning(text, spaces: true) { return text }
    return cleanText(text).split(whereSeparator: { $0 == "\n" || $0 == "\t" || $0 == " " }).joined(separator: " ")
}

/// Whether `text` has anything `cleanText` (and, with `spaces`, `singleLine`) would change:
/// a control character, U+0085, U+2028, U+2029, or leading, trailing or doubled spaces.
private func needsCleaning(_ text: String, spaces: Bool) -> Bool {
    var text = text
    return text.withUTF8 { bytes in
        // Printable ASCII without spaces (a UID, most ids): nothing to clean.
        if !bytes.contains(where: { $0 <= 0x20 || $0 >= 0x7F }) { return false }
        let count = bytes.count
        if spaces, let last = bytes.last, last == 0x20 { return true }
        var previous: UInt8 = 0x20
        var index = 0
        while index < count {
            let byte = bytes[index]
            if byte < 0x20 || byte == 0x7F { return true }
            if byte == 0xC2, index + 1 < count, bytes[index + 1] == 0x85 { return true }
            if byte == 0xE2, index + 2 < count, bytes[index + 1] == 0x80, bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9 {
                return true
            }
            if spaces && byte == 0x20 && previous == 0x20 { return true }
            previous = byte
            index += 1
        }
        return false
    }
}
