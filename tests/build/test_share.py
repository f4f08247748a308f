"""The share and print kit in the built site, checked with real tools: zbarimg (Debian zbar-tools) decodes
every QR code, rsvg-convert renders the SVGs, pdfinfo/pdftotext/pdftoppm (poppler-utils) read the PDFs."""

from __future__ import annotations

import json
import re
import struct
import subprocess
from pathlib import Path
from typing import Any

import pytest

from tests.build.test_build import ESSENTIALS, LANGS
from tests.conftest import ESSENTIALS_LANGS, ROOT
from tsunagu.data.loader import load_site
from tsunagu.kit.share import read_published

PUBLISHED = ROOT / "data" / "published-paths.txt"
A4 = "pts (A4)"  # pdfinfo names the paper size; Chromium writes 594.96 x 841.92 pts


@pytest.fixture(scope="module")
def kit(built_site: Path) -> dict[str, Any]:
    return dict(json.loads((built_site / "kit" / "kit.json").read_text(encoding="utf-8")))


def _decode(images: list[Path]) -> list[set[str]]:
    """What zbarimg reads in each image (one set per image; a flyer page holds two codes)."""
    out = []
    for image in images:
        result = subprocess.run(["zbarimg", "--quiet", "--raw", "-Sdisable", "-Sqrcode.enable", str(image)],
                                capture_output=True, text=True)
        out.append({line for line in result.stdout.splitlines() if line})
    return out


def test_kit_covers_every_shared_page_in_every_language(kit: dict[str, Any]) -> None:
    site = load_site(ROOT, LANGS, essentials=ESSENTIALS_LANGS)
    shared = ["index.md", "talk-now.md", "self-check.md", "directory.md", "young-people.md", "foreign-residents.md"]
    # the six pages in data/share.yml (an essentials language: those it has), and every service
    assert len(kit["pages"]) == sum(len(ESSENTIALS.built_languages([lang], p)) for lang in LANGS for p in shared) \
        + len(site.services) * len(LANGS)
    assert 6 * len(LANGS) > sum(len(ESSENTIALS.built_languages(LANGS, p)) for p in shared)  # es has no young-people
    for lang in LANGS:
        assert {e["page"] for e in kit["pages"] if e["lang"] == lang} >= {"index.md", "talk-now.md", "self-check.md",
                                                                           "services/childline.md"}


def test_every_png_qr_decodes_to_exactly_its_address(built_site: Path, kit: dict[str, Any]) -> None:
    entries = kit["pages"]
    decoded = _decode([built_site / e["qr_png"] for e in entries])
    wrong = [(e["qr_png"], e["url"], d) for e, d in zip(entries, decoded, strict=True) if d != {e["url"]}]
    assert wrong == []
    for e in entries:  # the page's own address, nothing added
        assert e["url"] == kit["site_url"].rstrip("/") + e["path"]
        assert "?" not in e["url"] and "#" not in e["url"]


def test_every_svg_qr_renders_and_decodes_to_its_address(built_site: Path, kit: dict[str, Any],
                                                          tmp_path: Path) -> None:
    entries = kit["pages"]
    images = []
    for i, e in enumerate(entries):
        png = tmp_path / f"{i}.png"
        subprocess.run(["rsvg-convert", "--width", "400", "--background-color", "white", "-o", str(png),
                        str(built_site / e["qr_svg"])], check=True)
        images.append(png)
    decoded = _decode(images)
    assert [(e["qr_svg"], d) for e, d in zip(entries, decoded, strict=True) if d != {e["url"]}] == []


def test_every_pdf_is_one_a4_page_with_the_numbers_and_a_working_qr(built_site: Path, kit: dict[str, Any],
                                                                     tmp_path: Path) -> None:
    site = load_site(ROOT, LANGS, essentials=ESSENTIALS_LANGS)
    assert {(p["lang"], p["kind"]) for p in kit["print"]} == {
        (lang, kind) for lang in LANGS for kind in ("poster", "flyer", "handout")
        if kind != "handout" or ESSENTIALS.has(lang, "young-people.md")}  # the handout's QR opens young-people
    for p in kit["print"]:
        pdf = built_site / p["pdf"]
        info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
        assert A4 in info, (p["pdf"], info)
        assert re.search(r"^Pages:\s+1$", info, re.M), (p["pdf"], info)
        text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True,
                              check=True).stdout
        for sid in p["services"]:
            phone = site.services[sid].main_phone()
            assert phone is not None and phone.verified
            assert phone.value in text, f"{p['pdf']}: {sid} number {phone.value} missing"
        assert p["qr_url"].removeprefix("https://") in re.sub(r"\s+", "", text)
        stem = tmp_path / f"{p['lang']}-{p['kind']}"
        subprocess.run(["pdftoppm", "-r", "150", "-png", "-singlefile", str(pdf), str(stem)], check=True)
        expected = 2 if p["kind"] == "flyer" else 1  # the flyer is two half pages
        assert _decode([stem.with_suffix(".png")]) == [{p["qr_url"]}], p["pdf"]
        assert text.count(site.services[p["services"][0]].main_phone().value) >= expected  # type: ignore[union-attr]


