"""Decree 30 rules R1–R43; importing the rule modules registers them in ``base.RULES``."""
from __future__ import annotations

from baocao.check.report import SKIP, Finding
from baocao.check.rules import body, extract, header, page, sign  # noqa: F401  (registration)
from baocao.check.rules.base import RULES, Ctx

__all__ = ["Ctx", "run_rules"]


PAGE_ONLY = {"R1"}                 # judged from the page boxes alone, whatever the text layer holds


def run_rules(ctx: Ctx) -> list[Finding]:
    findings = []
    doc = ctx.doc
    for rid, section, fn in sorted(RULES, key=lambda r: int(r[0][1:])):
        if doc.untrusted and rid not in PAGE_ONLY:
            findings.append(Finding(rid, SKIP, None, f"không kiểm được: {doc.untrusted} ({section}, {rid})"))
            continue
        outcome = fn(ctx)
        findings.append(Finding(rid, outcome.status, outcome.place,
                                f"{outcome.message} ({section}, {rid})", outcome.others))
    return findings
