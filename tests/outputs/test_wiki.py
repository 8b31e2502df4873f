"""``wizard export FIL --wiki``: the note into a wiki that is a git repository, with real git.

Every test builds its own "server": a bare repository as the wiki's remote and working
copies cloned from it in a temp folder; no network. Git's global and system settings
are switched off, so nothing depends on the machine's configuration.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from outputs.note.facts import owner_name
from outputs.note.wiki import WIKI_VARIABLE
from wizard import cli

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")

LEADER = owner_name(os.getuid()) or "root"


@pytest.fixture(autouse=True)
def _plain_git(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """No global or system git configuration, no identity from the environment."""
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", str(home / "gitconfig"))
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    for name in ("GIT_AUTHOR_NAME", "GIT_AUTHOR_EMAIL", "GIT_COMMITTER_NAME", "GIT_COMMITTER_EMAIL", WIKI_VARIABLE):
        monkeypatch.delenv(name, raising=False)


def git(folder: Path, *args: str) -> str:
    result = subprocess.run(
        ["git", "-C", str(folder), *args], capture_output=True, text=True, check=True, env={**os.environ, "LC_ALL": "C"}
    )
    return result.stdout


def remote_and_clones(tmp_path: Path, *names: str) -> tuple[Path, list[Path]]:
    remote = tmp_path / "wiki.git"
    subprocess.run(["git", "init", "--quiet", "--bare", "--initial-branch=main", str(remote)], check=True)
    clones = []
    for name in names:
        clone = tmp_path / name
        subprocess.run(["git", "clone", "--quiet", str(remote), str(clone)], check=True, capture_output=True)
        clones.append(clone)
    return remote, clones


def answers_file(folder: Path, stem: str, *data: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{stem}.toml"
    argv = ["template", "-o", str(path), "--force"]
    for item in data:
        argv += ["--data", item]
    assert cli.main(argv) == 0
    return path


def export(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str]:
    code = cli.main(["export", *argv])
    return code, capsys.readouterr().err


def remote_file(remote: Path, path: str) -> str:
    return git(remote, "show", f"main:{path}")


# -- it works ------------------------------------------------------------------------------------------------


def test_first_note_is_written_committed_and_pushed(tmp_path: Path, capsys) -> None:
    remote, (wiki,) = remote_and_clones(tmp_path, "wiki")
    source = answers_file(tmp_path / "leder", "skaermbesoeg", "navn=Skærmbesøg i hjemmeplejen", "glider-ind=nej")

    code, err = export(capsys, str(source), "--wiki", str(wiki))

    assert code == 0, err
    assert f"committet i wikien {wiki}" in err and "sendt til origin (main)" in err
    assert git(wiki, "status", "--porcelain") == ""
    assert sorted(git(remote, "ls-tree", "-r", "--name-only", "main").split()) == [
        "noter/skaermbesoeg.md",
        "oversigt.md",
        "svar/skaermbesoeg.toml",
    ]
    assert git(remote, "log", "--format=%s", "main").strip() == (
        f"Note om »Skærmbesøg i hjemmeplejen« fra {LEADER} (kerneopgave-guiden)"
    )
    assert git(remote, "log", "--format=%an", "main").strip() == LEADER  # no git identity configured: the leader
    assert remote_file(remote, "noter/skaermbesoeg.md") == (wiki / "noter/skaermbesoeg.md").read_text(encoding="utf-8")
    assert "# Skærmbesøg i hjemmeplejen" in remote_file(remote, "noter/skaermbesoeg.md")
    overview = remote_file(remote, "oversigt.md")
    assert "1 forberedelse af møder" in overview
    assert "[Skærmbesøg i hjemmeplejen](<noter/skaermbesoeg.md>)" in overview


def test_the_folder_can_come_from_the_environment(tmp_path: Path, capsys, monkeypatch) -> None:
    remote, (wiki,) = remote_and_clones(tmp_path, "wiki")
    source = answers_file(tmp_path / "leder", "robot", "navn=Robotstøvsuger")
    monkeypatch.setenv(WIKI_VARIABLE, str(wiki))

    code, err = export(capsys, str(source), "--wiki")

    assert code == 0, err
    assert "noter/robot.md" in git(remote, "ls-tree", "-r", "--name-only", "main")


def test_without_folder_or_variable_it_says_what_to_set(tmp_path: Path, capsys) -> None:
    source = answers_file(tmp_path, "robot", "navn=Robotstøvsuger")
    code, err = export(capsys, str(source), "--wiki")
    assert code == 2 and WIKI_VARIABLE in err


def test_an_updated_note_is_a_small_diff_and_the_same_note_no_commit(tmp_path: Path, capsys) -> None:
    remote, (wiki,) = remote_and_clones(tmp_path, "wiki")
    folder = tmp_path / "leder"
    source = answers_file(folder, "skaermbesoeg", "navn=Skærmbesøg", "glider-ind=nej")
    assert export(capsys, str(source), "--wiki", str(wiki))[0] == 0

    answers_file(folder, "skaermbesoeg", "navn=Skærmbesøg", "glider-ind=nej", "noter.navn=Spørg IT om prisen")
    code, err = export(capsys, str(source), "--wiki", str(wiki))

    assert code == 0, err
    assert len(git(remote, "log", "--format=%H", "main").split()) == 2
    changed = git(remote, "diff", "--numstat", "main~1", "main", "--", "noter/skaermbesoeg.md").split()
    added, removed = int(changed[0]), int(changed[1])
    assert 0 < added + removed <= 12, changed  # the note's own lines about the new note, not a rewrite

    code, err = export(capsys, str(source), "--wiki", str(wiki))
    assert code == 0 and "intet nyt at committe" in err and "har alt fra din kopi" in err
    assert len(git(remote, "log", "--format=%H", "main").split()) == 2


def test_only_the_notes_paths_are_committed(tmp_path: Path, capsys) -> None:
    remote, (wiki,) = remote_and_clones(tmp_path, "wiki")
    (wiki / "kladde.md").write_text("halvfærdig side\n", encoding="utf-8")
    git(wiki, "add", "kladde.md")
    source = answers_file(tmp_path / "leder", "robot", "navn=Robot")

    assert export(capsys, str(source), "--wiki", str(wiki))[0] == 0

    assert "kladde.md" not in git(remote, "ls-tree", "-r", "--name-only", "main")
    assert git(wiki, "status", "--porcelain").strip() == "A  kladde.md"  # still staged, as the leader left it


def test_a_working_copy_without_remote_is_committed_not_pushed(tmp_path: Path, capsys) -> None:
    wiki = tmp_path / "wiki"
    subprocess.run(["git", "init", "--quiet", str(wiki)], check=True)
    source = answers_file(tmp_path / "leder", "robot", "navn=Robot")

    code, err = export(capsys, str(source), "--wiki", str(wiki))

    assert code == 0, err
    assert "ingen fjern-kopi" in err
    assert git(wiki, "log", "--format=%s").startswith("Note om »Robot«")


# -- two leaders, one wiki -------------------------------------------------------------------------------------


def test_two_leaders_the_second_is_rebased_and_pushed(tmp_path: Path, capsys) -> None:
    remote, (anna, bo) = remote_and_clones(tmp_path, "anna-wiki", "bo-wiki")
    first = answers_file(tmp_path / "anna", "robot", "navn=Robotstøvsuger")
    second = answers_file(tmp_path / "bo", "skaerm", "navn=Skærmbesøg")
    assert export(capsys, str(first), "--wiki", str(anna))[0] == 0

    code, err = export(capsys, str(second), "--wiki", str(bo))  # bo's copy does not have anna's note

    assert code == 0, err
    assert "efter en andens ændringer" in err
    history = git(remote, "log", "--format=%s", "main").splitlines()
    assert [line.split("«")[0] for line in history] == ["Note om »Skærmbesøg", "Note om »Robotstøvsuger"]
    overview = remote_file(remote, "oversigt.md")
    assert "2 forberedelser" in overview
    assert "(<noter/robot.md>)" in overview and "(<noter/skaerm.md>)" in overview
    assert "<<<<<<<" not in overview
    assert git(bo, "status", "--porcelain") == ""
    assert (bo / "noter/robot.md").is_file()


def test_a_second_round_of_two_leaders_merges_the_overview_again(tmp_path: Path, capsys) -> None:
    """Both copies already have an overview: both change its count line and add a row."""
    remote, (anna, bo) = remote_and_clones(tmp_path, "anna-wiki", "bo-wiki")
    assert export(capsys, str(answers_file(tmp_path / "anna", "a", "navn=Alfa")), "--wiki", str(anna))[0] == 0
    git(bo, "pull", "--quiet")
    assert export(capsys, str(answers_file(tmp_path / "anna", "b", "navn=Beta")), "--wiki", str(anna))[0] == 0

    code, err = export(capsys, str(answers_file(tmp_path / "bo", "c", "navn=Gamma")), "--wiki", str(bo))

    assert code == 0, err
    overview = remote_file(remote, "oversigt.md")
    assert "3 forberedelser" in overview
    assert [line.split("]")[0] for line in overview.splitlines() if line.startswith("| [")] == [
        "| [Alfa",
        "| [Beta",
        "| [Gamma",
    ]


def test_a_clean_rebase_still_gets_an_overview_made_from_both(tmp_path: Path, capsys) -> None:
    """Both add a row far apart and both say "3 forberedelser": git merges that text cleanly,
    but the page must say 4; the overview is made again from the answers in the same commit."""
    remote, (anna, bo) = remote_and_clones(tmp_path, "anna-wiki", "bo-wiki")
    for stem, name in (("m", "Midt"), ("n", "Næsten midt")):
        assert export(capsys, str(answers_file(tmp_path / "anna", stem, f"navn={name}")), "--wiki", str(anna))[0] == 0
    git(bo, "pull", "--quiet")
    assert export(capsys, str(answers_file(tmp_path / "anna", "a", "navn=Alfa")), "--wiki", str(anna))[0] == 0

    code, err = export(capsys, str(answers_file(tmp_path / "bo", "z", "navn=Zeta")), "--wiki", str(bo))

    assert code == 0, err
    overview = remote_file(remote, "oversigt.md")
    assert "4 forberedelser" in overview
    assert len([line for line in overview.splitlines() if line.startswith("| [")]) == 4
    assert git(remote, "log", "-1", "--format=%s", "main").startswith("Note om »Zeta«")  # one commit, not two


def test_the_same_note_changed_by_both_loses_nothing(tmp_path: Path, capsys) -> None:
    remote, (anna, bo) = remote_and_clones(tmp_path, "anna-wiki", "bo-wiki")
    shared = answers_file(tmp_path / "anna", "faelles", "navn=Fælles robot")
    assert export(capsys, str(shared), "--wiki", str(anna))[0] == 0
    git(bo, "pull", "--quiet")
    answers_file(tmp_path / "anna", "faelles", "navn=Fælles robot", "noter.navn=Annas note")
    assert export(capsys, str(shared), "--wiki", str(anna))[0] == 0
    bos = answers_file(tmp_path / "bo", "faelles", "navn=Fælles robot", "noter.navn=Bos note")

    code, err = export(capsys, str(bos), "--wiki", str(bo))

    assert code == 2
    assert "samme note" in err and "noter/faelles.md" in err and "Intet er tabt" in err
    assert "Annas note" in remote_file(remote, "noter/faelles.md")  # the wiki keeps anna's
    assert "Bos note" in git(bo, "show", "HEAD:noter/faelles.md")  # bo's is committed in bo's copy
    assert git(bo, "status", "--porcelain") == ""  # the rebase is aborted: no conflict markers left
    assert not (bo / ".git" / "rebase-merge").exists() and not (bo / ".git" / "rebase-apply").exists()


# -- when git says no ---------------------------------------------------------------------------------------


def test_a_folder_that_is_not_a_working_copy(tmp_path: Path, capsys) -> None:
    folder = tmp_path / "ikke-wiki"
    folder.mkdir()
    source = answers_file(tmp_path / "leder", "robot", "navn=Robot")

    code, err = export(capsys, str(source), "--wiki", str(folder))

    assert code == 2
    assert "er ikke en git-kopi af en wiki" in err and "git clone" in err
    assert list(folder.iterdir()) == []  # nothing written into a folder git does not know
    assert (tmp_path / "leder" / "robot.md").is_file()  # the note is saved beside the answers file
    assert "robot.md i stedet" in err


def test_a_missing_folder(tmp_path: Path, capsys) -> None:
    source = answers_file(tmp_path / "leder", "robot", "navn=Robot")
    code, err = export(capsys, str(source), "--wiki", str(tmp_path / "findes-ikke"))
    assert code == 2 and "findes ikke" in err
    assert (tmp_path / "leder" / "robot.md").is_file()


def test_no_git_on_the_server(tmp_path: Path, capsys, monkeypatch) -> None:
    _, (wiki,) = remote_and_clones(tmp_path, "wiki")
    source = answers_file(tmp_path / "leder", "robot", "navn=Robot")
    empty = tmp_path / "tom-bin"
    empty.mkdir()
    monkeypatch.setenv("PATH", str(empty))

    code, err = export(capsys, str(source), "--wiki", str(wiki))

    assert code == 2
    assert "git findes ikke" in err and "IT" in err
    assert (tmp_path / "leder" / "robot.md").is_file()
    assert not (wiki / "noter").exists()


def test_no_network_keeps_the_commit_for_next_time(tmp_path: Path, capsys) -> None:
    remote, (wiki,) = remote_and_clones(tmp_path, "wiki")
    source = answers_file(tmp_path / "leder", "robot", "navn=Robot")
    moved = tmp_path / "wiki-flyttet.git"
    remote.rename(moved)  # the remote cannot be reached

    code, err = export(capsys, str(source), "--wiki", str(wiki))

    assert code == 2
    assert "kunne ikke nås" in err and "eksportér igen senere" in err
    assert git(wiki, "log", "--format=%s").startswith("Note om »Robot«")
    assert git(wiki, "status", "--porcelain") == ""

    moved.rename(remote)  # the network is back: the same export sends what was committed
    code, err = export(capsys, str(source), "--wiki", str(wiki))
    assert code == 0, err
    assert "noter/robot.md" in git(remote, "ls-tree", "-r", "--name-only", "main")


def test_a_working_copy_in_the_middle_of_a_merge_is_left_alone(tmp_path: Path, capsys) -> None:
    _, (anna, bo) = remote_and_clones(tmp_path, "anna-wiki", "bo-wiki")
    for copy, text in ((anna, "Anna\n"), (bo, "Bo\n")):
        (copy / "side.md").write_text(text, encoding="utf-8")
        git(copy, "add", "side.md")
        git(copy, "-c", "user.name=x", "-c", "user.email=x@x", "commit", "--quiet", "-m", "side")
    git(anna, "push", "--quiet", "origin", "HEAD:main")
    subprocess.run(["git", "-C", str(bo), "pull", "--quiet", "--rebase"], capture_output=True, check=False)
    source = answers_file(tmp_path / "leder", "robot", "navn=Robot")

    code, err = export(capsys, str(source), "--wiki", str(bo))

    assert code == 2 and "midt i en sammenfletning" in err
    assert not (bo / "noter").exists()
    assert (tmp_path / "leder" / "robot.md").is_file()


def test_answers_with_errors_are_not_put_in_the_wiki(tmp_path: Path, capsys) -> None:
    remote, (wiki,) = remote_and_clones(tmp_path, "wiki")
    good = answers_file(tmp_path / "leder", "god", "navn=God")
    bad = tmp_path / "leder" / "daarlig.toml"
    bad.write_text("[svarfil\n", encoding="utf-8")

    code, err = export(capsys, str(good), str(bad), "--wiki", str(wiki))

    assert code == 1 and "daarlig.toml" in err
    assert git(remote, "ls-tree", "-r", "--name-only", "main").split() == [
        "noter/god.md",
        "oversigt.md",
        "svar/god.toml",
    ]
