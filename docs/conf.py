"""Sphinx configuration: the theorem pages are generated from the registry at build time."""

import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "_ext"))

project = "modelcollapse"
author = "the modelcollapse developers"
copyright = "2026, the modelcollapse developers"
extensions = ["sphinx.ext.autodoc", "sphinx.ext.napoleon", "sphinx.ext.mathjax", "registry_pages"]
exclude_patterns = ["_build"]
templates_path = []
html_theme = "alabaster"
html_static_path = ["_static"]
html_js_files = ["pagecheck.js"]
html_theme_options = {"description": "Do self-trained models get smarter, or smaller?", "fixed_sidebar": True}
numfig = True
autodoc_member_order = "bysource"
napoleon_numpy_docstring = True
napoleon_google_docstring = False
suppress_warnings = []
# MathJax comes from a registry package (django-static-mathjax ships MathJax 3 without Django);
# registry_pages copies it into the build, so pages typeset with the network off.
mathjax_path = "mathjax/tex-chtml.js"
mathjax3_config = {"tex": {"inlineMath": [["\\(", "\\)"]], "displayMath": [["\\[", "\\]"]]}}
