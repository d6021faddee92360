"""What every rule module declares: its code, name, default severity and documentation."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from toc.findings import Finding, FindingKind

if TYPE_CHECKING:
    from toc.rules.context import CheckContext


@dataclass(frozen=True)
class Rule(FindingKind):
    """A rule: a finding kind with its documentation and, for graph rules, its check.

    A rule's check yields findings of its own code at its default severity and reads
    only the model and the check context, never another rule's findings; the
    configuration (command line and the model's ``check:`` section) decides, in the
    checker, what is shown and how severe it is. Loader rules (TOC0xx) have no
    ``check``: the loader reports their kinds (toc.loading.finding_kinds) while
    reading the file, and the rule module documents them.
    """

    summary: str
    doc: str
    check: Callable[[CheckContext], Iterator[Finding]] | None = field(default=None, compare=False)
    # Codes whose findings about the same node (or subject) say less than this rule's: the
    # checker drops them when this rule's finding is shown, and only then (so ignoring this
    # code never hides theirs).
    supersedes: tuple[str, ...] = ()
    # Whether each finding judges one item by itself (a node, an indicator, a link and its two
    # ends, an assumption): such a rule still runs on the parts of a file that read after a
    # syntax error (toc.loading.partial). A rule about what is absent anywhere in the model
    # (an unknown id, a node nothing leads to) would be misled by the part that did not read.
    local: bool = False
    # What each finding assumes about the node (or subject) it is about, as kinds of fact:
    # "links-from" (its leads_to is as written), "links-to" (the links meant to reach it do).
    # When another shown finding affects that fact (Finding.affects), this finding is caused
    # by it: the checker says so and lists it after its cause.
    rests_on: tuple[str, ...] = ()

    @classmethod
    def documenting(cls, kind: FindingKind, summary: str, doc: str) -> Rule:
        """The rule for a kind of finding that the loader reports."""
        return cls(kind.code, kind.name, kind.severity, summary, doc)

    def examples(self) -> tuple[str | None, str | None]:
        """The failing and passing YAML examples from the documentation."""
        return _yaml_block_after(self.doc, "Example"), _yaml_block_after(self.doc, "Use instead")

    def data_examples(self) -> tuple[str | None, str | None]:
        """For rules about actuals files: the CSV file (named `actuals.csv` in the example's
        `monitoring:`) beside the failing and the passing example, or None."""
        return _block_in(self.doc, "Example", "csv"), _block_in(self.doc, "Use instead", "csv")


def _yaml_block_after(doc: str, heading: str) -> str | None:
    match = re.search(rf"^## {heading}\n.*?```yaml\n(.*?)```", doc, re.S | re.M)
    return match.group(1) if match else None


def _block_in(doc: str, heading: str, language: str) -> str | None:
    """The first ```language block under ``## heading``, before the next heading."""
    parts = doc.split(f"## {heading}\n", 1)
    if len(parts) < 2:
        return None
    match = re.search(rf"```{language}\n(.*?)```", parts[1].split("\n## ", 1)[0], re.S)
    return match.group(1) if match else None
