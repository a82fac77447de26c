"""One walk over every URL pattern of the project, for every role, against
ONE table: a new URL cannot be added without deciding who may reach it.

Structure A holds a séance, a démarche and all their sub-objects; the roles
are A's administrator, a facilitator and a reader of A, the administrator of
another structure B, and an anonymous visitor. GET is tried for everyone;
POST is tried for those who must be refused (readers, B, anonymous), so the
walk changes nothing and every refusal is proven. This replaces the hand-kept
"another facilitator gets 404" lists: every id-taking URL of a séance or a
démarche is in the CHANGE or READ rows below, where B must get 404."""

import pytest
from django.core.files.base import ContentFile
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from abaque.accounts.models import Invitation
from abaque.debate.models import Recording
from abaque.online.models import OnlinePhase
from abaque.plans.models import Axis, CommitteeMember, Communication, Deliberation
from abaque.reports import building
from abaque.reports.models import Delivery, Mailing
from tests.builders import add_action, attach, make_process
from tests.conftest import build_meeting

# Who may reach what. ok = served (200, a redirect that is not to the login,
# 405 for a GET on a POST-only view, 400 for an empty form), 403 = refused to
# a member, 404 = unknown to a non-member, login = sent to the login page.
PUBLIC = "public"  # phones, first account, invitations, login, password reset: never the login page
SELF = "self"  # any logged-in person: their lists, account, menu switch
CREATE = "create"  # creates in the current structure: not a reader
ADMIN = "admin"  # the current structure's members: administrators only
ADMIN_OBJECT = "admin-object"  # one member or invitation of A
READ = "read"  # a séance or démarche of A: every member reads
CHANGE = "change"  # a séance or démarche of A: administrators and facilitators

EXPECTED = {
    #            admin,  facilitator, reader, member of B, anonymous
    PUBLIC: ("public",) * 5,
    SELF: ("ok", "ok", "ok", "ok", "login"),
    CREATE: ("ok", "ok", "403", "ok", "login"),
    ADMIN: ("ok", "403", "403", "ok", "login"),
    ADMIN_OBJECT: ("ok", "403", "403", "404", "login"),
    READ: ("ok", "ok", "ok", "404", "login"),
    CHANGE: ("ok", "ok", "403", "404", "login"),
}
ROLES = ("admin", "facilitator", "reader", "outsider", "anonymous")

