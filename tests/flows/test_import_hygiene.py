"""flows is the pure core: importing it must load neither Textual nor the outer layers."""

from __future__ import annotations

import subprocess
import sys


def test_importing_flows_loads_no_ui_and_no_files_layer():
    probe = (
        "import sys, flows; flows.default_flow(); "
        "print(sorted({m.split('.')[0] for m in sys.modules} & {'textual', 'outputs', 'wizard'}))"
    )
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"
