#!/usr/bin/env bash
# Times the culture-survey analyzer, pandas and DuckDB on the same generated survey, each with
# /usr/bin/time -v (wall time, CPU time, peak resident memory). See docs/analyzers/culture-survey.md.
#
#   Benchmarks/survey/compare.sh [FOLDER] [EMPLOYEES]
#
# Needs a release build (swift build -c release --product orghealth-benchmarks) and Python with
# pandas and duckdb (python3 -m pip install pandas duckdb; set PYTHON to pick the interpreter).
set -euo pipefail
folder="${1:-/tmp/orghealth-survey-benchmark}"
employees="${2:-1000000}"
python="${PYTHON:-python3}"
here="$(cd "$(dirname "$0")" && pwd)"
bench="${BENCH:-$here/../../.build/release/orghealth-benchmarks}"

summary() {  # the figures /usr/bin/time -v prints, on one line
  awk -F': ' '/Elapsed \(wall clock\)/ {wall=$2} /User time/ {user=$2} /System time/ {sys=$2}
              /Maximum resident set size/ {rss=$2}
              END {printf "  whole process: %s wall, %.2f s CPU, peak %d MB\n", wall, user + sys, rss / 1024}' "$1"
}

if [ ! -f "$folder/responses.csv" ]; then
  "$bench" survey --employees "$employees" --folder "$folder" --generate-only
fi
echo "load: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
for name in orghealth pandas duckdb; do
  log="$(mktemp)"
  case "$name" in
    orghealth) /usr/bin/time -v "$bench" survey --folder "$folder" --runs 1 2> "$log" ;;
    pandas) /usr/bin/time -v "$python" "$here/pandas_survey.py" "$folder" 2> "$log" ;;
    duckdb) /usr/bin/time -v "$python" "$here/duckdb_survey.py" "$folder" 2> "$log" ;;
  esac
  summary "$log"
  rm -f "$log"
done
