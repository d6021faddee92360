"""Evaluation questions about causal steps: links and shared assumptions (format 1.1).

A question may name the boxes it is about (`nodes:`), and also the links it
tests (`links: [training -> confident]`) and the shared assumptions it tests
(`assumptions: [parents-engage]`). A question about a link asks whether that
step happened *because of* what came before it, so it is about the change at
the link's end, tested as a causal step; a question about an assumption is
about every link that rests on it. The plan covers those boxes, and a question
that tests steps and names no method is answered with methods made for testing
steps (contribution analysis and process tracing for impact; interviews and
focus groups with the people on either side of the step for process).
"""

from __future__ import annotations

from toc.model import Model, Question

# Catalogue methods that test one causal step, by question kind, most suited first.
STEP_METHODS = {
    "impact": ("contribution-analysis", "process-tracing"),
    "process": ("interviews", "focus-groups"),
}


def tests_steps(question: Question) -> bool:
    """Whether the question names links or shared assumptions it tests."""
    return bool(question.links or question.assumptions)


def question_nodes(model: Model, question: Question) -> list[str]:
    """The ids of the boxes a question is about, in order, each once: those in its `nodes:`, then
    the end of each link it tests, then the end of each link resting on an assumption it tests.
    Ids that are not nodes are kept where `nodes:` names them (TOC101 reports them)."""
    found = dict.fromkeys(reference.id for reference in question.nodes)
    for step in question.links:
        if step.target in model.nodes:
            found.setdefault(step.target)
    tested = {reference.id for reference in question.assumptions}
    if tested:
        for link in model.links():
            if link.target in model.nodes and any(reference.id in tested for reference in link.assumptions):
                found.setdefault(link.target)
    return list(found)


def step_methods(question: Question, methods) -> list[str]:
    """Methods for a question that tests causal steps and names none: those of ``STEP_METHODS``
    for its kind that the catalogue has (none for an economic question, or one about boxes only)."""
    if not tests_steps(question) or question.methods:
        return []
    return [method_id for method_id in STEP_METHODS.get(question.kind or "", ()) if method_id in methods]
