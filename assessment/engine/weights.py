"""Every weight and threshold of the engine, in one place, each with where it comes from.

The sources give directions, not numbers: which way each factor pushes. Where a number is
ours, the line says "our judgment" and why; the personas in the tests pin the behaviour.
Sources: S1 = seeds/000 (BPO vs KPO, the six elements); S2 = seeds/003 (what BPO is:
categories, risks, stages).
"""

# -- BPO vs KPO (S1: "six elements ... focus, process, specialisation, driving force,
# activities and client contact"). The per-element rules are the table in rules.py.
SERVICES_WEIGHT = 3.0  # S1 "activities"/"focus": what the work is. Our judgment: weighs most.
PROCESS_WEIGHT = 2.0  # S1 table "Proses": predefined (BPO) vs business understanding (KPO)
EXPERTISE_WEIGHT = 2.0  # S1 table "Membutuhkan": basic skills (BPO) vs specialised knowledge
DRIVER_WEIGHT = 1.5  # S1 "tenaga pendorong". Our judgment: a stated motive, below the work
CONTACT_WEIGHT = 1.0  # S1 "kontak klien"; BPO's voice processes. Our judgment: the least
# "Mixed" procedures split the process weight evenly: it settles nothing (our judgment).
MIXED_PROCESS_SPLIT = (0.5, 0.5)  # (BPO share, KPO share)
# Skilled-but-not-specialist staff: S1 says KPO "needs higher skills than BPO"; trained staff
# sit between, nearer BPO, which the source says takes skilled people (our judgment).
SKILLED_EXPERTISE_SPLIT = (0.6, 0.4)  # (BPO share, KPO share)

# Share of requested services that makes a specialisation (LPO, RPO, ITES) the headline
# (our judgment: a majority of the work).
SPECIALISATION_SHARE = 0.5

# -- Location (S2 "Berdasarkan Lokasi Vendor"): onshore eases communication, coordination
# and local compliance; offshore is cheaper but adds time zone, language and culture gaps;
# nearshore balances cost and coordination. Points per push, our judgment on strength.
SENSITIVITY_ONSHORE = {"public": 0.0, "internal": 0.5, "confidential": 1.5, "regulated": 3.0}
# Sensitivity at or above this names its own reason (confidential and regulated data).
SENSITIVITY_REASON_THRESHOLD = 1.5
# Nearshore gets this share of a push towards onshore: a neighbour is close but not home
# (S2: nearshore "balance between cost and ease of coordination").
NEARSHORE_SHARE_OF_SENSITIVITY = 1 / 3
NEARSHORE_SHARE_OF_COST = 0.6
NEARSHORE_SHARE_OF_COMMUNICATION = 0.6
OFFSHORE_FOR_COST = 0.6  # per point of cost priority above the middle
ONSHORE_FOR_COMMUNICATION = 0.5  # per point of communication priority above the middle
ONSHORE_FOR_CONTROL = 0.3  # per point of control priority above the middle
NO_REMOTE_ONSHORE = 2.0  # vendor staff must be reachable on site
DIRECT_CONTACT_ONSHORE = 0.7  # the client's own customers hear the vendor's staff
KPO_EXPERTISE_OFFSHORE = 1.0  # S1: "India and Eastern Europe" are known for KPO
# Legal work and market research on the client's own law and market: the specialists are
# at home (our judgment; S1's talent-pool line is about generic knowledge work).
LOCAL_KNOWLEDGE_ONSHORE = 1.5
# A required language not spoken in the client's country: the staff must be where it is
# spoken. A requirement, not a preference: it decides the location (our judgment).
LANGUAGE_REQUIRES_LOCATION = 4.0
LOCATION_FIT_REQUIRED = 0.9
# Cheaper delivery countries named in a reason, at most (readability).
NAMED_COUNTRIES = 3
# A stated location preference holds unless the other factors favour another location by
# more than this many points; then it still holds, but the reason says to weigh it.
PREFERENCE_OVERRIDE_MARGIN = 1.0
# How sure a location is: the winning margin over all points, plus a floor (our judgment:
# even a narrow win says something). Stated preferences and defaults have fixed values.
LOCATION_AGREEMENT_FLOOR = 0.3
LOCATION_FIT_PREFERENCE_CONTESTED = 0.3
LOCATION_FIT_PREFERENCE_HELD = 0.7
LOCATION_FIT_DEFAULT = 0.5

