"""What both reference scripts print: the size of one PDF of the transaction named on the command
line and the mean time per PDF over RUNS (default 30), for scripts/bench-all.sh to read."""
import json
import sys
import time


def measure(render):
    tx = json.load(open(sys.argv[1]))
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 30
    pdf = render(tx)
    start = time.perf_counter()
    for _ in range(runs):
        render(tx)
    elapsed = (time.perf_counter() - start) / runs
    print("%d fields: %d bytes (%.1f KB), %.1f ms per PDF" % (len(tx["fields"]), len(pdf), len(pdf) / 1024, elapsed * 1000))
