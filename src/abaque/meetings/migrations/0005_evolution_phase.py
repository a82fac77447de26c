from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("meetings", "0004_uid")]

    operations = [
        migrations.AlterField(
            model_name="meeting",
            name="phase",
            field=models.CharField(
                choices=[
                    ("items", "Recueil des items"),
                    ("vote", "Vote"),
                    ("results", "Résultats"),
                    ("debate", "Débat"),
                    ("evolution", "Évolution entre les tours"),
                ],
                default="items",
                max_length=10,
            ),
        ),
    ]
