from django.db import migrations, models


def year_of_each_decision(apps, schema_editor):
    Decision = apps.get_model("rewards", "RewardDecision")
    for decision in Decision.objects.all():
        Decision.objects.filter(pk=decision.pk).update(year=decision.date.year)


def awarded_nominations(apps, schema_editor):
    """Nominations already in a decision in force read as awarded."""
    Award = apps.get_model("rewards", "Award")
    Nomination = apps.get_model("rewards", "Nomination")
    awarded = Award.objects.filter(decision__corrected_by__isnull=True).values("nomination_id")
    Nomination.objects.filter(pk__in=awarded).update(status="awarded")


class Migration(migrations.Migration):
    dependencies = [
        ("rewards", "0007_exemplars"),
    ]

    operations = [
        migrations.AddField(
            model_name="nomination",
            name="version",
            field=models.PositiveIntegerField(default=1),
        ),
        migrations.AddField(
            model_name="historicalnomination",
            name="version",
            field=models.PositiveIntegerField(default=1),
        ),
        migrations.AlterField(
            model_name="nomination",
            name="status",
            field=models.CharField(
                choices=[
                    ("pending", "Đang xét"),
                    ("returned", "Trả lại"),
                    ("approved", "Đã duyệt, chờ quyết định"),
                    ("awarded", "Đã có quyết định khen thưởng"),
                ],
                default="pending",
                max_length=10,
                verbose_name="trạng thái",
            ),
        ),
        migrations.AlterField(
            model_name="historicalnomination",
            name="status",
            field=models.CharField(
                choices=[
                    ("pending", "Đang xét"),
                    ("returned", "Trả lại"),
                    ("approved", "Đã duyệt, chờ quyết định"),
                    ("awarded", "Đã có quyết định khen thưởng"),
                ],
                default="pending",
                max_length=10,
                verbose_name="trạng thái",
            ),
        ),
        migrations.RunPython(awarded_nominations, migrations.RunPython.noop),
        migrations.AddField(
            model_name="rewarddecision",
            name="year",
            field=models.PositiveSmallIntegerField(editable=False, null=True),
        ),
        migrations.RunPython(year_of_each_decision, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="rewarddecision",
            name="year",
            field=models.PositiveSmallIntegerField(editable=False),
        ),
        migrations.RemoveConstraint(model_name="rewarddecision", name="decision_number_unique"),
        migrations.AddConstraint(
            model_name="rewarddecision",
            constraint=models.UniqueConstraint(
                fields=("issuer_unit", "symbol", "number", "year"), name="decision_number_unique"
            ),
        ),
    ]
