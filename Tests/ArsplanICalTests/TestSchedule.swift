import Arsplan

/// A hand-built schedule with the edge cases feeds must survive: winter and summer times,
/// both DST-change weekends of 2027, an evening across midnight, the year's last day,
/// Swedish letters, a title long enough to fold inside UTF-8 sequences, an attempt to
/// inject iCalendar structure, cancelled and tentative occurrences, a revised occurrence,
/// and a target group, owner, channel and unit with nothing in them.
enum TestSchedule {
    static let longTitle =
        "Årets stora medarbetarträff för löne- och pensionsadministrationen, ekonomiadministrationen, "
        + "koncernupphandlingen, Kontaktcenter Stockholm och IT-service – välkomna till en dag om öppenhet, "
        + "målgrupper och ständiga förbättringar"
    static let injectionTitle = "Nyhetsbrev\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nUID:evil@example.com\nSUMMARY:pwned"
    static let injectionDescription = "Rad ett\nEND:VEVENT\r\nBEGIN:VALARM\rTRIGGER:-PT5M\u{0}slut; med, tecken \\ här"

    static let plan = Plan(
        id: "sf-test",
        title: "Kommunikationsplan Serviceförvaltningen 2027",
        year: 2027,
        organization: "Serviceförvaltningen",
        owners: [
            Owner(id: "anna", name: "Anna Berg", email: "anna.berg@example.se"),
            Owner(id: "goran", name: "Göran Öst"),
            Owner(id: "ledig", name: "Ingen Aktivitet"),
        ],
        audiences: [
            Audience(id: "medarbetare", name: "Medarbetare"),
            Audience(id: "kunder", name: "Kunder och beställare"),
            Audience(id: "ledning", name: "Chefer, ledning; alla"),
            Audience(id: "tom", name: "Företagare"),
        ],
        channels: [
            Channel(id: "intranat", name: "Intranät"),
            Channel(id: "mote", name: "Möte, APT"),
            Channel(id: "tryck", name: "Trycksaker"),
        ],
        units: [
            Unit(id: "kc", name: "Kontaktcenter Stockholm"),
            Unit(id: "it", name: "IT-service"),
        ],
        goals: [Goal(id: "aktiv", name: "Kommunikationen är aktiv, tillgänglig och trovärdig")],
        activities: [
            Activity(
                id: "namnd", title: "Servicenämndens sammanträde", kind: "nämndmöte", owner: "goran",
                audiences: ["ledning"], channels: ["mote"],
                placement: .dates([Day(year: 2027, month: 1, day: 20)!, Day(year: 2027, month: 6, day: 16)!]),
                time: TimeOfDay(hour: 17, minute: 0), duration: .minutes(120)),
            Activity(
                id: "protokoll", title: "Protokoll publiceras", kind: "nämnd", owner: "anna",
                audiences: ["medarbetare", "kunder"], channels: ["intranat"], unit: "kc", goals: ["aktiv"],
                description: "Protokollet läggs ut på intranätet.",
                placement: .relative(
                    after: [DependencyOffset(reference: ActivityReference(activity: "namnd"), amount: 2)], before: nil),
                forEach: "namnd"),
            Activity(
                id: "temadag", title: "Temadag: våren är här – åäö ÅÄÖ", kind: "temadag", owner: "anna",
                audiences: ["medarbetare"], channels: ["mote"], unit: "it",
                placement: .date(Day(year: 2027, month: 3, day: 28)!), time: TimeOfDay(hour: 10, minute: 0),
                duration: .minutes(60)),
            Activity(
                id: "natt-drift", title: "Driftfönster över sommartidsomställningen", kind: "drift", owner: "goran",
                audiences: ["kunder"], channels: ["intranat"], unit: "it",
                placement: .date(Day(year: 2027, month: 3, day: 27)!), time: TimeOfDay(hour: 22, minute: 0),
                duration: .minutes(300)),
            Activity(
                id: "hostdrift", title: "Driftfönster efter vintertid", kind: "drift", owner: "goran",
                audiences: ["kunder"], channels: ["intranat"], unit: "it",
                placement: .date(Day(year: 2027, month: 10, day: 31)!), time: TimeOfDay(hour: 10, minute: 0),
                duration: .minutes(90)),
            Activity(
                id: "fest", title: "Personalfest", kind: "friskvård", owner: "anna", audiences: ["medarbetare"],
                placement: .date(Day(year: 2027, month: 9, day: 10)!), time: TimeOfDay(hour: 22, minute: 30),
                duration: .minutes(180)),
            Activity(
                id: "nyar", title: "Årskrönika publiceras", kind: "nyhetsbrev", owner: "anna",
                audiences: ["medarbetare", "kunder"], channels: ["intranat", "tryck"],
                placement: .date(Day(year: 2027, month: 12, day: 31)!)),
            Activity(
                id: "enkat", title: "Medarbetarenkät (NMI)", kind: "enkät", owner: "anna", audiences: ["medarbetare"],
                channels: ["intranat"], placement: .date(Day(year: 2027, month: 9, day: 13)!), duration: .weeks(3)),
            Activity(
                id: "lang", title: longTitle, kind: "chefsseminarium", owner: "anna", audiences: ["medarbetare"],
                channels: ["mote"], placement: .date(Day(year: 2027, month: 5, day: 11)!),
                time: TimeOfDay(hour: 9, minute: 0), duration: .minutes(480)),
            Activity(
                id: "inject", title: injectionTitle, kind: "nyhetsbrev", owner: "anna", audiences: ["medarbetare"],
                channels: ["intranat"], description: injectionDescription,
                placement: .recurrence(
                    Recurrence(frequency: .months(1), on: .nthWeekday(1, .tuesday), exceptMonths: [7]))),
            Activity(
                id: "installt", title: "Öppet hus", kind: "öppet hus", owner: "goran", audiences: ["kunder"],
                channels: ["mote"], placement: .date(Day(year: 2027, month: 4, day: 14)!)),
            Activity(
                id: "prel", title: "Kundmöte", kind: "kundmöte", owner: "goran", audiences: ["kunder"],
                channels: ["mote"], placement: .date(Day(year: 2027, month: 11, day: 17)!), status: .tentative),
        ])

