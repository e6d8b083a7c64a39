"""Small Sphinx fixes for the IA Santé book.

* Jupyter Book 1.0 loads sphinx-thebe twice, so every page declared
  ``const THEBE_JS_URL`` twice and the browser raised "Identifier
  'THEBE_JS_URL' has already been declared". Identical scripts are kept once.
"""

from __future__ import annotations


def _dedupe_scripts(app, pagename, templatename, context, doctree):
    scripts = context.get("script_files")
    if not scripts:
        return
    seen = set()
    unique = []
    for js in scripts:
        # the same inline script is registered once with filename None, once with ''
        key = (getattr(js, "filename", js) or "", repr(sorted(getattr(js, "attributes", {}).items())))
        if key not in seen:
            seen.add(key)
            unique.append(js)
    scripts[:] = unique


def setup(app):
    app.connect("html-page-context", _dedupe_scripts, priority=900)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
