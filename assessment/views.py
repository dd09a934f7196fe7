"""The questionnaire (one page per step, answers kept in the session) and the results page."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from bpo_advisor import pagecache
from bpo_advisor.ratelimit import rate_limited

from . import presentation, selectors, services
from .engine import ENGINE_VERSION
from .forms import STEP_SLUGS, STEPS, step_of
from .models import Assessment
from .privacy import private


def _assessment_or_404(token: str, *, light: bool = False) -> Assessment:
    assessment = selectors.assessment_get(token, light=light)
    if assessment is None:
        raise Http404
    return assessment


SESSION_KEY = "assessment_answers"
DRAFTS_KEY = "assessment_drafts"  # what was typed on a step that is not complete yet
ERRORS_KEY = "assessment_errors"  # errors found when the whole answers were checked
EDIT_OF_KEY = "assessment_edit_of"
REVIEW_KEY = "assessment_from_review"  # a step opened with "Change" returns to the review


def _answers(request: HttpRequest) -> dict:
    return dict(request.session.get(SESSION_KEY) or {})


def _drafts(request: HttpRequest) -> dict:
    return dict(request.session.get(DRAFTS_KEY) or {})


def _keep_draft(request: HttpRequest, step: str, form) -> None:
    drafts = _drafts(request)
    drafts[step] = {name: request.POST.getlist(name) for name in form.fields}
    request.session[DRAFTS_KEY] = drafts


def _drop_draft(request: HttpRequest, step: str) -> None:
    drafts = _drafts(request)
    if drafts.pop(step, None) is not None:
        request.session[DRAFTS_KEY] = drafts


def _initial(form_class, answers: dict, draft: dict | None) -> dict:
    initial = form_class.initial_from(answers)
    for name, values in (draft or {}).items():
        field = form_class.base_fields.get(name)
        if field is None:
            continue
        if isinstance(field, forms.MultipleChoiceField):
            initial[name] = values  # unticking every box is an answer too
        elif values:
            initial[name] = values[0]
    return initial


@require_http_methods(["GET"])
def start(request: HttpRequest) -> HttpResponse:
    if request.GET.get("new"):
        for key in (SESSION_KEY, DRAFTS_KEY, ERRORS_KEY, EDIT_OF_KEY):
            request.session.pop(key, None)
    return redirect("assessment:step", step=STEP_SLUGS[0])


@require_http_methods(["GET", "POST"])
def step(request: HttpRequest, step: str) -> HttpResponse:
    if step not in STEP_SLUGS:
        raise Http404
    index = STEP_SLUGS.index(step)
    form_class = STEPS[index]
    answers = _answers(request)
    if request.method == "GET":
        if request.GET.get("review"):
            request.session[REVIEW_KEY] = True
        return _render_step(request, _form_for_get(request, form_class, answers), index)

    form = form_class(request.POST)
    valid = form.is_valid()
    if valid:
        request.session[SESSION_KEY] = {**answers, **form.to_answers()}
        _drop_draft(request, step)
    else:
        _keep_draft(request, step, form)  # Back, or an error: nothing typed is lost
    if "back" in request.POST:
        return redirect("assessment:step", step=STEP_SLUGS[max(0, index - 1)])
    if not valid:
        return _render_step(request, form, index)
    if request.session.pop(REVIEW_KEY, False) or index + 1 == len(STEPS):
        return redirect("assessment:review")
    return redirect("assessment:step", step=STEP_SLUGS[index + 1])


@require_http_methods(["GET", "POST"])
@private
@rate_limited("submit")
def review(request: HttpRequest) -> HttpResponse:
    """Check your answers: every answer once more, each with a way to change it, before the
    result is made."""
    answers = _answers(request)
    request.session.pop(REVIEW_KEY, None)
    if request.method == "POST":
        return _submit(request, answers)
    missing = next((s for s in STEPS if not s.answered(answers)), None)
    if missing is not None:
        return _submit(request, answers)  # says what is missing and leads to that step
    context = presentation.review_context(answers)
    context["editing"] = bool(request.session.get(EDIT_OF_KEY))
    return render(request, "assessment/review.html", context)


def _form_for_get(request: HttpRequest, form_class, answers: dict):
    """The step as the user left it; bound and marked when a full check found errors."""
    errors = dict(request.session.get(ERRORS_KEY) or {})
    mine = {path: msgs for path, msgs in errors.items() if step_of(path)[0] is form_class}
    if not mine:
        return form_class(
            initial=_initial(form_class, answers, _drafts(request).get(form_class.slug))
        )
    for path in mine:
        errors.pop(path)
    request.session[ERRORS_KEY] = errors
    form = form_class(data=form_class.data_from(answers))
    form.is_valid()
    for path, problems in mine.items():
        field = step_of(path)[1]
        for problem in problems:
            if field is None or field not in form.errors:
                form.add_error(field, problem)
    return form


def _submit(request: HttpRequest, answers: dict) -> HttpResponse:
    missing = next((s for s in STEPS if not s.answered(answers)), None)
    if missing is not None:
        # The session expired, or a page came back from the browser's history after the
        # questionnaire was finished elsewhere: say so plainly, keep what we have.
        messages.warning(
            request,
            _(
                "We no longer have your answers to “%(step)s” (the session may have expired). "
                "Please answer that step again; your other answers are kept."
            )
            % {"step": missing.title},
        )
        return redirect("assessment:step", step=missing.slug)
    rerun_of = selectors.assessment_get(request.session.get(EDIT_OF_KEY, ""))
    try:
        assessment = services.assessment_create(
            data=answers, language=get_language(), rerun_of=rerun_of
        )
    except services.InvalidAnswers as exc:
        request.session[ERRORS_KEY] = exc.errors
        first = step_of(next(iter(exc.errors)))[0]
        return redirect("assessment:step", step=first.slug)
    # The answers stay in the session: Back from the result, change one, and submit again
    # makes a new result from all of them (linked to this one).
    request.session[EDIT_OF_KEY] = assessment.token
    request.session.pop(DRAFTS_KEY, None)
    request.session.pop(ERRORS_KEY, None)
    return redirect(assessment.result_url())


def _render_step(request, form, index, status=200) -> HttpResponse:
    context = {
        "form": form,
        "index": index,
        "number": index + 1,
        "steps": [(s.slug, s.title) for s in STEPS],
        "total": len(STEPS),
        "progress": round(100 * (index + 1) / len(STEPS)),
        "is_last": index == len(STEPS) - 1,
        "is_first": index == 0,
        "error_links": _error_links(form),
    }
    return render(request, "assessment/step.html", context, status=status)


def _error_links(form) -> list[dict[str, str]]:
    """The error summary: each error with the id of the control it belongs to."""
    links = []
    for name, problems in form.errors.items():
        if name == forms.forms.NON_FIELD_ERRORS:
            target, label = "step-title", ""
        elif name == "services":
            target, label = "services-fieldset", form.fields[name].label
        else:
            field = form.fields[name]
            grouped = isinstance(field.widget, forms.RadioSelect | forms.CheckboxSelectMultiple)
            target, label = f"id_{name}{'_0' if grouped else ''}", field.label
        links.extend({"target": target, "label": label, "message": m} for m in problems)
    return links


@require_http_methods(["GET"])
@private
def result(request: HttpRequest, token: str) -> HttpResponse:
    assessment = _assessment_or_404(token, light=True)  # the result is read on a miss
    # Everything the body shows: the result (fixed once made), the shortlist, the vendors
    # still in the catalog (its stamp), the language, the engine that renders it, and the
    # address in its copy box.
    parts = (
        "result",
        assessment.token,
        tuple(assessment.shortlist or ()),
        get_language(),
        ENGINE_VERSION,
        assessment.catalog_stamp,  # read with the assessment: one query in all
        request.build_absolute_uri(),
    )

    def page(with_token: bool = True) -> str:
        body, kept = pagecache.rendered(
            request,
            parts,
            "assessment/partials/result_body.html",
            lambda: presentation.result_context(assessment),
            keep=("has_workspace",),
            with_token=with_token,
        )
        context = {"assessment": assessment, "body": body, "has_workspace": kept["has_workspace"]}
        if not with_token:
            context["csrf_token"] = pagecache.CSRF_PLACEHOLDER
        return render_to_string("assessment/result.html", context, request)

    if pagecache.has_messages(request):  # the layout shows them: this page is not kept
        return HttpResponse(page())
    return HttpResponse(pagecache.whole_page(request, parts, lambda: page(with_token=False)))


@require_POST
@private
def edit(request: HttpRequest, token: str) -> HttpResponse:
    assessment = _assessment_or_404(token)
    request.session[SESSION_KEY] = assessment.answers
    request.session[EDIT_OF_KEY] = assessment.token
    request.session.pop(DRAFTS_KEY, None)
    messages.info(
        request,
        _(
            "Your earlier answers are filled in. Change what you need and "
            "submit to get a new result."
        ),
    )
    return redirect("assessment:step", step=STEP_SLUGS[0])


@require_POST
@private
@rate_limited("submit")
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


@require_POST
@private
@rate_limited("save")
def reweigh(request: HttpRequest, token: str) -> HttpResponse:
    """Save the weights panel as a new assessment (the original stays unchanged)."""
    assessment = _assessment_or_404(token)
    weights = {}
    for key in presentation.weight_keys(assessment):
        raw = request.POST.get(f"w_{key}", "")
        try:
            weights[key] = int(round(float(raw)))
        except ValueError:
            messages.error(request, _("Each weight is a number from 0 to 10."))
            return redirect(assessment.result_url() + "#weights")
    try:
        fresh = services.assessment_reweigh(assessment, weights, language=get_language())
    except services.InvalidAnswers as exc:
        messages.error(request, " ".join(m for msgs in exc.errors.values() for m in msgs))
        return redirect(assessment.result_url() + "#weights")
    messages.success(
        request, _("Saved with your weights as a new result; the first one is unchanged.")
    )
    return redirect(fresh.result_url())


@require_POST
@private
@rate_limited("save")
def shortlist(request: HttpRequest, token: str) -> HttpResponse:
    assessment = _assessment_or_404(token)
    try:
        services.shortlist_set(assessment, request.POST.getlist("vendors"))
    except services.InvalidAnswers as exc:
        messages.error(request, " ".join(m for msgs in exc.errors.values() for m in msgs))
        return redirect(assessment.result_url() + "#vendors-heading")
    return redirect(assessment.result_url() + "#compare")


@require_http_methods(["GET", "POST"])
@private
def delete(request: HttpRequest, token: str) -> HttpResponse:
    """Delete a result, after a confirmation page (the link is the only key, so this is the
    holder's to do)."""
    assessment = _assessment_or_404(token)
    if request.method == "POST":
        services.assessment_delete(assessment)
        messages.success(request, _("The result was deleted. Its link no longer opens anything."))
        return redirect("home")
    return render(request, "assessment/delete.html", {"assessment": assessment})
