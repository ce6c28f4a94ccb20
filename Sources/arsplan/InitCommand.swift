import ArgumentParser
import Arsplan
import ArsplanPlanFile
import ArsplanWorkspace

struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: tr(.initAbstract),
        discussion: tr(.initDiscussion))

    @Argument(help: ArgumentHelp(tr(.initPlan)), completion: .file(extensions: ["yaml", "yml"]))
    var plan: String

    @Option(help: ArgumentHelp(tr(.initID), valueName: "id"))
    var id: String

    @Option(help: ArgumentHelp(tr(.initTitle), valueName: "text"))
    var title: String

    @Option(help: ArgumentHelp(tr(.initYear), valueName: "YYYY"))
    var year: Int

    @Option(help: ArgumentHelp(tr(.initOrganization), valueName: "name"))
    var organization: String?

    func validate() throws {
        if !StarterPlan.isValidID(id) { throw ValidationError(tr(.initInvalidID(id: id))) }
        if !PlanLimits.years.contains(year) { throw ValidationError(tr(.yearOutOfRange(year: year))) }
        if !StarterPlan.isValidName(title) { throw ValidationError(tr(.initInvalidName(option: "--title"))) }
        if let organization, !StarterPlan.isValidName(organization) { throw ValidationError(tr(.initInvalidName(option: "--organization"))) }
    }

    func run() throws {
        let text = StarterPlan.text(id: id, title: title, year: year, organization: organization)
        do throws(NewFileError) {
            try Workspace().createFile(plan, bytes: Array(text.utf8))
        } catch {
            switch error {
            case .exists(let path): Terminal.error(tr(.initFileExists(path: path)))
            case .cannotWrite(let path, let reason): Terminal.error(tr(.cannotWrite(path: path, reason: reason)))
            }
            throw ExitCode(1)
        }
        Terminal.output(tr(.initWritten(path: plan)) + "\n")
    }
}
