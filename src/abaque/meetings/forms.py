from django import forms

from .models import Item, Meeting, Participant


class MeetingForm(forms.ModelForm):
    class Meta:
        model = Meeting
        fields = ["title", "date", "place", "territory", "question", "mode", "scale_variant", "display", "phone_items"]
        widgets = {
            "date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "question": forms.Textarea(attrs={"rows": 3, "placeholder": "Selon vous, comment pouvons-nous, ensemble, …"}),
            "mode": forms.RadioSelect,
            "scale_variant": forms.RadioSelect,
            "display": forms.RadioSelect,
        }
        help_texts = {
            "question": "La question unique, préparée par le comité de pilotage, à laquelle répondent les items.",
            "mode": "En mode anonyme, les participants ne sont jamais nommés : ni sur l'écran, ni dans le compte-rendu.",
            "scale_variant": "L'échelle réduite convient au grand public ou aux enfants.",
        }


class ParticipantForm(forms.ModelForm):
    class Meta:
        model = Participant
        fields = ["name", "category", "email"]


class ItemForm(forms.ModelForm):
    class Meta:
        model = Item
        fields = ["text", "author", "validated"]
        widgets = {"text": forms.TextInput(attrs={"autocomplete": "off", "maxlength": 300})}

    def __init__(self, *args, meeting, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["author"].queryset = meeting.participants.all()
        self.fields["author"].empty_label = "— auteur —"
        self.fields["text"].widget.attrs["placeholder"] = "Tapez l'item, puis Entrée"

    def clean_text(self):
        text = " ".join(self.cleaned_data["text"].split())
        if not text:
            raise forms.ValidationError("L'item est vide.")
        return text


class ImportForm(forms.Form):
    text = forms.CharField(
        label="Coller une liste",
        required=False,
        widget=forms.Textarea(attrs={"rows": 8, "placeholder": "Une personne par ligne :\nMarie Dupont ; élue ; marie@exemple.fr\nJean Martin ; habitant"}),
        help_text="Une ligne par personne : nom, puis éventuellement la catégorie et l'e-mail, séparés par ; , ou une tabulation.",
    )
    file = forms.FileField(label="… ou choisir un fichier CSV ou XLSX", required=False)

    def clean(self):
        data = super().clean()
        if not data.get("text", "").strip() and not data.get("file"):
            raise forms.ValidationError("Collez une liste ou choisissez un fichier.")
        return data
