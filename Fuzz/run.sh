#!/usr/bin/env bash
# Builds the libFuzzer targets and fuzzes each for SECONDS (default 30), starting from the
# committed seed corpus (Fuzz/Corpus/<target>, left unchanged: new inputs go to a scratch copy).
# Any crash, sanitizer report, leak or input slower than 10 s fails the run; the input that did
# it is kept in Fuzz/artifacts/ to become a regression test.
#   Fuzz/run.sh [SECONDS] [TARGET…]
set -euo pipefail
cd "$(dirname "$0")"
seconds=${1:-30}
shift || true
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  targets=(FuzzCSV FuzzMarkdownNotes FuzzHTMLNotes FuzzJSONLinesNotes FuzzConfig FuzzSurveyDefinition FuzzExternalResult FuzzXLSX)
fi
started=$SECONDS
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
flags=(-c debug -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library)
# gold prints hundreds of harmless "Cannot export local symbol '__asan_…'" warnings per target.
if ! swift build "${flags[@]}" > "$work/build.log" 2>&1; then
  grep -v "Cannot export local symbol" "$work/build.log"
  exit 1
fi
grep -v "Cannot export local symbol" "$work/build.log" | tail -n 2
bin=$(swift build "${flags[@]}" --show-bin-path)
echo "fuzz build: $((SECONDS - started)) s"
# Leaks found outside OrgHealth's code (docs/RELIABILITY.md) are suppressed by name; any other fails.
export LSAN_OPTIONS="suppressions=$PWD/lsan-suppressions.txt${LSAN_OPTIONS:+:$LSAN_OPTIONS}"
mkdir -p artifacts
status=0
for target in "${targets[@]}"; do
  mkdir -p "$work/$target"
  cp Corpus/"$target"/* "$work/$target/" 2>/dev/null || true
  echo "== $target: ${seconds} s"
  # -detect_leaks=0 turns off libFuzzer's leak check after each input that looks leaky (it stops
  # the world every time: 36× slower on the analyzer targets); LeakSanitizer still checks at
  # exit. The 10 s per-input limit turns a hang into a failure.
  # The targets' scratch files (orghealth-fuzz-<pid>) go to $work, removed on exit.
  mkdir -p "$work/tmp"
  if ! TMPDIR="$work/tmp" "$bin/$target" "$work/$target" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -detect_leaks=0 \
       -max_len=65536 -print_final_stats=1 -artifact_prefix="artifacts/$target-" 2> "$work/$target.log"; then
    tail -n 60 "$work/$target.log"
    echo "$target: FAILED (the input is in Fuzz/artifacts/)" >&2
    status=1
  fi
  grep -E "stat::number_of_executed_units|stat::peak_rss_mb|cov: " "$work/$target.log" | tail -n 3 || true
done
echo "fuzzing step: $((SECONDS - started)) s"
exit $status
