"""Wall time and peak memory of ``baocao check`` on every hostile file, beside poppler's pdftotext
(what one would otherwise use to look into a PDF) on the PDFs.

Run: .venv/bin/python benchmarks/hostile_check.py [MORE_FILES …]
The corpus is written to a temporary folder by tests/resources/hostile/generate.py. Each command
runs in its own process, started by measure.py; its peak is the largest resident set of it and
everything it forked (wait4). Prints figures only; nothing here is a test.
"""
from __future__ import annotations

import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "resources" / "hostile"))

import generate  # noqa: E402

MEASURE = ROOT / "tests" / "resources" / "hostile" / "measure.py"
TIMEOUT_S = 60


def measure(argv: list[str]) -> tuple[int | None, float, float, str]:
    """(exit status or None when stopped at the timeout, wall s, peak MiB, the message line)."""
    done = subprocess.run([sys.executable, str(MEASURE), str(TIMEOUT_S), *argv], capture_output=True, check=True)
    result = json.loads(done.stdout)
    lines = result["output"].splitlines()
    first = next((ln for ln in lines if ln.startswith("Lỗi")), lines[-1] if lines else "")
    return result["status"], result["wall_s"], result["peak_bytes"] / 2**20, first


def main() -> int:
    folder = Path(tempfile.mkdtemp(prefix="baocao-hostile-"))
    try:
        files = generate.generate(folder)
        extra = {Path(p).name: Path(p) for p in sys.argv[1:]}
        pdftotext = shutil.which("pdftotext")
        print(f"{'tệp':28} {'cỡ':>9} | {'baocao check':>24} | {'pdftotext':>20} | thông báo")
        for name, path in sorted({**files, **extra}.items()):
            size = f"{path.stat().st_size / 1024:.0f} KB" if path.is_file() else "-"
            code, wall, peak, message = measure([sys.executable, "-m", "baocao", "check", str(path)])
            ours = f"exit {code} {wall:6.2f} s {peak:6.0f} MiB"
            theirs = ""
            if pdftotext and path.suffix == ".pdf" and path.is_file():
                t_code, t_wall, t_peak, _ = measure([pdftotext, str(path), "/dev/null"])
                theirs = f"{'dừng' if t_code is None else 'exit ' + str(t_code)} {t_wall:5.1f} s {t_peak:5.0f} MiB"
            print(f"{name:28} {size:>9} | {ours:>24} | {theirs:>20} | {message[:90]}")
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
