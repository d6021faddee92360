'''TOC901 unknown-stage: a workshop note's stage or column heading is not one toc knows.

## What it finds
`toc import` of sticky notes (CSV) or a Markdown outline: a note whose stage
heading is not a stage toc recognises (a typo such as `Outcomez`, a heading of
the workshop's own such as `Parking lot`), `Outcomes` without saying short,
medium or long term, or no stage at all.

## Why it matters
The stage decides the box's column and type; toc does not guess it. The note is
left out of the draft model and listed in a comment at the end of the draft, so
nothing is lost: correct the heading and import again, or add the box by hand.
Headings toc knows include Needs (Problems, Risk factors), Inputs (Resources),
Activities (What we do), Outputs, Short-term outcomes (Early, Immediate
outcomes), Medium-term (Intermediate) outcomes, Long-term outcomes and Impact
(Goal, Vision), with or without numbering ("2. Activities").

## Example
```csv
text,stage
Parents argue in front of children,Problems
Fewer arguments at home,Outcomez
```

## Use instead
```csv
text,stage
Parents argue in front of children,Problems
Fewer arguments at home,Short-term outcomes
```
'''

from toc.capture.kinds import UNKNOWN_STAGE
from toc.rules.base import Rule

RULE = Rule.documenting(UNKNOWN_STAGE, "toc import: a note's stage heading is not one toc knows", __doc__)
