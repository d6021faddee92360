"""The performance benchmark: `toc check` against the floors, side by side, in one run.

    .venv/bin/pip install -c constraints.txt -e '.[bench]'
    .venv/bin/python benchmarks/run.py            # full run (about 15 minutes), writes docs/performance.md
    .venv/bin/python benchmarks/run.py --quick    # about two minutes, up to 10,000 nodes
    .venv/bin/python benchmarks/run.py --from-results docs/performance-figures.json --only monitor
                                                  # measure one row again, into the saved figures

Every figure is measured on the same generated files (benchmarks/generate.py),
in fresh worker processes, taking turns (round robin) so that load from other
programs on the machine hits every tool alike; each time is the best of the
rounds. Ratios, not absolute times, are what the targets are about.
"""

from __future__ import annotations

import argparse
import json
import math
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
from shapes import SHAPES, write as write_shape  # noqa: E402
from monitoring_data import AREAS, INDICATORS, MONTHS, write_monitoring  # noqa: E402

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
    # Each rule on its own, on a context whose shared parts (the graph, the stages) are built already:
    # which rules the time of *rules* goes to.
    from toc.rules.context import CheckContext

    context = CheckContext(model)
    for rule in RULES.values():
        if rule.check is not None:
            start = clock()
            list(rule.check(context))
            times[f"rule {rule.code}"] = clock() - start
    from toc.checker import FileReport

    start = clock()
    with open(os.devnull, "w") as sink:
        sink.write(FORMATS["text"]([FileReport(path, model, findings)], colour=False, hints=True))
    times["report"] = clock() - start
    # A graph walk by networkx itself (its search for connected pieces) over the model's graph:
    # how a walk in graph order, rather than file order, grows with the size of the model.
    import networkx

    from toc.graph import build_graph

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


def shape_worker(directory: str) -> None:
    """One hostile shape's `toc` command, timed in this process after the same command has run on
    a small copy (so that the imports it makes on first use are not timed); its output goes nowhere."""
    command = json.loads((Path(directory) / "command.json").read_text())
    os.environ.update(command["env"])
    from toc.cli import main

    saved = os.dup(1)
    sink = os.open(os.devnull, os.O_WRONLY)
    os.dup2(sink, 1)
    try:
        if command["warm_up"]:
            main(command["warm_up"])
        sys.stdout.flush()
        start, started = time.process_time(), time.perf_counter()
        status = main(command["arguments"])
        sys.stdout.flush()
        elapsed, wall_seconds = time.process_time() - start, time.perf_counter() - started
    finally:
        os.dup2(saved, 1)
    print(json.dumps({"seconds": elapsed, "wall": wall_seconds, "status": status, "peak_kb": _peak_kb()}))


def edit_worker(path: str) -> None:
    """Edits from the `toc serve --edit` page on a 150-node model, each timed from the request to the
    redrawn page being published (file written, checked, laid out by `dot`): wall seconds, since
    what matters is how long the room waits, `dot` included. The server is warm, as in a workshop."""
    from toc.checker import check_file
    from toc.editing import content_hash
    from toc.serving import EditSession, LivePage

    page = LivePage(path, editing=EditSession())
    page.refresh()
    node_id = next(iter(check_file(path).model.nodes))
    seconds = []
    for number in range(7):
        with open(path, "rb") as stream:
            loaded = content_hash(stream.read())
        request = {"action": "set-node", "node": node_id, "label": f"Relabelled in the workshop ({number})",
                   "hash": loaded, "token": page.editing.token}
        start = time.perf_counter()
        status, answer = page.edit(request)
        seconds.append(time.perf_counter() - start)
        assert answer.get("ok"), answer
        assert f"({number})" in page.html
    print(json.dumps({"best": min(seconds), "worst": max(seconds[1:])}))


