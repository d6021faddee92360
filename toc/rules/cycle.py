"""TOC208 cycle: links that go round in a loop not marked as feedback.

## What it finds
A chain of links that returns to where it started, when none of its links is
marked `feedback: true`. Each tangle of loops is reported once, with one loop
spelled out and every link of it as a related location.

## Why it matters
A causal theory has to start somewhere: in a loop nothing comes first, so no
activity can be said to make the outcomes happen. Real reinforcing cycles exist
(more confident practitioners make more referrals), and a model says so by
marking the returning link as feedback.

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
    leads_to: [referring]
  referring:
    type: outcome
    term: short
    label: Practitioners refer parents to support
    leads_to: [confident]
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
    leads_to: [referring]
  referring:
    type: outcome
    term: short
    label: Practitioners refer parents to support
    leads_to:
      - to: confident
        feedback: true
```
"""

from toc.findings import Related, Severity
from toc.rules.base import Rule


def check(context):
    for loop in context.cycles:
        path = " -> ".join([link.source for link in loop] + [loop[0].source])
        yield RULE.finding(
            f"links go round in a loop: {path}",
            loop[0].location,
            node=loop[0].source,
            hint="if the loop is deliberate, mark the link that returns with `feedback: true`; "
            "otherwise remove the link that points back",
            related=tuple(Related(link.location, f'"{link.source}" leads to "{link.target}"') for link in loop),
        )


RULE = Rule("TOC208", "cycle", Severity.ERROR, "a loop of links not marked as feedback", __doc__, check, local=True)
