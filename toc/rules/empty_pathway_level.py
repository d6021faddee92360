'''TOC603 empty-pathway-level: a level of the support pathway with no service at all.

## What it finds
In a model that maps its support pathway (a `pathway:` section, or activities
with `level:` and `populations:`), a level that no service is offered at, for
any group of families. It is reported once, at the level; while it is shown,
TOC601 pathway-gap leaves out that level's cells.

## Why it matters
A whole level missing means families whose needs escalate (or who need less
than what is offered) have nowhere to go: Kirklees found practitioners unsure
what targeted and specialist help existed at all. It is a bigger question than
one group's gap: commission the level, name the services already offered at
it, or drop the level from the pathway if the area really has none.

## Example
```yaml
toc: 1
pathway:
  levels: {universal: Universal, specialist: Specialist}
  populations: {all-parents: All parents}
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
  levels: {universal: Universal, specialist: Specialist}
  populations: {all-parents: All parents}
nodes:
  workshops:
    type: activity
    label: Healthy relationships workshops
    level: universal
    populations: [all-parents]
    leads_to: [supported]
  couple-therapy:
    type: activity
    label: Specialist couple therapy
    level: specialist
    populations: [all-parents]
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
    for level in context.pathway_matrix.empty_levels:
        yield RULE.finding(
            f'no service at all at pathway level "{level.label}"',
            entry_location(model, level),
            hint=f"add the services offered at this level as activities with `level: {level.id}`, "
            "or drop the level from pathway: levels:",
            subject=f"pathway-level:{level.id}",
        )


RULE = Rule("TOC603", "empty-pathway-level", Severity.WARNING, "a pathway level with no service at all", __doc__,
            check, supersedes=("TOC601",))
