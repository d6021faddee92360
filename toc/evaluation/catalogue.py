"""The method and measure catalogues a model can name.

Three layers, later ones winning for the same id: the catalogues shipped in
models/ (methods.yaml, measures.yaml), the catalogue files a model names under
`catalogues:`, and the model's own `methods:` and `measures:` sections.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from functools import cache
from importlib import resources

from toc.loading.catalogue_files import CatalogueFile, load_catalogue_text
from toc.model import Indicator, Measure, Method, Model

SHIPPED_FILES = ("methods.yaml", "measures.yaml")


@dataclass(frozen=True)
class Catalogue:
    methods: dict[str, Method] = field(default_factory=dict)
    measures: dict[str, Measure] = field(default_factory=dict)


@cache
def shipped_files() -> tuple[CatalogueFile, ...]:
    """The catalogues that come with toc (read once per process)."""
    package = resources.files("toc.models")
    return tuple(
        load_catalogue_text(package.joinpath(name).read_text(encoding="utf-8"), os.path.join("models", name))
        for name in SHIPPED_FILES
    )


@cache
def shipped() -> Catalogue:
    catalogue = Catalogue()
    for loaded in shipped_files():
        catalogue.methods.update(loaded.methods)
        catalogue.measures.update(loaded.measures)
    return catalogue


def catalogue_for(model: Model) -> Catalogue:
    """Everything the model can name: shipped, then its catalogue files, then its own sections."""
    base = shipped()
    return Catalogue(
        methods={**base.methods, **model.catalogue_methods, **model.methods},
        measures={**base.measures, **model.catalogue_measures, **model.measures},
    )


def _names(measure: Measure) -> tuple[str, ...]:
    """Every way text may name the measure: its aliases, its name, and its name without the
    bracketed abbreviation ("Acrimony Scale", "Strengths and Difficulties Questionnaire")."""
    names = [*measure.aliases, measure.name or ""]
    if measure.name and "(" in measure.name:
        names.append(measure.name.split("(")[0])
    return tuple(name.strip() for name in names if name and name.strip())


@cache
def _pattern(name: str) -> re.Pattern[str]:
    # Whole words only, so "WEMWBS" is not found inside "SWEMWBS" nor "CSI" inside "CSIs".
    return re.compile(rf"(?<![\w-]){re.escape(name)}(?![\w-])", re.I)


def instrument_in_text(text: str | None, measures: dict[str, Measure]) -> str | None:
    """The id of the catalogue measure that text names, or None.

    The longest name found wins, so "Brief Acrimony Scale (BACS-8)" is bacs-8, not the
    Acrimony Scale, and "CSI-16" is the Couples Satisfaction Index.

    >>> instrument_in_text("SDQ total difficulties score", shipped().measures)
    'sdq'
    """
    if not text:
        return None
    found: tuple[int, str] | None = None
    for measure_id, measure in measures.items():
        for name in _names(measure):
            if (found is None or len(name) > found[0]) and _pattern(name).search(text):
                found = (len(name), measure_id)
    return found[1] if found else None


def indicator_instrument(indicator: Indicator, measures: dict[str, Measure]) -> tuple[str | None, bool]:
    """The measure an indicator uses and whether it is named by id: (id, True) for
    `instrument:`, (id, False) for a measure recognised in its `measure:` text, (None, False)."""
    if indicator.instrument:
        return indicator.instrument, True
    return instrument_in_text(indicator.measure, measures), False
