"""The format documents as package data: ``wizard help format`` and ``wizard help flow`` print them.

The Markdown files in this folder are the source; this file only makes the folder a package
(``kerneopgave_docs``, see pyproject.toml) so an installed program can find them.
"""
