"""Unambiguous labels: "RPO" in the sources means research, which HR buyers read as
recruitment; "Data analytics" covered marketing analytics and actuarial work alike (issue 8,
item 10; issue 15, item 5). Only labels still as shipped are changed: a curator's own
wording stays. The new services (recruitment, contract staffing, actuarial analysis) come
with the taxonomy fixture and ``manage.py seed_catalog`` (run by ``prepare``)."""

from django.db import migrations

RELABEL = {
    ("ServiceCategory", "rpo"): (
        ("Research Process Outsourcing (RPO)", "Research Process Outsourcing (RPO)"),
        (
            "Research Process Outsourcing (RPO: riset, bukan rekrutmen)",
            "Research Process Outsourcing (RPO: research, not recruitment)",
        ),
    ),
    ("Service", "analytics"): (
        ("Analisis data", "Data analytics"),
        ("Analisis data pemasaran & bisnis", "Marketing & business data analytics"),
    ),
}


def relabel(apps, schema_editor, forward=True):
    for (model_name, slug), (old, new) in RELABEL.items():
        source, target = (old, new) if forward else (new, old)
        apps.get_model("catalog", model_name).objects.filter(
            slug=slug, name_id=source[0], name_en=source[1]
        ).update(name_id=target[0], name_en=target[1])


def unlabel(apps, schema_editor):
    relabel(apps, schema_editor, forward=False)


class Migration(migrations.Migration):
    dependencies = [("catalog", "0003_family_position_version")]

    operations = [migrations.RunPython(relabel, unlabel)]
