"""``<out>/tong-hop/``: the summary over every notice of a folder build, kept current like a notice.

It is made when a build is given a folder and at least one notice assigns tasks. Its inputs are
every notice's own inputs, the status day (``--as-of``, ``--sap-den-han``), its templates and the
code; when any changed it is rebuilt in the main process, from every notice's briefing, and
swapped in whole. It is not rebuilt while a notice of the folder fails (the old one stays).
"""
from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

from baocao.build.plan import _output_problem, base_inputs
from baocao.build.result import NoticeResult
from baocao.build.sources import RESERVED
from baocao.build.write import install_set
from baocao.errors import BaocaoError, ExitStatus

SLUG = "tong-hop"
KIND = "tong-hop"
TEMPLATES = ("wording.j2", "tong-hop.html.j2", "briefing.css.j2", "fonts/*")
assert SLUG in RESERVED


def wanted(sources: list[str]) -> bool:
    """A folder build whose notices have briefings (the summary is made of them)."""
    from baocao.build.outputs import BRIEFING_KIND, OUTPUT_KINDS

    return BRIEFING_KIND in OUTPUT_KINDS and any(Path(item).is_dir() for item in sources)


def _inputs(build: Any, plans: list) -> dict[str, str]:
    prints = build.prints
    digest = hashlib.sha256()
    for plan in sorted(plans, key=lambda p: p.source.slug):
        inputs = base_inputs(plan.source, prints)
        digest.update(" ".join([plan.source.slug, *(f"{k}={v}" for k, v in sorted(inputs.items())),
                                prints.file(plan.source.progress_file)]).encode())
    templates = build.templates.of(plans[0].source)
    return {"baocao": prints.code, "status": build.options.status_key, "notices": digest.hexdigest(),
            **prints.template_inputs(templates, TEMPLATES), **prints.fonts}


def stale_reason(build: Any, plans: list, entry: dict | None) -> str | None:
    """Why the summary must be made again (None when it is current)."""
    current = _inputs(build, plans)
    recorded = (entry or {}).get("kinds", {}).get(KIND)
    if not recorded:
        return "chưa dựng"
    if recorded.get("inputs") != current:
        return "các thông báo, ngày tính tình trạng hoặc mẫu đã đổi"
    return _output_problem(build.options.out / SLUG, recorded.get("files", {}))


def refresh(build: Any, plans: list) -> None:
    """Rebuild ``tong-hop/`` if it is wanted and stale."""
    options = build.options
    if not plans or not wanted(options.sources):
        return
    entry = build.manifest.notices.get(SLUG)
    reason = "dựng lại theo yêu cầu (--force)" if options.force else stale_reason(build, plans, entry)
    if reason is None or any(n.state == "failed" for n in build.result.notices):
        return
    try:
        files, count = _render(build, plans)
    except BaocaoError as error:
        notice = NoticeResult(SLUG, SLUG, "failed", str(error), int(error.exit_status))
        build.result.add(notice)
        build.display.notice_done(notice)
        return
    from baocao.build.plan import sha256_bytes

    with build.guard.deferred():
        if files:  # none when no notice assigns a task: nothing to summarise, recorded as such
            install_set(options.out, SLUG, files, {})
        build.manifest.notices[SLUG] = {
            "source": "", "needs_number": False, "warnings": [],
            "kinds": {KIND: {"inputs": _inputs(build, plans),
                             "files": {rel: {"sha256": sha256_bytes(data), "size": len(data)}
                                       for rel, data in files.items()}}}}
    if files:
        build.display.say(f"Đã dựng báo cáo tổng hợp {count} thông báo: {len(files)} tệp trong {options.out / SLUG} "
                          f"(lý do: {reason})")


def _render(build: Any, plans: list) -> tuple[dict[str, bytes], int]:
    from baocao.build.briefing import notice_briefing, summary_files
    from baocao.build.outputs import notice_document

    status = build.options.status()
    briefings = []
    for plan in plans:
        notice, registry, layout, _warnings = build.load(plan.source, strict=False)
        templates = build.templates.of(plan.source)
        doc = notice_document(notice, registry, layout, plan.source.path, templates)
        briefing = notice_briefing(notice, registry, doc, plan.source.path, status)
        if briefing is not None:
            briefings.append(briefing)
    if not briefings:
        return {}, 0
    files = summary_files(briefings, Path(""), build.templates.of(plans[0].source), status)
    return {path.relative_to(SLUG).as_posix(): data for path, data in files.items()}, len(briefings)


def check_result(build_like: Any, plans: list, entry: dict | None) -> NoticeResult | None:
    """For ``--check``: the summary's state, when a folder build would make one."""
    reason = stale_reason(build_like, plans, entry)
    if reason is None:
        return NoticeResult(SLUG, SLUG, "current")
    return NoticeResult(SLUG, SLUG, "missing" if entry is None else "stale", reason,
                        int(ExitStatus.OK))
