"""Reading the evaluation section and the method and measure catalogues.

A mixin of ``ModelBuilder``: the same located, report-and-carry-on reading,
kept in its own module because catalogue files are read with it too.
"""

from __future__ import annotations

import yaml

from toc import fields as field_tables
from toc.loading.descriptive_fields import read_link_references
from toc.loading.wording import describe as _describe
from toc.loading.wording import is_null as _is_null
from toc.model import Evaluation, Location, Measure, Method, Question, Reference
from toc.loading.finding_kinds import DUPLICATE_KEY, INVALID_VALUE, MISSING_FIELD


class EvaluationReader:
    """Methods for ``ModelBuilder`` (which provides _fields, _mapping, _text and the rest)."""

    def _evaluation(self, value: yaml.Node) -> Evaluation:
        evaluation = Evaluation(location=self._loc(value))
        pairs = None if _is_null(value) else self._mapping(
            value, "evaluation", "a mapping with purpose, users, budget, timeline and questions")
        if pairs is None:
            return evaluation
        for name, field_value in self._fields(pairs, field_tables.EVALUATION, "evaluation").items():
            if name == "questions":
                evaluation.questions = self._questions(field_value)
            elif name == "deliverables":
                evaluation.deliverables = self._texts(field_value, name)
            else:
                setattr(evaluation, name, self._text(field_value, name))
        return evaluation

    def _questions(self, value: yaml.Node) -> list[Question]:
        questions: list[Question] = []
        seen: dict[str, Location] = {}
        for location, fields, locations in self._records(value, "questions", "question",
                                                         "a mapping with id, text, kind, nodes and methods",
                                                         field_tables.QUESTION, "question"):
            question = Question(id=None, location=location, value_locations=locations)
            for name, field_value in fields.items():
                if name == "id":
                    question.id = self._id_text(field_value, "question id", None)
                elif name == "kind":
                    question.kind = self._choice(field_value, name, field_tables.QUESTION_KINDS, str)
                elif name in ("nodes", "methods", "assumptions"):
                    setattr(question, name, self._id_list(field_value, name))
                elif name == "links":
                    question.links = read_link_references(self, field_value, name)
                elif name == "sample":
                    question.sample = self._positive(field_value, name, None, whole=True)
                else:
                    setattr(question, name, self._text(field_value, name))
            for required in ("id", "text", "kind"):  # (an empty id is reported as such)
                if required not in fields or (required != "id" and _is_null(fields[required])):
                    self._report(MISSING_FIELD, f"a question has no `{required}:`", question.location,
                                 hint=_QUESTION_HINTS[required])
            if question.id is not None:
                if question.id in seen:
                    first = seen[question.id]
                    self._report(DUPLICATE_KEY, f'question id "{question.id}" is used twice',
                                 question.value_locations["id"], hint=f"first used at line {first.line}; rename one")
                else:
                    seen[question.id] = question.value_locations["id"]
            questions.append(question)
        return questions

    # ------------------------------------------------------------ catalogues
    def build_catalogue(self, root: yaml.Node | None) -> tuple[dict[str, Method], dict[str, Measure]]:
        """A catalogue file's methods and measures (a file of its own, or a shipped one)."""
        if root is None:
            return {}, {}
        pairs = self._mapping(root, "a catalogue file", "a mapping with methods: and/or measures:")
        if pairs and not any(key in ("methods", "measures") for key, _, _ in pairs):
            # Some other YAML file: say so once, without echoing its keys or values anywhere.
            self._report(INVALID_VALUE, "not a catalogue file: it has no methods: or measures: section",
                         self._loc(root), hint="see docs/format.md#catalogue-files")
            return {}, {}
        fields = self._fields(pairs or (), field_tables.CATALOGUE_FILE, "catalogue file")
        methods = self._methods(fields["methods"]) if "methods" in fields else {}
        measures = self._measures(fields["measures"]) if "measures" in fields else {}
        return methods, measures

    def _methods(self, value: yaml.Node) -> dict[str, Method]:
        return self._entries(value, "method", field_tables.METHOD, Method)

    def _measures(self, value: yaml.Node) -> dict[str, Measure]:
        return self._entries(value, "measure", field_tables.MEASURE, Measure)

    def _entries(self, value: yaml.Node, what: str, section: tuple[field_tables.Field, ...], cls) -> dict:
        if _is_null(value):
            return {}
        pairs = self._mapping(value, f"{what}s", f"a mapping of {what} id to {what}")
        entries = {}
        for entry_id, key, item in pairs or ():
            if not self._valid_id(entry_id, key, f"{what} id"):
                continue
            entry = cls(id=entry_id, location=self._loc(key))
            entries[entry_id] = entry
            given = self._mapping(item, f'{what} "{entry_id}"', "a mapping of fields")
            if given is None:
                continue
            fields = self._fields(given, section, what)
            for field in section:
                if field.name not in fields or (field.required and _is_null(fields[field.name])):
                    if field.required:
                        self._report(MISSING_FIELD, f'{what} "{entry_id}" has no `{field.name}:`',
                                     entry.location, hint=field.doc)
                    continue
                field_value = fields[field.name]
                entry.value_locations[field.name] = self._loc(field_value)
                setattr(entry, field.name, self._typed(field, field_value))
        return entries

    def _typed(self, field: field_tables.Field, value: yaml.Node):
        if field.kind == "choice":
            return self._choice(value, field.name, field.choices, str)
        if field.kind == "choices":
            return tuple(choice for choice in (self._choice(item, field.name, field.choices, str)
                                               for item in self._sequence(value, field.name)) if choice)
        if field.kind == "texts":
            return self._texts(value, field.name)
        if field.kind == "integer":
            return self._integer(value, field.name)
        if field.kind == "boolean":
            return self._boolean(value, field.name, None)
        if field.kind == "number":
            from toc.loading.monitoring_fields import read_number

            return None if _is_null(value) else read_number(self, value, field.name, None)
        return self._text(value, field.name)

    # ----------------------------------------------------------- value readers
    def _sequence(self, value: yaml.Node, name: str) -> list[yaml.Node]:
        if _is_null(value):
            return []
        if not isinstance(value, yaml.SequenceNode):
            self._report(INVALID_VALUE, f"`{name}` should be a list, not {_describe(value)}", self._loc(value),
                         hint=f"write a list, e.g. {name}: [a, b]")
            return []
        return self._items(value)

    def _texts(self, value: yaml.Node, name: str) -> tuple[str, ...]:
        return tuple(text for text in (self._text(item, name) for item in self._sequence(value, name)) if text)

    def _id_list(self, value: yaml.Node, name: str, node_id: str | None = None) -> tuple[Reference, ...]:
        found = []
        for item in self._sequence(value, name):
            text = self._id_text(item, f"{name} entry", node_id)
            if text is not None:
                found.append(Reference(text, self._loc(item)))
        return tuple(found)

    def _paths(self, value: yaml.Node, name: str) -> tuple[Reference, ...]:
        return tuple(Reference(text, self._loc(item)) for item in self._sequence(value, name)
                     if (text := self._text(item, name)))


_QUESTION_HINTS = {
    "id": "give it a short id, e.g. `id: q1`",
    "text": "write the question: `text: Did parents' relationships improve?`",
    "kind": "add `kind:` with one of " + " | ".join(field_tables.QUESTION_KINDS),
}
