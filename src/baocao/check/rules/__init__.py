"""Decree 30 rules R1–R43; importing the rule modules registers them in ``base.RULES``."""
from __future__ import annotations

from baocao.check.report import FAIL, SKIP, Finding
from baocao.check.rules import body, extract, header, page, sigbox, sign  # noqa: F401  (registration)
from baocao.check.rules.base import RULES, Ctx, Outcome

__all__ = ["Ctx", "not_judged", "run_rules"]


PAGE_ONLY = {"R1"}                 # judged from the page boxes alone, whatever the text layer holds
# rules that read only words and their order: what OCR can give (no fonts, sizes, weights, spacing)
WORDS_ONLY = {"R1", "R15", "R16", "R18", "R19", "R29", "R39"}


def not_judged(reason: str) -> list[Finding]:
    """Every rule skipped for *reason* (a file that is no administrative document)."""
    return [Finding(rid, SKIP, None, f"{reason} ({section}, {rid})")
            for rid, section, _fn in sorted(RULES, key=lambda r: int(r[0][1:]))]


def run_rules(ctx: Ctx) -> list[Finding]:
    findings = []
    doc = ctx.doc
    for rid, section, fn in sorted(RULES, key=lambda r: int(r[0][1:])):
        if doc.untrusted and rid not in PAGE_ONLY:
            findings.append(Finding(rid, SKIP, None, f"không kiểm được: {doc.untrusted} ({section}, {rid})"))
            continue
        if doc.read_by_ocr and rid not in WORDS_ONLY:
            findings.append(Finding(rid, SKIP, None, f"không kiểm được: {doc.read_by_ocr}, không cho biết "
                                                     f"phông, cỡ chữ, kiểu chữ và khoảng cách ({section}, {rid})"))
            continue
        outcome = fn(ctx)
        if doc.read_by_ocr and outcome.status == FAIL and outcome.place is None:
            # a part OCR did not find may still be on the page: never a FAIL
            outcome = Outcome(SKIP, f"OCR không đọc ra phần cần kiểm ({outcome.message})")
        findings.append(Finding(rid, outcome.status, outcome.place,
                                f"{outcome.message} ({section}, {rid})", outcome.others))
    return findings
