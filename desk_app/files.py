"""Write files so that a reader never sees half of one.

Write to a temporary file in the target's folder, flush it to disk, then
rename it over the target: the rename is atomic on one file system, so the
target is either the old file, or the whole new one.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from desk_app.i18n import tr


class WriteError(Exception):
    """A file could not be written; str() is the user's message."""


@contextlib.contextmanager
def atomic_write(target: str | Path) -> Iterator[BinaryIO]:
    """Yield a binary file that replaces target only if the block succeeds."""
    target = Path(target)
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise WriteError(tr("cannot write {0}: the folder does not exist").format(target))
    if target.is_dir():
        raise WriteError(tr("cannot write {0}: it is a folder").format(target))
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=folder)
    except OSError as exc:
        raise WriteError(tr("cannot write {0}: {1}").format(target, exc.strerror)) from None
    try:
        os.chmod(tmp, _mode_for(target))
        with os.fdopen(fd, "wb") as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, target)
    except OSError as exc:
        _discard(tmp)
        raise WriteError(tr("cannot write {0}: {1}").format(target, exc.strerror)) from None
    except BaseException:
        _discard(tmp)
        raise


def _mode_for(target: Path) -> int:
    """Keep an existing file's mode; give a new one the usual umask mode."""
    try:
        return target.stat().st_mode & 0o777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def _discard(path: str) -> None:
    with contextlib.suppress(OSError):
        os.unlink(path)
