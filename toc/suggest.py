"""Did-you-mean suggestions for misspelt fields, values and ids."""

from __future__ import annotations

from collections.abc import Iterable


def closest(word: str, choices: Iterable[str]) -> str | None:
    """The choice ``word`` was most likely meant to be, or None.

    >>> closest("indicator", ["indicators", "label"])
    'indicators'
    >>> closest("Outcome", ["output", "outcome"])
    'outcome'
    """
    options = list(choices)
    folded = {choice.casefold(): choice for choice in options}
    if word.casefold() in folded:
        return folded[word.casefold()]
    import difflib  # (here: a clean model never needs it, and every command would import it)

    matches = difflib.get_close_matches(word, options, n=1, cutoff=0.6)
    return matches[0] if matches else None


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """A hint sentence, or an empty string when nothing is close."""
    match = closest(word, choices)
    return f'did you mean "{match}"?' if match else ""
