#!/usr/bin/env python3
"""orghealth-analyzer-recognition: an OrgHealth external analyzer in Python 3 (standard library only).

Reads a recognition ("kudos") log -- CSV with the columns date, from_id, to_id and message --
and reports, per organization, department, team and manager, how many people were recognised
in the period. It contributes to the `feedback` dimension.

It speaks the external-analyzer protocol, version 1:
    orghealth-analyzer-recognition.py describe   prints the descriptor as JSON
    orghealth-analyzer-recognition.py analyze    reads the request (JSON) on stdin, prints the result (JSON)

Privacy: the message column is never read into the result, and nothing about one person is
reported; every figure carries the n it rests on, and the host's privacy gate withholds small
groups. Errors go to stderr (never quoting a message) with exit status 1 (2 for protocol errors).
"""

import csv
import datetime
import json
import os
import sys

PROTOCOL_VERSION = 1

DESCRIPTOR = {
    "protocolVersion": PROTOCOL_VERSION,
    "id": "recognition",
    "name": "Recognition",
    "version": "1.0.0",
    "summary": "How widely people are recognised by colleagues (kudos), from the recognition log.",
    "inputs": [{"kind": "recognition", "required": True}],
    "dimensions": ["feedback"],
    "metrics": [
        {"id": "recognition.receivedRate",
         "definition": "Share of the people active in the period who received at least one recognition dated in the period.",
         "signal": "feedback score = 100 x min(1, receivedRate / targetReceivedRate); targetReceivedRate defaults to 0.6."},
        {"id": "recognition.perPerson",
         "definition": "Recognitions received in the period divided by the people active in the period."},
        {"id": "recognition.givenRate",
         "definition": "Share of the people active in the period who gave at least one recognition in the period."},
        {"id": "recognition.crossTeamShare",
         "definition": "Share of the recognitions received by the scope's people that came from someone in another team."},
    ],
}

COLUMNS = ["date", "from_id", "to_id"]  # `message` is deliberately never read.


class AnalysisError(Exception):
    """A problem that stops the analysis; the message names the file and says what to do."""


def parse_date(text):
    text = (text or "").strip()[:10]
    try:
        return datetime.date.fromisoformat(text)
    except ValueError:
        return None


def read_roster(path):
    """The canonical roster CSV the host writes: employee_id, manager_id, team, department, dates."""
    people = {}
    with open(path, newline="", encoding="utf-8-sig") as handle:
        for row in csv.DictReader(handle):
            person_id = (row.get("employee_id") or "").strip()
            if not person_id or person_id in people:
                continue
            people[person_id] = {
                "manager": (row.get("manager_id") or "").strip() or None,
                "team": (row.get("team") or "").strip(),
                "department": (row.get("department") or "").strip() or None,
                "hire": parse_date(row.get("hire_date")),
                "end": parse_date(row.get("end_date")),
            }
    return people


def team_departments(people):
    """A team belongs to the department most of its people are in (ties: the first by name), as in OrgHealthKit."""
    votes = {}
    for person in people.values():
        if person["department"]:
            team_votes = votes.setdefault(person["team"], {})
            team_votes[person["department"]] = team_votes.get(person["department"], 0) + 1
    return {team: sorted(counts.items(), key=lambda item: (-item[1], item[0]))[0][0] for team, counts in votes.items()}


def is_active(person, start, end):
    if person["hire"] and person["hire"] > end:
        return False
    if person["end"] and person["end"] < start:
        return False
    return True


def scopes_of(person, departments):
    scopes = ["org"]
    if person["team"] in departments:
        scopes.append("department:" + departments[person["team"]])
    scopes.append("team:" + person["team"])
    if person["manager"]:
        scopes.append("manager:" + person["manager"])
    return scopes


def log_files(paths):
    files = []
    for path in paths:
        if os.path.isdir(path):
            for folder, _, names in sorted(os.walk(path)):
                files += [os.path.join(folder, name) for name in sorted(names) if name.lower().endswith(".csv")]
        else:
            files.append(path)
    return files


