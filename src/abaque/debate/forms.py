"""Forms of the debate: every input is validated here, with messages in the facilitator's language."""

from django import forms
from django.utils.translation import gettext_lazy as _

from abaque.body_limit import MAX_RECORDING_MB
from abaque.meetings.models import Item, Meeting
from abaque.meetings.numbering import item_numbers

MAX_RECORDING_BYTES = MAX_RECORDING_MB * 1024 * 1024
MAX_MEETING_RECORDINGS_BYTES = 4 * 1024 * 1024 * 1024  # the quota of one séance: hours of debate, not a full disk
MAX_RECORDING_SECONDS = 6 * 3600

# The first bytes of the audio containers browsers record or people upload:
# the declared type alone is whatever the client says.
AUDIO_SIGNATURES = (
    (0, b"\x1a\x45\xdf\xa3"),  # WebM / Matroska (Chromium, Firefox)
    (0, b"OggS"),  # Ogg Opus / Vorbis (Firefox)
    (0, b"RIFF"),  # WAV
    (4, b"ftyp"),  # MP4 / M4A (Safari)
    (0, b"ID3"),  # MP3 with tags
    (0, b"\xff\xfb"),  # MP3 frame
    (0, b"\xff\xf3"),
    (0, b"\xff\xf2"),
    (0, b"fLaC"),
)


def numbered_choices(field, meeting) -> None:
    """The séance's items as choices, each labelled with its number."""
    numbers = item_numbers(meeting)
    field.queryset = meeting.active_items()
    field.label_from_instance = lambda item: f"{numbers.get(item.pk, '')}. {item.text}"


def _squash(text: str) -> str:
    return " ".join(text.split())


class ItemChoiceForm(forms.Form):
    item = forms.ModelChoiceField(
        queryset=Item.objects.none(),
        label=_("Débattre d'un autre item"),
        empty_label=_("— choisir un item —"),
        error_messages={"invalid_choice": _("Cet item n'existe pas dans cette séance.")},
    )

    def __init__(self, *args, meeting, **kwargs):
        super().__init__(*args, **kwargs)
        numbered_choices(self.fields["item"], meeting)


class SpeakingOrderForm(forms.ModelForm):
    class Meta:
        model = Meeting
        fields = ["speaking_order"]
        widgets = {"speaking_order": forms.RadioSelect}


class NoteForm(forms.Form):
    text = forms.CharField(required=False, strip=False, max_length=100_000, widget=forms.Textarea)


class ReformulationForm(forms.Form):
    text = forms.CharField(
        label=_("Nouvelle formulation"),
        max_length=300,
        widget=forms.TextInput(attrs={"autocomplete": "off", "maxlength": 300}),
        error_messages={"required": _("Tapez la nouvelle formulation de l'item.")},
    )
    reason = forms.CharField(
        label=_("Pourquoi la reformuler ?"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(
            attrs={"rows": 2, "placeholder": _("Ex. : « solidaire » a été compris comme « gratuit »")}
        ),
    )

    def __init__(self, *args, item, **kwargs):
        super().__init__(*args, **kwargs)
        self.item = item

    def clean_text(self):
        text = _squash(self.cleaned_data["text"])
        if not text:
            raise forms.ValidationError(_("Tapez la nouvelle formulation de l'item."))
        if text == self.item.text:
            raise forms.ValidationError(_("La nouvelle formulation est identique à l'actuelle."))
        return text


class BoundedIdsField(forms.ModelMultipleChoiceField):
    """Ids too large for the database are unknown choices, not a 500."""

    def _check_values(self, value):
        for pk in value:
            if not str(pk).isdigit() or len(str(pk)) > 18:
                raise forms.ValidationError(
                    _("« %(value)s » n'est pas un item de cette séance.") % {"value": str(pk)[:30]}
                )
        return super()._check_values(value)


class NewRoundForm(forms.Form):
    items = BoundedIdsField(
        queryset=Item.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        label=_("Items soumis au nouveau vote"),
        error_messages={"required": _("Cochez au moins un item pour le nouveau tour.")},
    )
    open_now = forms.BooleanField(label=_("Ouvrir le vote tout de suite"), required=False, initial=True)

    def __init__(self, *args, meeting, **kwargs):
        super().__init__(*args, **kwargs)
        numbered_choices(self.fields["items"], meeting)


class RecordingForm(forms.Form):
    file = forms.FileField(error_messages={"required": _("Aucun fichier audio reçu.")})
    duration = forms.FloatField(min_value=0, max_value=MAX_RECORDING_SECONDS, required=False)

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_RECORDING_BYTES:
            raise forms.ValidationError(
                _("Cet enregistrement dépasse %(mb)s Mo : il n'a pas été reçu.") % {"mb": MAX_RECORDING_MB}
            )
        if not mime_of(upload).startswith("audio/") or not looks_like_audio(upload):
            raise forms.ValidationError(_("Ce fichier n'est pas un enregistrement audio."))
        return upload


def mime_of(upload) -> str:
    """The declared type without its parameters: audio/webm;codecs=opus → audio/webm."""
    return (upload.content_type or "").split(";")[0].strip().lower()


def looks_like_audio(upload) -> bool:
    head = upload.read(16)
    upload.seek(0)
    return any(head[offset : offset + len(magic)] == magic for offset, magic in AUDIO_SIGNATURES)
