"""The debate's shared séance: two rounds to compare."""

import pytest

from abaque.meetings.rounds import new_round
from tests.builders import run_round
from tests.conftest import build_meeting


@pytest.fixture
def two_rounds(facilitator):
    """Round 1 on three items; round 2 on the first and last, where Chantal
    moves from red to green and David from dark red to orange."""
    meeting = build_meeting(facilitator)
    first = run_round(meeting.current_round(), ["VG VG R RR", "VG G G VG", "RR R VG G"])
    items = list(meeting.items.all())
    second = run_round(new_round(meeting, [items[2], items[0]]), ["VG VG G O", "RR R VG G"])
    return meeting, first, second
