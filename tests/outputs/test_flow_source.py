"""An organisation's own flow is remembered by the answers file (``forloeb-fil``) and found again.

Order of precedence (docs/answers-format.md): --flow, the flow the file remembers,
KERNEOPGAVE_FLOW, the built-in flow. Flows live in $KERNEOPGAVE_FLOWS, the XDG data
folder or the XDG data dirs; a missing remembered flow is a Danish message naming the
file and what to do, exit 2.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from flows import default_flow_text
from outputs.answers.file import load_answers
from outputs.answers.flow_source import flow_source, origin_of, remember_origin, remembered_source
from outputs.flow_file import read_flow_file
from outputs.storage.saving import save_answers
from wizard.cli import main


def own_flow_text(flow_id: str = "vores", version: str = "2.0") -> str:
    text = default_flow_text().replace('id = "kerneopgave"', f'id = "{flow_id}"', 1)
    return text.replace('version = "2.0"', f'version = "{version}"', 1)


@pytest.fixture
def folders(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An organisation's flows folder in $KERNEOPGAVE_FLOWS with the flow 'vores'; no other folder has flows."""
    flows = tmp_path / "forloeb"
    flows.mkdir()
    (flows / "vores.toml").write_text(own_flow_text(), encoding="utf-8")
    monkeypatch.setenv("KERNEOPGAVE_FLOWS", str(flows))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("XDG_DATA_DIRS", str(tmp_path / "ingen"))
    monkeypatch.delenv("KERNEOPGAVE_FLOW", raising=False)
    monkeypatch.chdir(tmp_path)
    return flows


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_a_file_made_with_a_flow_by_name_remembers_it_and_needs_no_flow_option(folders: Path, capsys) -> None:
    assert run(capsys, "template", "--flow", "vores", "--data", "navn=Robot", "-o", "svar.toml")[0] == 0
    text = Path("svar.toml").read_text(encoding="utf-8")
    assert 'forloeb = "vores"\nforloeb-version = "2.0"\nforloeb-fil = "vores"\n' in text
    assert run(capsys, "check", "svar.toml")[:2] == (0, "svar.toml: i orden\n")
    code, out, _ = run(capsys, "status", "--json", "svar.toml")
    assert code == 0 and json.loads(out)["flow"]["id"] == "vores"
    assert run(capsys, "export", "svar.toml", "-o", "svar.md")[0] == 0
    # without the remembered line the built-in flow is used, and the file is refused for being another flow's
    Path("svar.toml").write_text(text.replace('forloeb-fil = "vores"\n', ""), encoding="utf-8")
    code, out, _ = run(capsys, "check", "svar.toml")
    assert code == 1 and "hører til forløbet 'vores'" in out


def test_the_xdg_data_folder_holds_flows_too(folders: Path, tmp_path: Path, capsys, monkeypatch) -> None:
    monkeypatch.delenv("KERNEOPGAVE_FLOWS")
    own = tmp_path / "data" / "kerneopgave" / "flows"
    own.mkdir(parents=True)
    (folders / "vores.toml").rename(own / "vores.toml")
    assert run(capsys, "template", "--flow", "vores", "-o", "svar.toml")[0] == 0
    assert 'forloeb-fil = "vores"' in Path("svar.toml").read_text(encoding="utf-8")
    monkeypatch.delenv("XDG_DATA_HOME")
    monkeypatch.setenv("HOME", str(tmp_path / "hjem"))
    shared = tmp_path / "ingen" / "kerneopgave" / "flows"  # $XDG_DATA_DIRS: where IT puts it for everyone
    shared.mkdir(parents=True)
    (own / "vores.toml").rename(shared / "vores.toml")
    assert run(capsys, "check", "svar.toml")[0] == 0


def test_a_flow_outside_the_folders_is_remembered_by_its_path(folders: Path, tmp_path: Path, capsys) -> None:
    elsewhere = tmp_path / "andet" / "kommunens.toml"
    elsewhere.parent.mkdir()
    elsewhere.write_text(own_flow_text("kommunens"), encoding="utf-8")
    assert run(capsys, "template", "--flow", str(elsewhere), "-o", "svar.toml")[0] == 0
    assert f'forloeb-fil = "{elsewhere}"' in Path("svar.toml").read_text(encoding="utf-8")
    assert run(capsys, "check", "svar.toml")[0] == 0


