"""Writing outputs without ever losing anything that was there before.

The rules, in the order ``write_output`` applies them:

* ``-`` is standard output, and so are ``/dev/stdout``, ``/dev/stderr``,
  ``/dev/fd/N`` and ``/proc/self/fd/N``: those name a descriptor this process
  already has open (a pipe, a terminal, a file the shell opened for ``>>``), which
  is written as it is, never replaced or reopened.
* A symbolic link is followed on purpose: the file it points to is written and the
  link itself stays a link (so ``toc fmt`` on a linked model formats the real file).
* A character device or a FIFO (``/dev/null``, ``/dev/stdout``, a named pipe) is
  written through, never replaced: replacing ``/dev/null`` as root would break the
  whole machine.
* Anything else that is not a regular file (a directory, a block device, a socket)
  is refused with one line, and so are an empty path, a path ending in ``/`` and a
  file its owner made read-only.
* A regular file is replaced atomically: the data goes to a hidden temporary file in
  the same directory, which is renamed over the target, so readers see the old file
  or the new one, never a part. The target keeps its permission bits; a new file
  gets the usual ``0666`` less the umask. The temporary file is removed if the
  write fails or is interrupted.
* ``protected`` paths (the input models) are refused, whatever name reaches them.
* ``new_only`` (``toc init``) never replaces a file, even one created while writing.
* ``unchanged_since`` guards a file the command itself read (``toc fmt``): if the
  bytes on disk are no longer those bytes, someone saved a newer version while the
  command ran, and nothing is written.
"""

from __future__ import annotations

import os
import stat
import sys
import tempfile

from toc.errors import UserError


class OutputError(UserError):
    """An output path that cannot be used: the CLI prints it as one line, exit 2."""


def write_output(path: str, data: str | bytes, *, protected: tuple[str, ...] = (),
                 unchanged_since: bytes | None = None, new_only: bool = False) -> None:
    """Write ``data`` to ``path`` (see the module's docstring for what happens to what)."""
    if path == "-":
        if isinstance(data, bytes):
            sys.stdout.buffer.write(data)
        else:
            sys.stdout.write(data)
        return
    payload = data.encode("utf-8") if isinstance(data, str) else data
    descriptor = _open_descriptor(path)
    if descriptor is not None:
        _write_descriptor(path, descriptor, payload)
        return
    target, status = _usable_target(path, protected, new_only)
    if status is not None and (stat.S_ISCHR(status.st_mode) or stat.S_ISFIFO(status.st_mode)):
        _write_through(path, target, payload)
    else:
        _replace_atomically(path, target, payload, status, unchanged_since, new_only)


def check_output(path: str, *, protected: tuple[str, ...] = ()) -> None:
    """Raise the OutputError that writing to ``path`` would raise, writing nothing: a command
    with several outputs checks them all before it writes the first."""
    if path != "-" and _open_descriptor(path) is None:
        _usable_target(path, protected, new_only=False)


def _usable_target(path: str, protected: tuple[str, ...], new_only: bool) -> tuple[str, os.stat_result | None]:
    """The file to write (links followed) and its status (None when new), or an OutputError."""
    if not path or path.endswith(os.sep) or (os.altsep and path.endswith(os.altsep)):
        raise OutputError(f"{path!r}: give a file name")
    target = os.path.realpath(path)  # follows every link in the path, deliberately
    try:
        status = os.stat(target)
    except FileNotFoundError:
        status = None
    except OSError as error:
        raise OutputError(f"{path}: cannot write: {error.strerror}") from None
    if status is not None and new_only:
        raise OutputError(f"{path}: already exists; not overwritten")
    if status is not None:
        for model in protected:
            if os.path.exists(model) and os.path.samefile(target, model):
                raise OutputError(f"{path}: refusing to overwrite the input model (or a file it reads)")
        if stat.S_ISDIR(status.st_mode):
            raise OutputError(f"{path}: is a directory; give a file name")
        if stat.S_ISCHR(status.st_mode) or stat.S_ISFIFO(status.st_mode):
            return target, status
        if not stat.S_ISREG(status.st_mode):
            raise OutputError(f"{path}: is not a regular file (a block device or socket); give a file name")
        if not status.st_mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH):
            raise OutputError(f"{path}: is read-only; make it writable first if it should be replaced")
    directory = os.path.dirname(target)
    if not os.path.isdir(directory):
        raise OutputError(f"{path}: directory {directory} does not exist")
    return target, status


