"""Time of `baocao import` on seed 003, beside the tools that only get the words out.

Run: .venv/bin/python benchmarks/import.py [--repeat N]
Prints figures only; nothing here is a test. Seed 003 (tests/resources/real/seed-003_*.txt, a copy
of shared/seeds/003_*) is the real VPCP notice as plain text; the DOCX and PDF rows import the same notice
as baocao builds it from data/thong-bao-15-tb-vpcp.yaml. The tools beside them (pdftotext,
LibreOffice's DOCX→text) give the words only: no structure, no assignments, no YAML.
"""
from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

from render import timed  # benchmarks/render.py: median and best of N runs after a warm-up

ROOT = Path(__file__).resolve().parents[1]
SEEDS = (ROOT / "tests" / "resources" / "real",)
SAMPLE = ROOT / "data" / "thong-bao-15-tb-vpcp.yaml"


def process(args: list[str], repeat: int = 3) -> float:
    runs = []
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run(args, check=True, capture_output=True)
        runs.append(time.perf_counter() - start)
    return statistics.median(runs)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=10)
    args = parser.parse_args()
    seed = next((p for folder in SEEDS if folder.is_dir() for p in sorted(folder.glob("seed-003_*.txt"))), None)
    if seed is None:
        print("seed 003 not found (tests/resources/real/seed-003_*.txt)", file=sys.stderr)
        return 1

    start = time.perf_counter()
    from baocao.build.outputs import render_notice
    from baocao.data.validate import load_notice
    from baocao.importer.pipeline import check_to_stdout, import_notice
    from baocao.settings import layout_for
    import_s = time.perf_counter() - start

    def seed_import():
        text, imported = import_notice(seed)
        check_to_stdout(text, imported)

    seed_med, seed_min = timed(seed_import, args.repeat)
    tracemalloc.start()
    seed_import()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(f"seed 003 text     {seed.name}")
    print(f"imports           {import_s * 1000:8.1f} ms (once per process)")
    print(f"import seed 003   {seed_med * 1000:8.1f} ms median of {args.repeat}, {seed_min * 1000:.1f} ms best "
          "(read, recognise, YAML, validate)")
    print(f"peak Python heap  {peak / 2**20:8.1f} MiB (tracemalloc, one import after warm-up)")
    cli = [sys.executable, "-m", "baocao", "import", str(seed)]
    print(f"baocao import     {process(cli) * 1000:8.0f} ms median of 3, whole process (cold start)")

    notice, registry, _ = load_notice(SAMPLE)
    with tempfile.TemporaryDirectory() as tmp:
        files = render_notice(notice, registry, layout_for(notice, SAMPLE.parent), SAMPLE, Path(tmp))
        for path, data in files.items():
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
        docx = next(p for p in files if p.suffix == ".docx")
        pdf = next(p for p in files if p.suffix == ".pdf")
        for label, path in (("import DOCX", docx), ("import PDF", pdf)):
            med, best = timed(lambda p=path: import_notice(p), max(3, args.repeat // 2))
            print(f"{label:<17} {med * 1000:8.1f} ms median, {best * 1000:.1f} ms best (same notice as built)")
        if shutil.which("pdftotext"):
            print(f"pdftotext -layout {process(['pdftotext', '-layout', str(pdf), f'{tmp}/t.txt']) * 1000:8.0f} ms "
                  "(words only)")
        soffice = shutil.which("soffice") or shutil.which("libreoffice")
        if soffice:
            convert = [soffice, f"-env:UserInstallation=file://{tmp}/profile", "--headless", "--convert-to", "txt",
                       "--outdir", f"{tmp}/txt", str(docx)]
            subprocess.run(convert, capture_output=True)       # profile creation
            print(f"LibreOffice DOCX→txt {process(convert, 2) * 1000:5.0f} ms (words only)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
