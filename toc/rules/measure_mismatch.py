"""TOC507 measure-mismatch: a validated measure that does not fit its outcome, people or ages.

## What it finds
An indicator's validated measure (its `instrument:`, or one its `measure:`
text names, such as "SDQ total") whose catalogue entry does not fit the node:

- **construct**: no measure on an outcome about conflict, co-parenting or
  relationship quality measures it (wellbeing scales such as WEMWBS, or
  satisfaction scales such as KMS and the CSI, as the only measure of "less
  conflict");
- **role**: a mediator (CPIC, the child's perception of conflict) used as a
  measure of children's wellbeing;
- **population**: a measure built for separated parents (the Acrimony Scale)
  on an outcome whose services are all for couples living together, or a
  couple-satisfaction measure where they are all for separated parents;
- **ages**: a child measure whose ages (SDQ 2-17, CPIC 9-17) miss the ages of
  the children the node's populations name (a service for under-5s).

The node's populations are its own `populations:` or those of the services
that reach it; population and age checks run only where the model states them.

## Why it matters
A measure that does not fit gives a number that answers another question:
parents can be happier without arguing less, a child's view of conflict is
the route to wellbeing rather than wellbeing itself, the Acrimony Scale asks
about an ex-partner, and the SDQ cannot be given for a baby. The evaluation
then reports no change, or the wrong change, and the commissioner pays for it.

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
      - id: wellbeing
        instrument: wemwbs
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
      - id: conflict
        instrument: oleary-porter
      - id: wellbeing
        instrument: wemwbs
```
"""

from toc.evaluation import reading
from toc.findings import Severity
from toc.rules.base import Rule

_CHILD_CONSTRUCTS = ("child-wellbeing", "parenting-stress")


def check(context):
    model = context.model
    if not any(node.indicators for node in model.nodes.values()):
        return
    measures = context.catalogue.measures
    for node in model.nodes.values():
        if not node.is_outcome_or_impact or not node.indicators:
            continue
        used = []  # (indicator, measure, where)
        for indicator in node.indicators:
            measure_id, by_id = context.instruments[indicator]
            if measure_id in measures:
                where = indicator.value_locations.get("instrument" if by_id else "measure", indicator.location)
                used.append((indicator, measures[measure_id], where))
        if not used:
            continue
        constructs = reading.outcome_constructs(node)
        yield from _role(node, constructs, used)
        yield from _construct(node, constructs, used)
        entries = reading.populations(model, node)
        if entries:
            yield from _population(node, entries, used)
            yield from _ages(node, entries, used)


def _role(node, constructs, used):
    if not any(c.name == "child wellbeing" for c in constructs):
        return
    for _, measure, where in used:
        if measure.role == "mediator":
            yield RULE.finding(
                f'{measure.name or measure.id} measures a mediator (the route to the outcome), not the children\'s '
                f'wellbeing that "{node.id}" is about',
                where,
                node=node.id,
                hint="measure children's wellbeing with a child outcome measure (e.g. `instrument: sdq`); keep "
                     f"{measure.id} on the outcome about children's exposure to conflict",
            )


def _construct(node, constructs, used):
    # Child wellbeing is checked by role above; here the kinds of change a measure can miss.
    for construct in constructs:
        if construct.name in ("child wellbeing", "parent wellbeing"):
            continue
        kinds = [m.construct for _, m, _ in used if m.construct]
        if not kinds or any(kind in construct.fits for kind in kinds):
            continue
        _, measure, where = used[0]
        names = ", ".join(f"{m.name or m.id} ({m.construct.replace('-', ' ')})" for _, m, _ in used if m.construct)
        yield RULE.finding(
            f'"{node.id}" is about {construct.name}, but its only measures are {names}',
            where,
            node=node.id,
            hint="add a measure of the change itself: for conflict, a direct measure of conflict behaviour "
                 "(`instrument: oleary-porter` or `conflicts-problem-solving`; `bacs-8` for separated parents)",
        )
        return


def _population(node, entries, used):
    couples = reading.couples(entries)
    if couples is None:
        return
    for _, measure, where in used:
        if measure.population in ("intact", "separated") and measure.population != couples:
            built = "separated parents" if measure.population == "separated" else "couples living together"
            served = "separated parents" if couples == "separated" else "couples living together"
            yield RULE.finding(
                f"{measure.name or measure.id} was built for {built}, but the services reaching "
                f'"{node.id}" are for {served}',
                where,
                node=node.id,
                hint="choose a measure built for the families served (`toc catalogue measures`), or correct the "
                     "services' `populations:`",
            )


def _ages(node, entries, used):
    ages = reading.child_ages(entries)
    if ages is None:
        return
    low, high = ages
    for _, measure, where in used:
        about_children = measure.construct in _CHILD_CONSTRUCTS or measure.role == "mediator"
        if not about_children or (measure.min_age is None and measure.max_age is None):
            continue
        built_low = measure.min_age if measure.min_age is not None else 0
        built_high = measure.max_age if measure.max_age is not None else 17
        if low < built_low or high > built_high:
            yield RULE.finding(
                f"{measure.name or measure.id} is for children aged {built_low}-{built_high}, but the populations "
                f'of "{node.id}" are children aged {low}-{high}',
                where,
                node=node.id,
                hint="choose a measure for these ages, or measure only the children it was built for (say so "
                     "in the indicator's `notes:`)",
            )


RULE = Rule("TOC507", "measure-mismatch", Severity.WARNING,
            "a validated measure that does not fit its outcome, people or ages", __doc__, check)
