"""The performance benchmark: `toc check` against the floors, side by side, in one run.

    .venv/bin/pip install -e '.[bench]'
    .venv/bin/python benchmarks/run.py            # full run (several minutes), writes docs/performance.md
    .venv/bin/python benchmarks/run.py --quick    # about a minute, up to 10,000 nodes

Every figure is measured on the same generated files (benchmarks/generate.py),
in fresh worker processes, taking turns (round robin) so that load from other
programs on the machine hits every tool alike; each time is the best of the
rounds. Ratios, not absolute times, are what the targets are about.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))
from generate import generate  # noqa: E402

PYTHON = sys.executable
TOC = [PYTHON, "-m", "toc"]


# ------------------------------------------------------------------ workers
def _operation(name: str):
    """The timed operation of a worker process, with its imports done beforehand."""
    if name == "toc-check":
        import io
        from contextlib import redirect_stdout

        import renderers.findings  # noqa: F401  (imported by `toc check` itself: not timed)
        import toc.checker  # noqa: F401
        import toc.paths  # noqa: F401
        from toc.cli import main

        def run(path):
            with redirect_stdout(io.StringIO()):  # the full command: load, rules, text report
                main(["check", path])
        return run
    if name == "compose":
        import gc

        import yaml

        def run(path):  # toc's own parser call, given the same advantage (collector paused)
            gc.disable()
            try:
                with open(path, "rb") as stream:
                    yaml.compose(stream.read().decode("utf-8"), Loader=yaml.CSafeLoader)
            finally:
                gc.enable()
        return run
    if name == "ruamel":
        from ruamel.yaml import YAML

        def run(path):
            with open(path, encoding="utf-8") as stream:
                YAML(typ="rt").load(stream.read())
        return run
    if name == "json":
        def run(path):
            with open(path.replace(".toc.yaml", ".json"), encoding="utf-8") as stream:
                json.loads(stream.read())
        return run
    if name == "yamllint":
        from yamllint import linter
        from yamllint.config import YamlLintConfig

        config = YamlLintConfig("extends: default")

        def run(path):
            with open(path, encoding="utf-8") as stream:
                list(linter.run(stream.read(), config, path))
        return run
    raise SystemExit(f"unknown operation {name}")


def phases(path: str) -> None:
    """Where `toc check`'s time goes: compose, the typed builder, the rules, the report."""
    import gc

    import yaml

    from renderers.findings import FORMATS
    from toc.checker import Selection, _report
    from toc.loading import load_text

    gc.disable()
    clock = time.process_time
    text = Path(path).read_bytes().decode("utf-8")
    yaml.compose(text, Loader=yaml.CSafeLoader)  # warms the allocator so both timings below are warm
    start = clock()
    yaml.compose(text, Loader=yaml.CSafeLoader)
    composed = clock()
    result = load_text(text, path)  # composes again, then builds
    loaded = clock()
    report = _report(result, Selection())
    checked = clock()
    FORMATS["text"]([report], colour=False, hints=True)
    done = clock()
    print(json.dumps({"compose": composed - start, "builder": (loaded - composed) - (composed - start),
                      "rules": checked - loaded, "report": done - checked}))


def worker(name: str, path: str) -> None:
    if name == "phases":
        return phases(path)
    run = _operation(name)
    # CPU time, not wall time: on a machine shared with other work it is what the
    # tool itself costs, and it is the same for every tool measured.
    start = time.process_time()
    run(path)
    elapsed = time.process_time() - start
    print(json.dumps({"seconds": elapsed, "peak_kb": _peak_kb()}))


def _peak_kb() -> int:
    # VmHWM starts afresh at exec; ru_maxrss would carry over the parent's peak.
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def measure(name: str, path: Path) -> dict:
    output = subprocess.run([PYTHON, __file__, "--worker", name, str(path)], capture_output=True, text=True,
                            check=True, env={**os.environ, "TOC_MAX_FILE_MB": "64"}).stdout
    return json.loads(output)


