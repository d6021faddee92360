"""TOC103 duplicate-link: the same link written twice.

## What it finds
A node that lists the same target twice in its `leads_to`.

## Why it matters
Usually harmless, but if the two entries carry different assumptions or
evidence, only the first is used for the diagram and the checks.

## Example
```yaml
toc: 1
nodes:
  training:
    type: activity
    label: Multi-agency training
    leads_to: [trained, trained]
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

from toc.findings import Related, Severity
from toc.rules.base import Rule


def check(context):
    for node in context.model.nodes.values():
        if len(node.links) < 2:
            continue  # (most nodes: nothing to compare)
        first_seen = {}
        for link in node.links:
            if link.target in first_seen:
                first = first_seen[link.target]
                yield RULE.finding(
                    f'"{node.id}" leads to "{link.target}" twice',
                    link.location,
                    node=node.id,
                    hint=f"keep one (the first, at line {first.line}, is the one used) and merge what they say",
                    related=(Related(first, "first written here"),),
                )
            else:
                first_seen[link.target] = link.location


RULE = Rule("TOC103", "duplicate-link", Severity.WARNING, "the same link twice", __doc__, check, local=True)
