'''TOC903 ambiguous-note: a "leads to" names a text that several notes have.

## What it finds
`toc import` of workshop notes: a "leads to" written as a note's text, when
notes in different stages have that text (the same words as an output and as
an outcome, say).

## Why it matters
Either note could be meant, and the link means something different in each
case. No link is made; name the note by its number (the `#` column, or its row)
or reword one of the notes.

## Example
```csv
#,text,stage,leads to
1,Multi-agency RPC training,Activities,Confident practitioners
2,Confident practitioners,Outputs,
3,Confident practitioners,Short-term outcomes,
```

## Use instead
```csv
#,text,stage,leads to
1,Multi-agency RPC training,Activities,2
2,Practitioners trained and confident,Outputs,3
3,Confident practitioners,Short-term outcomes,
```
'''

from toc.capture.kinds import AMBIGUOUS_NOTE
from toc.rules.base import Rule

RULE = Rule.documenting(AMBIGUOUS_NOTE, 'toc import: a "leads to" names several notes', __doc__)
