from django import forms
from django.conf import settings
from django.utils.functional import lazy
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from .models import MAX_ITEMS, MIN_CATEGORY_GROUP, Item, Meeting, Participant

ANONYMOUS_GUARANTEES = _(
    "Nominatif : chacun vote sous son nom, et la matrice montre qui a voté quoi. "
    "Anonyme : chaque téléphone prend un bulletin qui ne porte qu'une lettre (A, B, C…). "
    "Abaque n'enregistre alors ni nom, ni e-mail, ni l'heure de chaque vote : "
    "ni l'écran, ni le compte-rendu, ni même l'ordinateur de l'animateur ne peuvent dire qui tient quel bulletin. "
    "Ce que l'anonymat ne garantit pas : une personne peut prendre plusieurs bulletins avec plusieurs téléphones "
    "(comptez les présents) ; qui voit l'écran d'un voisin voit son vote ; "
    "une carte de vote papier saisie par l'animateur est vue de lui. "
    "Une fois le premier vote enregistré, le mode ne peut plus changer."
)
MODE_LOCKED = _(
    "Des votes sont déjà enregistrés : le mode ne peut plus changer "
    "(les votes anonymes resteraient anonymes, les votes nominatifs ne peuvent le devenir)."
)


def active_language() -> str:
    """The active language (the menu's switch) if the séances know it, else the default."""
    active = (get_language() or settings.LANGUAGE_CODE).split("-")[0]
    return active if active in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE


def _interpolated(text, **values):
    """A lazy text with its placeholders filled when it is read (in the language of that moment)."""
    return lazy(lambda: str(text) % values, str)()


class MeetingForm(forms.ModelForm):
    def clean_language(self):
        return self.cleaned_data.get("language") or self.instance.language

    class Meta:
        model = Meeting
        fields = [
            "title",
            "date",
            "place",
            "territory",
            "question",
            "language",
            "mode",
            "collect_categories",
            "scale_variant",
            "display",
            "phone_items",
        ]
        widgets = {
            "date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "question": forms.Textarea(
                attrs={"rows": 3, "placeholder": _("Selon vous, comment pouvons-nous, ensemble, …")}
            ),
            "mode": forms.RadioSelect,
            "scale_variant": forms.RadioSelect,
            "display": forms.RadioSelect,
        }
        help_texts = {
            "question": _("La question unique, préparée par le comité de pilotage, à laquelle répondent les items."),
            "mode": ANONYMOUS_GUARANTEES,
            "collect_categories": _interpolated(
                _(
                    "En mode anonyme seulement : chaque votant peut indiquer sa catégorie en prenant son bulletin. "
                    "Elle n'est montrée que pour un groupe d'au moins %(n)s votants."
                ),
                n=MIN_CATEGORY_GROUP,
            ),
            "scale_variant": _("L'échelle réduite convient au grand public ou aux enfants."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["language"].required = False  # a form posted without it keeps the séance's
        if self.instance.pk is None:  # a new séance is offered the facilitator's own language
            self.initial.setdefault("language", active_language())
        self.locked = bool(self.instance.pk and self.instance.has_votes)
        if self.locked:  # a disabled field ignores what is posted
            for name in ("mode", "collect_categories"):
                self.fields[name].disabled = True
            self.fields["mode"].help_text = MODE_LOCKED

    def clean_mode(self):
        mode = self.cleaned_data["mode"]
        if self.locked and mode != self.instance.mode:
            raise forms.ValidationError(MODE_LOCKED)
        return mode


class ParticipantForm(forms.ModelForm):
    class Meta:
        model = Participant
        fields = ["name", "category", "email"]


class ItemForm(forms.ModelForm):
    class Meta:
        model = Item
        fields = ["text", "author", "validated"]
        widgets = {"text": forms.TextInput(attrs={"autocomplete": "off"})}

    def __init__(self, *args, meeting, **kwargs):
        super().__init__(*args, **kwargs)
        self.meeting = meeting
        self.fields["author"].queryset = meeting.participants.all()
        self.fields["author"].empty_label = _("— auteur —")
        self.fields["text"].widget.attrs["placeholder"] = _("Tapez l'item, puis Entrée")
        # No maxlength: the browser would cut a pasted item silently; too long is refused with its reason.
        self.fields["text"].widget.attrs.pop("maxlength", None)

    def clean_text(self):
        text = " ".join(self.cleaned_data["text"].split())
        if not text:
            raise forms.ValidationError(_("L'item est vide."))
        if self.instance.pk is None and self.meeting.items.filter(deleted_at__isnull=True).count() >= MAX_ITEMS:
            raise forms.ValidationError(_("Une séance compte %(n)s items au plus.") % {"n": MAX_ITEMS})
        return text


class ImportForm(forms.Form):
    text = forms.CharField(
        label=_("Coller une liste"),
        required=False,
        widget=forms.Textarea(
            attrs={
                "rows": 8,
                "placeholder": _(
                    "Une personne par ligne :\nMarie Dupont ; élue ; marie@exemple.fr\nJean Martin ; habitant"
                ),
            }
        ),
        help_text=_(
            "Une ligne par personne : nom, puis éventuellement la catégorie et l'e-mail, séparés par ; , ou une tabulation."
        ),
    )
    file = forms.FileField(label=_("… ou choisir un fichier CSV ou XLSX"), required=False)

    def clean(self):
        data = super().clean()
        if not data.get("text", "").strip() and not data.get("file"):
            raise forms.ValidationError(_("Collez une liste ou choisissez un fichier."))
        return data


class PolisUploadForm(forms.Form):
    """A Pol.is export: its folder as a .zip, or its two CSV files."""

    title = forms.CharField(label=_("Titre de la séance"), max_length=200, required=False)
    archive = forms.FileField(label=_("Le dossier de l'export, en .zip"), required=False)
    votes = forms.FileField(label=_("… ou son fichier participants-votes.csv"), required=False)
    comments = forms.FileField(label=_("avec comments.csv (les textes des propositions)"), required=False)

    def clean(self):
        data = super().clean()
        if not data.get("archive") and not data.get("votes"):
            raise forms.ValidationError(_("Choisissez le .zip de l'export, ou son fichier participants-votes.csv."))
        if data.get("archive") and (data.get("votes") or data.get("comments")):
            raise forms.ValidationError(_("Envoyez soit le .zip, soit les fichiers CSV, pas les deux."))
        return data
