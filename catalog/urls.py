from django.urls import path

from . import views

app_name = "catalog"

urlpatterns = [
    path("", views.vendor_list, name="vendor-list"),
    path("propose/", views.vendor_propose, name="vendor-propose"),
    path("<slug:slug>/", views.vendor_detail, name="vendor-detail"),
    path("<slug:slug>/update/", views.vendor_propose, name="vendor-update"),
]
