from django.db import migrations

# The forms the Law on Emulation and Commendation lets a commune, district and province
# chairman award; a province adds others (or amounts, with decisions) as data.
FORMS = [
    ("giay-khen-xa", "Giấy khen của Chủ tịch Ủy ban nhân dân cấp xã", "commune", 1),
    ("giay-khen-huyen", "Giấy khen của Chủ tịch Ủy ban nhân dân cấp huyện", "district", 2),
    ("bang-khen-tinh", "Bằng khen của Chủ tịch Ủy ban nhân dân cấp tỉnh", "province", 3),
]


def add_forms(apps, schema_editor):
    RewardForm = apps.get_model("rewards", "RewardForm")
    for code, name, level, order in FORMS:
        RewardForm.objects.get_or_create(code=code, defaults={"name": name, "level": level, "order": order})


class Migration(migrations.Migration):
    dependencies = [("rewards", "0001_initial")]
    operations = [migrations.RunPython(add_forms, migrations.RunPython.noop)]
