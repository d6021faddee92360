"""Comparing several areas' models: shared and unique outcomes, coverage, poolable indicators.

``compare_models`` is pure and returns data; renderers/compare.py writes Markdown,
CSV and XLSX. Outcomes (and impacts) are matched across areas in this order:

1. by shared framework id (``maps_to: [eif-rpc:central-risk]``),
2. by exact node id,
3. by label similarity, which is only *reported* as a possible match, never merged:
   deciding that two areas mean the same thing is for people. Comparing every pair
   of outcomes grew with the square of their number (two 37 KB models: 116 s), so
   each outcome is compared only with a few candidates: those whose label, once
   normalised, is the same, or shares one of its rarest three-letter pieces that another
   label has
   (``_candidates``).

Indicators are matched by id, then by their measure's wording. ``_indicator_keys``
is the one place that says how: a new way to match (e.g. a shared instrument from a
measures catalogue) is one more key there and one more column in the renderers.
"""

from __future__ import annotations

import difflib
import re
from collections import defaultdict
from dataclasses import dataclass, field

from toc.frameworks import load_framework, split_reference
from toc.model import Indicator, Model, Node

SIMILAR_LABELS = 0.75  # difflib ratio at or above which two labels are shown as a possible match
# Bounds on the work of finding possible matches, so that it grows as n log n, not n squared:
SIGNATURE = 32  # an outcome's rarest three-letter pieces that find its candidates
COMMON_PIECE = 300  # a piece in more labels than this finds none (" th", "ent" say nothing)
CANDIDATES = 25  # the outcomes (sharing most pieces first) each one is compared with
COMPARED_CHARACTERS = 200  # of each normalised label; difflib's time grows with the square of the length


@dataclass
class Area:
    name: str
    path: str
    model: Model


@dataclass
class OutcomeRow:
    """One outcome as matched across areas: ``nodes`` maps area name to that area's node ids."""

    key: str  # "eif-rpc:central-risk" or a node id
    matched_by: str  # "framework" | "id"
    label: str
    stage: str
    nodes: dict[str, list[str]] = field(default_factory=dict)

    @property
    def shared(self) -> bool:
        return len(self.nodes) > 1


@dataclass
class IndicatorUse:
    area: str
    node: str
    id: str
    measure: str | None
    source: str | None
    availability: str | None


@dataclass
class IndicatorRow:
    """An indicator matched across areas by ``matched_by`` ("id" or "measure")."""

    key: str
    matched_by: str
    uses: list[IndicatorUse]

    @property
    def areas(self) -> list[str]:
        return sorted({use.area for use in self.uses})


@dataclass
class PossibleMatch:
    similarity: float
    first: tuple[str, str, str]  # area, node id, label
    second: tuple[str, str, str]


@dataclass
class Comparison:
    areas: list[Area]
    outcomes: list[OutcomeRow]
    indicators: list[IndicatorRow]
    possible_matches: list[PossibleMatch]
    # For each shared outcome, the indicators each area measures it with: what a
    # regional evaluation could pool.
    poolable: list[tuple[OutcomeRow, list[IndicatorUse]]]
    # Evaluation methods and validated instruments by catalogue id: the areas using each.
    methods: dict[str, list[str]] = field(default_factory=dict)
    instruments: dict[str, list[str]] = field(default_factory=dict)
    # With `toc compare --status`: each area's boxes' monitoring status (toc.monitoring), by area name.
    statuses: dict[str, dict[str, str]] = field(default_factory=dict)


def with_status(comparison: Comparison) -> Comparison:
    """The comparison with each monitored area's latest status of every box (areas without a
    `monitoring:` section have none)."""
    from toc.monitoring import progress

    comparison.statuses = {area.name: progress(area.model).nodes for area in comparison.areas
                           if area.model.monitoring is not None}
    return comparison


def area_name(model: Model, taken: set[str]) -> str:
    name = model.area or model.title or model.path
    unique, number = name, 2
    while unique in taken:
        unique, number = f"{name} ({number})", number + 1
    return unique


