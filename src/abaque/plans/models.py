"""The démarche over the years: territories, governance, yearly cycles, the
action plan and its evaluation, the communication plan (booklet points 2,
5 to 10)."""

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from abaque.accounts.structures import own_structure
from abaque.meetings.models import Item, Meeting, Participant

# Made in the language of whoever creates the démarche; then they are its own texts.
DEFAULT_CRITERIA = (
    _("Convergence avec la charte du Parc"),
    _("Convergence avec les politiques ou les actions des partenaires"),
    _("Opérationnalité"),
    _("Commentaires"),
)

# The booklet: « priorisation de 10 actions ».
RETAINED_TARGET = 10


class Territory(models.Model):
    """A park (PNR), or a communauté de communes whose parent is the park."""

    class Kind(models.TextChoices):
        PARK = "pnr", _("Parc naturel régional")
        INTERCOMMUNALITY = "cc", _("Communauté de communes")
        OTHER = "autre", _("Autre territoire")

    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="territories")
    # The territory belongs to the structure; `owner` is who created it.
    structure = models.ForeignKey("accounts.Structure", on_delete=models.CASCADE, related_name="territories")
    name = models.CharField(_("nom"), max_length=200)
    kind = models.CharField(_("type"), max_length=6, choices=Kind, default=Kind.PARK)
    parent = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="children",
        verbose_name=_("territoire parent (le Parc)"),
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("territoire")

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if self.structure_id is None:  # made outside a request (demo, import, a test): its creator's structure
            self.structure = own_structure(self.owner)
        super().save(*args, **kwargs)


class Process(models.Model):
    """A démarche: several years of yearly cycles on one territory."""

    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="processes")
    # The démarche belongs to the structure; `owner` is who created it.
    structure = models.ForeignKey("accounts.Structure", on_delete=models.CASCADE, related_name="processes")
    # « Accompagnement »: other structures (the park) that read this démarche.
    shared_with = models.ManyToManyField(
        "accounts.Structure", blank=True, related_name="supported_processes", verbose_name=_("accompagnée par")
    )
    territory = models.ForeignKey(
        Territory, on_delete=models.PROTECT, related_name="processes", verbose_name=_("territoire")
    )
    title = models.CharField(_("titre"), max_length=200)
    description = models.TextField(_("objectifs et attendus"), blank=True)
    park_supports_only = models.BooleanField(
        _("le Parc se situe uniquement en accompagnement"),
        default=False,
        help_text=_("Démarche locale portée par une communauté de communes, maître d'ouvrage."),
    )
    lead_official = models.CharField(_("élu référent"), max_length=200, blank=True)
    lead_facilitator = models.CharField(_("animateur référent"), max_length=200, blank=True)
    # Made by the demo: labelled « Démo » and removed in one click, with nothing else.
    is_demo = models.BooleanField(_("démo"), default=False, editable=False)
    # Stable across installations: an archive imported twice is recognised by it.
    uid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("démarche")

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        if self.structure_id is None:
            self.structure = self.territory.structure if self.territory_id else own_structure(self.owner)
        super().save(*args, **kwargs)

    def add_default_criteria(self):
        Criterion.objects.bulk_create(
            [Criterion(process=self, name=str(name), position=i) for i, name in enumerate(DEFAULT_CRITERIA, 1)]
        )


class Deliberation(models.Model):
    """The comité syndical officialises the démarche and mandates the committee."""

    process = models.ForeignKey(Process, on_delete=models.CASCADE, related_name="deliberations")
    date = models.DateField(_("date"))
    body = models.CharField(_("instance"), max_length=200, default=_("Comité syndical du Parc"))
    text = models.TextField(_("texte de la délibération"))
    mandate = models.TextField(_("mandat donné au comité de pilotage"), blank=True)

    class Meta:
        ordering = ["-date", "-pk"]
        verbose_name = _("délibération")


class CommitteeMember(models.Model):
    class Category(models.TextChoices):
        ELECTED = "elu", _("Élu")
        STAFF = "technicien", _("Technicien")
        ACTOR = "acteur", _("Acteur")
        INHABITANT = "habitant", _("Habitant")
        PARTNER = "partenaire", _("Partenaire")

    # How a member sits in a séance voted by the committee.
    PARTICIPANT_CATEGORY = {
        Category.ELECTED: Participant.Category.ELECTED,
        Category.STAFF: Participant.Category.STAFF,
        Category.ACTOR: Participant.Category.ACTOR,
        Category.INHABITANT: Participant.Category.INHABITANT,
        Category.PARTNER: Participant.Category.OTHER,
    }

    process = models.ForeignKey(Process, on_delete=models.CASCADE, related_name="members")
    name = models.CharField(_("nom"), max_length=120)
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    category = models.CharField(_("catégorie"), max_length=12, choices=Category, default=Category.ELECTED)
    email = models.EmailField(_("e-mail"), blank=True)

    class Meta:
        ordering = ["pk"]  # as entered: the facilitator lists them as the committee sits
        verbose_name = _("membre du comité de pilotage")

    def __str__(self):
        return self.name


