"""TOC505 undetectable-impact-claim: an impact question whose target change the people available cannot show.

## What it finds
An indicator of an outcome or impact that an `impact` question asks about,
with a numeric baseline and target (or a target of so many points and a known
standard deviation), where the number of people it can be measured on, after
the expected loss at follow-up, is smaller than the sample a comparison of two
equal groups needs to detect that change (5% two-sided, 80% power).

The number of people is the indicator's `sample:`, else the question's
`sample:`, else the count target of the nearest output upstream (e.g. 120
families completing). The response at follow-up comes from the indicator's
`frequency:` or target (6 or 12 months) and the counts of DWP research report
1039 (878 of 2,694 completers answered at 6 months, 374 at 12 months).

## Why it matters
A change too small for the sample is a claim no evaluation can confirm: the
result will be "no significant difference" whatever the programme did, and it
is read as "it did not work". Escalations falling from 12% to 9% need about
1,640 families in each group; a programme with 120 completers cannot show it.

## Example
```yaml
toc: 1
nodes:
  course:
    type: activity
    label: Couples course
    leads_to: [completers]
  completers:
    type: output
    label: Families completing the course
    indicators:
      - {id: families-completing, unit: families, baseline: 0, target: 120}
    leads_to: [fewer-escalations]
  fewer-escalations:
    type: outcome
    term: medium
    label: Fewer families escalate to children's social care
    indicators:
      - {id: escalations, unit: '%', baseline: 12, target: 9, frequency: quarterly}
evaluation:
  questions:
    - id: q1
      text: Does the course reduce escalations?
      kind: impact
      nodes: [fewer-escalations]
      methods: [matched-comparison]
      comparison: matched families from Early Help records
```

## Use instead
Ask what the numbers can answer: pool the evaluation with other areas or years
(and give the pooled number in `sample:`), aim for a change the sample can
show, or ask a process question and monitor the outcome without claiming impact.
```yaml
toc: 1
nodes:
  course:
    type: activity
    label: Couples course
    leads_to: [completers]
  completers:
    type: output
    label: Families completing the course
    indicators:
      - {id: families-completing, unit: families, baseline: 0, target: 120}
    leads_to: [fewer-escalations]
  fewer-escalations:
    type: outcome
    term: medium
    label: Fewer families escalate to children's social care
    indicators:
      - {id: escalations, unit: '%', baseline: 12, target: 9, frequency: quarterly}
evaluation:
  questions:
    - id: q1
      text: Does the course, across the region's ten authorities, reduce escalations?
      kind: impact
      nodes: [fewer-escalations]
      methods: [matched-comparison]
      comparison: matched families from Early Help records
      sample: 2000
```
"""

from toc.findings import Severity
from toc.rules.base import Rule


def check(context):
    model = context.model
    if model.evaluation is None:
        return
    # Imported here: only a model with an evaluation plan needs the power calculations
    # (and `toc check` of any other model starts without them).
    from toc.evaluation.power import assess_indicator

    for node in model.nodes.values():
        asked = context.questions_about.get(node.id, [])
        impact = [q for q in asked if q.kind == "impact" and q.id]
        if not impact or not node.is_outcome_or_impact:
            continue
        for indicator in node.indicators:
            verdict = assess_indicator(model, node, indicator, asked)
            if verdict is None or verdict.detectable is not False:
                continue
            where = indicator.value_locations.get("target", indicator.location)
            questions = ", ".join(q.id for q in impact)
            yield RULE.finding(
                f'impact question {questions} claims a change in "{node.id}" that its numbers cannot show: '
                f'indicator "{indicator.id}" needs {verdict.needed:,} per group, about {verdict.n:,} are available',
                where,
                node=node.id,
                hint="give the pooled number in `sample:` if areas or years are combined, aim for a change the "
                     "sample can show, or ask a process question; `toc spec` shows the smallest detectable change",
            )


RULE = Rule("TOC505", "undetectable-impact-claim", Severity.WARNING,
            "an impact question whose target change the people available cannot show", __doc__, check)
