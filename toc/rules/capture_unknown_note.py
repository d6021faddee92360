'''TOC902 unknown-note: a "leads to" names a note that is not there.

## What it finds
`toc import` of workshop notes: a "leads to" that names a note number no note
has, or a text that is no note's text (compared without case, spacing or
punctuation). The hint names the nearest note's text.

## Why it matters
An arrow drawn on the wall to a note that was never typed up, or typed up in
other words, is a link toc cannot place. No link is made rather than the wrong
one; the draft says nothing about it, so the finding is the only record.

## Example
```csv
#,text,stage,leads to
1,Multi-agency RPC training,Activities,Practitioners confident
2,Practitioners confident to support parents,Short-term outcomes,
```

## Use instead
```csv
#,text,stage,leads to
1,Multi-agency RPC training,Activities,2
2,Practitioners confident to support parents,Short-term outcomes,
```
'''

from toc.capture.kinds import UNKNOWN_NOTE
from toc.rules.base import Rule

RULE = Rule.documenting(UNKNOWN_NOTE, 'toc import: a "leads to" names no note', __doc__)
