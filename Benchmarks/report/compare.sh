#!/usr/bin/env bash
# The whole report beside DuckDB and pandas (issue 16): for each size, generates roster + survey
# once (`orghealth-benchmarks report --sources survey --generate-only`, the files of
# Benchmarks/survey/), then runs, RUNS times each and alternately,
#   orghealth report --format html,xml --no-history     (the whole report: every analyzer, the
#                                                        privacy gate, the health model, HTML + XML)
#   Benchmarks/survey/duckdb_survey.py, Benchmarks/survey/pandas_survey.py  (the survey figures)
# each under /usr/bin/time -v, and prints per size the minimum and median wall time, CPU time
# (user + system) and peak resident memory, OrgHealth's ratios to DuckDB (medians), the time per
# person, and the linearity check (time per person may grow at most 1.5x from the smallest size
# to the largest). With ALL_SOURCES=1 it also times the 10,000-person organization with every
# source (`orghealth sample`'s files), whose target is 2 s wall and 150 MB. With GROUP_SHAPES=1 it
# also runs the report on 10^5 and 10^6 people in teams of exactly 10 and of 100 (`--team-size`):
# the same people in ten times the groups, and ten times the people in the same groups, so the
# peak memory per person (row) and per team (group) are told apart. `orghealth validate` (every
# input read and every analyzer run, nothing gated, scored or written) is timed beside each
# report, within the same bounds (the issue: "keep validate within the same bounds"). So is the
# work DuckDB's script does, like for like: the roster read and the survey analyzer alone
# (`orghealth-benchmarks survey --runs 1` on the same folder), no gate, health model or report.
# With HISTORY=1 the report of each size (and, with ALL_SOURCES=1, of every source) is also timed as a quarterly run keeps it, with its
# history (the default outside benchmarks): `history-first` records the period into an empty
# history file; `history-next` runs with a history already holding the quarter before (the
# first run's file with its period moved back a quarter, through Python's sqlite3), so that it
# reads that quarter, compares every figure with it and records its own beside it.
# With AUDIENCES=1 (and ALL_SOURCES=1) the 10,000-person organization is also written for the
# other audiences: `--audience organization` (one edition naming no one) and `--audience
# managers` (one edition per manager, about 1,250, each HTML + XML, and an index).
#
#   Benchmarks/report/compare.sh [FOLDER] [SIZES]       # SIZES default "10000 100000 1000000"; "-" for none
#   RUNS=3 PYTHON=python3 ALL_SOURCES=1 Benchmarks/report/compare.sh /tmp/orghealth-report
#
# Needs release builds (swift build -c release --product orghealth; the same for
# orghealth-benchmarks) and Python with pandas and duckdb (python3 -m pip install pandas duckdb).
# Wall times on a shared machine swing with its load (printed before each size); CPU time is
# the steadier figure.
set -euo pipefail
folder="${1:-/tmp/orghealth-report-benchmark}"
sizes="${2:-10000 100000 1000000}"
[ "$sizes" = "-" ] && sizes=""
runs="${RUNS:-3}"
python="${PYTHON:-python3}"
here="$(cd "$(dirname "$0")" && pwd)"
release="$here/../../.build/release"
bench="${BENCH:-$release/orghealth-benchmarks}"
orghealth="${ORGHEALTH:-$release/orghealth}"
survey="$here/../survey"
results="$(mktemp)"
trap 'rm -f "$results"' EXIT

measure() {  # measure NAME SIZE COMMAND...: one line "NAME SIZE wall cpu rss_mb" into $results
  local name="$1" size="$2"; shift 2
  local log; log="$(mktemp)"
  local status=0
  /usr/bin/time -v "$@" > /dev/null 2> "$log" || status=$?
  # validate exits 1 when an input has an error: the all-sources sample plants some.
  if [ "$status" != 0 ] && { [ "$status" != 1 ] || [ "${name#validate}" = "$name" ]; }; then
    echo "$name failed at $size people:" >&2; tail -20 "$log" >&2; rm -f "$log"; exit 1
  fi
  awk -F': ' -v name="$name" -v size="$size" '
    /Elapsed \(wall clock\)/ { n = split($2, p, ":"); wall = (n == 3 ? p[1] * 3600 + p[2] * 60 + p[3] : p[1] * 60 + p[2]) }
    /User time/ { user = $2 } /System time/ { sys = $2 } /Maximum resident set size/ { rss = $2 }
    END { printf "%s %s %.2f %.2f %.1f\n", name, size, wall, user + sys, rss / 1024 }' "$log" | tee -a "$results"
  rm -f "$log"
}

