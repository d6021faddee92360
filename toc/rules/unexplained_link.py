"""TOC401 unexplained-link: a link into an outcome or impact that says neither why nor how well we know.

## What it finds
A link into an outcome or impact with no `assumption:`, no shared
`assumptions:`, no `mechanisms:` and no `evidence:`. (A link that names the
mechanism of change it works through says how it should hold.)

## Why it matters
"Links with no stated reason" is the most common complaint about theories of
change. The reason is what an evaluation tests; the evidence rating is what
tells a commissioner where to look first.

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
```

## Use instead
```yaml
toc: 1
nodes:
  training:
    type: activity
    label: Multi-agency training
    leads_to:
      - to: confident
        assumption: Training content is relevant to practitioners' roles
        evidence: moderate
  confident:
    type: outcome
    term: short
    label: Practitioners confident to support parents
```
"""

from toc.findings import Severity
from toc.rules.base import Rule


def check(context):
    nodes = context.model.nodes
    for link in context.links:
        target = nodes.get(link.target)
        if target is None or link.feedback or link.is_explained or link.source == link.target or not target.is_outcome_or_impact:
            continue
        yield RULE.finding(
            f'the link "{link.source}" -> "{link.target}" states no assumption and no evidence',
            link.location,
            node=link.source,
            hint=f"write it as {{to: {link.target}, assumption: why it should hold, evidence: none|weak|moderate|strong}}",
        )


RULE = Rule("TOC401", "unexplained-link", Severity.INFO, "a link into an outcome with no assumption or evidence",
            __doc__, check, local=True)