def wall(command: list[str], **kwargs) -> float:
    """CPU seconds (user + system) the command and its children used."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False, **kwargs)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


# ------------------------------------------------------------------ the run
def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="sizes up to 10,000 nodes, fewer rounds")
    parser.add_argument("--rounds", type=int, help="rounds of each measurement (best is kept)")
    parser.add_argument("--output", default=str(ROOT / "docs" / "performance.md"))
    parser.add_argument("--worker", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        return worker(*args.worker)

    sizes = (1_000, 5_000, 10_000) if args.quick else (1_000, 5_000, 10_000, 20_000, 50_000)
    rounds = args.rounds or (2 if args.quick else 3)
    work = Path(tempfile.mkdtemp(prefix="toc-bench-"))
    try:
        results = run_all(work, sizes, rounds, args.quick)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    Path(args.output).write_text(report(results, sizes, rounds, args.quick))
    print(f"wrote {args.output}")


def run_all(work: Path, sizes, rounds: int, quick: bool) -> dict:
    import yaml

    files = {}
    for size in sizes + (150,):
        path = work / f"m{size}.toc.yaml"
        text = generate(size)
        path.write_text(text)
        (work / f"m{size}.json").write_text(json.dumps(yaml.safe_load(text)))
        files[size] = path
        print(f"generated {size} nodes: {len(text) / 1e6:.1f} MB", file=sys.stderr)

    # Speed: every tool on every file, round robin; the comparison tools up to 10,000 nodes.
    times: dict[tuple[str, int], list[float]] = {}
    peaks: dict[tuple[str, int], int] = {}
    for round_number in range(rounds):
        for size in sizes:
            tools = ["toc-check", "compose", "json"] + (["ruamel", "yamllint"] if size <= 10_000 else [])
            for tool in tools:
                result = measure(tool, files[size])
                times.setdefault((tool, size), []).append(result["seconds"])
                if round_number == 0:
                    peaks[(tool, size)] = result["peak_kb"]
        print(f"round {round_number + 1}/{rounds} done", file=sys.stderr)

    breakdown = [measure("phases", files[10_000 if 10_000 in sizes else max(sizes)]) for _ in range(rounds)]
    breakdown = {key: min(b[key] for b in breakdown) for key in breakdown[0]}

    # Cold start of a typical 150-node model, and drawing it.
    cold = {"toc check": [], "python -c pass": [], "import yaml, networkx": []}
    draw = {"toc render -o x.svg": [], "dot -Tsvg": []}
    dot_file, svg_file = work / "m150.dot", work / "m150.svg"
    subprocess.run(TOC + ["render", str(files[150]), "-o", str(dot_file)], check=True)
    for _ in range(5 if quick else 10):
        cold["toc check"].append(wall(TOC + ["check", str(files[150])]))
        cold["python -c pass"].append(wall([PYTHON, "-c", "pass"]))
        cold["import yaml, networkx"].append(wall([PYTHON, "-c", "import yaml, networkx"]))
        if shutil.which("dot"):
            draw["toc render -o x.svg"].append(wall(TOC + ["render", str(files[150]), "-o", str(svg_file)]))
            draw["dot -Tsvg"].append(wall(["dot", "-Tsvg", str(dot_file), "-o", str(svg_file)]))
    compare_available = subprocess.run(TOC + ["compare", "--help"], capture_output=True).returncode == 0
    compare = {}
    if compare_available:
        # 150 area models of 150 nodes each (different seeds), as a national programme would have.
        areas = work / "areas"
        areas.mkdir(exist_ok=True)
        for number in range(1, 151):
            text = generate(150, seed=number).replace("toc: 1\n", f"toc: 1\narea: Area {number}\n", 1)
            (areas / f"area{number:03}.toc.yaml").write_text(text)
        compare = {"toc compare (150 models)": [], "toc check (same 150 models)": []}
        for _ in range(2 if quick else 3):
            compare["toc compare (150 models)"].append(
                wall(TOC + ["compare", str(areas), "-o", str(work / "compare.csv")]))
            compare["toc check (same 150 models)"].append(wall(TOC + ["check", str(areas)]))
    return {
        "best": {key: min(values) for key, values in times.items()},
        "phases": breakdown,
        "peaks": peaks,
        "cold": {key: statistics.median(values) for key, values in cold.items()},
        "draw": {key: statistics.median(values) for key, values in draw.items() if values},
        "compare_available": compare_available,
        "compare": {key: min(values) for key, values in compare.items() if values},
        "sizes_mb": {size: files[size].stat().st_size / 1e6 for size in files},
    }


# ------------------------------------------------------------------ report
def _versions() -> list[str]:
    import networkx
    import ruamel.yaml
    import yaml

    lines = [f"- Python {platform.python_version()} ({platform.python_implementation()})",
             f"- PyYAML {yaml.__version__}, libyaml {'yes' if yaml.__with_libyaml__ else 'no'}",
             f"- ruamel.yaml {ruamel.yaml.__version__}", f"- networkx {networkx.__version__}"]
    try:
        import yamllint
        lines.append(f"- yamllint {yamllint.__version__}")
    except ImportError:
        lines.append("- yamllint not installed")
    if shutil.which("dot"):
        version = subprocess.run(["dot", "-V"], capture_output=True, text=True).stderr.strip()
        lines.append(f"- {version}")
    return lines


def _machine() -> str:
    model = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return f"{platform.system()} {platform.machine()}, {model}, {os.cpu_count()} logical CPUs (shared with other work)"


def _verdict(met: bool) -> str:
    return "met" if met else "**missed**"


def report(results: dict, sizes, rounds: int, quick: bool) -> str:
    best, peaks, cold, draw = results["best"], results["peaks"], results["cold"], results["draw"]
    reference = 10_000 if 10_000 in sizes else max(sizes)
    check = best[("toc-check", reference)]
    compose = best[("compose", reference)]
    low, high = (5_000, max(sizes))
    growth = best[("toc-check", high)] / best[("toc-check", low)]
    allowed_growth = 1.1 * high / low
    memory_ratio = peaks[("toc-check", high)] / peaks[("compose", high)]
    cold_ratio = cold["toc check"] / cold["import yaml, networkx"]
    lines = [
        "# Performance",
        "",
        "Measured by `benchmarks/run.py`" + (" --quick" if quick else "") + " on generated models"
        " (`benchmarks/generate.py`: needs, inputs, activities, outputs, three outcome terms, impacts,"
        " indicators, assumptions, link rationales). Each time is the best of"
        f" {rounds} rounds taken in turn, in fresh processes, on the same files. Times are CPU seconds"
        " (user + system) of the process, so other load on a shared machine does not skew the ratios;"
        " imports are not timed except in the cold-start rows. Regenerate with:",
        "",
        "```sh",
        ".venv/bin/pip install -e '.[bench]'",
        ".venv/bin/python benchmarks/run.py          # or --quick",
        "```",
        "",
        f"## Targets ({reference:,} nodes unless stated)",
        "",
        "| target | measured | verdict |",
        "|---|---|---|",
        f"| `toc check` within 1.5x of libyaml compose with marks | {check / compose:.2f}x | {_verdict(check / compose <= 1.5)} |",
    ]
    if ("ruamel", reference) in best:
        ruamel = best[("ruamel", reference)]
        lines.append(f"| at least 5x faster than ruamel.yaml round-trip load | {ruamel / check:.1f}x faster |"
                     f" {_verdict(ruamel / check >= 5)} |")
    if ("yamllint", reference) in best:
        yamllint = best[("yamllint", reference)]
        lines.append(f"| faster than yamllint (default rules) | {yamllint / check:.1f}x faster | {_verdict(yamllint > check)} |")
    lines += [
        f"| time from {low:,} to {high:,} nodes grows at most {allowed_growth:.1f}x | {growth:.1f}x |"
        f" {_verdict(growth <= allowed_growth)} |",
        f"| peak memory at {high:,} nodes at most 2x the parse's own | {memory_ratio:.2f}x | {_verdict(memory_ratio <= 2)} |",
        f"| cold `toc check` (150 nodes) within 1.3x of importing its dependencies | {cold_ratio:.2f}x |"
        f" {_verdict(cold_ratio <= 1.3)} |",
    ]
    if draw:
        render_ratio = draw["toc render -o x.svg"] / draw["dot -Tsvg"]
        lines.append(f"| `toc render -o x.svg` within 1.1x of `dot -Tsvg` on its DOT | {render_ratio:.2f}x |"
                     f" {_verdict(render_ratio <= 1.1)} |")
    compare = results.get("compare") or {}
    if compare:
        ratio = compare["toc compare (150 models)"] / compare["toc check (same 150 models)"]
        lines.append(f"| `toc compare` over 150 area models (no target: against `toc check` of the same files) | "
                     f"{compare['toc compare (150 models)']:.2f} s, {ratio:.2f}x check | - |")
    else:
        lines.append("| `toc compare` over 150 area models | not available | - |")
    phases_row = results["phases"]
    lines += ["", f"## Where `toc check` spends its time ({reference:,} nodes, CPU seconds, warm allocator)", "",
              "| compose (libyaml) | typed builder | rules | text report |", "|---:|---:|---:|---:|",
              "| " + " | ".join(f"{phases_row[key]:.3f}" for key in ("compose", "builder", "rules", "report")) + " |",
              "", ANALYSIS]
    lines += ["", "## Speed (CPU seconds, best of rounds)", "",
              "| nodes | MB | toc check | libyaml compose | json.loads | ruamel.yaml rt | yamllint | check / compose |",
              "|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for size in sizes:
        row = [f"{size:,}", f"{results['sizes_mb'][size]:.1f}"]
        for tool in ("toc-check", "compose", "json", "ruamel", "yamllint"):
            row.append(f"{best[(tool, size)]:.3f}" if (tool, size) in best else "-")
        row.append(f"{best[('toc-check', size)] / best[('compose', size)]:.2f}x")
        lines.append("| " + " | ".join(row) + " |")
    lines += ["", "## Peak memory (MB, whole process: interpreter, imports and the work)", "",
              "| nodes | toc check | libyaml compose | json.loads | check / compose |", "|---:|---:|---:|---:|---:|"]
    for size in sizes:
        check_mb, compose_mb = peaks[("toc-check", size)] / 1024, peaks[("compose", size)] / 1024
        lines.append(f"| {size:,} | {check_mb:.0f} | {compose_mb:.0f} | {peaks[('json', size)] / 1024:.0f} |"
                     f" {check_mb / compose_mb:.2f}x |")
    lines += ["", "## Start-up and drawing (CPU seconds of the whole command, median)", "",
              "| command | seconds |", "|---|---:|"]
    lines += [f"| `{name}` | {seconds:.3f} |" for name, seconds in {**cold, **draw}.items()]
    lines += ["", "## Machine and versions", "", f"- {_machine()}", *_versions(), ""]
    return "\n".join(lines) + "\n"


ANALYSIS = """\
What bounds the figures that miss their targets:

