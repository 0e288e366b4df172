"""The names of a project's own files beside its notices, in one place.

``data/co-quan.yaml`` adds agencies to the registry, ``data/cai-dat.yaml`` holds the settings,
and ``data/<notice>.tien-do.yaml`` the progress of ``data/<notice>.yaml``. Light on purpose: the
build's planning and the command line read it before anything heavy is imported.
"""
from __future__ import annotations

from pathlib import Path

REGISTRY_FILE = "co-quan.yaml"
SETTINGS_FILE = "cai-dat.yaml"
PROGRESS_SUFFIX = ".tien-do.yaml"


def progress_path(notice_path: str | Path) -> Path:
    """``data/x.yaml`` → ``data/x.tien-do.yaml``."""
    path = Path(notice_path)
    return path.with_name(path.name.removesuffix(".yaml") + PROGRESS_SUFFIX)


def is_progress_file(path: str | Path) -> bool:
    return Path(path).name.endswith(PROGRESS_SUFFIX)
