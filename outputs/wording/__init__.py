"""The words that the screens, ``wizard status``, the plain mode and the note share.

One place for each sentence: the verdict and its reasons (``verdict_text``; the verdict words and
their explanations themselves are the flow's, in its [triage] table), relevance conditions
(``condition_text``), a question page's explanation and source (``page_texts``) and the small
words for answers, progress and paths (``words``). Pure functions: no files, no screens.
"""

from outputs.wording.condition_text import describe_condition
from outputs.wording.verdict_text import label

__all__ = ["describe_condition", "label"]
