"""How often `baocao check` agrees with a văn thư: precision and recall of its FAIL verdicts.

Runs the checker on the six real documents of tests/resources/realdocs/ and on the wild corpus
(tests/check_wild/: every kind of document typed in LibreOffice, saved as DOCX and PDF), and compares
each FAIL with the verdicts written down beforehand in the .expect files.

    .venv/bin/python benchmarks/check_accuracy.py [-v]

Exit status 1 when precision or recall falls below 95 %.
"""
from __future__ import annotations

import os
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "tests", "check_wild"))

from accuracy import measure, report  # noqa: E402

THRESHOLD = 0.95


def main(argv: list[str]) -> int:
    with tempfile.TemporaryDirectory(prefix="baocao-wild-") as tmp:
        score = measure(tmp)
    report(score, verbose="-v" in argv)
    return 0 if score.precision >= THRESHOLD and score.recall >= THRESHOLD else 1


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
