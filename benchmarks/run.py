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

        import toc.renderers.findings  # noqa: F401  (imported by `toc check` itself: not timed)
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

        def run(path):  # PyYAML's own C compose, given toc's advantage (collector paused)
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
    """Where `toc check`'s time goes, step by step, next to two references on the same file:
    PyYAML's own C compose (the baseline) and a bare Python walk over the composed values."""
    import gc

    import yaml

    from toc.renderers.findings import FORMATS
    from toc.checker import Selection, check_model, configure
    from toc.findings import REPORT_ORDER
    from toc.limits import Limits
    from toc.loading.build import ModelBuilder
    from toc.loading.parse import _Loader
    from toc.rules import RULES

    gc.disable()
    clock = time.process_time
    text = Path(path).read_bytes().decode("utf-8")
    yaml.compose(text, Loader=yaml.CSafeLoader)  # warms the allocator so that every timing below is warm
    times = {}
    start = clock()
    yaml.compose(text, Loader=yaml.CSafeLoader)
    times["stock compose"] = clock() - start
    start = clock()
    yaml.compose(text, Loader=_Loader)  # timed as the stock one is: the tree is dropped, so freeing is in both
    times["toc compose"] = clock() - start
    root = yaml.compose(text, Loader=_Loader)  # kept, for the steps that follow
    start = clock()
    _bare_walk(root)
    times["bare walk"] = clock() - start
    start = clock()
    builder = ModelBuilder(path, Limits(), RULES.keys())
    builder.aliases_possible = "*" in text
    model = builder.build(root)
    times["builder"] = clock() - start
    start = clock()
    del root
    times["free tree"] = clock() - start
    start = clock()
    findings = configure(builder.findings + check_model(model, Selection()), model, Selection())
    findings.sort(key=REPORT_ORDER)
    times["rules"] = clock() - start
    times["findings"] = len(findings)
    from toc.checker import FileReport

    start = clock()
    with open(os.devnull, "w") as sink:
        sink.write(FORMATS["text"]([FileReport(path, model, findings)], colour=False, hints=True))
    times["report"] = clock() - start
    # A graph walk by networkx itself (its search for connected pieces) over the model's graph:
    # how a walk in graph order, rather than file order, grows with the size of the model.
    import networkx

    from toc.graph import build_graph

    from toc.rules.context import CheckContext

    stages = CheckContext(model).stages
    start = clock()
    graph = build_graph(model, stages)  # (part of the rules above: shown on its own as a reference)
    times["graph build"] = clock() - start
    start = clock()
    list(networkx.weakly_connected_components(graph))
    times["graph walk"] = clock() - start
    print(json.dumps(times))


def _bare_walk(root) -> int:
    """A reference for the least a typed, located model costs in Python: visit every composed
    value once, make one location per value and one dictionary per mapping, check nothing."""
    import yaml

    scalar, mapping = yaml.ScalarNode, yaml.MappingNode
    visited, pending = 0, [root]
    while pending:
        node = pending.pop()
        if node.__class__ is scalar:
            mark = node.start_mark
            ("model", mark.line + 1, mark.column + 1)
            visited += 1
        elif node.__class__ is mapping:
            fields = {}
            for key, value in node.value:
                fields[key.value] = value
                pending.append(value)
        else:
            pending.extend(node.value)
    return visited


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


