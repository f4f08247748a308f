"""Share cards draw each script run with a font that has its glyphs (tsunagu.kit.cards._runs)."""

from __future__ import annotations

import pytest

from tsunagu.kit import cards

pytestmark = pytest.mark.skipif(
    not (cards.SCRIPT_FONT_DIR / "NotoSansDevanagari-Regular.ttf").exists()
    or not (cards.FONT_DIR / cards.FONTS["regular"]).exists(),
    reason="needs fonts-noto-core and fonts-noto-cjk")


def _fonts(text: str, lang: str) -> list[tuple[str, str]]:
    return [(run, str(font.path).rsplit("/", 1)[-1]) for run, font in cards._runs(text, "regular", lang, 20)]


@pytest.mark.parametrize("lang, city", [("ne", "कितास्युस्यु सहर"), ("th", "เมืองคิตะคิวชู")])
def test_footer_separator_is_not_drawn_with_the_script_font(lang: str, city: str) -> None:
    # The card footer is "<city> ・ <host>": Noto Sans Devanagari/Thai have no ・, which drew a tofu box.
    runs = _fonts(f"{city} ・ kitakyushu.tsunagu.example", lang)
    assert runs[0][0] == f"{city} " and "Noto" in runs[0][1] and "CJK" not in runs[0][1]
    separator = next(font for run, font in runs if "・" in run)
    assert "CJK" in separator


def test_spaces_and_ascii_punctuation_stay_in_the_script_run() -> None:
    # A Devanagari phrase with its spaces and commas is shaped as one run.
    runs = _fonts("सेवाहरू सहित, कितास्युस्यु", "ne")
    assert runs == [("सेवाहरू सहित, कितास्युस्यु", "NotoSansDevanagari-Regular.ttf")]
