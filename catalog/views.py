"""Public catalog pages: the filterable vendor list and a vendor's page."""

from __future__ import annotations

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from bpo_advisor import pagecache
from bpo_advisor.ratelimit import rate_limited

from . import selectors, services
from .presenters import vendor_facts
from .services import catalog_stamp
from .submissions import EvidenceFormSet, SubmissionForm

PAGE_SIZE = 20


@require_GET
def vendor_list(request: HttpRequest) -> HttpResponse:
    include_synthetic = request.GET.get("synthetic") == "1"

    def context() -> dict:
        vendor_filter, queryset = selectors.vendor_list(
            request.GET, include_synthetic=include_synthetic
        )
        page = Paginator(queryset, PAGE_SIZE).get_page(request.GET.get("page"))
        query = request.GET.copy()
        query.pop("page", None)
        return {
            "filter": vendor_filter,
            "page": page,
            "query_string": query.urlencode(),
            "include_synthetic": include_synthetic,
            "active_filters": sum(
                1 for key, value in query.items() if value and key not in ("sort", "synthetic")
            ),
        }

    # The same query on the same catalog shows the same vendors to everyone.
    body = pagecache.rendered(
        request,
        # The day too: a certificate stops counting the day after it expires.
        (
            "catalog",
            get_language(),
            catalog_stamp(),
            timezone.localdate(),
            sorted(request.GET.lists()),
        ),
        "catalog/partials/vendor_list_body.html",
        context,
    )
    return render(request, "catalog/vendor_list.html", {"body": body})


@require_GET
def vendor_detail(request: HttpRequest, slug: str) -> HttpResponse:
    vendor = selectors.vendor_get(slug)
    if vendor is None:
        raise Http404
    return render(
        request, "catalog/vendor_detail.html", {"vendor": vendor, "facts": vendor_facts(vendor)}
    )


@require_http_methods(["GET", "POST"])
@rate_limited("propose")
def vendor_propose(request: HttpRequest, slug: str | None = None) -> HttpResponse:
    """A vendor proposes a new listing (no slug) or changes to its profile. The proposal
    waits for a curator; the public catalog does not change."""
    vendor = None
    if slug is not None:
        vendor = selectors.vendor_get(slug)
        if vendor is None:
            raise Http404
    posted = request.method == "POST"
    form = SubmissionForm(request.POST if posted else None, vendor=vendor)
    files = EvidenceFormSet(
        request.POST if posted else None, request.FILES if posted else None, prefix="evidence"
    )
    if posted and form.is_valid() and files.is_valid():
        proposed = form.proposed()
        evidence = [
            {k: v for k, v in item.items() if k != "certification" or v is not None}
            for item in files.cleaned_data
            if item.get("file")
        ]
        if proposed or evidence:
            submission = services.submission_create(
                vendor=vendor,
                proposed=proposed,
                contact_name=form.cleaned_data["contact_name"],
                contact_email=form.cleaned_data["contact_email"],
                message=form.cleaned_data["message"],
                language=get_language() or "id",
                files=evidence,
            )
            messages.success(
                request,
                _(
                    "Thank you. Your proposal (number %(n)s) waits for a curator; we will "
                    "write to %(email)s when it has been reviewed. Until then the catalog "
                    "shows what it showed before."
                )
                % {"n": submission.pk, "email": submission.contact_email},
            )
            return redirect(vendor.get_absolute_url() if vendor else "catalog:vendor-list")
        form.add_error(
            None, _("Nothing differs from the current profile: change at least one fact.")
        )
    return render(
        request,
        "catalog/propose.html",
        {"vendor": vendor, "form": form, "files": files},
    )
