from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Action, Axis, CommitteeMember, Communication, Criterion, Cycle, Deliberation, Process, Territory

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def _rows(n):
    return forms.Textarea(attrs={"rows": n})


class TerritoryForm(forms.ModelForm):
    class Meta:
        model = Territory
        fields = ["name", "kind", "parent"]

    def __init__(self, *args, structure, **kwargs):
        super().__init__(*args, **kwargs)
        parents = Territory.objects.filter(structure=structure, kind=Territory.Kind.PARK)
        self.fields["parent"].queryset = parents.exclude(pk=self.instance.pk) if self.instance.pk else parents
        self.fields["parent"].empty_label = _("— aucun —")


class ProcessForm(forms.ModelForm):
    first_year = forms.IntegerField(
        label=_("première année"),
        min_value=2000,
        max_value=2100,
        required=False,
        help_text=_("Crée la première boucle annuelle."),
    )

    class Meta:
        model = Process
        fields = ["title", "territory", "description", "park_supports_only", "lead_official", "lead_facilitator"]
        widgets = {"description": _rows(3)}

    def __init__(self, *args, structure, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["territory"].queryset = Territory.objects.filter(structure=structure)
        self.fields["territory"].empty_label = _("— choisir —")
        if self.instance.pk:
            del self.fields["first_year"]

    def clean(self):
        data = super().clean()
        territory = data.get("territory")
        if data.get("park_supports_only") and territory and territory.parent_id is None:
            self.add_error(
                "park_supports_only",
                _(
                    "Le Parc n'accompagne qu'une démarche locale : choisissez une "
                    "communauté de communes rattachée au Parc."
                ),
            )
        return data


class DeliberationForm(forms.ModelForm):
    class Meta:
        model = Deliberation
        fields = ["date", "body", "text", "mandate"]
        widgets = {"date": DATE, "text": _rows(4), "mandate": _rows(3)}


class MemberForm(forms.ModelForm):
    class Meta:
        model = CommitteeMember
        fields = ["name", "organisation", "category", "email"]


class AxisForm(forms.ModelForm):
    class Meta:
        model = Axis
        fields = ["number", "title"]


class CriterionForm(forms.ModelForm):
    class Meta:
        model = Criterion
        fields = ["name"]

    def clean_name(self):
        name = " ".join(self.cleaned_data["name"].split())
        if not name:
            raise forms.ValidationError(_("Le nom du critère est vide."))
        return name


class CycleForm(forms.ModelForm):
    class Meta:
        model = Cycle
        fields = ["year"]

    def __init__(self, *args, process, **kwargs):
        super().__init__(*args, **kwargs)
        self.process = process

    def clean_year(self):
        year = self.cleaned_data["year"]
        if not 2000 <= year <= 2100:
            raise forms.ValidationError(_("Indiquez une année entre 2000 et 2100."))
        if self.process.cycles.filter(year=year).exists():
            raise forms.ValidationError(_("La boucle %(year)s existe déjà.") % {"year": year})
        return year


class SynthesisForm(forms.ModelForm):
    class Meta:
        model = Cycle
        fields = ["synthesis"]
        widgets = {"synthesis": _rows(6)}


class ActionForm(forms.ModelForm):
    """The action and its row of the co-construction table (one field per criterion)."""

    class Meta:
        model = Action
        fields = [
            "title",
            "axis",
            "description",
            "retained",
            "lead",
            "lead_kind",
            "partners",
            "funders",
            "budget",
            "schedule",
            "enriches_park_action",
            "objectives",
        ]
        widgets = {"description": _rows(2), "partners": _rows(2), "funders": _rows(2), "objectives": _rows(2)}

    def __init__(self, *args, process, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["axis"].queryset = process.axes.all()
        self.fields["axis"].empty_label = _("— sans axe —")
        self.criteria = list(process.criteria.all())
        values = {v.criterion_id: v.text for v in self.instance.criterion_values.all()} if self.instance.pk else {}
        for criterion in self.criteria:
            self.fields[f"criterion_{criterion.pk}"] = forms.CharField(
                label=criterion.name, required=False, widget=_rows(2), initial=values.get(criterion.pk, "")
            )

    def criterion_texts(self) -> dict:
        return {c: self.cleaned_data[f"criterion_{c.pk}"] for c in self.criteria}


class EvaluationForm(forms.ModelForm):
    class Meta:
        model = Action
        fields = ["status", "objectives", "effectiveness", "impacts", "corrections"]
        widgets = {f: _rows(2) for f in ["objectives", "effectiveness", "impacts", "corrections"]}


class CommunicationForm(forms.ModelForm):
    channels = forms.MultipleChoiceField(
        label=_("supports et canaux"),
        choices=Communication.Channel.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = Communication
        fields = ["who", "objectives", "targets", "messages", "channels", "start", "end", "status"]
        widgets = {"objectives": _rows(2), "messages": _rows(2), "start": DATE, "end": DATE}

    def clean(self):
        data = super().clean()
        if data.get("start") and data.get("end") and data["end"] < data["start"]:
            self.add_error("end", _("La date de fin précède la date de début."))
        return data


class AttachMeetingForm(forms.Form):
    meeting = forms.ModelChoiceField(label=_("séance"), queryset=None, empty_label=_("— choisir une séance —"))
    group = forms.ChoiceField(label=_("groupe"), choices=[])

    def __init__(self, *args, structure, **kwargs):
        from abaque.meetings.models import Meeting

        from .models import CycleMeeting

        super().__init__(*args, **kwargs)
        self.fields["meeting"].queryset = Meeting.objects.filter(structure=structure, cycle_link__isnull=True)
        self.fields["group"].choices = CycleMeeting.Group.choices


class ShareForm(forms.Form):
    """The structure a démarche is shared with in reading, or stops being shared with."""

    structure = forms.ModelChoiceField(
        queryset=None,
        label=_("Structure"),
        empty_label=_("— choisir —"),
        error_messages={
            "required": _("Choisissez une structure."),
            "invalid_choice": _("Choisissez une structure de la liste."),
        },
    )

    def __init__(self, *args, structures, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["structure"].queryset = structures
