"""TOC201 isolated-node: a node with no links at all.

## What it finds
A node that leads nowhere and that nothing leads to.

## Why it matters
A box on its own is not part of the theory: nothing explains how it comes
about or what it contributes. Often it is a workshop sticky note that was never
connected. While this finding is shown, TOC203 unsupported-outcome and TOC204
no-path-to-impact leave the node out, so this is the one finding to fix.

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
  leaflet:
    type: activity
    label: Leaflet for parents
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
  leaflet:
    type: activity
    label: Leaflet for parents
    leads_to: [trained]
```
"""

from toc.findings import Severity
from toc.rules.base import Rule


def check(context):
    if len(context.model.nodes) < 2:
        return
    for node_id in sorted(context.isolated, key=context.order.__getitem__):
        node = context.node(node_id)
        yield RULE.finding(
            f'{node.kind} "{node_id}" has no links',
            node.location,
            node=node_id,
            hint="connect it with leads_to (from it, or to it from another node), or remove it",
        )


RULE = Rule("TOC201", "isolated-node", Severity.ERROR, "a node with no links at all", __doc__, check,
            supersedes=("TOC203", "TOC204"),
            rests_on=("links-from", "links-to"))
