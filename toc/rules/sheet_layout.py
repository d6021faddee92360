'''TOC909 sheet-layout: a workbook toc cannot read back: a sheet or column missing or renamed.

## What it finds
`toc import` of a workbook: not an `.xlsx` file toc can open, a sheet
`toc export` writes (Boxes, Links, Indicators, Questions) missing or renamed, or
a column heading changed, removed or moved so that toc cannot tell what a
column holds.

## Why it matters
toc reads each sheet by its column headings, as it wrote them. Sorting rows,
filtering, adding rows, widening columns and adding sheets of your own are all
fine; renaming or deleting the headings is not. Nothing is applied: export the
model again and make the changes in the new workbook.

## Example
```text
Boxes sheet, cell C1: "Box text" where toc wrote "label"
```

## Use instead
```text
Boxes sheet, cell C1: "label", as toc export wrote it
```
'''

from toc.capture.kinds import SHEET_LAYOUT
from toc.rules.base import Rule

RULE = Rule.documenting(SHEET_LAYOUT, "toc import: a sheet or column of the workbook missing or renamed",
                        __doc__)