def worker(name: str, path: str) -> None:
    if name == "phases":
        return phases(path)
    if name == "edit":
        return edit_worker(path)
    if name == "shape":
        return shape_worker(path)
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
    parser.add_argument("--only", choices=("monitor",),
                        help="measure only this row, add it to the figures of --from-results and save them there")
    parser.add_argument("--only-edit", metavar="FILE",
                        help="measure only the editing row and add it to the figures saved in FILE (JSON), "
                             "then write the report from them")
    parser.add_argument("--worker", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        return worker(*args.worker)

    if args.only:
        if not args.from_results:
            parser.error("--only adds a row to saved figures: give them with --from-results FILE")
        saved = json.loads(Path(args.from_results).read_text())
        work = Path(tempfile.mkdtemp(prefix="toc-bench-"))
        try:
            saved["results"]["monitor"] = run_monitor(work, rounds=args.rounds or (1 if saved["quick"] else 3))
        finally:
            shutil.rmtree(work, ignore_errors=True)
        Path(args.from_results).write_text(json.dumps(saved, indent=1))
        print(f"added the {args.only} row to {args.from_results}")

    if args.only_edit:
        saved = json.loads(Path(args.only_edit).read_text())
        work = Path(tempfile.mkdtemp(prefix="toc-bench-"))
        try:
            saved["results"]["edit"] = measure_editing(work, rounds=args.rounds or 3)
        finally:
            shutil.rmtree(work, ignore_errors=True)
        Path(args.only_edit).write_text(json.dumps(saved, indent=1))
        args.from_results = args.only_edit
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
        (work / f"m{size}.json").write_text(json.dumps(yaml.load(text, Loader=yaml.CSafeLoader)))  # (safe_load, in C)
        files[size] = path
        print(f"generated {size} nodes: {len(text) / 1e6:.1f} MB", file=sys.stderr)

    # Speed: every tool on every file, round robin; the comparison tools up to 10,000 nodes.
    times: dict[tuple[str, int], list[float]] = {}
    peaks: dict[tuple[str, int], int] = {}
    for round_number in range(rounds):
        for size in sizes:
            # ruamel.yaml and yamllint take 20 s a file at 10,000 nodes and are far from their targets.
            # (--quick: one round of them, to keep it to about two minutes)
            slow = ["ruamel", "yamllint"] if size <= 10_000 and round_number < (1 if quick else 3) else []
            tools = ["toc-check", "compose", "json"] + slow
            for tool in tools:
                result = measure(tool, files[size])
                times.setdefault((tool, size), []).append(result["seconds"])
                if round_number == 0:
                    peaks[(tool, size)] = result["peak_kb"]
        print(f"round {round_number + 1}/{rounds} done", file=sys.stderr)

    # Each phase at the reference size, and at the smallest and largest sizes of the scaling target.
    # And at 150 nodes, the size of a real model, where the rules' fixed costs show.
    phase_sizes = sorted({10_000 if 10_000 in sizes else max(sizes), 5_000, max(sizes)} & set(sizes)) + [150]
    phase_sizes.sort()
    breakdowns = {}
    for size in phase_sizes:
        runs = [measure("phases", files[size]) for _ in range(min(rounds, 3))]
        breakdowns[size] = {key: min(run[key] for run in runs) for key in runs[0]}

    # Cold start of a typical 150-node model. A pip install byte-compiles toc's modules; an
    # editable install compiles them on first use unless PYTHONDONTWRITEBYTECODE is set (as on
    # some CI machines), when every run would compile ~70 modules again. Compile them first,
    # so that what is measured is what an installed toc costs.
    _compile_bytecode()
    cold = {"toc check": [], "toc spec -o x.md": [], "python -c pass": [], "import yaml, networkx": []}
    for _ in range(5 if quick else 10):
        cold["toc check"].append(wall(TOC + ["check", str(files[150])]))
        # The specification of the same model, to Markdown (no Graphviz), as a user runs it.
        cold["toc spec -o x.md"].append(wall(TOC + ["spec", str(files[150]), "-o", str(work / "spec150.md")]))
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
    editing = measure_editing(work, rounds=2 if quick else 3) if shutil.which("dot") else {}
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
        for _ in range(1 if quick else 3):
            compare["toc compare (150 models)"].append(
                wall(TOC + ["compare", str(areas), "-o", str(work / "compare.csv")]))
            compare["toc check (same 150 models)"].append(wall(TOC + ["check", str(areas)]))
    growth = run_growth(work / "shapes", rounds=min(rounds, 3), quick=quick)
    monitor = run_monitor(work / "monitor", rounds=1 if quick else 3)
    return {
        "monitor": monitor,
        "growth": growth,
        "best": {key: min(values) for key, values in times.items()},
        "phases": breakdowns,
        "peaks": peaks,
        # Best of the runs, as everywhere else: other work on the machine only ever adds time.
        "cold": {key: min(values) for key, values in cold.items()},
        "draw": {size: {key: min(values) for key, values in tools.items()} for size, tools in draw.items()},
        "edit": editing,
        "compare_available": compare_available,
        "compare": {key: min(values) for key, values in compare.items() if values},
        "sizes_mb": {size: files[size].stat().st_size / 1e6 for size in files},
    }


MONITOR_VS_CSV = 3.0
MONITOR_ROWS = f"{AREAS} areas x {INDICATORS} indicators x {MONTHS} periods ({AREAS * INDICATORS * MONTHS:,} rows)"


def run_monitor(work: Path, rounds: int) -> dict:
    """`toc monitor` of a regional dataset against reading the same CSV with Python's csv module, both
    as whole commands in fresh processes (CPU seconds, best of the rounds, taking turns)."""
    model, actuals = write_monitoring(work)
    read_csv = [PYTHON, "-c", "import csv, sys; list(csv.reader(open(sys.argv[1], newline='', encoding='utf-8')))",
                str(actuals)]
    seconds: dict[str, list[float]] = {"toc monitor": [], "csv.reader": []}
    for _ in range(rounds):
        seconds["toc monitor"].append(wall(TOC + ["monitor", str(model), "-o", str(work / "progress.json")]))
        seconds["csv.reader"].append(wall(read_csv))
    return {**{key: min(values) for key, values in seconds.items()}, "mb": actuals.stat().st_size / 1e6}


def measure_editing(work: Path, rounds: int) -> dict:
    """An edit on the `toc serve --edit` page (see ``edit_worker``) against `toc render -o x.svg` of the
    same 150-node model, both in wall seconds, best of the rounds (worst edit also kept)."""
    model, svg = work / "edit150.toc.yaml", work / "edit150.svg"
    best, worst, render = [], [], []
    for _ in range(rounds):
        model.write_text(generate(150))
        result = json.loads(subprocess.run([PYTHON, __file__, "--worker", "edit", str(model)], capture_output=True,
                                           text=True, check=True).stdout)
        best.append(result["best"])
        worst.append(result["worst"])
        start = time.perf_counter()
        subprocess.run(TOC + ["render", str(model), "-o", str(svg)], check=True, capture_output=True)
        render.append(time.perf_counter() - start)
    return {"edit to redraw": min(best), "edit to redraw (slowest)": min(worst), "toc render -o x.svg": min(render)}


def _shape_limit(factor: float) -> float:
    """The most a shape may grow for `factor` times the size: about in proportion, with room for
    n log n (11-13x for 10x)."""
    return 1.3 * factor


def run_growth(work: Path, rounds: int, quick: bool) -> dict:
    """Each hostile shape at n and 10n, round robin, best of the rounds (CPU seconds of the command
    alone, in a fresh process whose imports a small copy has already made). A shape that grows more
    than its limit is also measured at twice the larger size, to see how it goes on growing."""
    def plan(shape, sizes) -> tuple[dict[int, Path], dict[int, list[float]]]:
        directories = {size: write_shape(shape, size, work / f"{shape.key}-{size}", work / f"{shape.key}-warm")
                       for size in sizes}
        seconds: dict[int, list[float]] = {size: [] for size in sizes}
        return directories, seconds

    plans = {shape.key: plan(shape, shape.quick_sizes if quick else shape.sizes) for shape in SHAPES}
    for round_number in range(rounds):
        for key, (directories, seconds) in plans.items():
            for size, directory in directories.items():
                seconds[size].append(measure("shape", directory)["seconds"])
        print(f"growth round {round_number + 1}/{rounds} done", file=sys.stderr)
    growth = {key: {str(size): min(values) for size, values in seconds.items()} for key, (_, seconds) in plans.items()}
    for shape in SHAPES:
        figures = growth[shape.key]
        low, high = sorted(int(size) for size in figures)
        if figures[str(high)] / figures[str(low)] > _shape_limit(high / low):
            directories, seconds = plan(shape, (2 * high,))
            for _ in range(rounds):
                seconds[2 * high].append(measure("shape", directories[2 * high])["seconds"])
            figures[str(2 * high)] = min(seconds[2 * high])
        for size in {int(size) for size in figures}:
            shutil.rmtree(work / f"{shape.key}-{size}", ignore_errors=True)
    return growth


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
        ".venv/bin/pip install -c constraints.txt -e '.[bench]'",
        ".venv/bin/python benchmarks/run.py          # or --quick",
        "```",
        "",
        "Real models have 20 to 300 boxes; at that size a command's time is mostly Python's start-up and"
        " imports (the cold-start and `toc spec` rows). The figures at 10,000 nodes and more are there to"
        " guard against regressions: a step that grows faster than the model shows there long before a"
        " user would notice it. For the same reason the growth table runs hostile shapes (long chains,"
        " huge labels, many unknown fields) at n and 10n. The loader was simplified for readability, so"
        f" the 10,000-node target is now {CHECK_VS_COMPOSE:g}x libyaml's compose (it was 1.5x).",
        "",
        f"## Targets ({reference:,} nodes unless stated)",
        "",
        "| target | measured | verdict |",
        "|---|---|---|",
        f"| `toc check` within {CHECK_VS_COMPOSE:g}x of libyaml compose with marks | {check / compose:.2f}x |"
        f" {_verdict(check / compose <= CHECK_VS_COMPOSE)} |",
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
    if "toc spec -o x.md" in cold:
        spec_ratio = cold["toc spec -o x.md"] / cold["toc check"]
        lines.append(f"| cold `toc spec -o x.md` (150 nodes) within {SPEC_VS_CHECK:g}x of cold `toc check` of the same"
                     f" model | {spec_ratio:.2f}x | {_verdict(spec_ratio <= SPEC_VS_CHECK)} |")
    shapes = results.get("growth") or {}
    if shapes:
        rows = _growth_rows(shapes)
        within = [row for row in rows if row["ratio"] <= row["limit"]]
        worst = max(rows, key=lambda row: row["ratio"] / row["factor"])
        lines.append(f"| each hostile shape grows about in proportion to its size (at most {_shape_limit(10):.0f}x"
                     f" for 10x, room for n log n; the growth table) | {len(within)} of {len(rows)} within; most"
                     f" {worst['ratio']:.2f}x for {worst['factor']:.0f}x ({worst['key']}) |"
                     f" {_verdict(len(within) == len(rows))} |")
    for size, tools in draw.items():
        render_ratio = tools["toc render -o x.svg"] / tools["dot -Tsvg"]
        lines.append(f"| `toc render -o x.svg` ({size:,} nodes) within 1.1x of `dot -Tsvg` on its DOT |"
                     f" {render_ratio:.2f}x | {_verdict(render_ratio <= 1.1)} |")
    editing = results.get("edit") or {}
    if editing:
        seconds, render = editing["edit to redraw"], editing["toc render -o x.svg"]
        lines.append(f"| an edit on the `toc serve --edit` page (150 nodes) is on the page within 1 s (file written,"
                     f" checked, redrawn; wall seconds) | {seconds:.2f} s, slowest {editing['edit to redraw (slowest)']:.2f}"
                     f" s; {seconds / render:.2f}x `toc render -o x.svg` | {_verdict(seconds <= 1.0)} |")
    else:
        lines.append("| an edit on the `toc serve --edit` page (150 nodes) within 1 s | not measured | - |")
    compare = results.get("compare") or {}
    if compare:
        ratio = compare["toc compare (150 models)"] / compare["toc check (same 150 models)"]
        lines.append(f"| `toc compare` over 150 area models (no target: against `toc check` of the same files) | "
                     f"{compare['toc compare (150 models)']:.2f} s, {ratio:.2f}x check | - |")
    else:
        lines.append("| `toc compare` over 150 area models | not available | - |")
    monitor = results.get("monitor")
    if monitor:
        ratio = monitor["toc monitor"] / monitor["csv.reader"]
        lines.append(f"| `toc monitor` over {MONITOR_ROWS} within {MONITOR_VS_CSV:g}x of reading the same CSV with"
                     f" Python's csv module | {ratio:.2f}x | {_verdict(ratio <= MONITOR_VS_CSV)} |")
    lines += ["", "## Where `toc check` spends its time (CPU seconds, warm allocator, best of rounds)", "",
              "| nodes | " + " | ".join(PHASES) + " |", "|---:|" + "---:|" * len(PHASES)]
    for size, phases_row in sorted(results["phases"].items()):
        lines.append(f"| {size:,} | " + " | ".join(
            f"{phases_row[key]:.3f}" if key in phases_row else "-" for key in PHASES) + " |")
    lines += ["", "Both composes are timed alike: the tree is dropped at once, so freeing it is included."
              " *free tree* is dropping the composed tree once the builder has read it (the builder reads"
              " it whole; it no longer frees it piece by piece). *graph build* is the networkx graph the graph rules read, already counted"
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
    if shapes:
        lines += ["", "## Growth on hostile shapes (CPU seconds of the command, best of rounds)", "",
                  "Each command runs in a fresh process after the same command on a small copy of the shape,"
                  " so its imports are not timed; output is written as the command writes it. The limit is"
                  f" about the size ratio, with room for n log n: {_shape_limit(10):.0f}x for 10x.", "",
                  "| shape | n | seconds | larger | seconds | growth | verdict |",
                  "|---|---:|---:|---:|---:|---:|---|"]
        for row in _growth_rows(shapes):
            verdict = ("met" if row["ratio"] <= 1.05 * row["factor"] else "met (n log n)"
                       if row["ratio"] <= row["limit"] else "**missed**")
            lines.append(f"| {row['what']} | {row['low']:,} {row['unit']} | {row['low seconds']:.3f} |"
                         f" {row['high']:,} | {row['high seconds']:.3f} | {row['ratio']:.2f}x | {verdict} |")
        notes = [f"*{row['key']}*: {row['note']}." for row in _growth_rows(shapes) if row["note"]]
        if notes:
            lines += ["", " ".join(notes)]
    machine = results.get("machine") or _machine()
    versions = results.get("versions") or _versions()
    lines += ["", "## Machine and versions", "", f"- {machine}", *versions, ""]
    return "\n".join(lines) + "\n"


CHECK_VS_COMPOSE = 2.0  # issue 14 item 6 (was 1.5x)
SPEC_VS_CHECK = 1.5  # issue 16


def _growth_rows(shapes: dict) -> list[dict]:
    """The growth table's rows: each shape's figures from the run, worded from benchmarks/shapes.py."""
    described = {shape.key: shape for shape in SHAPES}
    rows = []
    for key, figures in shapes.items():
        sizes = sorted(int(size) for size in figures)
        low, high = sizes[0], sizes[1]
        shape = described.get(key)
        row = {"key": key, "what": shape.what if shape else key, "unit": shape.unit if shape else "",
               "note": shape.note if shape else "", "low": low, "high": high, "factor": high / low,
               "low seconds": figures[str(low)], "high seconds": figures[str(high)],
               "ratio": figures[str(high)] / figures[str(low)], "limit": _shape_limit(high / low)}
        if len(sizes) > 2:  # measured again at twice the larger size, because the shape grew past its limit
            row["double"], row["double seconds"] = sizes[2], figures[str(sizes[2])]
        rows.append(row)
    return rows


def _costly_rules(phases: dict) -> list[tuple[str, float]]:
    """The rules that each took more than a fifth of *rules*, costliest first (phases of this run)."""
    rules = [(key.split()[1], seconds) for key, seconds in phases.items() if key.startswith("rule ")]
    return sorted([(code, seconds) for code, seconds in rules if seconds > 0.2 * phases["rules"]],
                  key=lambda rule: -rule[1])


def _and(items) -> str:
    items = list(items)
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


PHASES = ("stock compose", "toc compose", "bare walk", "builder", "free tree", "rules", "report", "graph build",
          "graph walk")
# (free tree: dropping the composed tree after building; the compose timings include freeing it)


def analysis(results: dict, reference: int) -> str:
    """What bounds each figure, in words, from the figures of this run (what was observed while
    profiling, not measured by this script, is said to be so)."""
    best, cold, draw = results["best"], results["cold"], results["draw"]
    by_size = results["phases"]
    phases = by_size[reference]
    stock = phases["stock compose"]
    check, compose = best[("toc-check", reference)], best[("compose", reference)]
    after_compose = phases["builder"] + phases["rules"] + phases["report"]
    needed = max(CHECK_VS_COMPOSE * compose - (check - after_compose), 0)
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
        f" ({phases['builder']:.3f} s), dropping the composed tree ({phases['free tree']:.3f} s), the rules with the configuration and sorting of their"
        f" {phases['findings']:,} findings ({phases['rules']:.3f} s) and the report"
        f" ({phases['report']:.3f} s).{graph_text} For reference, a *bare walk* that visits every composed"
        " value once, makes one location per value and one dictionary per mapping, and checks nothing,"
        f" takes {phases['bare walk']:.3f} s: toc's compose plus that walk is {floor / stock:.2f}x the"
        " baseline.")
    costly = _costly_rules(phases)
    if check / compose > CHECK_VS_COMPOSE:
        text = (f"- **check vs compose (target {CHECK_VS_COMPOSE:g}x; {check / compose:.2f}x).**" + common
                + f" For {CHECK_VS_COMPOSE:g}x, builder, rules and report together would have to fall from"
                f" {after_compose:.2f} s to about {needed:.2f} s ({1 - needed / after_compose:.0%} less).")
        if costly:
            spent = sum(seconds for _, seconds in costly)
            without = (check - spent) / compose
            text += (" Timed one by one (the shared graph already built), most of the rules' time goes to "
                     + _and(f"{code} ({seconds:.3f} s)" for code, seconds in costly)
                     + f": {spent / phases['rules']:.0%} of *rules*. Without them `toc check` would be about"
                     f" {without:.2f}x the compose"
                     + (f", still over {CHECK_VS_COMPOSE:g}x by {check - spent - CHECK_VS_COMPOSE * compose:.3f} s."
                        if without > CHECK_VS_COMPOSE else "."))
            if {code for code, _ in costly} & {"TOC507", "TOC508"}:
                text += (" TOC507 and TOC508 each look for a catalogue measure in every indicator's"
                         " `measure:` text, trying every name of every measure as its own regular expression"
                         " (toc/evaluation/catalogue.py, instrument_in_text; each rule does it again). Seen"
                         " while writing this benchmark, not measured by this script: on the 10,000-node model"
                         " one pass over the 8,902 indicators costs 0.49 s, and one regular expression with"
                         " all 67 names as alternatives finds in 0.04 s that none of them names a measure, so"
                         " a first filter like that, shared by both rules, would take back nearly all of it."
                         " For comparison, the previous report (PyYAML 6.0.3, before these rules) measured"
                         " `toc check` at 0.875 s and the compose at 0.598 s at 10,000 nodes (1.46x), with"
                         " toc's compose 0.455 s, the builder 0.231 s and all the rules 0.140 s. The collector,"
                         " paused while loading but not during the rules, costs the whole check about 0.08 s"
                         " more than with it off (seen while writing).")
        else:
            text += (" What remains is Python's cost per value and per link, spread (in profiles taken while"
                     " tuning with cProfile and pyinstrument, not part of this script) over the record readers,"
                     " the networkx graph and the rules that make a finding per node. Closing the gap would need"
                     " either the per-value work out of Python (a compiled builder; toc is pure Python so that it"
                     " installs wherever Python does, with no compiler) or the graph rules on plain dictionaries"
                     " instead of networkx, which the design names for them.")
        lines.append(text)
    else:
        margin = CHECK_VS_COMPOSE * compose - check
        lines.append(f"- **check vs compose (target {CHECK_VS_COMPOSE:g}x; {check / compose:.2f}x, met).**" + common
                     + f" The target leaves {margin:.3f} s ({margin / check:.0%} of `toc check`) for the"
                     " loader to spend on being readable; on a machine shared with other work the ratio"
                     " moves by several hundredths between runs.")
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
        " import (PyYAML and networkx) plus toc's own modules (only the command being run is imported)"
        " plus the check itself:"
        f" {cold['toc check'] - cold['import yaml, networkx']:.3f} s on top of the imports. This is"
        " measured with toc's bytecode compiled, as a pip install leaves it. An editable install run"
        " with PYTHONDONTWRITEBYTECODE set compiles toc's modules on every run (about 0.05 s more,"
        " seen while tuning).")
    small = by_size.get(150)
    if cold_ratio > 1.3 and small:
        over = cold["toc check"] - 1.3 * cold["import yaml, networkx"]
        text = (f" It is {over:.3f} s over the target. At 150 nodes (the phase table's first row, warm) toc"
                f" composes in {small['toc compose']:.3f} s, builds in {small['builder']:.3f} s and runs"
                f" the rules in {small['rules']:.3f} s")
        costly = _costly_rules(small)
        if costly:
            text += (", most of it in " + _and(f"{code} ({seconds:.3f} s)" for code, seconds in costly)
                     + " once their first run has compiled and read what they need")
        text += "."
        if {code for code, _ in costly} & {"TOC507", "TOC508"}:
            text += (" Seen while writing this benchmark (python -X importtime and timing, not measured by"
                     " this script): the rules' package now imports toc.evaluation's reading, catalogue and"
                     " power modules (about 0.008 s) and TOC507 and TOC508 read the shipped catalogues for"
                     " every model (0.004 s).")
        lines[-1] += text
    if "toc spec -o x.md" in cold:
        spec, checking = cold["toc spec -o x.md"], cold["toc check"]
        lines.append(
            f"- **spec vs check (target {SPEC_VS_CHECK:g}x; {spec / checking:.2f}x, cold).** Both are whole"
            " commands on the same 150-node model, start-up included, as a user runs them; `toc spec`"
            " reads and checks the model as `toc check` does, then imports the specification's modules,"
            " drafts the designs, power and matrix, and writes Markdown (no Graphviz). That costs"
            f" {spec - checking:.3f} s more than `toc check`; {SPEC_VS_CHECK:g}x leaves it"
            f" {(SPEC_VS_CHECK - 1) * checking:.3f} s.")
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
    editing = results.get("edit") or {}
    if editing:
        seconds, render = editing["edit to redraw"], editing["toc render -o x.svg"]
        lines.append(
            "- **edit to redraw (target 1 s).** Timed in wall seconds from the page's request to the redrawn"
            " page being published by a warm `toc serve --edit`: the file read and its version checked, the"
            " edit spliced in and written atomically, the model checked, `dot` run, the page built. ruamel.yaml"
            " reads this file in about half a second, so the server reads each version ahead, in the"
            " background, as soon as it has drawn it, and keeps the document an edit leaves for the next"
            " edit: an edit prints the document once and reads nothing with ruamel.yaml. Against"
            f" it, the whole `toc render -o x.svg` command of the same model, start-up included: {render:.2f} s."
            f" The edit takes {seconds:.2f} s at best and {editing['edit to redraw (slowest)']:.2f} s at worst"
            " of the six after the first (the first edit of a run also imports ruamel.yaml; the slowest waits"
            " for other work on the shared machine); the browser then"
            " reloads the page from the server on this computer.")
    shapes = results.get("growth") or {}
    if shapes:
        lines.append(_growth_analysis(_growth_rows(shapes)))
    monitor = results.get("monitor")
    if monitor:
        lines.append(_monitor_analysis(monitor))
    return "\n".join(lines)


