"""The demo as a whole: assembled in one place, marked « Démo » everywhere,
always reachable from the séance list, removable without touching anything
else, and dated consistently with its cycles and with today."""

from datetime import date
from html import unescape

import pytest
from django.core.management import call_command

from abaque.meetings.demo import demo_year
from abaque.meetings.models import Meeting
from abaque.plans import demo
from abaque.plans.models import CycleMeeting, Process


@pytest.fixture(scope="module")
def loaded(django_db_setup, django_db_blocker):
    """Loaded once for the module (hundreds of votes), next to a real séance."""
    from django.contrib.auth import get_user_model

    from tests.conftest import build_meeting

    with django_db_blocker.unblock():
        user = get_user_model().objects.create_user("demo-all", "", "x")
        real = build_meeting(user)
        meeting = demo.load_all(user)
        yield user, meeting, real
        Process.objects.filter(owner=user).delete()
        user.meetings.all().delete()
        user.territories.all().delete()
        user.delete()


pytestmark = pytest.mark.django_db


def test_the_demo_year_follows_today():
    assert demo_year(date(2027, 1, 10)) == 2026  # the current cycle's public séance is not past yet
    assert demo_year(date(2027, 2, 5)) == 2027
    assert demo_year(date(2030, 12, 1)) == 2030


def test_everything_the_demo_makes_is_marked_and_nothing_else(loaded):
    user, meeting, real = loaded
    assert meeting.is_demo and not real.is_demo
    assert set(Meeting.objects.filter(facilitator=user).exclude(pk=real.pk).values_list("is_demo", flat=True)) == {True}
    assert set(Process.objects.filter(owner=user).values_list("is_demo", flat=True)) == {True}
    assert Meeting.objects.filter(facilitator=user, is_demo=True).count() >= 6


def test_the_demo_dates_agree_with_their_cycles_and_lie_in_the_past(loaded):
    user, meeting, _ = loaded
    today, year = date.today(), demo_year()
    assert sorted(Process.objects.get(owner=user, park_supports_only=False).cycles.values_list("year", flat=True)) == [
        year - 2,
        year - 1,
        year,
    ]
    for link in CycleMeeting.objects.filter(meeting__facilitator=user).select_related("meeting", "cycle"):
        expected = link.cycle.year + (1 if link.purpose == CycleMeeting.Purpose.EVALUATION else 0)
        assert link.meeting.date.year == expected, (link.meeting.title, link.meeting.date, link.cycle.year)
        assert link.meeting.date <= today
        for round_ in link.meeting.rounds.all():
            assert round_.opened_at.date() == link.meeting.date
            assert round_.closed_at is None or round_.closed_at.date() == link.meeting.date
    for cycle in Process.objects.get(owner=user, park_supports_only=False).cycles.exclude(relaunched_at=None):
        assert cycle.relaunched_at.year == cycle.year + 1 and cycle.relaunched_at.date() <= today
    assert meeting.date.year == year - 2


def test_the_list_always_offers_the_demo_labels_it_and_removes_only_it(client, facilitator):
    from tests.conftest import build_meeting

    real = build_meeting(facilitator)
    client.force_login(facilitator)
    page = unescape(client.get("/seances/").content.decode())
    assert "Charger la démo" in page and "Retirer la démo" not in page  # reachable even once séances exist
    client.post("/demarches/demo/charger/")
    page = unescape(client.get("/seances/").content.decode())
    assert page.count(">Démo</span>") == Meeting.objects.filter(facilitator=facilitator, is_demo=True).count()
    assert "Recharger la démo" in page and "Retirer la démo" in page
    assert ">Démo</span>" in unescape(client.get("/demarches/").content.decode())
    demo_meeting = Meeting.objects.filter(facilitator=facilitator, is_demo=True).first()
    detail = unescape(client.get(f"/seances/{demo_meeting.pk}/").content.decode())
    assert ">Démo</span>" in detail and "<title>Démo · " in detail
    client.post("/demarches/demo/charger/")  # loading again replaces, never piles up
    assert Process.objects.filter(owner=facilitator, is_demo=True).count() == 2
    confirm = unescape(client.get("/demarches/demo/retirer/").content.decode())
    assert "Seuls les éléments marqués « Démo » seront retirés" in confirm and "csrfmiddlewaretoken" in confirm
    assert Meeting.objects.filter(facilitator=facilitator, is_demo=True).exists()  # a GET removes nothing
    client.post("/demarches/demo/retirer/")
    assert (
        not Meeting.objects.filter(facilitator=facilitator, is_demo=True).exists()
        and not Process.objects.filter(owner=facilitator, is_demo=True).exists()
    )
    assert Meeting.objects.filter(pk=real.pk).exists()


def test_the_command_loads_and_removes_the_demo(facilitator):
    call_command("demo", user=facilitator.username)
    assert Meeting.objects.filter(facilitator=facilitator, is_demo=True).exists()
    call_command("demo", user=facilitator.username, retirer=True)
    assert not Meeting.objects.filter(facilitator=facilitator, is_demo=True).exists()
