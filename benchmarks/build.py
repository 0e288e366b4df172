"""Time and memory of ``baocao build`` on generated notices, beside LibreOffice converting the
same DOCX files in one batched call.

Run: .venv/bin/python benchmarks/build.py [--notices 50] [--big 200] [--repeat 3] [--no-libreoffice]
Prints figures and the targets beside them; nothing here is a test. Every build runs as its own
process, as CI runs it; memory is sampled from /proc for the build and all its worker processes.
"""
from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "data" / "thong-bao-15-tb-vpcp.yaml"
BAOCAO = [sys.executable, "-m", "baocao"]


def make_notices(folder: Path, count: int) -> list[Path]:
    """*count* copies of the seed notice, each with its own number and meeting place."""
    folder.mkdir(parents=True, exist_ok=True)
    for extra in ("co-quan.yaml", "cai-dat.yaml"):
        if (SEED.parent / extra).exists():
            shutil.copy(SEED.parent / extra, folder / extra)
    text = SEED.read_text(encoding="utf-8")
    paths = []
    for i in range(1, count + 1):
        variant = re.sub(r"(?m)^(  so:) *\d+", rf"\1 {i}", text, count=1)
        path = folder / f"thong-bao-{i:03d}.yaml"
        path.write_text(variant, encoding="utf-8")
        paths.append(path)
    return paths


class TreeSampler:
    """Peak resident memory and CPU time of a process and its descendants, sampled from /proc
    (the workers are the children of a fork server, so the parent's rusage does not see them)."""

    def __init__(self, pid: int):
        self.pid = pid
        self.peaks: dict[int, int] = {}
        self.cpu: dict[int, float] = {}
        self.total = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    @staticmethod
    def _children() -> tuple[dict[int, list[int]], dict[int, float]]:
        tree: dict[int, list[int]] = {}
        cpu: dict[int, float] = {}
        tick = os.sysconf("SC_CLK_TCK")
        for entry in os.listdir("/proc"):
            if entry.isdigit():
                try:
                    fields = Path(f"/proc/{entry}/stat").read_text().rsplit(")", 1)[1].split()
                except OSError:
                    continue
                tree.setdefault(int(fields[1]), []).append(int(entry))
                cpu[int(entry)] = (int(fields[11]) + int(fields[12])) / tick
        return tree, cpu

    def _run(self) -> None:
        while not self._stop.is_set():
            tree, cpu = self._children()
            todo, total = [self.pid], 0
            while todo:
                pid = todo.pop()
                todo += tree.get(pid, [])
                self.cpu[pid] = max(self.cpu.get(pid, 0.0), cpu.get(pid, 0.0))
                try:
                    status = Path(f"/proc/{pid}/status").read_text()
                except OSError:
                    continue
                rss = int(re.search(r"VmRSS:\s+(\d+)", status).group(1)) if "VmRSS" in status else 0
                hwm = int(re.search(r"VmHWM:\s+(\d+)", status).group(1)) if "VmHWM" in status else 0
                self.peaks[pid] = max(self.peaks.get(pid, 0), hwm)
                total += rss
            self.total = max(self.total, total)
            self._stop.wait(0.02)

    def stop(self) -> None:
        self._stop.set()
        self._thread.join()

    @property
    def cpu_seconds(self) -> float:
        return sum(self.cpu.values())

    def summary(self) -> str:
        parent = self.peaks.get(self.pid, 0)
        workers = [v for k, v in self.peaks.items() if k != self.pid]
        return (f"build {parent / 1024:.0f} MiB, largest other process {max(workers, default=0) / 1024:.0f} MiB, "
                f"all at once {self.total / 1024:.0f} MiB")


def timed(argv: list[str], cwd: Path, memory: bool = False) -> tuple[float, TreeSampler | None]:
    start = time.perf_counter()
    process = subprocess.Popen(argv, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                               env={**os.environ, "CI": "true"})
    sampler = TreeSampler(process.pid) if memory else None
    _, err = process.communicate()
    elapsed = time.perf_counter() - start
    if sampler:
        sampler.stop()
        sampler.cpu[process.pid] = max(sampler.cpu.get(process.pid, 0.0), _children_cpu_since(start))
    if process.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(argv)} failed ({process.returncode}):\n{err.decode()}")
    return elapsed, sampler


_reaped = {"cpu": 0.0}


def _children_cpu_since(_start: float) -> float:
    """CPU time of the child just reaped (the build process itself), from this process's rusage."""
    import resource

    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    total = usage.ru_utime + usage.ru_stime
    spent, _reaped["cpu"] = total - _reaped["cpu"], total
    return spent


