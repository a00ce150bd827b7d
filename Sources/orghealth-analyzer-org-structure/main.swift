// The built-in org-structure analyzer as an external analyzer executable, through the SDK's
// entry point — exactly what a custom analyzer's main.swift looks like. The parity test runs
// it through the host and compares its result with the in-process one.
import OrgHealthKit
import OrgStructureAnalyzer

await AnalyzerMain.run(OrgStructureAnalyzer())