# -- Work system (S2 "Berdasarkan Sistem Kerja"). How well each reason fits (0-1) feeds the
# confidence; our judgment: stated wishes fit best, inferences less.
WORK_SYSTEM_FIT = {
    "stated_multi": 0.9,
    "stated_multi_too_small": 0.6,
    "multi_for_scale": 0.6,
    "cloud_for_flexibility": 0.7,
    "hybrid_for_mixed_load": 0.6,
    "stated_single": 0.8,
    "default_single": 0.6,
}
FLEXIBILITY_HIGH = 4  # a priority at or above this counts as "high"
HYBRID_MIN_FTE = 50  # S2: hybrid spreads "tasks by cost and complexity": a sizeable load
HYBRID_PRIORITY = 4  # both cost and communication at least this
# Several vendors asked for a team smaller than this: one vendor is advised, and the
# result says why (our judgment: below a handful of staff per vendor the overhead of
# contracts, SLAs and hand-offs outweighs the spread of risk).
MULTI_SOURCING_MIN_FTE = 10
# With no stated preference, a workload this large over several functions is a dependence
# on one provider worth spreading (S2: multi-sourcing "reduces dependence on one vendor";
# the size is our judgment).
MULTI_SOURCING_SCALE_FTE = 500
# Client sizes for which a captive subsidiary is a large investment (our judgment).
SMALL_FOR_CAPTIVE = ("startup", "sme")

# -- Customisation (S2 "Berdasarkan Tingkat Kustomisasi"): fit of each outcome.
CUSTOMIZATION_FIT = {"asked_custom": 1.0, "standard_for_knowledge": 0.4, "standard": 1.0}

# -- Confidence: the model decision weighs most (our judgment: it is the headline).
CONFIDENCE_BLEND = {"model": 0.45, "location": 0.25, "work_system": 0.15, "customization": 0.15}
# Wanting savings from work that is core is a real tension: confidence drops by this.
CORE_COST_TENSION = 0.1
CONFIDENCE_RANGE = (0.05, 0.99)

# -- Vendor ranking. What the catalog does not know scores this, neither for nor against.
NEUTRAL = 0.5
BASE_CRITERION_WEIGHTS = {  # our judgment: services first (S2: choose by expertise)
    "services": 3.0,
    "industry": 0.75,  # S2: "pengalaman dengan industri serupa"
    "location": 1.0,
    "coverage": 0.75,  # S2: "Layanan 24/7"
    "security": 0.5,  # S2: "sertifikasi keamanan yang baik"
    "language": 1.0,
    "work_system": 0.75,
    "customization": 0.5,
    "size": 0.5,
    "price": 0.5,  # S2: "tidak hanya berdasarkan penawaran harga"
}
# Scores are shown to one decimal: steps of a tenth of a point, rounded half up.
SCORE_STEPS = 10
# The buyer's weight scale (questionnaire.md, "Decision workspace": 0 to 10).
WEIGHT_POINTS_MAX = 10
# Each priority point above or below the middle scales the criteria it governs.
PRIORITY_STEP = 0.25
PRIORITY_MIDDLE = 3
PRIORITY_CRITERIA = {
    "cost": ("price",),
    "quality": ("industry", "services"),
    "speed": ("size", "coverage"),
    "control": ("location", "customization"),
    "data_security": ("security",),
    "flexibility": ("work_system", "size"),
    "communication": ("language", "location"),
}
# Confidential or regulated data doubles the weight of security evidence (S2: data
# security is "one of the main concerns"; the factor is our judgment).
SENSITIVE_SECURITY_FACTOR = 2.0
SECURITY_CERTIFICATIONS = frozenset({"iso_27001", "iso_27701", "soc_2", "pci_dss"})
# One security certificate is good evidence, each further one adds some (our judgment).
SECURITY_FIRST_CERT = 0.7
SECURITY_EACH_MORE = 0.15
COVERAGE_RANK = {"business_hours": 0, "extended": 1, "24_7": 2}
# Location fit by distance from the target (same, one step, two steps).
LOCATION_FIT_BY_GAP = (1.0, 0.5, 0.0)
# Coverage fit by how many levels short the vendor is (none, one, two).
COVERAGE_FIT_BY_SHORTFALL = (1.0, 0.4, 0.0)
# Full-time staff a vendor of each size band can reasonably give one client (our judgment:
# a tenth of the band's lower headcount bound, enterprise unbounded).
SIZE_CAPACITY = {"small": 30, "medium": 300, "large": 3000, "enterprise": 100_000}
SIZE_ORDER = ("small", "medium", "large", "enterprise")
SIZE_FIT_ONE_BAND_SHORT = 0.4
# Price against the budget per FTE: within budget 1.0; a range that starts within it;
# above it, at most this much, falling to 0 at twice the budget.
PRICE_FIT_PARTLY_WITHIN = 0.6
PRICE_FIT_ABOVE_MAX = 0.3

