'''TOC601 pathway-gap: a level of the support pathway with no service for a group of families.

## What it finds
In a model that maps its support pathway (a `pathway:` section, or activities
with `level:` and `populations:`), each cell of levels x populations with no
service in it. A level with no service at all is also TOC603
empty-pathway-level, reported once for the level: while that finding is shown,
the level's cells are left out here.

## Why it matters
Families whose needs escalate, or who belong to a group no service is designed
for, have nowhere to be referred. Kirklees mapped its pathway and found a
significant gap in specialist support; practitioners were unsure what targeted
and specialist help existed. A gap is a commissioning question: fill it, or
say why that cell needs no service of its own.

## Example
```yaml
toc: 1
pathway:
  levels: {universal: Universal}
  populations: {all-parents: All parents, young-parents: Young parents}
nodes:
  workshops:
    type: activity
    label: Healthy relationships workshops
    level: universal
    populations: [all-parents]
    leads_to: [supported]
  supported:
    type: outcome
    term: short
    label: Parents manage conflict better
```

## Use instead
```yaml
toc: 1
pathway:
  levels: {universal: Universal}
  populations: {all-parents: All parents, young-parents: Young parents}
nodes:
  workshops:
    type: activity
    label: Healthy relationships workshops
    level: universal
    populations: [all-parents, young-parents]
    leads_to: [supported]
  supported:
    type: outcome
    term: short
    label: Parents manage conflict better
```
'''

from toc.findings import Severity
from toc.pathway import entry_location, uses_pathway
from toc.rules.base import Rule


def check(context):
    model = context.model
    if not uses_pathway(model):
        return
    for cell in context.pathway_matrix.gaps:
        yield RULE.finding(
            f'no service for "{cell.population.label}" at level "{cell.level.label}"',
            entry_location(model, cell.population, cell.level, level_id=cell.level.id),
            hint=f"a gap in the pathway: commission or name a service with `level: {cell.level.id}` and "
            f"`{cell.population.id}` in its populations",
            subject=f"pathway-level:{cell.level.id}",
        )


RULE = Rule("TOC601", "pathway-gap", Severity.INFO, "a pathway level x population with no service", __doc__, check)
