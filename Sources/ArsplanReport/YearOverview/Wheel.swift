import Arsplan

/// The årshjul as values for its SVG template: sectors, ticks, labels, one mark group per
/// occurrence (or per day and ring when there are very many), and the legend.
struct Wheel {
    static let width = 1560.0
    static let height = 1040.0
    static let center = WheelPoint(x: 520, y: 520)
    static let monthLabelRadius = 490.0
    static let monthBandOuter = 512.0
    static let weekBandOuter = 472.0
    static let ringsOuter = 446.0
    static let ringsInner = 160.0
    static let gap = 8.0

    /// Colours for kinds of activity: at least 4.5:1 against white, told apart also by shape.
    static let palette = ["#1f5fa8", "#b3541e", "#2e7d32", "#b71c1c", "#6a3fa0", "#00707a", "#a01a7d", "#5b6b00", "#7a4a12", "#37474f"]
    enum Shape: Int, CaseIterable { case circle, square, diamond, triangle }
    static let shapeNames = ["cirkel", "kvadrat", "romb", "triangel"]

    /// The kinds of activity in plan order, each with its colour and shape.
    /// `activityPositions`: each occurrence's activity as its position in `plan.activities`
    /// (the first of its id), -1 for one the plan lacks (``Builder/shownActivity``).
    static func kinds(of plan: Plan, activityPositions: [Int]) -> [(name: String, colour: String, shape: Shape, count: Int)] {
        var order: [String] = []
        var seen = Set<String>()
        for activity in plan.activities {
            let kind = activity.kind ?? ""
            if seen.insert(kind).inserted { order.append(kind) }
        }
        // Counted per activity, then per kind.
        var perActivity = [Int](repeating: 0, count: plan.activities.count)
        var counts: [String: Int] = [:]
        for a in activityPositions {
            if a >= 0 { perActivity[a] += 1 } else { counts["", default: 0] += 1 }
        }
        for a in perActivity.indices where perActivity[a] > 0 { counts[plan.activities[a].kind ?? "", default: 0] += perActivity[a] }
        // Kinds without occurrences are left out of the legend; "no kind" comes last.
        let used = order.filter { (counts[$0] ?? 0) > 0 && !$0.isEmpty } + ((counts[""] ?? 0) > 0 ? [""] : [])
        return used.enumerated().map { i, kind in
            let shape = Shape(rawValue: (i / palette.count) % Shape.allCases.count)!
            return (kind.isEmpty ? "utan slag" : kind, kind.isEmpty ? "#555555" : palette[i % palette.count], shape, counts[kind] ?? 0)
        }
    }

    /// SVG path data for a mark of `shape` centred at `p` with half-size `s`.
    static func markPath(_ shape: Shape, at p: WheelPoint, size s: Double) -> String {
        let n = WheelGeometry.number
        switch shape {
        case .circle:
            return "M\(n(p.x - s)) \(n(p.y))a\(n(s)) \(n(s)) 0 1 0 \(n(2 * s)) 0a\(n(s)) \(n(s)) 0 1 0 \(n(-2 * s)) 0Z"
        case .square:
            let t = s * 0.88
            return "M\(n(p.x - t)) \(n(p.y - t))h\(n(2 * t))v\(n(2 * t))h\(n(-2 * t))Z"
        case .diamond:
            let t = s * 1.2
            return "M\(n(p.x)) \(n(p.y - t))L\(n(p.x + t)) \(n(p.y))L\(n(p.x)) \(n(p.y + t))L\(n(p.x - t)) \(n(p.y))Z"
        case .triangle:
            let t = s * 1.2
            return "M\(n(p.x)) \(n(p.y - t))L\(n(p.x + t)) \(n(p.y + t * 0.8))L\(n(p.x - t)) \(n(p.y + t * 0.8))Z"
        }
    }
}

