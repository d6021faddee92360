"""TOC006 limit-exceeded: the file is bigger than toc will read.

## What it finds
A file larger than the size limit (32 MB by default), more nodes than the node
limit (200,000), lists and mappings nested deeper than the depth limit (1,000
levels), or YAML aliases (`*anchor`) that would make toc read the same content
over and over ("billion laughs").

## Why it matters
These limits keep `toc check` fast and safe in CI when a file is damaged or
hostile. Real models are far below them; raise a limit with
`TOC_MAX_FILE_MB`, `TOC_MAX_NODES`, `TOC_MAX_DEPTH` or `TOC_MAX_ALIAS_EXPANSION`
if you truly need to.

## Example
```yaml
toc: 1
x: &a [1, 1, 1, 1, 1, 1, 1, 1, 1, 1]
nodes:
  n1: {type: activity, label: One, leads_to: [n2], indicators: &i [{id: a}, {id: b}, {id: c}, {id: d}]}
  n2: {type: output, label: Two, indicators: *i}
```

## Use instead
```yaml
toc: 1
nodes:
  n1: {type: activity, label: One, leads_to: [n2]}
  n2: {type: output, label: Two}
```
"""

from toc.loading.finding_kinds import LIMIT_EXCEEDED
from toc.rules.base import Rule

RULE = Rule.documenting(LIMIT_EXCEEDED, "the file is bigger than the configured limits", __doc__)
