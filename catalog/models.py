"""The vendor catalog: taxonomy reference data (from taxonomy.md) and the vendors.

Every vendor attribute the catalog may not know can say "unknown". Scalars use NULL or an
empty choice for unknown. Multi-valued attributes carry a ``*_verified`` flag: an empty,
verified list means "none"; an unverified list holds only what a source stated and may be
incomplete, so an empty unverified list means "unknown".
"""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from bpo_advisor import regulation


class Bilingual(models.Model):
    """Reference data named and described in Indonesian (default) and English."""

    slug = models.SlugField(_("slug"), max_length=64, unique=True)
    name_id = models.CharField(_("name (Indonesian)"), max_length=200)
    name_en = models.CharField(_("name (English)"), max_length=200)
    description_id = models.TextField(_("description (Indonesian)"), blank=True)
    description_en = models.TextField(_("description (English)"), blank=True)

    class Meta:
        abstract = True
        ordering = ["slug"]

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        return self.name_en if (get_language() or "id").startswith("en") else self.name_id

    @property
    def description(self) -> str:
        if (get_language() or "id").startswith("en"):
            return self.description_en
        return self.description_id


class Dimension(models.TextChoices):
    LOCATION = "location", _("Vendor location")
    FUNCTION = "function", _("Task function")
    WORK_SYSTEM = "work_system", _("Work system")
    CUSTOMIZATION = "customization", _("Customisation level")


class Family(models.TextChoices):
    """Which outsourcing family a task function belongs to: the engine weighs BPO against
    KPO by it. Workforce provision is neither (the sources separate it from BPO)."""

    BPO = "bpo", _("Business process (BPO family)")
    KPO = "kpo", _("Knowledge work (KPO family)")
    WORKFORCE = "workforce", _("Workforce provision (not BPO)")


