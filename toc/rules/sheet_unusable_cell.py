'''TOC907 unusable-cell: a cell toc will not take as it is: a formula, a value outside its list, control characters.

## What it finds
`toc import` of a workbook written by `toc export` (or of workshop notes): a
cell holding a formula (`=HYPERLINK(...)`, `=A2`), an error value (`#REF!`), a
value that is not one of its column's choices (`evidence: very strong`), a
number where a whole number is needed, or text with control characters (which
are removed from notes, and refused in a workbook). The finding names the cell:
`model.xlsx:Links!D7`.

## Why it matters
A formula's result is not what the officer typed and may come from anywhere in
the workbook (or a link to elsewhere); a value outside the list would make the
model invalid. Nothing from a workbook with such a cell is applied, so the model
never changes half way: correct the cells and import again. Text that starts
with `=`, `+`, `-` or `@` is fine when it is text: `toc export` writes it with a
leading `'`, which `toc import` takes off again.

## Example
```text
Links sheet, row 7: from "trained", to "confident", evidence "very strong"
```

## Use instead
```text
Links sheet, row 7: from "trained", to "confident", evidence "strong"
(the drop-down list of the evidence column offers none, weak, moderate, strong)
```
'''

from toc.capture.kinds import UNUSABLE_CELL
from toc.rules.base import Rule

RULE = Rule.documenting(UNUSABLE_CELL, "toc import: a formula, a value outside its list, control characters",
                        __doc__)