extension Builder {
    var wheelDescription: String {
        let ringNames = layout.rings.map(\.name)
        var text = "Årshjul för \(plan.title): \(JournalText.count(shown.count, "tillfälle", "tillfällen")) under \(plan.year), "
        text +=
            "en ring per \(ringWord.singular) (\(ringNames.count)): " + ringNames.enumerated().map { "\($0 + 1) \($1)" }.joined(separator: ", ")
            + ". "
        if shown.count > overview.aggregateAbove {
            text += "Med så många tillfällen visar hjulet ett märke per dag och ring, med antalet. "
        }
        text +=
            "Lediga dagar (helgdagar och planens stängda perioder) är skrafferade. Alla tillfällen står med datum, tid och ansvarig i listan Månad för månad."
        return text
    }

    func wheelValues() -> Values {
        let g = geometry
        let n = WheelGeometry.number
        var v: Values = ["width": n(Wheel.width), "height": n(Wheel.height)]
        v["title"] = "Årshjul \(plan.year) – \(plan.title) (\(versionName.lowercased()))"
        v["description"] = wheelDescription

        // Month sectors, boundary lines and names.
        v["months"] = g.months.map { m -> Values in
            let a = g.point(angle: m.start, radius: g.innerRadius)
            let b = g.point(angle: m.start, radius: Wheel.monthBandOuter)
            let mid = (m.start + m.end) / 2
            let p = g.point(angle: mid, radius: Wheel.monthLabelRadius)
            let rotation = mid > 90 && mid < 270 ? mid + 180 : mid
            return [
                "sector": g.sectorPath(start: m.start, end: m.end, inner: g.innerRadius, outer: Wheel.monthBandOuter),
                "fill": m.month % 2 == 1 ? "#f4f6f8" : "#ffffff",
                "x1": n(a.x), "y1": n(a.y), "x2": n(b.x), "y2": n(b.y),
                "lx": n(p.x), "ly": n(p.y), "rotation": n(rotation),
                "name": Swedish.monthNames[m.month - 1].capitalizedFirst,
            ]
        }
        // Week ticks and numbers (a week cut by the year's end gets a number if three days or more of it lie in the year).
        v["weeks"] = WheelGeometry.weeks(of: plan.year).map { w -> Values in
            let start = g.angle(atStartOf: w.first)
            let end = g.angle(atStartOf: w.last.adding(days: 1))
            let a = g.point(angle: start, radius: g.outerRadius)
            let b = g.point(angle: start, radius: Wheel.weekBandOuter)
            var week: Values = ["x1": n(a.x), "y1": n(a.y), "x2": n(b.x), "y2": n(b.y), "label": false]
            if w.first.distance(to: w.last) >= 2 {
                let p = g.point(angle: (start + end) / 2, radius: (g.outerRadius + Wheel.weekBandOuter) / 2)
                week["label"] = String(w.week)
                week["lx"] = n(p.x)
                week["ly"] = n(p.y)
            }
            return week
        }
        v["ringLines"] = (0...g.ringCount).map { i -> Values in
            ["cx": n(g.center.x), "cy": n(g.center.y), "r": n(g.outerRadius - Double(i) * g.ringWidth)]
        }
        v["ringNumbers"] = (0..<g.ringCount).map { i -> Values in
            let r = g.ring(i)
            let p = g.point(angle: 0, radius: (r.inner + r.outer) / 2)
            return ["x": n(p.x), "y": n(p.y), "number": String(i + 1)]
        }
        v["daysOff"] = daysOffSpans().compactMap { span -> Values? in
            guard let s = g.span(from: span.first, through: span.last) else { return nil }
            let when = span.first == span.last ? Swedish.shortDate(span.first) : "\(Swedish.shortDate(span.first))–\(Swedish.shortDate(span.last))"
            return [
                "d": g.sectorPath(start: s.start, end: s.end, inner: g.innerRadius, outer: g.outerRadius),
                "label": "\(span.name), \(when) (ledig dag)",
            ]
        }
        if let range = overview.range {
            var outside: [Values] = []
            if range.lowerBound > g.firstDay, let s = g.span(from: g.firstDay, through: range.lowerBound.adding(days: -1)) {
                outside.append(["d": g.sectorPath(start: s.start, end: s.end, inner: g.innerRadius, outer: g.outerRadius)])
            }
            if range.upperBound < g.lastDay, let s = g.span(from: range.upperBound.adding(days: 1), through: g.lastDay) {
                outside.append(["d": g.sectorPath(start: s.start, end: s.end, inner: g.innerRadius, outer: g.outerRadius)])
            }
            v["outside"] = outside
        }

        // Marks.
        let kinds = Wheel.kinds(of: plan, activityPositions: shownActivity)
        var style: [String: (colour: String, shape: Wheel.Shape)] = [:]
        for k in kinds { style[k.name] = (k.colour, k.shape) }
        func styleOf(_ activity: Activity?) -> (colour: String, shape: Wheel.Shape) {
            let kind = activity?.kind ?? ""
            return style[kind.isEmpty ? "utan slag" : kind] ?? ("#555555", .circle)
        }
        // Those `g.span(from:through:)` gives a span for (its guard), without working out angles.
        let (yearFirst, yearLast) = (g.firstDay, g.lastDay)
        let inYear = shown.indices.filter { i in
            let (first, last) = (shown[i].timing.firstDay, shown[i].timing.lastDay)
            return first <= last && last >= yearFirst && first <= yearLast
        }
        if inYear.count > overview.aggregateAbove {
            v["aggregates"] = aggregateValues(inYear, ringsOf: layout.ringsOf)
        } else {
            let placed = markValues(inYear.map { shown[$0] }, ringsOf: layout.ringsOf, styleOf: styleOf)
            v["marks"] = placed.marks
            v["was"] = placed.was
        }

        if let today = overview.today, today >= g.firstDay, today <= g.lastDay {
            let angle = g.angle(middleOf: today)
            let a = g.point(angle: angle, radius: g.innerRadius - 6)
            let b = g.point(angle: angle, radius: g.outerRadius + 4)
            let t = g.point(angle: angle, radius: g.innerRadius - 20)
            v["today"] =
                [
                    "x1": n(a.x), "y1": n(a.y), "x2": n(b.x), "y2": n(b.y), "tx": n(t.x), "ty": n(t.y), "label": "I dag",
                    "title": "I dag: \(Swedish.longDate(today))",
                ] as Values
        }

        // The centre: title in lines, year, version.
        var centre: [Values] = []
        let lines = wrap(plan.organization ?? plan.title, width: 22)
        var y = g.center.y - 40 - Double(lines.count - 1) * 11
        for line in lines {
            centre.append(["x": n(g.center.x), "y": n(y), "size": "17", "text": line])
            y += 22
        }
        centre.append(["x": n(g.center.x), "y": n(y + 38), "size": "52", "bold": true, "text": String(plan.year)])
        centre.append(["x": n(g.center.x), "y": n(y + 72), "size": "15", "text": versionName])
        if overview.version == .approved, let a = overview.approval {
            centre.append(["x": n(g.center.x), "y": n(y + 92), "size": "13", "text": "fastställd \(localDate(a.at).prefix(10))"])
        } else if let latest = overview.latestEntry {
            centre.append(["x": n(g.center.x), "y": n(y + 92), "size": "13", "text": "per \(localDate(latest).prefix(10))"])
        }
        v["centreLines"] = centre

        // The legend, right of the wheel.
        let x = 1060.0
        var headings: [Values] = []
        var ly = 40.0
        headings.append(["x": n(x), "y": n(ly), "text": ringWord.heading])
        ly += 24
        v["legendRings"] = layout.rings.enumerated().map { i, ring -> Values in
            defer { ly += 19 }
            var name = ring.name
            if name.count > 58 { name = String(name.prefix(57)) + "…" }
            return ["x": n(x), "y": n(ly), "number": String(i + 1), "name": name]
        }
        ly += 16
        headings.append(["x": n(x), "y": n(ly), "text": "Slag av aktivitet (antal tillfällen)"])
        ly += 22
        let columns = kinds.count > 14 ? 2 : 1
        let perColumn = (kinds.count + columns - 1) / max(1, columns)
        let kindsTop = ly
        v["legendKinds"] = kinds.enumerated().map { i, k -> Values in
            let column = Double(i / max(1, perColumn))
            let row = Double(i % max(1, perColumn))
            let cx = x + 7 + column * 240
            let cy = kindsTop + row * 19 - 4
            var name = k.name
            if name.count > 24 { name = String(name.prefix(23)) + "…" }
            return [
                "d": Wheel.markPath(k.shape, at: WheelPoint(x: cx, y: cy), size: 5.5), "colour": k.colour,
                "tx": n(cx + 13), "ty": n(cy + 4.5), "name": name, "count": String(k.count),
            ]
        }
        ly = kindsTop + Double(perColumn) * 19 + 14
        headings.append(["x": n(x), "y": n(ly), "text": "Tecken"])
        ly += 22
        var symbols: [Values] = []
        func symbol(
            _ text: String, fill: String, stroke: String, width: String = "1.4", dash: Bool = false, extra: ((WheelPoint) -> String)? = nil,
            shape: ((WheelPoint) -> String)? = nil
        ) {
            let p = WheelPoint(x: x + 7, y: ly - 4)
            var s: Values = [
                "d": shape?(p) ?? Wheel.markPath(.circle, at: p, size: 5.5), "fill": fill, "stroke": stroke, "strokeWidth": width,
                "tx": n(x + 20), "ty": n(ly + 0.5), "text": text,
            ]
            if dash { s["dash"] = true }
            if let extra { s["extra"] = extra(p) }
            symbols.append(s)
            ly += 21
        }
        symbol("ett tillfälle (färg och form: slag av aktivitet)", fill: "#1f5fa8", stroke: "#1f5fa8")
        symbol("aktivitet över flera dagar (båge)", fill: "#1f5fa8", stroke: "none", shape: { p in "M\(n(p.x - 7)) \(n(p.y - 3))h14v6h-14Z" })
        if overview.version == .current && overview.deviations != nil {
            symbol("fastställt läge för ett flyttat tillfälle", fill: "#ffffff", stroke: "#1f5fa8", width: "1.6", dash: true)
            symbol(
                "ny sedan fastställelsen (svart ring)", fill: "#1f5fa8", stroke: "#1f5fa8", extra: { p in Wheel.markPath(.circle, at: p, size: 8.5) })
        }
        symbol(
            "inställd (överstruken, ofylld)", fill: "#ffffff", stroke: "#1f5fa8",
            extra: { p in "M\(n(p.x - 7)) \(n(p.y + 7))L\(n(p.x + 7)) \(n(p.y - 7))" })
        symbol(
            "ledig dag: helgdag eller stängt (skrafferad)", fill: "url(#ledig-dag)", stroke: "#9a9a9a", width: "0.8",
            shape: { p in "M\(n(p.x - 6)) \(n(p.y - 6))h12v12h-12Z" })
        if v["today"] != nil {
            symbol("i dag", fill: "#000000", stroke: "#000000", width: "2.2", shape: { p in "M\(n(p.x)) \(n(p.y - 7))v14" })
        }
        if shown.count > overview.aggregateAbove {
            symbol("tillfällen samma dag i ringen (större: fler)", fill: "#1f5fa8", stroke: "#0d2f57", width: "0.6")
        }
        v["legendSymbols"] = symbols
        v["legendHeadings"] = headings
        return v
    }

