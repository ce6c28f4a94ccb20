import Arsplan
import Foundation

/// Walks a composed plan file into a ``Plan``, reporting every problem on the way.
struct PlanReader {
    var sink: DiagnosticSink
    /// Repeated keys taken out before composing, by where they stand; removed as reported.
    var duplicates: [SourceLocation: DuplicateKey]

    /// What the reference check needs from each section.
    var owners: [Owner] = []
    var audiences: [Audience] = []
    var channels: [Channel] = []
    var units: [Arsplan.Unit] = []
    var goals: [Goal] = []
    var drafts: [ActivityDraft] = []

    static let topLevelKeys = [
        "format", "plan", "calendar", "owners", "audiences", "channels", "units", "goals", "activities",
    ]
    static let planKeys = ["id", "title", "year", "timezone", "organization"]
    static let calendarKeys = ["holidays", "closed"]
    static let closedKeys = ["from", "to", "date", "name"]
    static let ownerKeys = ["name", "email", "max-per-day", "max-per-week"]
    static let audienceKeys = ["name", "max-per-day", "max-per-week"]
    static let unitKeys = ["name"]

    init(sink: DiagnosticSink, duplicates: [DuplicateKey]) {
        self.sink = sink
        self.duplicates = Dictionary(duplicates.map { ($0.location, $0) }, uniquingKeysWith: { a, _ in a })
    }

    /// Reads the whole document; the plan is meaningful only when no error was reported.
    mutating func read(_ root: Node?) -> Plan? {
        readSections(root).map { complete($0) }
    }

    /// Reads every section, without the checks across them (``complete(_:with:)``); nil
    /// when the document cannot be a plan at all.
    mutating func readSections(_ root: Node?) -> Plan? {
        let start = SourceLocation(line: 1, column: 1)
        guard let root else {
            sink.error(.missingKey, .emptyFile, at: start)
            return nil
        }
        guard case .mapping(let top) = root else {
            sink.error(.invalidType, .fileNotAMapping(found: root.found), at: location(of: root))
            return nil
        }

        // The format version first: a file in a format this reader does not know is not read further.
        if let formatNode = top.value(forKey: "format"), !formatNode.isNull {
            guard let format = integer(formatNode, for: "format") else { return nil }
            guard PlanFile.supportedFormats.contains(format) else {
                sink.error(
                    .unsupportedFormat, .unsupportedFormat(format: format), at: location(of: formatNode),
                    notes: [.formatNote])
                return nil
            }
        }

        var plan = Plan(id: "", title: "", year: 0)
        var sawPlan = false
        for entry in entries(of: top, in: .file, known: Self.topLevelKeys) {
            switch entry.key {
            case "format": break
            case "plan":
                sawPlan = true
                readPlanSection(entry, into: &plan)
            case "calendar":
                if let calendar = readCalendar(entry.value) { plan.calendar = calendar }
            case "owners": owners = readOwners(entry.value)
            case "audiences":
                audiences = readCapacityGroup(entry.value, key: "audiences", kind: .audience) {
                    Audience(id: .init($0), name: $1, capacity: $2, location: $3)
                }
            case "channels":
                channels = readCapacityGroup(entry.value, key: "channels", kind: .channel) {
                    Channel(id: .init($0), name: $1, capacity: $2, location: $3)
                }
            case "units":
                units = readNamedGroup(entry.value, key: "units", kind: .unit) {
                    Arsplan.Unit(id: .init($0), name: $1, location: $2)
                }
            case "goals":
                goals = readNamedGroup(entry.value, key: "goals", kind: .goal) {
                    Goal(id: .init($0), name: $1, location: $2)
                }
            case "activities":
                readActivities(entry.value)
            default: break
            }
        }
        if !sawPlan {
            sink.error(.missingKey, .missingPlanSection, at: location(of: root))
        }
        return plan
    }

    /// The plan read by ``readSections(_:)`` with `laterDrafts` (activities that follow the
    /// file's own, read on another core) joined and every activity checked across sections.
    mutating func complete(_ plan: Plan, with laterDrafts: [ActivityDraft] = []) -> Plan {
        var plan = plan
        drafts += laterDrafts
        checkReferences()

        plan.owners = owners
        plan.audiences = audiences
        plan.channels = channels
        plan.units = units
        plan.goals = goals
        plan.activities = drafts.map(\.activity)
        return plan
    }

