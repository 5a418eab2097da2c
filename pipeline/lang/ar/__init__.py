"""Arabic word lists: one file a list under this folder, one loader, one key.

File format (``*.txt`` beside this module):

* one entry a line; ``#`` starts a comment (whole line or after the entry);
* ``entry = value`` gives the entry a value (:func:`table`);
* ``- entry  # reason`` is an *exclusion*: a form that must never match,
  written with its reason (:func:`exclusions`), never a disabled spelling;
* blank lines are ignored.

Every lookup goes through :func:`key`: the pipeline's normalisation
(:func:`pipeline.arabic.normalise`: alef forms → ا, ى → ي, ة → ه, no
diacritics or tatweel, Western digits) plus folding the hamza seats ؤ ئ → ء,
so that مسؤول / مسئول, or مؤلف written either way, are one key.  Lists are
stored in key form after loading; ``tests/test_lang_ar.py`` checks every list
(no duplicates once keyed, no stray markers, every exclusion has a reason).

:func:`digest` hashes every file: it goes into the stages' ``info()`` (the
manifest) and into the result cache's key, so an edited list never reuses
stale cached results.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from ...digest import tree

HERE = Path(__file__).resolve().parent
_HAMZA = str.maketrans({"ؤ": "ء", "ئ": "ء"})


def key(word: str) -> str:
    """The lookup key of a word as written or already normalised."""
    from ...arabic import normalise

    return normalise(word).translate(_HAMZA)


def fold(norm: str) -> str:
    """Key of a word already normalised (the hamza fold alone; cheap, for hot loops)."""
    return norm.translate(_HAMZA)


@lru_cache(maxsize=None)
def _parse(name: str) -> tuple[tuple[tuple[str, str | None], ...], tuple[tuple[str, str], ...]]:
    path = HERE / f"{name}.txt"
    if not path.exists():
        raise FileNotFoundError(f"no word list {name!r} ({path})")
    rows, excl = [], []
    for raw in path.read_text(encoding="utf-8").splitlines():
        line, _, comment = raw.partition("#")
        line = line.strip()
        if not line:
            continue
        if line.startswith("- "):
            excl.append((line[2:].strip(), comment.strip()))
            continue
        entry, eq, value = line.partition(" = ")
        rows.append((entry.strip(), value.strip() if eq else None))
    return tuple(rows), tuple(excl)


def raw_entries(name: str) -> list[str]:
    """The entries as written in the file, in file order (for the list checks)."""
    return [e for e, _ in _parse(name)[0]]


@lru_cache(maxsize=None)
def words(name: str) -> frozenset[str]:
    """The list in key form, minus its exclusions."""
    excl = {key(e) for e, _ in _parse(name)[1]}
    return frozenset(k for k in (key(e) for e, _ in _parse(name)[0]) if k not in excl)


@lru_cache(maxsize=None)
def ordered(name: str) -> tuple[str, ...]:
    """The list in key form, in file order (where order is a decision: longest match first …)."""
    excl = {key(e) for e, _ in _parse(name)[1]}
    seen, out = set(), []
    for e, _ in _parse(name)[0]:
        k = key(e)
        if k not in excl and k not in seen:
            seen.add(k)
            out.append(k)
    return tuple(out)


@lru_cache(maxsize=None)
def table(name: str) -> dict[str, str]:
    """``entry = value`` lines, keyed."""
    return {key(e): v for e, v in _parse(name)[0] if v is not None}


def exclusions(name: str) -> dict[str, str]:
    """``{key: reason}`` of the ``- entry  # reason`` lines."""
    return {key(e): r for e, r in _parse(name)[1]}


def names() -> list[str]:
    return sorted(p.stem for p in HERE.glob("*.txt"))


@lru_cache(maxsize=1)
def digest() -> str:
    """sha256 over every list file (name and bytes), in sorted order."""
    return tree(HERE, pattern="*.txt", separated=True)


#: compiled name lists (``names/*.txt``, provenance in each file's header) and their entity type
NAME_LISTS = {
    "countries": "LOC", "cities": "LOC", "saudi_places": "LOC", "regions_world": "LOC",
    "officials": "PER", "given_names": "PER",
    "organisations_intl": "ORG", "organisations_saudi_gulf": "ORG", "media": "ORG",
    "armed_groups": "ORG", "parties_movements": "ORG", "sports_clubs": "ORG",
}


@lru_cache(maxsize=None)
def name_variants(name: str) -> tuple[tuple[str, ...], ...]:
    """One tuple of spellings (as written) per line of ``names/NAME.txt``."""
    path = HERE / "names" / f"{name}.txt"
    out = []
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.split("#", 1)[0].strip()
        if line:
            out.append(tuple(v.strip() for v in line.split(" | ") if v.strip()))
    return tuple(out)


def name_lists() -> dict[str, list[str]]:
    """``{"PER"|"ORG"|"LOC": [every spelling of every entry]}`` over the lists present."""
    out: dict[str, list[str]] = {}
    for name, typ in NAME_LISTS.items():
        if (HERE / "names" / f"{name}.txt").exists():
            out.setdefault(typ, []).extend(v for row in name_variants(name) for v in row)
    return out
