"""TOC501 unevaluated-outcome: an outcome that no evaluation question or method covers.

## What it finds
When the model has an `evaluation:` section, an outcome or impact that no
question names in its `nodes:` and that names no `methods:` of its own.

## Why it matters
The evaluation plan is where a commissioner decides how each claimed change
will be known. An outcome left out of it will be reported on without evidence,
or not at all; `toc spec` lists it as a gap and can only suggest a method.

## Example
```yaml
toc: 1
nodes:
  sessions:
    type: activity
    label: Couple sessions
    leads_to: [less-conflict]
  less-conflict:
    type: outcome
    term: short
    label: Parents argue less destructively
evaluation:
  purpose: Learn whether the sessions work
  questions: []
```

## Use instead
```yaml
toc: 1
nodes:
  sessions:
    type: activity
    label: Couple sessions
    leads_to: [less-conflict]
  less-conflict:
    type: outcome
    term: short
    label: Parents argue less destructively
evaluation:
  purpose: Learn whether the sessions work
  questions:
    - id: q1
      text: Do parents who attend argue less destructively?
      kind: impact
      nodes: [less-conflict]
      methods: [parent-survey]
```
"""

from toc.findings import Severity
from toc.rules.base import Rule


def check(context):
    model = context.model
    if model.evaluation is None:
        return
    for node in model.nodes.values():
        if node.is_outcome_or_impact and not node.methods and node.id not in context.questions_about:
            yield RULE.finding(
                f'{node.kind} "{node.id}" is not covered by any evaluation question or method',
                node.location,
                node=node.id,
                hint="name it in a question's `nodes:`, or give it `methods:`; `toc spec` suggests methods",
            )


RULE = Rule("TOC501", "unevaluated-outcome", Severity.WARNING,
            "an outcome no evaluation question or method covers", __doc__, check)
