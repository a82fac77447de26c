"""The séance: its participants, items, vote rounds and votes."""

import secrets
import uuid
from datetime import date

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.functional import lazy
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from abaque import scale
from abaque.accounts.structures import own_structure

# Letters that cannot be mistaken for one another when read aloud or typed
# on a phone (no 0/O, 1/I/L, 5/S, 2/Z, 8/B).
JOIN_CODE_ALPHABET = "ACDEFGHJKMNPQRTUVWXY34679"
JOIN_CODE_LENGTH = 6

ITEM_WARNING_THRESHOLD = 40  # the method works with 20 to 40 items
# Hard bounds, far above any room or online consultation, so that no import
# or script makes a matrix that the results page cannot hold in memory.
MAX_ITEMS = 500
MAX_PARTICIPANTS = 5_000

# In an anonymous séance a category is shown only for a group at least this
# large: below it, « the only elected official voted red » names a person.
MIN_CATEGORY_GROUP = 5


# The scale's variants in the active language: scale.py holds both wordings.
VARIANT_CHOICES = [
    (v, lazy(lambda v=v: scale.variant_label(v, get_language() or "fr"), str)()) for v in scale.VARIANT_LABELS
]


def new_join_code() -> str:
    return "".join(secrets.choice(JOIN_CODE_ALPHABET) for _ in range(JOIN_CODE_LENGTH))


def new_token() -> str:
    """A participant's voting link: 192 random bits."""
    return secrets.token_urlsafe(24)


