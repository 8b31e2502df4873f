"""argparse in Danish: headings, the help option and the common error messages.

argparse's own texts are English and Python ships no Danish translation, so the
headings are renamed here, and the error messages a user meets (a missing file
name, an unknown option) are translated; any other falls through unchanged.
Errors raise ``UsageError`` instead of exiting, so ``main`` decides the exit code.

The wizard's own parsers (``build_parser``, ``build_app_parser``) are defined here
too, with Danish help and examples for every command.
"""

from __future__ import annotations

import argparse
import re
from typing import Any, NoReturn

_ERRORS = (
    (r"the following arguments are required: (.*)", r"mangler: \1"),
    (r"unrecognized arguments: (.*)", r"ukendte argumenter: \1"),
    (r"argument (.*?): expected one argument", r"\1 skal have en værdi"),
    (r"argument (.*?): expected at least one argument", r"\1 skal have mindst én værdi"),
    (r"argument (.*?): not allowed with argument (.*)", r"\1 kan ikke bruges sammen med \2"),
    (r"argument (.*?): invalid choice: (.*?) \(choose from (.*)\)", r"\1: ugyldigt valg \2 (vælg mellem \3)"),
    (r"ambiguous option: (.*?) could match (.*)", r"tilvalget \1 er tvetydigt; det kan betyde \2"),
)


