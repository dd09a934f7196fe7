from django.urls import path

from . import api

app_name = "catalog-api"

urlpatterns = [
    path("vendors/", api.vendor_list, name="vendors"),
    path("vendors/<slug:slug>/", api.vendor_detail, name="vendor"),
    path("taxonomy/", api.taxonomy, name="taxonomy"),
]