def letter_for(index: int) -> str:
    """0 → A, 25 → Z, 26 → AA: how participants are shown by letter."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


class Meeting(models.Model):
    class Mode(models.TextChoices):
        NOMINATIVE = "nominative", _("Nominatif (comme Colorvote)")
        ANONYMOUS = "anonymous", _("Anonyme")

    class Display(models.TextChoices):
        NAMES = "names", _("Par leur nom")
        LETTERS = "letters", _("Par une lettre (A, B, C…)")

    class Phase(models.TextChoices):
        ITEMS = "items", _("Recueil des items")
        VOTE = "vote", _("Vote")
        RESULTS = "results", _("Résultats")
        DEBATE = "debate", _("Débat")
        EVOLUTION = "evolution", _("Évolution entre les tours")  # projected from the debate

    class SpeakingOrder(models.TextChoices):
        DISSENT_FIRST = "dissent_first", _("Rouge et noir d'abord")
        ALTERNATE = "alternate", _("En alternance, depuis le vert foncé")

    class JoinAccess(models.TextChoices):
        AUTO = "auto", _("Ouvert jusqu'à la fin de la séance")
        OPEN = "open", _("Ouvert (rouvert par l'animateur)")
        CLOSED = "closed", _("Fermé par l'animateur")

    class Ordering(models.TextChoices):
        ENTERED = "entered", _("Ordre de saisie")
        MEAN = "mean", _("Par moyenne (du vert au rouge)")
        CONSENSUS = "consensus", _("Par consensus")
        SERIATION = "seriation", _("Sériation (les semblables côte à côte)")

    # Deleting a facilitator deletes her séances (Django admin lists them in its
    # confirmation): nobody else may hold their names and votes.
    facilitator = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="meetings")
    # The séance belongs to the structure; `facilitator` is who created it.
    structure = models.ForeignKey(
        "accounts.Structure", on_delete=models.CASCADE, related_name="meetings", verbose_name=_("structure")
    )
    title = models.CharField(_("titre"), max_length=200)
    date = models.DateField(_("date"), default=date.today)
    place = models.CharField(_("lieu"), max_length=200, blank=True)
    territory = models.CharField(_("territoire"), max_length=200, blank=True)
    question = models.TextField(_("question unique"))
    mode = models.CharField(_("mode"), max_length=12, choices=Mode, default=Mode.NOMINATIVE)
    scale_variant = models.CharField(_("échelle"), max_length=10, choices=VARIANT_CHOICES, default="standard")
    # What the participants read (phones, projector, public pages, e-mails,
    # compte-rendu), whatever language the facilitator's own pages are in.
    language = models.CharField(
        _("langue de la séance"),
        max_length=8,
        choices=settings.LANGUAGES,
        default=settings.LANGUAGE_CODE,
        help_text=_("Celle des téléphones, du projecteur, des pages publiques et du compte-rendu."),
    )
    display = models.CharField(_("participants affichés"), max_length=8, choices=Display, default=Display.NAMES)
    join_code = models.CharField(
        _("code de la séance"), max_length=JOIN_CODE_LENGTH, unique=True, default=new_join_code
    )
    join_access = models.CharField(_("accès par code"), max_length=6, choices=JoinAccess, default=JoinAccess.AUTO)
    collect_categories = models.BooleanField(
        _("recueillir la catégorie des votants (élu, technicien, habitant…)"), default=False
    )
    phase = models.CharField(max_length=10, choices=Phase, default=Phase.ITEMS)
    results_revealed = models.BooleanField(default=False)
    # On demand: the projected matrix ordered by opinion group, with their band and table.
    projector_groups = models.BooleanField(_("groupes d'opinion au projecteur"), default=False)
    ordering = models.CharField(max_length=10, choices=Ordering, default=Ordering.MEAN)
    phone_items = models.BooleanField(
        _("les participants peuvent proposer des items depuis leur téléphone"), default=False
    )
    speaking_order = models.CharField(
        _("ordre de parole"), max_length=14, choices=SpeakingOrder, default=SpeakingOrder.DISSENT_FIRST
    )
    debate_item = models.ForeignKey("Item", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    recording_since = models.DateTimeField(null=True, blank=True)
    # The online phase's window (set by abaque.online): the vote rules refuse
    # an online participant's vote outside it, with no job to close anything.
    online_opens_at = models.DateTimeField(_("ouverture en ligne"), null=True, blank=True)
    online_closes_at = models.DateTimeField(_("clôture en ligne"), null=True, blank=True)
    # Made by the demo: labelled « Démo » and removed in one click, with nothing else.
    is_demo = models.BooleanField(_("démo"), default=False, editable=False)
    # Stable across installations: an archive imported twice is recognised by it.
    uid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-date", "-created_at"]
        verbose_name = _("séance")

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        if self.structure_id is None:  # made outside a request (demo, import, a test): its creator's structure
            self.structure = own_structure(self.facilitator)
        super().save(*args, **kwargs)

    @property
    def levels(self):
        return scale.levels_of(self.scale_variant)

    @property
    def scale_width(self) -> int:
        """Distance between the extreme weights, for the consensus measure."""
        weights = [level.weight for level in self.levels if level.is_opinion]
        return max(weights) - min(weights)

    @property
    def is_anonymous(self) -> bool:
        return self.mode == self.Mode.ANONYMOUS

    @property
    def shows_letters(self) -> bool:
        return self.is_anonymous or self.display == self.Display.LETTERS

    @property
    def has_votes(self) -> bool:
        return Vote.objects.filter(round__meeting=self).exists()

    @property
    def has_ended(self) -> bool:
        """The séance ends when its last round is closed and its results
        shown; a new round (or reopening) starts it again."""
        round_ = self.current_round()
        return bool(round_ and round_.is_closed and self.results_revealed)

    @property
    def join_open(self) -> bool:
        """Whether the 6-character code still lets a phone in. Printed cards
        (personal tokens) work whatever this says."""
        if self.join_access == self.JoinAccess.AUTO:
            return not self.has_ended
        return self.join_access == self.JoinAccess.OPEN

    def active_items(self):
        return self.items.filter(deleted_at__isnull=True, status=Item.Status.ACCEPTED)

    def current_round(self):
        return self.rounds.order_by("-number").first()

    def ensure_first_round(self):
        return self.rounds.get_or_create(number=1)[0]


class Participant(models.Model):
    class Category(models.TextChoices):
        ELECTED = "elu", _("Élu")
        STAFF = "technicien", _("Technicien")
        ACTOR = "acteur", _("Acteur social ou culturel")
        INHABITANT = "habitant", _("Habitant")
        OTHER = "autre", _("Autre")

    class Origin(models.TextChoices):
        ROOM = "room", _("En salle")
        ONLINE = "online", _("En ligne")

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="participants")
    name = models.CharField(_("nom"), max_length=120)
    category = models.CharField(
        _("catégorie"), max_length=12, choices=Category, default=Category.INHABITANT, blank=True
    )
    commune = models.CharField(_("commune"), max_length=120, blank=True)
    origin = models.CharField(_("participation"), max_length=6, choices=Origin, default=Origin.ROOM)
    email = models.EmailField(_("e-mail"), blank=True)
    position = models.PositiveIntegerField(default=0)
    token = models.CharField(max_length=64, unique=True, default=new_token, editable=False)
    claimed_at = models.DateTimeField(_("lié à un téléphone le"), null=True, blank=True)

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("participant")

    def __str__(self):
        return self.name

    @property
    def is_claimed(self) -> bool:
        return self.claimed_at is not None

    def release(self):
        """Free the name for another phone; the old phone's link stops working."""
        self.token = new_token()
        self.claimed_at = None
        self.save(update_fields=["token", "claimed_at"])


