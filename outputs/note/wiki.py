"""The note into the wiki in one step: written, committed and pushed (``wizard export FIL --wiki``).

The wikis of GitLab, Gitea, GitHub and Azure DevOps are git repositories; the leader
has a working copy of one on the server (``KERNEOPGAVE_WIKI``). In that folder:

    noter/NAVN.md    the note (NAVN is the answers file's name without .toml: a stable name,
                     so a new export of the same file is a small diff of the same page)
    svar/NAVN.toml   the answers the note was made from, as the guide saves them (without
                     the leader's own comments); the note's appendix already shows them all
    oversigt.md      the overview page (``outputs.note.overview``), made again from every
                     svar/*.toml in the folder, so it lists every note put there this way,
                     by whichever leader, and never a file that is private on the server

Those paths, and only those, are committed, with a message naming the technology and
the leader; the commit is pushed when the working copy has a remote. When someone else
pushed first, the commit is rebased onto theirs when that is clean; the overview, which
both sides made, is simply made again from both sides' answers. Anything else (the same
note changed on both sides) aborts the rebase: nothing is lost, the commit stays in the
working copy, and the message says so.

Git runs as a subprocess with a fixed environment (C locale for the messages we read,
no prompts, no pager, no editor) and never through a shell. Every refusal is a
``WikiError`` with a Danish message saying what happened and what to do.
"""

from __future__ import annotations

import getpass
import os
import socket
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

from flows import Answers, Flow
from outputs.answers import check_answers_bytes, dumps_answers
from outputs.note.escape import one_line
from outputs.note.facts import NoteFacts, owner_name
from outputs.note.overview import Preparation, render_overview
from outputs.reporting import SaveError, printable

NOTES_FOLDER = "noter"
ANSWERS_FOLDER = "svar"
OVERVIEW_FILE = "oversigt.md"
WIKI_VARIABLE = "KERNEOPGAVE_WIKI"
NAME_QUESTION = "navn"
NETWORK_SECONDS = 120  # a push or pull that hangs longer is treated as "no network"
LOCAL_SECONDS = 30
MAX_PUSH_ATTEMPTS = 3  # someone may push again while we rebase

# Variables that would point git at another repository, index or configuration than the wiki's.
_GIT_REDIRECTS = (
    "GIT_DIR",
    "GIT_WORK_TREE",
    "GIT_INDEX_FILE",
    "GIT_OBJECT_DIRECTORY",
    "GIT_ALTERNATE_OBJECT_DIRECTORIES",
    "GIT_CEILING_DIRECTORIES",
    "GIT_NAMESPACE",
    "GIT_PREFIX",
    "GIT_COMMON_DIR",
    "GIT_CONFIG_PARAMETERS",
    "GIT_CONFIG_COUNT",
)


@dataclass(frozen=True)
class WikiNote:
    """One answers file to put in the wiki: its path (for the name), its answers and its facts."""

    answers_path: Path
    answers: Answers
    facts: NoteFacts = field(default_factory=NoteFacts)

    @property
    def stem(self) -> str:
        return self.answers_path.stem

    @property
    def technology(self) -> str:
        name = self.answers.values.get(NAME_QUESTION)
        return one_line(name) if isinstance(name, str) and one_line(name) else self.stem


@dataclass
class Published:
    """What happened: where the files are, whether a commit was made, where it was pushed."""

    folder: Path
    paths: list[str]  # relative to ``folder``
    committed: bool  # False when the wiki already had exactly these files
    pushed_to: str | None  # the remote's name and branch, or None when the working copy has no remote
    rebased: bool = False  # someone else had pushed first; our commit now follows theirs

    def summary(self) -> str:
        """A plain Danish confirmation for the leader."""
        files = ", ".join(self.paths)
        if self.committed:
            what = f"Noten og oversigten er committet i wikien {self.folder} ({files})"
        else:
            what = f"Wikien {self.folder} havde allerede præcis denne note og oversigt ({files}); intet nyt at committe"
        if self.pushed_to is None:
            return f"{what}. Wikiens mappe har ingen fjern-kopi (remote), så der er intet sendt."
        if not self.committed:
            return f"{what}. Wikien på {self.pushed_to} har alt fra din kopi."
        after = " efter en andens ændringer, som nu også er i din kopi" if self.rebased else ""
        return f"{what} og sendt til {self.pushed_to}{after}."


