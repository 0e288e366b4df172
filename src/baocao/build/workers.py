"""Rendering and checking in worker processes; only bytes and reports come back to the parent.

Workers are forked from a server process that has already imported WeasyPrint and the renderers
(:mod:`baocao.build.warm`), so each starts in milliseconds with the imports paid once. Each makes
its :class:`~baocao.build.outputs.Resources` (one FontConfiguration) once, ignores Ctrl-C (the
parent decides when to stop) and is replaced after :data:`TASKS_PER_WORKER` tasks, which keeps
memory flat however many notices a build has (in one process it grows by about 0.2 MiB a
notice). A single stale notice, or ``--jobs 0``, renders in the parent instead.
"""
from __future__ import annotations

import concurrent.futures as cf
import multiprocessing
import multiprocessing.connection
import os
import signal
import threading
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import PurePosixPath
from typing import Any

from baocao.build.outputs import NoticeJob, Resources, kinds_by_name
from baocao.errors import BaocaoError, ExitStatus, Problem, RenderError

TASKS_PER_WORKER = 40
_resources: Resources | None = None


def default_jobs() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


@dataclass(frozen=True)
class Failure:
    """Why a notice could not be rendered, in a form that crosses process boundaries."""

    status: int
    message: str
    problems: tuple[Problem, ...] = ()
    detail: str | None = None        # traceback of an internal error, shown with --debug

    @classmethod
    def of(cls, error: BaseException) -> "Failure":
        if isinstance(error, BaocaoError):
            return cls(int(error.exit_status), str(error), tuple(getattr(error, "problems", ())))
        return cls(int(ExitStatus.RENDER_ERROR), f"lỗi nội bộ: {type(error).__name__}: {error}",
                   detail="".join(traceback.format_exception(error)))


@dataclass(frozen=True)
class Rendered:
    files: dict[str, dict[str, bytes]] = field(default_factory=dict)   # kind → relative path → bytes


def resources() -> Resources:
    global _resources
    if _resources is None:
        _resources = Resources()
    return _resources


def safe_relative(kind: str, rel: Any) -> str:
    """A render function's file name, checked to stay inside the notice's folder."""
    if isinstance(rel, str) and "\\" not in rel and "\0" not in rel:
        path = PurePosixPath(rel)
        if not path.is_absolute() and path.parts and all(p not in ("", ".", "..") for p in path.parts) \
                and not path.parts[0].startswith(".baocao") and path.as_posix() == rel:
            return rel
    raise RenderError(f"đầu ra '{kind}' trả về tên tệp không hợp lệ: {rel!r} (cần đường dẫn tương đối, "
                      "dùng '/', không có '..')")


def render_job(job: NoticeJob) -> Rendered | Failure:
    """Every requested kind of one notice, or why not. Never raises."""
    try:
        kinds = kinds_by_name()
        resources().job.clear()
        rendered: dict[str, dict[str, bytes]] = {}
        for name in job.kinds:
            files = kinds[name].render(job, resources())
            rendered[name] = {safe_relative(name, rel): bytes(data) for rel, data in files.items()}
        return Rendered(rendered)
    except Exception as error:
        return Failure.of(error)
    finally:
        resources().job.clear()


@dataclass(frozen=True)
class Checked:
    path: str
    report: Any = None              # baocao.check.report.Report
    error: str | None = None


def verify_files(paths: list[str], layout: Any) -> list[Checked]:
    """``baocao check`` of files just written (read-only)."""
    from baocao.check.checker import check_file

    results = []
    for path in paths:
        try:
            results.append(Checked(path, check_file(path, layout)))
        except Exception as error:  # an unreadable file is a finding of its own, not a crash
            results.append(Checked(path, error=f"{type(error).__name__}: {error}"))
    return results


