"""TOC701 framework-outcome-not-addressed: a framework the model uses has outcomes no node maps to.

## What it finds
For each framework named in `uses:`, the framework's outcomes and impact that no
node of the model names in its `maps_to:`. Reported once per missing outcome, at
the framework's entry in `uses:`.

## Why it matters
Building on a shared framework (the EIF reducing parental conflict outcomes
framework, Kirkpatrick's levels, Supporting Families) is a promise to say where
your local theory meets it. An outcome you do not address may be a deliberate
choice of scope, or a gap nobody noticed: this makes the choice visible, and lets
`toc compare` line areas up. It is information, not an error: ignore it in the
model's `check:` section when the scope is deliberate.

## Example
```yaml
toc: 1
uses: [kirkpatrick]
nodes:
  training:
    type: activity
    label: RPC practitioner training
    leads_to: [confident]
  confident:
    type: outcome
    term: short
    label: Practitioners feel confident to support parents in conflict
    maps_to: [kirkpatrick:learning]
```

## Use instead
```yaml
toc: 1
uses: [kirkpatrick]
check:
  # This strand stops at practitioner learning by design; practice change is
  # evaluated in the regional model.
  ignore: [TOC701]
nodes:
  training:
    type: activity
    label: RPC practitioner training
    leads_to: [confident]
  confident:
    type: outcome
    term: short
    label: Practitioners feel confident to support parents in conflict
    maps_to: [kirkpatrick:learning]
```
"""

from toc.findings import Severity
from toc.rules.base import Rule


def check(context):
    from toc.frameworks import addressed, load_framework

    model = context.model
    covered = addressed(model)
    for reference in model.uses:
        framework = load_framework(reference.id)
        if framework is None:
            continue  # TOC101 reports the unknown framework
        for node_id, node in framework.nodes.items():
            if node.is_outcome_or_impact and node_id not in covered.get(reference.id, set()):
                yield RULE.finding(
                    f'{node.kind} "{reference.id}:{node_id}" ({node.label}) is not addressed by any node',
                    reference.location,
                    hint=f"add `maps_to: [{reference.id}:{node_id}]` to the node that addresses it, "
                         "or ignore TOC701 if it is out of scope",
                )


RULE = Rule("TOC701", "framework-outcome-not-addressed", Severity.INFO,
            "a framework in uses: has an outcome that no node maps to", __doc__, check)
