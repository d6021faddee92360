"""Writing outputs without ever leaving a half-written file or overwriting a model."""

from __future__ import annotations

import os
import sys
import tempfile


class OutputError(Exception):
    """An output path that cannot be used: the CLI prints it as one line, exit 2."""


def write_output(path: str, data: str | bytes, *, protected: tuple[str, ...] = ()) -> None:
    """Write ``data`` to ``path`` atomically; ``-`` means standard output.

    The data goes to a temporary file in the same directory, which is then
    renamed over the target, so readers see the old file or the new one, never a
    part. ``protected`` paths (the input models) are refused.
    """
    if path == "-":
        if isinstance(data, bytes):
            sys.stdout.buffer.write(data)
        else:
            sys.stdout.write(data)
        return
    if os.path.isdir(path):
        raise OutputError(f"{path}: is a directory; give a file name")
    for model in protected:
        if os.path.exists(path) and os.path.exists(model) and os.path.samefile(path, model):
            raise OutputError(f"{path}: refusing to overwrite the input model")
    directory = os.path.dirname(os.path.abspath(path))
    if not os.path.isdir(directory):
        raise OutputError(f"{path}: directory {directory} does not exist")
    payload = data.encode("utf-8") if isinstance(data, str) else data
    try:
        handle, temporary = tempfile.mkstemp(dir=directory, prefix=".toc-", suffix=".tmp")
    except OSError as error:
        raise OutputError(f"{path}: cannot write: {error.strerror}") from None
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(payload)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, 0o644)
        os.replace(temporary, path)
    except BaseException as error:
        try:
            os.unlink(temporary)
        except OSError:
            pass
        if isinstance(error, OSError):
            raise OutputError(f"{path}: cannot write: {error.strerror}") from None
        raise
