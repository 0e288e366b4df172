"""Writing outputs: deterministic bytes, whole sets swapped in atomically, nothing half-written.

Inside the output folder (``--out``)::

    <slug>/                        one notice's current set; files only ever arrive here by rename
    .baocao-manifest.json          what each set was built from (plan.py)
    .baocao-new-<slug>.<random>/   a set being written
    .baocao-old-<slug>.<random>/   a set just replaced, about to be removed

A set is written file by file into a ``.baocao-new-`` folder (each file created exclusively and
synced), then exchanged with the current ``<slug>/`` in one ``renameat2(RENAME_EXCHANGE)`` call
where the system has it (Linux), or moved aside and replaced by two renames elsewhere. Whatever
kills the build (Ctrl-C, SIGTERM, kill -9, power loss), ``<slug>/`` holds a complete set, old or
new; :func:`recover`, run by the next build under the same lock, removes every leftover and puts
back an old set whose replacement never arrived.
"""
from __future__ import annotations

import contextlib
import ctypes
import datetime as dt
import errno
import fcntl
import io
import os
import shutil
import signal
import tempfile
import zipfile
from collections import Counter
from collections.abc import Iterator, Mapping
from pathlib import Path

NEW_PREFIX = ".baocao-new-"
OLD_PREFIX = ".baocao-old-"
TEMP_SUFFIX = ".tmp"
LEGACY_TEMP = (".thong-bao.", TEMP_SUFFIX)   # left by versions that wrote file by file


def normalize_docx(data: bytes, when: dt.datetime) -> bytes:
    """Rewrite the DOCX zip with fixed entry times, so the same input gives the same bytes."""
    stamp = max(when, dt.datetime(1980, 1, 1, tzinfo=when.tzinfo)).timetuple()[:6]
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=stamp)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o644 << 16
            fixed.create_system = 0
            dst.writestr(fixed, src.read(info.filename))
    return out.getvalue()


# -- fault points (for the crash tests) ---------------------------------------------------------

_hits: Counter[str] = Counter()


def fault(point: str) -> None:
    """``BAOCAO_FAULT=point:n`` kills this process (SIGKILL, as a power cut would) the n-th time
    it reaches *point*; the crash tests use it to stop a build inside the write phase."""
    spec = os.environ.get("BAOCAO_FAULT")
    if not spec:
        return
    name, _, count = spec.partition(":")
    if name == point:
        _hits[point] += 1
        if _hits[point] == int(count or 1):
            os.kill(os.getpid(), signal.SIGKILL)


# -- single files -------------------------------------------------------------------------------

def _fsync_dir(folder: Path) -> None:
    fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
    try:
        os.fsync(fd)
    except OSError:  # some file systems cannot sync a directory; the rename is still atomic
        pass
    finally:
        os.close(fd)


def _create(path: Path, data: bytes) -> None:
    """A new file holding *data*, synced to disk; never follows or replaces anything."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW | os.O_CLOEXEC, 0o644)
    try:
        os.fchmod(fd, 0o644)
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view):]
        os.fsync(fd)
    finally:
        os.close(fd)


def write_atomic(path: Path, data: bytes) -> None:
    """Replace one file: a synced temporary file beside it, renamed over it."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=TEMP_SUFFIX, dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, 0o644)
        fault("replace")
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_all(files: Mapping[Path, bytes]) -> None:
    """Write every rendered file; called only once all of them rendered without error."""
    for path, data in sorted(files.items()):
        write_atomic(path, data)


# -- whole sets ---------------------------------------------------------------------------------

_RENAME_EXCHANGE = 2
_AT_FDCWD = -100


def _renameat2():
    try:
        function = ctypes.CDLL(None, use_errno=True).renameat2
    except (AttributeError, OSError):
        return None
    function.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    function.restype = ctypes.c_int
    return function


_exchange_call = _renameat2()


