"""Catalog curation in Django admin."""

from __future__ import annotations

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import UploadedFile
from django.db import models
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from reversion.admin import VersionAdmin

from . import curation, evidence, importing, services
from .models import (
    Certification,
    CertificationEvidence,
    ComplianceRule,
    FactCheck,
    Industry,
    Language,
    Service,
    ServiceCategory,
    Submission,
    SubmissionFile,
    SubmissionStatus,
    Vendor,
)
from .resources import VendorResource
from .submissions import differences


class VerificationForm(forms.Form):
    source = forms.CharField(
        label=_("Source"),
        max_length=500,
        help_text=_("Where the facts were checked: a URL, a document, a call with whom."),
    )
    verified_on = forms.DateField(
        label=_("Checked on"),
        initial=timezone.localdate,
        widget=forms.DateInput(attrs={"type": "date"}),
    )

    def clean_verified_on(self):
        day = self.cleaned_data["verified_on"]
        if day > timezone.localdate():
            raise forms.ValidationError(_("A verification cannot be dated in the future."))
        return day


UPLOADS = "imports"  # where an uploaded file waits between the check and the import
MAX_UPLOAD = 10 * 1024 * 1024


class BilingualAdmin(admin.ModelAdmin):
    list_display = ("slug", "name_id", "name_en")
    search_fields = ("slug", "name_id", "name_en")
    ordering = ("pk",)


@admin.register(ServiceCategory)
class ServiceCategoryAdmin(BilingualAdmin):
    list_display = ("slug", "dimension", "family", "position", "name_id", "name_en", "parent")
    list_filter = ("dimension", "family")


@admin.register(Service)
class ServiceAdmin(BilingualAdmin):
    list_display = ("slug", "function", "name_id", "name_en")
    list_filter = ("function",)
    list_select_related = ("function",)


admin.site.register(Industry, BilingualAdmin)
admin.site.register(Certification, BilingualAdmin)
admin.site.register(Language, BilingualAdmin)


class VerifiedFilter(admin.SimpleListFilter):
    title = _("verification")
    parameter_name = "verified"

    def lookups(self, request, model_admin):
        return (("yes", _("verified")), ("no", _("never verified")))

    def queryset(self, request, queryset):
        if self.value() == "yes":
            return queryset.filter(last_verified_at__isnull=False)
        if self.value() == "no":
            return queryset.filter(last_verified_at__isnull=True)
        return queryset


class EvidenceForm(forms.ModelForm):
    """A certificate's file is checked by its content, like a vendor's upload."""

    class Meta:
        model = CertificationEvidence
        fields = (
            "certification",
            "number",
            "issuer",
            "issued_on",
            "expires_on",
            "scope",
            "file",
            "source",
        )

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if isinstance(upload, UploadedFile):
            self.instance.content_type = evidence.content_type(upload)
        return upload


class EvidenceInline(admin.StackedInline):
    model = CertificationEvidence
    form = EvidenceForm
    extra = 0
    fields = EvidenceForm.Meta.fields
    autocomplete_fields = ("certification",)


class FactCheckInline(admin.StackedInline):
    model = FactCheck
    extra = 0
    fields = ("fact", "source", "checked_on", "stale", "submission")
    readonly_fields = ("submission",)


