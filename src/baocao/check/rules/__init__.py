"""Decree 30 rules R1–R43; importing the rule modules registers them in ``base.RULES``."""
from __future__ import annotations

from baocao.check.report import Finding
from baocao.check.rules import body, extract, header, page, sign  # noqa: F401  (registration)
from baocao.check.rules.base import RULES, Ctx

__all__ = ["Ctx", "run_rules"]


def run_rules(ctx: Ctx) -> list[Finding]:
    findings = []
    for rid, section, fn in sorted(RULES, key=lambda r: int(r[0][1:])):
        outcome = fn(ctx)
        findings.append(Finding(rid, outcome.status, outcome.place,
                                f"{outcome.message} ({section}, {rid})", outcome.others))
    return findings
