"""What every rule module declares: its code, name, default severity and documentation."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from toc.findings import Finding, Related, Severity
from toc.model import Location

_new_tuple = tuple.__new__
assert Finding._fields == ("code", "name", "severity", "message", "location", "node", "hint", "related"), \
    "update Rule.finding for Finding's new fields"

if TYPE_CHECKING:
    from toc.rules.context import CheckContext


@dataclass(frozen=True)
class Rule:
    """A rule: metadata plus, for graph rules, the function that yields findings.

    Rules only *yield* findings at their default severity; the configuration
    (command line and the model's ``check:`` section) decides what is shown and how
    severe it is. Loader rules (TOC0xx) have no ``check``: the loader reports them
    while reading the file.
    """

    code: str
    name: str
    severity: Severity
    summary: str
    doc: str
    check: Callable[[CheckContext], Iterator[Finding]] | None = field(default=None, compare=False)

    def finding(
        self,
        message: str,
        location: Location,
        *,
        node: str | None = None,
        hint: str | None = None,
        related: tuple[Related, ...] = (),
    ) -> Finding:
        # tuple.__new__ is what Finding(...) does after its own argument handling (a rule can
        # make a finding per node of a big model)
        return _new_tuple(Finding, (self.code, self.name, self.severity, message, location, node, hint, related))

    def examples(self) -> tuple[str | None, str | None]:
        """The failing and passing YAML examples from the documentation."""
        return _yaml_block_after(self.doc, "Example"), _yaml_block_after(self.doc, "Use instead")


def _yaml_block_after(doc: str, heading: str) -> str | None:
    match = re.search(rf"^## {heading}\n.*?```yaml\n(.*?)```", doc, re.S | re.M)
    return match.group(1) if match else None
