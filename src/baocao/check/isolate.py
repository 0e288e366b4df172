"""One file's check in a child process, stopped at the time or memory limit.

The readers check their limits before each piece of work, but some work happens inside PDFium or
libxml2, where Python cannot stop it: a PDF whose form objects draw each other a hundred million
times keeps PDFium busy for minutes. So ``baocao check`` forks before each file; the child reads and
checks it and sends back the report, while the parent watches the clock and the child's resident
memory (``/proc/<pid>/statm``, every 10 ms) and kills it past :attr:`Limits.seconds` (plus a short
grace, so the child's own, more precise message usually comes first) or past
:attr:`Limits.memory_bytes` above what the parent held. A fork costs a few milliseconds; where
there is no ``fork`` or ``/proc`` the check runs in-process with the cooperative limits only.
"""
from __future__ import annotations

import faulthandler
import os
import pickle
import select
import signal
import time
from typing import Callable

from baocao.check.errors import UnreadableFile
from baocao.check.limits import Limits, LimitExceeded, memory_message, time_message

POLL_S = 0.01
GRACE_S = 2.0


class CheckCrashed(Exception):
    """The check of a file failed in a way that is a bug of baocao (the message says how)."""


def available() -> bool:
    return hasattr(os, "fork") and os.path.exists(f"/proc/{os.getpid()}/statm")


def run(path: str, limits: Limits, work: Callable[[], object]) -> object:
    """``work()`` (the check of *path*) in a child process within *limits*; its result, or the
    exception it raised: UnreadableFile (LimitExceeded past a limit), or CheckCrashed."""
    if not available():
        return work()
    baseline = _rss(os.getpid())
    read_fd, write_fd = os.pipe()
    pid = os.fork()
    if pid == 0:                                            # the child: check, answer, leave
        os.close(read_fd)
        _child(work, write_fd)
    os.close(write_fd)
    try:
        data, stopped = _watch(pid, read_fd, limits, baseline)
    except BaseException:
        _kill(pid)
        os.waitpid(pid, 0)
        raise
    finally:
        os.close(read_fd)
    _, status = os.waitpid(pid, 0)
    if stopped is not None:
        raise LimitExceeded(path, stopped)
    try:
        kind, *payload = pickle.loads(data)
    except Exception:
        signal_number = os.WTERMSIG(status) if os.WIFSIGNALED(status) else None
        how = f"tín hiệu {signal_number}" if signal_number else f"mã {os.WEXITSTATUS(status)}"
        raise UnreadableFile(path, f"việc đọc tệp dừng bất thường ({how}); tệp có thể hỏng hoặc "
                                   "cần quá nhiều bộ nhớ") from None
    if kind == "ok":
        return payload[0]
    if kind == "limit":
        raise LimitExceeded(path, payload[0])
    if kind == "refused":
        raise UnreadableFile(path, payload[0])
    if kind == "memory":
        raise LimitExceeded(path, memory_message(limits.memory_bytes))
    raise CheckCrashed(payload[0])


def _child(work: Callable[[], object], write_fd: int) -> None:
    status = 0
    faulthandler.disable()      # a crash inside PDFium is reported by the parent, without a dump
    try:
        try:
            result = ("ok", work())
        except LimitExceeded as exc:
            result = ("limit", exc.reason)
        except UnreadableFile as exc:
            result = ("refused", exc.reason)
        except MemoryError:
            result = ("memory",)
        except BaseException as exc:   # noqa: BLE001 - reported to the parent as a bug
            result = ("bug", f"{type(exc).__name__}: {exc}")
        data = pickle.dumps(result, protocol=pickle.HIGHEST_PROTOCOL)
        with os.fdopen(write_fd, "wb") as out:
            out.write(data)
    except BaseException:              # noqa: BLE001 - nothing may escape a forked child
        status = 70
    finally:
        os._exit(status)


def _watch(pid: int, read_fd: int, limits: Limits, baseline: int) -> tuple[bytes, str | None]:
    """Read the child's answer; kill it past the deadline or the memory limit."""
    deadline = time.monotonic() + limits.seconds + GRACE_S
    chunks: list[bytes] = []
    while True:
        ready, _, _ = select.select([read_fd], [], [], POLL_S)
        if ready:
            chunk = os.read(read_fd, 1 << 16)
            if not chunk:
                return b"".join(chunks), None
            chunks.append(chunk)
            continue
        if time.monotonic() > deadline:
            _kill(pid)
            return b"", time_message(limits.seconds)
        if _rss(pid) - baseline > limits.memory_bytes:
            _kill(pid)
            return b"", memory_message(limits.memory_bytes)


def _kill(pid: int) -> None:
    try:
        os.kill(pid, signal.SIGKILL)
    except ProcessLookupError:
        pass


_PAGE = os.sysconf("SC_PAGE_SIZE") if hasattr(os, "sysconf") else 4096


def _rss(pid: int) -> int:
    """Resident memory of *pid* in bytes (0 once it is gone)."""
    try:
        with open(f"/proc/{pid}/statm", "rb") as fh:
            return int(fh.read().split()[1]) * _PAGE
    except (OSError, IndexError, ValueError):
        return 0
