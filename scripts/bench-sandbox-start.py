#!/usr/bin/env python3
"""Sandbox start to first answer: starts `kirjaamo sandbox --port 0` a few times and measures the
wall time from the spawn to the first answered outbox request, and the CPU time the process used
by then (what start-up costs on a 2-core machine). Prints the median and every run.

    scripts/bench-sandbox-start.py [path/to/kirjaamo] [runs]"""

import re
import resource
import statistics
import subprocess
import sys
import time
import urllib.request

binary = sys.argv[1] if len(sys.argv) > 1 else "target/release/kirjaamo"
runs = int(sys.argv[2]) if len(sys.argv) > 2 else 5
walls, cpus = [], []
for _ in range(runs):
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.monotonic()
    process = subprocess.Popen([binary, "sandbox", "--port", "0"], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    line = process.stdout.readline()
    port = re.search(r"127\.0\.0\.1:(\d+)", line).group(1)
    request = urllib.request.Request(
        f"http://127.0.0.1:{port}/epalvelu/api/v1/transactions?limit=1",
        headers={"Authorization": "Bearer epalvelu-demo-token"},
    )
    with urllib.request.urlopen(request) as answer:
        assert answer.status == 200
    walls.append(time.monotonic() - start)
    with open(f"/proc/{process.pid}/stat") as stat:
        fields = stat.read().rsplit(")", 1)[1].split()
        ticks = int(fields[11]) + int(fields[12])
    cpus.append(ticks / 100)
    process.terminate()
    process.wait()
print(f"sandbox start to first answer: median {statistics.median(walls):.3f} s wall, {statistics.median(cpus):.2f} s CPU ({runs} runs)")
print("  wall:", " ".join(f"{w:.3f}" for w in walls))
print("  cpu: ", " ".join(f"{c:.2f}" for c in cpus))
