#!/usr/bin/env python3
"""Benchmarks the real desk window as a clerk meets it, under Xvfb at 1920x1080.

    scripts/bench-desk.py [binary] [--runs N] [--smaps] [--browse]

- **Demo click to inbox**: a first start (empty settings and data folders), "Kokeile demoa"
  clicked with xdotool; the desk logs at debug level how long it took from the click to the frame
  that drew the inbox (`kirjaamo::timing`). Also the wall time from the process start.
- **Down arrow to drawn preview**: 20 times j (the next row), each waited for until the desk logs
  that the selected transaction's form page was drawn, then 0.5 s to read it (the neighbours are
  drawn ahead meanwhile). Run again with `KIRJAAMO_PREFETCH=off` for the cold figure.
- **Peak RSS of the browse** (VmHWM): at the inbox, after the 20 form previews, and after 20
  more transactions on the attachments tab (the first attachment of each is drawn).

The median of --runs runs (default 3). Each run is a fresh process with its own data folders.
Needs xvfb, xdotool and imagemagick. It starts its own Xvfb on a free display and ends only
the processes it started.
"""

import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

def free_display(first: int = 83) -> str:
    """A display nobody uses: no X socket and no lock file."""
    n = first
    while os.path.exists(f"/tmp/.X11-unix/X{n}") or os.path.exists(f"/tmp/.X{n}-lock"):
        n += 1
    return f":{n}"


DISPLAY = free_display()
WIDTH, HEIGHT = 1920, 1080
# "Kokeile demoa" on the start screen at 1920x1080 (centred, below the welcome text).
DEMO_BUTTON = (960, 319)
# The detail's "Liitteet" tab at 1920x1080 (the first row of the middle panel's tabs).
ATTACHMENTS_TAB = (587, 86)


def log_lines(path, start):
    with open(path, encoding="utf-8", errors="replace") as f:
        f.seek(start)
        text = f.read()
    return text


def wait_for(path, pattern, offset, timeout):
    """Waits until `pattern` appears in the log after byte `offset`; returns (match, new offset)."""
    deadline = time.monotonic() + timeout
    regex = re.compile(pattern)
    while time.monotonic() < deadline:
        text = log_lines(path, offset)
        m = regex.search(text)
        if m:
            return m, offset + len(text.encode("utf-8", errors="replace")[: m.end()])
        time.sleep(0.02)
    return None, offset


def status(pid):
    out = {}
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith(("VmRSS", "VmHWM")):
                key, value = line.split(":")
                out[key] = int(value.split()[0]) / 1024
    return out


def smaps(pid):
    """RSS by mapping (MB), the largest first."""
    sums = {}
    current = "[anon]"
    with open(f"/proc/{pid}/smaps") as f:
        for line in f:
            if re.match(r"^[0-9a-f]+-[0-9a-f]+ ", line):
                parts = line.split()
                current = parts[5] if len(parts) > 5 else "[anon]"
            elif line.startswith("Rss:"):
                sums[current] = sums.get(current, 0) + int(line.split()[1]) / 1024
    return sorted(sums.items(), key=lambda kv: -kv[1])


class NoWindow(Exception):
    """The desk could not open its window (Xvfb went away under it): the run is made again."""


XVFB = None


def start_xvfb():
    global XVFB
    if XVFB is not None:
        XVFB.kill()
        XVFB.wait()
    XVFB = subprocess.Popen(["Xvfb", DISPLAY, "-screen", "0", f"{WIDTH}x{HEIGHT}x24"], stderr=subprocess.DEVNULL)
    socket = f"/tmp/.X11-unix/X{DISPLAY[1:]}"
    for _ in range(100):
        if os.path.exists(socket):
            break
        time.sleep(0.05)
    time.sleep(0.5)


def again(run, *args):
    """Runs `run`, once more on a fresh Xvfb if the window could not open."""
    for attempt in range(3):
        try:
            return run(*args)
        except NoWindow as e:
            print(f"(the window did not open, Xvfb restarted: {e})", file=sys.stderr)
            start_xvfb()
    raise SystemExit("the window did not open three times")


