""""Report a change" on a real service page (the sample town sets editors_email): a mailto link that
works without JavaScript, makes no request, and passes axe-core; old sources say so on the card."""

from __future__ import annotations

from pathlib import Path

from playwright.sync_api import Browser, Request

from tests.e2e.test_pages import WCAG_AA
from tests.support.server import serve


def test_report_link_without_javascript_is_accessible(browser: Browser, sample_site: Path, axe_source: str) -> None:
    context = browser.new_context(java_script_enabled=False, viewport={"width": 390, "height": 844})
    page = context.new_page()
    requests: list[Request] = []
    with serve(sample_site) as url:
        page.on("request", lambda r: requests.append(r))
        page.goto(url + "en/services/town-line/", wait_until="networkidle")
        link = page.get_by_role("link", name="Report a change (e-mail)")
        href = link.get_attribute("href") or ""
        assert href.startswith("mailto:editors@example.org?subject=Change%20to%20listing%3A%20town-line%20%28en%29")
        assert page.locator(".tg-source").first.inner_text().startswith("Source: Town newsletter (Oct 2026)")
        assert [r.url for r in requests if not r.url.startswith(url)] == []  # nothing goes elsewhere
    context.close()
    with serve(sample_site) as url:
        checked = browser.new_page()
        checked.goto(url + "services/town-line/", wait_until="networkidle")
        checked.evaluate(axe_source)
        result = checked.evaluate("opts => axe.run(document, opts)",
                                  {"runOnly": {"type": "tag", "values": WCAG_AA}})
        assert [v["id"] for v in result["violations"]] == []
        assert checked.get_by_role("link", name="変更を知らせる（メール）").count() == 1
        checked.close()