def read_log(path, mapping, people, start, end, diagnostics):
    """Yields (giver, receiver) for every usable row dated in the period."""
    source = os.path.basename(path)
    try:
        handle = open(path, newline="", encoding="utf-8-sig")
    except OSError as error:
        raise AnalysisError(f"{source}: cannot be read ({error.strerror}); check sources.recognition in the config")
    with handle:
        reader = csv.reader(handle)
        try:
            header = next(reader, None)
        except (csv.Error, UnicodeDecodeError):
            raise AnalysisError(f"{source}: the file is not a UTF-8 CSV")
        if header is None:
            raise AnalysisError(f"{source}: the file is empty; it needs a header row with date, from_id and to_id")
        names = [name.strip().lower() for name in header]
        index = {}
        for column in COLUMNS:
            wanted = mapping.get(column, column).strip().lower()
            if wanted not in names:
                raise AnalysisError(
                    f"{source}:1: the recognition log has no column '{mapping.get(column, column)}'; "
                    f"add it, or map it with columns.recognition.{column} in the config")
            index[column] = names.index(wanted)
        try:
            for row in reader:
                line = reader.line_num
                if not any(field.strip() for field in row):
                    continue
                if len(row) < len(header):
                    diagnostics.append(warning(source, line, "the row has fewer fields than the header; it was skipped"))
                    continue
                date = parse_date(row[index["date"]])
                if date is None:
                    diagnostics.append(warning(source, line, "date is not an ISO date (YYYY-MM-DD); the row was skipped"))
                    continue
                if not (start <= date <= end):
                    continue
                giver, receiver = row[index["from_id"]].strip(), row[index["to_id"]].strip()
                unknown = [name for name, value in (("from_id", giver), ("to_id", receiver)) if value not in people]
                if unknown:
                    diagnostics.append(warning(source, line, f"{' and '.join(unknown)} not in the roster; the row was skipped"))
                    continue
                if giver == receiver:
                    diagnostics.append(warning(source, line, "a self-recognition; the row was skipped", "info"))
                    continue
                yield giver, receiver
        except (csv.Error, UnicodeDecodeError) as error:
            raise AnalysisError(f"{source}:{reader.line_num}: the file is not a readable UTF-8 CSV ({type(error).__name__})")


def warning(source, line, message, severity="warning"):
    return {"severity": severity, "source": source, "line": line, "message": message}


def analyze(request):
    start = datetime.date.fromisoformat(request["period"]["start"])
    end = datetime.date.fromisoformat(request["period"]["end"])
    options = request.get("options") or {}
    mapping = options.get("columns") or {}
    target = float(options.get("targetReceivedRate", 0.6))
    if not 0 < target <= 1:
        raise AnalysisError("option 'targetReceivedRate' must be a number above 0 and at most 1")
    people = read_roster(request["roster"])
    departments = team_departments(people)
    active = {pid for pid, person in people.items() if is_active(person, start, end)}

    diagnostics = []
    received, given, cross = {}, {}, {}
    total = 0
    for path in log_files(request.get("inputs", {}).get("recognition", [])):
        for giver, receiver in read_log(path, mapping, people, start, end, diagnostics):
            total += 1
            received[receiver] = received.get(receiver, 0) + 1
            given[giver] = given.get(giver, 0) + 1
            if people[giver]["team"] != people[receiver]["team"]:
                cross[receiver] = cross.get(receiver, 0) + 1

    groups = {}
    for pid in sorted(active):
        for scope in scopes_of(people[pid], departments):
            groups.setdefault(scope, []).append(pid)

    metrics, signals, rates = [], [], {}
    for scope in sorted(groups, key=scope_order):
        members = groups[scope]
        n = len(members)
        got = sum(1 for pid in members if received.get(pid))
        count = sum(received.get(pid, 0) for pid in members)
        rate = got / n
        rates[scope] = (rate, n, got, count)
        metrics += [
            {"id": "recognition.receivedRate", "scope": scope, "value": rate, "unit": "ratio", "n": n, "dimension": "feedback"},
            {"id": "recognition.perPerson", "scope": scope, "value": count / n, "unit": "count", "n": n},
            {"id": "recognition.givenRate", "scope": scope, "value": sum(1 for pid in members if given.get(pid)) / n,
             "unit": "ratio", "n": n},
        ]
        if count:
            metrics.append({"id": "recognition.crossTeamShare", "scope": scope,
                            "value": sum(cross.get(pid, 0) for pid in members) / count, "unit": "ratio", "n": count})
        signals.append({"dimension": "feedback", "scope": scope, "score": 100 * min(1.0, rate / target),
                        "weight": 1, "n": n, "basis": "recognition.receivedRate"})

    return {
        "protocolVersion": PROTOCOL_VERSION,
        "metrics": metrics,
        "signals": signals,
        "findings": findings(rates, request.get("privacy", {}).get("minGroupSize", 5)),
        "sections": sections(rates, total),
        "diagnostics": diagnostics,
    }


