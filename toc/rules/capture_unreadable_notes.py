'''TOC906 unreadable-notes: notes toc cannot read: no text or stage column, or a line that is no note.

## What it finds
`toc import` of workshop notes: a CSV whose header row names no text column or
no stage column (and is not one column per stage), an empty file, or a line of a
Markdown outline that is neither a heading nor a list item inside a list, or a
nested item that is neither `leads to`, `group:` nor a note with its stage.

## Why it matters
toc reads notes by their columns' names and an outline by its shape; what it
cannot read is reported rather than taken as something it might not be.

## Example
```csv
Post-its,Where on the wall
Multi-agency RPC training,Activities
```

## Use instead
```csv
text,stage
Multi-agency RPC training,Activities
```
'''

from toc.capture.kinds import UNREADABLE_NOTES
from toc.rules.base import Rule

RULE = Rule.documenting(UNREADABLE_NOTES, "toc import: no text/stage column, or a line that is no note",
                        __doc__)
