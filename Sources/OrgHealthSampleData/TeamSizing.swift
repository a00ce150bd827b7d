/// Splits a department's headcount into teams of realistic sizes (5–12 people, most 7–10), so
/// that the planted tiny team is the only one under the privacy minimum.
enum TeamSizing {
    private static let sizes = Array(DepartmentBlueprint.minimumFlexibleTeam...DepartmentBlueprint.maximumTeam)
    private static let weights: [Double] = [4, 8, 12, 14, 12, 9, 6, 4]

    /// Team sizes (manager included) that add up to `people` (≥ 5), none below 5 or above 12.
    static func partition(_ people: Int, random: inout SampleRandom) -> [Int] {
        let minimum = DepartmentBlueprint.minimumFlexibleTeam
        var result: [Int] = []
        var left = max(people, minimum)
        while left > 0 {
            var size = sizes[random.weightedIndex(weights)]
            if size >= left {
                size = left
            } else if left - size < minimum {
                size = left <= DepartmentBlueprint.maximumTeam ? left : left - minimum
            }
            result.append(size)
            left -= size
        }
        return result
    }

    /// Moves people in or out of the flexible teams until they hold `target` people in total,
    /// keeping every team within 5–12 where possible (the number of teams is unchanged).
    static func reconcile(_ sizes: inout [Int], to target: Int) {
        var difference = target - sizes.reduce(0, +)
        while difference > 0 {
            guard let smallest = sizes.indices.min(by: { sizes[$0] < sizes[$1] }) else { return }
            sizes[smallest] += 1
            difference -= 1
        }
        while difference < 0 {
            guard let largest = sizes.indices.max(by: { sizes[$0] < sizes[$1] }),
                  sizes[largest] > DepartmentBlueprint.minimumFlexibleTeam
            else { return }
            sizes[largest] -= 1
            difference += 1
        }
    }
}
