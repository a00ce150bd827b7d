#!/usr/bin/env python3
"""Checks a demo report made with both example analyzers attached (used by .ci/run).

usage: check-demo-with-examples.py REPORT_FOLDER

Passes when the attrition and recognition analyzers ran ("ok"), each has its report section,
their signals reach the dimension scores they feed (leadership and wellbeing; feedback), and
no recognition message text (the KUDOS-SENTINEL marker) is in any output.
"""
import json
import os
import sys


def main(folder):
    with open(os.path.join(folder, "health-report.json"), encoding="utf-8") as handle:
        report = json.load(handle)
    runs = {run["descriptor"]["id"]: run for run in report["analyzers"]}
    problems = []
    expected = {"attrition": ("Regretted attrition", ["leadership", "wellbeing"]),
                "recognition": ("Recognition", ["feedback"])}
    scores = {entry["dimension"]: entry.get("score") for entry in report["summary"]["dimensions"]}
    for analyzer, (section, dimensions) in expected.items():
        run = runs.get(analyzer)
        if run is None:
            problems.append(f"{analyzer}: not in the report")
            continue
        if run["status"] != "ok":
            problems.append(f"{analyzer}: {run['status']}: {run.get('message')}")
            continue
        titles = [entry["title"] for entry in run["result"].get("sections", [])]
        if section not in titles:
            problems.append(f"{analyzer}: no section '{section}' (sections: {titles})")
        signals = run["result"].get("signals", [])
        for dimension in dimensions:
            if not any(s["dimension"] == dimension and s["scope"] == "org" and s.get("score") is not None for s in signals):
                problems.append(f"{analyzer}: no org {dimension} signal")
            if scores.get(dimension) is None:
                problems.append(f"the summary has no {dimension} score")
        print(f"{analyzer}: ok, origin {run['origin']}, sections {titles}, "
              + ", ".join(f"{d} {scores.get(d):.1f}" for d in dimensions if scores.get(d) is not None))
    for name in ("health-report.html", "health-report.xml", "health-report.json"):
        with open(os.path.join(folder, name), encoding="utf-8") as handle:
            if "KUDOS-SENTINEL" in handle.read():
                problems.append(f"{name} holds recognition message text")
    for problem in problems:
        print("problem: " + problem, file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    sys.exit(main(sys.argv[1]))
