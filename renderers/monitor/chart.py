"""A trend chart as inline SVG: an indicator's values against the line the plan expected.

Accessible and greyscale-safe: the SVG is an image with a <title> and a <desc>
that say in words what it shows (the values, what was expected, the status); the
expected line is dashed and the values' line solid; each value's marker has the
shape of its status (circle on track, triangle at risk, square off track) as well
as its colour, and its own <title>. Text is escaped with html.escape; numbers are
formatted here, so nothing from the model reaches the SVG unescaped.
"""

from __future__ import annotations

import html

from toc.monitoring import AMBER, GREEN, GREY, RED, IndicatorStatus, status_of
from toc.renderers.monitor.content import STATUS_WORDS, number_text

# Okabe-Ito: told apart with the common colour-vision deficiencies (and by shape, in grey).
STATUS_COLOURS = {GREEN: "#009E73", AMBER: "#E69F00", RED: "#D55E00", GREY: "#8C8C8C"}
WIDTH, HEIGHT = 360, 190
_LEFT, _RIGHT, _TOP, _BOTTOM = 52, 14, 14, 34


def marker(status: str, x: float, y: float, size: float = 5.0) -> str:
    """The shape of a status at (x, y), filled with its colour and outlined in black."""
    colour = STATUS_COLOURS[status]
    common = f'fill="{colour}" stroke="#000" stroke-width="1"'
    if status == GREEN:
        return f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{size:.1f}" {common}/>'
    if status == AMBER:
        s = size * 1.25
        return (f'<polygon points="{x:.1f},{y - s:.1f} {x + s:.1f},{y + s * 0.8:.1f} {x - s:.1f},{y + s * 0.8:.1f}"'
                f' {common}/>')
    if status == RED:
        return f'<rect x="{x - size:.1f}" y="{y - size:.1f}" width="{2 * size:.1f}" height="{2 * size:.1f}" {common}/>'
    return (f'<polygon points="{x:.1f},{y - size * 1.2:.1f} {x + size * 1.2:.1f},{y:.1f} {x:.1f},{y + size * 1.2:.1f} '
            f'{x - size * 1.2:.1f},{y:.1f}" {common}/>')


def badge(status: str, words: str) -> str:
    """A status as HTML: its shape and its words, never its colour alone."""
    return (f'<span class="badge {status}"><svg width="14" height="14" viewBox="0 0 14 14" aria-hidden="true">'
            f'{marker(status, 7, 7, 5)}</svg> {html.escape(words)}</span>')


def description(status: IndicatorStatus, label: str) -> str:
    """The chart in words: what its <desc> says, and what a reader who cannot see it is told."""
    if not status.series:
        return f"{label}: no figures yet."
    period, value = status.latest
    text = f"{label}: latest {number_text(value)} in {period.text}"
    if status.expected is not None:
        text += f" against {number_text(status.expected)} expected then: {STATUS_WORDS[status.status].lower()}."
    else:
        text += ": not judged (no numeric target or trajectory)."
    text += " Values: " + ", ".join(f"{p.text} {number_text(v)}" for p, v in status.series) + "."
    return text


