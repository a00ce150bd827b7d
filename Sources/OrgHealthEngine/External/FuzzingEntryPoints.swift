import Foundation
import OrgHealthKit

/// Entry points for the libFuzzer targets in `Fuzz/` (not part of the supported API): each
/// runs the host's own code on bytes that stand for an untrusted input.
@_spi(Fuzzing)
public enum HostFuzzingEntryPoints {
    /// Decodes and checks an external analyzer's `analyze` answer exactly as the host does,
    /// then validates the result as the runner does. Errors are the expected outcome for most
    /// inputs; only a crash, a hang or a sanitizer report is a finding.
    public static func externalResult(_ data: Data, roster: Roster) {
        do {
            let result = try ExternalAnalyzer.acceptResult(data, executable: "fuzz", stderr: [], roster: roster, maxItems: 500_000)
            try ResultValidator().validate(result)
        } catch {
            _ = "\(error)"  // the message is built, as the report would build it
        }
    }
}
