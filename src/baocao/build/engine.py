"""One build: plan, validate, render in workers, install each notice's set, record, verify.

The parent process finds the notices, decides from the manifest what is stale, validates each
stale notice (the registry of a folder read once) and hands it to a worker; as rendered sets
come back it installs each one whole (:func:`~baocao.build.write.install_set`) and records it.
A notice that fails, whether on its data, a template or a renderer, keeps its previous outputs
and the others go on; the result says what failed and why.
"""
from __future__ import annotations

import concurrent.futures as cf
import os
import time
from collections import deque
from dataclasses import dataclass
from pathlib import Path
from types import SimpleNamespace
from typing import Any

from baocao.build import outputs, summary
from baocao.build import verify as verifying
from baocao.build.display import Display
from baocao.build.interrupt import Interrupted, SignalGuard
from baocao.build.numbers import Numbering
from baocao.build.outputs import NoticeJob
from baocao.build.plan import (
    Fingerprints,
    Manifest,
    NoticePlan,
    plan_notice,
    sha256_bytes,
)
from baocao.build.result import BuildResult, NoticeResult
from baocao.build.sources import NoticeSource, discover
from baocao.build.workers import Failure, InProcess, Pool, Rendered, render_job
from baocao.build.write import install_set, locked, recover
from baocao.errors import (
    BaocaoError,
    DataError,
    ExitStatus,
    Problem,
    RenderError,
    os_reason,
)

VALIDATE_AHEAD = 32   # notices validated while the worker processes start


@dataclass
class Options:
    sources: list[str]
    out: Path
    jobs: int = 1
    force: bool = False
    check: bool = False
    verify: bool = False
    verbose: bool = False
    strict: bool = False
    take_numbers: bool = False
    register: Path | None = None
    templates: Path | None = None
    as_of: Any = None                  # datetime.date task statuses are judged on (briefing)
    soon_days: int | None = None       # --sap-den-han; None: the default

    @property
    def status_key(self) -> str:
        return f"{self.as_of.isoformat() if self.as_of else ''}:{'' if self.soon_days is None else self.soon_days}"

    def status(self) -> Any:
        from baocao.documents.status import DEFAULT_SOON_DAYS, StatusOptions, today_vn

        return StatusOptions(self.as_of or today_vn(), DEFAULT_SOON_DAYS if self.soon_days is None else self.soon_days)


def _display_path(path: Path) -> str:
    relative = os.path.relpath(os.path.abspath(path))
    return Path(relative if not relative.startswith("..") else os.path.abspath(path)).as_posix()


def _refuse_out_over_data(options: Options) -> None:
    """``--out`` may sit inside the data folder (it is skipped) but must not hold it: a notice
    named like the data folder would otherwise replace it with its outputs."""
    out = Path(os.path.abspath(options.out))
    for item in options.sources:
        given = Path(os.path.abspath(item))
        if given == out or out in given.parents:
            raise DataError(Problem(str(options.out), None, None, "",
                                    f"thư mục kết quả chứa dữ liệu {item}: chọn --out khác (vd: output)"))


class _Templates:
    """The templates of each folder: ``--templates``, else ``thu_muc_mau`` of the folder's
    ``cai-dat.yaml``, over the packaged ones; each folder resolved once."""

    def __init__(self, explicit: Path | None):
        self.explicit = explicit
        self._by_folder: dict[Path, Any] = {}

    def of(self, source: NoticeSource) -> Any:
        from baocao.documents.wording import templates_dir
        from baocao.project_files import SETTINGS_FILE
        from baocao.settings import load_layout, templates_for

        folder = source.folder.resolve()
        if folder not in self._by_folder:
            try:
                override = self.explicit or templates_for(folder)
            except ValueError:
                load_layout(folder / SETTINGS_FILE)  # the same problem, with its line
                raise
            self._by_folder[folder] = templates_dir(override)
        return self._by_folder[folder]


def _planned(sources: list, templates: _Templates, entries: dict, prints: Fingerprints, options: Options,
             lookup: Any, result: BuildResult) -> list[NoticePlan]:
    """The plan of every source whose templates resolve; a failed result for the others."""
    plans = []
    for source in sources:
        try:
            chosen = templates.of(source)
        except (BaocaoError, ValueError) as error:
            failure = Failure.of(error) if isinstance(error, BaocaoError) else \
                Failure(int(ExitStatus.DATA_ERROR), str(error))
            result.add(NoticeResult(str(source.path), source.slug, "failed", failure.message, failure.status,
                                    problems=list(failure.problems)))
            continue
        plans.append(plan_notice(source, chosen, outputs.OUTPUT_KINDS, entries.get(source.slug), prints,
                                 options.out, options.force and not options.check, lookup, options.status_key))
    return plans


