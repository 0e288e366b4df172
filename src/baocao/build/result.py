"""What a build did, notice by notice: for the summary, the exit status and ``--json``."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from baocao.errors import ExitStatus, Problem

STATES = ("built", "unchanged", "failed", "current", "stale", "missing")


@dataclass
class NoticeResult:
    source: str
    slug: str
    state: str                       # one of STATES (the last three only for --check)
    reason: str = ""                 # why it was (or must be) rebuilt, or why it failed
    status: int = 0                  # exit status of a failure
    warnings: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    files: list[str] = field(default_factory=list)      # its current files, relative to --out
    rendered: list[str] = field(default_factory=list)   # those written by this build
    number: str | None = None        # "15/TB-VPCP" when the register gave the number
    detail: str | None = None        # traceback of an internal error

    def as_dict(self) -> dict:
        data = {"source": self.source, "folder": self.slug, "state": self.state, "files": self.files}
        if self.reason:
            data["reason"] = self.reason
        if self.status:
            data["status"] = self.status
        if self.warnings:
            data["warnings"] = self.warnings
        if self.problems:
            data["problems"] = [{"file": p.file, "line": p.line, "column": p.column, "field": p.field,
                                 "message": p.message, "warning": p.warning} for p in self.problems]
        if self.rendered:
            data["written"] = self.rendered
        if self.number:
            data["number"] = self.number
        return data


@dataclass
class CheckedFile:
    path: str                        # relative to --out
    failed: list[str] = field(default_factory=list)    # "R13 …: message" per failed rule
    error: str | None = None         # the file could not be checked
    report: str | None = None        # the full report (--verbose)
    cached: bool = False             # result of an earlier check of the same bytes

    @property
    def ok(self) -> bool:
        return not self.failed and self.error is None

    def as_dict(self) -> dict:
        return {"path": self.path, "ok": self.ok, "failed": self.failed, "error": self.error}


@dataclass
class BuildResult:
    out: Path
    check_only: bool = False
    notices: list[NoticeResult] = field(default_factory=list)
    checked: list[CheckedFile] = field(default_factory=list)
    interrupted: int | None = None
    seconds: float = 0.0

    def add(self, notice: NoticeResult) -> None:
        self.notices.append(notice)

    def count(self, state: str) -> int:
        return sum(n.state == state for n in self.notices)

    @property
    def status(self) -> int:
        if self.interrupted is not None:
            return 128 + self.interrupted
        failures = [n.status for n in self.notices if n.state == "failed"]
        if failures:
            return max(failures)
        if self.check_only and any(n.state in ("stale", "missing") for n in self.notices):
            return int(ExitStatus.CHECK_FAILED)
        if any(not c.ok for c in self.checked):
            return int(ExitStatus.CHECK_FAILED)
        return int(ExitStatus.OK)

    def as_dict(self) -> dict:
        counts = {state: self.count(state) for state in STATES if self.count(state)}
        data = {"ok": self.status == 0, "status": self.status, "out": str(self.out), "counts": counts,
                "seconds": round(self.seconds, 3), "notices": [n.as_dict() for n in self.notices]}
        if self.checked:
            data["verify"] = {"files": len(self.checked), "failed": sum(not c.ok for c in self.checked),
                              "results": [c.as_dict() for c in self.checked]}
        if self.interrupted is not None:
            data["interrupted"] = True
        return data
