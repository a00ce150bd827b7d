import OrgHealthKit

/// The review-cycle analyzer (in progress; not registered yet).
enum ReviewCycleAnalyzerModule {}
