/// What an external analyzer prints for `describe`: the protocol version it speaks and its
/// descriptor, flattened into one JSON object.
///
/// ```json
/// {"protocolVersion": 1, "id": "kudos", "name": "Recognition", "version": "1.0.0",
///  "summary": "Who recognises whom, and how often.",
///  "inputs": [{"kind": "recognition", "required": true}], "dimensions": ["feedback"],
///  "metrics": [{"id": "kudos.receivedRate", "definition": "…"}]}
/// ```
public struct DescribeResponse: Codable, Sendable, Hashable {
    /// The protocol version the analyzer speaks; the host refuses any other than ``ExternalProtocol/version``.
    public var protocolVersion: Int
    /// The analyzer's descriptor.
    public var descriptor: AnalyzerDescriptor

    /// Creates a response for a descriptor, at this Kit's protocol version by default.
    public init(descriptor: AnalyzerDescriptor, protocolVersion: Int = ExternalProtocol.version) {
        self.protocolVersion = protocolVersion
        self.descriptor = descriptor
    }

    private enum CodingKeys: String, CodingKey { case protocolVersion }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        protocolVersion = try container.decode(Int.self, forKey: .protocolVersion)
        descriptor = try AnalyzerDescriptor(from: decoder)
    }

    public func encode(to encoder: any Encoder) throws {
        try descriptor.encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(protocolVersion, forKey: .protocolVersion)
    }
}
