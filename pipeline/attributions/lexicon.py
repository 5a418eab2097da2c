"""Word lists for attributions, in the normalised form of :func:`pipeline.arabic.normalise`
(alef forms -> ا, ى -> ي, ة -> ه, no diacritics or tatweel, Western digits),
further folded by :func:`key` (ؤ ئ -> ء, so مسؤول / مسئول are one word).

The word lists themselves are data: ``pipeline/lang/ar/attr_*.txt`` (one entry a line,
``#`` comments, read through :mod:`pipeline.lang.ar`, which applies the one key convention
and hashes every file into the manifest and the cache key).  What stays here is paradigm
generation (the verb forms) and the structures built from the lists.  The lists are written
by hand from Arabic grammar and the news; none is copied from a corpus.
"""
from __future__ import annotations

from ..lang import ar

_HAMZA = str.maketrans({"ؤ": "ء", "ئ": "ء"})


def _words(name: str) -> set[str]:
    """A word list of ``pipeline/lang/ar`` in key form (a fresh set: some lists are extended here)."""
    return set(ar.words(name))


def key(norm: str) -> str:
    """Lexicon key of a normalised word (hamza seats folded)."""
    return norm.translate(_HAMZA)


# --------------------------------------------------------------------------
# Reporting verbs.  Each entry: perfect 3rd-person forms, imperfect 3rd-person
# forms and circumstantial participles (مضيفا "adding"), with the preposition
# that introduces a nominal (non-clausal) complement, if the verb has one
# (كشف عن X, أشار إلى X): such a complement means "no attribution".
# Forms are generated from stems; irregular (hollow/defective) verbs are listed.
# --------------------------------------------------------------------------

def _perfect(stem: str) -> dict[str, tuple[str, str]]:
    """stem -> {form: (gender, number)} for the 3rd-person perfect."""
    return {
        stem: ("m", "sg"), stem + "ت": ("f", "sg"), stem + "ا": ("m", "du"), stem + "تا": ("f", "du"),
        stem + "وا": ("m", "pl"), stem + "ن": ("f", "pl"),
    }


def _imperfect(stem: str) -> dict[str, tuple[str, str]]:
    """imperfect stem without prefix (e.g. وكد of يؤكد is given as 'ءكد') -> forms."""
    return {
        "ي" + stem: ("m", "sg"), "ت" + stem: ("f", "sg"), "ي" + stem + "ان": ("m", "du"), "ت" + stem + "ان": ("f", "du"),
        "ي" + stem + "ون": ("m", "pl"), "ي" + stem + "ن": ("f", "pl"),
    }


def _participle(stem: str) -> dict[str, tuple[str, str]]:
    """participle stem (مضيف) -> accusative forms (مضيفا, مضيفه, مضيفين, مضيفات)."""
    return {
        stem + "ا": ("m", "sg"), stem + "ه": ("f", "sg"), stem + "ين": ("m", "pl"),
        stem + "ات": ("f", "pl"), stem + "ان": ("m", "du"), stem + "تين": ("f", "du"),
    }


