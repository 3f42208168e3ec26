"""The dashboard's chart: calls and errors over time as an inline SVG bar chart (no scripts, no fonts)."""

from __future__ import annotations

from html import escape

from postman_kit.activity.periods import format_instant
from postman_kit.logstore import TimeBucket

WIDTH, HEIGHT, LEFT, BOTTOM, TOP = 760, 180, 44, 22, 8


def timeline_svg(buckets: list[TimeBucket]) -> str:
    if not buckets:
        return '<p class="empty">No calls in this period.</p>'
    peak = max(max(b.calls for b in buckets), 1)
    plot_width, plot_height = WIDTH - LEFT - 4, HEIGHT - BOTTOM - TOP
    step = plot_width / len(buckets)
    bar = max(step * 0.8, 1.0)
    parts = [
        (
            f'<svg class="chart" role="img" aria-label="Calls over time" viewBox="0 0 {WIDTH} {HEIGHT}" '
            f'width="{WIDTH}" height="{HEIGHT}" xmlns="http://www.w3.org/2000/svg">'
        ),
        f'<line x1="{LEFT}" y1="{TOP + plot_height}" x2="{WIDTH - 4}" y2="{TOP + plot_height}" class="axis"/>',
        f'<text x="{LEFT - 6}" y="{TOP + 10}" text-anchor="end" class="label">{peak}</text>',
        f'<text x="{LEFT - 6}" y="{TOP + plot_height}" text-anchor="end" class="label">0</text>',
    ]
    for index, bucket in enumerate(buckets):
        x = LEFT + index * step + (step - bar) / 2
        calls_height = bucket.calls / peak * plot_height
        errors_height = bucket.errors / peak * plot_height
        title = f"{format_instant(bucket.start)}: {bucket.calls} calls, {bucket.errors} errors"
        parts.append(
            f"<g><title>{escape(title)}</title>"
            f'<rect class="calls" x="{x:.1f}" y="{TOP + plot_height - calls_height:.1f}" '
            f'width="{bar:.1f}" height="{calls_height:.1f}"/>'
            f'<rect class="errors" x="{x:.1f}" y="{TOP + plot_height - errors_height:.1f}" '
            f'width="{bar:.1f}" height="{errors_height:.1f}"/></g>'
        )
    parts.append(f'<text x="{LEFT}" y="{HEIGHT - 6}" class="label">{format_instant(buckets[0].start)}</text>')
    parts.append(
        f'<text x="{WIDTH - 4}" y="{HEIGHT - 6}" text-anchor="end" class="label">'
        f"{format_instant(buckets[-1].start)}</text>"
    )
    parts.append("</svg>")
    return "".join(parts)
