"""The bottom layer: plain helpers that import no app of the project (see docs/STYLE.md)."""