# -- Robustness (robust.py): SMAA-style plausible worlds (Lahdelma & Salminen's stochastic
# multicriteria acceptability analysis). Weights vary within +/-25% of their value, unknown
# criteria anywhere from 0 to 1; a fixed seed makes every result reproducible.
ROBUSTNESS_SAMPLES = 2000
ROBUSTNESS_WEIGHT_SPREAD = 0.25
ROBUSTNESS_SEED = 20261123
# Differences smaller than this count as none (floating-point noise).
ROBUSTNESS_EPSILON = 1e-12

# -- Fit confidence: how well today's catalog can serve the recommendation.
# A real choice needs at least this many eligible vendors (our judgment: the usual
# minimum of bidders for a competitive tender).
FIT_FULL_DEPTH = 3
# Several vendors need at least two eligible ones.
MULTI_MIN_VENDORS = 2
# The shortlist's fit: half from the share of requested services it offers, half from the
# share of scoring facts the catalog knows (our judgment: both matter equally).
FIT_BLEND = {"services": 0.5, "known": 0.5}

# -- Sanity notices (never errors: the buyer may know better).
# Outsourced full-time staff beyond which a request looks out of scale for the client's size
# (our judgment: an outsourced team many times the client's own headcount).
PLAUSIBLE_FTE_BY_SIZE = {"startup": 500, "sme": 2_000, "large": 50_000, "multinational": 100_000}
# A start sooner than this leaves no time for the transition that S2 calls "very crucial".
MIN_TRANSITION_WEEKS = 2
# A monthly budget per full-time person below this cannot pay anyone full time in Indonesia
# (our judgment, far below any regional minimum wage; the wage-floor table comes later).
IMPLAUSIBLE_BUDGET_PER_FTE_IDR = 1_000_000

# A vendor offering less than this share of the requested services is a weak match: shown,
# but not invited to a proposal without first asking (our judgment).
WEAK_SERVICES_SHARE = 0.5

# How many ranked and excluded vendors a result keeps (the counts keep the totals).
MAX_RANKED = 50
MAX_EXCLUDED = 50
# The vendors the roadmap and due diligence speak of.
SHORTLIST = 5

# -- Risks (S2 "Kekurangan atau Risiko BPO"): points, 0 low, 1 medium, 2 or more high.
HIGH_PRIORITY = 4  # a priority at or above this counts as "matters a lot"
# People whose work changes hands: below the first number little to adjust, from the
# second on a large change programme (our judgment).
ADJUSTMENT_BANDS = (50, 500)
HIDDEN_COST_FTE = 100  # a large transition: more room for unplanned costs (our judgment)
# A transition of this many staff, or of sensitive data, is worth a parallel run (S2: the
# transition stage is "very crucial"; the size is our judgment).
PARALLEL_RUN_FTE = 20
# Vendors named in one roadmap line.
INVITED = 3
# A contract shorter than this leaves little time to earn back the transition's costs before
# renewal or exit (our judgment: a transition takes months, S2 calls it "very crucial").
SHORT_CONTRACT_MONTHS = 12
SHORT_NOTICE_WEEKS = 8  # a start sooner than this leaves little time for change management
