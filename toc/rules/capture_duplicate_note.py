'''TOC904 duplicate-note: the same note written twice.

## What it finds
`toc import` of workshop notes: two notes with the same words (compared without
case, spacing or punctuation). In the same stage they become one box, with the
links of both; in different stages they stay two boxes, and naming that text in a
"leads to" is ambiguous (TOC903).

## Why it matters
Two people often write the same idea on two sticky notes; sometimes the same
words stand for two different things. toc makes one box and says so, so that the
facilitator can check that was meant.

## Example
```csv
text,stage
Professionals trained,Outputs
Professionals trained,Outputs
```

## Use instead
```csv
text,stage
Professionals trained,Outputs
Managers trained,Outputs
```
'''

from toc.capture.kinds import DUPLICATE_NOTE
from toc.rules.base import Rule

RULE = Rule.documenting(DUPLICATE_NOTE, "toc import: the same note written twice", __doc__)
