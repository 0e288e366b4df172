"""Precision and recall of ``baocao check`` against a văn thư's verdicts, written down per document.

Every document has an ``.expect`` file: one line per rule, ``R14 FAIL  # why``, where the verdict is
PASS, FAIL, SKIP, several joined by "|" (either is right), or "-" (not scored). A FAIL the checker
gives where the văn thư wrote no FAIL is a false alarm; a FAIL the văn thư wrote that the checker does
not give is a miss. precision = right FAILs / FAILs given, recall = right FAILs / FAILs written down.
"""
from __future__ import annotations

import os
import sys
from dataclasses import dataclass, field

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
REAL = os.path.join(ROOT, "tests", "resources", "realdocs")
EXPECT = os.path.join(HERE, "expect")


def parse_expect(path: str) -> dict[str, set[str] | None]:
    out: dict[str, set[str] | None] = {}
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            line = line.split("#", 1)[0].strip()
            if not line:
                continue
            rule, verdict = line.split()[:2]
            out[rule] = None if verdict == "-" else set(verdict.split("|"))
    return out


@dataclass
class Outcome:
    name: str
    right: list[str] = field(default_factory=list)        # FAILs the văn thư agrees with
    false_alarms: list[str] = field(default_factory=list)
    misses: list[str] = field(default_factory=list)
    other: list[str] = field(default_factory=list)         # PASS/SKIP disagreements (not scored)
    untrusted_fails: list[str] = field(default_factory=list)


@dataclass
class Score:
    outcomes: list[Outcome]

    @property
    def right(self) -> int:
        return sum(len(o.right) for o in self.outcomes)

    @property
    def given(self) -> int:
        return self.right + sum(len(o.false_alarms) for o in self.outcomes)

    @property
    def written(self) -> int:
        return self.right + sum(len(o.misses) for o in self.outcomes)

    @property
    def precision(self) -> float:
        return self.right / self.given if self.given else 1.0

    @property
    def recall(self) -> float:
        return self.right / self.written if self.written else 1.0


def judge(name: str, report, expected: dict[str, set[str] | None]) -> Outcome:
    out = Outcome(name)
    untrusted = any(f.status == "SKIP" and "không kiểm được: " in f.message for f in report.findings)
    for f in report.findings:
        want = expected.get(f.rule)
        if f.status == "FAIL" and untrusted:
            out.untrusted_fails.append(f.rule)
        if want is None:
            continue
        if f.status == "FAIL":
            (out.right if "FAIL" in want else out.false_alarms).append(f"{f.rule}: {f.message}")
        elif "FAIL" in want:
            out.misses.append(f"{f.rule} ({f.status}: {f.message})")
        elif f.status not in want:
            out.other.append(f"{f.rule} {f.status}, văn thư: {'|'.join(sorted(want))}")
    return out


def documents(wild_dir: str | None) -> list[tuple[str, str, str]]:
    """(label, file, expectation file) for the real documents and the generated wild corpus."""
    items = []
    for name in sorted(os.listdir(REAL)):
        if name.endswith((".docx", ".pdf")):
            items.append((f"real/{name}", os.path.join(REAL, name), os.path.join(REAL, name + ".expect")))
    if wild_dir is not None:
        from documents import generate

        for name, files in generate(wild_dir).items():
            for fmt, path in files.items():
                if path is not None:
                    items.append((f"wild/{name}.{fmt}", path, os.path.join(EXPECT, name + ".expect")))
    return items


def measure(wild_dir: str | None) -> Score:
    from baocao.check import check_file

    outcomes = []
    for label, path, expect in documents(wild_dir):
        outcomes.append(judge(label, check_file(path), parse_expect(expect)))
    return Score(outcomes)


def report(score: Score, stream=sys.stdout, verbose: bool = False) -> None:
    print(f"{'tài liệu':<46} {'đúng':>4} {'báo nhầm':>8} {'bỏ sót':>6}", file=stream)
    for o in score.outcomes:
        print(f"{o.name:<46} {len(o.right):>4} {len(o.false_alarms):>8} {len(o.misses):>6}", file=stream)
        if verbose:
            for line in o.false_alarms:
                print(f"    báo nhầm  {line}", file=stream)
            for line in o.misses:
                print(f"    bỏ sót    {line}", file=stream)
            for line in o.other:
                print(f"    khác      {line}", file=stream)
    print(f"\n{len(score.outcomes)} tệp; FAIL đưa ra {score.given}, đúng {score.right}; "
          f"lỗi ghi nhận {score.written}", file=stream)
    print(f"precision {score.precision:.1%}   recall {score.recall:.1%}", file=stream)