- **check vs compose (target 1.5x).** libyaml composes in C; everything after
  it is Python. The typed builder touches every YAML node once (its tag, value
  and mark, and a `Location` for every value so that any finding can point at
  it) and the rules walk the graph in networkx; both are in the table above, and
  on top of them a cold run pays for allocating the model next to the YAML tree
  (the peak-memory table: about 1.3x the parse's). Profiles (pyinstrument,
  cProfile) show no single hot spot left: the cost is spread over the per-node
  reads (`_pairs`, `_fields`, `_loc`, `_text`), networkx's graph building and
  strongly-connected components, and creating one `Finding` per finding (the
  generated models have about one info finding per node). Reaching 1.5x would
  need the builder's per-node work in C (a compiled builder, or locations
  created lazily from the marks), a change to the shared builder and model that
  other work is extending in parallel; it is left for after the merge. Gains
  made so far (from 2.8x): the cyclic garbage collector is paused for the whole
  check and what was allocated meanwhile is moved to the oldest generation
  unscanned; the causal graph is the graph itself when no link is feedback; the
  graph is built in bulk; stages are computed once per link; the builder makes
  `Location`s without the frozen dataclass's `__setattr__` and caches field names.
- **render vs dot (target 1.1x).** `toc render -o x.svg` is a Python process
  that starts the interpreter, imports PyYAML and networkx, loads and checks the
  model, writes DOT and then runs the same `dot` it is compared with. The
  interpreter and imports alone cost several times what `dot` needs for a
  150-node drawing (see the start-up table), so the ratio is bounded below by
  (start-up + dot) / dot, whatever toc does.
- **cold start (target 1.3x).** `toc check` on 150 nodes costs its dependencies'
  import (PyYAML and networkx, most of it networkx) plus toc's own modules (the
  27 rule modules, the format tables and dataclasses, argparse) plus the check
  itself; toc's share is roughly 0.05 s of imports and 0.04 s of work, so the
  figure sits near 1.3x and varies by a few hundredths between runs.
- **scaling (target: at most 1.1x the node ratio).** The time per node grows a
  little with size because the model and the YAML tree no longer fit in the
  CPU caches (compose itself shows part of the same growth); on a machine
  shared with other work, single big runs also vary by 10% or so.
"""


if __name__ == "__main__":
    main()
