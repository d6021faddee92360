'''TOC602 pathway-duplication: services doing the same thing for the same families.

## What it finds
Two or more services at the same pathway level, for the same population,
delivered the same way (`delivery:`), in the same place. A service with no
`area:` is offered across the whole area, so it overlaps all the others;
services in named, different areas do not duplicate each other. Services with
no `delivery:` are not compared.

## Why it matters
Kirklees' pathway mapping found its universal offer duplicated across the area
while specialist support was missing. Duplication is not always waste (demand
may need two providers), but it is where commissioners can free money for the
gaps, and it confuses practitioners choosing where to refer.

## Example
```yaml
toc: 1
nodes:
  workshops-a:
    type: activity
    label: Healthy relationships workshops (children's centres)
    level: universal
    populations: [all-parents]
    delivery: group
    leads_to: [supported]
  workshops-b:
    type: activity
    label: Healthy relationships course (voluntary sector)
    level: universal
    populations: [all-parents]
    delivery: group
    leads_to: [supported]
  supported:
    type: outcome
    term: short
    label: Parents manage conflict better
```

## Use instead
```yaml
toc: 1
nodes:
  workshops-a:
    type: activity
    label: Healthy relationships workshops (children's centres)
    level: universal
    populations: [all-parents]
    delivery: group
    area: North Kirklees
    leads_to: [supported]
  workshops-b:
    type: activity
    label: Healthy relationships course (voluntary sector)
    level: universal
    populations: [all-parents]
    delivery: group
    area: South Kirklees
    leads_to: [supported]
  supported:
    type: outcome
    term: short
    label: Parents manage conflict better
```
'''

from toc.findings import Related, Severity
from toc.pathway import uses_pathway
from toc.rules.base import Rule


def check(context):
    model = context.model
    if not uses_pathway(model):
        return
    # One finding per pair of services and level, naming every population they share.
    shared: dict[tuple, list[str]] = {}
    for duplication in context.pathway_matrix.duplications:
        for first, node in duplication.pairs:
            key = (node.id, first.id, duplication.level.label, duplication.delivery)
            shared.setdefault(key, []).append(duplication.population.label)
    for (node_id, first_id, level, delivery), populations in shared.items():
        node, first = model.nodes[node_id], model.nodes[first_id]
        yield RULE.finding(
            f'"{node_id}" duplicates "{first_id}": both at level "{level}", {delivery}, for '
            + ", ".join(f'"{population}"' for population in populations),
            node.location,
            node=node_id,
            hint="check whether both are needed; if they serve different places, say so with `area:`",
            related=(Related(first.location, f'"{first_id}" is here'),),
        )


RULE = Rule("TOC602", "pathway-duplication", Severity.INFO, "services doing the same for the same families",
            __doc__, check)
