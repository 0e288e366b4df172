"""The manifest (``<out>/.baocao-manifest.json``) and what a build has to redo.

For every notice the manifest records, per output kind, the hash of each input (the notice file,
its folder's ``co-quan.yaml`` and ``cai-dat.yaml``, its progress file, each template the kind
reads, the fonts, files the data names such as a signature image, the baocao code, the number
taken from the register, ``SOURCE_DATE_EPOCH``) and the hash and size of each output file. A kind
is stale when any input hash differs or any output file is missing or is not the file recorded.
Nothing here parses a notice: deciding that nothing changed costs hashing a few files.

The manifest holds no absolute path, time or machine detail, so two clones building the same
inputs write the same manifest and it can be committed with the outputs.
"""
from __future__ import annotations

import functools
import hashlib
import json
import os
import stat
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from baocao import __version__
from baocao.build.outputs import OutputKind
from baocao.build.sources import NoticeSource
from baocao.build.write import write_atomic
from baocao.files import NotRegularFile, open_regular

MANIFEST_NAME = ".baocao-manifest.json"
FORMAT = 1
ABSENT = "-"
ENV_INPUTS = ("SOURCE_DATE_EPOCH",)
PACKAGE = Path(__file__).resolve().parents[1]
# Package data hashed as inputs of their own rather than as code, so that a change to one
# template or to the packaged registry says so and rebuilds only what reads it.
PACKAGED_REGISTRY = PACKAGE / "registry"
NOT_CODE = ("registry", "templates")


def sha256_file(path: Path) -> str | None:
    """The digest of the file at *path*; None when there is none. A FIFO, socket or device is
    never opened (reading a FIFO would wait for ever): it hashes to a marker that matches no
    digest, so whatever reads it is stale and its build says why."""
    try:
        handle, _info = open_regular(path)
    except (FileNotFoundError, NotADirectoryError, IsADirectoryError):
        return None
    except NotRegularFile as exc:
        return f"!{exc.kind}"
    with handle:
        return hashlib.file_digest(handle, "sha256").hexdigest()


