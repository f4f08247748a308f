"""tsunagu: build-time code for a city's loneliness and isolation website.

Data flows one way: data files -> validated model (``model``, ``loader``) -> Markdown/HTML
fragments (``render``, ``charts``, ``ruby``) -> pages. ``plugin`` is a thin MkDocs adapter.
"""