# Paths that name a descriptor this process already holds, and the descriptor they name.
_DESCRIPTOR_PATHS = {"/dev/stdout": 1, "/dev/stderr": 2}


def is_standard_stream(path: str) -> bool:
    """True for ``-`` and paths naming a descriptor already open (``/dev/stdout``, ``/dev/fd/3``):
    outputs that are a stream, not a file anyone will look for."""
    return path == "-" or _open_descriptor(path) is not None


def _open_descriptor(path: str) -> int | None:
    """The descriptor ``path`` names (``/dev/stdout``, ``/dev/fd/3``...), or None."""
    if path in _DESCRIPTOR_PATHS:
        return _DESCRIPTOR_PATHS[path]
    for prefix in ("/dev/fd/", "/proc/self/fd/", f"/proc/{os.getpid()}/fd/"):
        if path.startswith(prefix) and path[len(prefix):].isdigit():
            return int(path[len(prefix):])
    return None


def _write_descriptor(path: str, descriptor: int, payload: bytes) -> None:
    if descriptor == 1:
        sys.stdout.flush()
    try:
        view = memoryview(payload)
        while view:
            view = view[os.write(descriptor, view):]
    except BrokenPipeError:
        raise
    except OSError as error:
        raise OutputError(f"{path}: cannot write: {error.strerror}") from None


def _write_through(path: str, target: str, payload: bytes) -> None:
    """Write into a device or FIFO in place: no temporary file, no rename."""
    try:
        descriptor = os.open(target, os.O_WRONLY | getattr(os, "O_NOCTTY", 0))
        with os.fdopen(descriptor, "wb") as stream:
            stream.write(payload)
    except OSError as error:
        raise OutputError(f"{path}: cannot write: {error.strerror}") from None


def _replace_atomically(path: str, target: str, payload: bytes, status: os.stat_result | None,
                        unchanged_since: bytes | None, new_only: bool = False) -> None:
    try:
        handle, temporary = tempfile.mkstemp(dir=os.path.dirname(target), prefix=".toc-", suffix=".tmp")
    except OSError as error:
        raise OutputError(f"{path}: cannot write: {error.strerror}") from None
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(payload)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, stat.S_IMODE(status.st_mode) if status else 0o666 & ~_umask())
        if status is not None:
            _keep_owner(temporary, status)
        if unchanged_since is not None and _current_bytes(target) != unchanged_since:
            raise OutputError(f"{path}: changed on disk since toc read it; not overwritten (run the command again)")
        if new_only:
            os.link(temporary, target)  # fails if the target appeared meanwhile: never overwritten
            os.unlink(temporary)
        else:
            os.replace(temporary, target)
    except FileExistsError:
        os.unlink(temporary)
        raise OutputError(f"{path}: already exists; not overwritten") from None
    except BaseException as error:
        try:
            os.unlink(temporary)
        except OSError:
            pass
        if isinstance(error, OSError):
            raise OutputError(f"{path}: cannot write: {error.strerror}") from None
        raise


def _keep_owner(temporary: str, status: os.stat_result) -> None:
    """The replaced file's owner and group, where this process may set them (root formatting a
    colleague's model leaves it theirs); otherwise the new file is the writer's, as with any editor."""
    if (status.st_uid, status.st_gid) == (os.getuid(), os.getgid()):
        return
    try:
        os.chown(temporary, status.st_uid, status.st_gid)
    except OSError:
        pass


def _current_bytes(target: str) -> bytes | None:
    try:
        with open(target, "rb") as stream:
            return stream.read()
    except OSError:
        return None


def _umask() -> int:
    # The umask can only be read by setting it; set it straight back.
    mask = os.umask(0o022)
    os.umask(mask)
    return mask
