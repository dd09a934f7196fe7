"""The questionnaire's steps. Each form reads and writes its part of the answers contract."""

from __future__ import annotations

from typing import Any

from crispy_forms.bootstrap import PrependedText
from crispy_forms.helper import FormHelper
from crispy_forms.layout import HTML, Layout
from django import forms
from django.utils.formats import date_format, number_format
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from bpo_advisor.rupiah import RupiahField
from catalog.models import Certification, Industry, Language, Service, ServiceCategory

from .engine import answers as contract
from .engine.places import default_languages
from .money import RATES, to_rupiah

YES_NO = (("yes", _("Yes")), ("no", _("No")))


def contract_choices(values: tuple[str, ...], labels: dict) -> list[tuple[str, Any]]:
    """The contract's allowed values with the wizard's wording, in the wording's order.
    Wording for a value the contract lacks, or a value without wording, fails at import:
    the form cannot drift from the contract."""
    if set(labels) != set(values):
        raise LookupError(f"wizard labels {sorted(labels)} do not match the contract {values}")
    return list(labels.items())


def default(path: str) -> Any:
    value = contract.DEFAULTS[path]
    if isinstance(value, bool):
        return "yes" if value else "no"
    return list(value) if isinstance(value, tuple) else value


def _yes_no(label, help_text, initial="no"):
    return forms.TypedChoiceField(
        label=label,
        help_text=help_text,
        choices=YES_NO,
        widget=forms.RadioSelect,
        coerce=lambda v: v == "yes",
        initial=initial,
    )


def _bool_initial(value: Any) -> str | None:
    return None if value is None else ("yes" if value else "no")


class StepForm(forms.Form):
    """A questionnaire step: builds its part of the answers and reads it back."""

    slug = ""
    title = ""
    intro = ""
    keys: tuple[str, ...] = ()  # the answers' sections this step writes

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.disable_csrf = True

    @classmethod
    def initial_from(cls, answers: dict) -> dict:
        raise NotImplementedError

    @classmethod
    def answered(cls, answers: dict) -> bool:
        return all(key in answers for key in cls.keys)

    @classmethod
    def data_from(cls, answers: dict) -> dict[str, Any]:
        """The stored answers as the form data a browser would post (to show errors)."""
        data: dict[str, Any] = {}
        for name, value in cls.initial_from(answers).items():
            if isinstance(value, list | tuple):
                data[name] = [str(v) for v in value]
            elif isinstance(value, bool):
                data[name] = "yes" if value else "no"
            elif value is not None:
                data[name] = str(value)
        return data

    def to_answers(self) -> dict:
        raise NotImplementedError


