"""Horizontal grouped bar charts as inline SVG, generated at build time (no chart library).

SVG text cannot hold <ruby>, so text with furigana notation is shown as its reading (kana).
"""

from __future__ import annotations

from typing import Any

from tsunagu.data.model import Survey
from tsunagu.pages.templates import macro

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
    legend = [{"x": LEFT, "y": 6 + 22 * i, "fill": PALETTE[i % len(PALETTE)], "text_x": LEFT + 20,
               "text_y": 6 + 22 * i + 12, "label": label[lang]} for i, (label, _) in enumerate(survey.series)]
    groups = []
    y = legend_h
    for c, category in enumerate(survey.categories):
        group: dict[str, Any] = {"x": LEFT, "y": y + 15, "label": category[lang], "bars": []}
        y += LABEL_H
        for i, (_, values) in enumerate(survey.series):
            v = values[c]
            w = 0.0 if v is None else round(v * scale, 1)
            group["bars"].append({"x": LEFT, "y": y, "w": w, "h": BAR_H, "fill": PALETTE[i % len(PALETTE)],
                                  "text_x": LEFT + w + 6, "text_y": y + 14,
                                  "shown": "–" if v is None else f"{v:g}{survey.unit}"})
            y += BAR_H + GAP
        y += GROUP_GAP
        groups.append(group)
    return macro("charts.html", "bar_chart", chart_id, WIDTH, height, survey.title[lang], legend, groups)
