"""Saved assessments, read-only, for superusers only: results are private to whoever holds
the link, and a token must never be reachable from a sequential id."""

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

    view_on_site = False  # an assessment's page is reached by its token, never by its id

    def has_module_permission(self, request):
        return request.user.is_active and request.user.is_superuser

    def has_view_permission(self, request, obj=None):
        # The answers and the token are the client's: superusers only, whatever a group
        # grants (a token in the wrong hands opens the whole result anonymously).
        return request.user.is_active and request.user.is_superuser

    def has_delete_permission(self, request, obj=None):
        return request.user.is_active and request.user.is_superuser

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