def scope_order(scope):
    kind = scope.split(":", 1)[0]
    return (["org", "department", "team", "manager"].index(kind), scope)


def findings(rates, min_group):
    result = []
    for scope, (rate, n, _, _) in sorted(rates.items()):
        if not scope.startswith("team:") or n < min_group:
            continue
        team = scope[len("team:"):]
        slug = "".join(ch if ch.isalnum() else "-" for ch in team.lower())
        if rate < 0.3:
            result.append({
                "id": f"recognition.low.{slug}", "severity": "warning", "scope": scope, "dimension": "feedback",
                "title": f"Little recognition in {team}",
                "detail": f"{rate:.0%} of the team's {n} people were recognised by a colleague this period.",
                "recommendation": "Ask the team's manager to make recognition a habit: name good work in team meetings "
                                  "and point colleagues to the kudos channel.",
                "evidence": ["recognition.receivedRate"]})
        elif rate >= 0.8:
            result.append({
                "id": f"recognition.strong.{slug}", "severity": "strength", "scope": scope, "dimension": "feedback",
                "title": f"Recognition is widespread in {team}",
                "detail": f"{rate:.0%} of the team's {n} people were recognised by a colleague this period.",
                "recommendation": "Ask the team what makes recognition work there, and share it.",
                "evidence": ["recognition.receivedRate"]})
    return result


def sections(rates, total):
    org_rate, org_n, org_got, _ = rates.get("org", (0.0, 0, 0, 0))
    rows, points = [], []
    for scope, (rate, n, got, count) in sorted(rates.items()):
        if not scope.startswith("team:"):
            continue
        team = scope[len("team:"):]
        ref = {"scope": scope, "metric": "recognition.receivedRate", "n": n}
        rows.append({"cells": [team, str(n), f"{rate:.0%}", f"{count / n:.1f}"], "ref": ref})
        points.append({"label": team, "value": rate, "ref": ref})
    summary = (f"{total} recognitions were recorded in the period; {org_got} of {org_n} people "
               f"({org_rate:.0%}) received at least one. Message text is never read into the report.")
    return [{"title": "Recognition", "blocks": [
        {"text": summary},
        {"table": {"caption": "Recognition by team", "columns": ["Team", "People", "Recognised", "Per person"],
                   "rows": rows}},
        {"chart": {"kind": "bar", "title": "Share of people recognised, by team", "unit": "ratio",
                   "series": [{"name": "Recognised", "points": points}]}},
    ]}]


def main(arguments):
    command = arguments[1] if len(arguments) == 2 else None
    if command == "describe":
        print(json.dumps(DESCRIPTOR, sort_keys=True))
        return 0
    if command in ("--help", "-h", "help"):
        print(__doc__)
        return 0
    if command != "analyze":
        sys.stderr.write(f"usage: {os.path.basename(arguments[0])} describe | analyze\n")
        return 2
    try:
        request = json.load(sys.stdin)
    except ValueError as error:
        sys.stderr.write(f"recognition: the request is not valid JSON ({error})\n")
        return 2
    version = request.get("protocolVersion") if isinstance(request, dict) else None
    if version != PROTOCOL_VERSION:
        sys.stderr.write(f"recognition: the request uses protocol version {version}, but this analyzer speaks "
                         f"version {PROTOCOL_VERSION}; use an orghealth release that speaks version {PROTOCOL_VERSION}\n")
        return 2
    try:
        result = analyze(request)
    except AnalysisError as error:
        sys.stderr.write(f"recognition: {error}\n")
        return 1
    except (KeyError, TypeError, ValueError) as error:
        sys.stderr.write(f"recognition: the request is incomplete or malformed ({type(error).__name__}: {error})\n")
        return 2
    except OSError as error:
        sys.stderr.write(f"recognition: {error.filename or 'a file'} cannot be read ({error.strerror})\n")
        return 1
    json.dump(result, sys.stdout, sort_keys=True)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