def trend_chart(status: IndicatorStatus, label: str, chart_id: str) -> str:
    """The chart of one indicator (``chart_id`` makes its title and description ids unique on the page)."""
    anchors = status.anchors
    series = status.series
    times = [period.last + 1 for period, _ in series] + [time for time, _ in anchors]
    if not times:
        times = [0, 1]
    start = min([period.first for period, _ in series] + [time for time, _ in anchors] or [0])
    end = max(times)
    if end <= start:
        end = start + 1
    values = [value for _, value in series] + [value for _, value in anchors]
    labelled = (min(values), max(values)) if values else (0.0, 1.0)  # the axis names the figures' range
    if status.band and anchors:
        values += [value - status.band for _, value in anchors] + [value + status.band for _, value in anchors]
    low, high = (min(values), max(values)) if values else (0.0, 1.0)
    if high == low:
        low, high = low - 1, high + 1
    pad = (high - low) * 0.08
    low, high = low - pad, high + pad
    plot_w, plot_h = WIDTH - _LEFT - _RIGHT, HEIGHT - _TOP - _BOTTOM

    def x_of(time: float) -> float:
        return _LEFT + (time - start) / (end - start) * plot_w

    def y_of(value: float) -> float:
        return _TOP + (high - value) / (high - low) * plot_h

    title = html.escape(f"Trend: {label}")
    desc = html.escape(description(status, label))
    parts = [f'<svg class="chart" viewBox="0 0 {WIDTH} {HEIGHT}" width="{WIDTH}" height="{HEIGHT}" role="img" '
             f'aria-labelledby="{chart_id}-t {chart_id}-d" xmlns="http://www.w3.org/2000/svg">',
             f'<title id="{chart_id}-t">{title}</title><desc id="{chart_id}-d">{desc}</desc>',
             f'<rect x="{_LEFT}" y="{_TOP}" width="{plot_w}" height="{plot_h}" fill="#fff" stroke="#bbb"/>']
    # Axis labels: the value range and the time range.
    for value in sorted(set(labelled)):
        parts.append(f'<text x="{_LEFT - 4}" y="{y_of(value) + 4:.1f}" text-anchor="end" class="axis">'
                     f'{html.escape(number_text(value))}</text>')
    first_period = series[0][0].text if series else ""
    last_period = series[-1][0].text if series else ""
    if first_period:
        parts.append(f'<text x="{x_of(series[0][0].last + 1):.1f}" y="{HEIGHT - _BOTTOM + 14}" text-anchor="middle" '
                     f'class="axis">{html.escape(first_period)}</text>')
    if last_period and last_period != first_period:
        parts.append(f'<text x="{x_of(series[-1][0].last + 1):.1f}" y="{HEIGHT - _BOTTOM + 14}" '
                     f'text-anchor="end" class="axis">{html.escape(last_period)}</text>')
    if len(anchors) >= 2:
        # The amber band: behind the line by up to the tolerance, hatched so it shows in grey too.
        sign = -1 if status.direction == "increase" else 1
        upper = [(x_of(time), y_of(value)) for time, value in anchors]
        if status.direction is None:
            lower = [(x_of(time), y_of(value - status.band)) for time, value in anchors]
            upper = [(x_of(time), y_of(value + status.band)) for time, value in anchors]
        else:
            lower = [(x_of(time), y_of(value + sign * status.band)) for time, value in anchors]
        band = " ".join(f"{x:.1f},{y:.1f}" for x, y in upper + lower[::-1])
        parts.append(f'<polygon points="{band}" fill="url(#hatch)" stroke="none"><title>Amber band: up to '
                     f'{html.escape(number_text(status.band))} behind the expected line</title></polygon>')
        line = " ".join(f"{x_of(time):.1f},{y_of(value):.1f}" for time, value in anchors)
        parts.append(f'<polyline points="{line}" fill="none" stroke="#444" stroke-width="1.5" '
                     f'stroke-dasharray="6 4"><title>Expected</title></polyline>')
    if series:
        points = [(x_of(period.last + 1), y_of(value)) for period, value in series]
        if len(points) > 1:
            parts.append('<polyline points="' + " ".join(f"{x:.1f},{y:.1f}" for x, y in points)
                         + '" fill="none" stroke="#000" stroke-width="2"/>')
        for (period, value), (x, y) in zip(series, points):
            expected = status.expected_at(period)
            point_status = GREY if expected is None else status_of(value, expected, status.direction, status.band)
            words = f"{period.text}: {number_text(value)}" + (
                f", expected {number_text(expected)}, {STATUS_WORDS[point_status].lower()}" if expected is not None
                else "")
            parts.append(f'<g><title>{html.escape(words)}</title>{marker(point_status, x, y)}</g>')
    else:
        parts.append(f'<text x="{WIDTH / 2:.0f}" y="{HEIGHT / 2:.0f}" text-anchor="middle" class="axis">'
                     f'No figures yet</text>')
    # Key: the two lines, in the chart's own words.
    key_y = HEIGHT - 6
    parts.append(f'<line x1="{_LEFT}" y1="{key_y - 4}" x2="{_LEFT + 22}" y2="{key_y - 4}" stroke="#000" '
                 f'stroke-width="2"/><text x="{_LEFT + 26}" y="{key_y}" class="axis">actual</text>')
    parts.append(f'<line x1="{_LEFT + 80}" y1="{key_y - 4}" x2="{_LEFT + 102}" y2="{key_y - 4}" stroke="#444" '
                 f'stroke-width="1.5" stroke-dasharray="6 4"/><text x="{_LEFT + 106}" y="{key_y}" class="axis">'
                 f'expected</text>')
    parts.append("</svg>")
    return "".join(parts)


# One pattern for every chart on the page (referenced as url(#hatch)).
PATTERNS = ('<svg width="0" height="0" style="position:absolute" aria-hidden="true"><defs>'
            '<pattern id="hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">'
            '<rect width="6" height="6" fill="#FBEBC8"/><line x1="0" y1="0" x2="0" y2="6" stroke="#C9A24A" '
            'stroke-width="1.5"/></pattern></defs></svg>')
