"""Last changes to each page's HTML (tsunagu/publish/postprocess.py): white space and Material's JS-only markup."""

from __future__ import annotations

from tsunagu.publish import csp, postprocess

PAGE = """<!doctype html>
<html>
  <head>
    <script>var a = 1;
      var b = 2;</script>
  </head>
  <body>
    <input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer">
    <input class="md-toggle" data-md-toggle="search" type="checkbox" id="__search">
    <p>
      Two   words
      <a href="x"
         title="a
   b">link</a>
    </p>
    <pre>  keep
    this</pre>
    <p><code>two  spaces
  kept</code></p>
    <div class="md-dialog" data-md-component="dialog">
      <div class="md-dialog__inner md-typeset"></div>
    </div>
  </body>
</html>
"""


def test_runs_of_white_space_with_a_line_break_become_one_line_break() -> None:
    out = postprocess.compact_whitespace(PAGE)
    assert "<p>\nTwo   words\n<a" in out, "spaces within a line stay; indentation goes"
    assert "</script>\n</head>\n<body>\n<input" in out
    assert len(out) < len(PAGE) - 60


def test_tags_scripts_pre_and_code_are_copied_as_they_are() -> None:
    out = postprocess.compact_whitespace(PAGE)
    assert '<a href="x"\n         title="a\n   b">' in out
    assert "<pre>  keep\n    this</pre>" in out and "<code>two  spaces\n  kept</code>" in out
    assert csp.script_hashes(out) == csp.script_hashes(PAGE)


def test_search_toggle_and_dialog_go_the_drawer_stays() -> None:
    out = postprocess.without_material_js_markup(PAGE)
    assert "__search" not in out and "md-dialog" not in out
    assert 'id="__drawer"' in out
