from django.urls import path

from . import views

app_name = "assessment"

urlpatterns = [
    path("", views.start, name="start"),
    path("r/<str:token>/", views.result, name="result"),
    path("r/<str:token>/edit/", views.edit, name="edit"),
    path("r/<str:token>/rerun/", views.rerun, name="rerun"),
    path("r/<str:token>/delete/", views.delete, name="delete"),
    path("r/<str:token>/weights/", views.reweigh, name="reweigh"),
    path("r/<str:token>/shortlist/", views.shortlist, name="shortlist"),
    path("review/", views.review, name="review"),
    path("<slug:step>/", views.step, name="step"),
]
