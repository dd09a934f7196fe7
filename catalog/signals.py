"""Catch every catalog write that saves model instances (admin forms, imports, fixtures):
each one bumps the catalog version; a vendor's ``updated_at`` follows its own changes and
its relations'. Bulk writes go through ``catalog/services.py`` instead."""

from __future__ import annotations

from django.db.models.signals import m2m_changed, post_delete, post_save, pre_save
from django.dispatch import receiver
from django.utils import timezone

from . import services
from .models import (
    Certification,
    CertificationEvidence,
    ComplianceRule,
    FactCheck,
    Industry,
    Language,
    Service,
    ServiceCategory,
    Vendor,
)

TAXONOMY = (ServiceCategory, Service, Industry, Certification, Language)
VENDOR_RELATIONS = (
    Vendor.services.through,
    Vendor.industries.through,
    Vendor.work_systems.through,
    Vendor.customizations.through,
    Vendor.certifications.through,
    Vendor.languages.through,
)


@receiver(pre_save, sender=Vendor)
def _stamp_vendor(sender, instance: Vendor, raw: bool = False, **kwargs) -> None:
    if not raw:
        instance.updated_at = timezone.now()


def _changed(sender, **kwargs) -> None:
    services.catalog_version_bump()


# Evidence and fact checks change what the advisor counts as known.
for model in (Vendor, *TAXONOMY, CertificationEvidence, FactCheck, ComplianceRule):
    post_save.connect(_changed, sender=model, dispatch_uid=f"catalog-save-{model.__name__}")
    post_delete.connect(_changed, sender=model, dispatch_uid=f"catalog-delete-{model.__name__}")


def _relation_changed(sender, instance, action: str, reverse: bool, pk_set, **kwargs) -> None:
    if action not in ("post_add", "post_remove", "post_clear"):
        return
    if action != "post_clear" and not pk_set:
        return  # set() with nothing to add or remove (fixtures loaded again)
    if isinstance(instance, Vendor):
        services.vendors_touch([instance.pk])
    elif pk_set:
        services.vendors_touch(pk_set)
    else:  # a reverse clear: the vendors are already gone from the relation
        services.catalog_version_bump()


for through in VENDOR_RELATIONS:
    m2m_changed.connect(
        _relation_changed, sender=through, dispatch_uid=f"catalog-m2m-{through.__name__}"
    )
