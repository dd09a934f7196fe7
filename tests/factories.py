"""factory_boy factories for catalog and assessment records, and the canonical answers."""

from __future__ import annotations

import factory
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission

from assessment.examples import example_answers
from catalog.curators import sync_curators_group
from catalog.models import Certification, Industry, Language, Service, Vendor


class VendorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Vendor
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Vendor {n:04d}")
    slug = factory.Sequence(lambda n: f"vendor-{n:04d}")
    short_description = "A test vendor"
    delivery_countries = ["ID"]

    @factory.post_generation
    def services(self, create, extracted, **kwargs):
        if not create:
            return
        slugs = extracted if extracted is not None else ["customer_service"]
        self.services.set(Service.objects.filter(slug__in=slugs))

    @factory.post_generation
    def certifications(self, create, extracted, **kwargs):
        if create and extracted:
            self.certifications.set(Certification.objects.filter(slug__in=extracted))

    @factory.post_generation
    def languages(self, create, extracted, **kwargs):
        if create and extracted:
            self.languages.set(Language.objects.filter(slug__in=extracted))

    @factory.post_generation
    def industries(self, create, extracted, **kwargs):
        if create and extracted:
            self.industries.set(Industry.objects.filter(slug__in=extracted))


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.com")
    password = factory.django.Password("correct-horse-battery")


def make_curator(username: str = "curator", password: str = "correct-horse-battery"):
    user = UserFactory(username=username, is_staff=True, password=password)
    user.groups.add(sync_curators_group(Group, Permission))
    return user


def base_answers(**overrides) -> dict:
    """The contract's example answers with ``section__key=value`` overrides."""
    answers = example_answers()
    for path, value in overrides.items():
        node = answers
        keys = path.split("__")
        for key in keys[:-1]:
            node = node[key]
        node[keys[-1]] = value
    return answers


# The vendor admin form's inlines (evidence, fact checks), empty: add to a posted form.
VENDOR_INLINES = {
    f"{prefix}-{field}": "0"
    for prefix in ("evidence", "fact_checks")
    for field in ("TOTAL_FORMS", "INITIAL_FORMS")
}
