"""TOC504 method-mismatch: a method chosen for a node or question it does not suit.

## What it finds
A method in a node's `methods:` whose catalogue entry does not list the
node's type or outcome term; a method in a question's `methods:` that suits
none of the question's nodes; and a method named for a question whose kind
(process, impact, economic) the method does not answer. For example an RCT on an activity, or attendance
counts (monitoring data) as the evidence for a long-term outcome.

## Why it matters
A mismatched method answers a different question from the one asked: counting
attendance says nothing about whether family relationships improved, and a
trial of an activity measures nothing that changes. Commissioners pay for the
wrong evidence.

## Example
```yaml
toc: 1
nodes:
  relationships:
    type: outcome
    term: long
    label: Family relationships improve
    methods: [monitoring-data]
```

## Use instead
```yaml
toc: 1
nodes:
  relationships:
    type: outcome
    term: long
    label: Family relationships improve
    methods: [contribution-analysis]
```
"""

from toc.findings import Severity
from toc.rules.base import Rule


def check(context):
    if not context.names_catalogue_entries:
        return
    model, methods = context.model, context.catalogue.methods
    for node in model.nodes.values():
        for reference in node.methods:
            method = methods.get(reference.id)
            if method is not None and not method.suits(node):
                yield _unsuited(method, node, reference.location)
    for question in model.evaluation.questions if model.evaluation else ():
        for reference in question.methods:
            method = methods.get(reference.id)
            if method is None:
                continue
            if question.kind and method.questions and question.kind not in method.questions:
                yield RULE.finding(
                    f'{method.id} does not answer {question.kind} questions like "{question.id}"'
                    f" (it answers {', '.join(method.questions)})",
                    reference.location,
                    hint=f"choose a method for {question.kind} questions; `toc spec` suggests some",
                )
            # A question's methods answer it together: each must suit at least one of its nodes.
            nodes = [model.nodes[r.id] for r in question.nodes if r.id in model.nodes]
            if nodes and not any(method.suits(node) for node in nodes):
                yield _unsuited(method, nodes[0], reference.location, question.id)


def _unsuited(method, node, location, question_id=None):
    suits = ", ".join(method.types) or "any node"
    if method.terms and node.term:
        suits += f" ({'/'.join(method.terms)}-term)"
    where = f' in question "{question_id}"' if question_id else ""
    return RULE.finding(
        f'{method.id} does not suit {node.kind} "{node.id}"{where}: the catalogue lists it for {suits}',
        location,
        node=node.id,
        hint="choose a method that fits the node; `toc spec` suggests some with reasons",
    )


RULE = Rule("TOC504", "method-mismatch", Severity.WARNING,
            "a method chosen for a node or question it does not suit", __doc__, check)
