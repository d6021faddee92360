from conftest import located


def test_self_link():
    text = "toc: 1\nnodes:\n  a:\n    type: activity\n    label: A\n    leads_to: [b, a]\n  b: {type: impact, label: B}\n"
    assert located(text, "TOC102") == [("TOC102", 6, 19)]
