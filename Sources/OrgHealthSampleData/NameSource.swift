/// Draws people's names and gives each a unique e-mail address (`first.last`, then
/// `first.last2`, … when two people share a name, as directories do).
struct NameSource {
    private var random: SampleRandom
    private let domain: String
    private var emailsUsed: [String: Int] = [:]

    init(seed: UInt64, domain: String) {
        random = SampleRandom(seed: seed, stream: "names")
        self.domain = domain
    }

    /// A new first name, last name and unique e-mail address.
    mutating func next() -> (first: String, last: String, email: String) {
        let first = SampleNames.firstNames[random.index(below: SampleNames.firstNames.count)]
        let last = SampleNames.lastNames[random.index(below: SampleNames.lastNames.count)]
        let local = SampleNames.emailPart(first) + "." + SampleNames.emailPart(last)
        let used = emailsUsed[local, default: 0] + 1
        emailsUsed[local] = used
        let address = (used == 1 ? local : local + String(used)) + "@" + domain
        return (first, last, address)
    }
}
