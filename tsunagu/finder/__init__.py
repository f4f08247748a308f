"""The "who can I talk to now?" finder ([[finder]]) and its children's version ([[finder kids]])."""
