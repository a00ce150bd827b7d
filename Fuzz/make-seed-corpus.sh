#!/usr/bin/env bash
# Rebuilds the small seed corpus in Fuzz/Corpus from the project's own fixtures: the synthetic
# organization `orghealth sample` writes (its files follow the vendor export shapes documented
# in docs/INPUTS.md), the recognition example analyzer's answer, a few hand-made edge cases and
# the small workbooks of the .xlsx reader's tests (Tests/SpreadsheetTests/Fixtures, made by
# its make_fixtures.py).
# Each seed is cut to at most 4 KB so the corpus stays small in git.
set -euo pipefail
# ORGHEALTH=.build/debug/orghealth uses an already built binary instead of `swift run`.
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
${ORGHEALTH:-swift run orghealth} sample --employees 60 --out "$work/org" >/dev/null
corpus=Fuzz/Corpus
rm -rf "$corpus"
mkdir -p "$corpus"/{FuzzCSV,FuzzMarkdownNotes,FuzzHTMLNotes,FuzzJSONLinesNotes,FuzzConfig,FuzzSurveyDefinition,FuzzExternalResult,FuzzXLSX}
cut4k() { head -c 4096 "$1" > "$2"; }
cut4k "$work/org/roster.csv" "$corpus/FuzzCSV/roster.csv"
cut4k "$work/org/reviews.csv" "$corpus/FuzzCSV/reviews.csv"
cut4k "$work/org/survey/responses.csv" "$corpus/FuzzCSV/responses.csv"
cut4k "$work/org/exits.csv" "$corpus/FuzzCSV/exits.csv"
printf 'a,"b ""quoted""",c\r\n1,"multi\nline",3\r\n' > "$corpus/FuzzCSV/quotes.csv"
printf '\xef\xbb\xbfid,name\n1,\xff\xfe\n' > "$corpus/FuzzCSV/bom-and-bad-utf8.csv"
# Note file names may hold spaces: read them line by line.
n=0
find "$work/org/one-on-ones" -name '*.md' | sort | head -6 | while IFS= read -r file; do
  n=$((n+1)); cut4k "$file" "$corpus/FuzzMarkdownNotes/note$n.md"
done
n=0
find "$work/org/one-on-ones" -name '*.html' | sort | head -4 | while IFS= read -r file; do
  n=$((n+1)); cut4k "$file" "$corpus/FuzzHTMLNotes/export$n.html"
done
n=0
find "$work/org/one-on-ones" -name '*.jsonl' | sort | head -4 | while IFS= read -r file; do
  n=$((n+1)); head -n 3 "$file" | head -c 4096 > "$corpus/FuzzJSONLinesNotes/notes$n.jsonl"
done
cut4k "$work/org/orghealth.yml" "$corpus/FuzzConfig/sample.yml"
${ORGHEALTH:-swift run orghealth} init --output "$work/starter.yml" >/dev/null 2>&1 && cut4k "$work/starter.yml" "$corpus/FuzzConfig/starter.yml" || true
printf 'organization: A\nperiod: 2026-Q3\nroster: roster.csv\nanalyzers:\n  org-structure: {timeoutSeconds: 5}\nplugins: {sandbox: none}\n' > "$corpus/FuzzConfig/small.yml"
cut4k "$work/org/survey/survey.yml" "$corpus/FuzzSurveyDefinition/survey.yml"
printf '{"protocolVersion":1,"metrics":[{"id":"x.rate","scope":"team:Core","value":0.5,"unit":"ratio","n":3}],"signals":[{"dimension":"feedback","scope":"org","score":62.5,"n":5}]}\n' \
  > "$corpus/FuzzExternalResult/small.json"
printf '{"protocolVersion":1,"findings":[{"id":"f","severity":"critical","scope":"org","title":"t","detail":"d"}],"sections":[{"title":"T","blocks":[{"table":{"columns":["a"],"rows":[["1"]]}},{"chart":{"kind":"bar","title":"c","unit":"ratio","series":[{"name":"s","points":[]}]}}]}],"diagnostics":[{"severity":"info","message":"m"}]}\n' \
  > "$corpus/FuzzExternalResult/sections.json"
# Workbooks are copied whole (cutting a zip would lose its central directory); each is < 4 KB.
for name in excel-features forms-responses hris-inline mac-1904 bad-shared-string doctype; do
  cp "Tests/SpreadsheetTests/Fixtures/$name.xlsx" "$corpus/FuzzXLSX/"
done
du -sh "$corpus"