    /// One group per occurrence: its mark in every ring it belongs to, a band for several days.
    func markValues(
        _ occurrences: [Occurrence], ringsOf: (Occurrence, Activity?) -> [Int], styleOf: (Activity?) -> (colour: String, shape: Wheel.Shape)
    ) -> (marks: [Values], was: [Values]) {
        let g = geometry
        let n = WheelGeometry.number
        // How many marks share a day in a ring, so they can stand side by side across it.
        var slots: [Int: Int] = [:]
        var placements: [[(ring: Int, slot: Int)]] = []
        placements.reserveCapacity(occurrences.count)
        for occurrence in occurrences {
            let rings = ringsOf(occurrence, activities[occurrence.activity])
            let day = max(occurrence.timing.firstDay, g.firstDay).dayNumber
            placements.append(
                rings.map { ring in
                    let key = day * 64 + ring
                    defer { slots[key, default: 0] += 1 }
                    return (ring, slots[key] ?? 0)
                })
        }
        var marks: [Values] = []
        var was: [Values] = []
        let width = g.ringWidth
        for (occurrence, placement) in zip(occurrences, placements) {
            let activity = activities[occurrence.activity]
            let (colour, shape) = styleOf(activity)
            let span = g.span(from: occurrence.timing.firstDay, through: occurrence.timing.lastDay)!
            let day = max(occurrence.timing.firstDay, g.firstDay)
            let angle = g.angle(middleOf: day)
            var paths: [String] = []
            var arcs: [String] = []
            var rings: [String] = []
            var strikes: [String] = []
            let deviation = deviationByUID[occurrence.uid]
            for (ring, slot) in placement {
                let r = g.ring(ring)
                let shared = slots[day.dayNumber * 64 + ring] ?? 1
                let radius = r.outer - width * (Double(slot) + 0.5) / Double(shared)
                let size = min(5.2, max(2.2, width / Double(shared) * 0.42))
                let p = g.point(angle: angle, radius: radius)
                paths.append(Wheel.markPath(shape, at: p, size: size))
                if span.end - span.start > g.degreesPerDay * 1.5 {
                    let half = min(width * 0.18, 3.5)
                    arcs.append(g.sectorPath(start: span.start, end: span.end, inner: radius - half, outer: radius + half))
                }
                if deviation?.kinds.contains(.added) == true { rings.append(Wheel.markPath(.circle, at: p, size: size + 3)) }
                if occurrence.status == .cancelled {
                    strikes.append("M\(n(p.x - size - 2)) \(n(p.y + size + 2))L\(n(p.x + size + 2)) \(n(p.y - size - 2))")
                }
                if let deviation, deviation.kinds.contains(.moved), let approved = deviation.approved,
                    let old = g.span(from: approved.timing.firstDay, through: approved.timing.firstDay)
                {
                    let q = g.point(angle: (old.start + old.end) / 2, radius: radius)
                    was.append([
                        "d": Wheel.markPath(.circle, at: q, size: size), "colour": colour,
                        "label":
                            "Fastställt läge: \(label(occurrence)), \(JournalText.timing(approved.timing)) – flyttad till \(JournalText.timing(occurrence.timing))",
                    ])
                }
            }
            var title = "\(label(occurrence)) – \(JournalText.timing(occurrence.timing)), \(ownerName(occurrence.owner))"
            if let kind = activity?.kind { title += " [\(kind)]" }
            if occurrence.status == .cancelled { title += " – INSTÄLLD" }
            if let deviation {
                if deviation.kinds.contains(.added) { title += " – ny sedan fastställelsen" }
                if deviation.kinds.contains(.moved), let approved = deviation.approved {
                    title += " – flyttad, fastställt \(JournalText.timing(approved.timing))"
                }
            }
            var mark: Values = [
                "cls": Text("occ"), "uid": Text(occurrence.uid), "label": Text(title), "colour": Text(colour),
                "fill": Text(occurrence.status == .cancelled ? "#ffffff" : colour), "d": Text(paths.joined()),
                "arc": false, "isNew": false, "strike": false,
            ]
            if !arcs.isEmpty { mark["arc"] = Text(arcs.joined()) }
            if !rings.isEmpty {
                mark["isNew"] = true
                mark["ring"] = Text(rings.joined())
            }
            if !strikes.isEmpty { mark["strike"] = Text(strikes.joined()) }
            marks.append(mark)
        }
        return (marks, was)
    }