def _compile_bytecode() -> None:
    import compileall
    import importlib.util

    for package in ("toc", "renderers"):
        spec = importlib.util.find_spec(package)
        for directory in spec.submodule_search_locations or ():
            compileall.compile_dir(directory, quiet=1)


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
    parser.add_argument("--save-results", metavar="FILE", help="also write the raw figures to FILE (JSON)")
    parser.add_argument("--from-results", metavar="FILE",
                        help="write the report from figures saved by --save-results, measuring nothing")
    parser.add_argument("--worker", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        return worker(*args.worker)

    if args.from_results:
        saved = json.loads(Path(args.from_results).read_text())
        results, sizes, rounds, quick = _decoded(saved["results"]), tuple(saved["sizes"]), saved["rounds"], saved["quick"]
    else:
        quick = args.quick
        sizes = (1_000, 5_000, 10_000) if quick else (1_000, 5_000, 10_000, 20_000, 50_000)
        rounds = args.rounds or (2 if quick else 5)
        work = Path(tempfile.mkdtemp(prefix="toc-bench-"))
        try:
            results = run_all(work, sizes, rounds, quick)
        finally:
            shutil.rmtree(work, ignore_errors=True)
        # Kept with the figures, so that a report rewritten from them names where they were measured.
        results["machine"], results["versions"] = _machine(), _versions()
        if args.save_results:
            saved = {"results": _encoded(results), "sizes": sizes, "rounds": rounds, "quick": quick}
            Path(args.save_results).write_text(json.dumps(saved, indent=1))
    Path(args.output).write_text(report(results, sizes, rounds, quick))
    print(f"wrote {args.output}")


def _encoded(results: dict) -> dict:
    """The results as JSON: (tool, size) keys become "tool|size", size keys become text."""
    plain = dict(results)
    for name in ("best", "peaks"):
        plain[name] = {f"{tool}|{size}": value for (tool, size), value in results[name].items()}
    for name in ("phases", "draw", "sizes_mb"):
        plain[name] = {str(size): value for size, value in results[name].items()}
    return plain


def _decoded(plain: dict) -> dict:
    results = dict(plain)
    for name in ("best", "peaks"):
        results[name] = {(key.split("|")[0], int(key.split("|")[1])): value for key, value in plain[name].items()}
    for name in ("phases", "draw", "sizes_mb"):
        results[name] = {int(size): value for size, value in plain[name].items()}
    return results


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
            # ruamel.yaml and yamllint take 20 s a file at 10,000 nodes and are far from their targets.
            slow = ["ruamel", "yamllint"] if size <= 10_000 and round_number < 3 else []
            tools = ["toc-check", "compose", "json"] + slow
            for tool in tools:
                result = measure(tool, files[size])
                times.setdefault((tool, size), []).append(result["seconds"])
                if round_number == 0:
                    peaks[(tool, size)] = result["peak_kb"]
        print(f"round {round_number + 1}/{rounds} done", file=sys.stderr)

    # Each phase at the reference size, and at the smallest and largest sizes of the scaling target.
    phase_sizes = sorted({10_000 if 10_000 in sizes else max(sizes), 5_000, max(sizes)} & set(sizes))
    breakdowns = {}
    for size in phase_sizes:
        runs = [measure("phases", files[size]) for _ in range(min(rounds, 3))]
        breakdowns[size] = {key: min(run[key] for run in runs) for key in runs[0]}

    # Cold start of a typical 150-node model. A pip install byte-compiles toc's modules; an
    # editable install compiles them on first use unless PYTHONDONTWRITEBYTECODE is set (as on
    # some CI machines), when every run would compile ~70 modules again. Compile them first,
    # so that what is measured is what an installed toc costs.
    _compile_bytecode()
    cold = {"toc check": [], "python -c pass": [], "import yaml, networkx": []}
    for _ in range(5 if quick else 10):
        cold["toc check"].append(wall(TOC + ["check", str(files[150])]))
        cold["python -c pass"].append(wall([PYTHON, "-c", "pass"]))
        cold["import yaml, networkx"].append(wall([PYTHON, "-c", "import yaml, networkx"]))
    # Drawing: `toc render -o x.svg` against `dot -Tsvg` on the DOT toc writes, at three sizes,
    # next to `toc check` of the same model (render reads and checks the model before drawing).
    draw: dict[int, dict[str, list[float]]] = {}
    if shutil.which("dot"):
        for size in (150, 1_000) if quick else (150, 1_000, 3_000):
            if size not in files:
                files[size] = work / f"m{size}.toc.yaml"
                files[size].write_text(generate(size))
            dot_file, svg_file = work / f"m{size}.dot", work / f"m{size}.svg"
            subprocess.run(TOC + ["render", str(files[size]), "-o", str(dot_file)], check=True)
            draw[size] = {"toc render -o x.svg": [], "dot -Tsvg": [], "toc check": []}
            for _ in range(3 if quick else 5):
                draw[size]["toc render -o x.svg"].append(wall(TOC + ["render", str(files[size]), "-o", str(svg_file)]))
                draw[size]["dot -Tsvg"].append(wall(["dot", "-Tsvg", str(dot_file), "-o", str(svg_file)]))
                draw[size]["toc check"].append(wall(TOC + ["check", str(files[size])]))
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
        "phases": breakdowns,
        "peaks": peaks,
        # Best of the runs, as everywhere else: other work on the machine only ever adds time.
        "cold": {key: min(values) for key, values in cold.items()},
        "draw": {size: {key: min(values) for key, values in tools.items()} for size, tools in draw.items()},
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
    for size, tools in draw.items():
        render_ratio = tools["toc render -o x.svg"] / tools["dot -Tsvg"]
        lines.append(f"| `toc render -o x.svg` ({size:,} nodes) within 1.1x of `dot -Tsvg` on its DOT |"
                     f" {render_ratio:.2f}x | {_verdict(render_ratio <= 1.1)} |")
    compare = results.get("compare") or {}
    if compare:
        ratio = compare["toc compare (150 models)"] / compare["toc check (same 150 models)"]
        lines.append(f"| `toc compare` over 150 area models (no target: against `toc check` of the same files) | "
                     f"{compare['toc compare (150 models)']:.2f} s, {ratio:.2f}x check | - |")
    else:
        lines.append("| `toc compare` over 150 area models | not available | - |")
    lines += ["", "## Where `toc check` spends its time (CPU seconds, warm allocator, best of rounds)", "",
              "| nodes | " + " | ".join(PHASES) + " |", "|---:|" + "---:|" * len(PHASES)]
    for size, phases_row in sorted(results["phases"].items()):
        lines.append(f"| {size:,} | " + " | ".join(
            f"{phases_row[key]:.3f}" if key in phases_row else "-" for key in PHASES) + " |")
    lines += ["", "Both composes are timed alike: the tree is dropped at once, so freeing it is included. The"
              " builder frees each node's part of the tree as soon as it has read it (in a file without"
              " aliases), so most of that freeing is inside *builder*; *free tree* is what is left to free"
              " after building. *graph build* is the networkx graph the graph rules read, already counted"
              " in *rules* and shown on its own. *bare walk* and *graph walk* are references, not parts of"
              " `toc check`: see below.", "", analysis(results, reference)]
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
    lines += ["", "## Start-up (CPU seconds of the whole command, best of runs; 150 nodes)", "",
              "| command | seconds |", "|---|---:|"]
    lines += [f"| `{name}` | {seconds:.3f} |" for name, seconds in cold.items()]
    if draw:
        lines += ["", "## Drawing (CPU seconds of the whole command, best of runs)", "",
                  "| nodes | `toc render -o x.svg` | `dot -Tsvg` | render / dot | `toc check` | (check + dot) / dot |",
                  "|---:|---:|---:|---:|---:|---:|"]
        for size, tools in draw.items():
            render, dot, checking = tools["toc render -o x.svg"], tools["dot -Tsvg"], tools["toc check"]
            lines.append(f"| {size:,} | {render:.3f} | {dot:.3f} | {render / dot:.2f}x | {checking:.3f} |"
                         f" {(checking + dot) / dot:.2f}x |")
    machine = results.get("machine") or _machine()
    versions = results.get("versions") or _versions()
    lines += ["", "## Machine and versions", "", f"- {machine}", *versions, ""]
    return "\n".join(lines) + "\n"


PHASES = ("stock compose", "toc compose", "bare walk", "builder", "free tree", "rules", "report", "graph build",
          "graph walk")
# (free tree: dropping what is left of the composed tree after building; the compose timings include
# freeing the whole tree, and the builder frees each node's part as it reads it)


def analysis(results: dict, reference: int) -> str:
    """What bounds each figure, in words, from the figures of this run (what was observed while
    profiling, not measured by this script, is said to be so)."""
    best, cold, draw = results["best"], results["cold"], results["draw"]
    by_size = results["phases"]
    phases = by_size[reference]
    stock = phases["stock compose"]
    check, compose = best[("toc-check", reference)], best[("compose", reference)]
    after_compose = phases["builder"] + phases["rules"] + phases["report"]
    needed = max(1.5 * compose - (check - after_compose), 0)
    floor = phases["toc compose"] + phases["bare walk"]
    sizes = sorted(size for tool, size in best if tool == "toc-check")
    low, high = 5_000, sizes[-1]
    lines = ["How to read this, and what bounds each figure:", ""]
    graph_build = phases.get("graph build")
    graph_text = (f" The networkx graph that the graph rules read costs {graph_build:.3f} s of the rules"
                  " (*graph build*)." if graph_build is not None else "")
    common = (
        " The baseline is PyYAML's C compose with marks: libyaml's own parsing is a small part of it (about"
        " a ninth, timed while tuning), and most of its time goes to the Python objects PyYAML makes for every value (a node, two marks, its"
        " text) and to its calls back into Python to resolve each value's tag. toc composes with the same"
        " C parser and a lighter resolver that gives exactly the same tags, so its own compose, timed the"
        f" same way, costs {phases['toc compose'] / stock:.2f}x the baseline's. Then come the typed builder"
        f" ({phases['builder']:.3f} s, which frees each node's part of the tree as it reads it, while it is"
        " still in the CPU's cache), the rules with the configuration and sorting of their"
        f" {phases['findings']:,} findings ({phases['rules']:.3f} s) and the report"
        f" ({phases['report']:.3f} s).{graph_text} For reference, a *bare walk* that visits every composed"
        " value once, makes one location per value and one dictionary per mapping, and checks nothing,"
        f" takes {phases['bare walk']:.3f} s: toc's compose plus that walk is {floor / stock:.2f}x the"
        " baseline.")
    if check / compose > 1.5:
        lines.append(
            f"- **check vs compose (target 1.5x; {check / compose:.2f}x).**" + common
            + f" For 1.5x, builder, rules and report together would have to fall from {after_compose:.2f} s"
            f" to about {needed:.2f} s ({1 - needed / after_compose:.0%} less). What remains is Python's cost"
            " per value and per link, spread (in profiles taken while tuning with cProfile and pyinstrument,"
            " not part of this script) over the record readers, the networkx graph and the rules that make"
            " a finding per node, with no single function left that would give that much. Ideas measured"
            " while tuning that gave little or nothing: locations made lazily from the marks, union-find"
            " instead of networkx for the pieces, builtin no-ops for the resolver's path tracking (nothing"
            " each), and reading text fields in the same pass as the keys (2-6% of the builder, not kept for"
            " the second path it needs). Even a tag resolver that did no"
            " work at all (and so gave wrong tags) would save only about 0.06 s. Closing the gap for certain"
            " would need either the per-value work out of Python (a compiled builder; toc is pure Python so that"
            " it installs wherever Python does, with no compiler) or the graph rules on plain dictionaries instead of"
            " networkx, which the design names for them.")
    else:
        lines.append(f"- **check vs compose (target 1.5x; {check / compose:.2f}x, met).**" + common
                     + " The margin is small, and on a machine shared with other work the ratio moves by"
                     " several hundredths between runs.")
    if ("toc-check", low) in best and high > low:
        growth = best[("toc-check", high)] / best[("toc-check", low)]
        compose_growth = best[("compose", high)] / best[("compose", low)]
        text = (f"- **scaling (target: at most 1.1x the node ratio; {growth:.1f}x).** From {low:,} to {high:,}"
                f" nodes `toc check` grows {growth:.1f}x and PyYAML's compose alone {compose_growth:.1f}x.")
        if low in by_size and high in by_size:
            grew = {key: by_size[high][key] / by_size[low][key] for key in PHASES
                    if by_size[low].get(key) and key in by_size[high]}
            text += (f" Phase by phase (the table above): toc's compose grows {grew['toc compose']:.1f}x, the"
                     f" builder {grew['builder']:.1f}x, the rules {grew['rules']:.1f}x, and networkx's own search"
                     f" for connected pieces over the model's graph {grew['graph walk']:.1f}x. Composing and"
                     " building read the file in order and allocate in order; the rules, like networkx's"
                     " search, follow links from node to node, and each step costs more in a bigger graph."
                     " The work itself is linear: counting instructions instead of time (valgrind's"
                     " callgrind, run while tuning, not by this script), the rules execute 9.8x as many"
                     " instructions at 50,000 nodes as at 5,000. The likely reason for the extra time is that"
                     " a model of that size no longer fits in the CPU's caches, so following a link waits"
                     " for memory; networkx's own search shows the same on the same graphs. No rule does"
                     " more than a constant number of steps per node and link, apart from sorting the"
                     " findings: the collector is paused, loops are searched for only when some link does"
                     " not go to a later stage, and pieces are found once.")
            if "rules" in grew:
                nodes_ratio = high / low
                linear = (best[("toc-check", high)] - by_size[high]["rules"]
                          + by_size[low]["rules"] * nodes_ratio) / best[("toc-check", low)]
                text += (f" Had the rules grown in proportion to the model, `toc check` would have grown"
                         f" {linear:.1f}x; the rest of the growth is theirs.")
        lines.append(text + " On a machine shared with other work this figure also moves by several tenths"
                     " between runs.")
    cold_ratio = cold["toc check"] / cold["import yaml, networkx"]
    lines.append(
        f"- **cold start (target 1.3x; {cold_ratio:.2f}x).** `toc check` on 150 nodes costs its dependencies'"
        " import (PyYAML and networkx) plus toc's own modules (only the command being run is imported;"
        " the catalogues are read only when a model names a method) plus the check itself:"
        f" {cold['toc check'] - cold['import yaml, networkx']:.3f} s on top of the imports. This is"
        " measured with toc's bytecode compiled, as a pip install leaves it. An editable install run"
        " with PYTHONDONTWRITEBYTECODE set compiles toc's modules on every run (about 0.05 s more,"
        " seen while tuning).")
    if draw:
        smallest, largest = min(draw), max(draw)

        def least(size: int) -> float:
            return (draw[size]["toc check"] + draw[size]["dot -Tsvg"]) / draw[size]["dot -Tsvg"]

        start_up = cold["import yaml, networkx"]
        small_dot, large_dot = draw[smallest]["dot -Tsvg"], draw[largest]["dot -Tsvg"]
        bounded = all(start_up > 0.1 * draw[size]["dot -Tsvg"] for size in draw)
        text = (
            "- **render vs dot (target 1.1x).** `toc render -o x.svg` reads and checks the model (the"
            " diagram marks findings), writes DOT, then runs the same `dot` it is compared with. Its cost"
            " is therefore at least `toc check` + `dot`, the last column of the drawing table:"
            f" {least(smallest):.1f}x at {smallest:,} nodes and {least(largest):.1f}x at {largest:,}. 1.1x"
            " leaves toc a tenth of `dot`'s time for all of its own work. Python's start-up with the imports"
            f" of PyYAML and networkx alone takes {start_up:.3f} s (the cold-start measurement):"
            f" {start_up / small_dot:.1f}x `dot`'s whole drawing at {smallest:,} nodes, and"
            f" {start_up / large_dot:.0%} of it at {largest:,} nodes, where a tenth is {0.1 * large_dot:.3f} s.")
        if bounded:
            text += (" So at every size measured, no Python program that reads the model with PyYAML and"
                     " checks it with networkx, as toc does, can come within 1.1x of `dot`, before it has"
                     " read a byte of the model.")
        text += (" Bigger models narrow the gap, because `dot`'s layout grows faster than the model"
                 f" ({large_dot / small_dot:.0f}x from {smallest:,} to {largest:,} nodes, against"
                 f" {draw[largest]['toc check'] / draw[smallest]['toc check']:.1f}x for `toc check`).")
        lines.append(text)
    return "\n".join(lines)


if __name__ == "__main__":
    main()
