"""TOC303 indicator-without-baseline: an indicator with no baseline or no target.

## What it finds
An indicator missing `baseline:`, `target:` or both, on an activity, output,
outcome or impact. Indicators on needs and inputs describe the context (54% of
children living with single parents) and need no target, so they are not
reported.

## Why it matters
Without a starting point and an aim, a number cannot show progress. A baseline
may honestly be unknown: write `baseline: not yet known` (it still counts as
given) and plan to collect it.

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
    indicators:
      - id: trained-count
        measure: Practitioners completing training
        source: Training attendance register
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
    indicators:
      - id: trained-count
        measure: Practitioners completing training
        source: Training attendance register
        baseline: 0
        target: 200
```
"""

from toc.findings import Severity
from toc.model import NodeType
from toc.rules.base import Rule

_CONTEXT = (NodeType.CAUSE, NodeType.NEED, NodeType.INPUT)  # context, not changes aimed for


def check(context):
    for node_id, node in context.model.nodes.items():
        if node.type in _CONTEXT:
            continue
        for indicator in node.indicators:
            missing = [name for name in ("baseline", "target") if getattr(indicator, name) is None]
            if missing:
                yield RULE.finding(
                    f'indicator "{indicator.id or "?"}" of "{node_id}" has no {" and no ".join(missing)}',
                    indicator.location,
                    node=node_id,
                    hint="add " + " and ".join(f"`{name}:`" for name in missing)
                    + " (`not yet known` is an honest value)",
                )


RULE = Rule("TOC303", "indicator-without-baseline", Severity.INFO, "an indicator with no baseline or no target",
            __doc__, check, local=True)
