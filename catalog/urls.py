from django.urls import path

from . import views

app_name = "catalog"

urlpatterns = [
    path("", views.vendor_list, name="vendor-list"),
    path("<slug:slug>/", views.vendor_detail, name="vendor-detail"),
]
