"""Heavy imports paid once: the worker processes fork from a server that imported this module.

WeasyPrint finds Pango, HarfBuzz and fontconfig by trying several library names per library;
for each name that is not the Linux one, ``ctypes.util.find_library`` runs ``ldconfig -p`` and
then gcc and ld (54 processes in all, ≈ 0.14 s of every start). Here the same lookup reads
``ldconfig -p`` once and answers from it. A name it does not list counts as not found: WeasyPrint
then opens the library by its Linux soname, which the dynamic loader finds wherever gcc or ld
would have pointed. Should WeasyPrint still fail to load, it is imported again the standard way.
The standard function is put back as soon as WeasyPrint is imported.
"""
from __future__ import annotations

import contextlib
import ctypes.util
import functools
import os
import re
import subprocess
import sys
from collections.abc import Iterator

_ABI = {"x86_64-64": "libc6,x86-64", "ppc64-64": "libc6,64bit", "sparc64-64": "libc6,64bit",
        "s390x-64": "libc6,64bit", "ia64-64": "libc6,IA-64"}


@functools.cache
def _ldconfig_listing() -> str | None:
    try:
        return subprocess.run(["/sbin/ldconfig", "-p"], capture_output=True, text=True, timeout=10,
                              env={"LC_ALL": "C", "LANG": "C"}).stdout or None
    except (OSError, subprocess.SubprocessError):
        return None


def _abi_type() -> str:
    machine = os.uname().machine + ("-64" if sys.maxsize > 2**32 else "-32")
    return _ABI.get(machine, "libc6")


@contextlib.contextmanager
def quick_library_lookup() -> Iterator[None]:
    """``find_library`` answered from one ``ldconfig -p`` listing (Linux only; elsewhere, or when
    ldconfig cannot run, the standard lookup is left alone)."""
    if not sys.platform.startswith("linux") or _ldconfig_listing() is None:
        yield
        return
    original = ctypes.util.find_library
    pattern = r"\s+(lib%s\.[^\s]+)\s+\(" + re.escape(_abi_type())

    def find_library(name: str) -> str | None:
        found = re.search(pattern % re.escape(name), _ldconfig_listing() or "")
        return found.group(1) if found else None

    ctypes.util.find_library = find_library
    try:
        yield
    finally:
        ctypes.util.find_library = original


def import_weasyprint() -> None:
    try:
        with quick_library_lookup():
            import weasyprint  # noqa: F401
    except OSError:
        for name in [m for m in sys.modules if m == "weasyprint" or m.startswith("weasyprint.")]:
            del sys.modules[name]
        import weasyprint  # noqa: F401,F811


def import_renderers() -> None:
    import_weasyprint()
    import baocao.build.outputs  # noqa: F401
    import baocao.documents.notice  # noqa: F401
    import baocao.render.docx  # noqa: F401
    import baocao.render.html  # noqa: F401
    import baocao.render.pdf  # noqa: F401


import_renderers()
