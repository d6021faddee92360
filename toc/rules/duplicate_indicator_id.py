"""TOC104 duplicate-indicator-id: two indicators share one id.

## What it finds
An indicator id used more than once anywhere in the model.

## Why it matters
Evaluation questions, reports and comparisons name indicators by id; two
indicators with one id make those references ambiguous.

## Example
```yaml
toc: 1
nodes:
  training:
    type: activity
    label: Multi-agency training
    leads_to: [trained]
    indicators:
      - {id: count, measure: Sessions delivered, source: Register}
  trained:
    type: output
    label: Practitioners trained
    indicators:
      - {id: count, measure: Practitioners trained, source: Register}
```

## Use instead
```yaml
toc: 1
nodes:
  training:
    type: activity
    label: Multi-agency training
    leads_to: [trained]
    indicators:
      - {id: sessions-delivered, measure: Sessions delivered, source: Register}
  trained:
    type: output
    label: Practitioners trained
    indicators:
      - {id: practitioners-trained, measure: Practitioners trained, source: Register}
```
"""

from toc.findings import Related, Severity
from toc.rules.base import Rule


def check(context):
    first_seen = {}
    for node in context.model.nodes.values():
        for indicator in node.indicators:
            if indicator.id is None:
                continue
            if indicator.id in first_seen:
                first = _where(first_seen[indicator.id])
                yield RULE.finding(
                    f'indicator id "{indicator.id}" is already used',
                    _where(indicator),
                    node=node.id,
                    hint=f"indicator ids are unique in a model; the first is at line {first.line}",
                    related=(Related(first, "first used here"),),
                )
            else:
                first_seen[indicator.id] = indicator


def _where(indicator):
    # (worked out only for a duplicate: a big model has thousands of indicators)
    return indicator.value_locations.get("id", indicator.location)


RULE = Rule("TOC104", "duplicate-indicator-id", Severity.ERROR, "two indicators share one id", __doc__, check, local=True)
