"""French clinical text: the NIR and its key, de-identification, negation (notebook M2.6).

Three small, transparent rule-based tools, written to be read by learners:

- :func:`nir_key` and :func:`nir_is_valid`: the French social security number
  (NIR, *numéro d'inscription au répertoire*) and its two-digit control key;
- :func:`find_identifiers` and :func:`deidentify`: spot and replace names,
  dates, phone numbers, e-mail addresses and NIRs by placeholders
  (``[NOM]``, ``[DATE]``, ``[TEL]``, ``[EMAIL]``, ``[NIR]``);
- :func:`find_mentions` and :func:`negated_terms`: a NegEx-style detection of
  negated mentions in French (« pas de fièvre » is not fever).

They illustrate the methods; they are **not** validated tools. Real
de-identification of hospital documents combines rules with trained models and
is evaluated on annotated corpora (Tannier et al., *Methods Inf Med* 2024).

The NIR
-------
13 characters then a 2-digit key (Service-public.fr, fiche F33078):

====================  =====================================================
positions (1-based)   content
====================  =====================================================
1                     sex: 1 man, 2 woman (3, 4, 7, 8 are accepted: numbers
                      given while a registration is pending or temporary)
2–3                   last two digits of the year of birth
4–5                   month of birth: 01–12; INSEE also uses « pseudo-months »
                      when the civil-status record gives no month: 20–42 and
                      50–99 are accepted (13–19, 43–49 and 00 are rejected)
6–7                   department of birth (2 digits, or 2A / 2B for Corsica;
                      99 for people born abroad)
8–10                  commune of birth (INSEE code) or country code
11–13                 order number of the birth record in that month
14–15                 key = 97 − (the 13-digit number mod 97), in 01–97
====================  =====================================================

For Corsica, « 2A » is replaced by 19 and « 2B » by 18 before the key is
computed (the algorithm of python-stdnum's ``stdnum.fr.nir``, whose reference
examples the tests reuse). The month ranges follow the format check of the
French public-service platform « les emplois de l'inclusion »
(``gip-inclusion/les-emplois``), itself based on the INSEE rules summarised on
Wikipédia (« Numéro de sécurité sociale en France »). A valid key proves that
a number is well formed, not that it was ever attributed to anyone.

Negation
--------
NegEx (Chapman et al., *J Biomed Inform* 2001) marks a finding as negated when
it follows a negation trigger (« pas de », « sans »…) within a few words, or
precedes a post-negation trigger (« absente »), inside the same clause;
« pseudo-triggers » that look like negations (« pas d'amélioration ») are
skipped. Deléger & Grouin (IHI 2012) adapted NegEx to French clinical notes.
The short French lists below are written for the course.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

import pandas as pd

from ._errors import IASanteError

__all__ = [
    "PLACEHOLDERS",
    "PRE_TRIGGERS",
    "POST_TRIGGERS",
    "PSEUDO_TRIGGERS",
    "SCOPE_ENDS",
    "nir_key",
    "nir_is_valid",
    "find_identifiers",
    "deidentify",
    "find_mentions",
    "negated_terms",
]

# ------------------------------------------------------------------ the NIR
_SEPARATORS = re.compile(r"[ .\u00a0\u202f]")
_NIR_BODY = re.compile(r"\d{5}(?:\d{2}|2[AB])\d{6}")
_NIR_FORMAT = re.compile(
    r"(?P<sex>[1-478])(?P<year>\d{2})(?P<month>0[1-9]|1[0-2]|[2-3]\d|4[0-2]|[5-9]\d)"
    r"(?P<department>\d{2}|2[AB])(?P<commune>\d{3})(?P<order>\d{3})(?P<key>\d{2})"
)


def _compact(number: str) -> str:
    return _SEPARATORS.sub("", number).upper()


def nir_key(body: str) -> int:
    """Control key of a NIR from its first 13 characters.

    Parameters
    ----------
    body : str
        The 13 characters of the number (digits, with « 2A » or « 2B » as the
        department of birth in Corsica); spaces and dots are ignored.

    Returns
    -------
    int
        ``97 - (N mod 97)``, where ``N`` is the 13-digit number, with « 2A »
        read as 19 and « 2B » as 18. Always between 1 and 97.

    Examples
    --------
    >>> nir_key("2 55 08 14 168 025")
    38
    >>> nir_key("2 53 07 2B 073 004")
    70
    """
    if not isinstance(body, str):
        raise IASanteError(f"le NIR doit être une chaîne de caractères (reçu : {type(body).__name__}).")
    digits = _compact(body)
    if not _NIR_BODY.fullmatch(digits):
        raise IASanteError(
            f"« {body} » n'est pas le début d'un NIR : 13 caractères attendus, des chiffres "
            "(avec 2A ou 2B en 6e et 7e positions pour la Corse)."
        )
    department = digits[5:7]
    if department in {"2A", "2B"}:
        digits = digits[:5] + ("19" if department == "2A" else "18") + digits[7:]
    return 97 - int(digits) % 97


def nir_is_valid(nir: object) -> bool:
    """Is ``nir`` a well-formed French NIR (format and control key)? Never raises.

    Spaces and dots between groups are accepted; lower-case « 2a »/« 2b » too.
    Anything else (``None``, a number, the wrong length, letters, a wrong key,
    an impossible sex digit or month) gives ``False``. See the module
    docstring for the positions and the accepted values.
    """
    if not isinstance(nir, str):
        return False
    compact = _compact(nir)
    match = _NIR_FORMAT.fullmatch(compact)
    if match is None:
        return False
    return int(match["key"]) == nir_key(compact[:13])


# -------------------------------------------------------- de-identification
#: The placeholder written in place of each kind of identifier.
PLACEHOLDERS: dict[str, str] = {
    "NOM": "[NOM]",
    "DATE": "[DATE]",
    "TEL": "[TEL]",
    "EMAIL": "[EMAIL]",
    "NIR": "[NIR]",
}
_PRIORITY = {"EMAIL": 0, "NIR": 1, "TEL": 2, "DATE": 3, "NOM": 4}

_MONTHS = (r"janvier|f[ée]vrier|mars|avril|mai|juin|juillet|ao[uû]t|septembre|octobre|novembre|"
           r"d[ée]cembre")
_DAY = r"(?:1er|0?[1-9]|[12]\d|3[01])"
_UPPER = "A-ZÀ-ÖØ-Þ"
_NAME_TOKEN = rf"(?:[{_UPPER}]\.|[{_UPPER}][a-zà-öø-ÿ{_UPPER}'’-]+)"
_NAME = rf"{_NAME_TOKEN}(?:[ -]{_NAME_TOKEN}){{0,2}}"
_TITLES = r"M\.|MM\.|Mr\.?|Mme\.?|Mmes|Mlle|Madame|Monsieur|Dr\.?|Docteur|Pr\.?|Professeur"

_PATTERNS: tuple[tuple[str, re.Pattern], ...] = (
    ("EMAIL", re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+")),
    ("NIR", re.compile(r"(?<![\w])\d[ .]?\d{2}[ .]?\d{2}[ .]?(?:\d{2}|2[AaBb])[ .]?\d{3}[ .]?\d{3}"
                       r"[ .]?\d{2}(?![\w])")),
    ("TEL", re.compile(r"(?<![\w+])(?:(?:\+|00)33[ .-]?(?:\(0\)[ .-]?)?[1-9]|0[1-9])"
                       r"(?:[ .-]?\d{2}){4}(?![\w])")),
    ("DATE", re.compile(r"(?<![\w/.-])(?:0?[1-9]|[12]\d|3[01])([/.-])(?:0?[1-9]|1[0-2])\1(?:\d{4}|\d{2})"
                        r"(?![\w/])")),
    ("DATE", re.compile(r"(?<![\w-])(?:19|20)\d{2}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])(?![\w-])")),
    ("DATE", re.compile(rf"(?<!\w)(?:{_DAY}\s+(?:{_MONTHS})(?:\s+(?:19|20)\d{{2}})?|(?:{_MONTHS})\s+(?:19|20)\d{{2}})"
                        r"(?!\w)", re.IGNORECASE)),
    # A title followed by capitalised words: only the words are replaced (« Mme [NOM] »).
    ("NOM", re.compile(rf"(?<!\w)(?:{_TITLES})\s+(?P<name>{_NAME})")),
    # « Patient : DUPONT Jean », « Nom : … », with an optional title.
    ("NOM", re.compile(rf"(?<!\w)(?:[Pp]atiente?|[Nn]om(?: de naissance| d'usage)?|[Pp]rénom)\s*:\s*"
                       rf"(?:(?:{_TITLES})\s+)?(?P<name>{_NAME})")),
)


def _fold(text: str) -> str:
    """Lower-case, accent-free copy of ``text`` with the same length (offsets are kept)."""
    out = []
    for char in text:
        base = unicodedata.normalize("NFKD", char)[:1] or char
        low = base.lower()
        out.append(low if len(low) == 1 else base)
    return "".join(out).replace("’", "'")


def _check_text(text: object) -> str:
    if not isinstance(text, str):
        raise IASanteError(f"le texte doit être une chaîne de caractères (reçu : {type(text).__name__}).")
    return text


def _check_names(names: object) -> list[str]:
    if names is None:
        return []
    if isinstance(names, str):
        names = [names]
    if not isinstance(names, Iterable):
        raise IASanteError("« names » doit être une liste de noms (chaînes de caractères) ou None.")
    out = []
    for name in names:
        if not isinstance(name, str):
            raise IASanteError(f"chaque nom doit être une chaîne de caractères (reçu : {type(name).__name__}).")
        if name.strip():
            out.append(name.strip())
    return out


def _spans(text: str, names: Iterable[str] | None) -> list[tuple[int, int, str]]:
    """Non-overlapping identifier spans (start, end, type), sorted by position."""
    text = _check_text(text)
    known = _check_names(names)
    candidates: list[tuple[int, int, str]] = []
    for kind, pattern in _PATTERNS:
        for match in pattern.finditer(text):
            start, end = match.span("name") if "name" in pattern.groupindex else match.span()
            candidates.append((start, end, kind))
    if known:
        folded = _fold(text)
        words = {w for name in known for w in re.split(r"[\s-]+", name) if len(w) >= 3}
        for item in sorted(set(known) | words, key=len, reverse=True):
            needle = r"[\s-]+".join(re.escape(part) for part in re.split(r"[\s-]+", _fold(item)))
            for match in re.finditer(rf"(?<!\w){needle}(?!\w)", folded):
                # a single word must start with a capital (« Petit », not « petit épanchement »)
                if item in words and item not in known and not text[match.start()].isupper():
                    continue
                candidates.append((match.start(), match.end(), "NOM"))
    kept: list[tuple[int, int, str]] = []
    for start, end, kind in sorted(candidates, key=lambda c: (_PRIORITY[c[2]], -(c[1] - c[0]), c[0])):
        if all(end <= s or start >= e for s, e, _ in kept):
            kept.append((start, end, kind))
    kept.sort()
    return kept


def find_identifiers(text: str, names: Iterable[str] | None = None) -> pd.DataFrame:
    """Spans of ``text`` that look like direct identifiers.

    Parameters
    ----------
    text : str
        A clinical note.
    names : list of str, optional
        Names known in advance (for example the patient's identity in the
        hospital's administrative record). Each name is searched as a whole
        word, ignoring case and accents; so is each of its words of 3 letters
        or more, when written with a capital initial (« Petit » but not
        « petit épanchement »). Without this list, names are found only after a title
        (« M. », « Mme », « Dr »…) or a label (« Patient : », « Nom : »).

    Returns
    -------
    DataFrame
        One row per identifier, sorted by position, with columns ``type``
        (``NOM``, ``DATE``, ``TEL``, ``EMAIL`` or ``NIR``), ``start``, ``end``
        (character offsets, ``text[start:end]`` is the identifier), ``text``
        and ``valid``: for a NIR, whether its key is valid (:func:`nir_is_valid`);
        missing (``<NA>``) for the other types. A NIR with a wrong key is still
        an identifier (often a typing error) and is reported.

    Notes
    -----
    Overlapping candidates are resolved by priority (e-mail, NIR, phone,
    date, name), then by length. Known gaps, on purpose visible in the
    notebook: a first name alone (« sa fille Claire »), a date without a
    year (« revu le 12/3 », not searched because « TA 12/8 » is a blood
    pressure), a NIR written without its key, ages and places.
    """
    kept = _spans(text, names)
    rows = [
        {"type": kind, "start": start, "end": end, "text": text[start:end],
         "valid": nir_is_valid(text[start:end]) if kind == "NIR" else pd.NA}
        for start, end, kind in kept
    ]
    frame = pd.DataFrame(rows, columns=["type", "start", "end", "text", "valid"])
    frame["valid"] = frame["valid"].astype("boolean")
    return frame


def deidentify(text: str, names: Iterable[str] | None = None,
               placeholders: dict[str, str] | None = None) -> str:
    """Replace the identifiers found by :func:`find_identifiers` by placeholders.

    Parameters
    ----------
    text : str
        A clinical note.
    names : list of str, optional
        Names known in advance (see :func:`find_identifiers`).
    placeholders : dict, optional
        Replacement text for each type; defaults to :data:`PLACEHOLDERS`
        (``[NOM]``, ``[DATE]``, ``[TEL]``, ``[EMAIL]``, ``[NIR]``).

    Returns
    -------
    str
        The note with each identifier replaced; titles are kept (« Mme [NOM] »).
        This is **pseudonymisation of the text**, not anonymisation: what the
        rules miss, and indirect identifiers (age, rare disease, place, dates
        of stay), can still allow re-identification.
    """
    spans = _spans(text, names)
    table = dict(PLACEHOLDERS)
    if placeholders is not None:
        if not isinstance(placeholders, dict) or not all(isinstance(v, str) for v in placeholders.values()):
            raise IASanteError("« placeholders » doit être un dictionnaire type → texte de remplacement.")
        table.update(placeholders)
    out = text
    for start, end, kind in reversed(spans):
        out = out[:start] + table[kind] + out[end:]
    return out


# ---------------------------------------------------------------- negation
#: Triggers placed before the finding (« pas de fièvre »), in folded form (no accents).
PRE_TRIGGERS: tuple[str, ...] = (
    "pas de", "pas d'", "absence de", "absence d'", "sans", "aucun", "aucune", "ni", "nie", "niant",
    "nie toute", "jamais de", "negatif pour", "negative pour", "pas d'argument pour",
)
#: Triggers placed after the finding (« fièvre : non », « souffle absent »).
POST_TRIGGERS: tuple[str, ...] = (
    ": non", "absent", "absente", "absents", "absentes", "negatif", "negative", "exclu", "exclue",
    "ecarte", "ecartee", "non retrouve", "non retrouvee",
)
#: Phrases that contain a trigger but do not negate (« pas d'amélioration de la dyspnée »).
PSEUDO_TRIGGERS: tuple[str, ...] = (
    "pas d'amelioration", "sans amelioration", "pas de regression", "sans regression",
    "pas de modification", "sans modification", "pas de changement", "non seulement",
    "pas seulement", "pas uniquement", "ni ameliore", "sans doute",
)
#: Words that close the scope of a negation (with the punctuation . ; ! ? and line breaks).
SCOPE_ENDS: tuple[str, ...] = (
    "mais", "cependant", "toutefois", "neanmoins", "par contre", "en revanche", "sauf", "hormis",
    "excepte", "pourtant",
)

_BOUNDARY = re.compile(r"[.;!?\n]|(?<!\w)(?:" + "|".join(re.escape(w) for w in SCOPE_ENDS) + r")(?!\w)")
_WORD = re.compile(r"\w+")


def _phrase_regex(phrases: Iterable[str]) -> re.Pattern:
    parts = []
    for phrase in sorted(phrases, key=len, reverse=True):
        body = r"\s*".join(re.escape(p) for p in phrase.split(" ")) if phrase.startswith(":") else \
            r"\s+".join(re.escape(p) for p in phrase.split(" "))
        head = "" if phrase[0] in ":" else r"(?<!\w)"
        tail = "" if phrase[-1] in "'" else r"(?!\w)"
        parts.append(head + body + tail)
    return re.compile("|".join(parts))


_PRE = _phrase_regex(PRE_TRIGGERS)
_POST = _phrase_regex(POST_TRIGGERS)
_PSEUDO = _phrase_regex(PSEUDO_TRIGGERS)


def _check_terms(terms: object) -> list[str]:
    if isinstance(terms, str):
        terms = [terms]
    if not isinstance(terms, Iterable):
        raise IASanteError("« terms » doit être une liste de termes, par exemple [\"fièvre\", \"dyspnée\"].")
    out = []
    for term in terms:
        if not isinstance(term, str) or not term.strip():
            raise IASanteError(f"chaque terme doit être une chaîne non vide (reçu : {term!r}).")
        out.append(term.strip())
    if not out:
        raise IASanteError("la liste de termes est vide.")
    return out


def _check_window(window: object, name: str) -> int:
    if isinstance(window, bool) or not isinstance(window, int) or window < 0:
        raise IASanteError(f"« {name} » doit être un nombre entier de mots, positif ou nul (reçu : {window!r}).")
    return window


def find_mentions(text: str, terms: Iterable[str], window: int = 5, post_window: int = 3) -> pd.DataFrame:
    """Every mention of ``terms`` in ``text``, each marked negated or not (NegEx-style rules).

    Parameters
    ----------
    text : str
        A clinical note.
    terms : list of str
        Findings to look for (« fièvre », « dyspnée »…), matched as whole
        words, ignoring case and accents, plural « s » allowed on each word.
    window : int, default 5
        A pre-trigger (« pas de », « sans »…, see :data:`PRE_TRIGGERS`) negates
        a mention that starts at most ``window`` words after it (NegEx uses 5).
    post_window : int, default 3
        A post-trigger (« absente », « : non »…) negates a mention that ends at
        most ``post_window`` words before it.

    Returns
    -------
    DataFrame
        One row per mention, sorted by position: ``term``, ``start``, ``end``,
        ``text`` (as written), ``negated`` (bool) and ``trigger`` (the trigger
        that negates it, or an empty string).

    Notes
    -----
    The scope of a trigger stops at ``. ; ! ?``, a line break, or a word of
    :data:`SCOPE_ENDS` (« mais »…). Commas do **not** stop it, so that lists
    are negated (« pas de fièvre, de toux ni de dyspnée »), at the price of
    errors such as « pas de toux, fièvre à 38,5 ». Pseudo-triggers
    (:data:`PSEUDO_TRIGGERS`) are ignored.
    """
    text = _check_text(text)
    terms = _check_terms(terms)
    window = _check_window(window, "window")
    post_window = _check_window(post_window, "post_window")
    rows = _mention_rows(text, terms, window, post_window)
    frame = pd.DataFrame(rows, columns=["term", "start", "end", "text", "negated", "trigger"])
    return frame.sort_values("start", kind="stable").reset_index(drop=True).astype({"negated": bool})


def _mention_rows(text: str, terms: list[str], window: int, post_window: int) -> list[dict]:
    """The rows of :func:`find_mentions`, unsorted, without building a DataFrame."""
    folded = _fold(text)
    pseudo = [m.span() for m in _PSEUDO.finditer(folded)]

    def real(matches):
        return [m for m in matches if not any(s <= m.start() < e for s, e in pseudo)]

    pre = real(_PRE.finditer(folded))
    post = real(_POST.finditer(folded))
    rows = []
    for term in terms:
        needle = r"s?\s+".join(re.escape(p) for p in _fold(term).split())  # plural « s » on each word
        for m in re.finditer(rf"(?<!\w){needle}s?(?!\w)", folded):
            trigger = ""
            # only the nearest trigger can apply: a farther one is separated by more words
            before = next((t for t in reversed(pre) if t.end() <= m.start()), None)
            if before is not None:
                gap = folded[before.end():m.start()]
                if not _BOUNDARY.search(gap) and len(_WORD.findall(gap)) <= window:
                    trigger = text[before.start():before.end()]
            after = next((t for t in post if t.start() >= m.end()), None)
            if not trigger and after is not None:
                gap = folded[m.end():after.start()]
                if not _BOUNDARY.search(gap) and len(_WORD.findall(gap)) <= post_window:
                    trigger = text[after.start():after.end()]
            rows.append({"term": term, "start": m.start(), "end": m.end(), "text": text[m.start():m.end()],
                         "negated": bool(trigger), "trigger": trigger})
    return rows


def negated_terms(text: str, terms: Iterable[str], window: int = 5, post_window: int = 3) -> dict[str, str]:
    """Status of each term in a note: « affirmé », « nié » or « non mentionné ».

    A term is « affirmé » if at least one of its mentions is not negated,
    « nié » if all its mentions are negated, « non mentionné » otherwise.
    See :func:`find_mentions` for the rules and their parameters.

    Examples
    --------
    >>> negated_terms("Pas de fièvre ni de toux. Dyspnée d'effort.", ["fièvre", "toux", "dyspnée", "douleur"])
    {'fièvre': 'nié', 'toux': 'nié', 'dyspnée': 'affirmé', 'douleur': 'non mentionné'}
    """
    text = _check_text(text)
    terms = _check_terms(terms)
    rows = _mention_rows(text, terms, _check_window(window, "window"), _check_window(post_window, "post_window"))
    status = {}
    for term in terms:
        negated = [r["negated"] for r in rows if r["term"] == term]
        if not negated:
            status[term] = "non mentionné"
        else:
            status[term] = "nié" if all(negated) else "affirmé"
    return status
