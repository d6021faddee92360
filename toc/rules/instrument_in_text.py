"""TOC508 instrument-in-text: a validated measure named only in an indicator's `measure:` text.

## What it finds
An indicator without `instrument:` whose `measure:` text names a measure in
the catalogue, by its name or one of its aliases ("Acrimony Scale score",
"SDQ total", "CSI-16").

## Why it matters
The catalogue holds what a specification must say about a validated measure:
its licence (the Parenting Stress Index is bought per use; the SDQ may not be
put online without a licence) and the safeguarding route a sensitive measure
needs (the Acrimony Scale asks about an ex-partner; CPIC asks children about
their parents' conflict). `toc check` recognises the name to check the
measure's fit (TOC507), but the plan takes licence and safeguarding notes
from `instrument:`; naming it there makes the id checkable and the notes
certain.

## Example
```yaml
toc: 1
nodes:
  co-parenting:
    type: outcome
    term: medium
    label: Separated parents co-parent with less acrimony
    indicators:
      - id: acrimony
        measure: Acrimony Scale score
```

## Use instead
```yaml
toc: 1
nodes:
  co-parenting:
    type: outcome
    term: medium
    label: Separated parents co-parent with less acrimony
    indicators:
      - id: acrimony
        measure: Acrimony Scale score
        instrument: acrimony-scale
```
"""

from toc.findings import Severity
from toc.rules.base import Rule


def check(context):
    model = context.model
    if not any(i.measure and not i.instrument for node in model.nodes.values() for i in node.indicators):
        return
    measures = context.catalogue.measures
    for node in model.nodes.values():
        for indicator in node.indicators:
            measure_id, by_id = context.instruments[indicator]
            if by_id or measure_id is None:
                continue
            measure = measures[measure_id]
            notes = [note for note, present in (("licence", measure.licence), ("safeguarding", measure.safeguarding))
                     if present]
            yield RULE.finding(
                f'indicator "{indicator.id}" names {measure.name or measure_id} in its measure text but has no '
                "`instrument:`",
                indicator.value_locations.get("measure", indicator.location),
                node=node.id,
                hint=f"add `instrument: {measure_id}` so the specification carries its "
                     f"{' and '.join(notes) or 'catalogue'} notes",
            )


RULE = Rule("TOC508", "instrument-in-text", Severity.INFO,
            "a validated measure named only in an indicator's measure text", __doc__, check, local=True)
