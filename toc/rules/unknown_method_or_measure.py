"""TOC503 unknown-method-or-measure: a method or measure id that no catalogue defines.

## What it finds
An id in a node's or a question's `methods:` that is not a method, or an
indicator's `instrument:` that is not a measure, in the shipped catalogues
(models/methods.yaml, models/measures.yaml), the model's `catalogues:` files
or its own `methods:` and `measures:` sections. The message suggests the id
you probably meant.

## Why it matters
The specification takes a method's costs, strength and ethics, and a
measure's licence and safeguarding needs, from the catalogue. A misspelt id
would silently drop them from the plan.

## Example
```yaml
toc: 1
nodes:
  wellbeing:
    type: outcome
    term: short
    label: Parents' wellbeing improves
    methods: [parent-surveys]
    indicators:
      - id: wellbeing-score
        instrument: swembws
```

## Use instead
```yaml
toc: 1
nodes:
  wellbeing:
    type: outcome
    term: short
    label: Parents' wellbeing improves
    methods: [parent-survey]
    indicators:
      - id: wellbeing-score
        instrument: swemwbs
```
"""

from toc.findings import Severity
from toc.rules.base import Rule
from toc.suggest import did_you_mean


def check(context):
    model = context.model
    if not context.names_catalogue_entries:
        return
    methods, measures = context.catalogue.methods, context.catalogue.measures
    for node in model.nodes.values():
        for reference in node.methods:
            if reference.id not in methods:
                yield _unknown("method", reference.id, reference.location, methods, node.id)
        for indicator in node.indicators:
            if indicator.instrument is not None and indicator.instrument not in measures:
                yield _unknown("measure", indicator.instrument, indicator.value_locations["instrument"],
                               measures, node.id)
    for question in model.evaluation.questions if model.evaluation else ():
        for reference in question.methods:
            if reference.id not in methods:
                yield _unknown("method", reference.id, reference.location, methods, None)


def _unknown(what, name, location, known, node_id):
    where = f"`toc catalogue {what}s`"
    return RULE.finding(
        f'unknown {what} "{name}"',
        location,
        node=node_id,
        hint=did_you_mean(name, known) or f"see {where}, or define it under `{what}s:` in the model",
    )


RULE = Rule("TOC503", "unknown-method-or-measure", Severity.ERROR,
            "a method or measure id that no catalogue defines", __doc__, check)
