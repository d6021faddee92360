"""The method and measure catalogues a model can name.

Three layers, later ones winning for the same id: the catalogues shipped in
models/ (methods.yaml, measures.yaml), the catalogue files a model names under
`catalogues:`, and the model's own `methods:` and `measures:` sections.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from functools import cache
from importlib import resources

from toc.loading.catalogue_files import CatalogueFile, load_catalogue_text
from toc.model import Measure, Method, Model

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
