"""No staff user but a superuser can reach an assessment's token from the admin."""

import pytest
from django.contrib import admin
from django.contrib.contenttypes.models import ContentType
from django.urls import NoReverseMatch, reverse
from django.utils import translation

from assessment import services
from assessment.models import Assessment
from tests.factories import UserFactory, base_answers

pytestmark = pytest.mark.django_db

VIEWS = ("changelist", "add", "change", "delete", "history", "import", "export")


def _admin_urls(assessment: Assessment) -> list[str]:
    """Every admin route, with the assessment's id wherever a route takes an object."""
    urls = []
    with translation.override("en"):
        urls.append(reverse("admin:index"))
        for model in admin.site._registry:
            meta = model._meta
            urls.append(reverse("admin:app_list", kwargs={"app_label": meta.app_label}))
            for view in VIEWS:
                name = f"admin:{meta.app_label}_{meta.model_name}_{view}"
                for kwargs in ({}, {"object_id": assessment.pk}):
                    try:
                        urls.append(reverse(name, kwargs=kwargs or None))
                    except NoReverseMatch:
                        continue
            content_type = ContentType.objects.get_for_model(model)
            urls.append(
                reverse(
                    "admin:view_on_site",
                    kwargs={"content_type_id": content_type.pk, "object_id": assessment.pk},
                )
            )
        assessment_type = ContentType.objects.get_for_model(Assessment)
        for pk in (assessment.pk, 1, 2):
            urls.append(
                reverse(
                    "admin:view_on_site",
                    kwargs={"content_type_id": assessment_type.pk, "object_id": pk},
                )
            )
        urls.append(
            reverse("admin:autocomplete")
            + "?app_label=assessment&model_name=assessment&field_name=rerun_of&term="
        )
    return urls


def _leaks(client, url: str, token: str) -> bool:
    response = client.get(url)
    location = response.get("Location", "")
    body = response.content.decode(errors="replace") if response.status_code != 302 else ""
    return token in location or token in body or token[:16] in body


@pytest.fixture
def saved(starting_catalog):
    return services.assessment_create(data=base_answers(), language="en")


@pytest.mark.parametrize("who", ["curator", "staff_without_permissions", "staff_with_view"])
def test_no_admin_route_gives_a_token_to_staff(client, curator, saved, who):
    user = {
        "curator": curator,
        "staff_without_permissions": UserFactory(username="support", is_staff=True),
        "staff_with_view": _staff_with_assessment_view(),
    }[who]
    client.force_login(user)
    leaking = [url for url in _admin_urls(saved) if _leaks(client, url, saved.token)]
    assert leaking == []


def _staff_with_assessment_view():
    from django.contrib.auth.models import Permission

    user = UserFactory(username="viewer", is_staff=True)
    user.user_permissions.add(Permission.objects.get(codename="view_assessment"))
    return user


def test_a_superuser_can_read_assessments_in_the_admin(client, superuser, saved):
    client.force_login(superuser)
    with translation.override("en"):
        url = reverse("admin:assessment_assessment_change", kwargs={"object_id": saved.pk})
    assert saved.token in client.get(url).content.decode()


def test_view_on_site_has_nothing_to_send_anyone_to(client, superuser, saved):
    client.force_login(superuser)
    with translation.override("en"):
        url = reverse(
            "admin:view_on_site",
            kwargs={
                "content_type_id": ContentType.objects.get_for_model(Assessment).pk,
                "object_id": saved.pk,
            },
        )
    response = client.get(url)
    assert response.status_code == 404
    assert saved.token not in response.get("Location", "")