class Cycle(models.Model):
    """One yearly loop: séances, plan, evaluation, relaunch."""

    process = models.ForeignKey(Process, on_delete=models.CASCADE, related_name="cycles")
    year = models.PositiveSmallIntegerField(_("année"))
    synthesis = models.TextField(_("synthèse de l'évaluation"), blank=True)
    relaunched_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["year"]
        constraints = [models.UniqueConstraint(fields=["process", "year"], name="one_cycle_per_year")]
        verbose_name = _("boucle annuelle")

    def __str__(self):
        return str(self.year)

    def previous(self):
        return self.process.cycles.filter(year__lt=self.year).order_by("-year").first()

    def plan(self):
        """The retained actions, by axis then priority."""
        return self.actions.filter(retained=True)

    def memory_actions(self):
        """Actions of the previous year that ended there: listed for memory."""
        previous = self.previous()
        if previous is None or previous.relaunched_at is None:
            return Action.objects.none()
        return previous.plan().filter(status__in=Action.ENDED)


class CycleMeeting(models.Model):
    """A séance attached to a cycle, with the group that met."""

    class Group(models.TextChoices):
        COMMITTEE = "copil", _("Comité de pilotage")
        TEST_GROUP = "groupe_test", _("Groupe test")
        PUBLIC = "reunion_publique", _("Réunion publique")

    class Purpose(models.TextChoices):
        DIALOGUE = "dialogue", _("Regards croisés")
        PRIORITISATION = "priorisation", _("Priorisation des actions")
        EVALUATION = "evaluation", _("Évaluation des actions")

    cycle = models.ForeignKey(Cycle, on_delete=models.CASCADE, related_name="cycle_meetings")
    meeting = models.OneToOneField(Meeting, on_delete=models.CASCADE, related_name="cycle_link")
    group = models.CharField(_("groupe"), max_length=16, choices=Group, default=Group.TEST_GROUP)
    purpose = models.CharField(_("objet"), max_length=12, choices=Purpose, default=Purpose.DIALOGUE)

    class Meta:
        ordering = ["meeting__date", "pk"]


class Axis(models.Model):
    process = models.ForeignKey(Process, on_delete=models.CASCADE, related_name="axes")
    number = models.PositiveSmallIntegerField(_("numéro"))
    title = models.CharField(_("intitulé"), max_length=300)

    class Meta:
        ordering = ["number", "pk"]
        verbose_name = _("axe")

    def __str__(self):
        return gettext("Axe %(number)s : %(title)s") % {"number": self.number, "title": self.title}


class Criterion(models.Model):
    """A column of the co-construction table, configurable per démarche."""

    process = models.ForeignKey(Process, on_delete=models.CASCADE, related_name="criteria")
    name = models.CharField(_("critère"), max_length=200)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("critère")

    def __str__(self):
        return self.name


