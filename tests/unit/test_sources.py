"""The editors' verification tool: number matching, the worklist, and --fetch against a real HTTP
server on 127.0.0.1 (pages that write the number differently, omit it, redirect, time out, a PDF)."""

from __future__ import annotations

import contextlib
import csv
import datetime as dt
import json
import shutil
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from tsunagu.data.loader import load_site
from tsunagu.data.strings import load_strings
from tsunagu.sources import cli, worklist
from tsunagu.sources.fetch import contains, fetch

DATA = Path(__file__).resolve().parent.parent / "data"
ROOT = Path(__file__).resolve().parent.parent.parent
HOST = "sources.example.org"  # the fixture server answers as a proxy for this fictional host


@pytest.mark.parametrize("written", [
    "電話 093-653-4343（24時間）", "TEL：093・653・4343", "０９３－６５３－４３４３", "0936534343",
    "093(653)4343", "093 ー 653 ー 4343", "<a href='tel:0936534343'>お電話</a>",
])
def test_a_number_is_found_however_it_is_written(written: str) -> None:
    assert contains(written, "093-653-4343", "phone")


@pytest.mark.parametrize("written", [
    "093-653-4344", "093-653-43430", "1093-653-4343", "093-671-4343", "", "093-653 / 4343-1",
])
def test_a_different_number_is_not_taken_for_it(written: str) -> None:
    assert not contains(written, "093-653-4343", "phone")


def test_free_dial_with_other_groupings_and_short_codes() -> None:
    assert contains("フリーダイヤル ０１２０−２７９−３３８", "0120-279-338", "phone")
    assert not contains("0120-279-3380", "0120-279-338", "phone")
    assert contains("＃９１１０へ", "#9110", "phone")
    assert not contains("9110", "#9110", "phone")


def test_addresses_and_pages_are_compared_without_spaces_or_ruby() -> None:
    assert contains("所在地：八幡西区 黒崎３－１５－３", "｜八幡西区《やはたにしく》黒崎3-15-3", "visit")
    assert not contains("所在地：八幡東区", "｜八幡西区《やはたにしく》", "visit")
    assert contains('<a href="https://childline.or.jp/chat/">', "https://childline.or.jp/chat", "chat")


def test_worklist_puts_the_oldest_evidence_first_and_asks_in_japanese() -> None:
    site = load_site(DATA / "base", ("ja", "en"), today=dt.date(2026, 11, 26))
    rows = worklist.rows(site, load_strings(["ja"])["ja"])
    assert [(r.service_id, r.contact, r.evidence) for r in rows] == [
        ("town-line", "contacts[1]", "no source"),  # unverified, no source yet
        ("emergency-119", "contacts[0]", "date unknown"),
        ("town-line", "contacts[0]", "ok"),
    ]
    town = rows[2]
    assert town.hours_ja == "月〜金曜日 9:00〜17:00 / 祝日は休み / 12月29日〜1月3日は休み"
    assert town.question_ja == ("受付時間は「月〜金曜日 9:00〜17:00 / 祝日は休み / 12月29日〜1月3日は休み」"
                                "で変わりありませんか。年末年始・祝日は受け付けていますか。")
    assert (town.source_kind, town.as_of, town.checked) == ("government", "2026-10", "2026-11-01")


# --fetch against a local server -------------------------------------------------------------------

PAGES: dict[str, tuple[int, str, bytes]] = {}


def _pdf(text: str) -> bytes:
    """A one-page PDF with ``text`` in Helvetica, with a correct cross-reference table."""
    stream = f"BT /F1 12 Tf 72 720 Td ({text}) Tj ET".encode()
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
               b"/Resources << /Font << /F1 5 0 R >> >> >>",
               b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
               b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]
    out, offsets = bytearray(b"%PDF-1.4\n"), []
    for i, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