def _monitor_analysis(monitor: dict) -> str:
    toc, csv_time = monitor["toc monitor"], monitor["csv.reader"]
    return (f"- **monitor vs csv (target {MONITOR_VS_CSV:g}x; {toc / csv_time:.2f}x).** `toc monitor` over {MONITOR_ROWS},"
            f" a {monitor['mb']:.0f} MB CSV, with a 101-box model, writing the JSON report, against a Python process that"
            f" reads the same file with the csv module and keeps every row ({csv_time:.2f} s, start-up included)."
            f" `toc monitor` takes {toc:.2f} s: Python's start-up and toc's imports, the csv module's own reading,"
            " then per row only a lookup of its indicator and area, of its period (each period text is parsed"
            " once) and a float(), and per area the status of each indicator and link (150 areas side by"
            " side). Rows are checked as `toc check` checks them; a bad row costs more, but a file's findings"
            " stop being listed after 200.")


def _growth_analysis(rows: list[dict]) -> str:
    within = [row for row in rows if row["ratio"] <= row["limit"]]
    missed = [row for row in rows if row["ratio"] > row["limit"]]
    text = (f"- **growth (at most about the size ratio; {len(within)} of {len(rows)} shapes within).**"
            " Every shape is bounded in the work it does per item: the outline is cut where a chain"
            " was already written, a long label is cut for the box, each unmatched outcome is compared"
            " with at most 25 candidates, a catalogue is read once however often it is named, suggestions"
            " for unknown fields have a budget, and a file with too many values is refused from a count of"
            " its lines before anything is composed.")
    if within:
        text += (" The shapes within grow " + ", ".join(f"{row['ratio']:.1f}x ({row['key']})" for row in within)
                 + " for their size ratios; where a shape grows less than its size, part of its time does"
                 " not grow with it (reading the rest of the model or the catalogue, the report).")
    for row in missed:
        text += (f" **{row['key']}** grows {row['ratio']:.2f}x from {row['low']:,} to {row['high']:,} {row['unit']},"
                 f" past its {row['limit']:.0f}x.")
        if "double" in row:
            doubling = row["double seconds"] / row["high seconds"]
            n_log_n = 2 * math.log(row["double"]) / math.log(row["high"])
            before = row["ratio"] ** (math.log(2) / math.log(row["factor"]))  # the same growth, a doubling at a time
            text += (f" Measured again at {row['double']:,}, it grows {doubling:.2f}x from {row['high']:,}"
                     f" (in proportion: 2x; n log n: {n_log_n:.2f}x; its growth from {row['low']:,} is"
                     f" {before:.2f}x a doubling)"
                     + (", so its growth is slowing." if doubling < before else ", no slower than before."))
        if row["key"] == "outline":
            text += (" Seen while writing this benchmark (not measured by this script): the command's cost per"
                     " box is flat at 31-35 µs up to 10,000 boxes, rises to 52 µs at 50,000 and stays there"
                     " (53 µs at 100,000: 2.05x from 50,000); `toc check` of the same chain and the outline"
                     " alone grow alike (15x each from 2,000 to 20,000) and the user time as much as the"
                     " whole, while PyYAML's compose of the same file grows 10.0x. So no one step does more"
                     " per box the longer the chain; most likely the model, its graph and the outline stop"
                     " fitting in the CPU's caches, as with `toc check` from 5,000 to 50,000 nodes. From"
                     " 1,000 to 10,000 boxes it grew 10.5x; real models have 20 to 300.")
    return text


if __name__ == "__main__":
    main()
