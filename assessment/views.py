"""The questionnaire (one page per step, answers kept in the session) and the results page."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from . import presentation, selectors, services
from .forms import STEP_SLUGS, STEPS
from .models import Assessment


def _assessment_or_404(token: str) -> Assessment:
    assessment = selectors.assessment_get(token)
    if assessment is None:
        raise Http404
    return assessment


SESSION_KEY = "assessment_answers"


def _answers(request: HttpRequest) -> dict:
    return dict(request.session.get(SESSION_KEY) or {})


@require_http_methods(["GET"])
def start(request: HttpRequest) -> HttpResponse:
    if request.GET.get("new"):
        request.session.pop(SESSION_KEY, None)
    return redirect("assessment:step", step=STEP_SLUGS[0])


@require_http_methods(["GET", "POST"])
def step(request: HttpRequest, step: str) -> HttpResponse:
    if step not in STEP_SLUGS:
        raise Http404
    index = STEP_SLUGS.index(step)
    form_class = STEPS[index]
    answers = _answers(request)
    if request.method == "GET":
        form = form_class(initial=form_class.initial_from(answers))
        return _render_step(request, form, index)

    form = form_class(request.POST)
    going_back = "back" in request.POST
    if form.is_valid():
        answers = {**answers, **form.to_answers()}
        request.session[SESSION_KEY] = answers
    elif not going_back:
        return _render_step(request, form, index, status=200)
    if going_back:
        return redirect("assessment:step", step=STEP_SLUGS[max(0, index - 1)])
    if index + 1 < len(STEPS):
        return redirect("assessment:step", step=STEP_SLUGS[index + 1])
    return _submit(request, answers)


def _submit(request: HttpRequest, answers: dict) -> HttpResponse:
    rerun_of = None
    token = request.session.get("assessment_edit_of")
    if token:
        rerun_of = selectors.assessment_get(token)
    try:
        assessment = services.assessment_create(
            data=answers, language=get_language(), rerun_of=rerun_of
        )
    except services.InvalidAnswers as exc:
        first = presentation.step_for_error(next(iter(exc.errors)))
        for path, problems in exc.errors.items():
            messages.error(request, f"{path}: {'; '.join(problems)}")
        return redirect("assessment:step", step=first)
    request.session.pop(SESSION_KEY, None)
    request.session.pop("assessment_edit_of", None)
    return redirect(assessment.result_url())


def _render_step(request, form, index, status=200) -> HttpResponse:
    context = {
        "form": form,
        "index": index,
        "number": index + 1,
        "steps": [(s.slug, s.title) for s in STEPS],
        "total": len(STEPS),
        "progress": round(100 * index / len(STEPS)),
        "is_last": index == len(STEPS) - 1,
        "is_first": index == 0,
    }
    return render(request, "assessment/step.html", context, status=status)


@require_http_methods(["GET"])
def result(request: HttpRequest, token: str) -> HttpResponse:
    assessment = _assessment_or_404(token)
    context = presentation.result_context(assessment)
    return render(request, "assessment/result.html", context)


@require_POST
def edit(request: HttpRequest, token: str) -> HttpResponse:
    assessment = _assessment_or_404(token)
    request.session[SESSION_KEY] = assessment.answers
    request.session["assessment_edit_of"] = assessment.token
    messages.info(
        request,
        _(
            "Your earlier answers are filled in. Change what you need and "
            "submit to get a new result."
        ),
    )
    return redirect("assessment:step", step=STEP_SLUGS[0])


@require_POST
def rerun(request: HttpRequest, token: str) -> HttpResponse:
    assessment = _assessment_or_404(token)
    try:
        fresh = services.assessment_rerun(assessment, language=get_language())
    except services.InvalidAnswers:
        messages.error(
            request,
            _(
                "These answers no longer fit today's catalog (a service or "
                "certification was removed). Edit them to continue."
            ),
        )
        return redirect(assessment.result_url())
    messages.success(request, _("Re-run against today's catalog."))
    return redirect(fresh.result_url())
