"""TOC304 indicator-not-collected: the data is held by a partner or not collected yet.

## What it finds
An indicator with `availability: partner` or `availability: not-collected`.

## Why it matters
These are the data-sharing and collection gaps an evaluation plan has to close
(Sefton: referral reasons were in their own system, but data on risk factors
such as substance misuse or housing sat with partners). The finding is
information, not a fault: it lists what to arrange.

## Example
```yaml
toc: 1
nodes:
  support:
    type: activity
    label: Relationship support for parents
    leads_to: [less-conflict]
  less-conflict:
    type: outcome
    term: medium
    label: Less destructive conflict between parents
    indicators:
      - id: police-callouts
        measure: Police call-outs for domestic incidents involving supported families
        source: Police records
        baseline: not yet known
        target: fewer than last year
        availability: partner
```

## Use instead
```yaml
toc: 1
nodes:
  support:
    type: activity
    label: Relationship support for parents
    leads_to: [less-conflict]
  less-conflict:
    type: outcome
    term: medium
    label: Less destructive conflict between parents
    indicators:
      - id: police-callouts
        measure: Police call-outs for domestic incidents involving supported families
        source: Police records (data-sharing agreement signed 2024)
        baseline: 14
        target: 10
        availability: collected
```
"""

from toc.findings import Severity
from toc.model import Availability
from toc.rules.base import Rule

_GAP = {
    Availability.PARTNER: ("is held by a partner", "agree a data-sharing arrangement with the partner"),
    Availability.NOT_COLLECTED: ("is not collected yet", "plan who will collect it, how and from when"),
}


def check(context):
    for node_id, node in context.model.nodes.items():
        for indicator in node.indicators:
            if indicator.availability in _GAP:
                gap, hint = _GAP[indicator.availability]
                yield RULE.finding(
                    f'data for indicator "{indicator.id or "?"}" of "{node_id}" {gap}',
                    indicator.value_locations.get("availability", indicator.location),
                    node=node_id,
                    hint=hint,
                )


RULE = Rule("TOC304", "indicator-not-collected", Severity.INFO, "the data is partner-held or not collected",
            __doc__, check, local=True)