class UsageError(Exception):
    """The command line could not be understood; ``usage`` is the short usage line."""

    def __init__(self, message: str, usage: str = "", command: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.usage = usage
        self.command = command


def translate(message: str) -> str:
    for pattern, replacement in _ERRORS:
        if re.fullmatch(pattern, message):
            return re.sub(pattern, replacement, message)
    return message


class DanishFormatter(argparse.RawDescriptionHelpFormatter):
    """Keeps descriptions and examples as written; "Brug:" instead of "usage:"."""

    def add_argument(self, action: argparse.Action) -> None:
        """As argparse, but a command's name is measured where it is printed (one level deeper),
        so the longest one ("completion") gets its help on the same line, not under it."""
        super().add_argument(action)
        if action.help is not argparse.SUPPRESS:
            for subaction in self._iter_indented_subactions(action):
                length = len(self._format_action_invocation(subaction)) + self._current_indent
                self._action_max_length = max(self._action_max_length, length)

    def add_usage(self, usage: Any, actions: Any, groups: Any, prefix: str | None = None) -> None:
        super().add_usage(usage, actions, groups, "Brug: " if prefix is None else prefix)


class DanishParser(argparse.ArgumentParser):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", DanishFormatter)
        kwargs["add_help"] = False
        super().__init__(*args, **kwargs)
        self._positionals.title = "argumenter"
        self._optionals.title = "tilvalg"
        self.add_argument("-h", "--help", action="help", default=argparse.SUPPRESS, help="vis denne hjælp")

    def error(self, message: str) -> NoReturn:
        command = self.prog.split(" ", 1)[1] if " " in self.prog else ""
        raise UsageError(translate(message), self.format_usage().strip(), command)


COMMANDS = (
    "check",
    "template",
    "status",
    "export",
    "diff",
    "oversigt",
    "schema",
    "flows",
    "help",
    "completion",
    "man",
)

HEADLESS = """\
Uden skærm kan du bruge:
  wizard template -o svar.toml        lav en svarfil, du kan udfylde i en editor
  wizard check svar.toml              tjek svarfilen
  wizard status svar.toml             se værktøjets bud og hvor langt du er
  wizard export svar.toml -o note.md  lav noten til mødet
  wizard diff gammel.toml svar.toml   se, hvad der er ændret siden sidste møde
  wizard oversigt *.toml -o oversigt.md  én wikiside med alle forberedelserne
  wizard flows                        se de forløb, programmet kender"""

EXIT_CODES = "Afslutningskoder: 0 = i orden, 1 = fejl i en fil, 2 = kommandoen kunne ikke køre."


# -- the wizard's parsers ------------------------------------------------------------------------------


def _flow_option(parser: DanishParser, dest: str = "flow") -> None:
    parser.add_argument(
        "--flow",
        dest=dest,
        metavar="FIL",
        help="brug forløbet i FIL (eller et navn i forløbsmappen, se 'wizard help format') i stedet for det, "
        "svarfilen husker, eller standardforløbet 'kerneopgave'",
    )


def _plain_option(parser: DanishParser) -> None:
    parser.add_argument(
        "--plain",
        action="store_true",
        help="guiden linje for linje uden skærmbilleder (til skærmlæser, punktskrift og svage terminaler); "
        "vælges også af ACCESSIBLE=1 og TERM=dumb",
    )


def build_parser() -> DanishParser:
    parser = DanishParser(
        prog="wizard",
        usage="wizard [--flow FIL] [--plain] [SVARFIL]\n       wizard KOMMANDO [tilvalg] ...",
        description=(
            "Kerneopgave-guiden: er en ny teknologi et simpelt redskab eller en forandring af kerneopgaven?\n"
            "Uden kommando åbner guiden sine skærmbilleder med SVARFIL (eller en ny fil)."
        ),
        epilog=(
            "Eksempler:\n"
            "  wizard svar.toml                    åbn guiden med svarfilen svar.toml\n"
            "  wizard --plain svar.toml            det samme linje for linje (skærmlæser, punktskrift)\n"
            f"{HEADLESS.split(chr(10), 1)[1]}\n\n"
            "Skriv 'wizard KOMMANDO --help' for at se mere om en kommando.\n" + EXIT_CODES
        ),
    )
    _flow_option(parser, "top_flow")
    _plain_option(parser)
    parser.add_argument("--version", action="store_true", help="vis programmets version og forløbets version")
    commands = parser.add_subparsers(dest="command", title="kommandoer", metavar="KOMMANDO")

    check = commands.add_parser(
        "check",
        prog="wizard check",
        help="tjek svarfiler og vis alle problemer på én gang",
        description="Tjek svarfiler mod forløbet og vis alle problemer på én gang, som FIL:LINJE:KOLONNE: ...",
        epilog=(
            "Eksempler:\n"
            "  wizard check svar.toml\n"
            "  wizard check afdeling-*.toml\n"
            "  cat svar.toml | wizard check -\n"
            "  wizard check --json svar.toml     til scripts\n\n" + EXIT_CODES
        ),
    )
    check.add_argument("files", nargs="+", metavar="FIL", help="svarfil at tjekke ('-' = standard-input)")
    check.add_argument("--json", action="store_true", help="skriv resultatet som JSON")
    _flow_option(check)

    template = commands.add_parser(
        "template",
        prog="wizard template",
        help="skriv en svarfil med alle spørgsmål, klar til at udfylde",
        description="Skriv en komplet svarfil: alle spørgsmål står som kommentarer med tekst, svarmuligheder og hjælp.",
        epilog=(
            "Eksempler:\n"
            "  wizard template -o svar.toml\n"
            "  wizard template > svar.toml\n"
            "  wizard template -o svar.toml --force     overskriv en eksisterende fil\n"
            "  wizard template -o svar.toml --data navn='Skærmbesøg' --data fase=ide\n"
            "  wizard template -o svar.toml --data-file kendte-svar.toml\n\n"
            "Svar udfyldt med --data og --data-file tjekkes som med 'wizard check'; er et af dem forkert,\n"
            "skrives der ingen fil. Et spørgsmål med flere svar skrives med komma: --data id=a,b.\n"
            "Noter, drøftelse og egen vurdering: --data noter.ID=tekst, --data til-droeftelse.ID=ja,\n"
            "--data vurdering.egen-vurdering=forandring-af-kerneopgaven --data vurdering.begrundelse=tekst.\n\n"
            + EXIT_CODES
        ),
    )
    template.add_argument("-o", "--output", metavar="FIL", help="skriv til FIL i stedet for standard-output")
    template.add_argument("--force", action="store_true", help="overskriv FIL, hvis den findes")
    template.add_argument(
        "--schema",
        metavar="ADRESSE",
        help="begynd filen med '#:schema ADRESSE', så en editor kan tjekke og fuldføre svarene (se wizard schema)",
    )
    template.add_argument(
        "--data", action="append", default=[], metavar="ID=VÆRDI", help="udfyld et svar (kan gentages)"
    )
    template.add_argument(
        "--data-file",
        action="append",
        default=[],
        metavar="FIL",
        help="udfyld svar fra en TOML- eller JSON-fil (id = værdi, eller afsnit som i en svarfil)",
    )
    _flow_option(template)

    status = commands.add_parser(
        "status",
        prog="wizard status",
        help="vis værktøjets bud, begrundelsen og hvor langt du er",
        description="Vis værktøjets bud, hvorfor, hvilke svar der er afgørende, trækkene, fremskridt og "
        "punkterne til drøftelse.",
        epilog=(
            "Eksempler:\n  wizard status svar.toml\n  wizard status --json svar.toml | jq .verdict\n\n" + EXIT_CODES
        ),
    )
    status.add_argument("file", metavar="FIL", help="svarfilen ('-' = standard-input)")
    status.add_argument("--json", action="store_true", help="skriv resultatet som JSON")
    _flow_option(status)

    export = commands.add_parser(
        "export",
        prog="wizard export",
        help="lav noten til mødet som Markdown",
        description="Lav noten til mødet som Markdown. En svarfil med fejl eksporteres ikke.",
        epilog=(
            "Eksempler:\n"
            "  wizard export svar.toml                 skriv noten til standard-output\n"
            "  wizard export svar.toml -o note.md\n"
            "  wizard export *.toml --out-dir noter/   én note pr. svarfil\n"
            "  wizard export svar.toml --wiki          læg noten i wikien i $KERNEOPGAVE_WIKI\n"
            "  wizard export svar.toml --wiki ~/wiki   ... eller i git-kopien ~/wiki\n"
            "  wizard export svar.toml --since <(git show HEAD~1:svar.toml) -o note.md\n"
            "                                          noten med det, der er ændret siden forrige udgave\n\n"
            "Med --wiki skrives noten som noter/NAVN.md, svarene som svar/NAVN.toml og oversigten som\n"
            "oversigt.md i wikiens mappe; de committes med teknologiens og dit navn og sendes, når kopien\n"
            "har en remote. Siger git nej, gemmes noten alligevel (i wikiens mappe eller som NAVN.md ved\n"
            "svarfilen), og beskeden siger, hvad der skete, og hvad du skal gøre; afslutningskoden er så 2.\n\n"
            + EXIT_CODES
        ),
    )
    export.add_argument("files", nargs="+", metavar="FIL", help="svarfil ('-' = standard-input)")
    export.add_argument("--json", action="store_true", help="skriv resultatet som JSON (kræver -o eller --out-dir)")
    where = export.add_mutually_exclusive_group()
    where.add_argument("-o", "--output", metavar="UD", help="skriv noten til UD ('-' = standard-output)")
    where.add_argument("--out-dir", metavar="MAPPE", help="skriv én note pr. svarfil i MAPPE (NAVN.md)")
    where.add_argument(
        "--wiki",
        nargs="?",
        const="",
        metavar="MAPPE",
        help="læg noten i wikien: MAPPE (standard: $KERNEOPGAVE_WIKI) er en git-kopi af wikien; noten og "
        "oversigten committes og sendes",
    )
    export.add_argument(
        "--since",
        metavar="FIL",
        help="tag det med, der er ændret siden en tidligere udgave af svarfilen (som wizard diff); "
        "'-' = standard-input",
    )
    _flow_option(export)

    diff = commands.add_parser(
        "diff",
        prog="wizard diff",
        help="vis, hvad der er ændret siden sidste møde (Markdown)",
        description=(
            "Sammenlign to udgaver af en svarfil og skriv som Markdown, hvad der er ændret: værktøjets bud og\n"
            "kompleksiteten før og nu, de svar, der er ændret, og de nye punkter til mødet. Den gamle udgave\n"
            "læses med det samme forløb som den nye; er den lavet med en ældre version af forløbet, læses den om."
        ),
        epilog=(
            "Eksempler:\n"
            "  wizard diff forrige-moede.toml svar.toml\n"
            "  git show HEAD~1:svar.toml | wizard diff - svar.toml\n"
            "  wizard diff <(git show v1:svar.toml) svar.toml -o aendringer.md\n"
            "  wizard diff --json gammel.toml svar.toml     til scripts\n\n" + EXIT_CODES
        ),
    )
    diff.add_argument("old", metavar="GAMMEL", help="den tidligere udgave af svarfilen ('-' = standard-input)")
    diff.add_argument("new", metavar="NY", help="svarfilen, som den er nu ('-' = standard-input)")
    diff.add_argument("-o", "--output", metavar="UD", help="skriv Markdown til UD ('-' = standard-output)")
    diff.add_argument("--json", action="store_true", help="skriv resultatet som JSON")
    _flow_option(diff)

    overview = commands.add_parser(
        "oversigt",
        prog="wizard oversigt",
        help="lav én wikiside, der viser alle forberedelserne",
        description=(
            "Lav én Markdown-side med en række pr. forberedelse: teknologi, fagområde, fase, værktøjets bud,\n"
            "lederens vurdering, træk, punkter til mødet og hvor langt forberedelsen er. Teknologien linker til\n"
            "noten (NAVN.md i --notes-dir), når noten findes. En svarfil med fejl kommer ikke med."
        ),
        epilog=(
            "Eksempler:\n"
            "  wizard export *.toml --out-dir noter/\n"
            "  wizard oversigt *.toml --notes-dir noter/ -o oversigt.md\n\n" + EXIT_CODES
        ),
    )
    overview.add_argument("files", nargs="+", metavar="FIL", help="svarfiler")
    overview.add_argument("-o", "--output", metavar="UD", help="skriv siden til UD ('-' = standard-output)")
    overview.add_argument("--json", action="store_true", help="skriv resultatet som JSON (kræver -o)")
    overview.add_argument(
        "--notes-dir", metavar="MAPPE", help="mappen med noterne (som export --out-dir); standard: sidens egen mappe"
    )
    _flow_option(overview)

    flows = commands.add_parser(
        "flows",
        prog="wizard flows",
        help="vis de forløb, programmet kender, og spørgsmålskataloget",
        description="Vis de forløb, programmet kender, med deres versioner.",
        epilog=(
            "Eksempler:\n"
            "  wizard flows\n"
            "  wizard flows --catalogue > spoergsmaal.md    hele spørgsmålskataloget til en wiki-side\n"
            "  wizard flows --flow vores-forloeb.toml\n\n" + EXIT_CODES
        ),
    )
    flows.add_argument("--catalogue", action="store_true", help="skriv spørgsmålskataloget som Markdown")
    flows.add_argument("--json", action="store_true", help="skriv listen som JSON")
    _flow_option(flows)

    schema = commands.add_parser(
        "schema",
        prog="wizard schema",
        help="skriv et JSON Schema af svarfilen til editorer",
        description=(
            "Skriv et JSON Schema af svarfilen, lavet af forløbet: en editor med en TOML-sprogserver (fx taplo eller\n"
            "»Even Better TOML«) fuldfører så id'er og svarmuligheder og markerer fejl, mens du skriver.\n"
            "Skemaet kender ikke forgreningerne; 'wizard check' er stadig den, der afgør, om filen er i orden."
        ),
        epilog=(
            "Eksempler:\n"
            "  wizard schema -o kerneopgave.schema.json\n"
            "  wizard template -o svar.toml --schema ./kerneopgave.schema.json\n"
            "  taplo lint --schema file://$PWD/kerneopgave.schema.json svar.toml\n\n" + EXIT_CODES
        ),
    )
    schema.add_argument("-o", "--output", metavar="FIL", help="skriv til FIL i stedet for standard-output")
    _flow_option(schema)

    guide = commands.add_parser(
        "help",
        prog="wizard help",
        help="vis formatet for svarfiler eller forløbsfiler",
        description="Vis en af programmets vejledninger (Markdown), også når programmet er installeret uden kildekode.",
        epilog=(
            "Eksempler:\n"
            "  wizard help format          svarfilens format og kommandoerne til scripts\n"
            "  wizard help flow | less     forløbsfilens format, til en organisations eget forløb\n\n" + EXIT_CODES
        ),
    )
    guide.add_argument("topic", nargs="?", choices=sorted(HELP_TOPICS), metavar="EMNE", help="format eller flow")
    _flow_option(guide)

    completion = commands.add_parser(
        "completion",
        prog="wizard completion",
        help="skriv fuldførelse med Tab til bash, zsh eller tcsh",
        description="Skriv et script, der lader skallen fuldføre wizards kommandoer og tilvalg med Tab.",
        epilog=(
            "Eksempler:\n"
            "  wizard completion bash > ~/.local/share/bash-completion/completions/wizard\n"
            "  wizard completion zsh > ~/.zfunc/_wizard\n\n" + EXIT_CODES
        ),
    )
    completion.add_argument("shell", choices=("bash", "zsh", "tcsh"), metavar="SKAL", help="bash, zsh eller tcsh")
    _flow_option(completion)

    manual = commands.add_parser(
        "man",
        prog="wizard man",
        help="skriv en man-side (roff) til 'man wizard'",
        description="Skriv en man-side for wizard og alle kommandoerne, lavet ud fra den samme hjælp som --help.",
        epilog=(
            "Eksempler:\n"
            "  mkdir -p ~/.local/share/man/man1 && wizard man > ~/.local/share/man/man1/wizard.1\n"
            "  wizard man | man -l -\n\n" + EXIT_CODES
        ),
    )
    _flow_option(manual)
    return parser


# The documents ``wizard help`` prints: topic -> file in docs/ (package kerneopgave_docs).
HELP_TOPICS = {"format": "answers-format.md", "flow": "flow-format.md"}


def build_app_parser() -> DanishParser:
    parser = DanishParser(prog="wizard", description="Åbn guidens skærmbilleder med SVARFIL (eller en ny fil).")
    parser.add_argument("file", nargs="?", metavar="SVARFIL", help="svarfilen; findes den ikke, oprettes den")
    _plain_option(parser)
    _flow_option(parser)
    return parser
