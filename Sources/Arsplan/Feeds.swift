/// What a subscription feed collects: everything, or one target group, owner, channel or unit.
public enum FeedSubject: Hashable, Sendable {
    case all
    case audience(Audience.ID)
    case owner(Owner.ID)
    case channel(Channel.ID)
    case unit(Unit.ID)

    /// The file-name prefix: `alla`, `malgrupp`, `agare`, `kanal`, `enhet`.
    public var fileNamePrefix: String {
        switch self {
        case .all: return "alla"
        case .audience: return "malgrupp"
        case .owner: return "agare"
        case .channel: return "kanal"
        case .unit: return "enhet"
        }
    }
}

/// One subscription feed of a schedule: its file name, its names for people, and which
/// occurrences it holds. Pure data: the iCalendar writer renders it, the index page lists it.
public struct FeedDefinition: Hashable, Sendable {
    public var subject: FeedSubject
    /// `alla.ics`, `malgrupp-medarbetare.ics`, … — safe as one path component.
    public var fileName: String
    /// The name of what the feed is about ("Medarbetare"); the plan's title for `alla.ics`.
    public var subjectName: String
    /// The calendar's name in clients (`NAME`, `X-WR-CALNAME`):
    /// "Kommunikationsplan Serviceförvaltningen 2027 – målgrupp Medarbetare".
    public var calendarName: String
    /// What the feed holds, one sentence: "Aktiviteter för målgruppen Medarbetare."
    public var contents: String
    /// `DESCRIPTION`/`X-WR-CALDESC`: the calendar's name, its contents, and that it follows the plan.
    public var calendarDescription: String
    /// Positions in `Schedule.occurrences`, in schedule order.
    public var occurrenceIndices: [Int]

    public init(
        subject: FeedSubject, fileName: String, subjectName: String, calendarName: String, contents: String,
        calendarDescription: String, occurrenceIndices: [Int]
    ) {
        self.contents = contents
        self.subject = subject
        self.fileName = fileName
        self.subjectName = subjectName
        self.calendarName = calendarName
        self.calendarDescription = calendarDescription
        self.occurrenceIndices = occurrenceIndices
    }
}

extension Schedule {
    /// The feeds a schedule is published as, in a fixed order: `alla.ics`, then one per
    /// declared target group, owner, channel and unit (each in plan order), empty ones included.
    ///
    /// Cancelled occurrences are left out unless `keepCancelled` is set (a subscribed calendar
    /// mirrors the feed, so a removed event disappears on the next refresh).
    /// `baseName` replaces the plan's title at the start of every calendar name.
    public func feedDefinitions(keepCancelled: Bool = false, baseName: String? = nil) -> [FeedDefinition] {
        let base = baseName ?? plan.title
        // Every owner, target group, channel and unit numbered once, and each activity's
        // (distinct) groups, channels and unit by those numbers: per occurrence, appending
        // its position to a feed's list is then all that is left.
        var numbers: [String: Int] = [:]
        var members: [[Int]] = []
        func number(_ kind: Character, _ id: String) -> Int {
            let key = "\(kind)\(id)"
            if let n = numbers[key] { return n }
            numbers[key] = members.count
            members.append([])
            return members.count - 1
        }
        var activityPosition: [Activity.ID: Int] = [:]
        var activityFeeds: [(shared: [Int], owner: Owner.ID?, ownerFeed: Int?)] = []
        for i in plan.activities.indices where activityPosition[plan.activities[i].id] == nil {
            activityPosition[plan.activities[i].id] = activityFeeds.count
            var shared: [Int] = []
            for audience in plan.activities[i].audiences {
                let n = number("a", audience.rawValue)
                if !shared.contains(n) { shared.append(n) }
            }
            for channel in plan.activities[i].channels {
                let n = number("c", channel.rawValue)
                if !shared.contains(n) { shared.append(n) }
            }
            if let unit = plan.activities[i].unit { shared.append(number("u", unit.rawValue)) }
            let owner = plan.activities[i].owner
            activityFeeds.append((shared, owner, owner.map { number("o", $0.rawValue) }))
        }

        var all: [Int] = []
        all.reserveCapacity(occurrences.count)
        for index in occurrences.indices {
            if occurrences[index].status == .cancelled && !keepCancelled { continue }
            all.append(index)
            let owner = occurrences[index].owner
            guard let position = activityPosition[occurrences[index].activity] else {
                if let owner { members[number("o", owner.rawValue)].append(index) }
                continue
            }
            // An occurrence handed to another owner goes to that owner's feed.
            if let owner {
                let ownerFeed = owner == activityFeeds[position].owner ? activityFeeds[position].ownerFeed! : number("o", owner.rawValue)
                members[ownerFeed].append(index)
            }
            for n in activityFeeds[position].shared { members[n].append(index) }
        }
        func indices(_ kind: Character, _ id: String) -> [Int] {
            numbers["\(kind)\(id)"].map { members[$0] } ?? []
        }

        var usedNames: Set<String> = []
        func uniqueFileName(_ subject: FeedSubject, _ id: String?) -> String {
            let stem = id.map { "\(subject.fileNamePrefix)-\(Self.fileNameStem($0))" } ?? subject.fileNamePrefix
            var name = "\(stem).ics"
            // Only two ids whose hashes agree in 32 bits get here; ids are unique per kind.
            var counter = 2
            while usedNames.contains(name) {
                name = "\(stem)-\(counter).ics"
                counter += 1
            }
            usedNames.insert(name)
            return name
        }
        func feed(_ subject: FeedSubject, id: String?, name: String, indices: [Int]) -> FeedDefinition {
            let calendarName: String
            let contents: String
            switch subject {
            case .all:
                calendarName = base
                contents = "Alla aktiviteter i årsplanen."
            case .audience:
                calendarName = "\(base) – målgrupp \(name)"
                contents = "Aktiviteter för målgruppen \(name)."
            case .owner:
                calendarName = "\(base) – ansvarig \(name)"
                contents = "Aktiviteter som \(name) är ansvarig för."
            case .channel:
                calendarName = "\(base) – kanal \(name)"
                contents = "Aktiviteter i kanalen \(name)."
            case .unit:
                calendarName = "\(base) – verksamhetsområde \(name)"
                contents = "Aktiviteter för verksamhetsområdet \(name)."
            }
            return FeedDefinition(
                subject: subject, fileName: uniqueFileName(subject, id), subjectName: name,
                calendarName: calendarName, contents: contents,
                calendarDescription: "\(calendarName). \(contents) Kalendern följer planen och uppdateras när den ändras.",
                occurrenceIndices: indices)
        }

        var feeds = [feed(.all, id: nil, name: plan.title, indices: all)]
        for audience in plan.audiences {
            feeds.append(feed(.audience(audience.id), id: audience.id.rawValue, name: audience.name, indices: indices("a", audience.id.rawValue)))
        }
        for owner in plan.owners {
            feeds.append(feed(.owner(owner.id), id: owner.id.rawValue, name: owner.name, indices: indices("o", owner.id.rawValue)))
        }
        for channel in plan.channels {
            feeds.append(feed(.channel(channel.id), id: channel.id.rawValue, name: channel.name, indices: indices("c", channel.id.rawValue)))
        }
        for unit in plan.units {
            feeds.append(feed(.unit(unit.id), id: unit.id.rawValue, name: unit.name, indices: indices("u", unit.id.rawValue)))
        }
        return feeds
    }

