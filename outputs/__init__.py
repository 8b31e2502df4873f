"""Files: the answers file, the note and the pages around it, saved safely on a shared server.

Reads and writes files; knows nothing of screens (never imports Textual or wizard). Grouped by
job, each group used from outside through its package: ``reporting`` (problems, Danish OS
messages), ``toml`` (the one TOML text layer), ``wording`` (shared words), ``answers`` (the
answers file), ``storage`` (saving and the lock), ``note`` (the note, overview, catalogue, wiki).
"""
