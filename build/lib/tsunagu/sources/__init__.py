"""The editors' verification tool (``tsunagu-sources``): a worklist of every contact point, oldest
evidence first, and with ``--fetch`` a report of whether each source page still shows the contact.

It reads ``data/`` through the same loader as the build and writes only into its output folder: it
never edits data, because a person must compare and decide.
"""