    /// One circle per day and ring with the number of occurrences, for very large plans.
    /// `indices`: the occurrences (in `shown`) to count, in order.
    ///
    /// Each activity's rings are worked out once (per occurrence only for rings of owners), and
    /// the counts kept in a table by key (day number × 64 + ring) from the smallest key to the
    /// largest, in place of dictionaries: the same keys in the same order.
    func aggregateValues(_ indices: [Int], ringsOf: (Occurrence, Activity?) -> [Int]) -> [Values] {
        let g = geometry
        let n = WheelGeometry.number
        let perActivity = overview.rings != .owners
        var ringsOfActivity = [[Int]?](repeating: nil, count: plan.activities.count)
        var keys: [(occurrence: Int, key: Int)] = []
        keys.reserveCapacity(indices.count)
        for i in indices {
            let a = shownActivity[i]
            let rings: [Int]
            if perActivity, a >= 0, let known = ringsOfActivity[a] {
                rings = known
            } else {
                rings = ringsOf(shown[i], a >= 0 ? plan.activities[a] : nil)
                if perActivity, a >= 0 { ringsOfActivity[a] = rings }
            }
            let day = max(shown[i].timing.firstDay, g.firstDay).dayNumber
            for ring in rings { keys.append((i, day * 64 + ring)) }
        }
        guard let lowest = keys.lazy.map(\.key).min(), let highest = keys.lazy.map(\.key).max() else { return [] }
        var counts = [Int](repeating: 0, count: highest - lowest + 1)
        var firstTitles = [[String]](repeating: [], count: highest - lowest + 1)
        for (i, key) in keys {
            counts[key - lowest] += 1
            if firstTitles[key - lowest].count < 5 { firstTitles[key - lowest].append(label(shown[i])) }
        }
        let peak = Double(counts.max() ?? 1)
        return counts.indices.filter { counts[$0] > 0 }.map { slot in
            let key = lowest + slot
            let day = Day(dayNumber: key / 64)
            let ring = key % 64
            let count = counts[slot]
            let r = g.ring(ring)
            let p = g.point(angle: g.angle(middleOf: day), radius: (r.inner + r.outer) / 2)
            let size = 1.2 + min(g.ringWidth * 0.45, 6) * (Double(count) / peak).squareRoot()
            var title =
                "\(Swedish.shortDate(day)): \(JournalText.count(count, "tillfälle", "tillfällen")) – " + firstTitles[slot].joined(separator: "; ")
            if count > 5 { title += " …" }
            return ["cx": n(p.x), "cy": n(p.y), "r": n(size), "count": String(count), "label": title]
        }
    }

    /// The year's days off (holidays and closed days; weekends are not shaded), joined into
    /// spans where only a weekend lies between days of the same name.
    func daysOffSpans() -> [(first: Day, last: Day, name: String)] {
        var spans: [(first: Day, last: Day, name: String)] = []
        for off in calendar.daysOff(in: plan.year) {
            if let last = spans.last, last.name == off.name, last.last.distance(to: off.day) <= 3,
                (1..<last.last.distance(to: off.day)).allSatisfy({ last.last.adding(days: $0).isWeekend })
            {
                spans[spans.count - 1].last = off.day
            } else {
                spans.append((off.day, off.day, off.name))
            }
        }
        return spans
    }

    /// Words in lines of at most `width` characters.
    func wrap(_ text: String, width: Int) -> [String] {
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ") {
            if !line.isEmpty && line.count + 1 + word.count > width {
                lines.append(line)
                line = ""
            }
            line += (line.isEmpty ? "" : " ") + word
        }
        if !line.isEmpty { lines.append(line) }
        return Array(lines.prefix(3))
    }
}
