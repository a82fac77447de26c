from django import forms
from django.utils.translation import gettext_lazy as _

from abaque.meetings.models import Participant

from .models import OnlinePhase

LOCAL = "%Y-%m-%dT%H:%M"


class DateTimeInput(forms.DateTimeInput):
    input_type = "datetime-local"

    def __init__(self):
        super().__init__(format=LOCAL)


class PhaseForm(forms.ModelForm):
    opens_at = forms.DateTimeField(label=_("Ouverture"), widget=DateTimeInput(), input_formats=[LOCAL])
    closes_at = forms.DateTimeField(
        label=_("Clôture (les votes sont refusés dès cette heure)"), widget=DateTimeInput(), input_formats=[LOCAL]
    )
    anonymous = forms.BooleanField(
        label=_("Anonyme : aucun nom lié aux votes (conseillé pour une consultation publique)"), required=False
    )
    proposals = forms.BooleanField(label=_("Les participants peuvent proposer des items (modérés)"), required=False)

    class Meta:
        model = OnlinePhase
        fields = [
            "kind",
            "ask_commune",
            "ask_category",
            "purpose",
            "controller",
            "retention_until",
            "reminder_every_days",
            "max_reminders",
        ]
        widgets = {
            "retention_until": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "purpose": forms.Textarea(attrs={"rows": 3}),
        }

    def clean(self):
        data = super().clean()
        opens, closes = data.get("opens_at"), data.get("closes_at")
        if opens and closes and closes <= opens:
            self.add_error("closes_at", _("La clôture doit venir après l'ouverture."))
        retention = data.get("retention_until")
        if retention and closes and retention < closes.date():
            self.add_error("retention_until", _("Les données ne peuvent être effacées avant la clôture."))
        if data.get("max_reminders", 0) > 10:
            self.add_error("max_reminders", _("Dix relances au plus."))
        return data


class RegistrationForm(forms.Form):
    email = forms.EmailField(
        label=_("Votre adresse e-mail"),
        max_length=254,
        help_text=_("Pour confirmer votre participation et recevoir votre lien de vote."),
    )
    name = forms.CharField(label=_("Nom ou pseudonyme"), max_length=120, required=False)
    commune = forms.CharField(label=_("Votre commune"), max_length=120, required=False)
    category = forms.ChoiceField(
        label=_("Vous êtes"), choices=[("", "—"), *Participant.Category.choices], required=False
    )

    def __init__(self, *args, phase, **kwargs):
        super().__init__(*args, **kwargs)
        if phase.meeting.is_anonymous:
            del self.fields["name"]
        if not phase.ask_commune:
            del self.fields["commune"]
        else:
            self.fields["commune"].required = True
        if not phase.ask_category:
            del self.fields["category"]
        self.fields["email"].widget.attrs.update(autocomplete="email", inputmode="email")


class InviteForm(forms.Form):
    addresses = forms.CharField(
        label=_("Adresses à inviter, une par ligne (« Nom <adresse> » ou l'adresse seule)"),
        widget=forms.Textarea(attrs={"rows": 5}),
        required=False,
        max_length=200_000,
    )