# (perfect stem, imperfect stem, participle stem, nominal-complement prepositions)
_REGULAR = [
    ("اكد", "ءكد", "مءكد", ("علي",)),
    ("اوضح", "وضح", "موضح", ()),
    ("ذكر", "ذكر", "ذاكر", ()),
    ("كشف", "كشف", "كاشف", ("عن",)),
    ("افاد", "فيد", "مفيد", ("عن",)),  # أفاد المرصد عن مقتل سبعة: a fact after عن (attr_nominal_lemmas)
    ("صرح", "صرح", "مصرح", ()),
    ("لفت", "لفت", "لافت", ("الي", "الا", "لي")),
    ("حذر", "حذر", "محذر", ("من",)),
    ("اعلن", "علن", "معلن", ("عن",)),
    ("بين", "بين", "مبين", ()),
    ("شدد", "شدد", "مشدد", ("علي",)),
    ("تابع", "تابع", "متابع", ()),
    ("اردف", "ردف", "مردف", ()),
    ("استطرد", "ستطرد", "مستطرد", ()),
    ("اعتبر", "عتبر", "معتبر", ()),
    ("زعم", "زعم", "زاعم", ()),
    ("نقل", "نقل", "ناقل", ()),
    ("اورد", "ورد", "مورد", ()),
    ("نوه", "نوه", "منوه", ("الي", "ب")),
    ("اعترف", "عترف", "معترف", ("ب",)),
    ("رجح", "رجح", "مرجح", ()),
    ("توقع", "توقع", "متوقع", ()),
    ("اعتقد", "عتقد", "معتقد", ()),  # an opinion verb of the guideline (§ opinion and perception verbs)
    ("افصح", "فصح", "مفصح", ("عن",)),
    ("اشار", "شير", "مشير", ("الي", "الا")),
    ("لاحظ", "لاحظ", "ملاحظ", ()),
    ("اضاف", "ضيف", "مضيف", ()),
    ("نبه", "نبه", "منبه", ("الي",)),
    ("اقر", "قر", "مقر", ("ب",)),
    ("نشر", "نشر", "ناشر", ()),
    ("وجد", "جد", "واجد", ()),  # وجد الباحثون أن …: a finding (only with its أن clause; وجدت الشرطة جثة is none)
]
#: verbs that may follow their content ("…»، قال الوزير", "كما أفاد ناشطون"); verbs that take a
#: nominal object (أعلن الحداد، كشف عن) are left out
POSTPOSABLE = _words("attr_postposable")

# irregular (hollow قال, defective نفى رأى ادعى) and extra forms: (form, lemma, tense, gender, number)
_IRREGULAR = [
    ("قال", "قال", "perf", "m", "sg"), ("قالت", "قال", "perf", "f", "sg"), ("قالا", "قال", "perf", "m", "du"),
    ("قالتا", "قال", "perf", "f", "du"), ("قالوا", "قال", "perf", "m", "pl"), ("قلن", "قال", "perf", "f", "pl"),
    ("يقول", "قال", "impf", "m", "sg"), ("تقول", "قال", "impf", "f", "sg"), ("يقولان", "قال", "impf", "m", "du"),
    ("تقولان", "قال", "impf", "f", "du"), ("يقولون", "قال", "impf", "m", "pl"), ("يقلن", "قال", "impf", "f", "pl"),
    ("قاءلا", "قال", "part", "m", "sg"), ("قاءله", "قال", "part", "f", "sg"), ("قاءلين", "قال", "part", "m", "pl"),
    ("نفي", "نفي", "perf", "m", "sg"), ("نفت", "نفي", "perf", "f", "sg"), ("نفيا", "نفي", "perf", "m", "du"),
    ("نفتا", "نفي", "perf", "f", "du"), ("نفوا", "نفي", "perf", "m", "pl"), ("نفين", "نفي", "perf", "f", "pl"),
    ("ينفي", "نفي", "impf", "m", "sg"), ("تنفي", "نفي", "impf", "f", "sg"), ("ينفون", "نفي", "impf", "m", "pl"),
    ("نافيا", "نفي", "part", "m", "sg"), ("نافيه", "نفي", "part", "f", "sg"),
    ("راي", "راي", "perf", "m", "sg"), ("رات", "راي", "perf", "f", "sg"), ("رايا", "راي", "perf", "m", "du"),
    ("راوا", "راي", "perf", "m", "pl"), ("يري", "راي", "impf", "m", "sg"), ("تري", "راي", "impf", "f", "sg"),
    ("يرون", "راي", "impf", "m", "pl"),
    ("ادعي", "ادعي", "perf", "m", "sg"), ("ادعت", "ادعي", "perf", "f", "sg"), ("ادعوا", "ادعي", "perf", "m", "pl"),
    ("يدعي", "ادعي", "impf", "m", "sg"), ("تدعي", "ادعي", "impf", "f", "sg"), ("يدعون", "ادعي", "impf", "m", "pl"),
    ("مدعيا", "ادعي", "part", "m", "sg"),
    ("بقوله", "قال", "part", "m", "sg"), ("بقولها", "قال", "part", "f", "sg"), ("بقولهم", "قال", "part", "m", "pl"),
    ("بينت", "بين", "perf", "f", "sg"),
]