def run(options: Options, display: Display) -> BuildResult:
    started = time.perf_counter()
    sources, source_errors = discover(options.sources, options.out)
    result = BuildResult(out=options.out, check_only=options.check)
    for error in source_errors:
        result.add(NoticeResult(", ".join(str(p) for p in error.paths) or "?", "", "failed", str(error),
                                int(ExitStatus.DATA_ERROR)))
    if not sources and not source_errors:
        raise DataError(Problem(", ".join(options.sources), None, None, "",
                                "không tìm thấy tệp thông báo (*.yaml) nào"))
    prints = Fingerprints()
    templates = _Templates(options.templates)
    numbering = Numbering(options.register) if options.take_numbers else None
    lookup = numbering.lookup if numbering else None
    if options.check:
        manifest = Manifest.load(options.out)
        plans = _planned(sources, templates, manifest.notices, prints, options, lookup, result)
        for plan in plans:
            state = "current" if plan.current else ("missing" if plan.entry is None else "stale")
            result.add(NoticeResult(str(plan.source.path), plan.source.slug, state, plan.reason))
        if plans and summary.wanted(options.sources):
            result.add(summary.check_result(SimpleNamespace(prints=prints, templates=templates, options=options),
                                            plans, manifest.notices.get(summary.SLUG)))
        result.seconds = time.perf_counter() - started
        return result
    _refuse_out_over_data(options)
    created = not os.path.lexists(options.out)
    try:
        options.out.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise RenderError(f"không tạo được thư mục kết quả {options.out}: {os_reason(error)}") from None
    with SignalGuard() as guard:
        try:
            with locked(options.out, display.waiting_for_lock):
                with guard.deferred():
                    recover(options.out)
                build = _Build(options, display, prints, numbering, guard, result, templates)
                try:
                    build.run(sources, lookup)
                finally:
                    build.finish()
        except Interrupted as stop:
            result.interrupted = stop.signum
    if created and not any(options.out.iterdir()):
        options.out.rmdir()  # nothing was built: leave no trace
    result.seconds = time.perf_counter() - started
    return result


