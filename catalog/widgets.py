"""Form widgets for pages that render many options: the options are written in Python in
one pass, not through one template per option (Django's Select renders each option with its
own template include, which dominated the catalog page's time)."""

from __future__ import annotations

from django import forms
from django.utils.html import format_html, format_html_join


class QuickSelect(forms.Select):
    def __init__(self, attrs=None, choices=()):
        super().__init__({"class": "form-select", **(attrs or {})}, choices)

    def render(self, name, value, attrs=None, renderer=None):
        context = self.get_context(name, value, attrs)["widget"]
        options = format_html_join(
            "",
            '<option value="{}"{}>{}</option>',
            (
                (option["value"], " selected" if option["selected"] else "", option["label"])
                for _group, group_options, _index in context["optgroups"]
                for option in group_options
            ),
        )
        attributes = format_html_join(
            "", ' {}="{}"', ((k, v) for k, v in context["attrs"].items() if v is not False)
        )
        return format_html('<select name="{}"{}>{}</select>', context["name"], attributes, options)
