"""Séances belong to a structure: each existing login becomes the
administrator of a structure that holds its séances."""

import django.db.models.deletion
from django.db import migrations, models


def own_structure(apps, user):
    """Same rule as accounts.structures.own_structure, on historical models."""
    membership_model = apps.get_model("accounts", "Membership")
    membership = membership_model.objects.filter(user=user).order_by("pk").first()
    if membership:
        return membership.structure
    structure = apps.get_model("accounts", "Structure").objects.create(
        name=" ".join(part for part in (user.first_name, user.last_name) if part) or user.username
    )
    membership_model.objects.create(user=user, structure=structure, role="admin")
    return structure


def give_meetings_to_structures(apps, schema_editor):
    user_model = apps.get_model("auth", "User")
    meeting_model = apps.get_model("meetings", "Meeting")
    for user in user_model.objects.order_by("pk"):
        structure = own_structure(apps, user)
        meeting_model.objects.filter(facilitator=user).update(structure=structure)


class Migration(migrations.Migration):
    dependencies = [
        ("meetings", "0006_online"),
        ("accounts", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [
        migrations.AddField(
            "meeting",
            "structure",
            models.ForeignKey(
                null=True, on_delete=django.db.models.deletion.CASCADE, related_name="meetings", to="accounts.structure"
            ),
        ),
        migrations.RunPython(give_meetings_to_structures, migrations.RunPython.noop),
        migrations.AlterField(
            "meeting",
            "structure",
            models.ForeignKey(
                on_delete=django.db.models.deletion.CASCADE,
                related_name="meetings",
                to="accounts.structure",
                verbose_name="structure",
            ),
        ),
    ]
