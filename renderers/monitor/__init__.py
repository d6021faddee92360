"""The progress report of `toc monitor`: content.py says what it says, the other modules lay it out."""