#: normalised (and key()-folded) verb form -> (lemma, tense, gender, number, nominal-complement preps)
VERBS: dict[str, tuple[str, str, str, str, tuple[str, ...]]] = {}
for _f, _lemma, _tense, _g, _n in _IRREGULAR:
    VERBS[key(_f)] = (_lemma, _tense, _g, _n, ())


def _add(forms: dict, lemma: str, tense: str, preps: tuple[str, ...]) -> None:
    for f, (g, n) in forms.items():
        VERBS.setdefault(key(f), (lemma, tense, g, n, preps))


for _perf, _impf, _part, _preps in _REGULAR:
    _add(_perfect(_perf), _perf, "perf", _preps)
    _add(_imperfect(_impf), _perf, "impf", _preps)
    _add(_participle(_part), _perf, "part", _preps)
# verbs whose other forms are mostly other words: أبلغ in the perfect only (يبلغ "amounts to",
# مبلغاً "an amount"); تحدث عن without its participle (متحدث is a spokesman)
_add(_perfect("ابلغ"), "ابلغ", "perf", ())
_add(_perfect("تحدث"), "تحدث", "perf", ("عن",))
_add(_imperfect("تحدث"), "تحدث", "impf", ("عن",))
#: verbs whose object is an addressee (أبلغ الصحيفة أن): a source before the verb is the subject
ADDRESSEE_VERBS = _words("attr_addressee_verbs")
# words that look like a verb form but are (far more often) something else
for _w in _words("attr_not_verb_forms"):
    VERBS.pop(_w, None)
# imperfect forms that are mostly impersonal passives when unvocalised and
# directly followed by أن ("يذكر أن" = "it is worth noting that")
IMPERSONAL = _words("attr_impersonal")

#: relative / demonstrative words that make a following cue verb not a new attribution
#: ("وهذا ما يؤكد أن", "بما قال إنها")
RELATIVE_BEFORE = _words("attr_relative_before")

# --------------------------------------------------------------------------
# Complementizers.  (form, includes_subject): "أنه" carries the subject of the
# claim, so content starts at it; bare "أن" is skipped.
# --------------------------------------------------------------------------
PRONOUNS = ("ه", "ها", "هم", "هما", "هن", "ني", "نا", "ك", "كم")
COMPLEMENTIZERS: dict[str, bool] = {"ان": False, "بان": False, "وان": False}
for _p in PRONOUNS:
    COMPLEMENTIZERS["ان" + _p] = True
    COMPLEMENTIZERS["بان" + _p] = True
    COMPLEMENTIZERS["وان" + _p] = True
COMPLEMENTIZERS["انن"] = True  # إنني spelt إنّي
#: prepositions that may sit between the verb and أن: أشار إلى أن، شدد على أن، حذر من أن
PREP_BEFORE_AN = _words("attr_prep_before_an")
#: words after which أن is not the cue's complementizer (بعد أن، قبل أن، يجب أن ...)
NOT_COMPLEMENTIZER_AFTER = _words("attr_not_complementizer_after")

# --------------------------------------------------------------------------
# Prepositional cues (وفقًا لـ، بحسب، نقلًا عن ...): sequences of normalised
# words; a trailing "ل" may also be a proclitic on the next word (لمصدرين).
# --------------------------------------------------------------------------
PREP_CUES: list[tuple[str, ...]] = [
    ("وفقا",), ("طبقا",), ("بحسب",), ("حسب",), ("حسبما",), ("وفق",), ("نقلا", "عن"), ("على", "لسان"), ("علي", "لسان"),
    ("استنادا", "الي"), ("بناء", "علي"), ("نسبه", "الي"), ("كما", "جاء", "في"), ("كما", "ورد", "في"), ("وكما", "جاء", "في"), ("وكما", "ورد", "في"),
    ("وبحسب",), ("وحسب",), ("ووفقا",), ("ووفق",), ("وطبقا",), ("ونقلا", "عن"), ("واستنادا", "الي"), ("وحسبما",),
    ("فبحسب",), ("فحسب_",), ("فوفقا",),
]
#: cue words after which the source is introduced by ل (possibly attached): وفقًا لـ، طبقًا لـ
PREP_TAKES_LAM = _words("attr_prep_takes_lam")
#: "جاء في"/"ورد في": verb cues whose source follows في
JAA_VERBS = _words("attr_jaa_verbs")

