"""TOC101 unknown-reference: a link or assumption names an id that is not defined.

## What it finds
An id in `leads_to` (or a link's `to:`) that is not a node of the model, an
id in a link's `assumptions:` that is not in the top-level `assumptions:`, a
node id in an evaluation question's `nodes:` that is not a node, or a
framework in `uses:` or `maps_to:` that toc does not ship (or a framework node
it does not have). Also (format 1.1) a mechanism id in a link's or a node's
`mechanisms:` that is not in the top-level `mechanisms:`, an assumption id in a
question's `assumptions:` that is not defined, and a link in a question's
`links:` (`from -> to`) whose ends are not nodes or that the model does not have.
The message suggests the id you probably meant.

## Why it matters
A link to nowhere is a missing link: the diagram silently drops it, and the
outcome it was meant to support looks unsupported.

## Example
```yaml
toc: 1
nodes:
  training:
    type: activity
    label: Multi-agency training
    leads_to: [trainde]
  trained:
    type: output
    label: Practitioners trained
```

## Use instead
```yaml
toc: 1
nodes:
  training:
    type: activity
    label: Multi-agency training
    leads_to: [trained]
  trained:
    type: output
    label: Practitioners trained
```
"""

from toc.findings import Severity
from toc.rules.base import Rule
from toc.suggest import closest, did_you_mean


def check(context):
    from toc.frameworks import unknown_references

    model = context.model
    for reference, message, hint, node in unknown_references(model):
        yield RULE.finding(message, reference.location, node=node, hint=hint)
    nodes = model.nodes
    later = _later_stages(context)
    for link in context.links:
        if link.target not in nodes:
            meant = closest(link.target, model.nodes, later(link.source))
            yield RULE.finding(
                f'"{link.source}" leads to "{link.target}", which is not a node',
                link.value_locations.get("to", link.location),
                node=link.source,
                hint=f'did you mean "{meant}"?' if meant else "define the node under nodes:, or fix the id",
                # the link it was meant to be is missing: from its source, and to the node meant
                affects=(f"links-from:{link.source}",) + ((f"links-to:{meant}",) if meant else ()),
            )
        for reference in link.assumptions:
            if reference.id not in model.assumptions:
                yield RULE.finding(
                    f'assumption "{reference.id}" is not defined',
                    reference.location,
                    node=link.source,
                    hint=did_you_mean(reference.id, model.assumptions)
                    or "define it under the top-level assumptions:",
                )
    for question in model.evaluation.questions if model.evaluation else ():
        for reference in question.nodes:
            if reference.id not in model.nodes:
                yield RULE.finding(
                    f'question "{question.id}" is about "{reference.id}", which is not a node',
                    reference.location,
                    hint=did_you_mean(reference.id, model.nodes) or "name a node id from nodes:",
                )
    yield from _format_1_1_references(model)


def _format_1_1_references(model):
    """Mechanisms named by links and boxes; assumptions and links named by questions."""
    for node in model.nodes.values():
        named = [*node.mechanisms, *(reference for link in node.links for reference in link.mechanisms)]
        for reference in named:
            if reference.id not in model.mechanisms:
                yield RULE.finding(
                    f'mechanism "{reference.id}" is not defined',
                    reference.location,
                    node=node.id,
                    hint=did_you_mean(reference.id, model.mechanisms) or "define it under the top-level mechanisms:",
                )
    links = {(link.source, link.target) for link in model.links()}
    for question in model.evaluation.questions if model.evaluation else ():
        for reference in question.assumptions:
            if reference.id not in model.assumptions:
                yield RULE.finding(
                    f'question "{question.id}" tests assumption "{reference.id}", which is not defined',
                    reference.location,
                    hint=did_you_mean(reference.id, model.assumptions) or "define it under the top-level assumptions:",
                )
        for step in question.links:
            missing = [end for end in (step.source, step.target) if end not in model.nodes]
            if missing:
                yield RULE.finding(
                    f'question "{question.id}" tests the link "{step}", but "{missing[0]}" is not a node',
                    step.location,
                    hint=did_you_mean(missing[0], model.nodes) or "name node ids from nodes:",
                )
            elif (step.source, step.target) not in links:
                targets = [link.target for link in model.nodes[step.source].links]
                yield RULE.finding(
                    f'question "{question.id}" tests the link "{step}", which the model does not have',
                    step.location,
                    hint=(f'"{step.source}" leads to ' + ", ".join(f'"{t}"' for t in targets) if targets
                          else f'"{step.source}" leads nowhere') + "; name one of its links, or add the link",
                )


def _later_stages(context):
    """The node ids a link from a node most likely means: those in later columns (outcomes
    after an output), each set made once per stage."""
    by_stage: dict = {}
    for node_id, stage in context.stages.items():
        if stage is not None:
            by_stage.setdefault(stage, []).append(node_id)
    made: dict = {}

    def later(source: str) -> frozenset[str]:
        stage = context.stages.get(source)
        if stage is None:
            return frozenset()
        if stage not in made:
            made[stage] = frozenset(node_id for other, ids in by_stage.items() if other > stage for node_id in ids)
        return made[stage]

    return later


RULE = Rule("TOC101", "unknown-reference", Severity.ERROR, "a reference to an id that is not defined", __doc__, check)