class WikiError(Exception):
    """Git said no. ``message`` says what happened and what to do; ``in_wiki`` is True when the
    notes were written into the wiki folder (so they are saved there, whatever git did)."""

    def __init__(self, message: str, in_wiki: bool = False) -> None:
        super().__init__(message)
        self.message = message
        self.in_wiki = in_wiki


@dataclass
class _Git:
    """``git -C folder ...`` with a fixed environment; the result's text is C-locale git output."""

    folder: Path
    extra_config: list[str] = field(default_factory=list)

    def run(self, *args: str, timeout: float = LOCAL_SECONDS) -> subprocess.CompletedProcess[str]:
        command = ["git", "-C", str(self.folder), *self.extra_config, *args]
        try:
            return subprocess.run(
                command,
                env=git_environment(),
                stdin=subprocess.DEVNULL,
                capture_output=True,
                text=True,
                errors="replace",
                timeout=timeout,
                check=False,
            )
        except FileNotFoundError:
            raise WikiError(
                "programmet git findes ikke på serveren, så noten kan ikke lægges i wikien. "
                "Bed jeres IT om at installere git."
            ) from None
        except subprocess.TimeoutExpired:
            return subprocess.CompletedProcess(command, 124, "", f"git {args[0]}: intet svar på {timeout:.0f} s")

    def ok(self, *args: str) -> bool:
        return self.run(*args).returncode == 0

    def out(self, *args: str) -> str:
        return self.run(*args).stdout.strip()


def git_environment() -> dict[str, str]:
    """The caller's environment (HOME, PATH, SSH agent: how the leader reaches the wiki) with
    git's redirections removed, English messages we can read, and nothing that waits for a person."""
    env = {key: value for key, value in os.environ.items() if key not in _GIT_REDIRECTS}
    env.update(
        {
            "LC_ALL": "C",
            "LANG": "C",
            "LANGUAGE": "C",
            "GIT_TERMINAL_PROMPT": "0",
            "GIT_PAGER": "cat",
            "PAGER": "cat",
            "GIT_EDITOR": "true",
            "GIT_MERGE_AUTOEDIT": "no",
            "GIT_ASKPASS": os.environ.get("GIT_ASKPASS", "true"),
        }
    )
    env.setdefault("GIT_SSH_COMMAND", "ssh -o BatchMode=yes -o ConnectTimeout=20")
    return env


def leader_name() -> str:
    """The person running the guide: the full name from the user database, else the login."""
    return owner_name(os.getuid()) or getpass.getuser()


def wiki_folder_from_environment() -> Path | None:
    value = os.environ.get(WIKI_VARIABLE, "").strip()
    return Path(value).expanduser() if value else None


def note_path(folder: Path, note: WikiNote) -> Path:
    return folder / NOTES_FOLDER / f"{note.stem}.md"


# -- the one step --------------------------------------------------------------------------------------


