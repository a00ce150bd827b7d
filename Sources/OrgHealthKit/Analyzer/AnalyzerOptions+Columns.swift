extension AnalyzerOptions {
    /// The config's column mapping for an analyzer (`columns.<analyzer>` in the config, handed
    /// to the analyzer as its `columns` option): canonical column name → the export's own
    /// header text. The one column mapper every analyzer shares; pass the result to
    /// ``CSVHeader/init(_:mapping:)``.
    ///
    /// ```yaml
    /// columns:
    ///   review-cycles: {reviewee_id: Employee ID, rating: Overall rating}
    /// ```
    ///
    /// - Parameter analyzer: the analyzer's id, for messages (`columns.review-cycles.rating …`).
    /// - Throws: an ``AnalyzerError`` when `columns` is not a mapping, or a value is not a
    ///   non-empty text — never a mapping that silently leaves a column out.
    public func columnMapping(for analyzer: String) throws(AnalyzerError) -> [String: String] {
        let section: AnalyzerOptions
        do { section = try self.section("columns") } catch {
            throw AnalyzerError("columns.\(analyzer) must be a mapping of column name to the export's header")
        }
        var mapping: [String: String] = [:]
        for (canonical, value) in section.values {
            guard let header = value.stringValue, !header.isEmpty else {
                throw AnalyzerError("columns.\(analyzer).\(canonical) must be the header text of a column in the export")
            }
            mapping[canonical] = header
        }
        return mapping
    }
}
