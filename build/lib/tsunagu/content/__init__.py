"""The editors' Markdown: macros ([[tel id]], [[service id]], ...) and the checks on docs/ (every page in every
language, no typed facts).
"""
