"""Institutional and cultural relations: sources, places, organisations, agreements, milestones.

Every record that states a fact points at the section of the source document it comes from
and may carry an editor's note (where a correction to the source is recorded). Public
records have a slug, ``get_absolute_url`` and an ``is_published`` switch; ``published()``
is the only way public pages read them.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from portal.images import RENDITION_WIDTHS, CheckedImageField, make_renditions, reencode, rendition_name
from portal.labels import QuickChoiceLabels
from portal.links import fixed_url, slug_url

from .dates import PartiallyDated, chronological_order, date_constraints


class SlugManager(models.Manager):
    """Natural keys by slug, so fixtures refer to ``"china"`` rather than to a number."""

    def get_by_natural_key(self, slug):
        return self.get(slug=slug)


class SlugNaturalKey:
    """Fixtures refer to records by slug: ``natural_key()`` here, ``get_by_natural_key`` in SlugManager."""

    natural_key_fields = ("slug",)

    def natural_key(self):
        return (self.slug,)


class PublishedQuerySet(models.QuerySet):
    def published(self):
        return self.filter(is_published=True)


class PublishedManager(SlugManager.from_queryset(PublishedQuerySet)):
    pass


def publish_permission(model_name, plural):
    """The custom permission that lets Publishers (not Editors) publish and unpublish records."""
    return (f"publish_{model_name}", f"Can publish and unpublish {plural}")


class Published(QuickChoiceLabels, models.Model):
    """A record visitors see only once published; ``updated_at`` also detects concurrent edits."""

    is_published = models.BooleanField(
        _("published"),
        default=False,
        db_index=True,
        help_text=_("Tick to show this record to visitors. Unticked records are drafts only staff can see."),
    )
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)

    class Meta:
        abstract = True


class Illustrated(models.Model):
    """An optional image with required alt text (or an explicit 'decorative' flag)."""

    image = CheckedImageField(
        _("image"),
        upload_to="images/%Y/",
        blank=True,
        width_field="image_width",
        height_field="image_height",
        help_text=_("JPEG, PNG, WebP or GIF, at most 10 MB and 40 megapixels. Metadata such as GPS is removed."),
    )
    image_width = models.PositiveIntegerField(null=True, blank=True, editable=False)
    image_height = models.PositiveIntegerField(null=True, blank=True, editable=False)
    image_alt = models.CharField(
        _("image description (alt text)"),
        max_length=250,
        blank=True,
        help_text=_("What the image shows, for people who cannot see it. Required unless the image is decorative."),
    )
    image_is_decorative = models.BooleanField(
        _("decorative image"),
        default=False,
        help_text=_("Tick only if the image adds nothing to the text; screen readers will skip it."),
    )
    image_credit = models.CharField(_("image credit"), max_length=200, blank=True)

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        """Store a clean re-encoding of a new upload, then make its renditions once."""
        new_upload = bool(self.image) and not self.image._committed
        if new_upload:
            content, _size = reencode(self.image.file)
            self.image.save(content.name, content, save=False)
        super().save(*args, **kwargs)
        if new_upload:
            make_renditions(self.image.storage, self.image.name, self.image_width or 0)

    @property
    def image_srcset(self):
        """``srcset`` of the renditions and the original, for <img>."""
        if not self.image:
            return ""
        candidates = [
            f"{self.image.storage.url(rendition_name(self.image.name, width))} {width}w"
            for width in RENDITION_WIDTHS
            if width < (self.image_width or 0)
        ]
        candidates.append(f"{self.image.url} {self.image_width}w")
        return ", ".join(candidates)

    def clean(self):
        super().clean()
        self.clean_image_fields()

    def clean_image_fields(self):
        if self.image and not self.image_alt.strip() and not self.image_is_decorative:
            raise ValidationError(
                {"image_alt": _("Describe the image for people who cannot see it, or tick 'decorative image'.")}
            )


class Source(SlugNaturalKey, models.Model):
    """A document the portal's facts come from."""

    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    description = models.TextField(_("description"), blank=True)
    url = models.URLField(_("address"), blank=True, help_text=_("Where the document can be read, if public."))
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    objects = SlugManager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["position", "title"]
        verbose_name = _("source document")
        verbose_name_plural = _("source documents")

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return slug_url("portal:source-detail", self.slug)


