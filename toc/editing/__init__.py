"""Changing a model file in place, as a person would with an editor: comment-preserving edits.

Used by `toc serve --edit` (the workshop page's buttons) and by `toc import --into`.
Three parts:

* ``toc.editing.document``: the ruamel.yaml round trip, and the splice that keeps
  every byte the edit did not touch exactly as it was (see ``splice``).
* ``toc.editing.operations``: the edits themselves, small typed functions on the
  round-trip document (add a node, set a field, delete a link...).
* ``toc.editing.files``: one edit of one file: read it, refuse if it is not the
  version the caller loaded (never overwrite newer work), apply, check that the
  result still loads, write atomically, and remember the previous bytes for undo.
"""

from toc.editing.files import (EditOutcome, EditRefused, StaleModel, UndoHistory, content_hash,
                               edit_file, edit_text)
from toc.editing.operations import (EditError, add_indicator, add_link, add_node, delete_indicator,
                                    delete_link, delete_node, derive_id, set_indicator, set_link,
                                    set_node_field)

__all__ = [
    "EditError", "EditOutcome", "EditRefused", "StaleModel", "UndoHistory", "add_indicator", "add_link",
    "add_node", "content_hash", "delete_indicator", "delete_link", "delete_node", "derive_id", "edit_file",
    "edit_text", "set_indicator", "set_link", "set_node_field",
]
