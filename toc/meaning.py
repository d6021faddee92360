"""What a model *means*, without where it was written: for fmt's safety check and for diffs.

Two files that load to the same meaning are the same theory of change, whatever
their key order, indentation, comments or quoting.
"""

from __future__ import annotations

import dataclasses
import enum

from toc.model import LinkReference, Location, Model, Reference

_POSITIONAL = {"location", "value_locations", "path"}


def meaning(model: Model) -> dict:
    """A plain, location-free structure (dicts, lists, strings, numbers) of the model."""
    return _plain(model)


def plain(value):
    """Any part of a model (a node, a field's value...) as the same plain, location-free data."""
    return _plain(value)


def _plain(value):
    if isinstance(value, Reference):
        return value.id
    if isinstance(value, LinkReference):
        return str(value)  # "from -> to", as written
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, Location):
        return None
    if dataclasses.is_dataclass(value):
        return {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value) if f.name not in _POSITIONAL}
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(item) for item in value]
    return value
