"""Time to build the briefing (PDF, HTML page, CSV, XLSX, calendars) of seed 003 and of a generated
notice of 200 tasks over 40 agencies, beside what a clerk would otherwise run to get a printable
table of the same tasks: LibreOffice converting the exported XLSX to PDF.

    .venv/bin/python benchmarks/briefing.py [--runs N]
"""
from __future__ import annotations

import argparse
import datetime as dt
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from large_notice import write_large_notice  # noqa: E402

from baocao.build.briefing import briefing_files, notice_briefing  # noqa: E402
from baocao.build.outputs import notice_document  # noqa: E402
from baocao.data.validate import load_notice  # noqa: E402
from baocao.documents.status import StatusOptions  # noqa: E402
from baocao.documents.wording import templates_dir  # noqa: E402
from baocao.settings import layout_for  # noqa: E402

AS_OF = dt.date(2026, 3, 27)


def briefing_seconds(path: Path, out: Path) -> tuple[float, int, int]:
    """(seconds, files, tasks) for one briefing from a validated notice: tasks, progress, status,
    charts, every file rendered in memory."""
    notice, registry, _ = load_notice(path)
    layout = layout_for(notice, path.parent, path)
    start = time.perf_counter()
    doc = notice_document(notice, registry, layout, path)
    briefing = notice_briefing(notice, registry, doc, path, StatusOptions(AS_OF))
    files = briefing_files(briefing, out, templates_dir())
    seconds = time.perf_counter() - start
    for file, data in files.items():
        file.parent.mkdir(parents=True, exist_ok=True)
        file.write_bytes(data)
    return seconds, len(files), len(briefing.rows)


def soffice_seconds(xlsx: Path, out: Path) -> float | None:
    soffice = shutil.which("soffice")
    if soffice is None:
        return None
    start = time.perf_counter()
    subprocess.run([soffice, "--headless", "--convert-to", "pdf", "--outdir", str(out), str(xlsx)],
                   check=True, capture_output=True, timeout=300)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="baocao-bench-"))
    cases = [("seed 003 (Thông báo 15/TB-VPCP)", ROOT / "data" / "thong-bao-15-tb-vpcp.yaml"),
             ("200 nhiệm vụ, 40 cơ quan", write_large_notice(work / "data"))]
    print(f"{'trường hợp':36} {'nhiệm vụ':>8} {'tệp':>4} {'baocao (s)':>11} {'min (s)':>8}   "
          f"{'soffice XLSX→PDF (s)':>20}")
    for name, path in cases:
        times = []
        for _ in range(args.runs):
            seconds, count, tasks = briefing_seconds(path, work / "out")
            times.append(seconds)
        xlsx = work / "out" / path.stem / "nhiem-vu.xlsx"
        other = soffice_seconds(xlsx, work / "soffice")
        shown = f"{other:.2f}" if other is not None else "—"
        print(f"{name:36} {tasks:>8} {count:>4} {statistics.median(times):>11.2f} {min(times):>8.2f}   {shown:>20}")
    print("baocao: trung vị của", args.runs, "lần dựng (PDF, HTML, CSV, XLSX, các tệp .ics); "
          "soffice: một lần chuyển bảng XLSX sang PDF (không có tóm tắt, biểu đồ, tình trạng).")


if __name__ == "__main__":
    main()
