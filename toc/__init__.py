"""toc: theories of change as checkable YAML graphs."""

__version__ = "0.1.0"