def compare_models(models: list[Model]) -> Comparison:
    areas, taken = [], set()
    for model in models:
        name = area_name(model, taken)
        taken.add(name)
        areas.append(Area(name, model.path, model))
    outcomes = _outcome_rows(areas)
    return Comparison(
        areas=areas,
        outcomes=outcomes,
        indicators=_indicator_rows(areas),
        possible_matches=_possible_matches(outcomes),
        poolable=_poolable(areas, outcomes),
        methods=_catalogue_use(areas, _methods_of),
        instruments=_catalogue_use(areas, _instruments_of),
    )


def _methods_of(model: Model) -> set[str]:
    named = {ref.id for node in model.nodes.values() for ref in node.methods}
    for question in model.evaluation.questions if model.evaluation else ():
        named.update(ref.id for ref in question.methods)
    return named


def _instruments_of(model: Model) -> set[str]:
    return {i.instrument for node in model.nodes.values() for i in node.indicators if i.instrument}


def _catalogue_use(areas: list[Area], ids_of) -> dict[str, list[str]]:
    use: dict[str, list[str]] = {}
    for area in areas:
        for catalogue_id in sorted(ids_of(area.model)):
            use.setdefault(catalogue_id, []).append(area.name)
    return dict(sorted(use.items(), key=lambda item: (-len(item[1]), item[0])))


def _outcome_keys(node: Node) -> list[tuple[str, str]]:
    framework_keys = [(reference.id, "framework") for reference in node.maps_to if split_reference(reference.id)]
    if framework_keys:
        return framework_keys
    if node.id in GENERIC_IDS:
        # "impact" or "outcome-1" says nothing about what changes: never a match on its own.
        return [(f"{node.id}@{area_key(node)}", "id (generic, not matched)")]
    return [(node.id, "id")]


# Ids that name a kind of box, not a change: two areas' "impact" nodes are not the same outcome.
GENERIC_IDS = frozenset({"impact", "outcome", "outcomes", "long-term", "medium-term", "short-term", "goal", "vision"})


def area_key(node: Node) -> str:
    return node.location.path


def _outcome_rows(areas: list[Area]) -> list[OutcomeRow]:
    rows: dict[str, OutcomeRow] = {}
    for area in areas:
        for node in area.model.nodes.values():
            if not node.is_outcome_or_impact:
                continue
            for key, matched_by in _outcome_keys(node):
                row = rows.get(key)
                if row is None:
                    row = rows[key] = OutcomeRow(key, matched_by, _framework_label(key) or node.label or "",
                                                 node.kind)
                row.nodes.setdefault(area.name, []).append(node.id)
    # Shared rows first (most areas first), framework rows before id rows; stable otherwise.
    ordered = sorted(rows.values(), key=lambda r: (-len(r.nodes), r.matched_by != "framework", r.key))
    return ordered


def _framework_label(key: str) -> str | None:
    parts = split_reference(key)
    framework = load_framework(parts[0]) if parts else None
    node = framework.nodes.get(parts[1]) if framework else None
    return node.label if node else None


def _normalised(text: str | None) -> str:
    return re.sub(r"[^a-z0-9%]+", " ", (text or "").casefold()).strip()


def _indicator_keys(indicator: Indicator) -> list[tuple[str, str]]:
    """How an indicator is matched across areas, strongest first: (key, matched_by)."""
    keys = [(f"id:{indicator.id}", "id")]
    if indicator.instrument:
        # The same validated instrument (catalogue id) is what a regional evaluation can pool directly.
        keys.append((f"instrument:{indicator.instrument}", "instrument"))
    if indicator.measure:
        keys.append((f"measure:{_normalised(indicator.measure)}", "measure"))
    return keys


def _indicator_rows(areas: list[Area]) -> list[IndicatorRow]:
    rows: dict[str, IndicatorRow] = {}
    placed: set[tuple[str, str]] = set()  # (area, indicator id) already in a shared row
    uses_by_key: dict[str, list[IndicatorUse]] = {}
    matched_by: dict[str, str] = {}
    for area in areas:
        for node in area.model.nodes.values():
            for indicator in node.indicators:
                if indicator.id is None:
                    continue
                use = IndicatorUse(area.name, node.id, indicator.id, indicator.measure, indicator.source,
                                   indicator.availability.value if indicator.availability else None)
                for key, how in _indicator_keys(indicator):
                    uses_by_key.setdefault(key, []).append(use)
                    matched_by[key] = how
    for key, uses in uses_by_key.items():
        fresh = [use for use in uses if (use.area, use.id) not in placed]
        if len({use.area for use in fresh}) > 1:
            rows[key] = IndicatorRow(key.split(":", 1)[1], matched_by[key], fresh)
            placed.update((use.area, use.id) for use in fresh)
    return sorted(rows.values(), key=lambda r: (-len(r.areas), r.matched_by, r.key))


