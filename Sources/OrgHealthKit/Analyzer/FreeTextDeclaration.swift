/// Free text an analyzer reads — meeting notes, review comments, survey comments — and whether
/// any of it can reach the report. The report's methodology states the rule for each, so a
/// reader learns what happens to what people wrote without the renderer knowing any analyzer.
public struct FreeTextDeclaration: Codable, Sendable, Hashable {
    /// What the text is, in plural words that read well before "never appear":
    /// `one-on-one notes`, `review comments`.
    public var name: String
    /// `true` when the privacy policy's `comments` setting decides what is shown of it;
    /// `false` when none of it ever appears in the report.
    public var followsCommentPolicy: Bool

    /// Declares free text; by default, text that never appears in the report.
    public init(name: String, followsCommentPolicy: Bool = false) {
        self.name = name
        self.followsCommentPolicy = followsCommentPolicy
    }

    private enum CodingKeys: String, CodingKey { case name, followsCommentPolicy }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        name = try container.decode(String.self, forKey: .name)
        followsCommentPolicy = try container.decodeIfPresent(Bool.self, forKey: .followsCommentPolicy) ?? false
    }
}

extension AnalyzerDescriptor {
    /// The descriptor with the free text it reads declared, for the methodology's privacy rules.
    public func readingFreeText(_ freeText: [FreeTextDeclaration]) -> AnalyzerDescriptor {
        var descriptor = self
        descriptor.freeText = freeText
        return descriptor
    }
}
