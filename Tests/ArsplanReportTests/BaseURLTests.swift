import Arsplan
import Foundation
import Testing

@testable import ArsplanReport

@Suite("--base-url")
struct BaseURLTests {
    @Test(arguments: [
        "https://intranat.example.se/arsplan/?v=1", "https://intranat.example.se/arsplan#feeds", "https://intranat.example.se/?",
        "https://x.example/a\u{1B}b/", "https://x.example/a\tb/", "https://user@x.example/", "https://x.example\\evil/",
    ])
    func aQueryFragmentOrControlCharacterIsRefusedWithAReason(url: String) throws {
        #expect(FeedIndexPage.normalizedBaseURL(url) == nil)
        let problem = try #require(FeedIndexPage.baseURLProblem(url))
        #expect(problem.hasPrefix("--base-url must "))
    }

    @Test func theReasonNamesWhatIsWrong() {
        #expect(FeedIndexPage.baseURLProblem("https://x.example/a?b")?.contains("without '?' or '#'") == true)
        #expect(FeedIndexPage.baseURLProblem("ftp://x.example/")?.contains("http:// or https://") == true)
        #expect(FeedIndexPage.baseURLProblem("https://x.example/arsplan/") == nil)
        #expect(FeedIndexPage.baseURLProblem("https://x.example/ars%20plan/") == nil)
    }
}
