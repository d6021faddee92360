"""TOC509 follow-up-after-final-report: a follow-up that cannot finish before the evaluation's final report.

## What it finds
An indicator of an outcome or impact whose `frequency:` or `target:` names a
follow-up ("pre and post, 6 and 12 months", "at 12 months"), or a question
whose `timing:` names one ("follow-up at 3 and 6 months"), when the
evaluation's timeline gives its final report a month ("final report at month
18") and the follow-up cannot end in time:

    inception month + 3 months to recruit and deliver + follow-up months
    + 3 months to analyse and report  >  final report month

Data collection starts after the inception report (the timeline's
"inception ... month N" or "first quarter"; month 0 when it names none); at
least a first cohort must be recruited and finish the intervention before its
follow-up clock starts; and the last answers are needed about three months
before the final report. The months come from toc/evaluation/timeline.py.

## Why it matters
A 12-month follow-up inside an 18-month contract looks planned but produces no
data: by the time the first families reach 12 months, the report is due. The
specification then promises a finding the evaluation cannot deliver, and the
shorter follow-ups that could have been analysed properly are squeezed.

## Example
```yaml
toc: 1
nodes:
  course: {type: activity, label: Couples course, leads_to: [less-conflict]}
  less-conflict:
    type: outcome
    term: medium
    label: Less conflict between parents
    indicators:
      - {id: acrimony, measure: Acrimony score, frequency: 'pre and post, 6 and 12 months'}
evaluation:
  timeline: Inception report at month 3; final report at month 18
```

## Use instead
Drop the follow-up the contract cannot reach (and say so in the
specification), or extend the contract so it fits.
```yaml
toc: 1
nodes:
  course: {type: activity, label: Couples course, leads_to: [less-conflict]}
  less-conflict:
    type: outcome
    term: medium
    label: Less conflict between parents
    indicators:
      - {id: acrimony, measure: Acrimony score, frequency: 'pre and post, 6 and 12 months'}
evaluation:
  timeline: Inception report at month 3; final report at month 24
```
"""

from toc.findings import Severity
from toc.rules.base import Rule


def check(context):
    model = context.model
    if model.evaluation is None:
        return
    from toc.evaluation.timeline import RECRUIT_AND_DELIVER_MONTHS, REPORTING_MONTHS, timeline_of

    timeline = timeline_of(model)
    for fit in timeline.fits():
        if fit.fits:
            continue
        follow_up = fit.follow_up
        yield RULE.finding(
            f"the {follow_up.months}-month follow-up of {follow_up.about} cannot finish before the final report "
            f"at month {fit.final}: inception to month {timeline.start}, {RECRUIT_AND_DELIVER_MONTHS} months to "
            f"recruit and deliver, {follow_up.months} of follow-up and {REPORTING_MONTHS} to analyse and report "
            f"end at month {fit.ends}",
            follow_up.location,
            node=follow_up.node,
            hint=f"drop the {follow_up.months}-month follow-up, or move the final report to month "
                 f"{fit.ends} or later",
        )


RULE = Rule("TOC509", "follow-up-after-final-report", Severity.WARNING,
            "a follow-up that cannot finish before the evaluation's final report", __doc__, check)
