"""TOC202 dead-end: a node that should lead somewhere but leads nowhere.

## What it finds
A root cause, need, input, activity, output or outcome with no outgoing link (feedback
links aside). Impacts are where chains end; so are long-term outcomes in a
model that has no impact.

## Why it matters
A chain that stops at an output or a short-term outcome leaves the "so what?"
unanswered: the theory does not say what the change contributes to.

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
  wellbeing:
    type: impact
    label: Children's wellbeing improves
```
"""

from toc.findings import Severity
from toc.rules.base import Rule


def check(context):
    for node_id in sorted(context.dead_ends, key=context.order.__getitem__):
        node = context.node(node_id)
        yield RULE.finding(
            f'{node.kind} "{node_id}" leads nowhere',
            node.location,
            node=node_id,
            hint="add leads_to with the change it contributes to",
        )


RULE = Rule("TOC202", "dead-end", Severity.WARNING, "a node that leads nowhere", __doc__, check,
            supersedes=("TOC204",), rests_on=("links-from",))