TABLE = {
    "first_account": PUBLIC,
    "login": PUBLIC,
    "logout": PUBLIC,
    "invitation": PUBLIC,
    "password_reset": PUBLIC,
    "password_reset_done": PUBLIC,
    "password_reset_confirm": PUBLIC,
    "password_reset_complete": PUBLIC,
    "live:join": PUBLIC,
    "live:names": PUBLIC,
    "live:take_place": PUBLIC,
    "live:take_name": PUBLIC,
    "live:ballot": PUBLIC,
    "live:state": PUBLIC,
    "live:vote": PUBLIC,
    "live:propose": PUBLIC,
    "online:consult": PUBLIC,
    "online:confirm": PUBLIC,
    "online:results": PUBLIC,
    "home": SELF,
    "switch_structure": SELF,
    "account": SELF,
    "password_change": SELF,
    "set_language": PUBLIC,
    "javascript_catalogue": PUBLIC,
    "meetings:list": SELF,
    "plans:index": SELF,
    "meetings:create": CREATE,
    "plans:demo_load": CREATE,
    "plans:demo_remove": CREATE,
    "plans:territory_create": CREATE,
    "plans:create": CREATE,
    "transfer:upload": CREATE,
    "meetings:import_polis": CREATE,
    "transfer:preview": CREATE,
    "transfer:cancel": CREATE,
    "members": ADMIN,
    "member_role": ADMIN_OBJECT,
    "member_remove": ADMIN_OBJECT,
    "invitation_cancel": ADMIN_OBJECT,
    # A séance: what a reader reads
    "meetings:detail": READ,
    "meetings:results": READ,
    "meetings:round_results": READ,
    "live:projector": READ,
    "live:projector_fragment": READ,
    "debate:evolution": READ,
    "debate:recording_file": READ,
    "reports:index": READ,
    "reports:download": READ,
    "reports:preparation": READ,
    "reports:prepared": READ,
    "reports:prepare": CHANGE,
    "online:poster": READ,
    # A séance: what only its team changes or sees (tokens, forms, controls)
    "meetings:edit": CHANGE,
    "meetings:delete": CHANGE,
    "meetings:participants": CHANGE,
    "meetings:participant_import": CHANGE,
    "meetings:participant_edit": CHANGE,
    "meetings:participant_delete": CHANGE,
    "meetings:participant_move": CHANGE,
    "meetings:items": CHANGE,
    "meetings:item_edit": CHANGE,
    "meetings:item_delete": CHANGE,
    "meetings:item_restore": CHANGE,
    "meetings:item_validate": CHANGE,
    "meetings:item_move": CHANGE,
    "meetings:item_accept": CHANGE,
    "meetings:grid": CHANGE,
    "meetings:grid_vote": CHANGE,
    "live:controls": CHANGE,
    "live:cards": CHANGE,
    "live:open": CHANGE,
    "live:close": CHANGE,
    "live:reveal": CHANGE,
    "live:join_access": CHANGE,
    "live:ordering": CHANGE,
    "live:groups": CHANGE,
    "live:release": CHANGE,
    "debate:page": CHANGE,
    "debate:choose": CHANGE,
    "debate:move": CHANGE,
    "debate:speaking_order": CHANGE,
    "debate:note": CHANGE,
    "debate:reformulate": CHANGE,
    "debate:new_round": CHANGE,
    "debate:recording_state": CHANGE,
    "debate:recordings": CHANGE,
    "reports:participant_data": CHANGE,
    "reports:mailing_new": CHANGE,
    "reports:mailing": CHANGE,
    "reports:retry_failed": CHANGE,
    "reports:retry": CHANGE,
    "transfer:seance": CHANGE,
    "debate:project_evolution": CHANGE,
    "online:setup": CHANGE,
    "online:dashboard": CHANGE,
    "online:invite": CHANGE,
    "online:publish": CHANGE,
    "online:exclude": CHANGE,
    "transfer:demarche": CHANGE,
    # A démarche: what a reader (the steering committee) reads
    "plans:detail": READ,
    "plans:criteria": READ,
    "plans:compare": READ,
    "plans:dashboard": READ,
    "plans:plan": READ,
    "plans:meetings": READ,
    "plans:evaluation": READ,
    "plans:communication": READ,
    "plans:export": READ,
    # A démarche: what only its team changes
    "plans:territory_edit": CHANGE,
    "plans:edit": CHANGE,
    "plans:criterion_edit": CHANGE,
    "plans:criterion_move": CHANGE,
    "plans:criterion_delete": CHANGE,
    "plans:cycle_create": CHANGE,
    "plans:deliberation_create": CHANGE,
    "plans:deliberation_edit": CHANGE,
    "plans:deliberation_delete": CHANGE,
    "plans:membre_create": CHANGE,
    "plans:membre_edit": CHANGE,
    "plans:membre_delete": CHANGE,
    "plans:axe_create": CHANGE,
    "plans:axe_edit": CHANGE,
    "plans:axe_delete": CHANGE,
    "plans:action_create": CHANGE,
    "plans:actions_from_items": CHANGE,
    "plans:retain_first": CHANGE,
    "plans:action_edit": CHANGE,
    "plans:action_move": CHANGE,
    "plans:action_retain": CHANGE,
    "plans:action_delete": CHANGE,
    "plans:evaluate": CHANGE,
    "plans:ballot_create": CHANGE,
    "plans:ballot_apply": CHANGE,
    "plans:meeting_detach": CHANGE,
    "plans:synthesis": CHANGE,
    "plans:relaunch": CHANGE,
    "plans:communication_create": CHANGE,
    "plans:communication_edit": CHANGE,
    "plans:communication_delete": CHANGE,
    # « Accompagnement »: only an administrator of A shares A's démarche.
    "plans:share": ADMIN_OBJECT,
    "plans:unshare": ADMIN_OBJECT,
}

# Django's admin has its own rule (staff only) and its own tests.
SKIPPED_NAMESPACES = ("admin",)


def url_patterns(patterns=None, namespace=None):
    """(name, pattern) of every URL of the project, walked recursively."""
    for entry in patterns if patterns is not None else get_resolver().url_patterns:
        if isinstance(entry, URLResolver):
            inner = entry.namespace and (f"{namespace}:{entry.namespace}" if namespace else entry.namespace)
            if (inner or namespace) in SKIPPED_NAMESPACES:
                continue
            yield from url_patterns(entry.url_patterns, inner or namespace)
        elif isinstance(entry, URLPattern):
            yield (f"{namespace}:{entry.name}" if namespace else entry.name), entry


def test_every_url_pattern_is_in_the_table():
    names = [name for name, _ in url_patterns()]
    assert None not in names, "every URL pattern needs a name to be in the table"
    assert sorted(set(names) - set(TABLE)) == [], "decide who may reach these URLs: add them to TABLE"
    assert sorted(set(TABLE) - set(names)) == [], "these rows name no URL any more"


@pytest.fixture
def world(facilitator, structure, colleague, reader, outsider):
    return build_world(facilitator, structure, colleague, reader, outsider)


