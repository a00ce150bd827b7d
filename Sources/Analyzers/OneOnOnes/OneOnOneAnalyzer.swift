import OrgHealthKit

/// The one-on-one notes analyzer (in progress; not registered yet).
enum OneOnOneAnalyzerModule {}
