#!/bin/sh
# The .xlsx benchmark of docs/BENCHMARKS.md: WorkbookReader beside pandas.read_excel (openpyxl)
# on the same generated workbooks, 250,000 and 1,000,000 rows × 20 columns, in one run.
# Needs: a release build (swift build -c release --product orghealth-benchmarks) and
# pandas + openpyxl (pip install pandas openpyxl); PYTHON picks the interpreter.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
bench="$here/../../.build/release/orghealth-benchmarks"
python=${PYTHON:-python3}
dir=${TMPDIR:-/tmp}
for rows in 250000 1000000; do
    file="$dir/orghealth-xlsx-$rows.xlsx"
    [ -f "$file" ] || python3 "$here/make_workbook.py" "$rows" "$file"
    echo "== $rows rows: $(ls -l "$file" | awk '{print $5}') bytes"
    /usr/bin/time -f "orghealth: %e s wall, %U s user, %S s system, peak RSS %M KB" "$bench" xlsx --file "$file"
    /usr/bin/time -f "pandas: %e s wall, %U s user, %S s system, peak RSS %M KB" "$python" -W ignore "$here/pandas_xlsx.py" "$file"
done
