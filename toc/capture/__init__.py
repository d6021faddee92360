"""Bringing a theory of change in from what people write outside toc.

* ``notes`` and ``outline``: sticky notes typed up after a workshop (a CSV of
  text, stage, group, "leads to") or an indented Markdown outline, read into
  ``draft.Draft`` and written as a draft model (``toc import notes.csv -o x.toc.yaml``).
* ``sheets``: the workbook ``toc export`` writes, read back after an officer edited
  it (``toc import model.xlsx --into MODEL``); ``columns`` is what both sides agree on.

Whatever cannot be decided (a stage heading toc does not know, a "leads to" that
names no note or several, a formula in a cell) is a finding located in the file
read (``notes.csv:ROW:COL``, ``outline.md:LINE:COL``, ``model.xlsx:Boxes!B7``), never a
guess. The kinds are in ``kinds``; their documentation is the rule modules
``toc/rules/capture_*.py`` and ``toc/rules/sheet_*.py``.

This package sits with loading (it reads files into data and findings): it imports
only the foundation.
"""