def sha256_bytes(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


class Fingerprints:
    """Hashes of the inputs of one build, each file read once however many notices use it."""

    def __init__(self) -> None:
        self._files: dict[str, str | None] = {}

    def file(self, path: Path) -> str:
        key = os.path.abspath(path)
        if key not in self._files:
            self._files[key] = sha256_file(Path(key))
        return self._files[key] or ABSENT

    @functools.cached_property
    def code(self) -> str:
        """The baocao version and every file of the installed package (a changed renderer in a
        development checkout rebuilds too, not only a new release)."""
        digest = hashlib.sha256(__version__.encode())
        for root, dirs, files in os.walk(PACKAGE):
            dirs[:] = sorted(d for d in dirs if d != "__pycache__" and not (Path(root) == PACKAGE and d in NOT_CODE))
            for name in sorted(files):
                if not name.endswith((".pyc", ".pyo")):
                    path = Path(root, name)
                    digest.update(path.relative_to(PACKAGE).as_posix().encode() + b"\0")
                    digest.update((self.file(path)).encode())
        return f"{__version__}:{digest.hexdigest()[:32]}"

    def registry(self, project_file: Path) -> str:
        """The packaged registry and a folder's ``co-quan.yaml`` (if any), as one hash."""
        parts = [self.file(p) for p in sorted(PACKAGED_REGISTRY.glob("*.yaml"))] + [self.file(project_file)]
        return hashlib.sha256(" ".join(parts).encode()).hexdigest()

    def template_inputs(self, templates: Any, patterns: Iterable[str]) -> dict[str, str]:
        """The file each template name (or glob pattern) resolves to in *templates* (a project's
        folder over the packaged one), by content."""
        inputs = {}
        for pattern in patterns:
            if any(c in pattern for c in "*?["):
                names = sorted({p.relative_to(folder).as_posix() for folder in templates.folders
                                for p in folder.glob(pattern) if p.is_file()})
            else:
                names = [pattern]
            for name in names:
                source = next((f / name for f in templates.folders if (f / name).is_file()), None)
                inputs[f"template:{name}"] = self.file(source) if source else ABSENT
        return inputs

    @functools.cached_property
    def fonts(self) -> dict[str, str]:
        """The Times New Roman metric twins both renderers measure text with (and the PDF embeds)."""
        from baocao.documents.metrics import FACE_FILES, font_file
        from baocao.errors import RenderError

        inputs = {}
        for bold, italic in sorted(FACE_FILES):
            try:
                path = font_file(bold, italic)
            except RenderError:
                inputs[f"font:{FACE_FILES[(bold, italic)][0]}"] = ABSENT
                continue
            inputs[f"font:{path.name}"] = self.file(path)
        return inputs

    @functools.cached_property
    def environment(self) -> dict[str, str]:
        return {f"env:{name}": os.environ.get(name, "") for name in ENV_INPUTS}


def describe(key: str) -> str:
    """An input key as the user reads it in "…đã đổi"."""
    kind, _, name = key.partition(":")
    return {
        "baocao": "phiên bản baocao", "data": "dữ liệu", "registry": "danh mục cơ quan (co-quan.yaml)",
        "settings": "cài đặt (cai-dat.yaml)", "progress": "tệp tiến độ", "number": "số văn bản (sổ đăng ký)",
        "template": f"mẫu {name}", "font": f"phông {name}", "file": f"tệp {name}", "env": name,
        "status": "ngày tính tình trạng (--as-of) hoặc --sap-den-han", "notices": "các thông báo",
    }.get(kind, key)


# -- the manifest -------------------------------------------------------------------------------

@dataclass
class Manifest:
    notices: dict[str, dict] = field(default_factory=dict)
    damaged: bool = False

    @classmethod
    def load(cls, out: Path) -> "Manifest":
        path = out / MANIFEST_NAME
        try:
            data = json.loads(path.read_bytes())
        except FileNotFoundError:
            return cls()
        except (OSError, ValueError):
            return cls(damaged=True)
        if not isinstance(data, dict) or data.get("format") != FORMAT or not isinstance(data.get("notices"), dict):
            return cls(damaged=True)
        return cls(notices=data["notices"])

    def dumps(self) -> bytes:
        data = {"format": FORMAT, "generator": "baocao", "notices": self.notices}
        return (json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n").encode()

    def save(self, out: Path) -> None:
        write_atomic(out / MANIFEST_NAME, self.dumps())


# -- staleness ----------------------------------------------------------------------------------

@dataclass
class NoticePlan:
    source: NoticeSource
    inputs: dict[str, dict[str, str]]   # kind → its inputs known before the notice is read
    stale: dict[str, str]               # kind → why it must be rebuilt
    entry: dict | None                  # the manifest entry of the last successful build

    @property
    def current(self) -> bool:
        return not self.stale

    @property
    def reason(self) -> str:
        reasons = list(dict.fromkeys(self.stale.values()))
        return "; ".join(reasons)


def base_inputs(source: NoticeSource, prints: Fingerprints) -> dict[str, str]:
    return {"baocao": prints.code, "data": prints.file(source.path),
            "registry": prints.registry(source.registry_file), "settings": prints.file(source.settings_file),
            **prints.environment}


def kind_inputs(kind: OutputKind, source: NoticeSource, templates: Any, base: Mapping[str, str],
                prints: Fingerprints, recorded: Mapping[str, str] | None, status: str = "") -> dict[str, str]:
    inputs = {**base, **prints.template_inputs(templates, kind.templates)}
    if kind.status:
        inputs["status"] = status
    if kind.fonts:
        inputs.update(prints.fonts)
    if kind.progress:
        inputs["progress"] = prints.file(source.progress_file)
    for key in recorded or ():
        if key.startswith("file:"):
            inputs[key] = prints.file(source.folder / key[len("file:"):])
    return inputs


def _output_problem(folder: Path, files: Mapping[str, dict]) -> str | None:
    """Why the recorded files are not what is on disk (None when every one is)."""
    for rel, info in sorted(files.items()):
        path = folder / rel
        try:
            mode = os.lstat(path)
        except OSError:
            return f"thiếu tệp kết quả {rel}"
        if not stat.S_ISREG(mode.st_mode) or mode.st_size != info.get("size") \
                or sha256_file(path) != info.get("sha256"):
            return f"tệp kết quả {rel} đã bị sửa"
    return None


def plan_notice(source: NoticeSource, templates: Any, kinds: Iterable[OutputKind], entry: dict | None,
                prints: Fingerprints, out: Path, force: bool = False,
                number: Callable[[NoticeSource], str] | None = None, status: str = "") -> NoticePlan:
    """What of *source* (rendered with *templates*) is stale against its manifest *entry*.
    *number* gives the register's number for a notice built without one (only when numbers are
    taken at build time)."""
    base = base_inputs(source, prints)
    inputs: dict[str, dict[str, str]] = {}
    stale: dict[str, str] = {}
    folder = out / source.slug
    recorded_kinds = (entry or {}).get("kinds", {})
    folder_ok = os.path.isdir(folder) and not os.path.islink(folder)
    taken = number(source) if number is not None and (entry or {}).get("needs_number") else None
    for kind in kinds:
        recorded = recorded_kinds.get(kind.name)
        current = kind_inputs(kind, source, templates, base, prints, (recorded or {}).get("inputs"), status)
        if taken is not None:
            current["number"] = taken
        inputs[kind.name] = current
        if force:
            stale[kind.name] = "dựng lại theo yêu cầu (--force)"
        elif not recorded or not folder_ok:
            stale[kind.name] = "chưa dựng"
        elif recorded.get("inputs") != current:
            changed = sorted(k for k in {*current, *recorded["inputs"]}
                             if current.get(k) != recorded["inputs"].get(k))
            stale[kind.name] = ", ".join(describe(k) for k in changed[:3]) + " đã đổi" + \
                (f" (và {len(changed) - 3} đầu vào khác)" if len(changed) > 3 else "")
        else:
            problem = _output_problem(folder, recorded.get("files", {}))
            if problem:
                stale[kind.name] = problem
    return NoticePlan(source, inputs, stale, entry)
