"""Project configuration: settings for `toc check` shared by every model in a project.

Found as ruff and yamllint find theirs: from the model's folder (for standard input,
the ``--stdin-filename``'s folder or the current one) upwards, the first folder that has

1. ``.toc.yaml`` (or ``.toc.yml``): the settings at the top level, in YAML;
2. ``toc.toml``: the settings at the top level, in TOML;
3. ``pyproject.toml`` with a ``[tool.toc]`` table (a pyproject.toml without one is passed by);

the search stops at the root of a git repository (a folder holding ``.git``), so a
project never picks up settings from outside its repository, or at the file system's root.
One folder's first file in that order is used; files are never merged.

What it may hold, the per-file ``check:`` section's keys and two more:

``select``    rule codes or prefixes: only these are reported (``--select`` replaces it)
``ignore``    rule codes or prefixes never reported (a file's ``check: severity`` naming the
              code as specifically, or ``--select`` naming it as specifically, brings it back)
``severity``  rule code (or prefix) to error / warning / info; a file's own ``check: severity``
              for the same code wins
``exclude``   gitignore-style patterns, relative to the configuration's folder, of files and
              folders that directory search leaves out (a file named on the command line is
              always checked)

Precedence, highest first: the command line, the file's own ``check:`` section (and a
node's ``ignore:``), the project configuration, the rules' defaults. The checker applies
it (toc/checker.py, ``ProjectSettings``); this module only finds, reads and validates.
A configuration toc cannot use is one error naming file:line (exit 2), never ignored.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from functools import lru_cache

from toc.errors import UserError

CONFIG_FILES = (".toc.yaml", ".toc.yml", "toc.toml", "pyproject.toml")
KEYS = ("select", "ignore", "severity", "exclude")
SEVERITIES = ("error", "warning", "info")
_CODE_FORM = re.compile(r"TOC\d{0,3}")


class ConfigError(UserError):
    """A project configuration toc cannot use: one line naming file:line, exit 2."""


@dataclass(frozen=True)
class ProjectConfig:
    path: str  # the file the settings came from
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    severity: tuple[tuple[str, str], ...] = ()
    exclude: tuple[str, ...] = ()

    @property
    def folder(self) -> str:
        return os.path.dirname(self.path)

    def excludes(self, path: str) -> bool:
        """Whether ``exclude`` names ``path`` (a file found by directory search)."""
        if not self.exclude:
            return False
        relative = os.path.relpath(os.path.abspath(path), self.folder)
        if relative.startswith(os.pardir + os.sep):
            return False
        return _spec(self.exclude).match_file(relative.replace(os.sep, "/"))


@lru_cache(maxsize=64)
def _spec(patterns: tuple[str, ...]):
    import pathspec

    return pathspec.GitIgnoreSpec.from_lines(patterns)


def find_config(start: str) -> ProjectConfig | None:
    """The project configuration that applies in folder ``start`` (see the module's docstring)."""
    return _find(os.path.abspath(start or "."))


def config_for_file(path: str) -> ProjectConfig | None:
    """The project configuration that applies to the model file at ``path``."""
    return find_config(os.path.dirname(path) or ".")


def excluded_by_config(path: str) -> bool:
    """Whether the project configuration that applies to ``path`` excludes it from directory
    search (``toc.paths.model_files(..., excluded=excluded_by_config)``)."""
    config = config_for_file(path)
    return config is not None and config.excludes(path)


@lru_cache(maxsize=256)
def _find(folder: str) -> ProjectConfig | None:
    for name in CONFIG_FILES:
        candidate = os.path.join(folder, name)
        if os.path.isfile(candidate):
            config = read_config(candidate)
            if config is not None:
                return config
    parent = os.path.dirname(folder)
    if os.path.exists(os.path.join(folder, ".git")) or parent == folder:
        return None
    return _find(parent)


def clear_cache() -> None:
    """Forget configurations already read (tests that write new ones in the same folders)."""
    _find.cache_clear()


def read_config(path: str) -> ProjectConfig | None:
    """The settings in ``path``; None for a pyproject.toml with no [tool.toc]. ConfigError if unusable."""
    try:
        with open(path, "rb") as stream:
            data = stream.read(1_048_577)
    except OSError as error:
        raise ConfigError(f"{shown(path)}: cannot read: {error.strerror}") from None
    if len(data) > 1_048_576:
        raise ConfigError(f"{shown(path)}:1: over 1 MB; a toc configuration is a few lines")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ConfigError(f"{shown(path)}:1: not UTF-8 text") from None
    name = os.path.basename(path)
    if name.endswith((".yaml", ".yml")):
        return _from_yaml(path, text)
    if name == "pyproject.toml":
        if "tool.toc" not in text and not re.search(r"^\s*\[\s*tool\s*\.\s*toc\s*[\].]", text, re.M):
            return None  # (a quick look first: most pyproject.toml files are none of toc's business)
        table = _toml(path, text).get("tool", {})
        if not isinstance(table, dict) or "toc" not in table:
            return None
        return _validated(path, table["toc"], _TomlLines(text, ("tool", "toc")), "[tool.toc]")
    return _validated(path, _toml(path, text), _TomlLines(text, ()), "")


def _toml(path: str, text: str) -> dict:
    import tomllib

    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        message = str(error)
        at = re.search(r"\(at line (\d+), column \d+\)", message)
        line = at.group(1) if at else str(max(1, len(text.splitlines()))) if "end of document" in message else "1"
        message = re.sub(r"\s*\(at (line \d+, column \d+|end of document)\)", "", message) or "not valid TOML"
        raise ConfigError(f"{shown(path)}:{line}: not valid TOML: {message[0].lower()}{message[1:]}") from None


def _from_yaml(path: str, text: str) -> ProjectConfig:
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        root = yaml.compose(text, Loader=loader)
        table = yaml.load(text, Loader=loader)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 1 if mark is not None else 1
        problem = getattr(error, "problem", None) or "not valid YAML"
        raise ConfigError(f"{shown(path)}:{line}: not valid YAML: {problem}") from None
    if root is None:
        return ProjectConfig(path)
    return _validated(path, table, _YamlLines(root), "")


def shown(path: str) -> str:
    """A configuration's path as messages give it: relative to the current folder when inside it."""
    relative = os.path.relpath(path)
    return path if relative.startswith(os.pardir) else relative


# ------------------------------------------------------------------ validation
def _validated(path: str, table, lines, where: str) -> ProjectConfig:
    def fail(message: str, *keys: str) -> ConfigError:
        return ConfigError(f"{shown(path)}:{lines.line_of(*keys)}: {message}")

    if not isinstance(table, dict):
        raise fail(f"{where or 'the file'} should be a table of settings ({', '.join(KEYS)}), not {_kind(table)}")
    if where == "" and {"nodes", "toc"} & set(table) and os.path.basename(path).startswith(".toc."):
        raise fail(f"this looks like a model, not toc's configuration: name the model something.toc.yaml "
                   f"({os.path.basename(path)} holds settings: {', '.join(KEYS)})", "nodes" if "nodes" in table else "toc")
    for key in table:
        if key not in KEYS:
            from toc.suggest import did_you_mean

            hint = did_you_mean(str(key), KEYS)
            raise fail(f"unknown setting `{key}`" + (f" in {where}" if where else "") + (f"; {hint}" if hint else "")
                       + f" (toc's settings: {', '.join(KEYS)})", key)
    select = _codes(table.get("select"), "select", fail)
    ignore = _codes(table.get("ignore"), "ignore", fail)
    severity = table.get("severity") or {}
    if not isinstance(severity, dict):
        raise fail(f"`severity` should be a table of rule code = error, warning or info, not {_kind(severity)}",
                   "severity")
    overrides = []
    for code, level in severity.items():
        _check_code(str(code), "severity", fail, ("severity", code))
        if level not in SEVERITIES:
            raise fail(f"severity of {code} should be error, warning or info, not {level!r}", "severity", code)
        overrides.append((str(code), level))
    exclude = table.get("exclude") or []
    if isinstance(exclude, str):
        exclude = [exclude]
    if not isinstance(exclude, list) or not all(isinstance(item, str) for item in exclude):
        raise fail("`exclude` should be a list of patterns such as [\"drafts/\", \"*.old.toc.yaml\"]", "exclude")
    return ProjectConfig(path, select, ignore, tuple(overrides), tuple(exclude))


def _codes(value, key: str, fail) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):  # "TOC3, TOC401", as on the command line
        value = [part.strip() for part in value.split(",") if part.strip()]
    if not isinstance(value, list):
        raise fail(f"`{key}` should be a list of rule codes such as [\"TOC303\", \"TOC4\"], not {_kind(value)}", key)
    codes = []
    for item in value:
        codes.append(_check_code(item, key, fail, (key,)))
    return tuple(codes)


