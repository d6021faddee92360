"""TOC207 backward-link: a link to an earlier stage that is not marked as feedback.

## What it finds
A link from a later stage to an earlier one, e.g. from an outcome back to an
activity, without `feedback: true`. Links that close a causal loop are reported
once, as TOC208 cycle, instead. Links within one stage (an activity feeding
another activity) are not backward.

## Why it matters
Theories of change read left to right, from what is done to what changes.
A link that runs backwards is either a typo (the link is the wrong way round)
or a deliberate feedback loop ("confident practitioners refer more families"),
which should be said so that diagrams draw it as one.

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
    label: Practitioners confident to support parents
    leads_to: [groups]
  groups:
    type: activity
    label: Practitioners run groups for parents
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
    label: Practitioners confident to support parents
    leads_to:
      - to: groups
        feedback: true
  groups:
    type: activity
    label: Practitioners run groups for parents
```
"""

from toc.findings import Severity
from toc.rules.base import Rule


def check(context):
    for link, source, target in context.staged_links:  # (a link to an unknown id has no stages)
        if link.feedback or target >= source or context.on_loop(link.source, link.target):
            continue
        yield RULE.finding(
            f'{source.title} "{link.source}" leads back to {target.title} "{link.target}"',
            link.location,
            node=link.source,
            hint="if this is a deliberate feedback loop, write it as {to: "
            f"{link.target}, feedback: true}}; otherwise the link is the wrong way round",
        )


RULE = Rule("TOC207", "backward-link", Severity.WARNING, "a link to an earlier stage not marked as feedback",
            __doc__, check, local=True)