class Action(models.Model):
    class Status(models.TextChoices):
        NEW = "nouvelle", _("Nouvelle")
        CONTINUED = "a_poursuivre", _("À poursuivre")
        IMPROVED = "amelioree", _("Améliorée")
        FINISHED = "terminee", _("Terminée")
        ABANDONED = "abandonnee", _("Abandonnée")

    class LeadKind(models.TextChoices):
        PARK = "parc", _("Le Parc")
        COMMUNE = "commune", _("Une commune")
        INTERCOMMUNALITY = "intercommunalite", _("Une intercommunalité")
        ACTOR = "acteur", _("Un acteur social ou culturel, une association")
        PARTNER = "partenaire", _("Un partenaire institutionnel")
        INHABITANTS = "habitants", _("Des habitants")
        COMMITTEE = "copil", _("Le comité de pilotage")

    ENDED = (Status.FINISHED, Status.ABANDONED)

    cycle = models.ForeignKey(Cycle, on_delete=models.CASCADE, related_name="actions")
    axis = models.ForeignKey(
        Axis, null=True, blank=True, on_delete=models.SET_NULL, related_name="actions", verbose_name=_("axe")
    )
    item = models.ForeignKey(
        Item,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="plan_actions",
        verbose_name=_("item d'origine"),
    )
    previous = models.OneToOneField(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="next",
        verbose_name=_("action de l'année précédente"),
    )
    title = models.CharField(_("action"), max_length=300)
    description = models.TextField(_("description"), blank=True)
    priority = models.PositiveSmallIntegerField(_("rang"), default=0)
    retained = models.BooleanField(_("retenue"), default=False)
    lead = models.CharField(_("porteur"), max_length=200, blank=True)
    lead_kind = models.CharField(_("type de porteur"), max_length=16, choices=LeadKind, default=LeadKind.PARK)
    partners = models.TextField(_("partenaires"), blank=True, help_text=_("Un par ligne ou séparés par des virgules."))
    funders = models.TextField(
        _("financements"), blank=True, help_text=_("CAF, MSA, fondations, collectivités… séparés par des virgules.")
    )
    budget = models.DecimalField(_("budget (€)"), max_digits=10, decimal_places=2, null=True, blank=True)
    schedule = models.CharField(_("calendrier"), max_length=200, blank=True)
    enriches_park_action = models.CharField(
        _("ajoute un contenu social à l'action du Parc"),
        max_length=200,
        blank=True,
        help_text=_("Le nom de l'action existante du Parc, s'il y a lieu (livret, point 6)."),
    )
    status = models.CharField(_("statut"), max_length=12, choices=Status, default=Status.NEW)
    # The yearly evaluation (booklet point 10).
    objectives = models.TextField(_("objectifs initiaux"), blank=True)
    effectiveness = models.TextField(_("efficacité"), blank=True)
    impacts = models.TextField(_("impacts"), blank=True)
    corrections = models.TextField(_("correctifs à apporter"), blank=True)

    class Meta:
        ordering = ["axis__number", "priority", "pk"]
        verbose_name = _("action")

    def __str__(self):
        return self.title

    @property
    def is_ended(self) -> bool:
        return self.status in self.ENDED

    def partner_names(self) -> list[str]:
        return split_names(self.partners)

    def funder_names(self) -> list[str]:
        return split_names(self.funders)


def split_names(text: str) -> list[str]:
    parts = text.replace("\n", ",").replace(";", ",").split(",")
    return [p.strip() for p in parts if p.strip()]


class CriterionValue(models.Model):
    action = models.ForeignKey(Action, on_delete=models.CASCADE, related_name="criterion_values")
    criterion = models.ForeignKey(Criterion, on_delete=models.CASCADE, related_name="values")
    text = models.TextField(blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["action", "criterion"], name="one_value_per_action_criterion")]


class BallotEntry(models.Model):
    """Which item of a committee's abacus vote stands for which action."""

    cycle_meeting = models.ForeignKey(CycleMeeting, on_delete=models.CASCADE, related_name="entries")
    action = models.ForeignKey(Action, on_delete=models.CASCADE, related_name="ballot_entries")
    item = models.OneToOneField(Item, on_delete=models.CASCADE, related_name="ballot_entry")


class Communication(models.Model):
    """A line of the communication plan (booklet point 9)."""

    class Channel(models.TextChoices):
        COMMUNES = "communes", _("Communes")
        PRESS = "presse", _("Presse locale")
        BULLETINS = "journaux", _("Journaux des collectivités")
        POSTERS = "affiches", _("Affiches")
        SOCIAL = "reseaux_sociaux", _("Réseaux sociaux")
        ASSOCIATIONS = "reseaux_associatifs", _("Réseaux associatifs")
        EVENTS = "evenements", _("Événements")

    class Status(models.TextChoices):
        PLANNED = "prevue", _("Prévue")
        ONGOING = "en_cours", _("En cours")
        DONE = "realisee", _("Réalisée")

    cycle = models.ForeignKey(Cycle, on_delete=models.CASCADE, related_name="communications")
    who = models.CharField(_("qui communique"), max_length=200)
    objectives = models.TextField(_("objectifs"), blank=True)
    targets = models.CharField(_("cibles"), max_length=300, blank=True)
    messages = models.TextField(_("messages"), blank=True)
    channels = models.JSONField(_("supports et canaux"), default=list, blank=True)
    start = models.DateField(_("date"), null=True, blank=True)
    end = models.DateField(_("jusqu'au"), null=True, blank=True)
    status = models.CharField(_("état"), max_length=10, choices=Status, default=Status.PLANNED)

    class Meta:
        ordering = ["start", "pk"]
        verbose_name = _("action de communication")

    def channel_labels(self) -> list[str]:
        labels = dict(self.Channel.choices)
        return [str(labels[c]) for c in self.channels if c in labels]
