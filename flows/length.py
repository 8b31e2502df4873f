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
        f"Et simpelt redskab giver omkring {length.simple_questions} spørgsmål og tager omkring "
        f"{length.simple_minutes} minutter; en forandring af kerneopgaven giver op til omkring "
        f"{length.change_questions} spørgsmål og tager omkring {length.change_minutes} minutter."
    )
