from django import forms
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.forms import SetPasswordForm
from django.utils.translation import gettext_lazy as _

from .models import Invitation, Membership, Preferences, Structure, language_of


class StructureForm(forms.ModelForm):
    class Meta:
        model = Structure
        fields = ["name", "kind"]


class InvitationForm(forms.ModelForm):
    class Meta:
        model = Invitation
        fields = ["name", "email", "role"]
        help_texts = {"email": _("Facultatif : le lien lui est envoyé si un serveur d'envoi est configuré.")}


class RoleForm(forms.ModelForm):
    class Meta:
        model = Membership
        fields = ["role"]


class AcceptInvitationForm(SetPasswordForm):
    """The invitee chooses a login and a password."""

    username = forms.CharField(label=_("Identifiant de connexion"), max_length=150)
    field_order = ["username", "new_password1", "new_password2"]

    def clean_username(self):
        username = self.cleaned_data["username"].strip()
        if get_user_model().objects.filter(username__iexact=username).exists():
            raise forms.ValidationError(_("Cet identifiant est déjà pris : choisissez-en un autre."))
        return username


class AccountForm(forms.ModelForm):
    language = forms.ChoiceField(
        label=_("Langue de l'interface"),
        choices=[("", _("Celle du navigateur")), *settings.LANGUAGES],
        required=False,
        help_text=_("Gardée pour ce compte : elle revient à chaque connexion, sur tout appareil."),
    )

    class Meta:
        model = get_user_model()
        fields = ["first_name", "email"]
        labels = {"first_name": _("Prénom et nom"), "email": _("E-mail")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["language"].initial = language_of(self.instance)

    def save(self, commit=True):
        user = super().save(commit)
        Preferences.objects.update_or_create(user=user, defaults={"language": self.cleaned_data["language"]})
        return user
