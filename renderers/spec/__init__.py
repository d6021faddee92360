"""The evaluation specification: one document model (``document.build_specification``)
laid out as Markdown, HTML or DOCX, and the evaluation matrix as CSV or XLSX."""
