"""TOC102 self-link: a node leads to itself.

## What it finds
A node whose `leads_to` names the node itself.

## Why it matters
"X leads to X" says nothing about how change happens; it is usually a copy and
paste slip for the next box in the chain.

## Example
```yaml
toc: 1
nodes:
  training:
    type: activity
    label: Multi-agency training
    leads_to: [training, trained]
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
```
"""

from toc.findings import Severity
from toc.rules.base import Rule


def check(context):
    for link in context.links:
        if link.source == link.target:
            yield RULE.finding(
                f'"{link.source}" leads to itself',
                link.location,
                node=link.source,
                hint="remove it, or point it at the next box in the chain",
            )


RULE = Rule("TOC102", "self-link", Severity.ERROR, "a node leads to itself", __doc__, check, local=True)
