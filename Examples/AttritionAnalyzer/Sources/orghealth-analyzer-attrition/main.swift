import AttritionAnalyzer
import OrgHealthKit

await AnalyzerMain.run(AttritionAnalyzer())
