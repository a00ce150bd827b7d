import OrgHealthKit

/// The culture-survey analyzer (in progress; not registered yet).
enum CultureSurveyAnalyzerModule {}
