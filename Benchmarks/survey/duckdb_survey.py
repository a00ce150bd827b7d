#!/usr/bin/env python3
"""The culture-survey figures with DuckDB, for comparison with the OrgHealth analyzer.

Reads the files written by `orghealth-benchmarks survey --folder DIR --generate-only`
(responses.csv, roster.csv, survey-benchmark.json) and computes what the analyzer computes:
responses, participation, favorability / unfavorability / mean per item, pooled favorability per
dimension, the engagement index and eNPS per team, department and organization; Cronbach's alpha
per dimension (complete cases) and each item's Pearson r with the engagement score (pairwise
complete) for the organization. Prints the timings and a few organization figures.

    pip install duckdb
    /usr/bin/time -v python3 Benchmarks/survey/duckdb_survey.py DIR
"""
import json
import sys
import time

import duckdb


def main(folder: str) -> None:
    started = time.perf_counter()
    survey = json.load(open(f"{folder}/survey-benchmark.json"))
    scale = survey["scale"]
    items = survey["items"]
    outcome = set(survey["outcome"])
    low, high = scale["min"], scale["max"]
    favorable, unfavorable = scale["favorableMin"], scale["unfavorableMax"]

    con = duckdb.connect()
    # Answers, reverse-coded items recoded on load (x -> min + max - x); blanks stay NULL.
    answers = ", ".join(
        f"{low + high} - {item['column']} AS {item['id']}" if item["reverse"] else f"{item['column']} AS {item['id']}"
        for item in items)
    outcome_ids = [item["id"] for item in items if item["id"] in outcome]
    answered = " + ".join(f"({i} IS NOT NULL)::INT" for i in outcome_ids)
    outcome_total = " + ".join(f"coalesce({i}, 0)" for i in outcome_ids)
    con.execute(f"""
        CREATE TABLE responses AS
        SELECT team, {answers}, enps,
               CASE WHEN ({answered}) > 0 THEN ({outcome_total})::DOUBLE / ({answered}) END AS engagement_score
        FROM read_csv('{folder}/responses.csv', header = true, all_varchar = false)""")
    con.execute(f"CREATE TABLE roster AS SELECT * FROM read_csv('{folder}/roster.csv', header = true, all_varchar = true)")
    loaded = time.perf_counter()

    # Counts per team in one pass over the responses; departments and the organization are sums
    # of their teams' counts (all additive), then the ratios are taken at every scope.
    counts = []
    for item in items:
        i = item["id"]
        counts += [f"count({i}) AS {i}_n", f"count_if({i} >= {favorable}) AS {i}_fav",
                   f"count_if({i} <= {unfavorable}) AS {i}_unfav", f"sum({i}) AS {i}_sum"]
    counts += ["count(enps) AS enps_n", "count_if(enps >= 9) AS promoters", "count_if(enps <= 6) AS detractors"]
    names = [expression.split(" AS ")[1] for expression in counts]
    con.execute(f"""
        CREATE TABLE team_counts AS
        SELECT team, count(*) AS responses, {", ".join(counts)} FROM responses GROUP BY team""")
    con.execute("""
        CREATE TABLE teams AS SELECT team, any_value(department) AS department, count(*) AS headcount
        FROM roster GROUP BY team""")
    summed = ", ".join(f"sum(c.{name}) AS {name}" for name in ["responses", *names])
    ratios = ["responses", "responses::DOUBLE / headcount AS participation"]
    for item in items:
        i = item["id"]
        ratios += [f"{i}_fav::DOUBLE / {i}_n AS {i}_favorability", f"{i}_unfav::DOUBLE / {i}_n AS {i}_unfavorability",
                   f"{i}_sum::DOUBLE / {i}_n AS {i}_mean"]
    dimensions = sorted({item["dimension"] for item in items})
    for dimension in dimensions:
        members = [item["id"] for item in items if item["dimension"] == dimension]
        ratios.append("(" + " + ".join(f"{i}_fav" for i in members) + ")::DOUBLE / nullif("
                      + " + ".join(f"{i}_n" for i in members) + f", 0) AS dim_{dimension}")
    engagement = [item["id"] for item in items if item["id"] in outcome]
    ratios.append("(" + " + ".join(f"{i}_fav" for i in engagement) + ")::DOUBLE / nullif("
                  + " + ".join(f"{i}_n" for i in engagement) + ", 0) AS engagement")
    ratios.append("100.0 * (promoters - detractors) / nullif(enps_n, 0) AS enps")
    columns = ", ".join(["responses", *names])
    # Teams as counted; departments and the organization as sums of their teams.
    con.execute(f"""
        CREATE TABLE figures AS
        WITH c AS (SELECT t.department, t.headcount, tc.* FROM team_counts tc JOIN teams t USING (team)),
             summed AS (
                 SELECT department, team, headcount, {columns} FROM c
                 UNION ALL
                 SELECT c.department, NULL, any_value(d.headcount), {summed} FROM c
                 JOIN (SELECT department, sum(headcount) AS headcount FROM teams GROUP BY department) d USING (department)
                 GROUP BY c.department
                 UNION ALL
                 SELECT NULL, NULL, (SELECT count(*) FROM roster), {summed} FROM c)
        SELECT department, team, {", ".join(ratios)} FROM summed""")
    # The figures stay in DuckDB (the kindest comparison: no conversion to Python objects).
    scope_count = con.execute("SELECT count(*) FROM figures").fetchone()[0]
    scoped = time.perf_counter()

    # Organization: Cronbach's alpha per dimension over complete cases, drivers pairwise complete.
    alphas = {}
    for dimension in dimensions:
        members = [item["id"] for item in items if item["dimension"] == dimension]
        if len(members) < 2:
            continue
        k = len(members)
        complete = " AND ".join(f"{i} IS NOT NULL" for i in members)
        variances = " + ".join(f"var_samp({i})" for i in members)
        total = " + ".join(members)
        alphas[dimension] = con.execute(
            f"SELECT {k} / {k - 1} * (1 - ({variances}) / var_samp({total})) FROM responses WHERE {complete}").fetchone()[0]
    drivers = con.execute("SELECT " + ", ".join(
        f"corr({item['id']}, engagement_score)" for item in items if item["id"] not in outcome) + " FROM responses").fetchone()
    finished = time.perf_counter()

    cursor = con.execute("SELECT * FROM figures WHERE department IS NULL AND team IS NULL")
    org = dict(zip([column[0] for column in cursor.description], cursor.fetchone()))
    print(f"duckdb {duckdb.__version__}: load {loaded - started:.2f} s, scopes {scoped - loaded:.2f} s, "
          f"alpha and drivers {finished - scoped:.2f} s, total {finished - started:.2f} s; "
          f"{scope_count} scopes, {len(alphas)} alphas, {len(drivers)} drivers")
    print(f"organization: {org['responses']} responses, participation {org['participation']:.6f}, "
          f"engagement {org['engagement']:.6f}, eNPS {org['enps']:.6f}")
    print("alpha:", {d: round(a, 4) for d, a in alphas.items()})


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else ".")