def publish(folder: Path, flow: Flow, notes: list[WikiNote], leader: str | None = None) -> Published:
    """Write the notes, their answers and the overview into the wiki working copy ``folder``,
    commit exactly those files and push; WikiError (Danish) when any step cannot be done."""
    from outputs.note.markdown import render_markdown

    folder = Path(folder)
    leader = leader or leader_name()
    git = _Git(folder)
    _check_working_copy(git)
    git = _Git(folder, _identity(git, leader))  # the rebase commits too, so every command gets it
    paths: list[str] = []
    try:
        for note in notes:
            _write(note_path(folder, note), render_markdown(flow, note.answers, note.facts))
            _write(folder / ANSWERS_FOLDER / f"{note.stem}.toml", dumps_answers(flow, note.answers))
            paths += [f"{NOTES_FOLDER}/{note.stem}.md", f"{ANSWERS_FOLDER}/{note.stem}.toml"]
        _write_overview(folder, flow)
    except SaveError as error:
        raise WikiError(f"noten kunne ikke skrives i wikiens mappe: {error.message}") from None
    paths.append(OVERVIEW_FILE)
    committed = _commit(git, paths, _message(notes, leader))
    target = _push_target(git)
    if target is None:
        return Published(folder, paths, committed, None)
    rebased = _push(git, target, folder, flow)
    return Published(folder, paths, committed, f"{target[0]} ({target[1]})", rebased)


def _write(path: Path, text: str) -> None:
    from outputs.storage import write_output

    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise SaveError(f"mappen {printable(str(path.parent))} kunne ikke oprettes ({error.strerror})") from None
    write_output(path, text, durable=True)


def _write_overview(folder: Path, flow: Flow) -> bool:
    """Make the overview again from every svar/*.toml in the wiki; True when it changed."""
    preparations = []
    for answers_file in sorted((folder / ANSWERS_FOLDER).glob("*.toml")):
        try:
            answers, _ = check_answers_bytes(answers_file.read_bytes(), flow, str(answers_file))
        except OSError:
            answers = None
        if answers is None:  # another flow's answers, or a hand edit gone wrong: not a row
            continue
        note = f"{NOTES_FOLDER}/{answers_file.stem}.md"
        link = note if (folder / note).is_file() else None
        preparations.append(Preparation(answers_file.name, link, answers))
    text = render_overview(flow, preparations)
    page = folder / OVERVIEW_FILE
    try:
        if page.read_text(encoding="utf-8") == text:
            return False
    except (OSError, UnicodeDecodeError):
        pass
    _write(page, text)
    return True


def _message(notes: list[WikiNote], leader: str) -> str:
    names = ", ".join(f"»{note.technology}«" for note in notes)
    word = "Note" if len(notes) == 1 else "Noter"
    return one_line(f"{word} om {names} fra {leader} (kerneopgave-guiden)")


# -- the steps ------------------------------------------------------------------------------------------


def _check_working_copy(git: _Git) -> None:
    shown = printable(str(git.folder))
    if not git.folder.is_dir():
        raise WikiError(
            f"wikiens mappe {shown} findes ikke. Hent wikien med 'git clone ADRESSE {shown}' "
            f"(adressen står på wikiens side), eller ret {WIKI_VARIABLE}."
        )
    inside = git.run("rev-parse", "--is-inside-work-tree")
    if inside.returncode != 0 or inside.stdout.strip() != "true":
        raise WikiError(
            f"mappen {shown} er ikke en git-kopi af en wiki. Hent wikien med 'git clone ADRESSE {shown}' "
            f"(adressen står på wikiens side), eller ret {WIKI_VARIABLE}."
        )
    for marker in ("rebase-merge", "rebase-apply", "MERGE_HEAD", "CHERRY_PICK_HEAD"):
        if Path(git.folder, git.out("rev-parse", "--git-path", marker)).exists():
            raise WikiError(_half_done(shown))
    if git.out("ls-files", "--unmerged"):
        raise WikiError(_half_done(shown))


def _half_done(shown: str) -> str:
    return (
        f"wikien i {shown} er midt i en sammenfletning, som ikke er gjort færdig, så noten lægges ikke i den nu. "
        f"Bed en, der kender git, om at gøre den færdig (git status i {shown}), og eksportér så igen."
    )


def _identity(git: _Git, leader: str) -> list[str]:
    """``-c user.name=… -c user.email=…`` for what the wiki's git configuration does not say."""
    identity = []
    if not git.out("config", "user.name"):
        identity += ["-c", f"user.name={leader}"]
    if not git.out("config", "user.email"):
        identity += ["-c", f"user.email={getpass.getuser()}@{socket.gethostname()}"]
    return identity


