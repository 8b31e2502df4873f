"""What the leader is told about the flow's length before starting, from the flow's ``[length]``.

The figures are data in the flow (measured by the tests with the engine, so that starting
the wizard costs nothing); this module only says them in Danish, with "omkring", because
the number of questions depends on the answers.
"""

from __future__ import annotations

from flows.schema import Flow


def length_text(flow: Flow) -> str:
    """One sentence for the start screen; empty when the flow says nothing about its length."""
    length = flow.length
    if length is None:
        return ""
    return (
        f"Et simpelt redskab: omkring {length.simple_questions} spørgsmål, {length.simple_minutes} minutter. "
        f"En forandring af kerneopgaven: op til omkring {length.change_questions} spørgsmål, "
        f"{length.change_minutes} minutter."
    )
