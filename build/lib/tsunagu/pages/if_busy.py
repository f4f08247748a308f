"""``[[if-busy]]``: what to do when a line is busy, the same in every language.

The advice comes from the interface strings (``busy.*`` in ``tsunagu/locales/``) and the numbers to
call when a life is in danger from ``data/services/`` (every service with the topic ``emergency``), so
no translation can drop 119 or 110 or print them by hand.
"""

from __future__ import annotations

from tsunagu.data.model import Service, Site
from tsunagu.data.strings import Strings
from tsunagu.pages.fragments import tel_inline, text
from tsunagu.pages.templates import html_, macro

_T = "if_busy.html"


class NoEmergencyLine(Exception):
    """The data has no verified emergency number to offer."""


def emergency_services(site: Site) -> list[Service]:
    """Services with the topic ``emergency`` and a confirmed phone: crisis-strip order, then by id."""
    found = [s for s in site.services.values()
             if "emergency" in s.topics and (p := s.main_phone()) is not None and p.verified]
    strip = {sid: i for i, sid in enumerate(site.crisis_strip)}
    return sorted(found, key=lambda s: (strip.get(s.id, len(strip)), s.id))


def if_busy(site: Site, lang: str, s: Strings, chat_anchor: str = "") -> str:
    """The advice list and the emergency numbers; ``chat_anchor`` links the chat tip to a section."""
    services = emergency_services(site)
    if not services:
        raise NoEmergencyLine("[[if-busy]] needs a service with topic 'emergency' and a verified phone number "
                              "in data/services/")
    # The name is visible next to each number (not screen-reader-only), so everyone gets the same words.
    numbers = macro(_T, "numbers", s, [(svc.short_name.get(lang) or svc.name[lang], html_(tel_inline(svc, lang, s)))
                                        for svc in services])
    danger = text(s.table["busy.danger"]).replace("{numbers}", numbers)  # the numbers' HTML into the sentence
    return macro(_T, "if_busy", s, chat_anchor, html_(danger))
