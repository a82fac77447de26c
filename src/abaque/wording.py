"""The pure analysis' French texts (marked with N_, see analysis/text.py)
in the active language: the one place Django reads them, for the pages,
the projector, the exports and the report alike."""

from django.utils.translation import gettext as _

from abaque.analysis.verdict import VERDICT_LABELS


def translated(text):
    """A text of the pure analysis in the active language: a Message's
    template goes through gettext and then takes its parameters; a plain
    marked text (a verdict, a kind) goes through gettext. For Python code and
    templates ({{ groups_reason|translated }})."""
    if text is None or text == "":
        return ""
    message = getattr(text, "message", text)  # a MatrixFileError carries its Message
    template = getattr(message, "template", None)
    if template is None:
        return _(str(message))
    params = message.params
    return _(template) % params if params else _(template)


def verdict_label(verdict):
    """A verdict's label in the active language ("consensus_for" → « Consensus pour »)."""
    return _(VERDICT_LABELS[verdict]) if verdict in VERDICT_LABELS else ""
