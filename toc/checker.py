"""Running the rules over model files and applying the configuration to what they find."""

from __future__ import annotations

from dataclasses import dataclass, field

from toc.findings import REPORT_ORDER, Cause, Finding, Severity
from toc.limits import Limits
from toc.loading import load_file, load_stream, load_text
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


@dataclass(frozen=True)
class ProjectSettings:
    """The project configuration's ``ignore`` and ``severity`` (toc/project_config.py), which
    rank below the file's own ``check:`` section: a code the file gives a severity to, or that
    --select names, at least as specifically as the project ignores it, is reported; the
    file's severity for a code wins over the project's. (The project's ``select`` reaches the
    checker as the Selection's, when the command line gives none.)"""

    ignore: tuple[str, ...] = ()
    severity: tuple[tuple[str, str], ...] = ()

    def ignores(self, code: str, kept_by: tuple[str, ...]) -> bool:
        ignored = [prefix for prefix in self.ignore if code.startswith(prefix)]
        if not ignored:
            return False
        kept = [prefix for prefix in kept_by if code.startswith(prefix)]
        return not kept or max(map(len, kept)) < max(map(len, ignored))


NO_PROJECT = ProjectSettings()


@dataclass
class FileReport:
    path: str
    model: Model | None
    findings: list[Finding] = field(default_factory=list)
    # A syntax error stopped part of the file from being read: the rest was checked by the
    # rules that judge each item alone (Rule.local), and ``model`` is None.
    partial: bool = False


def check_model(model: Model, selection: Selection = Selection(), local_only: bool = False) -> list[Finding]:
    """Findings of every selected graph rule on a loaded model (before configuration).

    ``local_only`` runs only the rules that judge each item by itself, for the parts of a
    file that read after a syntax error.
    """
    context = CheckContext(model)
    findings: list[Finding] = []
    for rule in RULES.values():
        if rule.check is not None and selection.allows(rule.code) and (rule.local or not local_only):
            findings.extend(rule.check(context))
    return findings


def check_file(path: str, selection: Selection = Selection(), limits: Limits | None = None,
               project: ProjectSettings = NO_PROJECT, actuals: tuple[str, ...] = ()) -> FileReport:
    """Load and check one file (with more actuals files, for `toc monitor --actuals`). Raises
    ``UnreadableInput`` for unusable paths."""
    return _report(load_file(path, limits, RULES.keys(), actuals), selection, project)


def check_stream(stream, path: str, selection: Selection = Selection(), limits: Limits | None = None,
                 catalogue_dir: str = "", project: ProjectSettings = NO_PROJECT) -> FileReport:
    """Check a model read from an open binary stream (`toc check -`), named ``path`` in findings."""
    return _report(load_stream(stream, path, limits, RULES.keys(), catalogue_dir), selection, project)


def check_text(text: str, path: str = "<model>", selection: Selection = Selection(),
               limits: Limits | None = None, catalogue_dir: str = "", project: ProjectSettings = NO_PROJECT) -> FileReport:
    """Check a model given as text (tests, editors, tools); ``catalogue_dir`` as for ``load_text``."""
    return _report(load_text(text, path, limits, RULES.keys(), catalogue_dir), selection, project)


def _report(result, selection: Selection, project: ProjectSettings = NO_PROJECT) -> FileReport:
    findings = list(result.findings)
    if result.model is not None:
        findings.extend(check_model(result.model, selection))
    elif result.partial is not None:
        findings.extend(check_model(result.partial, selection, local_only=True))
    model = result.model or result.partial
    configured = without_superseded(configure(findings, model, selection, project))
    configured.sort(key=REPORT_ORDER)
    return FileReport(result.path, result.model, after_their_causes(configured, model),
                      partial=result.partial is not None)


def configure(findings: list[Finding], model: Model | None, selection: Selection,
              project: ProjectSettings = NO_PROJECT) -> list[Finding]:
    """Apply --select/--ignore, the file's ``check:`` section, per-node ``ignore:`` and the
    project configuration, in that order of precedence."""
    settings = model.check if model else None
    if _nothing_to_apply(model, selection) and project == NO_PROJECT:
        return list(findings)  # the usual case, and a big model has a finding per node or so
    # What brings back a code the project ignores: the file's severity for it, or --select.
    kept_by = (*(settings.severity if settings is not None else ()), *selection.select)
    project_severity = dict(project.severity)
    shown = []
    for finding in findings:
        if finding.code in UNFILTERABLE:
            shown.append(finding)
            continue
        if not selection.allows(finding.code):
            continue
        if project.ignore and project.ignores(finding.code, kept_by):
            continue
        if settings is not None:
            if settings.ignore and finding.code.startswith(settings.ignore):
                continue
            node = model.nodes.get(finding.node) if finding.node else None
            if node is not None and node.ignore and finding.code.startswith(node.ignore):
                continue
        override = _override(settings.severity, finding.code) if settings is not None else None
        if override is None and project_severity:
            override = _override(project_severity, finding.code)
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


def after_their_causes(findings: list[Finding], model: Model | None) -> list[Finding]:
    """Findings in report order, each one caused by another (Finding.caused_by) moved to just after it.

    A cause names what it leaves out of the model (Finding.affects: "links-from:X", the links
    X was given; "links-to:Y", the link meant to reach Y); a rule says what each of its
    findings takes for granted about the node it is about (Rule.rests_on). What a missing
    link leaves out reaches along the chain: a node upstream of X loses its way onward too,
    and a node downstream of Y loses what reached it, so "links-from" facts are carried to
    every node that leads to X and "links-to" facts to every node Y leads to, each node
    once (one walk for all causes, so the work stays linear in the model).
    """
    causes = [finding for finding in findings if finding.affects]
    if not causes:
        return findings
    cause_of: dict[str, Finding] = {}
    for cause in causes:
        for fact in cause.affects:
            cause_of.setdefault(fact, cause)
    if model is not None:
        _carry_along_links(cause_of, model)
    placed: dict[Finding, list[Finding]] = {}
    ordered = []
    for finding in findings:
        kinds = RULES[finding.code].rests_on if finding.code in RULES else ()
        about = finding.about
        facts = finding.rests_on + (tuple(f"{kind}:{about}" for kind in kinds) if about is not None else ())
        cause = next((cause_of[fact] for fact in facts if fact in cause_of and cause_of[fact] is not finding), None)
        if cause is None:
            ordered.append(finding)
            continue
        caused = finding._replace(caused_by=Cause(cause.code, cause.location))
        placed.setdefault(cause, []).append(caused)
    if not placed:
        return findings
    result = []
    for finding in ordered:
        result.append(finding)
        result.extend(placed.pop(finding, ()))
    for rest in placed.values():  # (a cause is always shown; kept in case one is not)
        result.extend(rest)
    return result


def _carry_along_links(cause_of: dict[str, Finding], model: Model) -> None:
    forward: dict[str, list[str]] = {}
    backward: dict[str, list[str]] = {}
    for link in model.links():
        forward.setdefault(link.source, []).append(link.target)
        backward.setdefault(link.target, []).append(link.source)
    for kind, edges in (("links-to", forward), ("links-from", backward)):
        prefix = f"{kind}:"
        queue = [fact[len(prefix):] for fact in cause_of if fact.startswith(prefix)]
        seen = set(queue)
        while queue:
            node = queue.pop()
            cause = cause_of[prefix + node]
            for neighbour in edges.get(node, ()):
                if neighbour not in seen:
                    seen.add(neighbour)
                    cause_of.setdefault(prefix + neighbour, cause)
                    queue.append(neighbour)


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