    /// Reports repeated keys nobody met (inside values that were not read) and returns all diagnostics in file order.
    mutating func finish() -> [Diagnostic] {
        for duplicate in duplicates.values.sorted(by: {
            ($0.location.line, $0.location.column) < ($1.location.line, $1.location.column)
        }) {
            sink.error(
                .duplicateKey, .duplicateKey(key: duplicate.key, in: nil, first: duplicate.first), at: duplicate.location)
        }
        duplicates = [:]
        return sink.sorted()
    }

    // MARK: - plan

    private mutating func readPlanSection(_ section: Entry, into plan: inout Plan) {
        guard let mapping = mapping(section.value, for: "plan") else { return }
        var seen: Set<String> = []
        for entry in entries(of: mapping, in: .section("plan"), known: Self.planKeys) {
            seen.insert(entry.key)
            switch entry.key {
            case "id":
                if let id = identifier(entry.value, for: "plan.id") { plan.id = id }
            case "title":
                if let title = text(entry.value, for: "plan.title") { plan.title = title }
            case "year":
                guard let year = integer(entry.value, for: "plan.year") else { break }
                if (1900...2200).contains(year) {
                    plan.year = year
                } else {
                    sink.error(.invalidValue, .yearOutOfRange(year: year), at: location(of: entry.value))
                }
            case "timezone":
                if let zone = text(entry.value, for: "plan.timezone") {
                    plan.timezone = zone
                    checkTimeZone(zone, at: location(of: entry.value))
                }
            case "organization":
                plan.organization = text(entry.value, for: "plan.organization")
            default: break
            }
        }
        for key in ["id", "title", "year"]
        where !seen.contains(key) && !isWritten(key, in: mapping, known: Self.planKeys) {
            sink.error(
                .missingKey, .planHasNo(key: key),
                at: location(of: section.value.isNull ? section.keyNode : section.value))
        }
    }

    private mutating func checkTimeZone(_ zone: String, at location: SourceLocation) {
        guard TimeZone(identifier: zone) == nil else { return }
        let suggestion = closestMatch(to: zone, in: TimeZone.knownTimeZoneIdentifiers)
        sink.error(.invalidValue, .unknownTimeZone(zone: zone, suggestion: suggestion), at: location)
    }

    // MARK: - calendar

    private mutating func readCalendar(_ node: Node) -> CalendarSettings? {
        guard let mapping = mapping(node, for: "calendar") else { return nil }
        var calendar = CalendarSettings()
        for entry in entries(of: mapping, in: .section("calendar"), known: Self.calendarKeys) {
            switch entry.key {
            case "holidays":
                guard let value = text(entry.value, for: "holidays") else { break }
                if let rules = HolidayRules(rawValue: value.lowercased()) {
                    calendar.holidays = rules
                } else {
                    sink.error(
                        .invalidValue, .unknownHolidays(value: value, suggestion: suggest(value, in: ["sweden", "none"])),
                        at: location(of: entry.value))
                }
            case "closed":
                guard let items = list(entry.value, for: "closed", single: false, of: .closedPeriods) else { break }
                calendar.closed = items.compactMap { readClosedPeriod($0) }
            default: break
            }
        }
        return calendar
    }

