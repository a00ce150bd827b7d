#!/usr/bin/env python3
"""pandas.read_excel (openpyxl engine) on the benchmark workbook: rows/s, wall and CPU time.
usage: pandas_xlsx.py FILE.xlsx   (run under /usr/bin/time -v for peak memory)"""
import sys
import time

import pandas as pd

start, cpu = time.perf_counter(), time.process_time()
frame = pd.read_excel(sys.argv[1], engine="openpyxl")
wall, cpu = time.perf_counter() - start, time.process_time() - cpu
print(f"pandas {pd.__version__} read_excel(openpyxl): {len(frame)} rows × {len(frame.columns)} columns in "
      f"{wall:.1f} s wall, {cpu:.1f} s CPU: {len(frame) / wall:,.0f} rows/s")
