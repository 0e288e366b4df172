"""Time and memory of rendering the seed notice, beside LibreOffice converting the same DOCX.

Run: .venv/bin/python benchmarks/render.py [data/thong-bao-15-tb-vpcp.yaml] [--repeat N]
Prints figures only; nothing here is a test.
"""
from __future__ import annotations

import argparse
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def timed(fn, repeat: int) -> tuple[float, float]:
    fn()  # warm-up: imports, font loading, template compilation
    runs = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        runs.append(time.perf_counter() - start)
    return statistics.median(runs), min(runs)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("notice", nargs="?", default=str(ROOT / "data" / "thong-bao-15-tb-vpcp.yaml"))
    parser.add_argument("--repeat", type=int, default=10)
    args = parser.parse_args()

    start = time.perf_counter()
    import weasyprint  # noqa: F401  (its import is part of a cold start)

    from baocao.build.outputs import notice_document
    from baocao.data.validate import load_notice
    from baocao.documents.wording import templates_dir
    from baocao.render.docx import render_docx
    from baocao.render.html import render_html
    from baocao.render.pdf import render_pdf
    from baocao.settings import layout_for
    import_s = time.perf_counter() - start

    path = Path(args.notice)
    notice, registry, _ = load_notice(path)
    layout = layout_for(notice, path.parent)
    folder = templates_dir()
    doc = notice_document(notice, registry, layout, path, folder)

    load_med, _ = timed(lambda: load_notice(path), args.repeat)
    docx_med, docx_min = timed(lambda: render_docx(doc), args.repeat)
    html = render_html(doc, folder)
    pdf_med, pdf_min = timed(lambda: render_pdf(render_html(doc, folder), folder), args.repeat)

    tracemalloc.start()
    render_docx(doc)
    render_pdf(html, folder)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()

    print(f"notice            {path.name}")
    print(f"imports           {import_s * 1000:8.1f} ms (once per process)")
    print(f"load + validate   {load_med * 1000:8.1f} ms median of {args.repeat}")
    print(f"DOCX              {docx_med * 1000:8.1f} ms median, {docx_min * 1000:.1f} ms best")
    print(f"PDF (HTML+Weasy)  {pdf_med * 1000:8.1f} ms median, {pdf_min * 1000:.1f} ms best")
    print(f"peak Python heap  {peak / 2**20:8.1f} MiB (tracemalloc, one DOCX + one PDF after warm-up)")
    print(f"peak RSS          {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:8.1f} MiB (whole process)")

    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice:
        print("LibreOffice       not installed: skipped")
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        docx = Path(tmp) / "thong-bao.docx"
        docx.write_bytes(render_docx(doc))
        times = []
        for i in range(3):
            start = time.perf_counter()
            subprocess.run([soffice, f"-env:UserInstallation=file://{tmp}/profile", "--headless",
                            "--convert-to", "pdf", "--outdir", f"{tmp}/out{i}", str(docx)],
                           check=True, capture_output=True)
            times.append(time.perf_counter() - start)
            if not (Path(tmp) / f"out{i}" / "thong-bao.pdf").exists():
                print("LibreOffice       conversion produced no file", file=sys.stderr)
                return 1
    print(f"LibreOffice DOCX→PDF {statistics.median(times[1:]) * 1000:5.0f} ms median of 2 after a first "
          f"run of {times[0] * 1000:.0f} ms (profile creation)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
