"""Reading a model file from disk into text, with findings for bad encodings."""

from __future__ import annotations

import os
import stat

from toc.errors import UserError
from toc.findings import Finding
from toc.limits import Limits
from toc.model import Location
from toc.loading.finding_kinds import LIMIT_EXCEEDED, YAML_SYNTAX
from toc.loading.lines import EditorLines


class UnreadableInput(UserError):
    """A path that cannot be read as a model: the CLI prints it as one line, exit 2."""


def read_bytes(path: str, limits: Limits) -> bytes | Finding:
    """The file's bytes, a TOC006 finding when it is too big, or UnreadableInput."""
    try:
        info = os.stat(path)
    except FileNotFoundError:
        raise UnreadableInput(f"{path}: no such file") from None
    except OSError as error:
        raise UnreadableInput(f"{path}: cannot read: {error.strerror}") from None
    if stat.S_ISDIR(info.st_mode):
        raise UnreadableInput(f"{path}: is a directory, not a model file")
    if not stat.S_ISREG(info.st_mode):
        # Opening a FIFO or a device would block or read forever.
        raise UnreadableInput(f"{path}: is not a regular file")
    if info.st_size > limits.max_file_bytes:
        return too_big(info.st_size, path, limits)
    try:
        with open(path, "rb") as handle:
            return handle.read()
    except OSError as error:
        raise UnreadableInput(f"{path}: cannot read: {error.strerror}") from None


def too_big(size: int, path: str, limits: Limits) -> Finding:
    """The TOC006 finding for a file over the size limit."""
    return LIMIT_EXCEEDED.finding(
        f"file is {size / 1048576:.1f} MB, over the {limits.max_file_bytes // 1048576} MB limit",
        Location(path, 1, 1),
        hint="split the model, or raise the limit with TOC_MAX_FILE_MB if it is genuine",
    )


def read_stream(stream, path: str, limits: Limits) -> bytes | Finding:
    """The bytes of an open binary stream (standard input), or TOC006 if there are too many:
    never more than the limit (plus one byte, to know) is held."""
    data = stream.read(limits.max_file_bytes + 1)
    if len(data) > limits.max_file_bytes:
        return too_big(len(data), path, limits)
    return data


def decode(data: bytes, path: str) -> str | Finding:
    """UTF-8 text without a byte-order mark, or a TOC001 finding saying where it is not."""
    encoding = _wide_encoding(data)
    if encoding is not None:
        return YAML_SYNTAX.finding(
            f"file is {encoding} encoded; toc reads UTF-8",
            Location(path, 1, 1),
            hint="save the file as UTF-8 (most editors: 'Save with encoding')",
        )
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        before = data[: error.start].decode("utf-8", "replace")
        return YAML_SYNTAX.finding(
            f"file is not valid UTF-8 (byte 0x{data[error.start]:02x})",
            location_of_offset(before, len(before), path),
            hint="save the file as UTF-8; text pasted from another program may carry a different encoding",
        )


def _wide_encoding(data: bytes) -> str | None:
    """UTF-32 or UTF-16, told by the byte-order mark (UTF-32's starts like UTF-16's)."""
    if data.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):
        return "UTF-32"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "UTF-16"
    return None


def location_of_offset(text: str, offset: int, path: str) -> Location:
    """The 1-based line and column of a character offset in ``text``, as editors count lines."""
    return EditorLines(text, path).location(max(0, min(offset, len(text))))
