"""The "Catalog curators" group: full rights on the catalog's models and nothing else.

Takes the model classes as arguments so the data migration can pass its historical models.
"""

from __future__ import annotations

GROUP_NAME = "Catalog curators"
CATALOG_MODELS = (
    "servicecategory",
    "service",
    "industry",
    "certification",
    "language",
    "vendor",
    "factcheck",
    "certificationevidence",
    "submission",
    "submissionfile",
    "compliancerule",
)
# Accepting or rejecting a vendor's submission is a right of its own (a curator without it
# may read the queue, not decide).
REVIEW = "review_submission"
ACTIONS = ("add", "change", "delete", "view")
# Curators also unlock an admin login locked after wrong passwords (django-axes): they may
# see and delete its records of failed attempts, nothing else of it.
UNLOCK = ("view_accessattempt", "delete_accessattempt")


def sync_curators_group(group_model, permission_model):
    group, _ = group_model.objects.get_or_create(name=GROUP_NAME)
    codenames = [f"{action}_{model}" for model in CATALOG_MODELS for action in ACTIONS]
    codenames.append(REVIEW)
    permissions = permission_model.objects.filter(
        content_type__app_label="catalog", codename__in=codenames
    ) | permission_model.objects.filter(content_type__app_label="axes", codename__in=UNLOCK)
    group.permissions.set(permissions)
    return group