def test_a_missing_remembered_flow_is_named_with_the_file_and_what_to_do(folders: Path, tmp_path: Path, capsys) -> None:
    assert run(capsys, "template", "--flow", "vores", "-o", "svar.toml")[0] == 0
    before = Path("svar.toml").read_bytes()
    (folders / "vores.toml").rename(tmp_path / "flyttet.toml")
    for command in (["check"], ["status"], ["export"], ["diff", "svar.toml"]):
        code, _, err = run(capsys, *command, "svar.toml")
        assert code == 2, command
        assert "svarfilen svar.toml er lavet med organisationens forløb »vores«, men forløbet findes ikke" in err
        assert f"søgt efter vores.toml i {folders}" in err and "Brug --flow FIL med forløbsfilen" in err
        assert "Traceback" not in err
    assert Path("svar.toml").read_bytes() == before
    code, out, _ = run(capsys, "check", "--json", "svar.toml")
    [result] = json.loads(out)["files"]
    assert code == 2 and result["could_not_read"].startswith("svarfilen svar.toml er lavet med organisationens")
    # --flow comes first: the moved file is used, and saving remembers where it is now
    assert run(capsys, "check", "--flow", str(tmp_path / "flyttet.toml"), "svar.toml")[0] == 0
    flow = read_flow_file(tmp_path / "flyttet.toml")
    remember_origin(flow, origin_of(tmp_path / "flyttet.toml"))
    save_answers(Path("svar.toml"), flow, load_answers(Path("svar.toml"), flow))
    assert f'forloeb-fil = "{tmp_path / "flyttet.toml"}"' in Path("svar.toml").read_text(encoding="utf-8")
    assert run(capsys, "check", "svar.toml")[0] == 0


def test_a_missing_remembered_path_says_so(folders: Path, capsys) -> None:
    Path("svar.toml").write_text(
        '[svarfil]\nformat = 1\nforloeb = "vores"\nforloeb-version = "2.0"\nforloeb-fil = "/findes/ikke.toml"\n',
        encoding="utf-8",
    )
    code, _, err = run(capsys, "status", "svar.toml")
    assert code == 2
    assert "svarfilen svar.toml er lavet med forløbet i /findes/ikke.toml (forloeb-fil i [svarfil])" in err


def test_the_remembered_flow_comes_before_kerneopgave_flow(folders: Path, tmp_path: Path, capsys, monkeypatch) -> None:
    assert run(capsys, "template", "--flow", "vores", "-o", "svar.toml")[0] == 0
    other = tmp_path / "andet.toml"
    other.write_text(own_flow_text("andet"), encoding="utf-8")
    monkeypatch.setenv("KERNEOPGAVE_FLOW", str(other))
    assert run(capsys, "check", "svar.toml")[0] == 0  # read with 'vores', not with 'andet'
    assert run(capsys, "template", "-o", "ny.toml")[0] == 0  # a new file takes KERNEOPGAVE_FLOW ...
    assert f'forloeb = "andet"\nforloeb-version = "2.0"\nforloeb-fil = "{other}"' in Path("ny.toml").read_text(
        encoding="utf-8"
    )
    code, out, _ = run(capsys, "check", "--flow", str(other), "svar.toml")  # ... and --flow beats all
    assert code == 1 and "hører til forløbet 'vores'" in out


def test_a_wrong_forloeb_fil_value_is_an_error_with_a_code(folders: Path, capsys) -> None:
    Path("svar.toml").write_text(
        '[svarfil]\nformat = 1\nforloeb = "kerneopgave"\nforloeb-version = "2.0"\nforloeb-fil = 3\n', encoding="utf-8"
    )
    code, out, _ = run(capsys, "check", "--json", "svar.toml")
    assert code == 1
    [problem] = json.loads(out)["files"][0]["problems"]
    assert problem["code"] == "flow-source-type" and problem["line"] == 5


def test_the_built_in_flow_has_no_origin_and_an_unreadable_file_remembers_nothing() -> None:
    from flows import default_flow

    assert flow_source(default_flow()) is None
    assert remembered_source(b'[svarfil]\nforloeb-fil = "vores"\n') == "vores"
    assert remembered_source(b"[svarfil\nforloeb-fil = 1") is None
    assert remembered_source(b'[svarfil]\nforloeb = "x"\n') is None


def test_wizard_flows_lists_the_organisations_flows(folders: Path, capsys) -> None:
    (folders / "ødelagt.toml").write_text("id = 1\n", encoding="utf-8")
    code, out, err = run(capsys, "flows")
    assert code == 0
    assert (
        f"  vores  version 2.0  Simpelt redskab eller forandring af kerneopgaven?  (--flow vores: {folders}/vores.toml)"
        in out
    )
    assert "ødelagt.toml kan ikke bruges" in err
    code, out, _ = run(capsys, "flows", "--json", "--flow", "vores")
    listed = json.loads(out)["flows"]
    assert [(item["id"], item["in_use"]) for item in listed] == [("kerneopgave", False), ("vores", True)]
