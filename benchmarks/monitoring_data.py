"""The monitoring benchmark's data: a regional model of 100 indicators and its actuals, 150 areas
x 100 indicators x 36 months (540,000 rows), as a national programme's dataset might be."""

from __future__ import annotations

import random
from pathlib import Path

AREAS, INDICATORS, MONTHS = 150, 100, 36


def write_monitoring(folder: Path, seed: int = 1) -> tuple[Path, Path]:
    """The model and its actuals CSV in ``folder``: (model path, CSV path)."""
    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    kinds = [("output", None)] * 20 + [("outcome", term) for term in ("short", "medium", "long") * 20] + \
        [("impact", None)] * 20
    lines = ["toc: 1", "title: Regional monitoring benchmark", "nodes:", "  programme:", "    type: activity",
             "    label: The programme",
             "    leads_to: [" + ", ".join(f"n{index:03}" for index in range(20)) + "]"]
    for index, (kind, term) in enumerate(kinds):
        lines += [f"  n{index:03}:", f"    type: {kind}"] + ([f"    term: {term}"] if term else []) + [
            f"    label: Box {index}", "    indicators:",
            f"      - {{id: ind{index:03}, source: returns, frequency: monthly, baseline: {rng.randint(0, 50)},"
            f" target: {rng.randint(51, 100)}}}"]
        if kind == "output":
            lines.append(f"    leads_to: [n{20 + index:03}, n{40 + index:03}]")
        elif kind == "outcome":
            lines.append(f"    leads_to: [n{80 + index % 20:03}]")
    lines += ["monitoring:", "  start: 2023-01", "  end: 2025-12", "  actuals: [actuals.csv]"]
    model = folder / "regional.toc.yaml"
    model.write_text("\n".join(lines) + "\n")
    actuals = folder / "actuals.csv"
    with actuals.open("w", encoding="utf-8") as out:
        out.write("indicator,period,value,area\n")
        for area in range(1, AREAS + 1):
            for indicator in range(INDICATORS):
                level = rng.uniform(0, 60)
                for month in range(MONTHS):
                    level += rng.uniform(-0.5, 2.0)
                    out.write(f"ind{indicator:03},{2023 + month // 12}-{month % 12 + 1:02d},{level:.1f},Area {area:03}\n")
    return model, actuals
