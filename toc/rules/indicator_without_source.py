"""TOC302 indicator-without-source: an indicator with no data source.

## What it finds
An indicator with no `source:`.

## Why it matters
An indicator nobody can collect is a wish. Naming the source (a case
management system, a survey, a partner's dataset) is the first step to knowing
whether the data exists and who has to share it.

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
```
"""

from toc.findings import Severity
from toc.rules.base import Rule


def check(context):
    for node_id, node in context.model.nodes.items():
        for indicator in node.indicators:
            if not indicator.source:
                yield RULE.finding(
                    f'indicator "{indicator.id or "?"}" of "{node_id}" has no source',
                    indicator.location,
                    node=node_id,
                    hint="add `source:` naming where the data comes from",
                )


RULE = Rule("TOC302", "indicator-without-source", Severity.WARNING, "an indicator with no data source", __doc__,
            check, local=True)
