"""The submitter hears the outcome of their proposal, in the language they wrote in
(Django's email framework: the console by default, SMTP from the environment)."""

from __future__ import annotations

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.utils import translation

from .submissions import differences


def outcome(submission) -> None:
    languages = dict(settings.LANGUAGES)
    language = submission.language if submission.language in languages else "id"
    with translation.override(language):
        accepted = {d.fact: d for d in differences(submission)}
        context = {
            "submission": submission,
            "accepted": [accepted[f] for f in submission.accepted_facts if f in accepted],
            "declined": [d for f, d in accepted.items() if f not in submission.accepted_facts],
        }
        subject = render_to_string("catalog/email/outcome_subject.txt", context).strip()
        body = render_to_string("catalog/email/outcome.txt", context)
    send_mail(subject, body, None, [submission.contact_email])
