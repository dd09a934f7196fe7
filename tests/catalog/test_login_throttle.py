"""Admin login throttling (issue 11): locked after five wrong passwords for one user name
from one address, a clear page in both languages, and a curator can unlock it."""

from __future__ import annotations

import pytest

from tests.factories import make_curator

pytestmark = pytest.mark.django_db


def _try(client, password, language="en", address="203.0.113.7"):
    return client.post(
        f"/{language}/admin/login/?next=/{language}/admin/",
        {"username": "curator", "password": password},
        REMOTE_ADDR=address,
    )


def test_five_wrong_passwords_lock_the_login_and_a_curator_unlocks_it(client):
    make_curator(username="curator", password="correct-horse-battery")
    for _attempt in range(4):
        assert _try(client, "wrong").status_code == 200  # the form again, with its error
    assert _try(client, "wrong").status_code == 429  # the fifth locks
    locked = _try(client, "correct-horse-battery", "id")
    assert locked.status_code == 429
    assert "Terlalu banyak percobaan" in locked.content.decode()
    assert _try(client, "correct-horse-battery", address="198.51.100.9").status_code == 302
    # Another curator, logged in elsewhere, deletes the failed attempts: unlocked.
    other = make_curator(username="second", password="another-horse-battery")
    from axes.models import AccessAttempt

    assert other.has_perm("axes.delete_accessattempt")
    AccessAttempt.objects.all().delete()
    assert _try(client, "correct-horse-battery").status_code == 302
