"""Growth of the engine: evaluate() on synthetic flows of 100 and 1,000 questions.

Budget (issue 7): the larger flow costs at most 12 times the smaller, i.e. the
engine grows linearly with the number of questions, not worse. Both figures are
measured in the same run, so the ratio holds on a noisy machine.
"""

from __future__ import annotations

import statistics
import sys
import time

from flows import Answers, evaluate, parse_flow

BUDGET = 12.0
TRIAGE_SIZE = 10


def synthetic_flow_text(questions: int) -> str:
    """A valid flow: a triage of ten yes/no questions, then sections of ten questions that
    each depend on an earlier answer, so visibility is really computed."""
    lines = [
        'id = "syntetisk"',
        'version = "1.0"',
        'title = "Syntetisk forløb"',
        '[[sources]]\nid = "kilde"\ntitle = "Kilde"\npublisher = "Udgiver"',
        '[[traits]]\nid = "traek-a"\ntitle = "Træk"\ndescription = "Et træk."',
        'source = { source = "kilde", section = "1" }',
        '[triage]\nsection = "triage"\nthreshold = 3\nmin_answered = 5',
        'simple_reason = "Intet peger på forandring."\nunresolved_reason = "{answered} af {needed}."',
    ]
    for index in range(TRIAGE_SIZE):
        lines.append(
            f'[[criteria]]\nid = "k{index}"\ntitle = "Kriterium {index}"\nwhen = \'t{index} == "ja"\'\n'
            f'points = 1\nexplanation = "Forklaring."\ntraits = ["traek-a"]'
        )
    number = 0
    section = 0
    while number < questions:
        section_id = "triage" if section == 0 else f"afsnit-{section}"
        lines.append(f'[[sections]]\nid = "{section_id}"\ntitle = "Afsnit {section}"')
        if section:
            lines.append("relevant_when = 'vej == \"forandring-af-kerneopgaven\"'")
        for _ in range(TRIAGE_SIZE):
            if number >= questions:
                break
            question_id = f"t{number}" if section == 0 else f"q{number}"
            lines.append(
                f'[[sections.questions]]\nid = "{question_id}"\ntext = "Spørgsmål {number}?"\nkind = "ja-nej"\n'
                f'help = "Hjælp."\nsource = {{ source = "kilde", section = "1" }}'
            )
            if section > 1:
                lines.append(f"relevant_when = 'q{number - TRIAGE_SIZE} != \"nej\"'")
            number += 1
        section += 1
    return "\n".join(lines) + "\n"


def seconds_per_evaluation(questions: int, repeats: int = 30) -> float:
    flow = parse_flow(synthetic_flow_text(questions), f"syntetisk-{questions}")
    values = {f"t{i}": "ja" for i in range(TRIAGE_SIZE)}
    values |= {f"q{i}": "ja" for i in range(TRIAGE_SIZE, questions, 2)}
    answers = Answers(values=values)
    evaluate(flow, answers)  # warm up
    timings = []
    for _ in range(repeats):
        start = time.perf_counter()
        evaluate(flow, answers)
        timings.append(time.perf_counter() - start)
    return statistics.median(timings)


def main() -> int:
    small = seconds_per_evaluation(100)
    large = seconds_per_evaluation(1000)
    ratio = large / small
    verdict = "OK" if ratio <= BUDGET else "OVER BUDGET"
    print(f"motor, 100 spørgsmål:    {small * 1000:8.2f} ms (basislinje)")
    print(f"motor, 1.000 spørgsmål:  {large * 1000:8.2f} ms  = {ratio:.1f}x  (budget {BUDGET:.0f}x)  {verdict}")
    return 0 if ratio <= BUDGET else 1


if __name__ == "__main__":
    sys.exit(main())
