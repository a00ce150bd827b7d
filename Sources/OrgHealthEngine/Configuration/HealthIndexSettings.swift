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
}