def build_world(facilitator, structure, colleague, reader, outsider):
    """Structure A with one of everything, and the ids to fill the URLs with.
    A plain function, so the accessibility audit seeds the same world in its
    server's database (tests/browser/seed.py)."""
    meeting = build_meeting(facilitator)
    participant = meeting.participants.first()
    item = meeting.items.first()
    recording = Recording.objects.create(meeting=meeting, item=item, file=ContentFile(b"webm", name="a.webm"))
    mailing = Mailing.objects.create(meeting=meeting, subject="Compte-rendu", body="Bonjour")
    delivery = Delivery.objects.create(mailing=mailing, participant=participant, email="a@pnr.fr")
    process = make_process(facilitator, years=(2024,))
    cycle = process.cycles.get()
    action = add_action(cycle, "Un café associatif")
    link = attach(cycle, build_meeting(facilitator, title="Groupe test"))
    communication = Communication.objects.create(cycle=cycle, who="Le Parc")
    building.start(meeting, "pdf", spawn=lambda run: run())  # a prepared PDF, built here
    phase = OnlinePhase.objects.create(meeting=meeting, results_published=True)
    invitation = Invitation.objects.create(structure=structure, name="Nouvelle", invited_by=facilitator)
    ids = {
        "meeting_id": meeting.pk,
        "participant_id": participant.pk,
        "item_id": item.pk,
        "number": 1,
        "recording_id": recording.pk,
        "mailing_id": mailing.pk,
        "delivery_id": delivery.pk,
        "fmt": "pdf",
        "process_id": process.pk,
        "territory_id": process.territory_id,
        "year": cycle.year,
        "action_id": action.pk,
        "criterion_id": process.criteria.first().pk,
        "link_id": link.pk,
        "purpose": "priorisation",
        "communication_id": communication.pk,
        "document": "plan",
        "membership_id": structure.memberships.get(user=colleague).pk,
        "invitation_id": invitation.pk,
        "token": "not-a-token",
        "join_code": meeting.join_code,
        "uidb64": "MQ",
        "slug": phase.slug,
        "language": "en",
    }
    objects = {
        "deliberation": Deliberation.objects.create(process=process, date="2024-01-15", text="Délibération"),
        "membre": CommitteeMember.objects.create(process=process, name="Élue référente"),
        "axe": Axis.objects.create(process=process, number=1, title="Vivre ensemble"),
    }
    users = {"admin": facilitator, "facilitator": colleague, "reader": reader, "outsider": outsider}
    ballot = participant.token
    tokens = {name: ballot for name in ("live:ballot", "live:state", "live:vote", "live:propose")}
    tokens["invitation"] = invitation.token
    return ids, objects, users, tokens


def path_for(name, pattern, ids, objects, tokens):
    kwargs = {key: ids[key] for key in pattern.pattern.converters if key != "object_id"}
    if "object_id" in pattern.pattern.converters:
        kwargs["object_id"] = objects[name.split(":")[1].split("_")[0]].pk
    if "token" in kwargs:
        kwargs["token"] = tokens.get(name, "AAAAAAAAAAAAAAAAAAAAAA")
    if name == "reports:download":
        kwargs["fmt"] = "xlsx"  # the cheapest of the formats: the rule is the same for all
    if name == "plans:export":
        kwargs["fmt"] = "xlsx"
    return reverse(name, kwargs=kwargs)


def outcome(response) -> str:
    if response.status_code == 302 and response["Location"].startswith("/connexion/"):
        return "login"
    if response.status_code in (403, 404):
        return str(response.status_code)
    assert response.status_code < 500, response.status_code
    return "ok"


def refusal(expected: str) -> bool:
    return expected in ("403", "404", "login")


def test_every_url_answers_every_role_as_the_table_says(world):
    ids, objects, users, tokens = world
    clients = {}
    for role in ROLES:
        clients[role] = Client(raise_request_exception=False)
        if role in users:
            clients[role].force_login(users[role])
    wrong = []
    for name, pattern in url_patterns():
        if name in ("logout", "set_language"):
            continue  # a logout would end the walk's sessions; Django's own views
        path = path_for(name, pattern, ids, objects, tokens)
        for role, expected in zip(ROLES, EXPECTED[TABLE[name]], strict=True):
            response = clients[role].get(path)
            got = outcome(response)
            if refusal(expected) and expected != "login" and response.status_code == 405:
                got = expected  # a POST-only view: the POST below proves the refusal
            if expected == "public" and got != "login":
                got = expected  # a wrong token may answer 404: what matters is no login asked
            if got != expected:
                wrong.append(f"GET {path} ({name}) as {role}: {got}, expected {expected}")
            if refusal(expected) and TABLE[name] != PUBLIC:
                response = clients[role].post(path, {})
                posted = expected if response.status_code == 405 else outcome(response)  # a GET-only view
                if posted != expected:
                    wrong.append(f"POST {path} ({name}) as {role}: {posted}, expected {expected}")
    assert wrong == [], "\n".join(wrong)
