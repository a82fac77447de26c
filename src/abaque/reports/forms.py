from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Mailing


class MailingForm(forms.ModelForm):
    class Meta:
        model = Mailing
        fields = ["subject", "body", "attach_odt", "attach_xlsx"]
        widgets = {"body": forms.Textarea(attrs={"rows": 12})}
        help_texts = {"body": _("Le compte-rendu en PDF est toujours joint.")}

    def __init__(self, *args, **kwargs):
        # « Joindre le tableur (XLSX) : » reads oddly after a checkbox.
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)
