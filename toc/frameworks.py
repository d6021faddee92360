"""Shared frameworks: reference models shipped in models/frameworks/ that a model builds on.

A framework is an ordinary model file; its id is the file name without
``.toc.yaml`` (``eif-rpc``). A model declares ``uses: [eif-rpc]`` and a node says
which framework node it stands for with ``maps_to: [eif-rpc:central-risk]``.
``toc check`` verifies those references (TOC101) and reports framework outcomes
the model does not address (TOC701); ``toc compare`` matches areas' nodes by them.
"""

from __future__ import annotations

from functools import cache
from importlib import resources

from toc.model import Model, Reference

FRAMEWORK_SUFFIX = ".toc.yaml"


def _directory():
    return resources.files("toc.models") / "frameworks"


@cache
def framework_ids() -> tuple[str, ...]:
    """Ids of every shipped framework, sorted."""
    return tuple(sorted(
        entry.name[: -len(FRAMEWORK_SUFFIX)]
        for entry in _directory().iterdir()
        if entry.name.endswith(FRAMEWORK_SUFFIX)
    ))


@cache
def load_framework(framework_id: str) -> Model | None:
    """The framework's model, or None when there is no such framework."""
    from toc.loading import load_text

    if framework_id not in framework_ids():
        return None
    text = (_directory() / (framework_id + FRAMEWORK_SUFFIX)).read_text(encoding="utf-8")
    return load_text(text, f"models/frameworks/{framework_id}{FRAMEWORK_SUFFIX}").model


def framework_text(framework_id: str) -> str:
    return (_directory() / (framework_id + FRAMEWORK_SUFFIX)).read_text(encoding="utf-8")


def split_reference(text: str) -> tuple[str, str] | None:
    """("eif-rpc", "central-risk") from "eif-rpc:central-risk"; None without a colon."""
    framework, colon, node = text.partition(":")
    return (framework, node) if colon and framework and node else None


def addressed(model: Model) -> dict[str, set[str]]:
    """For each framework id, the framework node ids some node of ``model`` maps to."""
    found: dict[str, set[str]] = {}
    for node in model.nodes.values():
        for reference in node.maps_to:
            parts = split_reference(reference.id)
            if parts:
                found.setdefault(parts[0], set()).add(parts[1])
    return found


def unknown_references(model: Model):
    """(reference, message, hint, node id) for each `uses:` or `maps_to:` entry that names nothing.

    TOC101 reports these; the logic lives here so the rule module stays about links.
    """
    from toc.suggest import did_you_mean

    known = framework_ids()
    declared = {reference.id for reference in model.uses}
    for reference in model.uses:
        if reference.id not in known:
            yield (reference, f'framework "{reference.id}" is not a known framework',
                   did_you_mean(reference.id, known) or "`toc frameworks` lists them: " + ", ".join(known), None)
    for node in model.nodes.values():
        for reference in node.maps_to:
            yield from _unknown_mapping(node.id, reference, known, declared)


def _unknown_mapping(node_id: str, reference: Reference, known, declared):
    from toc.suggest import did_you_mean

    parts = split_reference(reference.id)
    if parts is None:
        yield (reference, f'maps_to "{reference.id}" should be framework-id:node-id',
               "e.g. maps_to: [eif-rpc:central-risk]", node_id)
        return
    framework_id, framework_node = parts
    if framework_id not in known:
        yield (reference, f'framework "{framework_id}" in maps_to "{reference.id}" is not a known framework',
               did_you_mean(framework_id, known) or "`toc frameworks` lists them: " + ", ".join(known), node_id)
        return
    framework = load_framework(framework_id)
    if framework_node not in framework.nodes:
        suggestion = did_you_mean(framework_node, framework.nodes)
        yield (reference, f'"{framework_node}" is not a node of framework "{framework_id}"',
               suggestion or f"`toc frameworks {framework_id}` lists its nodes", node_id)
    elif framework_id not in declared:
        yield (reference, f'node "{node_id}" maps to framework "{framework_id}", which `uses:` does not declare',
               f"add it: uses: [{framework_id}]", node_id)