class _Build:
    def __init__(self, options: Options, display: Display, prints: Fingerprints, numbering: Numbering | None,
                 guard: SignalGuard, result: BuildResult, templates: _Templates):
        self.options, self.display, self.prints, self.numbering = options, display, prints, numbering
        self.guard, self.result, self.templates = guard, result, templates
        self.manifest = Manifest.load(options.out)
        self.saved = self.manifest.dumps() if not self.manifest.damaged else b""
        self.registries: dict[Path, Any] = {}
        self.runner: Any = None
        self.inflight: dict[cf.Future, tuple[str, Any, Any, tuple]] = {}
        self.waiting: deque[tuple[str, Any, Any, tuple]] = deque()
        self.retried: set[str] = set()

    # -- the loop ----------------------------------------------------------------------------
    def run(self, sources: list, lookup: Any) -> None:
        plans = _planned(sources, self.templates, self.manifest.notices, self.prints, self.options, lookup,
                         self.result)
        for chosen in dict.fromkeys(self.templates.of(p.source) for p in plans):
            self.display.templates(chosen)
        stale = deque(p for p in plans if not p.current)
        self.display.start(len(plans), len(stale))
        for plan in plans:
            if plan.current:
                self._unchanged(plan)
        checks = verifying.Checks(self) if self.options.verify else None
        unchecked = [p for p in plans if p.current and checks and checks.todo(p.entry)]
        tasks = len(stale) + len(unchecked)
        self.runner = Pool(min(self.options.jobs, tasks), self.options.verify) \
            if self.options.jobs and tasks > 1 else InProcess(render=bool(stale))
        if checks:
            for plan in plans:
                if plan.current:
                    checks.notice(plan.source, plan.entry, None)
        window = 2 * self.runner.jobs
        while stale or self.waiting or self.inflight:
            if not self.runner.ready():  # validate ahead while the workers start
                if stale and self._renders() < VALIDATE_AHEAD:
                    self._start(stale.popleft())
                    continue
                self.runner.wait_ready()
            self._flush()
            while stale and self._renders() < window:
                self._start(stale.popleft())
            if not self.inflight:
                continue
            done, _ = cf.wait(self.inflight, return_when=cf.FIRST_COMPLETED)
            for future in done:
                if future not in self.inflight:
                    continue  # resubmitted after its worker died
                task, context, function, args = self.inflight.pop(future)
                if isinstance(future.exception(), cf.BrokenExecutor) and \
                        self._retry(task, context, function, args):
                    continue
                if task == "render":
                    self._rendered(future, *context, checks=checks)
                else:
                    checks.done(future, context)
        summary.refresh(self, plans)

    def finish(self) -> None:
        if self.runner is not None:
            self.runner.close(kill=bool(self.inflight or self.waiting) or self.result.interrupted is not None)
        data = self.manifest.dumps()
        if data != self.saved:
            with self.guard.deferred():
                self.manifest.save(self.options.out)

    def submit(self, task: str, context: Any, function: Any, *args: Any) -> None:
        """Hand a task to the workers, or hold it until they have started."""
        self.waiting.append((task, context, function, args))
        if self.runner.ready():
            self._flush()

    def _flush(self) -> None:
        while self.waiting:
            task, context, function, args = self.waiting.popleft()
            self.inflight[self.runner.submit(function, *args)] = (task, context, function, args)

    def _renders(self) -> int:
        return sum(t[0] == "render" for t in [*self.inflight.values(), *self.waiting])

    # -- one notice --------------------------------------------------------------------------
    def _unchanged(self, plan: NoticePlan) -> None:
        entry = plan.entry or {}
        warnings = entry.get("warnings", [])
        notice = NoticeResult(str(plan.source.path), plan.source.slug, "unchanged", warnings=warnings,
                              files=_files_of(plan.source.slug, entry))
        if self.options.strict and warnings:
            notice.state, notice.status = "failed", int(ExitStatus.DATA_ERROR)
            notice.reason = f"{len(warnings)} cảnh báo \"6 rõ\" (--strict coi là lỗi); kết quả cũ giữ nguyên"
        self.result.add(notice)
        self.display.notice_done(notice)

    def _fail(self, plan: NoticePlan, failure: Failure) -> None:
        notice = NoticeResult(str(plan.source.path), plan.source.slug, "failed", failure.message, failure.status,
                              problems=list(failure.problems), detail=failure.detail,
                              files=_files_of(plan.source.slug, plan.entry or {}))
        self.result.add(notice)
        self.display.notice_done(notice)

    def load(self, source: NoticeSource, strict: bool) -> tuple[Any, Any, Any, list[Problem]]:
        """Validate one notice: (notice, registry, layout, warnings); DataError otherwise."""
        from baocao.data.registry import registry_for
        from baocao.data.validate import load_notice
        from baocao.settings import layout_for

        folder = source.folder.resolve()
        if folder not in self.registries:
            self.registries[folder] = registry_for(source.path, [])
        base = self.registries[folder]
        notice, registry, warnings = load_notice(source.path, base, strict=strict) if base \
            else load_notice(source.path, strict=strict)
        return notice, registry, layout_for(notice, source.folder, source.path), warnings

    def _start(self, plan: NoticePlan) -> None:
        try:
            notice, registry, layout, warnings = self.load(plan.source, self.options.strict)
            taken = None
            needs_number = notice.document.number is None
            if self.numbering and needs_number:
                notice, taken = self.numbering.take(plan.source, notice, registry, self.prints.file(plan.source.path))
            copies = ()
            if self.numbering and "trich-sao" in plan.stale:
                copies = tuple(self.numbering.take_copies(plan.source, notice, registry, layout,
                                                          self.templates.of(plan.source)).items())
        except OSError as error:
            self._fail(plan, Failure(int(ExitStatus.DATA_ERROR), f"{plan.source.path}: {os_reason(error)}"))
            return
        except Exception as error:  # a bug in one notice's validation must not stop the others
            self._fail(plan, Failure.of(error))
            return
        progress = plan.source.progress_file
        job = NoticeJob(plan.source.path, plan.source.slug, notice, registry, layout, self.templates.of(plan.source),
                        tuple(warnings), progress if progress.is_file() else None, tuple(plan.stale),
                        self.options.status(), copies)
        inputs = {name: self._inputs(plan, name, job, needs_number, taken) for name in plan.inputs}
        self.submit("render", (plan, job, inputs, needs_number, taken), render_job, job)

    def _inputs(self, plan: NoticePlan, name: str, job: NoticeJob, needs_number: bool, taken: Any) -> dict:
        inputs = {k: v for k, v in plan.inputs[name].items() if not k.startswith("file:") and k != "number"}
        for path in outputs.kinds_by_name()[name].files(job):
            rel = Path(os.path.relpath(os.path.abspath(path), os.path.abspath(plan.source.folder))).as_posix()
            inputs[f"file:{rel}"] = self.prints.file(path)
        if self.numbering and needs_number:
            inputs["number"] = str(taken.number)
        return inputs

    def _rendered(self, future: cf.Future, plan: NoticePlan, job: NoticeJob, inputs: dict, needs_number: bool,
                  taken: Any, checks: Any) -> None:
        try:
            outcome = future.result()
        except cf.BrokenExecutor:
            outcome = Failure(int(ExitStatus.RENDER_ERROR), "tiến trình dựng văn bản dừng đột ngột "
                              "(hết bộ nhớ hoặc lỗi thư viện) khi dựng thông báo này")
        except Exception as error:
            outcome = Failure.of(error)
        if isinstance(outcome, Failure):
            self._fail(plan, outcome)
            return
        try:
            entry = self._install(plan, job, outcome, inputs, needs_number)
        except BaocaoError as error:
            self._fail(plan, Failure.of(error))
            return
        except OSError as error:
            self._fail(plan, Failure(int(ExitStatus.RENDER_ERROR),
                                     f"không ghi được kết quả vào {self.options.out / plan.source.slug}: "
                                     f"{os_reason(error)}"))
            return
        notice = NoticeResult(str(plan.source.path), plan.source.slug, "built", plan.reason,
                              warnings=entry["warnings"], files=_files_of(plan.source.slug, entry),
                              rendered=sorted(f"{plan.source.slug}/{rel}" for files in outcome.files.values()
                                              for rel in files),
                              number=taken.label if taken else None)
        self.result.add(notice)
        self.display.notice_done(notice)
        if checks:
            checks.notice(plan.source, entry, job.layout)

    def _retry(self, task: str, context: Any, function: Any, args: tuple) -> bool:
        """A worker died, taking every task in flight with it: start fresh workers and submit
        them all again, once; a task that kills its worker twice fails."""
        key = (task, context[0].source.slug if task == "render" else context[0])
        if key in self.retried:
            return False
        self.retried.add(key)
        broken = [(task, context, function, args), *self.inflight.values()]
        self.inflight.clear()
        self.runner.restart()
        for task, context, function, args in broken:
            self.submit(task, context, function, *args)
        return True

    def _install(self, plan: NoticePlan, job: NoticeJob, outcome: Rendered, inputs: dict,
                 needs_number: bool) -> dict:
        slug = plan.source.slug
        old = plan.entry or {}
        kinds: dict[str, dict] = {}
        new: dict[str, bytes] = {}
        keep: dict[str, Path] = {}
        owner: dict[str, str] = {}
        for kind in outputs.OUTPUT_KINDS:
            if kind.name in outcome.files:
                old_files = old.get("kinds", {}).get(kind.name, {}).get("files", {})
                files = {}
                for rel, data in outcome.files[kind.name].items():
                    digest = sha256_bytes(data)
                    files[rel] = {"sha256": digest, "size": len(data)}
                    if old_files.get(rel, {}).get("sha256") == digest and "check" in old_files[rel]:
                        files[rel]["check"] = old_files[rel]["check"]
                    new[rel] = data
                kinds[kind.name] = {"inputs": inputs[kind.name], "files": files}
            else:
                kinds[kind.name] = old["kinds"][kind.name]
                keep.update({rel: self.options.out / slug / rel for rel in kinds[kind.name]["files"]})
            for rel in kinds[kind.name]["files"]:
                if rel in owner:
                    raise BaocaoError(f"hai đầu ra '{owner[rel]}' và '{kind.name}' cùng ghi tệp {rel}")
                owner[rel] = kind.name
        entry = {"source": _display_path(plan.source.path), "needs_number": needs_number,
                 "warnings": [p.format() for p in job.warnings], "kinds": kinds}
        with self.guard.deferred():
            install_set(self.options.out, slug, new, keep)
            self.manifest.notices[slug] = entry
        return entry


def _files_of(slug: str, entry: dict) -> list[str]:
    return sorted(f"{slug}/{rel}" for kind in entry.get("kinds", {}).values() for rel in kind.get("files", {}))
