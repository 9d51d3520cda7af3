from django.db import migrations, models


def publish_what_was_public(apps, schema_editor):
    """Answers recorded before this change were shown in public already."""
    apps.get_model("surveys", "Response").objects.update(published=True)


class Migration(migrations.Migration):
    dependencies = [
        ("surveys", "0002_paper_ballots"),
    ]

    operations = [
        migrations.AddField(
            model_name="response",
            name="published",
            field=models.BooleanField(default=False),
        ),
        migrations.RunPython(publish_what_was_public, migrations.RunPython.noop),
    ]