def _check_code(item, key: str, fail, keys) -> str:
    from toc.rules import RULES, RULES_BY_NAME
    from toc.suggest import did_you_mean

    if not isinstance(item, str):
        raise fail(f"`{key}`: {item!r} is not a rule code (write codes such as \"TOC303\")", *keys)
    if item.lower() in RULES_BY_NAME:
        return RULES_BY_NAME[item.lower()].code
    code = item.strip().upper()
    if _CODE_FORM.fullmatch(code) and any(known.startswith(code) for known in RULES):
        return code
    hint = did_you_mean(code, RULES)
    raise fail(f'`{key}`: unknown rule code "{item}"' + (f"; {hint}" if hint else "; `toc rules` lists every code"),
               *keys)


def _kind(value) -> str:
    return {dict: "a table", list: "a list", str: "text", bool: "true/false", int: "a number",
            float: "a number"}.get(type(value), "empty" if value is None else type(value).__name__)


# ------------------------------------------------------------------ where a key is
class _YamlLines:
    """Lines of keys in a composed YAML document, for error messages."""

    def __init__(self, root):
        self.root = root

    def line_of(self, *keys) -> int:
        import yaml

        node, line = self.root, self.root.start_mark.line + 1
        for key in keys:
            if not isinstance(node, yaml.MappingNode):
                break
            for key_node, value in node.value:
                if key_node.value == str(key):
                    node, line = value, key_node.start_mark.line + 1
                    break
            else:
                break
        return line


