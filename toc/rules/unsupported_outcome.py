"""TOC203 unsupported-outcome: an outcome or impact that no activity reaches.

## What it finds
An outcome or impact with no chain of links back to any activity (feedback
links are not counted: a loop cannot be the reason something first happens).

## Why it matters
This is the missing link at the heart of a weak theory of change: a change the
programme hopes for, with nothing it does that makes it happen.

## Example
```yaml
toc: 1
nodes:
  training:
    type: activity
    label: Multi-agency training
    leads_to: [confident]
  confident:
    type: outcome
    term: short
    label: Practitioners confident
    leads_to: [wellbeing]
  less-conflict:
    type: outcome
    term: medium
    label: Less destructive conflict between parents
    leads_to: [wellbeing]
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
    leads_to: [confident]
  confident:
    type: outcome
    term: short
    label: Practitioners confident
    leads_to: [less-conflict]
  less-conflict:
    type: outcome
    term: medium
    label: Less destructive conflict between parents
    leads_to: [wellbeing]
  wellbeing:
    type: impact
    label: Children's wellbeing improves
```
"""

from toc.findings import Severity
from toc.graph import reachable_from
from toc.model import NodeType
from toc.rules.base import Rule


def check(context):
    model = context.model
    if len(model.nodes) < 2:
        return  # one box is where a model starts: no chains yet (TOC201 waits for a second box too)
    activities = [node_id for node_id, node in model.nodes.items() if node.type is NodeType.ACTIVITY]
    supported = reachable_from(context.causal, activities)
    for node_id, node in model.nodes.items():
        if node.is_outcome_or_impact and node_id not in supported:
            yield RULE.finding(
                f'{node.kind} "{node_id}" is not reached from any activity',
                node.location,
                node=node_id,
                hint="link it from the activity or earlier outcome that makes it happen",
            )


RULE = Rule("TOC203", "unsupported-outcome", Severity.ERROR, "an outcome or impact no activity reaches", __doc__,
            check, rests_on=("links-to",))
