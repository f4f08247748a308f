"""Names of languages a line may answer in, each in its own script (used where the page has no word of its own)."""

from __future__ import annotations

ENDONYMS = {
    "ja": "日本語", "en": "English", "zh": "中文", "ko": "한국어", "vi": "Tiếng Việt", "pt": "Português",
    "es": "Español", "tl": "Tagalog", "th": "ไทย", "ne": "नेपाली", "id": "Bahasa Indonesia", "my": "မြန်မာ",
}
