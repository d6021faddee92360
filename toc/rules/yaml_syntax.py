"""TOC001 yaml-syntax: the file is not valid YAML, or not UTF-8 text.

## What it finds
A file the YAML reader cannot read: a bracket never closed, a tab used for
indentation, text that is not UTF-8, control characters such as NUL, or more
than one YAML document in the file.

Indentation mistakes are explained in words at the line where they are, not
where the reader noticed them (often the line after): a field indented less or
more than the fields around it ("`label` is indented less than the other
fields of `dosage`; line it up with `type` above"), a list item whose `-` is
out of line with the first item's, a field lined up with a list's `-`, a line
of text with no `field:` lined up with the field above it, `type:activity`
with no space after the colon, a tab.

## Why it matters
Until the file reads, toc cannot tell what the broken lines meant. It still
reads each top-level section, and each node and assumption, that reads on its
own, and checks them with the rules that judge one item by itself (missing
fields, indicators, links' evidence...); the finding lists the lines it could
not check, and the summary says that checking was partial. Rules that need the
whole model (unknown ids, unreached outcomes, dead ends) wait until the file
reads, so that the missing part cannot mislead them. Fix the syntax error and
run `toc check` again.

## Example
```yaml
toc: 1
nodes:
  training:
    type: activity
    label: [Multi-agency training
```

## Use instead
```yaml
toc: 1
nodes:
  training:
    type: activity
    label: Multi-agency training
    leads_to: [trained]
  trained:
    type: output
    label: Practitioners trained
```
"""

from toc.loading.finding_kinds import YAML_SYNTAX
from toc.rules.base import Rule

RULE = Rule.documenting(YAML_SYNTAX, "the file is not valid YAML / not UTF-8", __doc__)
