import Arsplan
import Foundation
import Testing

@testable import ArsplanReport

func isoDay(_ text: String) -> Day { Day(iso: text)! }

/// A plan whose texts are attacks: formulas, line breaks, HTML, links, terminal escapes.
func hostilePlan(title: String, owner: String = "Anna Berg") -> Plan {
    Plan(
        id: "p", title: "Plan \u{1B}[2J", year: 2027, owners: [Owner(id: "anna", name: owner)],
        activities: [
            Activity(id: "namnd", title: title, kind: "=1+1", owner: "anna", placement: .dates([isoDay("2027-03-23"), isoDay("2027-04-20")])),
            Activity(id: "blad", title: "Informationsblad", owner: "anna", placement: .date(isoDay("2027-05-04"))),
        ])
}
