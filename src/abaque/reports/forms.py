from django import forms

from .models import Mailing


class MailingForm(forms.ModelForm):
    label_suffix = ""

    class Meta:
        model = Mailing
        fields = ["subject", "body", "attach_odt", "attach_xlsx"]
        widgets = {"body": forms.Textarea(attrs={"rows": 12})}
        help_texts = {"body": "Le compte-rendu en PDF est toujours joint."}
