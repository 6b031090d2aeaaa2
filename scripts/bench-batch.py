#!/usr/bin/env python3
"""A morning's batch: `kirjaamo export --auto` of 300 automatic transactions against the sandbox
with 0, 20 and 40 ms added to every request, 1, 4 and 8 filings at once. Each run starts a fresh
sandbox on the same `--data` folder, made from the seed's automatic transactions (their fields and
attachments) under new ids. The sandbox counts every request (one fault rule that only delays);
the floor of a run is its round trips per filing x the latency / N. Prints a Markdown table.

    scripts/bench-batch.py [path/to/kirjaamo] [count]

Scanning is off (`--scanner none`): the scan's own cost is in BENCHMARKS.md's "Virus scanning"."""

import json
import os
import re
import subprocess
import sys
import tempfile
import time
import tomllib
import urllib.request
from pathlib import Path

binary = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else "target/release/kirjaamo")
count = int(sys.argv[2]) if len(sys.argv) > 2 else 300
root = Path(__file__).resolve().parent.parent
automatic = {
    p.stem for p in (root / "mappings").glob("*.toml") if tomllib.loads(p.read_text()).get("automatic")
}


class Sandbox:
    def __init__(self, *args):
        self.process = subprocess.Popen(
            [binary, "sandbox", "--port", "0", *args], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True
        )
        line = self.process.stdout.readline()
        port = re.search(r"127[.]0[.]0[.]1:(\d+)", line).group(1)
        self.base = f"http://127.0.0.1:{port}"

    def call(self, method, path, body=None, token="Bearer epalvelu-demo-token"):
        data = None if body is None else json.dumps(body).encode()
        request = urllib.request.Request(self.base + path, data=data, method=method)
        request.add_header("Authorization", token)
        if data is not None:
            request.add_header("Content-Type", "application/json")
        with urllib.request.urlopen(request) as answer:
            return answer.read()

    def stop(self):
        self.process.terminate()
        self.process.wait()


def make_data(folder: Path):
    """`count` transactions from the seed's automatic ones, with their attachments."""
    seed = Sandbox()
    templates = []
    listed = json.loads(seed.call("GET", "/epalvelu/api/v1/transactions?limit=200"))["items"]
    for item in listed:
        if item["service"]["id"] not in automatic:
            continue
        detail = json.loads(seed.call("GET", f"/epalvelu/api/v1/transactions/{item['id']}"))["transaction"]
        files = {
            a["filename"]: seed.call("GET", f"/epalvelu/api/v1/transactions/{item['id']}/attachments/{a['id']}")
            for a in detail["attachments"]
        }
        templates.append((detail, files))
    seed.stop()
    for n in range(count):
        detail, files = templates[n % len(templates)]
        name = f"TX-BENCH-{n + 1:06d}"
        (folder / f"{name}.json").write_text(json.dumps({**detail, "id": name}, ensure_ascii=False))
        if files:
            (folder / name).mkdir()
            for filename, content in files.items():
                (folder / name / filename).write_bytes(content)
    attachments = sum(len(t[0]["attachments"]) for t in templates) / len(templates)
    return len(templates), attachments


def run(folder: Path, latency: int, parallel: int, work: Path):
    sandbox = Sandbox("--data", str(folder))
    rule = {"latency_ms": latency, "effect": {"kind": "delay"}}
    sandbox.call("PUT", "/_sandbox/faults", {"rules": [rule]})
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": str(work),
        "XDG_DATA_HOME": str(work / "data"),
        "KIRJAAMO_OUTBOX_TOKEN": "epalvelu-demo-token",
        "KIRJAAMO_TWEB_USER": "kirjaamo",
        "KIRJAAMO_TWEB_PASSWORD": "demo",
    }
    journal = work / f"journal-{latency}-{parallel}.sqlite"
    command = [
        binary, "--mappings", str(root / "mappings"), "export", "--auto",
        "--tweb-url", f"{sandbox.base}/tweb", "--outbox-url", f"{sandbox.base}/epalvelu",
        "--scanner", "none", "--parallel", str(parallel), "--journal", str(journal),
    ]
    start = time.monotonic()
    done = subprocess.run(command, env=env, capture_output=True, text=True)
    seconds = time.monotonic() - start
    requests = json.loads(sandbox.call("GET", "/_sandbox/faults"))["fired"][0]
    sandbox.stop()
    summary = done.stdout.strip().splitlines()[-1] if done.stdout.strip() else done.stderr[-400:]
    filed = int(re.search(r"filed (\d+)", summary).group(1)) if "filed" in summary else 0
    if filed != count:
        print(f"latency {latency} ms, N={parallel}: {summary}", file=sys.stderr)
    return seconds, requests, filed


with tempfile.TemporaryDirectory() as scratch:
    scratch = Path(scratch)
    folder = scratch / "data"
    folder.mkdir()
    templates, attachments = make_data(folder)
    print(f"{count} transactions from the seed's {templates} automatic ones ({attachments:.1f} attachments each)\n")
    print("| added latency | N | time | requests per filing | floor (requests x latency / N) | time / floor |")
    print("|---|---|---|---|---|---|")
    for latency in (0, 20, 40):
        for parallel in (1, 4, 8):
            seconds, requests, filed = run(folder, latency, parallel, scratch)
            per = requests / max(filed, 1)
            floor = per * latency / 1000 * count / parallel
            ratio = f"{seconds / floor:.2f}x" if floor else "-"
            print(f"| {latency} ms | {parallel} | {seconds:.2f} s | {per:.2f} | {floor:.2f} s | {ratio} |", flush=True)
