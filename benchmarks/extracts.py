"""Time to build every extract of a notice (DOCX and PDF of each agency, and the index), with one
worker and with two, beside LibreOffice converting the same DOCX files to PDF.

Run: .venv/bin/python benchmarks/extracts.py [data/thong-bao-15-tb-vpcp.yaml] [--repeat N]
Prints figures only; nothing here is a test.
"""
from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from render import timed  # benchmarks/render.py: median and best of N runs after a warm-up

ROOT = Path(__file__).resolve().parents[1]


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("notice", nargs="?", default=str(ROOT / "data" / "thong-bao-15-tb-vpcp.yaml"))
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()

    from baocao.data.validate import load_notice
    from baocao.documents.notice import build_document
    from baocao.documents.wording import Wording, templates_dir
    from baocao.render.extracts import render_extracts
    from baocao.settings import layout_for

    path = Path(args.notice)
    notice, registry, _ = load_notice(path)
    layout = layout_for(notice, path.parent, path)
    folder = templates_dir()
    doc = build_document(notice, registry, layout, Wording(folder), path.parent)

    def build(workers: int) -> dict[Path, bytes]:
        return render_extracts(notice, registry, layout, path, Path("out"), folder, document=doc, workers=workers)

    files = build(1)
    count = sum(1 for p in files if p.suffix == ".docx")
    if not count:
        print(f"{path.name}: no extract (the notice assigns nothing)")
        return 0
    one_med, one_min = timed(lambda: build(1), args.repeat)
    two_med, two_min = timed(lambda: build(2), args.repeat)
    print(f"notice            {path.name}: {count} extracts (DOCX + PDF each) and the index")
    print(f"cores             {os.cpu_count()}")
    print(f"1 worker          {one_med:8.2f} s median of {args.repeat}, {one_min:.2f} s best, "
          f"{one_med / count * 1000:.0f} ms per extract")
    print(f"2 workers         {two_med:8.2f} s median of {args.repeat}, {two_min:.2f} s best, "
          f"speed-up {one_med / two_med:.2f}×")

    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice:
        print("LibreOffice       not installed: skipped")
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        docx = []
        for name, data in files.items():
            if name.suffix == ".docx":
                target = Path(tmp) / name.name
                target.write_bytes(data)
                docx.append(str(target))
        profile = Path(tmp) / "profile"
        command = [soffice, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf",
                   "--outdir", str(Path(tmp) / "pdf"), *docx]
        lo_med, lo_min = timed(lambda: subprocess.run(command, check=True, capture_output=True, timeout=600),
                               max(1, args.repeat // 2))
    print(f"LibreOffice       {lo_med:8.2f} s median, {lo_min:.2f} s best: only converting the {count} DOCX "
          "to PDF (one soffice run, warm profile)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