def test_japanese_text_is_extractable_from_the_japanese_poster(built_site: Path) -> None:
    text = subprocess.run(["pdftotext", str(built_site / "kit/print/ja/poster.pdf"), "-"], capture_output=True,
                          text=True, check=True).stdout
    assert "ひとりで抱えこまないで" in text and "北九州市" in text


def test_published_paths_all_resolve_and_the_list_is_complete(built_site: Path, kit: dict[str, Any]) -> None:
    published = read_published(PUBLISHED)
    missing = [p for p in published if not (built_site / p.lstrip("/") / "index.html").is_file()]
    assert missing == [], "published paths must never break: restore the page or add a redirect"
    unlisted = sorted({e["path"] for e in kit["pages"]} - set(published))
    assert unlisted == [], ("shared pages not yet in data/published-paths.txt; append these lines:\n"
                            + "\n".join(unlisted))


def test_published_paths_list_never_shrinks() -> None:
    """Every path in any committed version of the list is still in it (the list only grows)."""
    git = ["git", "-C", str(ROOT)]
    if subprocess.run([*git, "rev-parse", "--is-inside-work-tree"], capture_output=True).returncode != 0:
        pytest.skip("not a git checkout")
    rel = PUBLISHED.relative_to(ROOT).as_posix()
    revisions = subprocess.run([*git, "log", "--format=%H", "--", rel], capture_output=True, text=True,
                               check=True).stdout.split()
    current = set(read_published(PUBLISHED))
    for rev in revisions:
        shown = subprocess.run([*git, "show", f"{rev}:{rel}"], capture_output=True, text=True)
        if shown.returncode != 0:  # the commit deleted the file
            pytest.fail(f"{rel} was deleted in {rev[:10]}; it must only ever grow")
        old = {line.split("#", 1)[0].strip() for line in shown.stdout.splitlines()} - {""}
        assert old <= current, f"removed since {rev[:10]}: {sorted(old - current)}"


def _png_size(path: Path) -> tuple[int, int]:
    head = path.read_bytes()[:24]
    assert head[:8] == b"\x89PNG\r\n\x1a\n", path
    width, height = struct.unpack(">II", head[16:24])
    return width, height


def test_every_page_in_every_language_has_a_share_card(built_site: Path, kit: dict[str, Any]) -> None:
    pages = list(built_site.rglob("index.html"))
    assert len(pages) > 400
    site_url = kit["site_url"].rstrip("/")
    for page in pages:
        html = page.read_text(encoding="utf-8")
        if 'http-equiv="refresh"' in html:
            continue
        image = re.search(r'<meta property="og:image" content="([^"]+)"', html)
        assert image, f"{page}: no og:image"
        assert image.group(1).startswith(site_url + "/kit/cards/")
        card = built_site / image.group(1).removeprefix(site_url + "/")
        assert _png_size(card) == (1200, 630), card
        assert re.search(r'<meta property="og:title" content="[^"]+"', html), page
        assert re.search(r'<meta property="og:description" content="[^"]+"', html), page
        assert re.search(r'<meta property="og:url" content="' + re.escape(site_url), html), page


def test_pages_generated_for_one_entry_share_their_languages_home_card(built_site: Path, kit: dict[str, Any]) -> None:
    # 35 services × 6 languages would be 210 cards; a city with 1,000 entries would draw 6,000.
    site_url = kit["site_url"].rstrip("/")
    for lang, prefix in (("ja", ""), ("en", "en/")):
        html = (built_site / prefix / "services" / "yorisoi-hotline" / "index.html").read_text(encoding="utf-8")
        image = re.search(r'<meta property="og:image" content="([^"]+)"', html)
        assert image and image.group(1) == f"{site_url}/kit/cards/{prefix}card.png", lang
        assert re.search(r'<meta property="og:title" content="[^"]*(Yorisoi|よりそい)', html), lang
        topic = (built_site / prefix / "topics" / "loneliness" / "index.html").read_text(encoding="utf-8")
        assert f"/kit/cards/{prefix}topics/loneliness/card.png" in topic  # topic pages keep their own
    assert not (built_site / "kit" / "cards" / "services").exists()
    assert not (built_site / "kit" / "cards" / "en" / "services").exists()


def test_the_share_page_offers_the_places_pdf_with_the_others(built_site: Path) -> None:
    for prefix, lang in (("", "ja"), ("en/", "en")):
        html = (built_site / prefix / "share" / "index.html").read_text(encoding="utf-8")
        assert f"kit/print/{lang}/places-month.pdf" in html, lang
        assert (built_site / "kit" / "print" / lang / "places-month.pdf").read_bytes().startswith(b"%PDF")