class _Handler(BaseHTTPRequestHandler):
    """Answers proxied requests (absolute URLs) and direct ones alike."""

    def do_GET(self) -> None:
        path = self.path.split(HOST, 1)[-1] if HOST in self.path else self.path
        if path == "/slow":
            time.sleep(3)
        if path == "/old":
            self.send_response(301)
            self.send_header("Location", f"http://{HOST}/new")
            self.end_headers()
            return
        status, ctype, body = PAGES.get(path, (404, "text/plain", b"not here"))
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        with contextlib.suppress(BrokenPipeError):  # the client gave up on /slow, as the test wants
            self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    PAGES.update({
        "/sjis": (200, "text/html; charset=Shift_JIS",
                  "<html><body><p>相談電話 ０９３－６５３－４３４３</p></body></html>".encode("cp932")),
        "/dots": (200, "text/html", "<meta charset='utf-8'><p>TEL 093・653・4343</p>".encode()),
        "/omits": (200, "text/html; charset=utf-8", "<p>番号は変わりました。</p>".encode()),
        "/new": (200, "text/html; charset=utf-8", "<p>新しいページ 093-653-4343</p>".encode()),
        "/slow": (200, "text/html; charset=utf-8", b"<p>093-653-4343</p>"),
        "/leaflet.pdf": (200, "application/pdf", _pdf("Call 093 653 4343 any time")),
    })
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler-utils")
def test_fetch_reads_html_in_any_encoding_and_pdf(server: str) -> None:
    assert contains(fetch(f"{server}/sjis", 5).text, "093-653-4343", "phone")
    pdf = fetch(f"{server}/leaflet.pdf", 5)
    assert pdf.state == "ok" and contains(pdf.text, "093-653-4343", "phone"), pdf
    assert fetch(f"{server}/slow", 0.5).state == "unreachable"
    missing = fetch("http://127.0.0.1:9/", 2)  # discard port: nothing listens
    assert missing.state == "unreachable" and missing.error


SOURCES = {  # contact value -> source path on the fixture host
    "0120-000-001": "/sjis", "0120-000-002": "/dots", "0120-000-003": "/omits", "0120-000-004": "/old",
    "0120-000-005": "/slow", "0120-000-006": "/leaflet.pdf",
}


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler-utils")
def test_cli_reports_every_contact_and_never_edits_data(server: str, tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    site = tmp_path / "site"
    shutil.copytree(DATA / "base", site)
    shutil.copy(ROOT / "tests" / "sample-town" / "mkdocs.yml", site / "mkdocs.yml")
    lines = "".join(
        f"  - type: phone\n    value: 093-653-4343\n    hours: {{always: true}}\n    status: verified\n"
        f"    source: {{title: Page {n}, url: 'http://{HOST}{path}', kind: government, as_of: 2026-10}}\n"
        f"    checked: 2026-11-01\n    note: {{ja: {n}, en: {n}}}\n"
        for n, path in SOURCES.items())
    town = site / "data" / "services" / "town-line.yml"
    # every source on the fixture host, so the test never leaves 127.0.0.1
    base = town.read_text(encoding="utf-8").replace("https://www.example.org/news", f"http://{HOST}/news")
    town.write_text(base + lines, encoding="utf-8")
    before = {p: p.read_bytes() for p in (site / "data").rglob("*") if p.is_file()}
    monkeypatch.setenv("http_proxy", server)  # urllib sends every http:// request through the fixture
    monkeypatch.delenv("no_proxy", raising=False)
    monkeypatch.delenv("NO_PROXY", raising=False)
    out = tmp_path / "out"
    code = cli.main(["--config", str(site / "mkdocs.yml"), "--out", str(out), "--fetch", "--timeout", "1",
                     "--today", "2026-11-26"])
    assert code == 0
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))["contacts"]
    by_source = {r["source_url"].removeprefix(f"http://{HOST}"): (r["result"], r["detail"]) for r in report}
    assert by_source["/sjis"] == ("found", "")
    assert by_source["/dots"] == ("found", "")
    assert by_source["/omits"] == ("not found", "")
    assert by_source["/old"] == ("moved", f"now http://{HOST}/new; the value is on that page")
    assert by_source["/slow"][0] == "source unreachable"
    assert by_source["/leaflet.pdf"] == ("found", "")
    assert by_source["/news"] == ("source unreachable", "HTTPError: Not Found")  # 404 from the fixture
    assert by_source[""] == ("no source URL", "")  # 119 (well_known) and the unverified line
    with (out / "report.csv").open(encoding="utf-8-sig") as f:
        assert len(list(csv.DictReader(f))) == len(report) == 9
    page = (out / "worklist.html").read_text(encoding="utf-8")
    assert "source unreachable" in page and "受付時間は「24時間・年中無休」で変わりありませんか" in page
    assert before == {p: p.read_bytes() for p in (site / "data").rglob("*") if p.is_file()}