history_runs() {  # history_runs SUFFIX SIZE DATA: the report with its history, first and next quarter
  local suffix="$1" size="$2" data="$3" history="$3/History"
  mkdir -p "$history"
  for run in $(seq "$runs"); do
    rm -f "$history"/first.sqlite*
    measure "history-first$suffix" "$size" "$orghealth" report --config "$data/orghealth.yml" --output "$data/Reports" \
      --history "$history/first.sqlite" --format html,xml
  done
  # The recorded quarter moved back one (the benchmark data's 2026-Q3 to 2026-Q2): the next run's previous period.
  "$python" - "$history/first.sqlite" "$history/previous.sqlite" <<'PY'
import shutil, sqlite3, sys
source = sqlite3.connect(sys.argv[1]); source.execute("PRAGMA wal_checkpoint(TRUNCATE)"); source.close()
shutil.copyfile(sys.argv[1], sys.argv[2])
db = sqlite3.connect(sys.argv[2])
db.execute("UPDATE snapshot SET period_label = '2026-Q2', period_start = '2026-04-01', period_end = '2026-06-30'")
db.commit(); db.execute("PRAGMA wal_checkpoint(TRUNCATE)"); db.close()
PY
  for run in $(seq "$runs"); do
    rm -f "$history"/next.sqlite*
    cp "$history/previous.sqlite" "$history/next.sqlite"
    measure "history-next$suffix" "$size" "$orghealth" report --config "$data/orghealth.yml" --output "$data/Reports" \
      --history "$history/next.sqlite" --format html,xml
  done
  ls -l "$history/first.sqlite" "$history/next.sqlite" | awk '{print "  " $5 " bytes  " $NF}'
}

for size in $sizes; do
  data="$folder/survey-$size"
  [ -f "$data/orghealth.yml" ] || "$bench" report --people "$size" --sources survey --folder "$data" --generate-only
  echo "== $size people (roster + survey): load $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
  for run in $(seq "$runs"); do
    measure orghealth "$size" "$orghealth" report --config "$data/orghealth.yml" --output "$data/Reports" --no-history --format html,xml
    measure duckdb "$size" "$python" "$survey/duckdb_survey.py" "$data"
    measure pandas "$size" "$python" "$survey/pandas_survey.py" "$data"
    measure validate "$size" "$orghealth" validate --config "$data/orghealth.yml"
    measure like-for-like "$size" "$bench" survey --employees "$size" --folder "$data" --runs 1
  done
  ls -l "$data/Reports/health-report.html" "$data/Reports/health-report.xml" | awk '{print "  " $5 " bytes  " $NF}'
  if [ "${HISTORY:-0}" = 1 ]; then history_runs "" "$size" "$data"; fi
done

if [ "${ALL_SOURCES:-0}" = 1 ]; then
  data="$folder/all-10000"
  [ -f "$data/orghealth.yml" ] || "$bench" report --people 10000 --sources all --folder "$data" --generate-only
  echo "== 10000 people, every source: load $(cut -d' ' -f1-3 /proc/loadavg)"
  for run in $(seq "$runs"); do
    measure orghealth-all 10000 "$orghealth" report --config "$data/orghealth.yml" --output "$data/Reports" --no-history --format html,xml
    measure validate-all 10000 "$orghealth" validate --config "$data/orghealth.yml"
  done
  if [ "${HISTORY:-0}" = 1 ]; then history_runs "-all" 10000 "$data"; fi
  # After the report's runs, not between them: the manager editions write about 480 MB, and
  # the writing back of that slowed the next report run by half a second.
  if [ "${AUDIENCES:-0}" = 1 ]; then
    for run in $(seq "$runs"); do
      measure organization-all 10000 "$orghealth" report --config "$data/orghealth.yml" --output "$data/Reports-organization" --no-history --format html,xml --audience organization
      rm -rf "$data/Reports-managers"
      measure managers-all 10000 "$orghealth" report --config "$data/orghealth.yml" --output "$data/Reports-managers" --no-history --audience managers
    done
  fi
fi

if [ "${GROUP_SHAPES:-0}" = 1 ]; then
  for shape in "100000 100" "100000 10" "1000000 100" "1000000 10"; do
    set -- $shape
    data="$folder/groups-$1-$2"
    [ -f "$data/orghealth.yml" ] || "$bench" report --people "$1" --team-size "$2" --sources survey --folder "$data" --generate-only
    echo "== $1 people in teams of $2: load $(cut -d' ' -f1-3 /proc/loadavg)"
    for run in $(seq "$runs"); do
      measure "groups-$(( $1 / $2 ))" "$1" "$orghealth" report --config "$data/orghealth.yml" --output "$data/Reports" --no-history --format html,xml
    done
  done
fi

"$python" - "$results" <<'PY'
import statistics, sys
rows = [line.split() for line in open(sys.argv[1])]
by = {}
for name, size, wall, cpu, rss in rows:
    by.setdefault((name, int(size)), []).append((float(wall), float(cpu), float(rss)))
def stats(values):
    return min(values), statistics.median(values)
