from __future__ import annotations

import pytest

from tsunagu.data.loader import is_phone
from tsunagu.data.model import Contact


@pytest.mark.parametrize(
    "number",
    ["110", "119", "189", "#9110", "0120-279-338", "0120-0-78310", "0120-99-7777", "0570-064-556",
     "0570-783-556", "0800-123-4567", "093-653-4343", "092-592-0783", "03-1234-5678", "090-1234-5678"],
)
def test_valid(number: str) -> None:
    assert is_phone(number)


@pytest.mark.parametrize(
    "number",
    ["093-653-434", "0570-064-5566", "0120-000", "1234", "#91", "093 653 4343", "0936534343", "+81-93-653-4343",
     "090-123-4567", "0800-12-3456", "call-us", ""],
)
def test_invalid(number: str) -> None:
    assert not is_phone(number)


def test_tel_href_is_digits_and_escapes_hash() -> None:
    def contact(value: str) -> Contact:
        return Contact(type="phone", value=value, status="verified", source=None, checked=None)

    assert contact("0120-279-338").tel_href == "tel:0120279338"
    assert contact("#9110").tel_href == "tel:%239110"
