/// Writes `exits.csv` (a custom input for an external analyzer): one row per roster leaver,
/// `employee_id,exit_date,reason,regretted`, matching the roster's end dates.
struct ExitsGenerator {
    let chart: SampleOrgChart

    static let header = ["employee_id", "exit_date", "reason", "regretted"]
    private static let regrettedReasons = ["Career opportunity", "Compensation", "Manager relationship", "Workload"]
    private static let otherReasons = ["Relocation", "Personal", "Performance", "Restructuring", "Return to school"]

    /// The file's text and its number of data rows.
    func csv() -> (text: String, rows: Int) {
        let people = chart.people
        let leavers = (chart.cast.leaversInPeriod + chart.cast.leaversBeforePeriod)
            .compactMap { index in people[index].endDate.map { (index, $0) } }
            .sorted { ($0.1, $0.0) < ($1.1, $1.0) }
        var text = CSVText.row(Self.header)
        for (index, exitDate) in leavers {
            var random = SampleRandom(seed: chart.seed, stream: "exits", index: index)
            let regretted = people[index].performance > -0.3 && random.chance(0.75)
            let reasons = regretted ? Self.regrettedReasons : Self.otherReasons
            text += CSVText.row([people[index].id, exitDate.description, reasons[random.index(below: reasons.count)],
                                 regretted ? "yes" : "no"])
        }
        return (text, leavers.count)
    }
}