print("\n| tool | people | runs | wall min / median (s) | CPU min / median (s) | peak RSS min / median (MiB) |")
print("|---|---|---|---|---|---|")
for (name, size), runs in sorted(by.items(), key=lambda item: (item[0][1], item[0][0])):
    w, c, r = (stats([run[i] for run in runs]) for i in range(3))
    print(f"| {name} | {size:,} | {len(runs)} | {w[0]:.2f} / {w[1]:.2f} | {c[0]:.2f} / {c[1]:.2f} | {r[0]:.0f} / {r[1]:.0f} |")
sizes = sorted({size for name, size in by if name == "orghealth"})
print()
for size in sizes:
    o = by[("orghealth", size)]
    line = f"{size:,} people: orghealth per person {statistics.median(r[0] for r in o) / size * 1e6:.1f} µs wall, " \
           f"{statistics.median(r[1] for r in o) / size * 1e6:.1f} µs CPU"
    for other in ("duckdb", "pandas"):
        if (other, size) in by:
            x = by[(other, size)]
            line += (f"; vs {other}: wall {statistics.median(r[0] for r in o) / statistics.median(r[0] for r in x):.2f}x, "
                     f"CPU {statistics.median(r[1] for r in o) / statistics.median(r[1] for r in x):.2f}x, "
                     f"memory {statistics.median(r[2] for r in o) / statistics.median(r[2] for r in x):.2f}x")
    for other in ("history-first", "history-next"):
        if (other, size) in by:
            h = by[(other, size)]
            line += (f"; {other}: {statistics.median(r[0] for r in h):.2f} s wall, "
                     f"{statistics.median(r[0] for r in h) / statistics.median(r[0] for r in o):.2f}x the report's, "
                     f"{statistics.median(r[2] for r in h):.0f} MiB")
    for other in ("validate", "like-for-like"):
        if (other, size) in by and ("duckdb", size) in by:
            v, x = by[(other, size)], by[("duckdb", size)]
            line += (f"; {other} vs duckdb: wall {statistics.median(r[0] for r in v) / statistics.median(r[0] for r in x):.2f}x, "
                     f"memory {statistics.median(r[2] for r in v) / statistics.median(r[2] for r in x):.2f}x")
    print(line)
if len(sizes) > 1:
    for index, label in ((1, "CPU"), (0, "wall")):
        per = [statistics.median(r[index] for r in by[("orghealth", s)]) / s for s in sizes]
        # Growth: the largest rise of the time per person from a smaller size to a larger one
        # (a fixed start-up cost makes the smallest size dearer per person; that is no growth).
        growth = max(per[j] / per[i] for i in range(len(per)) for j in range(i + 1, len(per)))
        print(f"linearity ({label}): time per person " + ", ".join(f"{s:,}: {p * 1e6:.1f} µs" for s, p in zip(sizes, per))
              + f"; largest growth {growth:.2f}x (goal at most 1.5x): {'holds' if growth <= 1.5 else 'does not hold'}")
groups = {(size, int(name.split("-")[1])): statistics.median(r[2] for r in runs)
          for (name, size), runs in by.items() if name.startswith("groups-")}
if groups:
    print("peak memory by people and teams (medians, MiB): " + ", ".join(
        f"{p:,} people in {t:,} teams {m:.0f}" for (p, t), m in sorted(groups.items())))
    for (p1, t1), m1 in sorted(groups.items()):
        for (p2, t2), m2 in sorted(groups.items()):
            if t1 == t2 and p2 > p1:
                print(f"  {p2 // p1}x the people in the same {t1:,} teams: +{m2 - m1:.0f} MiB, "
                      f"{(m2 - m1) * 1048576 / (p2 - p1):.0f} bytes per added person")
            if p1 == p2 and t2 > t1:
                print(f"  {t2 // t1}x the teams for the same {p1:,} people: +{m2 - m1:.0f} MiB, "
                      f"{(m2 - m1) * 1024 / (t2 - t1):.1f} KiB per added team")
# The 10,000-person organization with every source: the report and validate have the goals of
# 2 s and 150 MB; the audiences are timed for the record.
for name, label, goals in (("orghealth-all", "", True), ("history-first-all", ", recorded into an empty history", False),
                           ("history-next-all", ", a quarter after a stored one", False),
                           ("organization-all", ", --audience organization", False),
                           ("managers-all", ", --audience managers", False), ("validate-all", ", validate", True)):
    if (name, 10000) in by:
        a = by[(name, 10000)]
        w, r = statistics.median(x[0] for x in a), statistics.median(x[2] for x in a)
        print(f"10,000 people, every source{label}: median {w:.2f} s wall{' (goal 2 s)' if goals else ''}, "
              f"{r:.0f} MB{' (goal 150 MB)' if goals else ''}")
PY