class OrganisationForm(StepForm):
    slug = "organisation"
    keys = ("organisation",)
    title = _("Your organisation")
    intro = _(
        "Who is outsourcing: this decides which vendors are onshore, nearshore or offshore for you."
    )

    name = forms.CharField(
        label=_("Organisation name"),
        max_length=200,
        required=False,
        help_text=_("Optional; shown on the report only."),
    )
    country = forms.ChoiceField(
        label=_("Country"),
        initial=default("organisation.country"),
        help_text=_("Where your organisation operates from."),
    )
    industry = forms.ChoiceField(label=_("Industry"))
    size = forms.ChoiceField(
        label=_("Organisation size"),
        initial=default("organisation.size"),
        widget=forms.RadioSelect,
        choices=contract_choices(
            contract.SIZES,
            {
                # Headcount bands: our judgment, after the common 250-staff line between
                # small-and-medium and large firms.
                "startup": _("Start-up (a young company, usually under 50 staff)"),
                "sme": _("Small or medium business (under 250 staff)"),
                "large": _("Large company (250 staff or more)"),
                "multinational": _("Multinational (operates in several countries)"),
            },
        ),
        help_text=_("BPO is used by start-ups and multinationals alike."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["country"].choices = list(countries)
        self.fields["industry"].choices = [("", "---------")] + [
            (i.slug, i.name) for i in Industry.objects.all()
        ]

    @classmethod
    def initial_from(cls, answers: dict) -> dict:
        return dict(answers.get("organisation") or {})

    def to_answers(self) -> dict:
        return {"organisation": dict(self.cleaned_data)}


class ServicesForm(StepForm):
    slug = "services"
    keys = ("services",)
    title = _("What to outsource")
    intro = _(
        "Choose every process you want to hand over. Front-office work faces your "
        "customers; back-office work runs inside the company; knowledge work (KPO) needs "
        "specialists."
    )

    services = forms.MultipleChoiceField(
        label=_("Services"),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Choose at least one service.")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        services = list(Service.objects.select_related("function"))
        functions = list(ServiceCategory.objects.filter(dimension="function"))
        self.groups = [(f, [s for s in services if s.function_id == f.pk]) for f in functions]
        self.fields["services"].choices = [(s.slug, s.name) for s in services]

    @classmethod
    def initial_from(cls, answers: dict) -> dict:
        return {"services": list(answers.get("services") or [])}

    def to_answers(self) -> dict:
        return {"services": self.cleaned_data["services"]}


class WorkForm(StepForm):
    slug = "work"
    keys = ("work", "scale")
    title = _("The nature of the work")
    intro = _(
        "Six elements separate BPO from KPO: focus, process, specialisation, driving "
        "force, activities and client contact. These questions cover them."
    )

    process_definition = forms.ChoiceField(
        label=_("How is the work defined?"),
        widget=forms.RadioSelect,
        choices=contract_choices(
            contract.PROCESS_DEFINITIONS,
            {
                "predefined": _("By fixed procedures (SOPs, scripts)"),
                "mixed": _("Partly procedures, partly judgement"),
                "judgment": _("By judgement and business understanding"),
            },
        ),
        help_text=_("BPO runs predefined processes; KPO applies knowledge to each case."),
    )
    expertise = forms.ChoiceField(
        label=_("What expertise does it need?"),
        widget=forms.RadioSelect,
        choices=contract_choices(
            contract.EXPERTISE,
            {
                "basic": _("Good communication and basic computer skills"),
                "skilled": _("Trained, skilled staff"),
                "specialist": _("Specialist knowledge (legal, research, analysis, design)"),
            },
        ),
    )
    customer_contact = forms.ChoiceField(
        label=_("Does the work deal with your customers?"),
        widget=forms.RadioSelect,
        choices=contract_choices(
            contract.CUSTOMER_CONTACT,
            {
                "direct": _("Yes, directly (calls, chat, email, social media)"),
                "indirect": _("Indirectly (it affects them, without contact)"),
                "none": _("No, it is internal"),
            },
        ),
        help_text=_("Front-office work faces customers; back-office work does not."),
    )
    # The questions that decide the recommendation start unanswered: a result is never
    # built on a default nobody chose.
    core_to_business = _yes_no(
        _("Is this work core to your business?"),
        _(
            "Core work is what creates your value. BPO is meant for supporting work, so that you "
            "can focus on the core."
        ),
        initial=None,
    )
    driver = forms.ChoiceField(
        label=_("What drives the decision?"),
        widget=forms.RadioSelect,
        choices=contract_choices(
            contract.DRIVERS,
            {
                "cost": _("Lower cost and more efficiency"),
                "balanced": _("Both cost and expertise"),
                "expertise": _("Access to knowledge and insight"),
            },
        ),
    )
    fte = forms.IntegerField(
        label=_("Full-time staff the work needs today"),
        min_value=1,
        max_value=contract.MAX_FTE,
        initial=default("scale.fte"),
        help_text=_("In full-time equivalents (FTE)."),
    )
    seasonal_peaks = _yes_no(
        _("Does demand swing (holiday season, campaigns)?"),
        _("BPO lets you add staff for peaks without recruiting."),
    )
    current_staff = forms.IntegerField(
        label=_("How many of your own staff do this work today?"),
        min_value=0,
        max_value=contract.MAX_FTE,
        required=False,
        help_text=_(
            "0 if the work is new. Leave empty if you are not sure. It tells how many people's "
            "jobs the change touches."
        ),
    )

    @classmethod
    def initial_from(cls, answers: dict) -> dict:
        work = dict(answers.get("work") or {})
        scale = answers.get("scale") or {}
        work["core_to_business"] = _bool_initial(work.get("core_to_business"))
        work["fte"] = scale.get("fte")
        work["seasonal_peaks"] = _bool_initial(scale.get("seasonal_peaks"))
        work["current_staff"] = scale.get("current_staff")
        return {k: v for k, v in work.items() if v is not None}

    def to_answers(self) -> dict:
        d = self.cleaned_data
        return {
            "work": {
                k: d[k]
                for k in (
                    "process_definition",
                    "expertise",
                    "customer_contact",
                    "core_to_business",
                    "driver",
                )
            },
            "scale": {
                "fte": d["fte"],
                "seasonal_peaks": d["seasonal_peaks"],
                "current_staff": d.get("current_staff"),
            },
        }


PRIORITY_LEVELS = (
    (1, _("1 – not important")),
    (2, _("2 – minor")),
    (3, _("3 – important")),
    (4, _("4 – very important")),
    (5, _("5 – critical")),
)


def _priority(label, help_text):
    return forms.TypedChoiceField(
        label=label,
        help_text=help_text,
        choices=PRIORITY_LEVELS,
        coerce=int,
        initial=contract.DEFAULT_PRIORITY,
    )


class PrioritiesForm(StepForm):
    slug = "priorities"
    keys = ("priorities",)
    title = _("Your priorities")
    intro = _(
        "How much each goal matters to you. The advisor weighs the model and the vendors by these."
    )

    cost = _priority(_("Lower cost"), _("Offshore vendors are cheaper; onshore ones closer."))
    quality = _priority(
        _("Service quality"), _("Specialised providers often deliver more consistent quality.")
    )
    speed = _priority(_("Speed"), _("How fast the work must be done and the vendor must start."))
    control = _priority(
        _("Control"), _("Outsourcing can feel like losing control; SLAs and monitoring restore it.")
    )
    data_security = _priority(
        _("Data security"), _("Your information will sit with a third party.")
    )
    flexibility = _priority(_("Flexibility"), _("Scaling capacity up and down with demand."))
    communication = _priority(_("Easy communication"), _("Time zones, language and work culture."))

    @classmethod
    def initial_from(cls, answers: dict) -> dict:
        return dict(answers.get("priorities") or {})

    def to_answers(self) -> dict:
        return {"priorities": dict(self.cleaned_data)}


class ConstraintsForm(StepForm):
    slug = "constraints"
    keys = ("constraints", "regulation")
    title = _("Constraints")
    intro = _("The must-haves and limits every vendor is checked against.")

    data_sensitivity = forms.ChoiceField(
        label=_("How sensitive is the data?"),
        widget=forms.RadioSelect,
        initial=None,  # decides the location and the data-security risk: asked, not assumed
        choices=contract_choices(
            contract.SENSITIVITY,
            {
                "public": _("Public"),
                "internal": _("Internal"),
                "confidential": _("Confidential"),
                "regulated": _("Regulated (personal, health or financial data under law)"),
            },
        ),
    )
    languages = forms.MultipleChoiceField(
        label=_("Languages the vendor's staff must work in"),
        widget=forms.CheckboxSelectMultiple,
        required=False,
        initial=default("constraints.languages"),
    )
    coverage = forms.ChoiceField(
        label=_("Hours to cover"),
        widget=forms.RadioSelect,
        initial=default("constraints.coverage"),
        choices=contract_choices(
            contract.COVERAGE,
            {
                "business_hours": _("Business hours"),
                "extended": _("Extended hours"),
                "24_7": _("24/7"),
            },
        ),
    )
    location = forms.ChoiceField(
        label=_("Preferred vendor location"),
        initial=default("constraints.location"),
        choices=contract_choices(
            contract.LOCATIONS,
            {
                "any": _("Let the advisor decide"),
                "onshore": _("Onshore (same country)"),
                "nearshore": _("Nearshore (neighbouring country)"),
                "offshore": _("Offshore (overseas)"),
            },
        ),
    )
    monthly_budget_idr = RupiahField(
        label=_("Monthly budget (rupiah)"),
        required=False,
        max_value=contract.MAX_BUDGET_IDR,
        help_text=_(
            "Optional. For all the outsourced work per month, for example 75,000,000 or 75 million."
        ),
    )
    budget_currency = forms.ChoiceField(
        label=_("Currency of the budget"),
        required=False,
        initial="IDR",
        choices=(),  # set in __init__ from the dated rates
        help_text=_("A budget in another currency is converted to rupiah at the dated rate shown."),
    )
    start_within_weeks = forms.IntegerField(
        label=_("Start within (weeks)"),
        required=False,
        min_value=0,
        max_value=contract.MAX_WEEKS,
    )
    vendor_strategy = forms.ChoiceField(
        label=_("One vendor or several?"),
        initial=default("constraints.vendor_strategy"),
        choices=contract_choices(
            contract.VENDOR_STRATEGIES,
            {
                "no_preference": _("No preference"),
                "single": _("One vendor"),
                "multi": _("Several vendors (multi-sourcing)"),
            },
        ),
    )
    ownership = forms.ChoiceField(
        label=_("Who should run it?"),
        widget=forms.RadioSelect,
        initial=default("constraints.ownership"),
        choices=contract_choices(
            contract.OWNERSHIP,
            {
                "outsource": _("An outside vendor"),
                "own_subsidiary": _("Our own subsidiary (captive centre)"),
            },
        ),
    )
    customization = forms.ChoiceField(
        label=_("Standard or customized service?"),
        widget=forms.RadioSelect,
        initial=default("constraints.customization"),
        choices=contract_choices(
            contract.CUSTOMIZATION,
            {
                "standard": _("Standard: ready-made templates"),
                "custom": _("Customized: our own SOPs and system integration"),
            },
        ),
    )
    remote_delivery_ok = _yes_no(
        _("May the vendor work fully remote (cloud-based)?"),
        _("Cloud-based BPO runs operations remotely and scales easily."),
        initial=default("constraints.remote_delivery_ok"),
    )
    required_certifications = forms.MultipleChoiceField(
        label=_("Required certifications"),
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=_(
            "A vendor known to lack one is excluded; one whose certifications are not "
            "verified stays in, with a question to ask."
        ),
    )

    # The regulation questions (optional): which Indonesian rules the result names.
    sector = forms.ChoiceField(
        label=_("Is your organisation supervised as one of these?"),
        required=False,
        initial="none",
        choices=contract_choices(
            contract.SECTORS,
            {
                "none": _("None of these"),
                "bank": _("A bank (supervised by OJK)"),
                "financial_other": _("Another financial institution supervised by OJK"),
                "health": _("Health care"),
                "public": _("Public sector"),
            },
        ),
    )
    personal_data = forms.MultipleChoiceField(
        label=_("Personal data the vendor will handle"),
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=_("Leave all unticked when the work involves no personal data."),
        choices=contract_choices(
            contract.PERSONAL_DATA,
            {
                "general": _("Ordinary personal data (names, contacts, orders)"),
                "health": _("Health data"),
                "financial": _("Personal financial data"),
                "biometric": _("Biometric data"),
                "children": _("Children's data"),
            },
        ),
    )
    data_abroad_ok = forms.TypedChoiceField(
        label=_("May the data be processed outside Indonesia?"),
        widget=forms.RadioSelect,
        required=False,
        choices=[("yes", _("Yes")), ("no", _("No")), ("", _("Not decided"))],
        coerce=lambda v: v == "yes",
        empty_value=None,
    )
    staff_transfer = forms.TypedChoiceField(
        label=_("Will your own staff who do this work move to the vendor?"),
        widget=forms.RadioSelect,
        required=False,
        choices=[("yes", _("Yes")), ("no", _("No")), ("", _("Not decided"))],
        coerce=lambda v: v == "yes",
        empty_value=None,
    )
    pricing = forms.ChoiceField(
        label=_("Preferred pricing"),
        required=False,
        choices=[("", _("No preference"))]
        + contract_choices(
            contract.PRICING,
            {
                "per_fte": _("Per full-time agent (FTE)"),
                "per_transaction": _("Per transaction"),
                "outcome": _("Outcome-based"),
            },
        ),
    )
    contract_months = forms.IntegerField(
        label=_("Planned contract length (months)"),
        required=False,
        min_value=1,
        max_value=contract.MAX_CONTRACT_MONTHS,
    )
    exit_plan = forms.BooleanField(
        label=_("We need an exit and transition plan in the contract"), required=False
    )
    REGULATION_FIELDS = contract.REGULATION_KEYS  # one field per key of the contract

    @classmethod
    def answered(cls, answers: dict) -> bool:
        return "constraints" in answers  # the regulation questions are optional

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        heading = HTML(
            format_html(
                '<h2 class="h5 mt-4" id="regulation-heading">{}</h2>'
                '<p class="small text-muted">{}</p>',
                _("Regulation and contract (optional)"),
                _(
                    "Which Indonesian rules apply depends on these answers; the result names "
                    "each rule with its source."
                ),
            )
        )
        parts = []
        for name in self.fields:
            if name == "sector":
                parts.append(heading)
            parts.append(PrependedText(name, "Rp") if name == "monthly_budget_idr" else name)
        self.helper.layout = Layout(*parts)
        self.fields["budget_currency"].choices = [("IDR", _("Rupiah (IDR)"))] + [
            (
                code,
                _("%(code)s, at Rp %(rate)s per %(code)s (%(date)s)")
                % {
                    "code": code,
                    "rate": number_format(rate.idr, force_grouping=True),
                    "date": date_format(rate.on, "SHORT_DATE_FORMAT"),
                },
            )
            for code, rate in RATES.items()
        ]
        self.fields["languages"].choices = [(la.slug, la.name) for la in Language.objects.all()]
        self.fields["required_certifications"].choices = [
            (c.slug, c.name) for c in Certification.objects.all()
        ]

    def clean(self):
        data = super().clean()
        currency = data.get("budget_currency") or "IDR"
        amount = data.get("monthly_budget_idr")
        data["budget_stated"] = None
        if amount is not None and currency != "IDR":
            rate = RATES[currency]
            converted = to_rupiah(amount, currency)
            if converted > contract.MAX_BUDGET_IDR:
                self.add_error(
                    "monthly_budget_idr",
                    _("That is more than the advisor can work with; check the amount."),
                )
            data["monthly_budget_idr"] = converted
            data["budget_stated"] = {
                "currency": currency,
                "amount": amount,
                "rate_idr": rate.idr,
                "rate_date": rate.on.isoformat(),
            }
        return data

    @classmethod
    def initial_from(cls, answers: dict) -> dict:
        data = dict(answers.get("constraints") or {})
        stated = data.pop("budget_stated", None)
        if stated:
            data["monthly_budget_idr"] = stated["amount"]
            data["budget_currency"] = stated["currency"]
        if "languages" not in data:
            # A client abroad starts from its own country's language, not from Indonesian.
            country = (answers.get("organisation") or {}).get("country") or "ID"
            known = frozenset(Language.objects.values_list("slug", flat=True))
            data["languages"] = list(default_languages(country, known))
        if "remote_delivery_ok" in data:
            data["remote_delivery_ok"] = _bool_initial(data["remote_delivery_ok"])
        regulation = dict(answers.get("regulation") or {})
        for key in ("data_abroad_ok", "staff_transfer"):
            if key in regulation:
                regulation[key] = _bool_initial(regulation[key]) or ""
        data |= regulation
        return {k: v for k, v in data.items() if v is not None}

    def to_answers(self) -> dict:
        constraints = dict(self.cleaned_data)
        constraints.pop("budget_currency", None)
        if not constraints.get("budget_stated"):
            constraints.pop("budget_stated", None)
        regulation = {key: constraints.pop(key, None) for key in self.REGULATION_FIELDS}
        regulation["sector"] = regulation["sector"] or "none"
        regulation["pricing"] = regulation["pricing"] or None
        regulation["personal_data"] = list(regulation["personal_data"] or [])
        regulation["exit_plan"] = bool(regulation["exit_plan"])
        return {"constraints": constraints, "regulation": regulation}


STEPS: tuple[type[StepForm], ...] = (
    OrganisationForm,
    ServicesForm,
    WorkForm,
    PrioritiesForm,
    ConstraintsForm,
)
STEP_SLUGS = tuple(step.slug for step in STEPS)


def step_of(path: str) -> tuple[type[StepForm], str | None]:
    """The step and field that an answers path ("scale.fte") is asked on."""
    section, _dot, rest = path.partition(".")
    form_class = next((s for s in STEPS if section in s.keys), STEPS[0])
    name = rest.rsplit(".", 1)[-1] if rest else section
    return form_class, name if name in form_class.base_fields else None