def exchange(a: Path, b: Path) -> bool:
    """Swap two directory entries in one atomic step; False where the system cannot."""
    if _exchange_call is None:
        return False
    if _exchange_call(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE) == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.ENOSYS, errno.EINVAL, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EXDEV):
        return False
    raise OSError(code, os.strerror(code), str(a), None, str(b))


def _remove(path: Path) -> None:
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path)
    else:
        path.unlink(missing_ok=True)


def _link_or_copy(source: Path, target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        os.link(source, target, follow_symlinks=False)
    except OSError:
        _create(target, source.read_bytes())


def install_set(out: Path, slug: str, new: Mapping[str, bytes], keep: Mapping[str, Path]) -> None:
    """Make ``out/slug/`` hold exactly *new* (relative path → bytes) plus the files of *keep*
    (relative path → current file, still valid), replacing whatever was there in one step."""
    staging = Path(tempfile.mkdtemp(prefix=f"{NEW_PREFIX}{slug}.", dir=out))
    try:
        for rel, source in sorted(keep.items()):
            _link_or_copy(source, staging / rel)
        for rel, data in sorted(new.items()):
            _create(staging / rel, data)
            fault("file")
        for folder in sorted({(staging / rel).parent for rel in [*new, *keep]}, reverse=True):
            _fsync_dir(folder)
        os.chmod(staging, 0o755)
        fault("staged")
        _swap(out, staging, out / slug)
    finally:
        if os.path.lexists(staging):
            _remove(staging)
    _fsync_dir(out)


def _swap(out: Path, staging: Path, target: Path) -> None:
    if not os.path.lexists(target):
        os.rename(staging, target)
        return
    if target.is_dir() and not target.is_symlink() and exchange(staging, target):
        fault("exchanged")
        return  # staging now holds the old set; install_set removes it
    aside = Path(tempfile.mkdtemp(prefix=f"{OLD_PREFIX}{target.name}.", dir=out))
    os.rmdir(aside)
    os.rename(target, aside)
    fault("moved-aside")
    try:
        os.rename(staging, target)
    except BaseException:
        os.rename(aside, target)
        raise
    fault("renamed")
    _remove(aside)


def recover(out: Path) -> list[str]:
    """Clean what an interrupted build left in *out*: unfinished new sets go, an old set moved
    aside goes back when its place is empty (else it goes too), stray temporary files go.
    Call it holding :func:`locked`. Returns the names removed or restored."""
    touched = []
    if not out.is_dir():
        return touched
    for entry in sorted(os.scandir(out), key=lambda e: e.name):
        name = entry.name
        path = Path(entry.path)
        if name.startswith(NEW_PREFIX):
            _remove(path)
        elif name.startswith(OLD_PREFIX):
            slot = out / name[len(OLD_PREFIX):].rsplit(".", 1)[0]
            if slot.name and not os.path.lexists(slot):
                os.rename(path, slot)
            else:
                _remove(path)
        elif name.startswith(".") and name.endswith(TEMP_SUFFIX) and entry.is_file(follow_symlinks=False):
            path.unlink()
        elif not name.startswith(".") and entry.is_dir(follow_symlinks=False):
            touched += _recover_legacy(path)
            continue
        else:
            continue
        touched.append(name)
    return touched


def _recover_legacy(folder: Path) -> list[str]:
    removed = []
    with os.scandir(folder) as entries:
        for entry in entries:
            if entry.name.startswith(LEGACY_TEMP[0]) and entry.name.endswith(LEGACY_TEMP[1]):
                Path(entry.path).unlink(missing_ok=True)
                removed.append(f"{folder.name}/{entry.name}")
    return removed


@contextlib.contextmanager
def locked(out: Path, on_wait=None) -> Iterator[None]:
    """Hold an exclusive lock on the output folder for the length of a build; another build of
    the same folder waits (after calling *on_wait*). Released by the system if the process dies."""
    fd = os.open(out, os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            if on_wait is not None:
                on_wait()
            fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)