    /// The part of a feed's file name an identifier gives, from the identifier alone — never
    /// from which other ids the plan has — so a subscriber's address stays the same when
    /// owners, target groups, channels or units are added or removed.
    ///
    /// An id that already is a safe lower-case component (`anna`, `chef-it`) is used as it is.
    /// Any other id (`Anna`, `Lön & pension`, `åäö`) is made one by ``fileNameComponent(_:)``
    /// and gets `.` and the first 8 hex digits of the SHA-256 of its own UTF-8 bytes:
    /// `Anna` → `anna.<hash>`. Since a safe component never holds a `.`, `Anna` and `anna` — or
    /// `Lön & pension` and `lon-pension` — can never share a name, on any file system, case
    /// sensitive or not.
    static func fileNameStem(_ id: String) -> String {
        let component = fileNameComponent(id)
        if component == id { return component }
        let digest = ContentHash.sha256(text: id)
        let hex = digest.hasPrefix("sha256:") ? digest.dropFirst("sha256:".count) : Substring(digest)
        return "\(component).\(hex.prefix(8))"
    }

    /// An identifier as one safe, lower-case file-name component: å/ä/ö become a/a/o, and any
    /// character other than a–z, 0–9, `-` and `_` becomes `-` ("Lön & pension" → "lon-pension").
    static func fileNameComponent(_ id: String) -> String {
        var result = ""
        var lastWasDash = false
        for scalar in id.lowercased().unicodeScalars {
            let mapped: Character?
            switch scalar {
            case "a"..."z", "0"..."9", "_": mapped = Character(scalar)
            case "å", "ä", "à", "á", "â": mapped = "a"
            case "ö", "ø", "ó", "ò", "ô": mapped = "o"
            case "é", "è", "ê", "ë": mapped = "e"
            case "ü", "ú", "ù": mapped = "u"
            default: mapped = nil
            }
            if let mapped {
                result.append(mapped)
                lastWasDash = false
            } else if !lastWasDash && !result.isEmpty {
                result.append("-")
                lastWasDash = true
            }
        }
        while result.hasSuffix("-") { result.removeLast() }
        return result.isEmpty ? "x" : result
    }
}
