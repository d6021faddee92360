"""Running the rules over model files and applying the configuration to what they find."""

from __future__ import annotations

from dataclasses import dataclass, field

from toc.findings import REPORT_ORDER, Finding, Severity
from toc.limits import Limits
from toc.loading import load_file, load_text
from toc.model import Model
from toc.rules import RULES
from toc.rules.context import CheckContext

# A file that cannot be read at all must never pass: these are shown whatever is selected.
UNFILTERABLE = frozenset({"TOC001", "TOC006"})


@dataclass(frozen=True)
class Selection:
    """Which rule codes to report: ``--select`` and ``--ignore``, by code or prefix."""

    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()

    def allows(self, code: str) -> bool:
        if self.select and not code.startswith(self.select):
            return False
        return not (self.ignore and code.startswith(self.ignore))


@dataclass
class FileReport:
    path: str
    model: Model | None
    findings: list[Finding] = field(default_factory=list)


def check_model(model: Model, selection: Selection = Selection()) -> list[Finding]:
    """Findings of every selected graph rule on a loaded model (before configuration)."""
    context = CheckContext(model)
    findings: list[Finding] = []
    for rule in RULES.values():
        if rule.check is not None and selection.allows(rule.code):
            findings.extend(rule.check(context))
    return findings


def check_file(path: str, selection: Selection = Selection(), limits: Limits | None = None,
               actuals: tuple[str, ...] = ()) -> FileReport:
    """Load and check one file (with more actuals files, for `toc monitor --actuals`). Raises
    ``UnreadableInput`` for unusable paths."""
    return _report(load_file(path, limits, RULES.keys(), actuals), selection)


def check_text(text: str, path: str = "<model>", selection: Selection = Selection(),
               limits: Limits | None = None, catalogue_dir: str = "") -> FileReport:
    """Check a model given as text (tests, editors, tools); ``catalogue_dir`` as for ``load_text``."""
    return _report(load_text(text, path, limits, RULES.keys(), catalogue_dir), selection)


def _report(result, selection: Selection) -> FileReport:
    findings = list(result.findings)
    if result.model is not None:
        findings.extend(check_model(result.model, selection))
    configured = without_superseded(configure(findings, result.model, selection))
    configured.sort(key=REPORT_ORDER)
    return FileReport(result.path, result.model, configured)


def configure(findings: list[Finding], model: Model | None, selection: Selection) -> list[Finding]:
    """Apply --select/--ignore, the file's ``check:`` section and per-node ``ignore:``."""
    settings = model.check if model else None
    if _nothing_to_apply(model, selection):
        return list(findings)  # the usual case, and a big model has a finding per node or so
    shown = []
    for finding in findings:
        if finding.code in UNFILTERABLE:
            shown.append(finding)
            continue
        if not selection.allows(finding.code):
            continue
        if settings is not None:
            if settings.ignore and finding.code.startswith(settings.ignore):
                continue
            node = model.nodes.get(finding.node) if finding.node else None
            if node is not None and node.ignore and finding.code.startswith(node.ignore):
                continue
            override = _override(settings.severity, finding.code)
            if override is not None:
                finding = finding.with_severity(Severity(override))
        shown.append(finding)
    return shown


def without_superseded(findings: list[Finding]) -> list[Finding]:
    """Leave out findings that a shown finding of a superseding rule says more about (Rule.supersedes).

    Applied after the configuration, so a finding is only dropped for one that is shown,
    and only for one at least as severe: ignoring TOC202, or making it info, brings back
    TOC204's warning for the same dead end.
    """
    strongest: dict[tuple[str, str], int] = {}  # (what it is about, superseded code) -> severity rank
    for finding in findings:
        if finding.about is None:
            continue
        for code in RULES[finding.code].supersedes:
            key = (finding.about, code)
            strongest[key] = max(strongest.get(key, -1), finding.severity.rank)
    if not strongest:
        return findings
    return [finding for finding in findings
            if strongest.get((finding.about, finding.code), -1) < finding.severity.rank]


def _nothing_to_apply(model: Model | None, selection: Selection) -> bool:
    """Whether no option, no `check:` setting and no node's `ignore:` could change any finding."""
    if selection.select or selection.ignore:
        return False
    if model is None:
        return True
    return not (model.check.ignore or model.check.severity or any(node.ignore for node in model.nodes.values()))


def _override(severities: dict[str, str], code: str) -> str | None:
    # The most specific prefix wins: {TOC3: info, TOC301: error} makes TOC301 an error.
    matching = [prefix for prefix in severities if code.startswith(prefix)]
    return severities[max(matching, key=len)] if matching else None


def failed(reports: list[FileReport], strict: bool = False) -> bool:
    """Whether the run should exit 1: a file that does not load, any error, or any warning under --strict."""
    failing = {Severity.ERROR, Severity.WARNING} if strict else {Severity.ERROR}
    return any(report.model is None for report in reports) or any(
        finding.severity in failing for report in reports for finding in report.findings
    )
