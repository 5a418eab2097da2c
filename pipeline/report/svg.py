"""Tiny inline-SVG charts for the report (no plotting library, no scripts)."""
from __future__ import annotations

from html import escape


def _num(v: float, percent: bool) -> str:
    return f"{v:.0%}" if percent else (f"{v:,.0f}" if float(v).is_integer() else f"{v:,.2f}")


def bar_chart(title: str, items: list[tuple[str, float]], percent: bool = False, rtl_labels: bool = False,
              colours: list[str] | None = None, note: str | None = None, width: int = 520) -> str:
    """Horizontal bars, one per ``(label, value)``, in the order given."""
    label_w, bar_w, row_h, top = 190, width - 190 - 60, 20, 34
    h = top + max(len(items), 1) * row_h + 14
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" role="img" width="{width}" height="{h}" viewBox="0 0 {width} {h}" font-size="12">',
             f"<title>{escape(title)}</title>",
             f'<text x="4" y="16" font-weight="bold" font-size="13">{escape(title)}</text>']
    if note:
        parts.append(f'<text x="{width - 4}" y="16" text-anchor="end" fill="#627d98">{escape(note)}</text>')
    if not items:
        parts.append(f'<text x="4" y="{top + 12}" fill="#627d98">no data in this run</text>')
    vmax = max((v for _, v in items), default=0) or 1
    if percent:
        vmax = 1.0
    for i, (label, v) in enumerate(items):
        y = top + i * row_h
        w = max(bar_w * v / vmax, 0)
        c = colours[i] if colours else "#486581"
        lab = escape(label if len(label) <= 40 else label[:39] + "…")
        direction = ' direction="rtl" unicode-bidi="embed"' if rtl_labels else ""
        parts.append(f'<text x="{label_w - 6}" y="{y + 13}" text-anchor="end"{direction}>{lab}</text>'
                     if not rtl_labels else f'<text x="{label_w - 6}" y="{y + 13}" text-anchor="start"{direction}>{lab}</text>')
        parts.append(f'<rect x="{label_w}" y="{y + 3}" width="{w:.1f}" height="{row_h - 6}" fill="{c}"><title>{lab}: {_num(v, percent)}</title></rect>')
        parts.append(f'<text x="{label_w + w + 4:.1f}" y="{y + 13}">{_num(v, percent)}</text>')
    parts.append("</svg>")
    return "".join(parts)


def heatmap(title: str, rows: list[str], cols: list[str], values: dict[tuple[str, str], float]) -> str:
    """A grid of counts: one row per ``rows`` item, one column per ``cols`` item."""
    label_w, cell_w, cell_h, top = 130, 64, 22, 50
    width = label_w + cell_w * max(len(cols), 1) + 10
    h = top + cell_h * max(len(rows), 1) + 10
    vmax = max(values.values(), default=0) or 1
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" role="img" width="{width}" height="{h}" viewBox="0 0 {width} {h}" font-size="11">',
             f"<title>{escape(title)}</title>",
             f'<text x="4" y="16" font-weight="bold" font-size="13">{escape(title)}</text>']
    for j, c in enumerate(cols):
        parts.append(f'<text x="{label_w + j * cell_w + cell_w / 2}" y="{top - 8}" text-anchor="middle">{escape(str(c)[5:] if len(str(c)) == 10 else str(c))}</text>')
    for i, r in enumerate(rows):
        y = top + i * cell_h
        parts.append(f'<text x="{label_w - 6}" y="{y + 15}" text-anchor="end">{escape(str(r))}</text>')
        for j, c in enumerate(cols):
            v = values.get((r, c), 0)
            a = 0.08 + 0.85 * v / vmax if v else 0.03
            parts.append(f'<rect x="{label_w + j * cell_w}" y="{y}" width="{cell_w - 2}" height="{cell_h - 2}" fill="#2563eb" fill-opacity="{a:.2f}">'
                         f"<title>{escape(str(r))} · {escape(str(c))}: {_num(v, False)}</title></rect>")
            if v:
                parts.append(f'<text x="{label_w + j * cell_w + cell_w / 2 - 1}" y="{y + 15}" text-anchor="middle" fill="{"#fff" if a > 0.5 else "#102a43"}">{_num(v, False)}</text>')
    parts.append("</svg>")
    return "".join(parts)