class SourceSectionManager(models.Manager):
    def get_by_natural_key(self, source_slug, slug):
        return self.get(source__slug=source_slug, slug=slug)


class SourceSection(models.Model):
    """A section of a source document; facts cite the section they come from."""

    natural_key_fields = ("source", "slug")

    source = models.ForeignKey(Source, on_delete=models.PROTECT, related_name="sections", verbose_name=_("source"))
    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=100)
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    lead = models.TextField(
        _("lead"), blank=True, help_text=_("General statements of the section that belong to no single record.")
    )
    note = models.TextField(_("editor's note"), blank=True)

    objects = SourceSectionManager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["source__position", "position"]
        constraints = [models.UniqueConstraint(fields=["source", "slug"], name="sourcesection_unique_slug")]
        verbose_name = _("source section")
        verbose_name_plural = _("source sections")

    def __str__(self):
        return f"{self.source.title} — {self.title}"

    def get_absolute_url(self):
        return f"{self.source.get_absolute_url()}#{self.slug}"

    def natural_key(self):
        return (self.source.slug, self.slug)

    natural_key.dependencies = ["relations.source"]


class Sourced(models.Model):
    """A record stating a fact: where it comes from, and any correction made to the source."""

    source_section = models.ForeignKey(
        SourceSection,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("source"),
        help_text=_("The document section this fact comes from."),
    )
    note = models.TextField(
        _("editor's note"),
        blank=True,
        help_text=_(
            "Shown to visitors wherever the fact appears. Record here any correction or interpretation "
            "that changes what the source says (a date, a name, what a figure refers to)."
        ),
    )
    internal_note = models.TextField(
        _("internal note"),
        blank=True,
        help_text=_(
            "For editors only, never shown on the site: spelling fixes and other changes of wording "
            "that leave the fact as the source states it."
        ),
    )

    class Meta:
        abstract = True


class LocallyNamed(models.Model):
    """A name in the local script, and its language so screen readers pronounce it right."""

    native_name = models.CharField(_("name in the local script"), max_length=100, blank=True)
    native_name_language = models.CharField(
        _("language of the local name"),
        max_length=20,
        blank=True,
        help_text=_("BCP 47 tag, for screen readers: zh-Hans, ko, ja, hi, gu, vi."),
    )

    class Meta:
        abstract = True


class WorldRegion(SlugNaturalKey, models.Model):
    """A part of the world (Asia, East Asia, South Asia …); regions may sit inside a larger one."""

    name = models.CharField(_("name"), max_length=100)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    parent = models.ForeignKey(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="subregions", verbose_name=_("part of")
    )

    objects = SlugManager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        verbose_name = _("world region")
        verbose_name_plural = _("world regions")

    def __str__(self):
        return self.name


class Domain(SlugNaturalKey, models.Model):
    """A field of cooperation: culture, music, social economy, trade, tourism …"""

    name = models.CharField(_("name"), max_length=100, unique=True)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)

    objects = SlugManager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        verbose_name = _("domain")
        verbose_name_plural = _("domains")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        """A domain's page is the agreement list filtered by it."""
        return f"{fixed_url('relations:agreement-list')}?domain={self.slug}"


class CountryQuerySet(PublishedQuerySet):
    def countries(self):
        return self.filter(kind=Country.Kind.COUNTRY)


class CountryManager(SlugManager.from_queryset(CountryQuerySet)):
    pass


