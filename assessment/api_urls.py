from django.urls import path

from . import api

app_name = "api"

urlpatterns = [
    path("schema/", api.schema, name="schema"),
    path("assessments/", api.assessment_collection, name="assessment-list"),
    path("assessments/<str:token>/", api.assessment_detail, name="assessment-detail"),
    path("assessments/<str:token>/pdf", api.assessment_pdf, name="assessment-pdf"),
    path(
        "assessments/<str:token>/shortlist",
        api.assessment_shortlist,
        name="assessment-shortlist",
    ),
]
