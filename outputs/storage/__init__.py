"""Saving without losing anything on a shared server, and the lock that keeps one session per file."""

from outputs.storage.locking import real_path
from outputs.storage.saving import (
    AnswersLock,
    LockedError,
    SaveError,
    atomic_write_text,
    remove_stray_temporaries,
    save_answers,
    saving_refusal,
    write_output,
)

__all__ = [
    "AnswersLock",
    "LockedError",
    "SaveError",
    "atomic_write_text",
    "real_path",
    "remove_stray_temporaries",
    "save_answers",
    "saving_refusal",
    "write_output",
]