class ServiceCategory(Bilingual):
    dimension = models.CharField(_("dimension"), max_length=20, choices=Dimension.choices)
    family = models.CharField(
        _("family"),
        max_length=20,
        choices=Family.choices,
        blank=True,
        help_text=_(
            "Task functions only: whether the advisor treats this function as business "
            "process work (BPO), knowledge work (KPO) or workforce provision. Empty: the "
            "parent's family, else business process work."
        ),
    )
    position = models.PositiveSmallIntegerField(
        _("position"),
        default=100,
        help_text=_("Display order within its dimension; lower comes first."),
    )
    parent = models.ForeignKey(
        "self",
        verbose_name=_("parent category"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )

    class Meta(Bilingual.Meta):
        verbose_name = _("service category")
        verbose_name_plural = _("service categories")
        ordering = ["dimension", "position", "pk"]

    def clean(self) -> None:
        if self.parent_id and self.parent.dimension != self.dimension:
            raise ValidationError({"parent": _("A parent must be in the same dimension.")})
        if self.family and self.dimension != Dimension.FUNCTION:
            raise ValidationError({"family": _("Only task functions belong to a family.")})


class Service(Bilingual):
    function = models.ForeignKey(
        ServiceCategory,
        verbose_name=_("function"),
        on_delete=models.PROTECT,
        related_name="services",
        limit_choices_to={"dimension": Dimension.FUNCTION},
    )

    class Meta(Bilingual.Meta):
        verbose_name = _("service")
        verbose_name_plural = _("services")
        ordering = ["pk"]


class Industry(Bilingual):
    class Meta(Bilingual.Meta):
        verbose_name = _("industry")
        verbose_name_plural = _("industries")
        ordering = ["pk"]


class Certification(Bilingual):
    class Meta(Bilingual.Meta):
        verbose_name = _("certification")
        verbose_name_plural = _("certifications")
        ordering = ["pk"]


class Language(Bilingual):
    """A working language; the slug is its ISO 639-1 code."""

    class Meta(Bilingual.Meta):
        verbose_name = _("language")
        verbose_name_plural = _("languages")
        ordering = ["pk"]


class Coverage(models.TextChoices):
    BUSINESS_HOURS = "business_hours", _("Business hours")
    EXTENDED = "extended", _("Extended hours")
    FULL = "24_7", _("24/7")


class SizeBand(models.TextChoices):
    SMALL = "small", _("Small (under 100 staff)")
    MEDIUM = "medium", _("Medium (100–999 staff)")
    LARGE = "large", _("Large (1,000–9,999 staff)")
    ENTERPRISE = "enterprise", _("Enterprise (10,000+ staff)")


class LegalEntity(models.TextChoices):
    PT = "pt", _("PT (limited liability company)")
    PT_PMA = "pt_pma", _("PT PMA (foreign-investment company)")
    CV = "cv", _("CV (limited partnership)")
    COOPERATIVE = "cooperative", _("Cooperative (koperasi)")
    FOREIGN = "foreign", _("Company registered abroad")


class VendorQuerySet(models.QuerySet):
    def active(self) -> VendorQuerySet:
        return self.filter(is_active=True)

    def public(self, *, include_synthetic: bool = False) -> VendorQuerySet:
        qs = self.active()
        return qs if include_synthetic else qs.filter(is_synthetic=False)

    def with_relations(self) -> VendorQuerySet:
        return self.prefetch_related(
            "services__function",
            "industries",
            "work_systems",
            "customizations",
            "certifications",
            "languages",
            "fact_checks",
            "evidence__certification",
        )


class Vendor(models.Model):
    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=200, unique=True)
    short_description = models.CharField(_("short description"), max_length=300, blank=True)
    long_description = models.TextField(_("long description"), blank=True)
    website = models.URLField(_("website"), blank=True, help_text=_("Empty means unknown."))

    headquarters_country = CountryField(
        _("headquarters country"), blank=True, help_text=_("Empty means unknown.")
    )
    delivery_countries = CountryField(
        _("delivery countries"),
        multiple=True,
        blank=True,
        help_text=_("Countries the vendor delivers from."),
    )
    delivery_countries_verified = models.BooleanField(
        _("delivery countries verified"),
        default=False,
        help_text=_("Ticked: the list is complete. Unticked: it may be incomplete."),
    )

    services = models.ManyToManyField(Service, verbose_name=_("services"), related_name="vendors")
    industries = models.ManyToManyField(
        Industry, verbose_name=_("industries served"), blank=True, related_name="vendors"
    )
    industries_verified = models.BooleanField(_("industries verified"), default=False)
    work_systems = models.ManyToManyField(
        ServiceCategory,
        verbose_name=_("work systems offered"),
        blank=True,
        related_name="work_system_vendors",
        limit_choices_to={"dimension": Dimension.WORK_SYSTEM},
    )
    work_systems_verified = models.BooleanField(_("work systems verified"), default=False)
    customizations = models.ManyToManyField(
        ServiceCategory,
        verbose_name=_("customisation offered"),
        blank=True,
        related_name="customization_vendors",
        limit_choices_to={"dimension": Dimension.CUSTOMIZATION},
    )
    customizations_verified = models.BooleanField(_("customisation verified"), default=False)
    certifications = models.ManyToManyField(
        Certification, verbose_name=_("certifications"), blank=True, related_name="vendors"
    )
    certifications_verified = models.BooleanField(
        _("certifications verified"),
        default=False,
        help_text=_("Ticked with none selected means the vendor holds none."),
    )
    languages = models.ManyToManyField(
        Language, verbose_name=_("working languages"), blank=True, related_name="vendors"
    )
    languages_verified = models.BooleanField(_("languages verified"), default=False)

    coverage = models.CharField(
        _("coverage hours"), max_length=20, choices=Coverage.choices, blank=True
    )
    size_band = models.CharField(
        _("size band"), max_length=20, choices=SizeBand.choices, blank=True
    )
    founded_year = models.PositiveSmallIntegerField(
        _("founded year"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1800), MaxValueValidator(2100)],
    )
    price_min_idr = models.PositiveBigIntegerField(
        _("price per FTE per month, from (IDR)"), null=True, blank=True
    )
    price_max_idr = models.PositiveBigIntegerField(
        _("price per FTE per month, to (IDR)"), null=True, blank=True
    )
    min_contract_months = models.PositiveSmallIntegerField(
        _("minimum contract (months)"), null=True, blank=True
    )

    # Indonesian legal facts (issue 13): each unknown until a source states it.
    legal_entity = models.CharField(
        _("legal entity type"), max_length=20, choices=LegalEntity.choices, blank=True
    )
    nib = models.CharField(
        _("business identification number (NIB)"),
        max_length=13,
        blank=True,
        validators=[RegexValidator(r"^\d{13}$", _("An NIB has 13 digits."))],
    )
    kbli_codes = models.CharField(
        _("business classification codes (KBLI)"),
        max_length=200,
        blank=True,
        validators=[
            RegexValidator(r"^\d{5}(,\d{5})*$", _("Five-digit KBLI codes, separated by commas."))
        ],
        help_text=_("Five-digit codes separated by commas, e.g. 82200,78200."),
    )
    pse_registered = models.BooleanField(
        _("registered private electronic system operator (PSE)"),
        null=True,
        blank=True,
        help_text=_("Empty: unknown."),
    )
    data_locations = CountryField(
        _("data processing locations"),
        multiple=True,
        blank=True,
        help_text=_("Countries where the vendor stores or processes client data."),
    )
    data_locations_verified = models.BooleanField(
        _("data processing locations verified"),
        default=False,
        help_text=_("Ticked: the list is complete. Unticked: it may be incomplete."),
    )
    bpjs_compliant = models.BooleanField(
        _("states its staff are registered with BPJS"),
        null=True,
        blank=True,
        help_text=_("The vendor's statement on BPJS membership of its staff. Empty: unknown."),
    )
    pricing_models = models.CharField(
        _("pricing models offered"),
        max_length=60,
        blank=True,
        validators=[
            RegexValidator(
                r"^(per_fte|per_transaction|outcome)(,(per_fte|per_transaction|outcome))*$",
                _("Codes per_fte, per_transaction or outcome, separated by commas."),
            )
        ],
        help_text=_("per_fte, per_transaction, outcome; separated by commas. Empty: unknown."),
    )

    is_active = models.BooleanField(_("active"), default=True)
    is_synthetic = models.BooleanField(
        _("synthetic"),
        default=False,
        help_text=_("Generated for benchmarks; never shown publicly."),
    )
    last_verified_at = models.DateField(_("last verified on"), null=True, blank=True)
    verification_source = models.CharField(_("verification source"), max_length=500, blank=True)
    # Set on every save by catalog/signals.py and by the bulk writes of catalog/services.py
    # (not auto_now: fixtures save raw, and must still get a value).
    updated_at = models.DateTimeField(_("last changed"), default=timezone.now, editable=False)

    objects = VendorQuerySet.as_manager()

    class Meta:
        verbose_name = _("vendor")
        verbose_name_plural = _("vendors")
        ordering = ["name", "pk"]
        indexes = [models.Index(fields=["is_active", "is_synthetic", "name"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(price_min_idr__isnull=True)
                | Q(price_max_idr__isnull=True)
                | Q(price_min_idr__lte=models.F("price_max_idr")),
                name="vendor_price_range_ordered",
            )
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("catalog:vendor-detail", kwargs={"slug": self.slug})

    def clean(self) -> None:
        if (
            self.price_min_idr is not None
            and self.price_max_idr is not None
            and self.price_min_idr > self.price_max_idr
        ):
            raise ValidationError(
                {"price_max_idr": _("The upper price must not be below the lower price.")}
            )


class CatalogState(models.Model):
    """One row: a counter that every catalog write bumps (catalog/services.py), so any
    process can tell cheaply whether the catalog changed since it last read it."""

    version = models.PositiveBigIntegerField(_("catalog version"), default=0)
    changed_at = models.DateTimeField(_("last changed"), null=True, blank=True)

    class Meta:
        verbose_name = _("catalog state")
        verbose_name_plural = _("catalog state")

    def __str__(self) -> str:
        return f"v{self.version}"


# -- the catalog's growth: facts with their sources, evidence, vendors' own submissions ---


class Fact(models.TextChoices):
    """A vendor attribute a source can state, a curator verify and a vendor propose."""

    NAME = "name", _("Name")
    SHORT_DESCRIPTION = "short_description", _("Short description")
    LONG_DESCRIPTION = "long_description", _("Long description")
    WEBSITE = "website", _("Website")
    HEADQUARTERS = "headquarters_country", _("Headquarters")
    DELIVERY_COUNTRIES = "delivery_countries", _("Delivers from")
    SERVICES = "services", _("Services")
    INDUSTRIES = "industries", _("Industries served")
    WORK_SYSTEMS = "work_systems", _("Work systems")
    CUSTOMIZATIONS = "customizations", _("Customisation")
    CERTIFICATIONS = "certifications", _("Certifications")
    LANGUAGES = "languages", _("Working languages")
    COVERAGE = "coverage", _("Coverage hours")
    SIZE_BAND = "size_band", _("Size")
    FOUNDED_YEAR = "founded_year", _("Founded")
    PRICE = "price", _("Indicative price per full-time agent per month")
    MIN_CONTRACT = "min_contract_months", _("Minimum contract")
    LEGAL_ENTITY = "legal_entity", _("Legal entity")
    NIB = "nib", _("Business identification number (NIB)")
    KBLI = "kbli_codes", _("Business classification (KBLI)")
    PSE = "pse_registered", _("Registered electronic system operator (PSE)")
    DATA_LOCATIONS = "data_locations", _("Where client data is processed")
    BPJS = "bpjs_compliant", _("Staff registered with BPJS")
    PRICING_MODELS = "pricing_models", _("Pricing models")


# Facts whose value is a list; verifying one says the list is complete.
LIST_FACTS = (
    Fact.DELIVERY_COUNTRIES,
    Fact.DATA_LOCATIONS,
    Fact.SERVICES,
    Fact.INDUSTRIES,
    Fact.WORK_SYSTEMS,
    Fact.CUSTOMIZATIONS,
    Fact.CERTIFICATIONS,
    Fact.LANGUAGES,
)


class FactCheck(models.Model):
    """Where and when one fact about a vendor was last checked. A curator may mark it stale:
    the advisor then treats the fact as unknown (README, "Catalog curation")."""

    vendor = models.ForeignKey(
        Vendor, verbose_name=_("vendor"), on_delete=models.CASCADE, related_name="fact_checks"
    )
    fact = models.CharField(_("fact"), max_length=40, choices=Fact.choices)
    source = models.CharField(_("source"), max_length=500)
    checked_on = models.DateField(_("checked on"))
    submission = models.ForeignKey(
        "Submission",
        verbose_name=_("from submission"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    stale = models.BooleanField(
        _("stale"),
        default=False,
        help_text=_("Ticked: the advisor treats this fact as unknown until it is checked again."),
    )

    class Meta:
        verbose_name = _("fact check")
        verbose_name_plural = _("fact checks")
        ordering = ["vendor", "fact"]
        constraints = [
            models.UniqueConstraint(fields=["vendor", "fact"], name="fact_check_one_per_fact")
        ]

    def __str__(self) -> str:
        return f"{self.vendor} · {self.get_fact_display()}"


def evidence_path(instance, filename: str) -> str:
    """A random name under evidence/: never the uploader's name, never guessable."""
    import secrets

    suffix = {"application/pdf": "pdf", "image/png": "png", "image/jpeg": "jpg"}.get(
        getattr(instance, "content_type", ""), "bin"
    )
    return f"evidence/{secrets.token_hex(16)}.{suffix}"


class CertificationEvidence(models.Model):
    """A certificate behind a vendor's certification. The certification counts as verified
    only while its evidence is current: the day after ``expires_on`` it is unknown again."""

    vendor = models.ForeignKey(
        Vendor, verbose_name=_("vendor"), on_delete=models.CASCADE, related_name="evidence"
    )
    certification = models.ForeignKey(
        Certification, verbose_name=_("certification"), on_delete=models.PROTECT
    )
    number = models.CharField(_("certificate number"), max_length=120, blank=True)
    issuer = models.CharField(_("issuer"), max_length=200, blank=True)
    issued_on = models.DateField(_("issued on"), null=True, blank=True)
    expires_on = models.DateField(
        _("expires on"), null=True, blank=True, help_text=_("Empty: the certificate states none.")
    )
    scope = models.CharField(_("scope"), max_length=500, blank=True)
    file = models.FileField(_("file"), upload_to=evidence_path, blank=True)
    content_type = models.CharField(_("file type"), max_length=40, blank=True, editable=False)
    source = models.CharField(_("source"), max_length=500, blank=True)
    expiry_recorded_at = models.DateTimeField(
        _("expiry recorded"), null=True, blank=True, editable=False
    )

    class Meta:
        verbose_name = _("certification evidence")
        verbose_name_plural = _("certification evidence")
        ordering = ["vendor", "certification", "-expires_on"]

    def __str__(self) -> str:
        return f"{self.certification} · {self.number or '—'}"

    def clean(self) -> None:
        if self.issued_on and self.expires_on and self.expires_on < self.issued_on:
            raise ValidationError(
                {"expires_on": _("A certificate cannot expire before it is issued.")}
            )

    def current_on(self, day) -> bool:
        return self.expires_on is None or self.expires_on >= day


class SubmissionStatus(models.TextChoices):
    PENDING = "pending", _("Waiting for review")
    ACCEPTED = "accepted", _("Accepted")
    PARTLY = "partly", _("Partly accepted")
    REJECTED = "rejected", _("Rejected")


class Submission(models.Model):
    """A vendor's proposal: a new listing (no vendor yet) or changes to an existing one. It
    never changes the catalog by itself; a curator accepts all, some or none of its facts."""

    vendor = models.ForeignKey(
        Vendor,
        verbose_name=_("vendor"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="submissions",
        help_text=_("Empty: a proposed new listing."),
    )
    proposed = models.JSONField(_("proposed facts"), default=dict)
    contact_name = models.CharField(_("contact person"), max_length=200)
    contact_email = models.EmailField(_("work email"))
    message = models.TextField(_("message to the curators"), blank=True, max_length=2000)
    language = models.CharField(_("language"), max_length=8, default="id")
    status = models.CharField(
        _("status"),
        max_length=12,
        choices=SubmissionStatus.choices,
        default=SubmissionStatus.PENDING,
    )
    accepted_facts = models.JSONField(_("accepted facts"), default=list, blank=True)
    reason = models.TextField(_("reason given"), blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("decided by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    created_at = models.DateTimeField(_("received at"), default=timezone.now, editable=False)

    class Meta:
        verbose_name = _("vendor submission")
        verbose_name_plural = _("vendor submissions")
        ordering = ["-created_at"]
        permissions = [("review_submission", _("Can accept or reject vendor submissions"))]

    def __str__(self) -> str:
        about = self.vendor.name if self.vendor else self.proposed.get("name", "?")
        return _("Submission #%(n)s: %(about)s") % {"n": self.pk, "about": about}

    @property
    def is_new_listing(self) -> bool:
        return self.vendor_id is None and self.status == SubmissionStatus.PENDING


class SubmissionFile(models.Model):
    """Evidence sent with a submission, checked by content (PDF, PNG or JPEG, at most 5 MB),
    kept under a random name outside the static files and served only to staff."""

    submission = models.ForeignKey(
        Submission, verbose_name=_("submission"), on_delete=models.CASCADE, related_name="files"
    )
    file = models.FileField(_("file"), upload_to=evidence_path)
    original_name = models.CharField(_("file name sent"), max_length=200)
    content_type = models.CharField(_("file type"), max_length=40)
    size = models.PositiveIntegerField(_("size (bytes)"))
    certification = models.ForeignKey(
        Certification,
        verbose_name=_("certificate for"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
    )
    number = models.CharField(_("certificate number"), max_length=120, blank=True)
    issuer = models.CharField(_("issuer"), max_length=200, blank=True)
    issued_on = models.DateField(_("issued on"), null=True, blank=True)
    expires_on = models.DateField(_("expires on"), null=True, blank=True)
    scope = models.CharField(_("scope"), max_length=500, blank=True)

    class Meta:
        verbose_name = _("submitted file")
        verbose_name_plural = _("submitted files")

    def __str__(self) -> str:
        return self.original_name


# -- Indonesian rules a regulated buyer must follow, as curated data with their sources ---


class RuleArea(models.TextChoices):
    LABOUR = "labour", _("Outsourcing and labour law")
    PERSONAL_DATA = "personal_data", _("Personal data")
    ELECTRONIC_SYSTEMS = "electronic_systems", _("Electronic systems")
    FINANCIAL = "financial", _("Financial-sector supervision")
    FOREIGN_CLIENT = "foreign_client", _("A client abroad")
    MONEY = "money", _("Tax and pay")


class RuleKind(models.TextChoices):
    MUST_HAVE = "must_have", _("Must-have of the vendor")
    CLAUSE = "clause", _("Contract clause")
    ACTION = "action", _("Roadmap action")
    COUNSEL = "counsel", _("Question for counsel")


class RuleStage(models.TextChoices):
    """The roadmap stage a rule's line shows in (bpo_advisor/regulation.py, STAGES)."""

    NEEDS_ANALYSIS = "needs_analysis", _("Needs analysis")
    VENDOR_SELECTION = "vendor_selection", _("Vendor selection")
    TRANSITION = "transition", _("Transition (onboarding)")
    RELATIONSHIP_MANAGEMENT = "relationship_management", _("Relationship management")
    PERFORMANCE_EVALUATION = "performance_evaluation", _("Performance evaluation")


class ComplianceRule(models.Model):
    """One rule from an Indonesian law or regulation, as the advisor applies it: when it
    applies (conditions on the answers, see README "Regulation-aware advice"), what it asks
    for, its legal source and when a curator last checked it against the text. Guidance,
    not legal advice: a rule whose content could not be confirmed is phrased as a question
    for counsel."""

    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    area = models.CharField(_("area"), max_length=30, choices=RuleArea.choices)
    kind = models.CharField(_("what it asks for"), max_length=20, choices=RuleKind.choices)
    stage = models.CharField(
        _("roadmap stage"),
        max_length=30,
        choices=RuleStage.choices,
        blank=True,
        help_text=_(
            "Where the rule shows in the roadmap. Empty: a must-have or a clause at vendor "
            "selection, an action or a question for counsel at needs analysis."
        ),
    )
    title_id = models.CharField(_("title (Indonesian)"), max_length=200)
    title_en = models.CharField(_("title (English)"), max_length=200)
    summary_id = models.TextField(_("plain summary (Indonesian)"))
    summary_en = models.TextField(_("plain summary (English)"))
    action_id = models.TextField(_("what to do (Indonesian)"))
    action_en = models.TextField(_("what to do (English)"))
    source = models.CharField(
        _("legal source"), max_length=300, help_text=_("Law or regulation and article.")
    )
    source_url = models.URLField(_("source address"), blank=True)
    conditions = models.JSONField(
        _("applies when"),
        default=dict,
        blank=True,
        help_text=_(
            'All must hold, e.g. {"sector_in": ["bank"], "personal_data": true}. Empty: '
            "always. Keys: sector_in, personal_data, specific_data, data_abroad, "
            "client_abroad, staff_transfer, exit_plan, location_in, pricing_in."
        ),
    )
    reviewed_on = models.DateField(_("last reviewed on"))
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        verbose_name = _("compliance rule")
        verbose_name_plural = _("compliance rules")
        ordering = ["area", "slug"]

    def __str__(self) -> str:
        return self.title_en if (get_language() or "id").startswith("en") else self.title_id

    def clean(self) -> None:
        problems = regulation.condition_errors(self.conditions)
        if problems:
            raise ValidationError({"conditions": problems})
