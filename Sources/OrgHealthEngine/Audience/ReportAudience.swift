import OrgHealthKit

/// Who a report is for (`--audience`). Every audience gets the same gated figures and health
/// model; an audience only removes from the already-gated report, it never recomputes.
public enum ReportAudience: String, Sendable, CaseIterable {
    /// HR: everything (the default).
    case hr
    /// Shareable beyond HR: no person's name or employee id anywhere.
    case organization
    /// One edition per manager whose line reaches the minimum group size, and an index for HR.
    case managers
}
