"""Word fidelity of `baocao import` on the real notices of tests/resources/: each is imported,
built again to DOCX, and its words compared with the source's. Prints the table of
docs/import.md; nothing here is a test (tests/test_import_real.py holds the thresholds).

Run: .venv/bin/python benchmarks/import_fidelity.py

words     words of the source (without case, old and new tone placement taken as one)
fidelity  2·matched / (source + rebuilt) over the longest common word sequence
exact     the same over the words as written, capitals included
tasks     assignments the import reads ("N việc được giao")
to check  "# kiểm tra lại" comments in the YAML
"""
from __future__ import annotations

import re
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from import_helpers import docx_text, fidelity, import_into, project_copy, rebuild_docx, words  # noqa: E402
from rendered import SEED_003  # noqa: E402
from test_import_real import REAL, SOURCES  # noqa: E402

from baocao.data.lookalikes import to_latin  # noqa: E402

EXTRA = [REAL / "A4_vpcp-637-2025-benh-vien-ninh-binh.txt", SEED_003]


def _as_written(text: str) -> list[str]:
    return re.findall(r"[^\W_]+", text)


def measure(path: Path) -> tuple[int, float, float, int, int]:
    tmp = Path(tempfile.mkdtemp(prefix="baocao-fidelity-"))
    target, result = import_into(path, project_copy(tmp), "x.yaml")
    docx, _notice, _registry = rebuild_docx(target, tmp / "out")
    if path.suffix == ".docx":
        source, headless = docx_text(path), False
    else:
        source = to_latin(path.read_text(encoding="utf-8"))[0]   # look-alikes as the reader sees them
        source = source[source.index("THÔNG BÁO"):] if path == SEED_003 else source
        headless = source.lstrip().startswith("THÔNG BÁO")
    rebuilt = docx_text(docx, from_title=headless)
    return (len(words(source)), fidelity(words(source), words(rebuilt)),
            fidelity(_as_written(source), _as_written(rebuilt)), result.tasks, result.to_check)


def main() -> None:
    print(f"{'source':48} {'words':>6} {'fidelity':>9} {'exact':>7} {'tasks':>6} {'to check':>9}")
    for path in [path for path, _what in SOURCES] + EXTRA:
        n, fid, exact, tasks, check = measure(path)
        print(f"{path.name[:48]:48} {n:6} {fid:9.4f} {exact:7.4f} {tasks:6} {check:9}")


if __name__ == "__main__":
    main()
