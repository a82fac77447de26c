"""French typography in the interface: « 1er déc. 2026 », real plurals."""

from datetime import UTC, date, datetime
from html import unescape

from abaque.plans.models import Cycle
from abaque.templatetags.abaque import fr_date


def test_dates_read_1er_and_abbreviated_months():
    assert fr_date(date(2026, 12, 1)) == "1er déc. 2026"
    assert fr_date(date(2026, 2, 14)) == "14 févr. 2026"
    assert fr_date(date(2026, 7, 1), "j F Y") == "1er juillet 2026"
    assert fr_date(date(2026, 6, 3), "l j F Y") == "mercredi 3 juin 2026"
    assert fr_date(datetime(2026, 3, 1, 9, 30, tzinfo=UTC), "j F Y à H:i").startswith("1er mars 2026 à ")
    assert fr_date(None) == ""


def test_the_seance_list_dates_its_seances_the_french_way(client_in, meeting):
    meeting.date = date(2026, 12, 1)
    meeting.save()
    page = unescape(client_in.get("/seances/").content.decode())
    assert "1er déc. 2026" in page and "1 Déc 2026" not in page
    assert "1er décembre 2026" in unescape(client_in.get(f"/seances/{meeting.pk}/").content.decode())


def test_a_relaunched_cycle_reads_in_good_french(client_in, facilitator):
    from tests.builders import make_process

    process = make_process(facilitator)
    cycle = Cycle.objects.create(process=process, year=2026, relaunched_at=datetime(2027, 1, 16, tzinfo=UTC))
    page = unescape(client_in.get(f"/demarches/{process.pk}/").content.decode())
    assert (
        f"{cycle.year}</strong></a> — 0 action · " in page
        and "0 actions" not in page
        and "boucle évaluée et relancée" in page
    )


def test_plurals_follow_the_french_rule():
    from abaque.templatetags.abaque import pluriel

    assert [pluriel(n) for n in (0, 1, 2, 12)] == ["", "", "s", "s"]
    assert pluriel(1, "sera,seront") == "sera" and pluriel(3, "sera,seront") == "seront"
    assert pluriel([1, 2]) == "s" and pluriel([]) == ""
