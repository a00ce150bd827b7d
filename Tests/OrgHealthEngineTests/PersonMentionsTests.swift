import OrgHealthEngine
import OrgHealthKit
import Testing

@Suite("Organization audience: finding people in text")
struct PersonMentionsTests {
    let mentions = PersonMentions(identities: ["E12", "Ana Lopez", "ana.lopez@example.com", " "])

    @Test("a name, an e-mail or an id is found as a whole word", arguments: [
        "Calibration: Ana Lopez (E12) rates more severely.", "(E12)", "E12", "mail ana.lopez@example.com now",
        "Ana Lopez",
    ])
    func found(text: String) {
        #expect(mentions.mentionsSomeone(text))
    }

    @Test("a longer id, a longer word, or nothing at all is not a mention", arguments: [
        "E123 and XE12", "Ana Lopezova", "Banana Lopez", "", "the team's ratings are more severe",
    ])
    func notFound(text: String) {
        #expect(!mentions.mentionsSomeone(text))
    }
}