def _commit(git: _Git, paths: list[str], message: str) -> bool:
    """Commit exactly ``paths`` (not whatever else is staged); False when nothing changed."""
    added = git.run("add", "--", *paths)
    if added.returncode != 0:
        raise WikiError(_git_said("noten kunne ikke lægges til i wikiens git-kopi", added), in_wiki=True)
    if not git.out("status", "--porcelain", "--", *paths):
        return False
    committing = git.run("commit", "--quiet", "--no-verify", "-m", message, "--", *paths)
    if committing.returncode != 0:
        _unstage(git, paths)
        raise WikiError(
            _git_said("noten kunne ikke committes i wikien; intet er committet, filerne ligger i mappen", committing),
            in_wiki=True,
        )
    return True


def _unstage(git: _Git, paths: list[str]) -> None:
    if git.ok("rev-parse", "--verify", "--quiet", "HEAD"):
        git.run("reset", "--quiet", "--", *paths)
    else:  # no commit yet: there is nothing to reset to
        git.run("rm", "--cached", "--quiet", "--ignore-unmatch", "--", *paths)


def _push_target(git: _Git) -> tuple[str, str] | None:
    """(remote, branch) to push to: the branch's upstream, else the only remote (or origin) and
    the branch of the same name; None when the working copy has no remote."""
    remotes = git.out("remote").split()
    if not remotes:
        return None
    branch = git.out("symbolic-ref", "--quiet", "--short", "HEAD")
    if not branch:
        raise WikiError(
            f"wikiens kopi i {printable(str(git.folder))} står ikke på en gren (detached HEAD), så noten er committet "
            "men ikke sendt. Bed en, der kender git, om at skifte til wikiens gren, og eksportér så igen.",
            in_wiki=True,
        )
    remote = git.out("config", f"branch.{branch}.remote") or ("origin" if "origin" in remotes else remotes[0])
    merge = git.out("config", f"branch.{branch}.merge").removeprefix("refs/heads/") or branch
    return remote, merge


def _push(git: _Git, target: tuple[str, str], folder: Path, flow: Flow) -> bool:
    """Push; when someone pushed first, rebase onto theirs (only when clean) and push again.
    True when a rebase was needed."""
    remote, branch = target
    rebased = False
    for _ in range(MAX_PUSH_ATTEMPTS):
        pushed = git.run("push", "--quiet", "--porcelain", remote, f"HEAD:refs/heads/{branch}", timeout=NETWORK_SECONDS)
        if pushed.returncode == 0:
            return rebased
        if not _rejected(pushed):
            raise WikiError(_unreachable(folder, remote, pushed), in_wiki=True)
        _rebase(git, remote, branch, folder, flow)
        rebased = True
    raise WikiError(
        f"andre sendte hele tiden nye ændringer til wikien, mens noten blev sendt. Noten er committet i {folder}; "
        "eksportér igen om lidt, så sendes den.",
        in_wiki=True,
    )


def _rejected(result: subprocess.CompletedProcess[str]) -> bool:
    text = result.stdout + result.stderr
    return "[rejected]" in text or "non-fast-forward" in text or "fetch first" in text or "! " in result.stdout


