"""TOC205 missing-impact: the model has no impact and no long-term outcome.

## What it finds
A model in which no node is an `impact` and no outcome has `term: long`.

## Why it matters
A theory of change works backwards from the long-term change it is for
(Anderson's backwards mapping). Without it, nothing says what the activities
are ultimately meant to achieve, and no chain can be judged complete.

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
    model = context.model
    if model.nodes and not context.end_points:
        yield RULE.finding(
            "the model has no impact and no long-term outcome",
            model.value_locations.get("nodes", model.location),
            hint="add the long-term change the programme is for: a node with `type: impact`",
        )


RULE = Rule("TOC205", "missing-impact", Severity.WARNING, "the model has no impact and no long-term outcome",
            __doc__, check)
