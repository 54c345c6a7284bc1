"""What run.py and compare.py share: where things are, the generated input, and timing a
process pinned to one core with its peak memory."""
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HERE = ROOT / "benchmarks"
WORK = HERE / ".work"
RAPPORT = ROOT / ".build" / "release" / "rapport"
BENCH = ROOT / ".build" / "release" / "RapportBench"  # the RapportBench target (not a product)
PIN = ["taskset", "-c", "0"] if shutil.which("taskset") else []
TIME = "/usr/bin/time" if Path("/usr/bin/time").exists() else None


def lines_file(count):
    """A file of `count` generated lines (made once, then reused)."""
    path = WORK / f"lines-{count}.txt"
    if not path.exists():
        WORK.mkdir(parents=True, exist_ok=True)
        with path.open("w", encoding="utf-8") as out:
            subprocess.run([sys.executable, str(HERE / "make_lines.py"), str(count)], stdout=out, check=True)
    return path


def timed(command, stdin_path=None, stdin_text=None, keep_output=False):
    """Runs `command` on one core: (seconds, peak memory in MiB, output if kept).

    Peak memory comes from /usr/bin/time, not from wait4 in this process: Linux carries a
    parent's high-water mark across fork and exec, which would count Python's own memory."""
    (WORK / "home").mkdir(parents=True, exist_ok=True)
    wrapper = [TIME, "-f", "%M", "-o", str(WORK / "rss.txt")] if TIME else []
    env = dict(os.environ, NO_COLOR="1", HOME=str(WORK / "home"))
    stdin = open(stdin_path, "rb") if stdin_path else subprocess.PIPE
    output = subprocess.PIPE if keep_output else subprocess.DEVNULL
    start = time.perf_counter()
    process = subprocess.Popen(wrapper + PIN + command, stdin=stdin, stdout=output, stderr=subprocess.DEVNULL, env=env)
    text, _ = process.communicate(stdin_text.encode() if stdin_text is not None else None)
    seconds = time.perf_counter() - start
    if stdin_path:
        stdin.close()
    if process.returncode != 0:
        raise SystemExit(f"failed ({process.returncode}): {' '.join(command)}")
    rss = int((WORK / "rss.txt").read_text().split()[-1]) / 1024 if TIME else float("nan")
    return seconds, rss, (text.decode("utf-8", "replace") if keep_output else "")


def cpu_name():
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return "unknown CPU"
