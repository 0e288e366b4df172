"""``build --verify``: the Decree 30 check of every DOCX and PDF of the notices built.

Files are checked in the worker processes while other notices still render. A result is kept
in the manifest with the file's hash and the code that checked it, so an unchanged file is not
checked again; ``--verbose`` checks everything afresh and prints the full reports.
"""
from __future__ import annotations

import concurrent.futures as cf
from typing import Any

from baocao.build.outputs import kinds_by_name
from baocao.build.result import CheckedFile
from baocao.build.sources import NoticeSource
from baocao.build.workers import Checked, verify_files
from baocao.errors import BaocaoError

SUFFIXES = (".docx", ".pdf")


def failure_lines(report: Any) -> list[str]:
    lines = []
    for finding in report.failed:
        where = finding.place.describe() if finding.place else ""
        extra = f" (và {finding.others} chỗ khác)" if finding.others else ""
        lines.append(f"{finding.rule} {where + ': ' if where else ''}{finding.message}{extra}")
    return lines


class Checks:
    def __init__(self, build: Any):
        self.build = build
        self.code = build.prints.code
        self.verbose = build.options.verbose

    def _record(self, checked: CheckedFile) -> None:
        self.build.result.checked.append(checked)
        self.build.display.checked(checked)

    def _cached(self, info: dict) -> dict | None:
        cached = info.get("check")
        return cached if cached and cached.get("code") == self.code and not self.verbose else None

    @staticmethod
    def _documents(entry: dict) -> list[tuple[str, dict]]:
        """(path, record) of the DOCX and PDF files of an entry that are Decree 30 documents."""
        kinds = kinds_by_name()
        return [(rel, info) for name, kind in entry.get("kinds", {}).items()
                if name in kinds and kinds[name].verify
                for rel, info in sorted(kind.get("files", {}).items()) if rel.endswith(SUFFIXES)]

    def todo(self, entry: dict) -> list[str]:
        """The documents of a manifest entry without a usable earlier result."""
        return [rel for rel, info in self._documents(entry) if self._cached(info) is None]

    def notice(self, source: NoticeSource, entry: dict, layout: Any) -> None:
        """Check the files of one notice (*layout*: its layout, None to read it from the data)."""
        for rel, info in self._documents(entry):
            cached = self._cached(info)
            if cached:
                self._record(CheckedFile(f"{source.slug}/{rel}", list(cached.get("failed", [])),
                                         cached.get("error"), cached=True))
        todo = self.todo(entry)
        if not todo:
            return
        if layout is None:
            try:
                layout = self.build.load(source, strict=False)[2]
            except BaocaoError as error:
                for rel in todo:
                    self._record(CheckedFile(f"{source.slug}/{rel}", error=f"không đọc được dữ liệu: {error}"))
                return
        paths = [str(self.build.options.out / source.slug / rel) for rel in todo]
        self.build.submit("verify", (source.slug, todo, entry), verify_files, paths, layout)

    def done(self, future: cf.Future, context: tuple[str, list[str], dict]) -> None:
        slug, rels, entry = context
        try:
            results: list[Checked] = future.result()
        except Exception as error:
            results = [Checked(rel, error=f"{type(error).__name__}: {error}") for rel in rels]
        files = {rel: info for kind in entry["kinds"].values() for rel, info in kind["files"].items()}
        for rel, checked in zip(rels, results):
            failed = failure_lines(checked.report) if checked.report is not None else []
            report = None
            if self.verbose and checked.report is not None:
                from baocao.check.report import format_text

                report = format_text(checked.report)
            files[rel]["check"] = {"code": self.code, "failed": failed, "error": checked.error}
            self._record(CheckedFile(f"{slug}/{rel}", failed, checked.error, report))
