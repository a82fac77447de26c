"""Hypothesis strategies shared by the analysis tests (small, for speed)."""

from __future__ import annotations

from hypothesis import settings
from hypothesis import strategies as st

from abaque import scale

NON_OPINIONS = [code for code in scale.CODES if code not in scale.WEIGHTS] + [None]
# Few examples and no deadline: the suite stays fast, and does not flake on
# a busy machine where one seriation may take longer than 200 ms.
quick = settings(max_examples=50, deadline=None)

cells = st.sampled_from([*scale.CODES, None])
opinions = st.sampled_from(scale.OPINION_CODES)


@st.composite
def matrices(draw, max_items: int = 8, max_participants: int = 10) -> list[list[str | None]]:
    """Rows of codes (items × participants), empty cells included."""
    n_participants = draw(st.integers(0, max_participants))
    row = st.lists(cells, min_size=n_participants, max_size=n_participants)
    return draw(st.lists(row, max_size=max_items))
