"""TOC506 infeasible-comparison: a comparison design with no named comparison group, or no one to compare with.

## What it finds
A comparison design (a method whose catalogue entry says `needs_comparison:
true`: difference-in-differences, matched comparison, waiting-list
comparison, staggered roll-out, RCT) chosen in a question that does not say
where its comparison group comes from (`comparison:`), or chosen on a node that
no question with a `comparison:` is about; and a difference-in-differences on a
node whose indicators exist only for the families the service worked with
(their source is the service's own records or questionnaires, or they count
something only served families have, such as re-referral after closure).

## Why it matters
A comparison design is only as good as its comparison group. The Department
for Work and Pensions has funded Reducing Parental Conflict work in every
upper-tier local authority in England since 2018, so "areas without the
programme" rarely exist; a specification that leaves the group unnamed invites
a design nobody can deliver. Data that exists only for served families cannot
be compared with anyone: there is no "difference" to take. Name a feasible
group: families on the waiting list, teams or areas that start later, a
matched cohort from Early Help or children's social care records, or use an
interrupted time series at the start date.

## Example
```yaml
toc: 1
nodes:
  course:
    type: activity
    label: Couples course
    leads_to: [calmer]
  calmer:
    type: outcome
    term: medium
    label: Less destructive conflict between parents
    indicators:
      - id: conflict-score
        measure: O'Leary-Porter Scale score
        source: Course questionnaires
evaluation:
  questions:
    - id: q1
      text: Did the course reduce conflict?
      kind: impact
      nodes: [calmer]
      methods: [difference-in-differences]
```

## Use instead
```yaml
toc: 1
nodes:
  course:
    type: activity
    label: Couples course
    leads_to: [calmer]
  calmer:
    type: outcome
    term: medium
    label: Less destructive conflict between parents
    indicators:
      - id: conflict-score
        measure: O'Leary-Porter Scale score
        source: Course questionnaires
evaluation:
  questions:
    - id: q1
      text: Did the course reduce conflict?
      kind: impact
      nodes: [calmer]
      methods: [waiting-list-comparison]
      comparison: Families on the course's waiting list, measured at referral and at start
```
"""

from toc.evaluation.reading import served_only
from toc.findings import Severity
from toc.rules.base import Rule

DID = "difference-in-differences"


def check(context):
    if not context.names_catalogue_entries:
        return
    model, methods = context.model, context.catalogue.methods
    questions = model.evaluation.questions if model.evaluation else ()
    for question in questions:
        nodes = [model.nodes[r.id] for r in question.nodes if r.id in model.nodes]
        for reference in question.methods:
            method = methods.get(reference.id)
            if method is None or not method.needs_comparison:
                continue
            if not question.comparison:
                yield RULE.finding(
                    f'{method.id} in question "{question.id}" needs a comparison group, and the question does not '
                    "say where it comes from",
                    reference.location,
                    hint="add `comparison:` to the question (e.g. families on the waiting list, teams that start "
                         "later, a matched cohort from Early Help records); every English upper-tier authority has "
                         "had DWP parental-conflict funding since 2018, so areas without the programme rarely exist",
                )
            if method.id == DID:
                for node in nodes:
                    if method.suits(node):
                        yield from _served_only(node, reference.location)
    named = {r.id for q in questions if q.comparison for r in q.nodes}
    for node in model.nodes.values():
        for reference in node.methods:
            method = methods.get(reference.id)
            if method is None or not method.needs_comparison:
                continue
            if node.id not in named:
                yield RULE.finding(
                    f'{method.id} chosen for "{node.id}" needs a comparison group, and no question about it '
                    "says where it comes from",
                    reference.location,
                    node=node.id,
                    hint=f'add a question about "{node.id}" with `comparison:` saying where the group comes from '
                         "(a waiting list, teams that start later, a matched cohort from case records)",
                )
            if method.id == DID:
                yield from _served_only(node, reference.location)


def _served_only(node, location):
    if node.indicators and all(served_only(indicator) for indicator in node.indicators):
        sources = ", ".join(dict.fromkeys(f'"{i.source}"' for i in node.indicators if i.source)) or "not stated"
        yield RULE.finding(
            f'{DID} on "{node.id}": its indicators exist only for families the service worked with (source '
            f"{sources}), so there is no one to compare with",
            location,
            node=node.id,
            hint="use a waiting-list comparison or a staggered roll-out for data only served families have, or "
                 "an indicator recorded for everyone (e.g. in Early Help or partner records)",
        )


RULE = Rule("TOC506", "infeasible-comparison", Severity.WARNING,
            "a comparison design with no named comparison group, or no one to compare with", __doc__, check)
