"""Reading catalogue files: the shipped ones and those a model names under `catalogues:`.

A model may only name catalogue files in its own folder (or below it), or in a
folder listed in ``TOC_CATALOGUE_DIRS`` (separated by the system's path
separator, ``:`` on Linux and macOS): a shared model must not make toc read,
and echo into pages and specifications, files elsewhere on the machine
(``/etc/...``, ``../../..``). Catalogue files are YAML (``.yaml`` or ``.yml``).
Each distinct file is read once, and together they may hold at most
``Limits.max_catalogue_bytes`` (TOC006 past that).
"""

from __future__ import annotations

import os
from dataclasses import dataclass

from toc.findings import Finding
from toc.limits import Limits
from toc.loading.build import ModelBuilder
from toc.loading.finding_kinds import INVALID_VALUE, LIMIT_EXCEEDED
from toc.loading.parse import compose
from toc.loading.source import UnreadableInput, decode, read_bytes
from toc.model import Measure, Method, Model, Reference

CATALOGUE_SUFFIXES = (".yaml", ".yml")
_HINT = "see docs/format.md#catalogue-files"


@dataclass
class CatalogueFile:
    path: str
    methods: dict[str, Method]
    measures: dict[str, Measure]
    findings: list[Finding]


def load_catalogue_text(text: str, path: str, limits: Limits | None = None) -> CatalogueFile:
    """A catalogue file's methods and measures, with findings about the file."""
    limits = limits or Limits()
    root = compose(text, path)
    if isinstance(root, Finding):
        return CatalogueFile(path, {}, {}, [root])
    builder = ModelBuilder(path, limits)
    methods, measures = builder.build_catalogue(root)
    return CatalogueFile(path, methods, measures, builder.findings)


def catalogue_path(base: str, reference: Reference) -> str:
    """Where a `catalogues:` entry is: relative to the folder ``base`` (the model's)."""
    return os.path.join(base, reference.id)


def read_catalogues(model: Model, limits: Limits, base: str) -> list[Finding]:
    """Read the catalogue files the model names (relative to the folder ``base``) into it."""
    findings: list[Finding] = []
    read: set[str] = set()
    total = 0
    for reference in model.catalogues:
        path = catalogue_path(base, reference)
        refusal = _refusal(reference, path, base)
        if refusal is not None:
            findings.append(refusal)
            continue
        real = os.path.realpath(path)
        if real in read:
            continue  # (naming a file again adds nothing, and reading it again would cost as much)
        read.add(real)
        size = _size(path)
        if total + size > limits.max_catalogue_bytes:
            findings.append(LIMIT_EXCEEDED.finding(
                f'catalogue "{reference.id}" would take the model\'s catalogues past '
                f"{limits.max_catalogue_bytes // 1048576} MB", reference.location,
                hint="catalogues hold methods and measures, a few KB each; raise TOC_MAX_CATALOGUE_MB if they are genuine"))
            continue
        total += size
        try:
            data = read_bytes(path, limits)
        except UnreadableInput as error:
            findings.append(INVALID_VALUE.finding(
                f"catalogue {error}", reference.location,
                hint="catalogue paths are relative to the model file; " + _HINT))
            continue
        text = data if isinstance(data, Finding) else decode(data, path)
        if isinstance(text, Finding):
            findings.append(text)
            continue
        loaded = load_catalogue_text(text, path, limits)
        findings += loaded.findings
        model.catalogue_methods.update(loaded.methods)
        model.catalogue_measures.update(loaded.measures)
    return findings


def _size(path: str) -> int:
    """The file's size in bytes; 0 when it cannot be read (read_bytes then says why)."""
    try:
        return os.stat(path).st_size
    except OSError:
        return 0


def allowed_folders(base: str) -> list[str]:
    """The model's own folder, then any folders listed in TOC_CATALOGUE_DIRS."""
    extra = [folder for folder in os.environ.get("TOC_CATALOGUE_DIRS", "").split(os.pathsep) if folder.strip()]
    return [os.path.realpath(base or "."), *(os.path.realpath(folder) for folder in extra)]


def _refusal(reference: Reference, path: str, base: str) -> Finding | None:
    if not reference.id.lower().endswith(CATALOGUE_SUFFIXES):
        return INVALID_VALUE.finding(
            f'catalogue "{reference.id}" is not a .yaml or .yml file', reference.location, hint=_HINT)
    real = os.path.realpath(path)  # links are resolved: a link cannot lead outside either
    for folder in allowed_folders(base):
        if os.path.commonpath([real, folder]) == folder:
            return None
    return INVALID_VALUE.finding(
        f'catalogue "{reference.id}" is outside the model\'s folder', reference.location,
        hint="keep catalogue files beside the model (or below it), or list their folder in "
             "TOC_CATALOGUE_DIRS; " + _HINT)
