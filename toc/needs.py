"""Needs figures from many area models as one tidy dataset, and a side-by-side comparison.

The East Midlands authorities each collected the same set of population data
and compiled it into one dataset so areas could compare. Here each area's model
carries its figures on need nodes (``figures:``); this module turns any number
of models into one row per area x indicator, with the difference from each
figure's comparator (e.g. the England average). Figures with the same ``id`` in
different models are the same indicator.

Pure: models in, rows out. Renderers in renderers/needs_*.py write them.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass

from toc.model import Model
from toc.model import NodeType

# The tidy dataset's columns, in order (CSV header, spreadsheet columns).
COLUMNS = (
    "area", "geography", "indicator", "measure", "year", "value", "unit",
    "comparator", "comparator_value", "difference", "difference_pct",
    "source", "notes", "need", "model",
)


@dataclass(frozen=True)
class NeedsRow:
    area: str  # the model's area
    geography: str  # what the figure describes: its own geography, else the area
    indicator: str
    measure: str | None
    year: str | None
    value: int | float
    unit: str | None
    comparator: str | None
    comparator_value: int | float | None
    source: str | None
    notes: str | None
    need: str  # the need node's id
    model: str  # the model file

    @property
    def difference(self) -> int | float | None:
        """Value minus comparator value, in the figure's unit (rounded to hide float noise)."""
        if self.comparator_value is None:
            return None
        return _tidy(self.value - self.comparator_value)

    @property
    def difference_pct(self) -> float | None:
        """The difference as a percentage of the comparator value, one decimal."""
        if self.comparator_value in (None, 0):
            return None
        return round((self.value - self.comparator_value) / abs(self.comparator_value) * 100, 1)

    def as_dict(self) -> dict[str, object]:
        return {column: getattr(self, column) for column in COLUMNS}


def area_name(model: Model) -> str:
    """The area a model speaks for: its ``area``, else its title, else the file name."""
    if model.area:
        return model.area
    if model.title:
        return model.title
    name = os.path.basename(model.path)
    return name[: -len(".toc.yaml")] if name.endswith(".toc.yaml") else name


def rows_of(model: Model) -> list[NeedsRow]:
    """One row per figure on the model's need nodes (figures without id or value are skipped:
    the loader has reported them)."""
    area = area_name(model)
    rows = []
    for node in model.nodes.values():
        if node.type is not NodeType.NEED:
            continue
        for figure in node.figures:
            if figure.id is None or figure.value is None:
                continue
            comparator = figure.comparator
            rows.append(NeedsRow(
                area=area,
                geography=figure.geography or area,
                indicator=figure.id,
                measure=figure.measure,
                year=figure.year,
                value=figure.value,
                unit=figure.unit,
                comparator=comparator.label if comparator else None,
                comparator_value=comparator.value if comparator else None,
                source=figure.source,
                notes=figure.notes,
                need=node.id,
                model=model.path,
            ))
    return rows


def compile_dataset(models: Iterable[Model]) -> list[NeedsRow]:
    """Every model's rows, sorted by indicator, then place, then year: deterministic."""
    rows = [row for model in models for row in rows_of(model)]
    return sorted(rows, key=lambda row: (row.indicator, row.geography.casefold(), row.area.casefold(),
                                         row.year or "", row.model))


@dataclass(frozen=True)
class ComparisonRow:
    indicator: str
    measure: str | None
    unit: str | None
    comparator: str | None  # "England 6.9", or "varies" when areas used different comparators
    values: dict[str, NeedsRow]  # geography -> the row shown (the latest year)


@dataclass(frozen=True)
class Comparison:
    """The dataset side by side: one row per indicator (and unit), one column per place."""

    places: tuple[str, ...]
    rows: tuple[ComparisonRow, ...]
    notes: tuple[str, ...]  # what a reader must know: mixed units, years, comparators


def compare(rows: list[NeedsRow]) -> Comparison:
    places = tuple(sorted({row.geography for row in rows}, key=str.casefold))
    grouped: dict[tuple[str, str | None], list[NeedsRow]] = {}
    for row in rows:
        grouped.setdefault((row.indicator, row.unit), []).append(row)
    units_by_indicator: dict[str, set] = {}
    for indicator, unit in grouped:
        units_by_indicator.setdefault(indicator, set()).add(unit)
    notes = [f'"{indicator}" is given in different units ({", ".join(sorted(str(u) for u in units))}): '
             "shown as separate rows, not comparable"
             for indicator, units in sorted(units_by_indicator.items()) if len(units) > 1]
    table = []
    for (indicator, unit), group in grouped.items():
        latest: dict[str, NeedsRow] = {}
        for row in group:  # sorted by year already, so the last one wins
            latest[row.geography] = row
        years = {row.year for row in latest.values()}
        if len(years) > 1:
            notes.append(f'"{indicator}": areas give different years ({", ".join(sorted(str(y) for y in years))})')
        by_place: dict[str, list[NeedsRow]] = {}
        for row in group:
            by_place.setdefault(row.geography, []).append(row)
        repeated = sorted(place for place, rows_here in by_place.items() if len(rows_here) > 1)
        if repeated:
            same_year = [place for place in repeated
                         if len({row.year for row in by_place[place]}) < len(by_place[place])]
            if same_year:
                notes.append(f'"{indicator}": {", ".join(same_year)} given more than once for the same year '
                             "(the same area in two files?); the last is shown, all are in the dataset")
            else:
                notes.append(f'"{indicator}": a place has several years; the latest is shown, all are in the dataset')
        comparators = {(row.comparator, row.comparator_value) for row in group if row.comparator is not None}
        if len(comparators) == 1:
            label, value = next(iter(comparators))
            comparator = f"{label} {format_number(value)}"
        else:
            comparator = "varies" if comparators else None
        if len(comparators) > 1:
            notes.append(f'"{indicator}": areas compare with different comparators ('
                         + "; ".join(f"{label} {format_number(value)}" for label, value in sorted(
                             comparators, key=lambda c: (str(c[0]), c[1] if c[1] is not None else 0)))
                         + "): differences are not comparable across them")
        measure = next((row.measure for row in group if row.measure), None)
        table.append(ComparisonRow(indicator, measure, unit, comparator, latest))
    illustrative = sum(1 for row in rows if row.notes and "illustrative" in row.notes.casefold())
    if illustrative:
        # Example and draft figures must never pass for real ones in a report.
        notes.append(f"{illustrative} of {len(rows)} figures are marked illustrative in their notes")
    return Comparison(places, tuple(table), tuple(notes))


def format_number(value: int | float | None) -> str:
    """Numbers as people write them: 12, 12.5, 0.004; never 1e-05 or 12.000000001."""
    if value is None:
        return ""
    if isinstance(value, int) or float(value).is_integer():
        return str(int(value))
    text = f"{value:.6f}".rstrip("0").rstrip(".")
    return text


def _tidy(number: int | float) -> int | float:
    if isinstance(number, int):
        return number
    rounded = round(number, 6)
    return int(rounded) if rounded.is_integer() else rounded
