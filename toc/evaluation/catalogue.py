"""The method and measure catalogues a model can name.

Three layers, later ones winning for the same id: the catalogues shipped in
models/ (methods.yaml, measures.yaml), the catalogue files a model names under
`catalogues:`, and the model's own `methods:` and `measures:` sections.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from functools import cache, cached_property
from importlib import resources

from toc.loading.catalogue_files import CatalogueFile, load_catalogue_text
from toc.model import Indicator, Measure, Method, Model

SHIPPED_FILES = ("methods.yaml", "measures.yaml")


@dataclass(frozen=True)
class Catalogue:
    methods: dict[str, Method] = field(default_factory=dict)
    measures: dict[str, Measure] = field(default_factory=dict)

    @cached_property
    def _instrument_names(self) -> tuple[re.Pattern[str] | None, dict[str, str]]:
        """One pattern for every way text may name a measure, longest first, and each name's id.

        Whole words only, so "WEMWBS" is not found inside "SWEMWBS" nor "CSI" inside "CSIs".
        Built once per catalogue: a model's checks and plan ask it for every indicator.
        """
        by_name: dict[str, str] = {}
        for name, measure_id in sorted(((name, measure_id) for measure_id, measure in self.measures.items()
                                        for name in _names(measure)), key=lambda pair: -len(pair[0])):
            by_name.setdefault(name.casefold(), measure_id)
        if not by_name:
            return None, by_name
        alternatives = "|".join(re.escape(name) for name in sorted(by_name, key=len, reverse=True))
        return re.compile(rf"(?<![\w-])(?:{alternatives})(?![\w-])", re.I), by_name

    def instrument_in_text(self, text: str | None) -> str | None:
        """The id of the catalogue measure that text names, or None.

        The longest name found wins, so "Brief Acrimony Scale (BACS-8)" is bacs-8, not the
        Acrimony Scale, and "CSI-16" is the Couples Satisfaction Index.

        >>> shipped().instrument_in_text("SDQ total difficulties score")
        'sdq'
        """
        pattern, by_name = self._instrument_names
        if not text or pattern is None:
            return None
        found = max((match.group() for match in pattern.finditer(text)), key=len, default=None)
        return by_name[found.casefold()] if found else None

    def indicator_instrument(self, indicator: Indicator) -> tuple[str | None, bool]:
        """The measure an indicator uses and whether it is named by id: (id, True) for
        `instrument:`, (id, False) for a measure recognised in its `measure:` text, (None, False)."""
        if indicator.instrument:
            return indicator.instrument, True
        return self.instrument_in_text(indicator.measure), False


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
