"""Horizontal grouped bar charts as inline SVG, generated at build time (no chart library).

SVG text cannot hold <ruby>, so text with furigana notation is shown as its reading (kana).
"""

from __future__ import annotations

from html import escape

from tsunagu.data.model import Survey
from tsunagu.pages import ruby

# Colours chosen for >= 3:1 contrast against white (WCAG 1.4.11) and to stay distinct in greyscale.
PALETTE = ("#1b5e8c", "#b35c00", "#5a6b2e", "#7b3f8c")
BAR_H, GAP, GROUP_GAP, LABEL_H = 18, 4, 14, 20
WIDTH, LEFT, RIGHT = 640, 8, 56


def bar_chart(survey: Survey, lang: str, chart_id: str) -> str:
    """An SVG that scales to the container; text stays readable because it is real text."""
    n_series = len(survey.series)
    group_h = LABEL_H + n_series * (BAR_H + GAP) + GROUP_GAP
    legend_h = 22 * n_series + 8
    height = legend_h + group_h * len(survey.categories)
    plot_w = WIDTH - LEFT - RIGHT
    top = max((v for _, values in survey.series for v in values if v is not None), default=100.0)
    scale = plot_w / max(top, 1.0)
    title = escape(ruby.reading(survey.title[lang]))
    out = [
        f'<svg class="tg-chart" viewBox="0 0 {WIDTH} {height}" role="img" aria-labelledby="{chart_id}-title" '
        f'xmlns="http://www.w3.org/2000/svg">',
        f'<title id="{chart_id}-title">{title}</title>',
    ]
    for i, (label, _) in enumerate(survey.series):
        y = 6 + 22 * i
        out.append(f'<rect x="{LEFT}" y="{y}" width="14" height="14" fill="{PALETTE[i % len(PALETTE)]}"/>')
        out.append(f'<text x="{LEFT + 20}" y="{y + 12}" class="tg-chart__legend">'
                   f"{escape(ruby.reading(label[lang]))}</text>")
    y = legend_h
    for c, category in enumerate(survey.categories):
        name = escape(ruby.reading(category[lang]))
        out.append(f'<text x="{LEFT}" y="{y + 15}" class="tg-chart__label">{name}</text>')
        y += LABEL_H
        for i, (_, values) in enumerate(survey.series):
            v = values[c]
            w = 0.0 if v is None else round(v * scale, 1)
            colour = PALETTE[i % len(PALETTE)]
            out.append(f'<rect x="{LEFT}" y="{y}" width="{w}" height="{BAR_H}" fill="{colour}"/>')
            shown = "–" if v is None else f"{v:g}{survey.unit}"
            out.append(f'<text x="{LEFT + w + 6}" y="{y + 14}" class="tg-chart__value">{shown}</text>')
            y += BAR_H + GAP
        y += GROUP_GAP
    out.append("</svg>")
    return "".join(out)
