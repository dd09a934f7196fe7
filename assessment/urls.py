from django.urls import path
from django.views.generic import RedirectView

app_name = "assessment"

urlpatterns = [
    path("", RedirectView.as_view(pattern_name="catalog:vendor-list"), name="start"),
]
