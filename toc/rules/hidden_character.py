'''TOC105 hidden-character: an id or label holding characters that change how text is shown.

## What it finds
Bidirectional controls (U+202A-U+202E, U+2066-U+2069, U+200E, U+200F,
U+061C) in the model's title, a node's id, label or description, an
indicator's id or measure, a shared assumption's id or text, or an evaluation
question's text; and invisible characters (zero-width space U+200B, word joiner
and invisible operators U+2060-U+2064, U+FEFF, soft hyphen U+00AD, Mongolian
vowel separator U+180E, Hangul filler U+3164, tag characters U+E0000-U+E007F)
in any of those ids. toc's own outputs show
these characters as escapes; this rule says where they are in the file.

## Why it matters
A bidirectional control reorders the text after it on screen ("Trojan
Source"): a label can read differently in an editor, a diagram and a
commissioner's document from what the file says. An invisible character makes
two ids that look the same different, so a link silently points at the wrong
box. Both usually arrive by pasting from another program; in a model shared
between areas they can also be deliberate.

## Example
```yaml
toc: 1
nodes:
  training:
    type: activity
    label: "Training \\u202Efor practitioners"
    leads_to: [trained]
  trained:
    type: output
    label: Practitioners trained
```

## Use instead
```yaml
toc: 1
nodes:
  training:
    type: activity
    label: Training for practitioners
    leads_to: [trained]
  trained:
    type: output
    label: Practitioners trained
```
'''

import re

from toc.findings import Severity
from toc.rules.base import Rule

_BIDI = "\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"
_IN_TEXT = re.compile(f"[{_BIDI}]")
_IN_ID = re.compile(f"[{_BIDI}\u200b\u2060-\u2064\ufeff\u00ad\u180e\u3164\U000e0000-\U000e007f]")


def check(context):
    model = context.model
    yield from _found(model.title, "title of the model", _IN_TEXT,
                      model.value_locations.get("title", model.location), None)
    for node_id, node in model.nodes.items():
        yield from _found(node_id, "id of the node", _IN_ID, node.location, node_id)
        for field in ("label", "description"):
            yield from _found(getattr(node, field), f'{field} of "{node_id}"', _IN_TEXT,
                              node.value_locations.get(field, node.location), node_id)
        for indicator in node.indicators:
            yield from _found(indicator.id, f'id of an indicator of "{node_id}"', _IN_ID,
                              indicator.value_locations.get("id", indicator.location), node_id)
            yield from _found(indicator.measure, f'measure of an indicator of "{node_id}"', _IN_TEXT,
                              indicator.value_locations.get("measure", indicator.location), node_id)
    for assumption_id, assumption in model.assumptions.items():
        yield from _found(assumption_id, "id of a shared assumption", _IN_ID, assumption.location, None)
        yield from _found(assumption.text, f'text of the assumption "{assumption_id}"', _IN_TEXT,
                          assumption.value_locations.get("text", assumption.location), None)
    for question in model.evaluation.questions if model.evaluation else ():
        yield from _found(question.text, f'text of the question "{question.id}"', _IN_TEXT,
                          question.value_locations.get("text", question.location), None)


def _found(text, where, pattern, location, node_id):
    # (ASCII text, most of a model, holds none of these characters: isascii() is a flag lookup.)
    match = pattern.search(text) if text and not text.isascii() else None
    if match is None:
        return
    yield RULE.finding(
        f"the {where} holds U+{ord(match.group()):04X}, a character that changes how the text is shown",
        location,
        node=node_id,
        hint="retype the text, or delete the character (it is invisible in most editors); "
             "it usually comes from pasting",
    )


RULE = Rule("TOC105", "hidden-character", Severity.WARNING,
            "a bidirectional control or invisible character in an id or label", __doc__, check, local=True)