def _rebase(git: _Git, remote: str, branch: str, folder: Path, flow: Flow) -> None:
    """Put our commit after the remote's; the overview (made by both) is made again from both
    sides' answers. Any other conflict aborts the rebase, and WikiError says what is where."""
    pulled = git.run(
        "-c", "rebase.autoStash=false", "pull", "--rebase", "--quiet", remote, branch, timeout=NETWORK_SECONDS
    )
    overview = (folder / OVERVIEW_FILE).resolve()
    for _ in range(100):  # one round per commit of ours that is replayed
        if not _rebasing(git):
            break
        conflicts = _conflicted(git)
        if not conflicts:  # the rebase stopped for another reason than a conflict
            git.run("rebase", "--abort")
            raise WikiError(
                _git_said(
                    f"en anden har sendt ændringer til wikien først, og de kunne ikke hentes ind i din kopi. Noten er "
                    f"committet i din kopi i {folder}, men ikke sendt. Bed en, der kender git, om hjælp",
                    pulled,
                ),
                in_wiki=True,
            )
        if conflicts - {overview}:
            git.run("rebase", "--abort")
            raise WikiError(_conflict_message(folder, conflicts - {overview}), in_wiki=True)
        _write_overview(folder, flow)
        git.run("add", "--", OVERVIEW_FILE)
        pulled = git.run("rebase", "--continue")
    if _rebasing(git):  # pragma: no cover - more of our commits than the loop allows
        git.run("rebase", "--abort")
        raise WikiError(_conflict_message(folder, set()), in_wiki=True)
    if pulled.returncode != 0:  # the pull itself failed: no rebase was started
        if "local changes" in pulled.stderr or "unstaged changes" in pulled.stderr or "uncommitted" in pulled.stderr:
            raise WikiError(
                f"en anden har sendt ændringer til wikien først, og din kopi i {folder} har andre ændringer, "
                "som ikke er committet, så de kan ikke hentes. Noten er committet i din kopi, men ikke sendt. "
                f"Bed en, der kender git, om at rydde op (git status i {folder}), og eksportér så igen.",
                in_wiki=True,
            )
        raise WikiError(_unreachable(folder, remote, pulled), in_wiki=True)
    # A clean rebase can still merge two overviews line by line (both said "2 forberedelser"):
    # make it again from the answers that are now there, in the same commit.
    if _write_overview(folder, flow):
        git.run("add", "--", OVERVIEW_FILE)
        if git.ok("merge-base", "--is-ancestor", "HEAD", "FETCH_HEAD"):  # our commit was dropped as already there
            git.run(
                "commit",
                "--quiet",
                "--no-verify",
                "-m",
                "Oversigten lavet igen (kerneopgave-guiden)",
                "--",
                OVERVIEW_FILE,
            )
        else:
            git.run("commit", "--quiet", "--no-verify", "--amend", "--no-edit", "--", OVERVIEW_FILE)


def _rebasing(git: _Git) -> bool:
    return any(
        Path(git.folder, git.out("rev-parse", "--git-path", marker)).exists()
        for marker in ("rebase-merge", "rebase-apply")
    )


def _conflicted(git: _Git) -> set[Path]:
    top = Path(git.out("rev-parse", "--show-toplevel"))
    names = git.out("diff", "--name-only", "--diff-filter=U").splitlines()
    return {(top / name).resolve() for name in names if name}


def _conflict_message(folder: Path, paths: set[Path]) -> str:
    shown = ", ".join(sorted(os.path.relpath(path, folder) for path in paths)) or "wikien"
    return (
        f"en anden har ændret den samme note i wikien ({shown}) og sendt sin udgave først. Intet er tabt: din udgave "
        f"er committet i din kopi i {folder}, den andens ligger i wikien. Tal med den anden om, hvilken udgave der "
        "gælder, og bed en, der kender git, om at flette de to (git pull --rebase i mappen)."
    )


def _unreachable(folder: Path, remote: str, result: subprocess.CompletedProcess[str]) -> str:
    return _git_said(
        f"wikien ({remote}) kunne ikke nås, så noten er committet i din kopi i {folder}, men ikke sendt. "
        "Tjek netforbindelsen, og eksportér igen senere, så sendes den",
        result,
    )


def _git_said(message: str, result: subprocess.CompletedProcess[str]) -> str:
    lines = [line.strip() for line in (result.stderr or result.stdout).splitlines() if line.strip()]
    said = f" (git: {printable(lines[-1])})" if lines else ""
    return f"{message}{said}."
