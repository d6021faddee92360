"""TOC204 no-path-to-impact: a node from which no impact can be reached.

## What it finds
A node whose links never arrive at an impact (or, in a model without impacts,
at a long-term outcome). A node that leads nowhere at all is also TOC202
dead-end (or TOC201 isolated-node), which says more: when that finding is
shown, this one is left out for the same node; ignore TOC202 and this rule
still reports it.

## Why it matters
Every activity and outcome should contribute to the impact the programme is
for; a branch that never gets there is either missing a link or does not
belong in this theory.

## Example
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
    leads_to: [wellbeing]
  leaflet:
    type: activity
    label: Leaflet for parents
    leads_to: [aware]
  aware:
    type: outcome
    term: short
    label: Parents aware of support
  wellbeing:
    type: impact
    label: Children's wellbeing improves
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
    leads_to: [wellbeing]
  leaflet:
    type: activity
    label: Leaflet for parents
    leads_to: [aware]
  aware:
    type: outcome
    term: short
    label: Parents aware of support
    leads_to: [wellbeing]
  wellbeing:
    type: impact
    label: Children's wellbeing improves
```
"""

from toc.findings import Severity
from toc.graph import reaching
from toc.rules.base import Rule


def check(context):
    if not context.end_points:
        return  # TOC205 missing-impact says it once for the whole model
    arrives = reaching(context.causal, context.end_points)
    goal = "an impact" if context.has_impact else "a long-term outcome"
    for node_id, node in context.model.nodes.items():
        if node_id in arrives or node.type is None:
            continue
        yield RULE.finding(
            f'no chain from {node.kind} "{node_id}" reaches {goal}',
            node.location,
            node=node_id,
            hint="link this branch onward to the outcomes it contributes to",
        )


RULE = Rule("TOC204", "no-path-to-impact", Severity.WARNING, "a node from which no impact can be reached", __doc__,
            check, rests_on=("links-from",))
