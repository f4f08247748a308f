"""Facts may not be added or dropped in translation: macros, sections and links are compared per page."""

from __future__ import annotations

from pathlib import Path

from tsunagu.content import translation_facts as tf

ROOT = Path(__file__).resolve().parents[2]
JA = "---\ntitle: x\n---\n# 話す\n\n[[tel a]] と [[service b]]\n\n## 緊急 { #emergency }\n\n[ここ](talk-now.md#x)\n"


def test_same_facts_in_other_words_is_no_difference() -> None:
    en = "# Talk\n\nCall [[tel a]]. [[service b]]\n\n## If it is urgent { #emergency }\n\n[here](talk-now.md)\n"
    assert tf.compare(JA, en, "docs/p.en.md", "docs/p.md") == []


def test_an_added_number_and_a_dropped_section_are_named() -> None:
    en = "# Talk\n\n[[tel a]] [[tel c]] [[service b]]\n\n[here](talk-now.md)\n"
    assert [str(d) for d in tf.compare(JA, en, "docs/p.en.md", "docs/p.md")] == [
        "docs/p.en.md: heading h2 { #emergency } is in docs/p.md but not here (a fact dropped)",
        "docs/p.en.md: macro [[tel c]] is not in docs/p.md (a fact added)"]


def test_listed_differences_pass_and_fixed_ones_must_be_unlisted(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "p.md").write_text(JA, encoding="utf-8")
    (docs / "p.en.md").write_text(JA.replace("[[service b]]", ""), encoding="utf-8")
    diffs = tf.check_docs(docs, tmp_path, "ja", ["ja", "en"])
    assert [d.key for d in diffs] == ["dropped: macro [[service b]]"]
    known = {"docs/p.en.md": ["dropped: macro [[service b]]", "added: macro [[tel z]]"]}
    new, gone = tf.unlisted(diffs, known)
    assert new == [] and gone == ["docs/p.en.md: added: macro [[tel z]]"]
    assert tf.unlisted(diffs, {}) == (diffs, [])


def test_the_site_list_is_exactly_the_current_differences() -> None:
    generated = [p.relative_to(ROOT / "docs").as_posix() for d in ("services", "topics", "audiences", "self-check")
                 for p in (ROOT / "docs" / d).rglob("*.md")]
    langs = ["ja", "ja-easy", "en", "zh", "ko", "vi"]
    diffs = tf.check_docs(ROOT / "docs", ROOT, "ja", langs, skip=generated)
    assert tf.unlisted(diffs, tf.load_known(ROOT)) == ([], [])
