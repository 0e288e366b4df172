"""What a build tells people: a progress bar on a terminal, one line per notice in a log.

:class:`Lines` writes one line per notice built or failed (for CI logs, pipes and ``CI=true``);
:class:`Bar` adds a rich progress bar when the output is a terminal. Both end with a summary;
``--verify`` results show only failures and a count unless ``verbose``.
"""
from __future__ import annotations

import os
from typing import TextIO

from baocao.build.result import BuildResult, CheckedFile, NoticeResult

MAX_PROBLEMS = 20


def seconds_vi(seconds: float) -> str:
    return f"{seconds:.1f}".replace(".", ",")


def problem_lines(notice: NoticeResult) -> list[str]:
    if not notice.problems:
        return notice.reason.splitlines() or [notice.reason]
    errors = sum(not p.warning for p in notice.problems)
    warnings = len(notice.problems) - errors
    lines = [f"{notice.source}: {errors} lỗi" + (f", {warnings} cảnh báo" if warnings else "")]
    lines += [p.format() for p in notice.problems[:MAX_PROBLEMS]]
    if len(notice.problems) > MAX_PROBLEMS:
        lines.append(f"… và {len(notice.problems) - MAX_PROBLEMS} vấn đề khác")
    return lines


class Lines:
    def __init__(self, stream: TextIO, verbose: bool = False, debug: bool = False):
        self.stream, self.verbose, self.debug = stream, verbose, debug

    def say(self, text: str) -> None:
        print(text, file=self.stream, flush=True)

    def start(self, total: int, todo: int) -> None:
        if todo:
            self.say(f"Dựng {todo}/{total} thông báo ({total - todo} không đổi).")

    def templates(self, templates) -> None:
        """Say when a project's templates replace packaged ones (and, with --debug, where each
        notice template comes from)."""
        replaced = templates.overridden()
        if replaced:
            self.say(f"Dùng mẫu của dự án ({templates.override}): {', '.join(replaced)}")
        if self.debug:
            for name in ("wording.j2", "notice.html.j2", "style.css.j2"):
                self.say(f"mẫu {name}: {templates.source(name)}")

    def waiting_for_lock(self) -> None:
        self.say("Đang chờ một lần dựng khác vào cùng thư mục kết quả xong…")

    def notice_done(self, notice: NoticeResult) -> None:
        if notice.state == "built":
            extra = [f"{len(notice.rendered)} tệp"]
            if notice.number:
                extra.append(f"số {notice.number}")
            if notice.warnings:
                extra.append(f"{len(notice.warnings)} cảnh báo 6 rõ")
            self.say(f"Đã dựng {notice.source} → {notice.slug}/ ({', '.join(extra)})")
            if self.verbose:
                for warning in notice.warnings:
                    self.say(f"  {warning}")
        elif notice.state == "failed":
            self.say(f"LỖI {notice.source}: không dựng được, kết quả cũ giữ nguyên")
            for line in problem_lines(notice):
                self.say(f"  {line}")
            if notice.detail:
                self.say(notice.detail.rstrip() if self.debug else "  (chạy lại với --debug để xem chi tiết)")
        elif self.verbose:
            self.say(f"Không đổi {notice.source}")

    def checked(self, checked: CheckedFile) -> None:
        if self.verbose and checked.report:
            self.say(checked.report)
        elif not checked.ok:
            self.say(f"KHÔNG ĐẠT {checked.path}" + (f": {checked.error}" if checked.error else ""))
            for line in checked.failed:
                self.say(f"  {line}")

    def finish(self, result: BuildResult) -> None:
        if result.check_only:
            return
        parts = [f"{result.count('built')} thông báo đã dựng", f"{result.count('unchanged')} không đổi"]
        if result.count("failed"):
            parts.append(f"{result.count('failed')} lỗi")
        if result.interrupted is not None:
            self.say(f"Đã dừng theo yêu cầu sau {seconds_vi(result.seconds)} giây: {', '.join(parts)}; "
                     "thông báo đang dựng dở giữ kết quả cũ.")
            return
        self.say(f"Xong trong {seconds_vi(result.seconds)} giây: {', '.join(parts)} (thư mục {result.out}).")
        failed = [n for n in result.notices if n.state == "failed"]
        if failed:
            self.say("Không dựng được (kết quả cũ giữ nguyên):")
            for notice in failed:
                first = next((p.format() for p in notice.problems if not p.warning), None)
                self.say(f"  {first}" if first else f"  {notice.source}: {notice.reason.splitlines()[0]}")
        if result.checked:
            bad = sum(not c.ok for c in result.checked)
            self.say(f"Kiểm tra thể thức (Nghị định 30): {len(result.checked)} tệp, {bad} không đạt.")


class Bar(Lines):
    """Lines, printed above a progress bar (rich) that counts the notices to build."""

    def __init__(self, stream: TextIO, verbose: bool = False, debug: bool = False):
        super().__init__(stream, verbose, debug)
        from rich.console import Console

        self.console = Console(file=stream, highlight=False, markup=False, emoji=False)
        self.progress = None
        self.task = None

    def say(self, text: str) -> None:
        self.console.print(text, soft_wrap=True)

    def start(self, total: int, todo: int) -> None:
        super().start(total, todo)
        if not todo:
            return
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

        self.progress = Progress(TextColumn("Đang dựng"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                                 console=self.console, transient=True)
        self.progress.start()
        self.task = self.progress.add_task("dựng", total=todo)

    def notice_done(self, notice: NoticeResult) -> None:
        super().notice_done(notice)
        if self.progress is not None and notice.state in ("built", "failed"):
            self.progress.advance(self.task)

    def finish(self, result: BuildResult) -> None:
        if self.progress is not None:
            self.progress.stop()
            self.progress = None
        super().finish(result)


Display = Lines


def for_stream(stream: TextIO, verbose: bool = False, debug: bool = False) -> Lines:
    """A progress bar on a terminal, plain lines in a log or when ``CI`` is set."""
    interactive = getattr(stream, "isatty", lambda: False)() and os.environ.get("CI", "").lower() not in ("true", "1")
    return (Bar if interactive else Lines)(stream, verbose, debug)
