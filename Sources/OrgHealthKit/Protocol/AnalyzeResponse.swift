/// What an external analyzer prints for `analyze`: its ``AnalyzerResult`` as one JSON object,
/// optionally with the protocol version it speaks.
///
/// ```json
/// {"protocolVersion": 1,
///  "metrics": [{"id": "kudos.receivedRate", "scope": "team:Platform", "value": 0.8, "unit": "ratio", "n": 12}],
///  "signals": [{"dimension": "feedback", "scope": "team:Platform", "score": 80, "n": 12}]}
/// ```
///
/// Every array may be absent. When `protocolVersion` is present the host checks it; an
/// analyzer written with ``AnalyzerMain`` always includes it.
public struct AnalyzeResponse: Codable, Sendable, Hashable {
    /// The protocol version the analyzer speaks, if it said.
    public var protocolVersion: Int?
    /// The result.
    public var result: AnalyzerResult

    /// Creates a response, at this Kit's protocol version by default.
    public init(result: AnalyzerResult, protocolVersion: Int? = ExternalProtocol.version) {
        self.protocolVersion = protocolVersion
        self.result = result
    }

    private enum CodingKeys: String, CodingKey { case protocolVersion }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        protocolVersion = try container.decodeIfPresent(Int.self, forKey: .protocolVersion)
        result = try AnalyzerResult(from: decoder)
    }

    public func encode(to encoder: any Encoder) throws {
        try result.encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeIfPresent(protocolVersion, forKey: .protocolVersion)
    }
}