@admin.register(Vendor)
class VendorAdmin(VersionAdmin):
    class Media:
        # Names the autocomplete widgets' search boxes after their field (axe-core: the
        # select2 boxes Django's admin draws have no label of their own).
        js = ("js/admin-labels.js",)

    change_list_template = "admin/catalog/vendor/change_list.html"
    list_display = (
        "name",
        "slug",
        "coverage",
        "size_band",
        "is_active",
        "is_synthetic",
        "last_verified_at",
    )
    list_display_links = ("name",)
    list_filter = (
        "is_active",
        "is_synthetic",
        VerifiedFilter,
        "coverage",
        "size_band",
        "services__function",
        "certifications",
    )
    search_fields = ("name", "slug", "short_description")
    prepopulated_fields = {"slug": ("name",)}
    autocomplete_fields = (
        "services",
        "industries",
        "work_systems",
        "customizations",
        "certifications",
        "languages",
    )
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    list_per_page = 50
    show_full_result_count = False
    actions = ("activate", "deactivate", "mark_verified")
    inlines = (EvidenceInline, FactCheckInline)
    history_latest_first = True
    fieldsets = (
        (None, {"fields": ("name", "slug", "short_description", "long_description", "website")}),
        (
            _("Where it works from"),
            {
                "fields": (
                    "headquarters_country",
                    "delivery_countries",
                    "delivery_countries_verified",
                )
            },
        ),
        (
            _("What it offers"),
            {
                "description": _(
                    "Leave a “verified” box unticked while a list may be incomplete: the "
                    "advisor then treats the missing part as unknown, not as absent."
                ),
                "fields": (
                    "services",
                    ("industries", "industries_verified"),
                    ("work_systems", "work_systems_verified"),
                    ("customizations", "customizations_verified"),
                    ("certifications", "certifications_verified"),
                    ("languages", "languages_verified"),
                    "coverage",
                    "size_band",
                    "founded_year",
                ),
            },
        ),
        (
            _("Commercial terms"),
            {
                "fields": (
                    ("price_min_idr", "price_max_idr"),
                    "min_contract_months",
                    "pricing_models",
                )
            },
        ),
        (
            _("Indonesian legal facts"),
            {
                "description": _("Leave a fact empty while no source states it: it is unknown."),
                "fields": (
                    "legal_entity",
                    "nib",
                    "kbli_codes",
                    "pse_registered",
                    ("data_locations", "data_locations_verified"),
                    "bpjs_compliant",
                ),
            },
        ),
        (
            _("Status and verification"),
            {"fields": ("is_active", "is_synthetic", "last_verified_at", "verification_source")},
        ),
    )

    @admin.action(description=_("Activate selected vendors"), permissions=["change"])
    def activate(self, request, queryset):
        count = services.vendors_set_active(vendors=queryset, active=True, user=request.user)
        self.message_user(
            request,
            ngettext("%(n)d vendor activated.", "%(n)d vendors activated.", count) % {"n": count},
            messages.SUCCESS,
        )

    @admin.action(description=_("Deactivate selected vendors"), permissions=["change"])
    def deactivate(self, request, queryset):
        count = services.vendors_set_active(vendors=queryset, active=False, user=request.user)
        self.message_user(
            request,
            ngettext("%(n)d vendor deactivated.", "%(n)d vendors deactivated.", count)
            % {"n": count},
            messages.SUCCESS,
        )

    @admin.action(
        description=_("Record a verification of the selected vendors"), permissions=["change"]
    )
    def mark_verified(self, request, queryset):
        """Verified only with a source and a date: the action asks for both first."""
        form = VerificationForm(request.POST if "apply" in request.POST else None)
        if form.is_bound and form.is_valid():
            count = services.vendors_mark_verified(
                vendors=queryset,
                source=form.cleaned_data["source"],
                on=form.cleaned_data["verified_on"],
                user=request.user,
            )
            self.message_user(
                request,
                ngettext("%(n)d vendor marked verified.", "%(n)d vendors marked verified.", count)
                % {"n": count},
                messages.SUCCESS,
            )
            return None
        return TemplateResponse(
            request,
            "admin/catalog/vendor/verify.html",
            {
                **self.admin_site.each_context(request),
                "opts": self.model._meta,
                "title": _("Record a verification"),
                "form": form,
                "vendors": queryset,
                "action_checkbox_name": admin.helpers.ACTION_CHECKBOX_NAME,
            },
        )

    # -- import and export, in plain words (catalog/importing.py) ------------------------
    def get_urls(self):
        own = [
            path(
                "import/",
                self.admin_site.admin_view(self.import_view),
                name="catalog_vendor_import",
            ),
            path(
                "import/template.xlsx",
                self.admin_site.admin_view(self.template_view),
                name="catalog_vendor_import_template",
            ),
            path(
                "export/",
                self.admin_site.admin_view(self.export_view),
                name="catalog_vendor_export",
            ),
            path(
                "evidence/<int:pk>/file/",
                self.admin_site.admin_view(self.evidence_file_view),
                name="catalog_vendor_evidence_file",
            ),
            path(
                "work-queue/",
                self.admin_site.admin_view(self.work_queue_view),
                name="catalog_vendor_work_queue",
            ),
        ]
        return own + super().get_urls()

    def import_view(self, request):
        if not (self.has_add_permission(request) and self.has_change_permission(request)):
            raise PermissionDenied
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": _("Import vendors"),
            "codes": importing.allowed_codes(),
            "columns": importing.columns(),
        }
        if request.method == "POST":
            stored = request.POST.get("stored", "")
            upload: UploadedFile | None = request.FILES.get("import_file")
            if upload is not None:
                if upload.size > MAX_UPLOAD:
                    context["upload_error"] = _("The file is larger than 10 MB.")
                    return TemplateResponse(request, "admin/catalog/vendor/import.html", context)
                name = upload.name
                stored = default_storage.save(
                    f"{UPLOADS}/{timezone.now():%Y%m%d%H%M%S}-{name[-80:]}", upload
                )
            if not stored or not stored.startswith(f"{UPLOADS}/") or ".." in stored:
                context["upload_error"] = _("Choose a CSV or Excel (.xlsx) file.")
                return TemplateResponse(request, "admin/catalog/vendor/import.html", context)
            try:
                with default_storage.open(stored, "rb") as handle:
                    dataset = importing.read(handle.read(), stored)
            except (OSError, ValueError, KeyError) as exc:
                context["upload_error"] = _("The file could not be read: %(error)s") % {
                    "error": exc
                }
                return TemplateResponse(request, "admin/catalog/vendor/import.html", context)
            write = "confirm" in request.POST
            report = importing.check(
                dataset, write=write, file_name=stored.split("-", 1)[-1], user=request.user
            )
            if write and report.ok:
                default_storage.delete(stored)
                self.message_user(
                    request,
                    _("Imported: %(new)s new and %(updated)s updated vendors.")
                    % {"new": report.new, "updated": report.updated},
                    messages.SUCCESS,
                )
                return redirect("admin:catalog_vendor_changelist")
            context["report"] = report
            context["stored"] = stored
            context["file_name"] = stored.split("-", 1)[-1]
        return TemplateResponse(request, "admin/catalog/vendor/import.html", context)

    def template_view(self, request):
        response = HttpResponse(
            importing.template_workbook(),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
        response["Content-Disposition"] = 'attachment; filename="vendor-import-template.xlsx"'
        return response

    def export_view(self, request):
        if not self.has_view_permission(request):
            raise PermissionDenied
        data = importing.neutralised(VendorResource().export(queryset=self.get_queryset(request)))
        # With a byte-order mark, Excel opens the UTF-8 file with its accents intact.
        response = HttpResponse("\ufeff" + data.csv, content_type="text/csv; charset=utf-8")
        stamp = timezone.localdate().isoformat()
        response["Content-Disposition"] = f'attachment; filename="vendors-{stamp}.csv"'
        return response

    def evidence_file_view(self, request, pk: int):
        if not self.has_view_permission(request):
            raise PermissionDenied
        item = CertificationEvidence.objects.filter(pk=pk).exclude(file="").first()
        if item is None:
            raise Http404
        name = f"{item.vendor.slug}-{item.certification.slug}.{item.file.name.rsplit('.', 1)[-1]}"
        return private_file(item.file, name, item.content_type)

    def work_queue_view(self, request):
        if not self.has_view_permission(request):
            raise PermissionDenied
        return TemplateResponse(
            request,
            "admin/catalog/vendor/work_queue.html",
            {
                **self.admin_site.each_context(request),
                "opts": self.model._meta,
                "title": _("Curator's work queue"),
                "queue": curation.work_queue(),
                "quality": curation.data_quality(),
            },
        )


def private_file(field_file, download_name: str, content_type: str):
    """A stored evidence file, to staff only, always as a download never shown inline."""
    from django.http import FileResponse

    if content_type not in (evidence.PDF, evidence.PNG, evidence.JPEG):
        content_type = "application/octet-stream"
    response = FileResponse(
        field_file.open("rb"),
        as_attachment=True,
        filename=download_name,
        content_type=content_type,
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response


class ReviewForm(forms.Form):
    facts = forms.MultipleChoiceField(required=False, widget=forms.CheckboxSelectMultiple)
    reason = forms.CharField(
        label=_("Reason for the vendor"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Required to reject; sent to the submitter."),
    )

    def __init__(self, *args, submission: Submission, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["facts"].choices = [(d.fact, d.label) for d in differences(submission)]


@admin.register(Submission)
class SubmissionAdmin(admin.ModelAdmin):
    """The review queue: each submission as a field-by-field difference against the current
    profile; accept all or some facts, or reject with a reason."""

    list_display = ("__str__", "status", "contact_email", "created_at", "decided_at")
    list_filter = ("status",)
    search_fields = ("contact_email", "contact_name", "vendor__name")
    date_hierarchy = "created_at"
    list_select_related = ("vendor",)

    def has_add_permission(self, request):
        return False  # submissions come from vendors, through the public form

    def get_urls(self):
        own = [
            path(
                "<int:pk>/file/<int:file_pk>/",
                self.admin_site.admin_view(self.file_view),
                name="catalog_submission_file",
            ),
        ]
        return own + super().get_urls()

    def file_view(self, request, pk: int, file_pk: int):
        if not self.has_view_permission(request):
            raise PermissionDenied
        item = SubmissionFile.objects.filter(pk=file_pk, submission_id=pk).first()
        if item is None:
            raise Http404
        suffix = item.file.name.rsplit(".", 1)[-1]
        return private_file(
            item.file, f"submission-{pk}-file-{item.pk}.{suffix}", item.content_type
        )

    def change_view(self, request, object_id, form_url="", extra_context=None):
        submission = self.get_object(request, object_id)
        if submission is None or not self.has_view_permission(request, submission):
            raise Http404
        can_review = request.user.has_perm("catalog.review_submission") and (
            submission.status == SubmissionStatus.PENDING
        )
        form = ReviewForm(request.POST or None, submission=submission)
        if request.method == "POST":
            if not request.user.has_perm("catalog.review_submission"):
                raise PermissionDenied
            if form.is_valid() and can_review:
                done = self._decide(request, submission, form)
                if done is not None:
                    return done
        return TemplateResponse(
            request,
            "admin/catalog/submission/review.html",
            {
                **self.admin_site.each_context(request),
                "opts": self.model._meta,
                "title": str(submission),
                "original": submission,
                "submission": submission,
                "differences": differences(submission),
                "files": submission.files.select_related("certification"),
                "form": form,
                "can_review": can_review,
                "has_view_permission": True,
            },
        )

    def _decide(self, request, submission, form):
        if "reject" in request.POST:
            reason = form.cleaned_data["reason"].strip()
            if not reason:
                form.add_error("reason", _("Give the vendor a reason for the rejection."))
                return None
            services.submission_reject(submission, reason, request.user)
            self.message_user(request, _("The submission was rejected; the vendor is told why."))
            return redirect("admin:catalog_submission_changelist")
        facts = form.cleaned_data["facts"]
        if not facts:
            form.add_error("facts", _("Tick the facts to accept, or reject the submission."))
            return None
        try:
            services.submission_accept(submission, facts, request.user)
        except ValueError as exc:
            if "new listing" in str(exc):
                form.add_error(
                    "facts", _("A new listing needs at least its name and its services.")
                )
            else:
                form.add_error("facts", str(exc))
            return None
        self.message_user(
            request,
            _("Accepted: the catalog shows these facts as verified, from this submission."),
            messages.SUCCESS,
        )
        return redirect("admin:catalog_vendor_change", submission.vendor.pk)


@admin.register(ComplianceRule)
class ComplianceRuleAdmin(admin.ModelAdmin):
    """Indonesian rules as curated data: each with its legal source and the date a curator
    last checked it against the text. A change applies to the next recommendation."""

    list_display = ("slug", "area", "kind", "source", "reviewed_on", "is_active")
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    list_filter = ("area", "kind", "is_active")
    search_fields = ("slug", "title_id", "title_en", "source")
    fieldsets = (
        (None, {"fields": ("slug", "area", "kind", "stage", "is_active")}),
        (_("Indonesian"), {"fields": ("title_id", "summary_id", "action_id")}),
        (_("English"), {"fields": ("title_en", "summary_en", "action_en")}),
        (_("Source and scope"), {"fields": ("source", "source_url", "reviewed_on", "conditions")}),
    )
