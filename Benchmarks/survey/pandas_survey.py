#!/usr/bin/env python3
"""The culture-survey figures with pandas (vectorised), for comparison with the OrgHealth analyzer.

Reads the files written by `orghealth-benchmarks survey --folder DIR --generate-only`
(responses.csv, roster.csv, survey-benchmark.json) and computes what the analyzer computes:
responses, participation, favorability / unfavorability / mean per item, pooled favorability per
dimension, the engagement index and eNPS per team, department and organization; Cronbach's alpha
per dimension (complete cases) and each item's Pearson r with the engagement score (pairwise
complete) for the organization. Prints the timings and a few organization figures.

    pip install pandas
    /usr/bin/time -v python3 Benchmarks/survey/pandas_survey.py DIR
"""
import json
import sys
import time

import numpy as np
import pandas as pd


def main(folder: str) -> None:
    started = time.perf_counter()
    survey = json.load(open(f"{folder}/survey-benchmark.json"))
    scale = survey["scale"]
    items = survey["items"]
    outcome = [item["id"] for item in items if item["id"] in set(survey["outcome"])]
    low, high = scale["min"], scale["max"]

    columns = {item["column"]: item["id"] for item in items}
    dtypes = {column: "float32" for column in columns} | {"enps": "float32", "team": "category"}
    responses = pd.read_csv(f"{folder}/responses.csv", usecols=["team", *columns, "enps"], dtype=dtypes)
    responses = responses.rename(columns=columns)
    roster = pd.read_csv(f"{folder}/roster.csv", usecols=["team", "department"], dtype="category")
    loaded = time.perf_counter()

    ids = [item["id"] for item in items]
    for item in items:  # reverse-coded items recoded first: x -> min + max - x
        if item["reverse"]:
            responses[item["id"]] = (low + high) - responses[item["id"]]
    answers = responses[ids]
    valid = answers.notna()
    frames = {
        "n": valid.astype("int32"),
        "fav": (answers >= scale["favorableMin"]).astype("int32"),
        "unfav": (answers <= scale["unfavorableMax"]).astype("int32"),
        "sum": answers.fillna(0),
    }
    parts = [frame.add_suffix(f"|{name}") for name, frame in frames.items()]
    parts.append(pd.DataFrame({
        "responses": 1,
        "enps_valid": responses["enps"].notna().astype("int32"),
        "promoters": (responses["enps"] >= 9).astype("int32"),
        "detractors": (responses["enps"] <= 6).astype("int32"),
    }, index=responses.index))
    counts = pd.concat(parts, axis=1)
    counts["team"] = responses["team"]
    by_team = counts.groupby("team", observed=True).sum()

    teams = roster.groupby("team", observed=True).agg(department=("department", "first"), headcount=("team", "size"))
    by_team = by_team.join(teams, how="inner")
    by_department = by_team.drop(columns="department").groupby(by_team["department"], observed=True).sum()
    org = by_team.drop(columns="department").sum().to_frame("org").T
    org["headcount"] = len(roster)

    def figures(table: pd.DataFrame) -> pd.DataFrame:
        out = {"responses": table["responses"], "participation": table["responses"] / table["headcount"]}
        for i in ids:
            out[f"{i}.favorability"] = table[f"{i}|fav"] / table[f"{i}|n"]
            out[f"{i}.unfavorability"] = table[f"{i}|unfav"] / table[f"{i}|n"]
            out[f"{i}.mean"] = table[f"{i}|sum"] / table[f"{i}|n"]
        for dimension in sorted({item["dimension"] for item in items}):
            members = [item["id"] for item in items if item["dimension"] == dimension]
            out[f"dimension.{dimension}"] = (table[[f"{i}|fav" for i in members]].sum(axis=1)
                                             / table[[f"{i}|n" for i in members]].sum(axis=1))
        out["engagement"] = (table[[f"{i}|fav" for i in outcome]].sum(axis=1)
                             / table[[f"{i}|n" for i in outcome]].sum(axis=1))
        out["enps"] = 100 * (table["promoters"] - table["detractors"]) / table["enps_valid"]
        return pd.DataFrame(out, index=table.index)

    results = [figures(by_team), figures(by_department), figures(org)]
    scoped = time.perf_counter()

    # Organization: Cronbach's alpha per dimension over complete cases, drivers pairwise complete.
    alphas = {}
    for dimension in sorted({item["dimension"] for item in items}):
        members = [item["id"] for item in items if item["dimension"] == dimension]
        if len(members) < 2:
            continue
        complete = answers[members].dropna().to_numpy(dtype=np.float64)
        k = len(members)
        alphas[dimension] = k / (k - 1) * (1 - complete.var(axis=0, ddof=1).sum() / complete.sum(axis=1).var(ddof=1))
    engagement = answers[outcome].mean(axis=1, skipna=True)
    drivers = {i: answers[i].astype("float64").corr(engagement) for i in ids if i not in outcome}
    finished = time.perf_counter()

    o = results[2].iloc[0]
    print(f"pandas {pd.__version__}: load {loaded - started:.2f} s, scopes {scoped - loaded:.2f} s, "
          f"alpha and drivers {finished - scoped:.2f} s, total {finished - started:.2f} s; "
          f"{sum(len(r) for r in results)} scopes, {len(alphas)} alphas, {len(drivers)} drivers")
    print(f"organization: {int(o['responses'])} responses, participation {o['participation']:.6f}, "
          f"engagement {o['engagement']:.6f}, eNPS {o['enps']:.6f}")
    print("alpha:", {d: round(float(a), 4) for d, a in alphas.items()})


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else ".")