def _possible_matches(outcomes: list[OutcomeRow]) -> list[PossibleMatch]:
    single = [(row, area, node_ids[0]) for row in outcomes if not row.shared for area, node_ids in row.nodes.items()]
    texts = [_normalised(row.label)[:COMPARED_CHARACTERS] for row, _, _ in single]
    found = []
    for index, later in _candidates(single, texts):
        row, area, node_id = single[index]
        for other in later:
            other_row, other_area, other_id = single[other]
            matcher = difflib.SequenceMatcher(a=texts[index], b=texts[other], autojunk=False)
            if matcher.real_quick_ratio() < SIMILAR_LABELS or matcher.quick_ratio() < SIMILAR_LABELS:
                continue  # (upper bounds of the ratio, cheaper to compute)
            ratio = matcher.ratio()
            if ratio >= SIMILAR_LABELS:
                found.append(PossibleMatch(round(ratio, 2), (area, node_id, row.label),
                                           (other_area, other_id, other_row.label)))
    return sorted(found, key=lambda m: (-m.similarity, m.first, m.second))


def _candidates(single, texts: list[str]):
    """(index, the later indexes it is compared with) for each outcome.

    Candidates are outcomes of another area and the same stage whose normalised label is
    the same, or shares one of this label's ``SIGNATURE`` rarest three-letter pieces (of
    those another label has too): two
    labels alike enough to be a possible match share most of their pieces, rare ones
    included. Each outcome is compared with at most ``CANDIDATES`` of them, those sharing
    most pieces first, so the work grows with the number of outcomes, not its square.
    """
    groups: dict[tuple[str, str], list[int]] = defaultdict(list)  # (stage, label) -> indexes
    pieces_of = [_pieces(text) for text in texts]
    holders: dict[tuple[str, str], list[int]] = defaultdict(list)  # (stage, piece) -> indexes
    for index, (row, _, _) in enumerate(single):
        groups[(row.stage, texts[index])].append(index)
        for piece in pieces_of[index]:
            holders[(row.stage, piece)].append(index)
    for index, (row, area, _) in enumerate(single):
        shared: dict[int, int] = {}
        same = groups[(row.stage, texts[index])]
        for other in same[same.index(index) + 1:][:CANDIDATES]:  # (bisect would do; groups are small)
            shared[other] = len(pieces_of[index]) + 1
        usable = [holders[(row.stage, piece)] for piece in pieces_of[index]
                  if 1 < len(holders[(row.stage, piece)]) <= COMMON_PIECE]  # (a piece only this label has finds none)
        for indexes in sorted(usable, key=len)[:SIGNATURE]:
            for other in indexes:
                if other > index and other not in same:
                    shared[other] = shared.get(other, 0) + 1
        later = [other for other in sorted(shared, key=lambda other: (-shared[other], other))
                 if single[other][1] != area][:CANDIDATES]
        yield index, sorted(later)


def _pieces(text: str) -> set[str]:
    padded = f" {text} "
    return {padded[start:start + 3] for start in range(len(padded) - 2)}


def _poolable(areas: list[Area], outcomes: list[OutcomeRow]):
    by_area = {area.name: area.model for area in areas}
    pooled = []
    for row in outcomes:
        if not row.shared:
            continue
        uses = []
        for area, node_ids in row.nodes.items():
            for node_id in node_ids:
                for indicator in by_area[area].nodes[node_id].indicators:
                    if indicator.id is not None:
                        uses.append(IndicatorUse(area, node_id, indicator.id, indicator.measure, indicator.source,
                                                 indicator.availability.value if indicator.availability else None))
        if len({use.area for use in uses}) > 1:
            pooled.append((row, uses))
    return pooled
