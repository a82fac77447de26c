"""Ready-made users and séances, Healthchecks-style, for every test file."""

import asyncio

import pytest
from channels.layers import get_channel_layer
from django.contrib.auth import get_user_model
from django.test import Client

from abaque.meetings.models import Item, Meeting, Participant
from abaque.meetings.notify import group_name, phone_group_name
from abaque.meetings.rounds import sync_open_round

PASSWORD = "colorvote-2026!"


@pytest.fixture(autouse=True)
def _data_dir(settings, tmp_path):
    """Each test writes uploads and tokens in its own folder."""
    settings.DATA_DIR = tmp_path
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture(autouse=True)
def _fresh_throttles():
    """Throttle counters live in the cache: each test starts with none."""
    from django.core.cache import cache

    cache.clear()


@pytest.fixture(autouse=True)
def _default_language():
    """A request through the test client leaves its language active in the
    thread (LocaleMiddleware never deactivates it): each test starts in the
    default language, whatever the one before asked for."""
    from django.utils import translation

    translation.deactivate()
    yield
    translation.deactivate()


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    """Every test creates users: the default hasher costs about a second each."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def facilitator(db):
    return get_user_model().objects.create_user("animatrice", "animatrice@pnr.fr", PASSWORD, first_name="Claire Morel")


@pytest.fixture
def other_facilitator(db):
    return get_user_model().objects.create_user("autre", "autre@pnr.fr", PASSWORD)


@pytest.fixture
def client_in(client, facilitator):
    """A client logged in as the facilitator."""
    client.force_login(facilitator)
    return client


@pytest.fixture
def csrf_client(facilitator):
    """A logged-in client that enforces CSRF checks, like a real browser."""
    client = Client(enforce_csrf_checks=True)
    client.force_login(facilitator)
    return client


def build_meeting(
    facilitator,
    n_participants=4,
    items=("Créer un café associatif", "Un fonds d'initiatives habitants", "Covoiturage solidaire"),
    **fields,
):
    fields.setdefault("title", "Regards croisés")
    fields.setdefault("question", "Selon vous, comment renforcer le lien social ?")
    meeting = Meeting.objects.create(facilitator=facilitator, **fields)
    names = ["Anne Leroy", "Bruno Petit", "Chantal Roux", "David Girard", "Émilie Faure", "Farid Benali"]
    for i in range(n_participants):
        Participant.objects.create(
            meeting=meeting, name=names[i % len(names)] + ("" if i < len(names) else f" {i}"), position=i + 1
        )
    for i, text in enumerate(items):
        Item.objects.create(meeting=meeting, text=text, position=i + 1)
    sync_open_round(meeting)
    return meeting


@pytest.fixture
def meeting(facilitator):
    """A séance with 4 participants and 3 items, its first round prepared."""
    return build_meeting(facilitator)


@pytest.fixture
def other_meeting(other_facilitator):
    """Another facilitator's séance: never reachable from `meeting`'s views."""
    return build_meeting(other_facilitator, title="Séance d'un autre territoire")


class Screens:
    """What the live screens of a séance hear, on the in-memory channel layer:
    the facilitator's screens (projector, controls, grid) and the phones."""

    def __init__(self):
        self.loop = asyncio.new_event_loop()  # the queues are read from this loop only
        self.layer = get_channel_layer()
        self.channels = {}

    def listen(self, meeting):
        for name in (group_name(meeting.pk), phone_group_name(meeting.pk)):
            self.channels[name] = self.loop.run_until_complete(self.layer.new_channel())
            self.loop.run_until_complete(self.layer.group_add(name, self.channels[name]))
        return self

    def heard(self, meeting, phones=False) -> list[str]:
        """The topics announced since the last call, in order."""
        channel = self.channels[(phone_group_name if phones else group_name)(meeting.pk)]
        return self.loop.run_until_complete(self._drain(channel))

    async def _drain(self, channel):
        topics = []
        while True:
            try:
                message = await asyncio.wait_for(self.layer.receive(channel), 0.05)
            except TimeoutError:
                return topics
            topics.append(message["topic"])


@pytest.fixture
def screens(settings):
    """Listen to the screens of séances; announcements go out once the
    transaction commits, so moves run under django_capture_on_commit_callbacks."""
    settings.CHANNEL_LAYERS = {"default": {"BACKEND": "channels.layers.InMemoryChannelLayer"}}
    listener = Screens()
    yield listener
    listener.loop.close()


@pytest.fixture
def heard(screens, meeting):
    """What the screens of the `meeting` fixture hear."""
    return screens.listen(meeting)


@pytest.fixture
def move(django_capture_on_commit_callbacks):
    """Make a move and run what waits for the commit (the announcement)."""

    def run(transition, *args, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return transition(*args, **kwargs)

    return run


@pytest.fixture(autouse=True)
def _no_scheduler_thread(settings):
    """Tests call abaque.online.scheduler.tick themselves, at the time they choose."""
    settings.ONLINE_SCHEDULER = False


def make_member(structure, role, username, **fields):
    """A user with `role` (admin, facilitator, reader) in `structure`."""
    from abaque.accounts.models import Membership

    fields.setdefault("first_name", username.capitalize())
    user = get_user_model().objects.create_user(username, f"{username}@pnr.fr", PASSWORD, **fields)
    Membership.objects.create(user=user, structure=structure, role=role)
    return user


@pytest.fixture
def structure(facilitator):
    """The facilitator's structure, which she administers."""
    from abaque.accounts.structures import own_structure

    return own_structure(facilitator)


@pytest.fixture
def colleague(structure):
    """A facilitator of the same structure."""
    return make_member(structure, "facilitator", "collegue")


@pytest.fixture
def reader(structure):
    """A reader of the same structure (steering committee)."""
    return make_member(structure, "reader", "lectrice")


@pytest.fixture
def outsider(other_facilitator):
    """The administrator of another structure."""
    from abaque.accounts.structures import own_structure

    own_structure(other_facilitator)
    return other_facilitator
