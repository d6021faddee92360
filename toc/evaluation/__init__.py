"""Evaluation planning: the method and measure catalogues, and the mapping of
methods to the nodes of a theory of change (the data `toc spec` renders)."""
