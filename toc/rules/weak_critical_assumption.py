"""TOC402 weak-critical-assumption: a high-criticality assumption with little evidence.

## What it finds
A shared assumption with `criticality: high` whose `evidence:` is `none`,
`weak`, or not given.

## Why it matters
An assumption that much of the theory depends on, resting on weak evidence, is
exactly where evaluation effort should go first; the finding makes it visible
so it gets an evaluation question.

## Example
```yaml
toc: 1
assumptions:
  parents-attend:
    text: Parents referred to group support attend most sessions
    criticality: high
    evidence: weak
nodes:
  groups:
    type: activity
    label: Group programme for parents
    leads_to:
      - to: less-conflict
        assumptions: [parents-attend]
  less-conflict:
    type: outcome
    term: short
    label: Less destructive conflict between parents
```

## Use instead
Test the assumption, then record what was found. Do not raise the rating to
silence the warning: the warning is the point.

```yaml
toc: 1
assumptions:
  parents-attend:
    text: Parents referred to group support attend most sessions
    criticality: high
    # Pilot 2023: 71 of 96 referred parents attended 6+ of 8 sessions.
    evidence: moderate
nodes:
  groups:
    type: activity
    label: Group programme for parents
    leads_to:
      - to: less-conflict
        assumptions: [parents-attend]
  less-conflict:
    type: outcome
    term: short
    label: Less destructive conflict between parents
```
"""

from toc.findings import Severity
from toc.model import Criticality, Evidence
from toc.rules.base import Rule


def check(context):
    for assumption in context.model.assumptions.values():
        if assumption.criticality is Criticality.HIGH and assumption.evidence in (None, Evidence.NONE, Evidence.WEAK):
            evidence = assumption.evidence.value if assumption.evidence else "not stated"
            yield RULE.finding(
                f'assumption "{assumption.id}" is critical but its evidence is {evidence}',
                assumption.location,
                hint=_hint(context, assumption.id),
            )


def _hint(context, assumption_id: str) -> str:
    # A question can test the assumption itself (format 1.1), which covers every link resting on it.
    return (f"test it: ask an evaluation question about it (`assumptions: [{assumption_id}]`), "
            "or find the evidence and set `evidence:`")


RULE = Rule("TOC402", "weak-critical-assumption", Severity.WARNING, "a critical assumption with weak evidence",
            __doc__, check, local=True)
