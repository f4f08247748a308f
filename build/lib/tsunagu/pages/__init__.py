"""Pieces of every page: contact rows and service cards, hours in words, charts, furigana, JSON-LD."""
