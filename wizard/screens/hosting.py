"""The screens' typed way to the session: ``host_of(self)`` instead of an untyped ``self.app``."""

from __future__ import annotations

from typing import cast

from textual.dom import DOMNode

from wizard.session import Preparation, SessionHost


def host_of(node: DOMNode) -> SessionHost:
    """The app that holds the session (``wizard.app.WizardApp``; mypy checks that it is a SessionHost)."""
    return cast(SessionHost, node.app)


def preparation_of(node: DOMNode) -> Preparation:
    """The open preparation: every screen but the start screen is shown only once one is open."""
    preparation = host_of(node).preparation
    assert preparation is not None, "a preparation screen without an open preparation"
    return preparation