    private mutating func readClosedPeriod(_ node: Node) -> ClosedPeriod? {
        guard case .mapping(let mapping) = node else {
            sink.error(.invalidType, .closedPeriodNotAMapping(found: node.found), at: location(of: node))
            return nil
        }
        var from: Day?
        var to: Day?
        var date: Day?
        var name = "Stängt"
        var seen: [String: Node] = [:]
        for entry in entries(of: mapping, in: .closedPeriod, known: Self.closedKeys) {
            seen[entry.key] = entry.keyNode
            switch entry.key {
            case "from": from = day(entry.value, for: "from")
            case "to": to = day(entry.value, for: "to")
            case "date": date = day(entry.value, for: "date")
            case "name": name = text(entry.value, for: "name") ?? name
            default: break
            }
        }
        let here = location(of: node)
        if let dateKey = seen["date"] {
            if seen["from"] != nil || seen["to"] != nil {
                sink.error(.invalidValue, .closedDateAndRange, at: location(of: dateKey))
                return nil
            }
            guard let date else { return nil }
            return ClosedPeriod(from: date, to: date, name: name)
        }
        switch (seen["from"], seen["to"]) {
        case (nil, nil):
            sink.error(.missingKey, .closedNeedsDates, at: here)
            return nil
        case (_?, nil):
            sink.error(.missingKey, .closedFromWithoutTo, at: here)
            return nil
        case (nil, _?):
            sink.error(.missingKey, .closedToWithoutFrom, at: here)
            return nil
        default: break
        }
        guard let from, let to else { return nil }
        guard from <= to else {
            sink.error(.invalidRange, .closedEndsBeforeStart(name: name, from: from, to: to), at: here)
            return nil
        }
        return ClosedPeriod(from: from, to: to, name: name)
    }

    // MARK: - owners, audiences, channels, units, goals

    private mutating func readOwners(_ node: Node) -> [Owner] {
        guard let mapping = mapping(node, for: "owners", hint: .section("owners")) else { return [] }
        var result: [Owner] = []
        for entry in idEntries(of: mapping, kind: .owner) {
            var owner = Owner(id: .init(entry.key), name: entry.key, location: entry.keyLocation)
            if let name = entry.value.rawText {
                owner.name = name
            } else if let fields = self.mapping(entry.value, for: entry.key, hint: .ownerFields) {
                for field in entries(of: fields, in: .entry(.owner, id: entry.key), known: Self.ownerKeys) {
                    switch field.key {
                    case "name": owner.name = text(field.value, for: "name") ?? owner.name
                    case "email":
                        guard let email = text(field.value, for: "email") else { break }
                        if email.contains("@"), !email.contains(where: \.isWhitespace) {
                            owner.email = email
                        } else {
                            sink.error(.invalidValue, .notAnEmail(text: email), at: location(of: field.value))
                        }
                    case "max-per-day": owner.capacity.maxPerDay = positiveInteger(field.value, for: "max-per-day")
                    case "max-per-week": owner.capacity.maxPerWeek = positiveInteger(field.value, for: "max-per-week")
                    default: break
                    }
                }
            }
            result.append(owner)
        }
        return result
    }

    /// Audiences and channels: a name and a capacity.
    private mutating func readCapacityGroup<T>(
        _ node: Node, key: String, kind: IDKind, make: (String, String, Capacity, SourceLocation) -> T
    ) -> [T] {
        readGroup(node, key: key, kind: kind, known: Self.audienceKeys, hint: .capacityFields, make: make)
    }

    /// Units and goals: a name only.
    private mutating func readNamedGroup<T>(
        _ node: Node, key: String, kind: IDKind, make: (String, String, SourceLocation) -> T
    ) -> [T] {
        readGroup(node, key: key, kind: kind, known: Self.unitKeys, hint: .nameField) { id, name, _, location in
            make(id, name, location)
        }
    }

    /// `id: Name` or `id: {name: …, …}` entries with the fields `known` allows.
    private mutating func readGroup<T>(
        _ node: Node, key: String, kind: IDKind, known: [String], hint: PlanHint,
        make: (String, String, Capacity, SourceLocation) -> T
    ) -> [T] {
        guard let mapping = mapping(node, for: key, hint: .section(key)) else {
            return []
        }
        var result: [T] = []
        for entry in idEntries(of: mapping, kind: kind) {
            var name = entry.key
            var capacity = Capacity()
            if let text = entry.value.rawText {
                name = text
            } else if let fields = self.mapping(entry.value, for: entry.key, hint: hint) {
                for field in entries(of: fields, in: .entry(kind, id: entry.key), known: known) {
                    switch field.key {
                    case "name": name = text(field.value, for: "name") ?? name
                    case "max-per-day": capacity.maxPerDay = positiveInteger(field.value, for: "max-per-day")
                    case "max-per-week": capacity.maxPerWeek = positiveInteger(field.value, for: "max-per-week")
                    default: break
                    }
                }
            }
            result.append(make(entry.key, name, capacity, entry.keyLocation))
        }
        return result
    }
}
