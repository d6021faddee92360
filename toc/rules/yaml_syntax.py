"""TOC001 yaml-syntax: the file is not valid YAML, or not UTF-8 text.

## What it finds
A file the YAML reader cannot read: a bracket never closed, a tab used for
indentation, text that is not UTF-8, control characters such as NUL, or more
than one YAML document in the file.

## Why it matters
Nothing else can be checked until the file reads. The finding points at the
first place the reader gave up; fix it and run `toc check` again.

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
