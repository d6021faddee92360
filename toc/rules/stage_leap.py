"""TOC206 stage-leap: a link that jumps over the steps in between (the "miracle" step).

## What it finds
A forward link that skips an activity or an outcome stage: an activity straight
to a medium- or long-term outcome or to the impact, an output straight to a
long-term outcome, a need straight to an output. The message names the stages
skipped. Inputs and outputs are optional steps, so skipping only those (need to
activity, activity to short-term outcome) is not a leap, and links within one
stage (one activity feeding another) are fine.

## Why it matters
Weiss called these "leaps of faith": training practitioners does not by itself
improve children's wellbeing; the intermediate changes (confident practitioners,
parents supported, less destructive conflict) are what an evaluation has to see
happen. Spell them out; where a step truly is direct, say so with
`ignore: [TOC206]` on the node it starts from.

## Example
```yaml
toc: 1
nodes:
  training:
    type: activity
    label: Multi-agency training
    leads_to: [wellbeing]
  wellbeing:
    type: impact
    label: Children's wellbeing improves
```

## Use instead
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
    leads_to: [less-conflict]
  less-conflict:
    type: outcome
    term: medium
    label: Less destructive conflict between parents
    leads_to: [children-better]
  children-better:
    type: outcome
    term: long
    label: Children's emotional and behavioural outcomes improve
    leads_to: [wellbeing]
  wellbeing:
    type: impact
    label: Children's wellbeing improves
```
"""

from toc.findings import Severity
from toc.model import Stage
from toc.rules.base import Rule

# Skipping these is a leap; inputs and outputs may be left out of a chain.
_ESSENTIAL = {Stage.ACTIVITY, Stage.SHORT_TERM_OUTCOME, Stage.MEDIUM_TERM_OUTCOME, Stage.LONG_TERM_OUTCOME}


def check(context):
    for link, source, target in context.staged_links:
        skipped = None if link.feedback else _SKIPPED.get((source, target))
        if skipped is None:
            continue
        yield RULE.finding(
            f'{source.title} "{link.source}" leads straight to {target.title} "{link.target}", '
            f"skipping {skipped}",
            link.location,
            node=link.source,
            hint="add the intermediate changes as nodes; if the step really is direct, "
            f'add `ignore: [TOC206]` to "{link.source}"',
        )


def _listing(words: list[str]) -> str:
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]


def _skipped(source: Stage, target: Stage) -> str | None:
    """The stages a forward link from ``source`` to ``target`` leaps over, in words, or None if none matters."""
    skipped = [Stage(value) for value in range(source + 1, target)]
    return _listing([stage.title for stage in skipped]) if _ESSENTIAL.intersection(skipped) else None


# Worked out once for every pair of stages: a model has thousands of links and 64 pairs.
_SKIPPED = {(source, target): _skipped(source, target) for source in Stage for target in Stage if target > source}

RULE = Rule("TOC206", "stage-leap", Severity.WARNING, "a link that skips intermediate stages", __doc__, check, local=True)
