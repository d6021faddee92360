"""TOC301 unmeasured-outcome: an outcome or impact with no indicator.

## What it finds
An outcome or impact node with no `indicators:`.

## Why it matters
If nothing says how a change will be known, it cannot be monitored or
evaluated, and the theory cannot be tested. Every outcome needs "a way to know
it happened" (Connell and Kubisch). For a long-term outcome the indicator may
be held by a partner: say so with `availability: partner`.

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
    term: long
    label: Practitioners confident to support parents
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
    term: long
    label: Practitioners confident to support parents
    indicators:
      - id: confidence-score
        measure: Self-rated confidence to support parents in conflict (1-5)
        source: Post-training survey
        baseline: 2.4
        target: 4
```
"""

from toc.findings import Severity
from toc.rules.base import Rule


def check(context):
    for node_id, node in context.model.nodes.items():
        if node.is_outcome_or_impact and not node.indicators:
            yield RULE.finding(
                f'{node.kind} "{node_id}" has no indicator',
                node.location,
                node=node_id,
                hint="add indicators: with what is measured, its source, baseline and target",
            )


RULE = Rule("TOC301", "unmeasured-outcome", Severity.WARNING, "an outcome or impact with no indicator", __doc__,
            check, local=True, rests_on=("indicators",))
