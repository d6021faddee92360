"""TOC403 unused-assumption: a shared assumption that no link names.

## What it finds
An entry under the top-level `assumptions:` that no link lists in its
`assumptions:`.

## Why it matters
An assumption that underlies nothing is either left over from an earlier
version or a link forgot to name it; either way the diagram and the evaluation
plan cannot show which links depend on it.

## Example
```yaml
toc: 1
assumptions:
  parents-attend:
    text: Parents referred to group support attend most sessions
nodes:
  groups:
    type: activity
    label: Group programme for parents
    leads_to: [attended]
  attended:
    type: output
    label: Parents complete the programme
```

## Use instead
```yaml
toc: 1
assumptions:
  parents-attend:
    text: Parents referred to group support attend most sessions
nodes:
  groups:
    type: activity
    label: Group programme for parents
    leads_to:
      - to: attended
        assumptions: [parents-attend]
  attended:
    type: output
    label: Parents complete the programme
```
"""

from toc.findings import Severity
from toc.rules.base import Rule


def check(context):
    used = {reference.id for link in context.links for reference in link.assumptions}
    for assumption in context.model.assumptions.values():
        if assumption.id not in used:
            yield RULE.finding(
                f'assumption "{assumption.id}" is not named by any link',
                assumption.location,
                hint="add it to the `assumptions:` of the links that rest on it, or remove it",
            )


RULE = Rule("TOC403", "unused-assumption", Severity.INFO, "a shared assumption no link names", __doc__, check)
