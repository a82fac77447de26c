"""Structures, memberships and roles: séances and démarches belong to a
structure; readers read, facilitators run, administrators manage members."""

import pytest
from django.test import Client

from abaque.accounts import rules as structure_rules
from abaque.accounts.models import Membership, Structure
from abaque.meetings import rules as meeting_rules
from abaque.meetings.models import Meeting
from abaque.plans import rules as plan_rules
from tests.builders import make_process
from tests.conftest import build_meeting, make_member


def client_for(user):
    client = Client()
    client.force_login(user)
    return client


def test_a_seance_made_without_a_structure_goes_to_its_creators_structure(facilitator, structure):
    meeting = build_meeting(facilitator)
    assert meeting.structure == structure
    assert structure.memberships.get(user=facilitator).role == "admin"


@pytest.mark.parametrize(
    ("who", "view", "change", "names"),
    [
        ("facilitator", True, True, True),
        ("colleague", True, True, True),
        ("reader", True, False, True),
        ("outsider", False, False, False),
    ],
)
def test_meeting_rules_for_every_role(request, meeting, who, view, change, names):
    user = request.getfixturevalue(who)
    assert meeting_rules.can_view_meeting(user, meeting) is view
    assert meeting_rules.can_change_meeting(user, meeting) is change
    assert meeting_rules.can_see_names(user, meeting) is names


def test_nobody_sees_names_in_an_anonymous_seance(facilitator, reader):
    meeting = build_meeting(facilitator, mode=Meeting.Mode.ANONYMOUS)
    assert not meeting_rules.can_see_names(reader, meeting)
    assert not meeting_rules.can_see_names(facilitator, meeting)


def test_anonymous_visitors_have_no_role(meeting):
    from django.contrib.auth.models import AnonymousUser

    assert not meeting_rules.can_view_meeting(AnonymousUser(), meeting)


def test_a_reader_reads_a_seance_but_every_post_is_refused(meeting, reader):
    client = client_for(reader)
    assert client.get(f"/seances/{meeting.pk}/").status_code == 200
    assert client.post(f"/seances/{meeting.pk}/modifier/", {"title": "Changé"}).status_code == 403
    meeting.refresh_from_db()
    assert meeting.title == "Regards croisés"


def test_a_reader_cannot_create_a_seance(reader):
    assert client_for(reader).get("/seances/nouvelle/").status_code == 403


def test_a_colleague_facilitator_runs_the_seance_of_her_structure(meeting, colleague):
    response = client_for(colleague).post(
        f"/seances/{meeting.pk}/modifier/",
        {
            "title": "Changé",
            "date": "2026-03-01",
            "question": meeting.question,
            "mode": "nominative",
            "scale_variant": "standard",
            "display": "names",
            "join_access": "auto",
            "speaking_order": "dissent",
        },
    )
    assert response.status_code in (200, 302)
    assert client_for(colleague).get(f"/seances/{meeting.pk}/modifier/").status_code == 200


def test_a_member_of_another_structure_gets_404(meeting, outsider):
    assert client_for(outsider).get(f"/seances/{meeting.pk}/").status_code == 404


def test_the_list_shows_the_current_structure_and_the_switch_changes_it(facilitator, meeting, other_meeting):
    park = Structure.objects.create(name="Parc Scarpe-Escaut")
    Membership.objects.create(user=facilitator, structure=park, role="reader")
    client = client_for(facilitator)
    assert "Regards croisés" in client.get("/seances/").content.decode()
    response = client.post("/structure/", {"structure": park.pk, "next": "/seances/"})
    assert response.status_code == 302
    page = client.get("/seances/").content.decode()
    assert "Regards croisés" not in page and "Nouvelle séance" not in page  # a reader there
    assert client.post("/structure/", {"structure": other_meeting.structure_id}).status_code == 404


def test_last_administrator_cannot_be_removed_nor_demoted(facilitator, structure, reader):
    admin = structure.memberships.get(user=facilitator)
    assert not structure_rules.can_remove_member(facilitator, admin)
    assert not structure_rules.can_change_role(facilitator, admin, "reader")
    assert structure_rules.can_remove_member(facilitator, structure.memberships.get(user=reader))
    assert not structure_rules.can_remove_member(reader, admin)


def test_a_demarche_shared_for_support_is_read_but_not_changed_by_the_park(facilitator, structure):
    process = make_process(facilitator)
    assert process.structure == structure
    park = Structure.objects.create(name="Parc naturel régional")
    park_facilitator = make_member(park, "facilitator", "parc")
    assert not plan_rules.can_view_process(park_facilitator, process)
    process.shared_with.add(park)
    assert plan_rules.can_view_process(park_facilitator, process)
    assert not plan_rules.can_change_process(park_facilitator, process)
    client = client_for(park_facilitator)
    assert client.get(f"/demarches/{process.pk}/").status_code == 200
    assert client.post(f"/demarches/{process.pk}/modifier/", {"title": "x"}).status_code == 403


@pytest.mark.parametrize(("role", "change"), [("admin", True), ("facilitator", True), ("reader", False)])
def test_process_rules_for_every_role(facilitator, structure, role, change):
    process = make_process(facilitator)
    user = make_member(structure, role, f"m-{role}")
    assert plan_rules.can_view_process(user, process)
    assert plan_rules.can_change_process(user, process) is change