class Country(SlugNaturalKey, Sourced, Published, LocallyNamed, Illustrated):
    """An Asian country, or a grouping of countries such as ASEAN."""

    class Kind(models.TextChoices):
        COUNTRY = "country", _("country")
        GROUPING = "grouping", _("grouping of countries")

    name = models.CharField(_("name"), max_length=100)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.COUNTRY)
    official_name = models.CharField(_("official name"), max_length=200, blank=True)
    short_name = models.CharField(_("abbreviation"), max_length=20, blank=True, help_text=_("For example ASEAN."))
    iso_code = models.CharField(
        _("ISO code"), max_length=2, blank=True, help_text=_("Two-letter ISO 3166 code; empty for groupings.")
    )
    world_region = models.ForeignKey(
        WorldRegion, on_delete=models.PROTECT, related_name="countries", verbose_name=_("world region")
    )
    members = models.ManyToManyField(
        "self",
        symmetrical=False,
        blank=True,
        related_name="groupings",
        verbose_name=_("member countries"),
        help_text=_("For a grouping: its member countries that the portal covers."),
    )
    summary = models.TextField(_("summary"), blank=True, help_text=_("Markdown."))

    objects = CountryManager()
    history = HistoricalRecords()

    class Meta:
        permissions = [publish_permission("country", "countries and groupings")]
        ordering = ["kind", "name"]
        verbose_name = _("country or grouping")
        verbose_name_plural = _("countries and groupings")
        constraints = [
            models.CheckConstraint(condition=Q(kind="grouping") | ~Q(iso_code=""), name="country_country_has_iso_code"),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return slug_url("relations:country-detail", self.slug)

    def clean(self):
        super().clean()
        if self.kind == self.Kind.COUNTRY and not self.iso_code:
            raise ValidationError({"iso_code": _("A country needs its two-letter ISO code.")})
        if self.iso_code and not (self.iso_code.isascii() and self.iso_code.isalpha() and self.iso_code.isupper()):
            raise ValidationError({"iso_code": _("Use two capital letters, for example CN.")})


class Organisation(SlugNaturalKey, Sourced, Published):
    """A body on either side of a relation: the Region, a municipality, an association, an academy …"""

    class Kind(models.TextChoices):
        PUBLIC_AUTHORITY = "public-authority", _("public authority")
        HEALTH_AUTHORITY = "health-authority", _("health authority or hospital")
        ASSOCIATION = "association", _("association or federation")
        NON_PROFIT = "non-profit", _("not-for-profit organisation")
        UNIVERSITY = "university", _("university or academy")
        RESEARCH_INSTITUTE = "research-institute", _("research institute")
        TRADE_FAIR = "trade-fair", _("fair or exhibition")
        INTERNATIONAL = "international", _("international organisation")

    class Side(models.TextChoices):
        EMILIA_ROMAGNA = "emilia-romagna", _("Emilia-Romagna")
        ASIA = "asia", _("Asia")
        INTERNATIONAL = "international", _("international")

    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    side = models.CharField(_("side"), max_length=20, choices=Side.choices, db_index=True)
    country = models.ForeignKey(
        Country,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="organisations",
        verbose_name=_("country"),
        help_text=_("For Asian organisations."),
    )
    description = models.TextField(_("description"), blank=True, help_text=_("Markdown."))

    objects = PublishedManager()
    history = HistoricalRecords()

    class Meta:
        permissions = [publish_permission("organisation", "organisations")]
        ordering = ["name"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return slug_url("relations:organisation-detail", self.slug)

    def clean(self):
        super().clean()
        if self.side == self.Side.ASIA and not self.country_id:
            raise ValidationError({"country": _("An Asian organisation needs its country.")})
        if self.side != self.Side.ASIA and self.country_id:
            raise ValidationError({"country": _("Only Asian organisations have a country here.")})


class PartnerQuerySet(PublishedQuerySet):
    def with_country(self):
        return self.select_related("country")


class PartnerManager(SlugManager.from_queryset(PartnerQuerySet)):
    pass


class Partner(SlugNaturalKey, Sourced, Published, LocallyNamed, Illustrated):
    """An Asian city, province, state or ward that Emilia-Romagna bodies work with."""

    class Kind(models.TextChoices):
        CITY = "city", _("city")
        PROVINCE = "province", _("province")
        STATE = "state", _("state")
        WARD = "ward", _("special ward")

    name = models.CharField(_("name"), max_length=100)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, db_index=True)
    country = models.ForeignKey(Country, on_delete=models.PROTECT, related_name="partners", verbose_name=_("country"))
    location = models.CharField(
        _("location"), max_length=200, blank=True, help_text=_("Where it is, in words: 'south-western China'.")
    )
    latitude = models.DecimalField(_("latitude"), max_digits=8, decimal_places=5, null=True, blank=True)
    longitude = models.DecimalField(_("longitude"), max_digits=8, decimal_places=5, null=True, blank=True)
    story = models.TextField(_("story"), blank=True, help_text=_("Markdown."))

    objects = PartnerManager()
    history = HistoricalRecords()

    class Meta:
        permissions = [publish_permission("partner", "partners")]
        ordering = ["name"]
        verbose_name = _("partner")
        verbose_name_plural = _("partners")
        indexes = [
            models.Index(fields=["name", "id"], name="partner_name_idx"),
            models.Index(fields=["country", "name"], name="partner_country_name_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(latitude__isnull=True, longitude__isnull=True)
                | Q(latitude__gte=-90, latitude__lte=90, longitude__gte=-180, longitude__lte=180),
                name="partner_coordinates_in_range",
            ),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return slug_url("relations:partner-detail", self.slug)

    def clean(self):
        super().clean()
        if (self.latitude is None) != (self.longitude is None):
            raise ValidationError({"longitude": _("Give both latitude and longitude, or neither.")})
        if self.country_id and self.country.kind != Country.Kind.COUNTRY:
            raise ValidationError({"country": _("A partner belongs to a country, not to a grouping.")})


SIGNATORY_PARTIES = ("organisation", "partner", "country")
# What a card shows of each party: its name, and a link while it is published.
SIGNATORY_PARTY_FIELDS = [
    f"{party}__{field}" for party in SIGNATORY_PARTIES for field in ("name", "slug", "is_published")
]


class AgreementQuerySet(PublishedQuerySet):
    def chronological(self, descending=False):
        """By date as known (see ``relations.dates.chronological_order``)."""
        return self.order_by(*chronological_order(descending))

    def with_related(self):
        """Everything an agreement card shows (domains, signatories, source), in three queries."""
        return self.select_related("source_section__source").prefetch_related(
            "domains",
            models.Prefetch(
                "signatories",
                queryset=Signatory.objects.filter(
                    Q(organisation__is_published=True) | Q(partner__is_published=True) | Q(country__is_published=True)
                )
                .select_related(*SIGNATORY_PARTIES)
                .only("agreement", "side", "represented_by", *SIGNATORY_PARTIES, *SIGNATORY_PARTY_FIELDS)
                .order_by("-side", "pk"),  # Meta.ordering's "agreement" would join and sort agreements
            ),
        )


class AgreementManager(SlugManager.from_queryset(AgreementQuerySet)):
    pass


class Agreement(SlugNaturalKey, Sourced, Published, PartiallyDated):
    """A cooperation agreement, memorandum, declaration of intent or partnership agreement."""

    class Kind(models.TextChoices):
        COOPERATION_AGREEMENT = "cooperation-agreement", _("cooperation agreement")
        AGREEMENT_FOR_COOPERATION_AND_EXCHANGES = (
            "agreement-for-cooperation-and-exchanges",
            _("agreement for cooperation and exchanges"),
        )
        MEMORANDUM_OF_UNDERSTANDING = "memorandum-of-understanding", _("memorandum of understanding")
        DECLARATION_OF_INTENT = "declaration-of-intent", _("declaration of intent")
        ECONOMIC_PARTNERSHIP_AGREEMENT = "economic-partnership-agreement", _("economic partnership agreement")
        AGREEMENT = "agreement", _("agreement")

    class Status(models.TextChoices):
        SIGNED = "signed", _("signed")
        IN_FORCE = "in-force", _("in force")
        ENDED = "ended", _("ended")

    title = models.CharField(_("title"), max_length=200, help_text=_("Keep the source's wording."))
    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    kind = models.CharField(_("kind"), max_length=50, choices=Kind.choices, db_index=True)
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=Status.choices,
        default=Status.SIGNED,
        help_text=_("The agreement's real-world status; publishing is separate."),
    )
    partners = models.ManyToManyField(
        Partner, blank=True, related_name="agreements", verbose_name=_("partners"), help_text=_("Places it concerns.")
    )
    countries = models.ManyToManyField(
        Country,
        blank=True,
        related_name="agreements",
        verbose_name=_("countries"),
        help_text=_(
            "Countries it concerns. The partners' countries count already; add a country only "
            "for agreements with a country as a whole."
        ),
    )
    domains = models.ManyToManyField(Domain, blank=True, related_name="agreements", verbose_name=_("domains"))
    summary = models.TextField(_("summary"), blank=True, help_text=_("Markdown."))

    objects = AgreementManager()
    history = HistoricalRecords(m2m_fields=[partners, countries, domains], excluded_fields=["date_sort"])

    class Meta:
        permissions = [publish_permission("agreement", "agreements")]
        ordering = ["-date_sort", "-id"]  # newest first
        verbose_name = _("agreement")
        verbose_name_plural = _("agreements")
        constraints = date_constraints("agreement")
        indexes = [
            models.Index(fields=["date_sort", "id"], name="agreement_date_sort_idx"),
            # The public list filtered by kind, newest first, and its counts: read from the index alone.
            models.Index(
                fields=["kind", "date_sort", "id"],
                condition=Q(is_published=True),
                name="agreement_kind_date_sort_idx",
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return slug_url("relations:agreement-detail", self.slug)


class SignatoryManager(models.Manager):
    def get_by_natural_key(self, agreement_slug, organisation_slug, partner_slug, country_slug):
        return self.get(
            agreement__slug=agreement_slug,
            organisation__slug=organisation_slug or None,
            partner__slug=partner_slug or None,
            country__slug=country_slug or None,
        )


class Signatory(QuickChoiceLabels, models.Model):
    """One party that signed an agreement: an organisation, a partner's government, or a country."""

    natural_key_fields = ("agreement", "organisation", "partner", "country")

    class Side(models.TextChoices):
        EUROPEAN = "european", _("European side")
        ASIAN = "asian", _("Asian side")

    agreement = models.ForeignKey(
        Agreement, on_delete=models.CASCADE, related_name="signatories", verbose_name=_("agreement")
    )
    side = models.CharField(_("side"), max_length=20, choices=Side.choices)
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="signatures",
        verbose_name=_("organisation"),
    )
    partner = models.ForeignKey(
        Partner,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="signatures",
        verbose_name=_("partner (its government)"),
    )
    country = models.ForeignKey(
        Country,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="signatures",
        verbose_name=_("country (its government)"),
    )
    represented_by = models.CharField(
        _("represented by"), max_length=200, blank=True, help_text=_("A person named by the source, with their role.")
    )

    objects = SignatoryManager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["agreement", "-side", "pk"]  # the Emilia-Romagna / European side first
        verbose_name = _("signatory")
        verbose_name_plural = _("signatories")
        constraints = [
            models.CheckConstraint(
                condition=Q(organisation__isnull=False, partner__isnull=True, country__isnull=True)
                | Q(organisation__isnull=True, partner__isnull=False, country__isnull=True)
                | Q(organisation__isnull=True, partner__isnull=True, country__isnull=False),
                name="signatory_exactly_one_party",
            ),
            models.UniqueConstraint(
                fields=["agreement", "organisation", "partner", "country"], name="signatory_unique_party"
            ),
        ]

    def __str__(self):
        return str(self.party)

    def natural_key(self):
        return (
            self.agreement.slug,
            self.organisation.slug if self.organisation_id else "",
            self.partner.slug if self.partner_id else "",
            self.country.slug if self.country_id else "",
        )

    natural_key.dependencies = ["relations.agreement", "relations.organisation", "relations.partner"]

    @property
    def party(self):
        return self.organisation or self.partner or self.country

    def clean(self):
        super().clean()
        parties = [self.organisation_id, self.partner_id, self.country_id]
        if sum(party is not None for party in parties) != 1:
            raise ValidationError(_("Choose exactly one party: an organisation, a partner or a country."))


class MilestoneQuerySet(PublishedQuerySet):
    def chronological(self, descending=False):
        """By date as known (see ``relations.dates.chronological_order``)."""
        return self.order_by(*chronological_order(descending))

    def with_related(self):
        return self.prefetch_related(
            models.Prefetch("partners", queryset=Partner.objects.published()),
            models.Prefetch("countries", queryset=Country.objects.published()),
            models.Prefetch("organisations", queryset=Organisation.objects.published()),
        )


class MilestoneManager(SlugManager.from_queryset(MilestoneQuerySet)):
    pass


class Network(SlugNaturalKey, Sourced, Published):
    """A network of cities, such as the UNESCO Creative Cities Network."""

    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    description = models.TextField(_("description"), blank=True, help_text=_("Markdown."))

    objects = PublishedManager()
    history = HistoricalRecords()

    class Meta:
        permissions = [publish_permission("network", "networks")]
        ordering = ["name"]
        verbose_name = _("network")
        verbose_name_plural = _("networks")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return slug_url("relations:network-detail", self.slug)


class Milestone(SlugNaturalKey, Sourced, Published, PartiallyDated, Illustrated):
    """A dated event: a visit, an exhibition, an opening, a donation, an award, a work of architecture."""

    class Kind(models.TextChoices):
        VISIT = "visit", _("visit")
        EXCHANGE = "exchange", _("exchange")
        EXHIBITION = "exhibition", _("exhibition")
        OPENING = "opening", _("opening")
        DONATION = "donation", _("donation")
        AWARD = "award", _("award or recognition")
        ARCHITECTURE = "architecture", _("work of architecture")

    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, db_index=True)
    summary = models.TextField(_("summary"), blank=True, help_text=_("Markdown."))
    partners = models.ManyToManyField(Partner, blank=True, related_name="milestones", verbose_name=_("partners"))
    countries = models.ManyToManyField(Country, blank=True, related_name="milestones", verbose_name=_("countries"))
    organisations = models.ManyToManyField(
        Organisation, blank=True, related_name="milestones", verbose_name=_("organisations")
    )
    networks = models.ManyToManyField(Network, blank=True, related_name="milestones", verbose_name=_("networks"))

    objects = MilestoneManager()
    history = HistoricalRecords(
        m2m_fields=[partners, countries, organisations, networks], excluded_fields=["date_sort"]
    )

    class Meta:
        permissions = [publish_permission("milestone", "milestones")]
        ordering = ["-date_sort", "-id"]  # newest first
        verbose_name = _("milestone")
        verbose_name_plural = _("milestones")
        constraints = date_constraints("milestone")
        indexes = [models.Index(fields=["date_sort", "id"], name="milestone_date_sort_idx")]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return slug_url("relations:milestone-detail", self.slug)


class NetworkMembershipManager(models.Manager):
    def get_by_natural_key(self, network_slug, organisation_slug, partner_slug):
        return self.get(
            network__slug=network_slug,
            organisation__slug=organisation_slug or None,
            partner__slug=partner_slug or None,
        )


class NetworkMembership(Sourced):
    """A member of a network and its field (Bologna: City of Music)."""

    natural_key_fields = ("network", "organisation", "partner")

    network = models.ForeignKey(
        Network, on_delete=models.CASCADE, related_name="memberships", verbose_name=_("network")
    )
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="network_memberships",
        verbose_name=_("organisation"),
        help_text=_("For Emilia-Romagna members, the municipality."),
    )
    partner = models.ForeignKey(
        Partner,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="network_memberships",
        verbose_name=_("partner"),
    )
    field = models.CharField(_("field"), max_length=100, help_text=_("For example 'City of Music'."))

    objects = NetworkMembershipManager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["network", "field", "pk"]
        verbose_name = _("network membership")
        verbose_name_plural = _("network memberships")
        constraints = [
            models.CheckConstraint(
                condition=Q(organisation__isnull=False, partner__isnull=True)
                | Q(organisation__isnull=True, partner__isnull=False),
                name="networkmembership_exactly_one_member",
            ),
            models.UniqueConstraint(fields=["network", "organisation", "partner"], name="networkmembership_unique"),
        ]

    def __str__(self):
        return f"{self.member} — {self.field}"

    def natural_key(self):
        return (
            self.network.slug,
            self.organisation.slug if self.organisation_id else "",
            self.partner.slug if self.partner_id else "",
        )

    natural_key.dependencies = ["relations.network", "relations.organisation", "relations.partner"]

    @property
    def member(self):
        return self.organisation or self.partner

    def clean(self):
        super().clean()
        if (self.organisation_id is None) == (self.partner_id is None):
            raise ValidationError(_("Choose either an organisation or a partner as the member."))
