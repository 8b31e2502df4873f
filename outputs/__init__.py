"""Files: the answers TOML, the Markdown export, the template and the catalogue.

Reads and writes files; knows nothing of screens (never imports Textual or wizard).
"""
