"""What an archive holds: for each model, how to find its rows from the
séance or the démarche, and how to recognise a row already there when the
same archive is imported again (natural keys, tried in turn)."""

from dataclasses import dataclass


@dataclass(frozen=True)
class Part:
    label: str  # "app.Model"
    scope: str  # lookup from the row to the root (séance or démarche)
    keys: tuple[tuple[str, ...], ...]  # natural keys, FK attnames resolved
    skip: tuple[str, ...] = ()  # fields the archive leaves out


# Order matters: a row comes after the rows it points to (nullable cycles,
# like Meeting.debate_item, are set once everything exists).
SEANCE = (
    Part("meetings.Participant", "meeting", (("token",), ("position", "name"))),
    Part("meetings.Item", "meeting", (("created_at", "position"), ("text",))),
    Part("meetings.ItemRevision", "item__meeting", (("item_id", "replaced_at", "text"),)),
    Part("meetings.Round", "meeting", (("number",),)),
    Part("meetings.RoundItem", "round__meeting", (("round_id", "item_id"),)),
    Part("meetings.Vote", "round__meeting", (("round_id", "item_id", "participant_id"),)),
    Part("meetings.VoteLog", "round__meeting", (("round_id", "item_id", "participant_id", "code", "source", "at"),)),
    Part("debate.Note", "meeting", (("item_id",),)),
    Part("debate.Recording", "meeting", (("created_at",),)),  # its file name is local
    Part("debate.AgendaPosition", "meeting", (("item_id",),)),
    # The online phase: its settings, who registered (the address as its
    # keyed digest once confirmed) and who was invited, with their reminders.
    Part("online.OnlinePhase", "meeting", (("meeting_id",),)),
    Part("online.Registration", "phase__meeting", (("phase_id", "email_digest"),)),
    Part("online.Invitation", "phase__meeting", (("participant_id",),)),
    Part("reports.Mailing", "meeting", (("created_at", "subject"),)),
    Part("reports.Delivery", "mailing__meeting", (("mailing_id", "name", "email"),)),
    Part("reports.Attachment", "mailing__meeting", (("mailing_id", "name"),)),
)
SEANCE_ROOT_SKIP = ("id", "facilitator", "structure", "uid")

DEMARCHE = (
    Part("plans.Deliberation", "process", (("date", "body", "text"),)),
    Part("plans.CommitteeMember", "process", (("name", "organisation"),)),
    Part("plans.Cycle", "process", (("year",),)),
    Part("plans.CycleMeeting", "cycle__process", (("meeting_id",),)),
    Part("plans.Axis", "process", (("number",),)),
    Part("plans.Criterion", "process", (("name",),)),
    Part("plans.Action", "cycle__process", (("cycle_id", "title"),)),
    Part("plans.CriterionValue", "action__cycle__process", (("action_id", "criterion_id"),)),
    Part("plans.BallotEntry", "cycle_meeting__cycle__process", (("item_id",),)),
    Part("plans.Communication", "cycle__process", (("cycle_id", "who", "start"),)),
)
DEMARCHE_ROOT_SKIP = ("id", "owner", "structure", "uid")
TERRITORY_SKIP = ("owner", "structure")
