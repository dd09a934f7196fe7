"""Curators maintain the compliance rules too."""

from django.db import migrations


def sync(apps, schema_editor):
    from django.contrib.auth.management import create_permissions

    from catalog.curators import sync_curators_group

    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    sync_curators_group(apps.get_model("auth", "Group"), apps.get_model("auth", "Permission"))


class Migration(migrations.Migration):
    dependencies = [("catalog", "0008_compliance_rules")]

    operations = [migrations.RunPython(sync, migrations.RunPython.noop)]