def row(label: str, value: str, note: str = "") -> None:
    print(f"  {label:<44}{value:>12}   {note}")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--notices", type=int, default=50)
    parser.add_argument("--big", type=int, default=200, help="notices of the second memory measurement (0: skip)")
    parser.add_argument("--repeat", type=int, default=3, help="full builds of each kind (medians are shown)")
    parser.add_argument("--no-libreoffice", action="store_true")
    args = parser.parse_args()
    load_start = os.getloadavg()[0]

    with tempfile.TemporaryDirectory(prefix="baocao-bench-") as tmp:
        work = Path(tmp)
        make_notices(work / "data", args.notices)
        build = [*BAOCAO, "build", "data"]
        print(f"baocao build, {args.notices} copies of {SEED.name}, {os.cpu_count()} CPU cores")

        # Full builds, taken in turn (A B C A B C …) into fresh folders, so that a machine whose
        # speed drifts (other work on it) weighs on all three alike; medians are compared.
        runs: dict[str, list[float]] = {"jobs1": [], "jobs2": [], "verify": []}
        cpu: dict[str, list[float]] = {"jobs1": [], "jobs2": [], "verify": []}
        mem50 = None
        for i in range(args.repeat):
            for name, extra in (("jobs1", ["--jobs", "1"]), ("jobs2", ["--jobs", "2"]),
                                ("verify", ["--jobs", "2", "--verify"])):
                shutil.rmtree(work / name, ignore_errors=True)
                elapsed, sampler = timed([*build, "--out", name, *extra], work, memory=True)
                runs[name].append(elapsed)
                cpu[name].append(sampler.cpu_seconds)
                if name == "jobs2" and i == 0:
                    mem50 = sampler
        jobs1, jobs2, verify2 = (statistics.median(runs[n]) for n in ("jobs1", "jobs2", "verify"))
        cpu1, cpu2, cpu_verify = (statistics.median(cpu[n]) for n in ("jobs1", "jobs2", "verify"))
        shutil.copytree(work / "jobs2", work / "o2")
        noop = statistics.median(timed([*build, "--out", "o2"], work)[0] for _ in range(5))
        check = statistics.median(timed([*build, "--out", "o2", "--check"], work)[0] for _ in range(3))
        make_notices(work / "one", 1)
        cold, _ = timed([*BAOCAO, "build", "one", "--out", "o4"], work)
        helps = statistics.median(timed([*BAOCAO, "--help"], work)[0] for _ in range(5))

        print(f"  (full builds: median of {args.repeat}, taken in turn; 1-minute load average "
              f"{load_start:.1f} at the start, {os.getloadavg()[0]:.1f} now — other work on the machine slows all)")
        row("full build, --jobs 1", f"{jobs1:.2f} s",
            f"{jobs1 / args.notices * 1000:.0f} ms per notice; CPU {cpu1:.1f} s")
        row("full build, --jobs 2", f"{jobs2:.2f} s",
            f"{jobs1 / jobs2:.2f}× faster than --jobs 1 (target ≥ 1.7×); CPU of all processes {cpu2:.1f} s")
        row("no-op rebuild (nothing changed)", f"{noop:.2f} s",
            f"{noop / jobs2 * 100:.1f} % of a full build (target ≤ 10 %)")
        row("build --check (nothing changed)", f"{check:.2f} s")
        row("full build --verify, --jobs 2", f"{verify2:.2f} s",
            f"+{(verify2 - jobs2) / jobs2 * 100:.0f} % for --verify (target ≤ 30 %); CPU {cpu_verify:.1f} s, "
            f"+{(cpu_verify - cpu2) / cpu2 * 100:.0f} %")
        row("cold build of one notice", f"{cold:.2f} s")
        row("baocao --help", f"{helps:.3f} s", "target ≤ 0.15 s")
        print(f"  peak memory, {args.notices} notices, --jobs 2: {mem50.summary()}")
        if args.big:
            make_notices(work / "big", args.big)
            big, mem_big = timed([*BAOCAO, "build", "big", "--out", "o5", "--jobs", "2"], work, memory=True)
            print(f"  peak memory, {args.big} notices, --jobs 2: {mem_big.summary()} ({big:.1f} s)")

        soffice = shutil.which("soffice") or shutil.which("libreoffice")
        if args.no_libreoffice or not soffice:
            print("  LibreOffice: skipped" + ("" if soffice else " (not installed)"))
            return 0
        docx = sorted((work / "o2").glob("*/thong-bao.docx"))
        batch = work / "lo-in"
        batch.mkdir()
        for path in docx:
            shutil.copy(path, batch / f"{path.parent.name}.docx")
        profile = f"-env:UserInstallation=file://{work}/lo-profile"
        lo = [soffice, profile, "--headless", "--convert-to", "pdf"]
        timed([*lo, "--outdir", str(work / "lo-warm"), str(batch / f"{docx[0].parent.name}.docx")], work)
        lo_time, _ = timed([*lo, "--outdir", str(work / "lo-out"), *sorted(str(p) for p in batch.iterdir())], work)
        made = len(list((work / "lo-out").glob("*.pdf")))
        row(f"LibreOffice, {len(docx)} DOCX → PDF, one call", f"{lo_time:.2f} s",
            f"{made} PDFs; baocao --jobs 2 makes DOCX and PDF of all in {jobs2:.2f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