# --------------------------------------------------------------------------
# Sources
# --------------------------------------------------------------------------
#: anonymous singular heads (count 1) and their broken/sound plurals (count null).
ANON_SG = _words("attr_anon_sg")
ANON_PL = _words("attr_anon_pl")
#: construct-state sound plurals (موظفي الشركة، منتجو الجهاز، مسؤولي الوزارة): from the -ون/-ين forms
ANON_PL |= {w[:-2] + suffix for w in list(ANON_PL) if w.endswith(("ون", "ين")) and len(w) >= 6 for suffix in ("ي", "و")} - ANON_SG - {"محامي"}
#: quantity nouns that make an unspecified group only before من: "مجموعة من الخبراء" (but "مجموعة العمل" is a name)
VAGUE_WITH_MIN = _words("attr_vague_with_min")
#: duals of anonymous heads: unambiguous ones (مصدرين cannot be a plural: that is مصادر)
ANON_DU = _words("attr_anon_du")
#: sound plurals in -ين that are duals when written with fatha before the ya (مسؤولَين)
SOUND_PL_YN = {w for w in ANON_PL if w.endswith("ين")}
#: "other" adjectives: not a descriptor
OTHER_ADJ = _words("attr_other_adj")
#: heads of documents (count 1 when singular) and their plurals
DOC_SG = _words("attr_doc_sg")
DOC_PL = _words("attr_doc_pl")
#: heads of media outlets
MEDIA = _words("attr_media")
#: heads of organisations (named when definite: the ministry, the army, the observatory)
ORG = _words("attr_org")
#: collective heads that are named only by a proper name after them: فريق الدفاع، وفد من الخبراء
#: (the word after them is then a generic activity or group, not a name)
COLLECTIVE = _words("attr_collective")
#: generic words after a collective head: the team of defence / rescue / investigators
COLLECTIVE_GENERIC = _words("attr_collective_generic")
#: institution heads that open a second conjunct of an organisation source (… وبرنامج الأغذية العالمي)
CONJ_ORG = ORG | {"برنامج", "مصرف", "جهاز"}
#: conjunct heads that add a second source to a coordinated source phrase (X ونظيره، X وآخر)
CONJ_EXTRA = _words("attr_conj_extra")
#: adjectives that may follow a document head without naming it (تقرير جديد، دراسة حديثة)
DOC_ADJ = _words("attr_doc_adj")
#: a preposition carrying a pronoun right after an indefinite word marks that word as a verb
#: (دراسة أشرف عليها باحثون): a descriptive clause, not a name
PREP_PRONOUN = _words("attr_prep_pronoun")
#: titles and roles: a person is named when a name follows (وزير الصحة خالد الفالح)
TITLES = _words("attr_titles")
#: generic common nouns that may follow a title inside a role description (they are not names)
COMMON = _words("attr_common")
#: function words that end a noun phrase or cannot be names
FUNCTION = _words("attr_function")
#: words that start a setting phrase after the source (في مؤتمر صحافي، خلال لقاء، أمس): the source ends before them
SETTING_AFTER_FI = _words("attr_setting_after_fi")
TIME_WORDS = _words("attr_time_words")
#: addressee phrases: قال للصحافيين / لـ«الشرق الأوسط» / لوكالة ...
ADDRESSEE = _words("attr_addressee")

# --------------------------------------------------------------------------
# Number words: pipeline/numbers.py (the one reader; its tables are pipeline/lang/ar/num_*.txt)
# --------------------------------------------------------------------------
#: unspecified quantities: count stays null
VAGUE = _words("attr_vague")

PROCLITIC_CONJ = ("و", "ف")
#: words after which a reporting verb form is a verbal noun: "طلب عدم ذكر اسمه"
NOUN_CONTEXT = _words("attr_noun_context")
