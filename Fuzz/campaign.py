#!/usr/bin/env python3
"""The longer fuzzing campaign behind the figures in docs/RELIABILITY.md.

    Fuzz/campaign.py SECONDS [PARALLEL] [TARGET...]

Builds the targets (as Fuzz/run.sh does), runs each for SECONDS of wall time under `nice`,
PARALLEL at a time, each on its own growing corpus in Fuzz/.campaign/<target> (seeded from
Fuzz/Corpus, not committed), and prints one Markdown row per target: wall time, CPU time
(user + system of the fuzzer process), executions, corpus size and what it found. Inputs
that crash, leak or hang are kept in Fuzz/artifacts/."""
import os, re, resource, subprocess, sys, time
from concurrent.futures import ThreadPoolExecutor

here = os.path.dirname(os.path.abspath(__file__))
seconds = int(sys.argv[1]) if len(sys.argv) > 1 else 600
parallel = int(sys.argv[2]) if len(sys.argv) > 2 else 1
targets = sys.argv[3:] or ["FuzzCSV", "FuzzMarkdownNotes", "FuzzHTMLNotes", "FuzzJSONLinesNotes", "FuzzConfig",
                           "FuzzSurveyDefinition", "FuzzExternalResult", "FuzzXLSX"]
flags = ["-c", "debug", "-Xswiftc", "-sanitize=fuzzer,address", "-Xswiftc", "-parse-as-library"]
subprocess.run(["swift", "build", *flags], cwd=here, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
bin_path = subprocess.run(["swift", "build", *flags, "--show-bin-path"], cwd=here, check=True,
                          capture_output=True, text=True).stdout.strip()
# The targets' scratch files (orghealth-fuzz-<pid>) go to Fuzz/.campaign/tmp.
os.makedirs(f"{here}/.campaign/tmp", exist_ok=True)
env = dict(os.environ, LSAN_OPTIONS=f"suppressions={here}/lsan-suppressions.txt", TMPDIR=f"{here}/.campaign/tmp")
os.makedirs(f"{here}/artifacts", exist_ok=True)

def run(target):
    corpus = f"{here}/.campaign/{target}"
    os.makedirs(corpus, exist_ok=True)
    subprocess.run(f"cp -n {here}/Corpus/{target}/* {corpus}/ 2>/dev/null || true", shell=True)
    log = f"{here}/.campaign/{target}.log"
    started = time.time()
    with open(log, "w") as out:
        # One process per target, so its rusage is the fuzzer's CPU time. -detect_leaks=0: no leak
        # check after each input (36x slower on the analyzer targets); LeakSanitizer checks at exit.
        process = subprocess.Popen(
            ["nice", "-n", "10", f"{bin_path}/{target}", corpus, f"-max_total_time={seconds}", "-timeout=10", "-detect_leaks=0",
             "-rss_limit_mb=2048", "-max_len=65536", "-print_final_stats=1",
             f"-artifact_prefix={here}/artifacts/{target}-"], stdout=out, stderr=subprocess.STDOUT, env=env)
        _, status, usage = os.wait4(process.pid, 0)
    wall = time.time() - started
    text = open(log, errors="replace").read()
    execs = re.findall(r"stat::number_of_executed_units: (\d+)", text)
    found = re.findall(r"(ERROR: \w+Sanitizer: [^\n]*|ERROR: libFuzzer: [^\n]*|Fatal error: [^\n]*)", text)
    units = len(os.listdir(corpus))
    return (f"| {target} | {wall / 60:.1f} min | {(usage.ru_utime + usage.ru_stime) / 60:.1f} min | "
            f"{int(execs[-1]) if execs else 0:,} | {units} | {'; '.join(found) or 'none'} (exit {os.waitstatus_to_exitcode(status)}) |")

print("| target | wall | CPU | executions | corpus | found |\n|---|---|---|---|---|---|")
with ThreadPoolExecutor(max_workers=parallel) as pool:
    for row in pool.map(run, targets):
        print(row, flush=True)
