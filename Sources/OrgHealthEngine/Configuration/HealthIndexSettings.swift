import OrgHealthKit

extension ConfigReader {
    /// `healthIndex: {minimumDimensions: 5}`: the fewest dimensions with data for the
    /// organization's health index to be shown (1 to 7).
    func healthIndexMinimum(_ value: YAMLValue) throws(ConfigError) -> Int {
        var minimum = HealthCoverage.defaultMinimumDimensions
        for pair in try mapping(value, "healthIndex", allowed: ["minimumDimensions"]) {
            let number = try integer(pair.value, "healthIndex.minimumDimensions")
            guard (1...HealthDimension.builtIns.count).contains(number) else {
                throw error(pair.value.line, "healthIndex.minimumDimensions",
                            "must be between 1 and \(HealthDimension.builtIns.count)")
            }
            minimum = number
        }
        return minimum
    }

    /// `fiscalYearStart: 4`: the month (1–12) the fiscal year starts in, for `FY26-Q3` periods.
    func fiscalStart(_ value: YAMLValue) throws(ConfigError) -> Int {
        let month = try integer(value, "fiscalYearStart")
        guard (1...12).contains(month) else {
            throw error(value.line, "fiscalYearStart", "must be a month number, 1 (January) to 12 (December)")
        }
        return month
    }
}
