from conftest import located, only


def test_bidi_control_in_a_label_is_found_at_the_label():
    text = 'toc: 1\nnodes:\n  a: {type: activity, label: "Train \\u202Estaff", leads_to: [b]}\n  b: {type: impact, label: B}\n'
    assert located(text, "TOC105") == [("TOC105", 3, 30)]
    [finding] = only(text, "TOC105")
    assert finding.message == 'the label of "a" holds U+202E, a character that changes how the text is shown'


def test_invisible_character_in_an_id_is_found_at_the_id():
    text = 'toc: 1\nnodes:\n  "a\\u200b": {type: activity, label: A, leads_to: [b]}\n  b: {type: impact, label: B}\n'
    assert located(text, "TOC105") == [("TOC105", 3, 3)]


def test_indicator_and_assumption_ids_are_checked():
    text = ('toc: 1\nassumptions:\n  "x\\u2066": {text: X}\nnodes:\n'
            '  a: {type: impact, label: A, indicators: [{id: "i\\u00ad", source: s}]}\n')
    assert located(text, "TOC105") == [("TOC105", 3, 3), ("TOC105", 5, 49)]


def test_emoji_joiners_and_ordinary_scripts_are_fine():
    text = ('toc: 1\nnodes:\n  "家族": {type: activity, label: "עברית and العربية 👩\\u200d👩\\u200d👧", leads_to: [b]}\n'
            '  b: {type: impact, label: B}\n')
    assert located(text, "TOC105") == []


def test_title_assumption_text_measure_and_question_text_are_checked():
    text = ('toc: 1\ntitle: "Plan \\u2067x"\nassumptions:\n  x: {text: "Holds \\u202Eup"}\nnodes:\n'
            '  a: {type: impact, label: A, indicators: [{id: i, measure: "Rate \\u2066b", source: s}]}\n'
            'evaluation:\n  questions:\n    - {id: q1, kind: process, text: "Did it \\u202Ework?", nodes: [a]}\n')
    assert located(text, "TOC105") == [("TOC105", 2, 8), ("TOC105", 4, 13), ("TOC105", 6, 61), ("TOC105", 9, 37)]


def test_tag_characters_in_an_id_are_found():
    text = 'toc: 1\nnodes:\n  "a\\U000E0041": {type: impact, label: A}\n'
    assert located(text, "TOC105") == [("TOC105", 3, 3)]
