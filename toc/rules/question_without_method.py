"""TOC502 question-without-method: an evaluation question with no method to answer it.

## What it finds
A question in `evaluation.questions` with no `methods:`, whose nodes name no
`methods:` either.

## Why it matters
A question without a method is a wish, not a plan: nobody can cost it, time it
or say who collects what. `toc spec` will suggest methods for its nodes, but
the commissioner should choose.

## Example
```yaml
toc: 1
nodes:
  training:
    type: activity
    label: Multi-agency training
evaluation:
  questions:
    - id: q1
      text: Was the training delivered as planned?
      kind: process
      nodes: [training]
```

## Use instead
```yaml
toc: 1
nodes:
  training:
    type: activity
    label: Multi-agency training
evaluation:
  questions:
    - id: q1
      text: Was the training delivered as planned?
      kind: process
      nodes: [training]
      methods: [monitoring-data]
```
"""

from toc.findings import Severity
from toc.rules.base import Rule


def check(context):
    model = context.model
    for question in model.evaluation.questions if model.evaluation else ():
        if question.methods:
            continue
        known = context.catalogue.methods
        if any(r.id in known for ref in question.nodes if ref.id in model.nodes for r in model.nodes[ref.id].methods):
            continue
        yield RULE.finding(
            f'question "{question.id}" names no method to answer it',
            question.location,
            hint=_step_hint(question, known)
            or "add `methods: [...]` (`toc spec` suggests some; `toc catalogue methods` lists them)",
        )


def _step_hint(question, known) -> str | None:
    """For a question testing a link or an assumption (format 1.1): the methods that test causal steps."""
    from toc.evaluation.causal_steps import step_methods

    suggested = step_methods(question, known)
    if not suggested:
        return None
    return f"add `methods: [{', '.join(suggested)}]`: methods that test one causal step"


RULE = Rule("TOC502", "question-without-method", Severity.WARNING,
            "an evaluation question with no method to answer it", __doc__, check)
