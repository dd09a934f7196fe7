"""A saved assessment: the answers, the engine's result and when and how it was made."""

from __future__ import annotations

import secrets

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


def new_token() -> str:
    return secrets.token_urlsafe(32)  # 256 bits: holding the link is the access right


class Assessment(models.Model):
    token = models.CharField(
        _("token"), max_length=64, unique=True, default=new_token, editable=False
    )
    organisation_name = models.CharField(_("organisation"), max_length=200, blank=True)
    answers = models.JSONField(_("answers"))
    result = models.JSONField(_("result"))
    engine_version = models.CharField(_("engine version"), max_length=20)
    language = models.CharField(_("language"), max_length=8)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    rerun_of = models.ForeignKey(
        "self",
        verbose_name=_("re-run of"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="reruns",
    )
    # 2 to 4 eligible vendors' slugs picked for side-by-side comparison; anyone holding the
    # link sees it (questionnaire.md, "Decision workspace").
    shortlist = models.JSONField(_("shortlist"), default=list, blank=True)

    class Meta:
        verbose_name = _("assessment")
        verbose_name_plural = _("assessments")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.organisation_name or self.token[:8]

    # Deliberately no get_absolute_url(): Django admin's "view on site" shortcut
    # (/admin/r/<content type>/<pk>/) would hand any staff user the token for a
    # sequential id. Links are built from the token with result_url().
    def result_url(self) -> str:
        return reverse("assessment:result", kwargs={"token": self.token})
