"""Saved assessments, read-only, for support staff with the right permission (curators have
none: results are private to whoever holds the link)."""

from django.contrib import admin

from .models import Assessment


@admin.register(Assessment)
class AssessmentAdmin(admin.ModelAdmin):
    list_display = ("organisation_name", "created_at", "language", "engine_version")
    list_filter = ("language", "engine_version")
    search_fields = ("organisation_name", "token")
    date_hierarchy = "created_at"
    readonly_fields = (
        "token",
        "organisation_name",
        "answers",
        "result",
        "engine_version",
        "language",
        "created_at",
        "rerun_of",
    )

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
