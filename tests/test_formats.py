"""Dates, numbers and plurals follow the active language: « 1er déc. 2026 »,
« −0,12 », « 12 % » in French; "1 Dec 2026", "−0.12", "12%" in English."""

from datetime import date

import pytest
from django.template import Context, Template
from django.utils import translation

from abaque.analysis.groups import opinion_groups
from abaque.analysis.spreadsheet import MatrixFileError, read_matrix_csv
from abaque.analysis.text import Message
from abaque.templatetags.abaque import distribution_bar, fr_date, pct, pluriel, short_date, signed, translated


def test_short_dates_in_both_languages():
    with translation.override("fr"):
        assert short_date(date(2026, 12, 1)) == "1er déc. 2026"
        assert short_date(date(2026, 2, 14)) == "14 févr. 2026"
    with translation.override("en"):
        assert short_date(date(2026, 12, 1)) == "1 Dec 2026"
        assert short_date(date(2026, 2, 14)) == "14 Feb 2026"
        assert short_date(date(2026, 7, 1), "j F Y") == "1 July 2026"
    assert fr_date is short_date  # the old name, for templates not yet renamed


def test_the_template_filters_read_the_language_of_the_page():
    page = Template("{% load abaque %}{{ d|short_date }} {{ d|fr_date }} {{ x|signed }} {{ p|pct }}")
    context = Context({"d": date(2026, 12, 1), "x": -0.123, "p": 0.12})
    with translation.override("fr"):
        assert page.render(context) == "1er déc. 2026 1er déc. 2026 \u22120,12 12\u202f%"
    with translation.override("en"):
        assert page.render(context) == "1 Dec 2026 1 Dec 2026 \u22120.12 12%"


def test_signed_numbers_always_have_a_sign_and_a_real_minus():
    with translation.override("fr"):
        assert (signed(0.36), signed(-0.123), signed(0), signed(None)) == ("+0,36", "\u22120,12", "+0,00", "—")
    with translation.override("en"):
        assert (signed(0.36), signed(-0.123), signed(None)) == ("+0.36", "\u22120.12", "—")
        assert "-" not in signed(-1.5)


def test_percentages():
    with translation.override("fr"):
        assert (pct(0.123), pct(1), pct(None)) == ("12\u202f%", "100\u202f%", "—")
    with translation.override("en"):
        assert (pct(0.123), pct(0)) == ("12%", "0%")


@pytest.mark.parametrize(
    ("language", "expected"),
    [("fr", ["", "", "s", "s"]), ("en", ["s", "", "s", "s"])],
)
def test_plurals_follow_the_rule_of_the_language(language, expected):
    with translation.override(language):
        assert [pluriel(n) for n in (0, 1, 2, 12)] == expected
        assert pluriel(1, "is,are") == "is" and pluriel(3, "is,are") == "are"
        assert pluriel([1]) == "" and pluriel("x") == ""
    with translation.override("fr"):
        assert pluriel(1.5) == ""
    with translation.override("en"):
        assert pluriel(1.5) == "s"


def test_the_distribution_bar_speaks_the_language_of_the_page():
    counts = {"VG": 2, "B": 1}
    with translation.override("fr"):
        bar = distribution_bar(counts)
        assert 'aria-label="répartition : vert foncé 2, noir 1"' in bar
        assert "Je suis tout à fait d&#x27;accord : 2" in bar
    with translation.override("en"):
        bar = distribution_bar(counts)
        assert 'aria-label="distribution: dark green 2, black 1"' in bar
        assert "I fully agree: 2" in bar and "accord" not in bar
        assert "no vote" in distribution_bar({})


def test_a_file_error_of_the_analysis_is_translated_with_its_parameters():
    with pytest.raises(MatrixFileError) as caught:
        read_matrix_csv("item;Anne;Bruno\nUn item;VG;XX\n")
    error = caught.value
    assert str(error) == "Ligne 2, colonne 3 : code « XX » inconnu (codes permis : VG, G, O, R, RR, W, B)."
    assert (error.line, error.column) == (2, 3)
    with translation.override("en"):
        assert translated(error) == "Line 2, column 3: unknown code “XX” (allowed codes: VG, G, O, R, RR, W, B)."
    with translation.override("fr"):
        assert translated(error) == str(error)


def test_a_file_error_made_of_a_plain_text_keeps_it_as_it_is():
    """Callers that build their text themselves (an f-string, perhaps with a
    « % » in a file name) get it back untouched, in both languages."""
    error = MatrixFileError("Le fichier 100 % faux.csv est illisible.")
    assert str(error) == "Le fichier 100 % faux.csv est illisible."
    with translation.override("en"):
        assert translated(error) == "Le fichier 100 % faux.csv est illisible."
    assert translated(None) == "" and translated("Consensus pour") == "Consensus pour"


def test_the_reason_for_no_groups_and_the_verdicts_are_translated():
    import numpy as np

    reason = opinion_groups(np.zeros((2, 2), dtype=np.int8)).reason
    assert isinstance(reason, Message) and reason.startswith("Pas de groupes d'opinion : il faut au moins")
    with translation.override("en"):
        assert translated(reason).startswith("No opinion groups: it takes at least")
        page = Template("{% load abaque %}{{ v|verdict_label }} · {{ r|translated }}")
        rendered = page.render(Context({"v": "consensus_for", "r": reason}))
        assert rendered.startswith("Consensus for · No opinion groups")