class Item(models.Model):
    class Status(models.TextChoices):
        ACCEPTED = "accepted", _("Retenu")
        PENDING = "pending", _("Proposé depuis un téléphone, à valider")

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="items")
    text = models.CharField(_("phrase clé"), max_length=300)
    author = models.ForeignKey(
        Participant,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="items",
        verbose_name=_("auteur"),
    )
    position = models.PositiveIntegerField(default=0)
    validated = models.BooleanField(_("validé par son auteur"), default=False)
    status = models.CharField(max_length=10, choices=Status, default=Status.ACCEPTED)
    deleted_at = models.DateTimeField(null=True, blank=True)  # soft delete, for undo
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("item")

    def __str__(self):
        return self.text


class ItemRevision(models.Model):
    """A former wording of an item, kept when it is reformulated."""

    item = models.ForeignKey(Item, on_delete=models.CASCADE, related_name="revisions")
    text = models.CharField(max_length=300)
    reason = models.TextField(_("raison de la reformulation"), blank=True)
    replaced_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["replaced_at", "pk"]


class Round(models.Model):
    """A vote round (tour de vote). Round 1 votes on every item; later rounds
    on chosen items, typically the dissensus after the debate."""

    class Status(models.TextChoices):
        PREPARING = "preparing", _("En préparation")
        OPEN = "open", _("Ouvert")
        CLOSED = "closed", _("Clos")

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="rounds")
    number = models.PositiveSmallIntegerField(default=1)
    status = models.CharField(max_length=10, choices=Status, default=Status.PREPARING)
    opened_at = models.DateTimeField(null=True, blank=True)
    closed_at = models.DateTimeField(null=True, blank=True)
    # A closed round reopened: kept, because its results may have been seen.
    reopen_count = models.PositiveSmallIntegerField(_("réouvertures"), default=0)
    reopened_at = models.DateTimeField(null=True, blank=True)
    items = models.ManyToManyField(Item, through="RoundItem", related_name="rounds")

    class Meta:
        ordering = ["number"]
        constraints = [models.UniqueConstraint(fields=["meeting", "number"], name="one_round_number_per_meeting")]

    def __str__(self):
        return _("Tour %(number)s") % {"number": self.number}

    @property
    def is_closed(self) -> bool:
        return self.status == self.Status.CLOSED


class RoundItem(models.Model):
    """An item as it was worded when this round voted on it."""

    round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="round_items")
    item = models.ForeignKey(Item, on_delete=models.CASCADE, related_name="round_items")
    text = models.CharField(max_length=300)

    class Meta:
        ordering = ["item__position", "item__pk"]
        constraints = [models.UniqueConstraint(fields=["round", "item"], name="one_entry_per_item_and_round")]


class Vote(models.Model):
    class Source(models.TextChoices):
        PHONE = "phone", _("Téléphone")
        GRID = "grid", _("Saisie par l'animateur")

    round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="votes")
    item = models.ForeignKey(Item, on_delete=models.CASCADE, related_name="votes")
    participant = models.ForeignKey(Participant, on_delete=models.CASCADE, related_name="votes")
    code = models.CharField(max_length=2, choices=[(lv.code, lv.label) for lv in scale.LEVELS])
    source = models.CharField(max_length=5, choices=Source, default=Source.GRID)
    # Set by vote_batch.store: empty in an anonymous séance, where a vote's
    # time would tell who cast it.
    updated_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            # One participant, one vote per item and round; the last one wins.
            models.UniqueConstraint(fields=["round", "item", "participant"], name="one_vote_per_item_round_participant")
        ]


class VoteLog(models.Model):
    """Append-only record of every vote cast or cleared (empty code), so that
    the matrix can be rebuilt and checked against what is stored."""

    round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="+")
    item = models.ForeignKey(Item, on_delete=models.CASCADE, related_name="+")
    participant = models.ForeignKey(Participant, on_delete=models.CASCADE, related_name="+")
    code = models.CharField(max_length=2, blank=True)
    source = models.CharField(max_length=5)
    at = models.DateTimeField(default=timezone.now, null=True, blank=True)  # empty if anonymous

    class Meta:
        ordering = ["pk"]
