"""A small monitored model and its actuals files, for the monitoring tests."""

from __future__ import annotations

from pathlib import Path

from toc.checker import check_file

MODEL = """\
toc: 1
monitoring:
  start: 2025-Q1
  end: 2025-Q4
  actuals: [actuals.csv]
nodes:
  course:
    type: activity
    label: Run a parenting course
    leads_to: [sessions]
  sessions:
    type: output
    label: Parents attend sessions
    indicators:
      - {id: sessions-held, frequency: quarterly, baseline: 0, target: 40}
    leads_to: [{to: calmer, assumption: Parents who attend use what they learn}]
  calmer:
    type: outcome
    term: short
    label: Less conflict at home
    indicators:
      - {id: sdq-total, instrument: sdq, frequency: quarterly, baseline: 18, target: 14}
"""


def write(folder: Path, csv_text: str, model: str = MODEL, name: str = "actuals.csv") -> str:
    (folder / name).write_text(csv_text, encoding="utf-8")
    path = folder / "m.toc.yaml"
    path.write_text(model, encoding="utf-8")
    return str(path)


def located(folder: Path, csv_text: str, code: str, model: str = MODEL) -> list[tuple[str, str, int, int]]:
    """(code, file name, row, column) of each finding of ``code``."""
    report = check_file(write(folder, csv_text, model))
    return [(f.code, Path(f.location.path).name, f.location.line, f.location.column)
            for f in report.findings if f.code == code]


def findings(folder: Path, csv_text: str, code: str, model: str = MODEL):
    return [f for f in check_file(write(folder, csv_text, model)).findings if f.code == code]
