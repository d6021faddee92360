'''TOC908 unknown-row-reference: a workbook row names a box that is not in the Boxes sheet.

## What it finds
`toc import` of a workbook written by `toc export`: a row of the Links sheet
whose `from` or `to` is no box's id, an Indicators row whose `box` is no box's
id, a Questions row naming an unknown box, or a box id used on two rows of the
Boxes sheet (or an indicator id on two rows of Indicators).

## Why it matters
Ids are how the sheets refer to each other: a link to an id no box has would
make the model invalid (TOC101), and two rows with one id cannot both be applied.
Nothing is applied until the id is corrected (copy it from the Boxes sheet's
first column) or the box is added there.

## Example
```text
Links sheet, row 4: from "training", to "trainned"
```

## Use instead
```text
Links sheet, row 4: from "training", to "trained"
```
'''

from toc.capture.kinds import UNKNOWN_ROW_REFERENCE
from toc.rules.base import Rule

RULE = Rule.documenting(UNKNOWN_ROW_REFERENCE, "toc import: a workbook row names a box that is not there",
                        __doc__)
