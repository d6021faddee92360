"""Hostile shapes for the growth table (issue 15 item 6): each at a size n and at 10n.

The generators follow tests/test_bounded_work.py (copied: benchmarks do not import
tests). A shape writes its files into a directory and names the `toc` command
that is timed on them; the same size gives the same bytes.

    python benchmarks/shapes.py chain 2000 /tmp/chain   # writes the files, prints the command
"""

from __future__ import annotations

import json
import random
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from generate import generate


@dataclass(frozen=True)
class Shape:
    key: str
    what: str  # the row's name in the report, with {n} for the size
    unit: str  # what n counts
    files: Callable[[int], dict[str, str]]  # size -> {file name: text}
    command: tuple[str, ...]  # `toc` arguments; {dir} is the shape's directory
    sizes: tuple[int, int]  # n and 10n (or 4n where 10n would be too slow)
    quick_sizes: tuple[int, int]
    env: tuple[tuple[str, str], ...] = ()
    note: str = ""


def _chain(length: int) -> str:
    nodes = "".join(f"  c{index}: {{type: activity, label: Step {index}, leads_to: [c{index + 1}]}}\n"
                    for index in range(length - 1))
    return f"toc: 1\nnodes:\n{nodes}  c{length - 1}: {{type: activity, label: Step {length - 1}}}\n"


_WORDS = "parent child conflict family support wellbeing school reduced improved services confidence".split()


def _outcomes(count: int, area: str, seed: int) -> str:
    chooser = random.Random(seed)
    nodes = "".join(f"  {area}{index}: {{type: outcome, term: short, label: "
                    f"{' '.join(chooser.choice(_WORDS) for _ in range(5))}}}\n" for index in range(count))
    return f"toc: 1\narea: {area}\nnodes:\n{nodes}"


def _two_nodes(label: str) -> str:
    return (f"toc: 1\ntitle: T\nnodes:\n  a:\n    type: activity\n    label: {label}\n    leads_to: [b]\n"
            "  b:\n    type: impact\n    label: B\n    indicators: [{id: i, measure: M}]\n")


_CATALOGUE = "measures:\n" + "".join(
    f"  m{index}:\n    name: Measure number {index} with a reasonably long name\n    measures: Something in words\n"
    for index in range(12_000))  # 1.2 MB, under the 4 MB catalogue bound


def _catalogue_named(times: int) -> dict[str, str]:
    names = ", ".join(["big.yaml"] * times)
    return {"big.yaml": _CATALOGUE,
            "m.toc.yaml": f"toc: 1\ncatalogues: [{names}]\nnodes:\n  a: {{type: impact, label: A}}\n"}


def _unknown_fields(count: int) -> str:
    fields = "".join(f"    field_{index:06}_of_many: x\n" for index in range(count))
    return f"toc: 1\nnodes:\n  a:\n    type: activity\n    label: A\n{fields}"


def _tiny_values(count: int) -> str:
    return "toc: 1\nnodes:\n  a:\n    type: activity\n    label: A\n    description:\n" + "      - 1\n" * count


SHAPES = (
    Shape("fmt", "`toc fmt --check` of a generated model", "nodes",
          lambda n: {"m.toc.yaml": generate(n)}, ("fmt", "--check", "{dir}/m.toc.yaml"),
          (1_000, 10_000), (300, 3_000)),
    Shape("outline", "text outline of a chain (`toc render -o x.md`)", "boxes",
          lambda n: {"m.toc.yaml": _chain(n)}, ("render", "{dir}/m.toc.yaml", "-o", "{dir}/out.md"),
          (2_000, 20_000), (2_000, 20_000)),
    Shape("compare", "`toc compare` of two models", "outcomes each",
          lambda n: {"a.toc.yaml": _outcomes(n, "a", 15), "b.toc.yaml": _outcomes(n, "b", 16)},
          ("compare", "{dir}/a.toc.yaml", "{dir}/b.toc.yaml", "-o", "{dir}/out.md"),
          (200, 2_000), (200, 2_000)),
    Shape("label", "a label without spaces drawn as DOT (`toc render -o x.dot`)", "characters",
          lambda n: {"m.toc.yaml": _two_nodes("y" * n)}, ("render", "{dir}/m.toc.yaml", "-o", "{dir}/out.dot"),
          (1_000_000, 10_000_000), (1_000_000, 10_000_000)),
    Shape("catalogue", "a 1.2 MB catalogue named many times (`toc check`)", "times named",
          _catalogue_named, ("check", "--format", "json", "{dir}/m.toc.yaml"),
          (100, 1_000), (100, 1_000),
          note="reading the catalogue once is most of the time at both sizes"),
    Shape("fields", "unknown fields on one box (`toc check`)", "fields",
          lambda n: {"m.toc.yaml": _unknown_fields(n)}, ("check", "--format", "json", "{dir}/m.toc.yaml"),
          (5_000, 50_000), (5_000, 50_000)),
    Shape("tiny", "a file of one-character values, refused before composing (`toc check`)", "values",
          lambda n: {"m.toc.yaml": _tiny_values(n)}, ("check", "--format", "json", "{dir}/m.toc.yaml"),
          (290_000, 2_900_000), (290_000, 2_900_000), env=(("TOC_MAX_NODES", "10000"),),
          note="TOC_MAX_NODES=10000 at both sizes, so that both files are refused (29 MB at 10n)"),
)
WARM_UP_SIZE = {"fmt": 20, "outline": 20, "compare": 20, "label": 20, "catalogue": 1, "fields": 20, "tiny": 20_000}


def write(shape: Shape, size: int, directory: Path, warm_up: Path | None = None) -> Path:
    """Writes the shape's files and command.json (the arguments, the environment and the
    directory of a small copy run first, so that the timed run finds its imports done)."""
    directory.mkdir(parents=True, exist_ok=True)
    for name, text in shape.files(size).items():
        (directory / name).write_text(text, encoding="utf-8")
    arguments = [argument.replace("{dir}", str(directory)) for argument in shape.command]
    warm = None
    if warm_up is not None:
        write(shape, WARM_UP_SIZE[shape.key], warm_up)
        warm = [argument.replace("{dir}", str(warm_up)) for argument in shape.command]
    (directory / "command.json").write_text(json.dumps({"arguments": arguments, "warm_up": warm,
                                                        "env": dict(shape.env)}))
    return directory


if __name__ == "__main__":
    chosen = {shape.key: shape for shape in SHAPES}[sys.argv[1]]
    written = write(chosen, int(sys.argv[2]), Path(sys.argv[3]))
    print("toc " + " ".join(json.loads((written / "command.json").read_text())["arguments"]))