    static func day(_ m: Int, _ d: Int) -> Day { Day(year: 2027, month: m, day: d)! }
    static func at(_ m: Int, _ d: Int, _ h: Int, _ min: Int = 0) -> LocalDateTime {
        LocalDateTime(day: day(m, d), time: TimeOfDay(hour: h, minute: min)!)
    }

    static func occurrence(
        _ activity: Activity.ID, _ index: Int, _ timing: OccurrenceTiming, status: OccurrenceStatus = .planned,
        owner: Owner.ID? = nil, sequence: Int = 0, lastModified: Timestamp? = nil
    ) -> Occurrence {
        let owner = owner ?? plan.activity(activity)?.owner
        return Occurrence(
            uid: "sf-test-\(activity)-\(index)", activity: activity, index: index, timing: timing, status: status,
            owner: owner, sequence: sequence, lastModified: lastModified)
    }

    /// 2027-02-10T08:30:00Z.
    static let revised = Timestamp(secondsSince1970: Day(year: 2027, month: 2, day: 10)!.dayNumber * 86_400 + 8 * 3600 + 1800)

    static let occurrences: [Occurrence] = [
        occurrence("namnd", 1, .timed(start: at(1, 20, 17), end: at(1, 20, 19))),
        occurrence("protokoll", 1, .allDay(first: day(1, 22), last: day(1, 22))),
        occurrence("inject", 1, .allDay(first: day(2, 2), last: day(2, 2))),
        occurrence("natt-drift", 1, .timed(start: at(3, 27, 22), end: at(3, 28, 3))),
        occurrence("temadag", 1, .timed(start: at(3, 28, 10), end: at(3, 28, 11)), sequence: 3, lastModified: revised),
        occurrence("installt", 1, .allDay(first: day(4, 14), last: day(4, 14)), status: .cancelled, sequence: 1),
        occurrence("lang", 1, .timed(start: at(5, 11, 9), end: at(5, 11, 17))),
        occurrence("namnd", 2, .timed(start: at(6, 16, 17), end: at(6, 16, 19))),
        occurrence("protokoll", 2, .allDay(first: day(6, 18), last: day(6, 18))),
        occurrence("fest", 1, .timed(start: at(9, 10, 22, 30), end: at(9, 11, 1, 30))),
        occurrence("enkat", 1, .allDay(first: day(9, 13), last: day(10, 1))),
        occurrence("hostdrift", 1, .timed(start: at(10, 31, 10), end: at(10, 31, 11, 30))),
        occurrence("prel", 1, .allDay(first: day(11, 17), last: day(11, 17)), status: .tentative),
        occurrence("nyar", 1, .allDay(first: day(12, 31), last: day(12, 31))),
    ]

    static let schedule = Schedule(plan: plan, occurrences: occurrences, conflicts: [])
}
