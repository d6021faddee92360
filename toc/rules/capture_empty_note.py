'''TOC905 empty-note: a row of workshop notes with no text.

## What it finds
`toc import` of sticky notes (CSV): a row that has a stage, group or "leads to"
but no note text. (A wholly blank row, such as one between groups of notes, is
skipped without a finding.)

## Why it matters
A box needs words. The row is left out; if a note's text was lost when it was
typed up, this is where.

## Example
```csv
text,stage,group
Multi-agency RPC training,Activities,Workforce
,Outputs,Workforce
```

## Use instead
```csv
text,stage,group
Multi-agency RPC training,Activities,Workforce
Professionals trained,Outputs,Workforce
```
'''

from toc.capture.kinds import EMPTY_NOTE
from toc.rules.base import Rule

RULE = Rule.documenting(EMPTY_NOTE, "toc import: a row of notes with no text", __doc__)
