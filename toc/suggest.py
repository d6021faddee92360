"""Did-you-mean suggestions for misspelt fields, values and ids.

A suggestion compares the word with every choice, so a hostile file with tens of
thousands of misspellings among tens of thousands of ids would make the work
quadratic (5,000 unknown link targets among 5,000 nodes took 20 s). Suggestions
are a courtesy, so their work is bounded: each model gets ``BUDGET`` comparisons
(``new_model`` starts them again when a model is loaded, so one model's hints do
not depend on the models read before it); past that, and for words too long to be
a typo of an id or a field name, nothing is suggested.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable

BUDGET = 200_000  # comparisons of a word with a choice per model: well under a second
LONGEST_WORD = 100  # characters; ids and field names are far shorter, and difflib's time grows with length

_left = BUDGET


def new_model() -> None:
    """Give the next model its own budget of comparisons."""
    global _left
    _left = BUDGET


# How much closer a likelier choice counts (difflib's ratio runs from 0 to 1): enough to prefer
# an outcome to a need one letter nearer, not enough to prefer a distant id of the right type.
LIKELIER_BONUS = 0.1


def closest(word: str, choices: Iterable[str], likelier: Collection[str] = ()) -> str | None:
    """The choice ``word`` was most likely meant to be, or None.

    ``likelier`` are the choices that fit where the word is written (the nodes a link from
    an output may reach: outcomes and impacts, not needs): among near misses, they count as
    a little nearer.

    >>> closest("indicator", ["indicators", "label"])
    'indicators'
    >>> closest("Outcome", ["output", "outcome"])
    'outcome'
    >>> closest("home-climate-better", ["home-climate", "better-home-climate"])
    'better-home-climate'
    >>> closest("parents-confidence", ["parent-confidence", "parents-confident"])
    'parent-confidence'
    >>> closest("parents-confidence", ["parent-confidence", "parents-confident"], likelier={"parents-confident"})
    'parents-confident'
    """
    global _left
    if _left <= 0 or len(word) > LONGEST_WORD:
        return None
    options = list(choices)
    _left -= len(options)
    folded = {choice.casefold(): choice for choice in options}
    if word.casefold() in folded:
        return folded[word.casefold()]
    # The same words in another order ("home-climate-better" for "better-home-climate") is a
    # likelier meaning than a shorter id that shares some letters ("home-climate").
    words = _words(word)
    reordered = [choice for choice in options if len(words) > 1 and _words(choice) == words]
    if len(reordered) > 1:
        reordered = [choice for choice in reordered if choice in likelier] or reordered
    if len(reordered) == 1:
        return reordered[0]
    import difflib  # (here: a clean model never needs it, and every command would import it)

    if not likelier:
        matches = difflib.get_close_matches(word, options, n=1, cutoff=0.6)
        return matches[0] if matches else None
    matches = difflib.get_close_matches(word, options, n=5, cutoff=0.6 - LIKELIER_BONUS)
    scored = []
    for match in matches:
        score = difflib.SequenceMatcher(None, word, match).ratio() + (LIKELIER_BONUS if match in likelier else 0)
        if score >= 0.6:
            scored.append((score, match))
    return max(scored, key=lambda pair: pair[0])[1] if scored else None


def _words(text: str) -> list[str]:
    return sorted(text.casefold().replace("_", "-").split("-"))


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """A hint sentence, or an empty string when nothing is close."""
    match = closest(word, choices)
    return f'did you mean "{match}"?' if match else ""
