"""The benchmark's report is rebuilt from the committed figures without measuring anything.

Measuring takes minutes and belongs outside the test suite (issue 8); what is
tested here is that the report code still reads the saved figures and says
something for every target, so `docs/performance.md` can always be regenerated.
"""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIGURES = ROOT / "docs" / "performance-figures.json"


def test_report_is_rebuilt_from_the_saved_figures(tmp_path):
    output = tmp_path / "performance.md"
    subprocess.run([sys.executable, str(ROOT / "benchmarks" / "run.py"), "--from-results", str(FIGURES),
                    "--output", str(output)], check=True, capture_output=True, text=True)
    report = output.read_text(encoding="utf-8")
    for target in ("within 2x of libyaml compose", "ruamel.yaml round-trip", "faster than yamllint",
                   "grows at most", "peak memory", "cold `toc check` (150 nodes) within 1.3x of importing",
                   "cold `toc spec -o x.md` (150 nodes) within 1.5x of cold `toc check`",
                   "each hostile shape grows about in proportion", "within 1.1x of `dot -Tsvg`",
                   "`toc monitor` over 150 areas x 100 indicators x 36 periods (540,000 rows) within 3x"):
        assert target in report
    for heading in ("**check vs compose", "**scaling", "**cold start", "**spec vs check", "**render vs dot",
                    "**growth", "**monitor vs csv"):
        assert heading in report  # what bounds each figure, in words
    assert "guard against regressions" in report and "20 to 300 boxes" in report
    growth = report.split("## Growth on hostile shapes")[1].split("\n## ")[0]
    for shape in ("`toc fmt --check`", "text outline of a chain", "`toc compare`", "drawn as DOT",
                  "catalogue named many times", "unknown fields", "refused before composing"):
        assert shape in growth
    assert report == (ROOT / "docs" / "performance.md").read_text(encoding="utf-8"), \
        "docs/performance.md is not what the saved figures give: regenerate it with --from-results"