def xdo(*args):
    subprocess.run(["xdotool", *map(str, args)], check=False, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


class Desk:
    def __init__(self, binary, args, extra_env):
        self.dir = tempfile.mkdtemp(prefix="bench-desk-")
        env = dict(os.environ)
        env.update(
            DISPLAY=DISPLAY,
            KIRJAAMO_DATA_DIR=f"{self.dir}/data",
            KIRJAAMO_CONFIG_DIR=f"{self.dir}/config",
            KIRJAAMO_LOG_DIR=f"{self.dir}/logs",
            XDG_DATA_HOME=f"{self.dir}/xdg",
            LANG="fi_FI.UTF-8",
            RUST_LOG="info,kirjaamo::timing=debug",
        )
        env.update(extra_env)
        self.log = f"{self.dir}/stderr.log"
        self.started = time.monotonic()
        with open(self.log, "w") as out:
            self.proc = subprocess.Popen([binary, *args], env=env, stdout=out, stderr=out)
        self.offset = 0
        self.window = None
        for _ in range(600):
            found = subprocess.run(
                ["xdotool", "search", "--pid", str(self.proc.pid)], capture_output=True, text=True, env=env
            ).stdout.split()
            if found:
                self.window = found[-1]
                break
            time.sleep(0.05)
        if not self.window:
            with open(self.log, encoding="utf-8", errors="replace") as f:
                tail = f.read()[-2000:]
            self.close()
            raise NoWindow(f"exit {self.proc.poll()}; the log ends: {tail[-300:]}")
        # A window found at once may not be mapped yet, and then ignores the resize: ask until
        # its geometry says so.
        for _ in range(50):
            xdo("windowsize", self.window, WIDTH, HEIGHT)
            xdo("windowmove", self.window, 0, 0)
            time.sleep(0.1)
            geometry = subprocess.run(
                ["xdotool", "getwindowgeometry", self.window], capture_output=True, text=True, env=env
            ).stdout
            if f"{WIDTH}x{HEIGHT}" in geometry:
                break
        else:
            raise SystemExit("the window was not resized")
        xdo("windowfocus", "--sync", self.window)

    def wait(self, pattern, timeout=30):
        m, self.offset = wait_for(self.log, pattern, self.offset, timeout)
        return m

    def key(self, key):
        xdo("key", "--window", self.window, key)

    def click(self, x, y):
        xdo("mousemove", x, y, "click", "1")

    def close(self):
        self.proc.kill()
        self.proc.wait()
        shutil.rmtree(self.dir, ignore_errors=True)


def demo_click(binary):
    desk = Desk(binary, [], {})
    try:
        time.sleep(1.5)  # the start screen is drawn
        clicked = time.monotonic()
        desk.click(*DEMO_BUTTON)
        m = desk.wait(r"inbox drawn (\d+) ms after")
        if not m:
            subprocess.run(["import", "-display", DISPLAY, "-window", "root", "/tmp/bench-desk-failed.png"], check=False)
            shutil.copy(desk.log, "/tmp/bench-desk-failed.log")
            raise SystemExit("the demo's inbox was not drawn within 30 s (see /tmp/bench-desk-failed.png and .log)")
        return int(m.group(1)), time.monotonic() - clicked
    finally:
        desk.close()


def browse(binary, prefetch, show_smaps):
    env = {} if prefetch else {"KIRJAAMO_PREFETCH": "off"}
    desk = Desk(binary, ["--demo"], env)
    try:
        if not desk.wait(r"inbox drawn (\d+) ms after"):
            raise SystemExit("no inbox")
        time.sleep(1.0)
        memory = {"inbox": status(desk.proc.pid)}
        if show_smaps:
            print("RSS by mapping at the inbox:")
            for name, mb in smaps(desk.proc.pid)[:12]:
                print(f"  {mb:7.1f} MB  {name}")
        drawn = []
        for _ in range(20):
            desk.key("j")
            m = desk.wait(r"preview drawn ([\d.]+) ms after", timeout=10)
            if m:
                drawn.append(float(m.group(1)))
            time.sleep(0.5)
        memory["20 forms"] = status(desk.proc.pid)
        desk.click(*ATTACHMENTS_TAB)
        attachments = 0
        for _ in range(20):
            desk.key("k")
            if desk.wait(r"attachment drawn ([\d.]+) ms after", timeout=10):
                attachments += 1
            time.sleep(0.3)
        time.sleep(0.5)
        memory["20 attachments"] = status(desk.proc.pid)
        if show_smaps:
            print("RSS by mapping after the browse:")
            for name, mb in smaps(desk.proc.pid)[:12]:
                print(f"  {mb:7.1f} MB  {name}")
        return drawn, memory, attachments
    finally:
        desk.close()


def main():
    args = sys.argv[1:]
    runs = 3
    if "--runs" in args:
        i = args.index("--runs")
        runs = int(args[i + 1])
        del args[i : i + 2]
    show_smaps = "--smaps" in args
    # --browse: only the prefetched browse (its times and memory), for trying a change quickly.
    browse_only = "--browse" in args
    args = [a for a in args if a not in ("--smaps", "--browse")]
    binary = args[0] if args else "target/release/kirjaamo"
    os.environ["DISPLAY"] = DISPLAY
    start_xvfb()
    try:
        clicks = [] if browse_only else [again(demo_click, binary) for _ in range(runs)]
        if clicks:
            print(f"demo click to inbox drawn: median {statistics.median(c[0] for c in clicks):.0f} ms "
                  f"(runs: {', '.join(str(c[0]) for c in clicks)} ms; wall {statistics.median(c[1] for c in clicks):.2f} s)")
        for prefetch in (True,) if browse_only else (True, False):
            times, peaks, counts = [], {}, []
            for run in range(runs):
                drawn, memory, attachments = again(browse, binary, prefetch, show_smaps and run == 0 and prefetch)
                times.extend(drawn)
                counts.append(attachments)
                for stage, values in memory.items():
                    peaks.setdefault(stage, []).append(values["VmHWM"])
            label = "prefetched" if prefetch else "KIRJAAMO_PREFETCH=off"
            if times:
                q = statistics.quantiles(times, n=10) if len(times) > 1 else [times[0]] * 9
                print(f"down to drawn preview ({label}): median {statistics.median(times):.1f} ms, "
                      f"p90 {q[8]:.1f} ms, max {max(times):.1f} ms over {len(times)} moves")
            else:
                print(f"down to drawn preview ({label}): no preview was logged")
            for stage, values in peaks.items():
                print(f"  peak RSS after {stage}: median {statistics.median(values):.0f} MB "
                      f"(runs: {', '.join(f'{v:.0f}' for v in values)})")
            print(f"  attachments drawn per run: {counts}")
    finally:
        if XVFB is not None:
            XVFB.kill()


if __name__ == "__main__":
    main()