class _TomlLines:
    """Lines of keys in TOML text, for error messages. tomllib gives values, not places, so the
    place is found in the text: the key inside its table, dotted (``tool.toc.select = ...``) or in
    a table header (``[tool.toc.severity]``); else the table's header; else line 1."""

    def __init__(self, text: str, table: tuple[str, ...]):
        self.lines = text.splitlines()
        self.table = table

    def line_of(self, *keys) -> int:
        path = [*self.table, *(str(key) for key in keys)]
        for depth in range(len(path), len(self.table) - 1, -1):
            line = self._find(path[:depth])
            if line:
                return line
        return 1

    def _find(self, path: list[str]) -> int | None:
        if not path:
            return None
        current: list[str] = []
        for number, line in enumerate(self.lines, 1):
            header = re.match(r"\s*\[\s*([^\[\]]+?)\s*\]", line)
            if header:
                current = _dotted(header.group(1))
                if current == path:
                    return number
                continue
            assignment = re.match(r"\s*([^=#]+?)\s*=", line)
            if assignment and [*current, *_dotted(assignment.group(1))][:len(path)] == path:
                return number
        return None


def _dotted(name: str) -> list[str]:
    return [part.strip().strip("\"'") for part in re.findall(r'"[^"]*"|\'[^\']*\'|[^.]+', name)]
