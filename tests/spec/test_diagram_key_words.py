"""The specification's diagram key describes every box in words, never by a colour code."""

from toc.renderers.spec.figures import diagram_key


def test_every_row_of_the_key_is_words():
    for look, meaning in diagram_key():
        assert "#" not in look, f"the key shows a colour code for {meaning}: {look}"
