"""TOC210 forward-feedback: a link marked `feedback: true` that goes forward.

## What it finds
A link with `feedback: true` whose target is at a later stage than its source,
e.g. a short-term outcome "feeding back" to a long-term outcome.

## Why it matters
`feedback: true` takes a link out of the causal chain: the checks for
unsupported outcomes and paths to impact ignore it, and diagrams draw it as a
loop. On a forward link that hides the very link that makes the later outcome
happen, so other rules then report confusing gaps further on.

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
    leads_to:
      - to: children
        feedback: true
  children:
    type: outcome
    term: long
    label: Children's outcomes improve
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
    leads_to: [children]
  children:
    type: outcome
    term: long
    label: Children's outcomes improve
```
"""

from toc.findings import Severity
from toc.rules.base import Rule


def check(context):
    for link, source, target in context.staged_links:  # (a link to an unknown id has no stages)
        if link.feedback and target > source:
            yield RULE.finding(
                f'the link "{link.source}" -> "{link.target}" goes forward but is marked as feedback',
                link.value_locations.get("feedback", link.location),
                node=link.source,
                hint="remove `feedback: true`: feedback is for links back to an earlier stage",
            )


RULE = Rule("TOC210", "forward-feedback", Severity.WARNING, "a feedback link that goes forward", __doc__, check, local=True)
