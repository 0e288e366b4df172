"""Findings, per-file reports and how they are printed (text for people, JSON for machines)."""
from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field

from baocao.check.kinds import describe

PASS = "PASS"
FAIL = "FAIL"
SKIP = "SKIP"



@dataclass(frozen=True)
class Place:
    page: int | None = None
    paragraph: int | None = None       # DOCX: paragraph number in the body (tables included), from 1
    line: int | None = None            # PDF: line number on the page, from 1
    excerpt: str | None = None
    part: str | None = None            # e.g. "đầu trang", "mục 2"

    def describe(self) -> str:
        bits = []
        if self.part:
            bits.append(self.part)
        if self.page is not None:
            bits.append(f"trang {self.page}")
        if self.line is not None:
            bits.append(f"dòng {self.line}")
        if self.paragraph is not None:
            bits.append(f"đoạn {self.paragraph}")
        where = ", ".join(bits)
        if self.excerpt:
            where = f"{where} «{self.excerpt}»" if where else f"«{self.excerpt}»"
        return where


@dataclass
class Finding:
    rule: str
    status: str
    place: Place | None
    message: str
    others: int = 0                    # further places with the same fault

    def as_dict(self) -> dict:
        d = asdict(self)
        d["place"] = None if self.place is None else {k: v for k, v in asdict(self.place).items()
                                                        if v is not None}
        return d


@dataclass
class Report:
    path: str
    kind: str
    findings: list[Finding] = field(default_factory=list)
    fmt: str = ""
    notes: list[str] = field(default_factory=list)

    @property
    def failed(self) -> list[Finding]:
        return [f for f in self.findings if f.status == FAIL]

    @property
    def ok(self) -> bool:
        return not self.failed

    def finding(self, rule: str) -> Finding | None:
        return next((f for f in self.findings if f.rule == rule), None)

    def counts(self) -> dict[str, int]:
        out = {PASS: 0, FAIL: 0, SKIP: 0}
        for f in self.findings:
            out[f.status] += 1
        return out

    def as_dict(self) -> dict:
        return {"path": self.path, "format": self.fmt, "kind": self.kind, "ok": self.ok,
                "counts": self.counts(), "findings": [f.as_dict() for f in self.findings],
                "notes": list(self.notes)}


def format_text(report: Report) -> str:
    lines = [f"{report.path} — {describe(report.kind)} ({report.fmt.upper()})"]
    width = max((len(f.rule) for f in report.findings), default=3)
    for f in report.findings:
        where = f.place.describe() if f.place else ""
        extra = f" (và {f.others} chỗ khác)" if f.others else ""
        head = f"  {f.rule:<{width}} {f.status:<4}"
        body = f"{where}: {f.message}" if where and f.status != PASS else f.message
        lines.append(f"{head} {body}{extra}")
    for note in report.notes:
        lines.append(f"  ghi chú: {note}")
    c = report.counts()
    lines.append(f"  Kết quả: {c[PASS]} đạt, {c[FAIL]} không đạt, {c[SKIP]} bỏ qua.")
    return "\n".join(lines)


def format_json(reports: list[Report], errors: list[dict]) -> str:
    return json.dumps({"files": [r.as_dict() for r in reports], "errors": errors,
                       "ok": all(r.ok for r in reports) and not errors},
                      ensure_ascii=False, indent=2)
