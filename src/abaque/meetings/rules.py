"""Who may do what with a séance: small named predicates, tested for every role."""

from abaque.accounts import rules as structure_rules


def can_view_meeting(user, meeting) -> bool:
    """Any member of the séance's structure reads it (results, compte-rendu)."""
    return structure_rules.is_member(user, meeting.structure)


def can_change_meeting(user, meeting) -> bool:
    """Administrators and facilitators run it; readers change nothing."""
    return structure_rules.can_run_work(user, meeting.structure)


def can_see_names(user, meeting) -> bool:
    """Names of the voters: never in an anonymous séance (it stores none anyway)."""
    return can_view_meeting(user, meeting) and not meeting.is_anonymous


def can_see_journal(user, meeting) -> bool:
    return can_change_meeting(user, meeting)
