"""TOC209 disconnected: the model falls into separate pieces.

## What it finds
Groups of linked nodes with no link between them and the rest of the model.
The biggest piece is taken as the main model; each other piece is reported at
its first node, with the ids it contains. Single unlinked nodes are TOC201.

## Why it matters
Two unconnected chains are two theories in one file: either a link between
them is missing, or they belong in separate models.

## Example
```yaml
toc: 1
nodes:
  training:
    type: activity
    label: Multi-agency training
    leads_to: [trained]
  trained:
    type: output
    label: Practitioners trained
  leaflet:
    type: activity
    label: Leaflet for parents
    leads_to: [leaflets-sent]
  leaflets-sent:
    type: output
    label: Leaflets sent
```

## Use instead
```yaml
toc: 1
nodes:
  training:
    type: activity
    label: Multi-agency training
    leads_to: [trained]
  trained:
    type: output
    label: Practitioners trained
  leaflet:
    type: activity
    label: Leaflet for parents
    leads_to: [leaflets-sent, trained]
  leaflets-sent:
    type: output
    label: Leaflets sent
```
"""

from toc.findings import Severity
from toc.graph import linked_pieces, pieces
from toc.rules.base import Rule


def check(context):
    components = linked_pieces(context.graph)
    if len(components) < 2:
        return  # one piece (the usual model): no need to put its thousands of ids in order
    found = pieces(context.graph, context.order, components)
    main = found[0]
    for piece in found[1:]:
        first = context.node(piece[0])
        yield RULE.finding(
            f"these {len(piece)} nodes are not connected to the main part of the model "
            f'({len(main)} nodes, from "{main[0]}"): {_names(piece)}',
            first.location,
            node=piece[0],
            hint="add the missing link between the two parts, or move this part to its own model",
        )


def _names(piece, shown=6):
    names = ", ".join(f'"{node_id}"' for node_id in piece[:shown])
    return names + (f" and {len(piece) - shown} more" if len(piece) > shown else "")


RULE = Rule("TOC209", "disconnected", Severity.WARNING, "the model falls into separate pieces", __doc__, check,
            rests_on=("links-from", "links-to"))