def _exit_with_parent() -> None:
    """Workers are the server's children, not the build's: should the build be killed (kill -9),
    nobody would stop them. Each watches the build's end of its pipe and exits with it."""
    parent = multiprocessing.parent_process()
    if parent is None or parent.sentinel is None:
        return

    def watch() -> None:
        multiprocessing.connection.wait([parent.sentinel])
        os._exit(1)

    threading.Thread(target=watch, name="baocao-watch-parent", daemon=True).start()


def _init_worker() -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    _exit_with_parent()
    import baocao.build.warm  # noqa: F401  (already imported by the server; a no-op then)


class InProcess:
    """Runs each task at once in this process; same interface as :class:`Pool`."""

    jobs = 1

    def __init__(self, render: bool = True) -> None:
        if render:
            import baocao.build.warm  # noqa: F401

    def submit(self, function: Callable, *args: Any) -> cf.Future:
        future: cf.Future = cf.Future()
        try:
            future.set_result(function(*args))
        except Exception as error:
            future.set_exception(error)
        return future

    def ready(self) -> bool:
        return True

    def wait_ready(self) -> None:
        pass

    def restart(self) -> None:
        pass

    def close(self, kill: bool = False) -> None:
        pass


def _started() -> None:
    """A task whose only result is that a worker is up."""


class RenewingExecutor(cf.ProcessPoolExecutor):
    """ProcessPoolExecutor whose workers, each ended after ``max_tasks_per_child`` tasks, are
    always replaced. Python 3.11 to 3.13 ask an "idle worker" count that can be stale before
    replacing one, conclude a worker is idle when none is left, and hang with tasks queued
    (CPython issue 115634; the fix, in later releases, replaces a worker on the number of
    processes alone, which is what this does). The replacement request comes from the executor's
    manager thread; requests from ``submit`` keep the standard behaviour."""

    def _adjust_process_count(self) -> None:
        if threading.current_thread() is getattr(self, "_executor_manager_thread", None):
            if len(self._processes) < self._max_workers:
                self._spawn_process()
            return
        super()._adjust_process_count()


class Pool:
    """*jobs* worker processes forked from a server that preloaded the renderers (and the checker
    when *verify*)."""

    def __init__(self, jobs: int, verify: bool = False):
        self.jobs = jobs
        self._context = multiprocessing.get_context("forkserver")
        self._context.set_forkserver_preload(["baocao.build.warm", *(["baocao.check.checker"] if verify else [])])
        self._executor = self._start()
        self._ready = threading.Event()
        threading.Thread(target=self._warm_up, name="baocao-warm-up", daemon=True).start()

    def _start(self) -> cf.ProcessPoolExecutor:
        return RenewingExecutor(self.jobs, mp_context=self._context, initializer=_init_worker,
                                max_tasks_per_child=TASKS_PER_WORKER)

    def _warm_up(self) -> None:
        """Start the workers (the server first pays the imports, ≈ 0.6 s) while the caller goes
        on validating notices; :meth:`ready` says when tasks can be handed over at once."""
        try:
            cf.wait([self._executor.submit(_started) for _ in range(self.jobs)])
        except Exception:  # a pool that cannot start fails the real tasks, with their notices
            pass
        finally:
            self._ready.set()

    def ready(self) -> bool:
        return self._ready.is_set()

    def wait_ready(self) -> None:
        self._ready.wait()

    def submit(self, function: Callable, *args: Any) -> cf.Future:
        return self._executor.submit(function, *args)

    def restart(self) -> None:
        """A fresh set of workers after one died (its tasks fail with BrokenProcessPool)."""
        self.close(kill=True)
        self._executor = self._start()

    def close(self, kill: bool = False) -> None:
        if kill:
            processes = list((getattr(self._executor, "_processes", None) or {}).values())
            self._executor.shutdown(wait=False, cancel_futures=True)
            for process in processes:
                if process.is_alive():
                    process.kill()
            for process in processes:
                process.join(5)
        else:
            self._executor.shutdown(wait=True)
