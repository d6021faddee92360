"""TOC604 capacity-below-demand: a pathway level's services cannot take the share of expected demand the model asks.

## What it finds
In a model whose `pathway:` states a `coverage:` (the share of expected demand each
level should be able to take in a year), a level where the `capacity:` of its
services adds up to less than that share of the expected demand. Expected demand
comes from needs figures that are rates (`unit: '%'` or `per 1,000 ...`) with a
`population:` and name the `level:` the families would be supported at: value x
population. It is reported once, at the level.

## Why it matters
Sefton set "the current local support offer" against "expected demand based on
risk factors". A level that can take a tenth of the families expected to need it
will have waiting lists, or will only ever see the families who push hardest;
its outcomes will look off track however good the service is. It is a
commissioning question: add capacity, change the threshold, or say the share the
area can afford.

## Example
```yaml
toc: 1
pathway:
  levels: {universal: Universal, targeted: Targeted}
  populations: {all-parents: All parents}
  coverage: 0.5
nodes:
  conflict:
    type: need
    label: Parents in frequent, unresolved conflict
    figures:
      - {id: conflict-rate, value: 12, unit: '%', population: 8000, level: targeted}
    leads_to: [course]
  course:
    type: activity
    label: Targeted couple course
    level: targeted
    populations: [all-parents]
    capacity: 120
    leads_to: [calmer]
  calmer:
    type: outcome
    term: short
    label: Parents manage conflict better
```

## Use instead
```yaml
toc: 1
pathway:
  levels: {universal: Universal, targeted: Targeted}
  populations: {all-parents: All parents}
  coverage: 0.5
nodes:
  conflict:
    type: need
    label: Parents in frequent, unresolved conflict
    figures:
      - {id: conflict-rate, value: 12, unit: '%', population: 8000, level: targeted}
    leads_to: [course]
  course:
    type: activity
    label: Targeted couple course
    level: targeted
    populations: [all-parents]
    capacity: 480
    leads_to: [calmer]
  calmer:
    type: outcome
    term: short
    label: Parents manage conflict better
```
"""

from toc.findings import Severity
from toc.pathway import entry_location, uses_pathway
from toc.rules.base import Rule


def check(context):
    model = context.model
    if not uses_pathway(model) or model.pathway is None or model.pathway.coverage is None:
        return
    for row in context.pathway_matrix.demand:
        if not row.short:
            continue
        wanted = row.coverage * row.demand
        uncounted = f"; {len(row.uncounted)} service(s) there give no capacity" if row.uncounted else ""
        yield RULE.finding(
            f'services at pathway level "{row.level.label}" can take {row.capacity:,} families a year, below '
            f"{row.coverage:.0%} of the expected demand of {row.demand:,.0f} ({wanted:,.0f}){uncounted}",
            entry_location(model, row.level, level_id=row.level.id),
            hint="add capacity at this level, give `capacity:` to the services that have none, or lower "
                 "`pathway: coverage:` to the share the area means to serve",
            subject=f"pathway-level:{row.level.id}",
        )


RULE = Rule("TOC604", "capacity-below-demand", Severity.WARNING,
            "a pathway level's services cannot take the share of expected demand the model asks", __doc__, check)
