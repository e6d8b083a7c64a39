"""The course's datasets: one registry, one loader each, a French card each.

Every dataset the notebooks use is registered here with its loader, a French
description of every column, its source, licence, citation, size and what it
may and may not be used for. The book's data page (``book/donnees.md``) is
generated from this registry (``python -m iasante.datasets``) and a test keeps
the two in sync.

All loaders work offline: the data ship inside an installed package or inside
``iasante/data`` (checked against a SHA-256 checksum).

Each sub-module of this package (``_clinical``, ``_imaging``, ...) registers
its datasets with :func:`register`; their public ``load_*`` functions are
re-exported here, so ``iasante.datasets.load_whas500()`` works.
"""

from __future__ import annotations

import hashlib
import importlib
import pkgutil
from collections.abc import Callable
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import pandas as pd

from .._errors import IASanteError

__all__ = [
    "DatasetInfo",
    "DATASETS",
    "load",
    "list_datasets",
    "describe_columns",
    "data_card",
    "render_markdown",
    "register",
    "data_file",
    "outcome_by_horizon",
]


@dataclass(frozen=True)
class DatasetInfo:
    """Card of one dataset (texts in French)."""

    name: str
    title: str
    description: str
    loader: Callable[[], pd.DataFrame]
    columns: dict[str, str]
    target: str
    source: str
    licence: str
    citation: str
    bibkey: str
    n_rows: int
    uses: str
    limits: str
    origin: str  # where the file comes from at run time (package or repository path)
    #: "table": the loader returns a DataFrame (or an object with ``.frame``)
    #: whose columns are ``columns``; "collection": it returns a dict of
    #: ``n_rows`` named items (images, DICOM files, volumes) described by ``columns``.
    kind: str = "table"

    @property
    def n_columns(self) -> int:
        return len(self.columns)



DATASETS: dict[str, DatasetInfo] = {}


def register(info: DatasetInfo) -> DatasetInfo:
    """Add a dataset card to the registry (names are unique)."""
    if info.name in DATASETS and DATASETS[info.name] is not info:
        raise ValueError(f"dataset {info.name!r} registered twice")
    DATASETS[info.name] = info
    return info


def data_file(relative: str, sha256: str) -> Path:
    """Path of a data file shipped in ``iasante/data``, after checking its SHA-256.

    A missing or altered file gets a French :class:`IASanteError` that says
    how to restore it (the repository holds the original).
    """
    path = Path(str(resources.files("iasante") / "data" / relative))
    if not path.is_file():
        raise IASanteError(f"fichier de données introuvable : {relative}. Réinstallez le cours (git checkout).")
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    if digest != sha256:
        raise IASanteError(
            f"le fichier {relative} a été modifié (somme de contrôle différente). "
            "Restaurez-le avec « git checkout -- src/iasante/data »."
        )
    return path


def outcome_by_horizon(
    frame: pd.DataFrame, horizon: float, time: str, event: str, name: str = "event_by_horizon"
) -> pd.DataFrame:
    """Turn survival data into a binary outcome « event within ``horizon`` ».

    Patients with the event at or before ``horizon`` get 1; patients followed
    beyond ``horizon`` get 0; patients censored before ``horizon`` (status
    unknown at the horizon) are **dropped**, not counted as survivors, which
    would bias the risk downwards.

    Parameters
    ----------
    frame : DataFrame with a follow-up time column and a 0/1 event column.
    horizon : time horizon, in the unit of ``time`` (e.g. 365 days).
    time, event : names of the time and event columns.
    name : name of the new 0/1 column.

    Returns
    -------
    DataFrame
        A copy restricted to patients whose status at ``horizon`` is known,
        with the new column ``name``.
    """
    if not isinstance(frame, pd.DataFrame):
        raise IASanteError("« frame » doit être un DataFrame pandas.")
    missing = [c for c in (time, event) if c not in frame.columns]
    if missing:
        raise IASanteError(f"colonne(s) absente(s) : {', '.join(missing)}.")
    if not isinstance(horizon, int | float) or isinstance(horizon, bool) or horizon <= 0:
        raise IASanteError("« horizon » doit être une durée positive (par exemple 365 jours).")
    had_event = (frame[event] == 1) & (frame[time] <= horizon)
    known = had_event | (frame[time] > horizon)
    out = frame.loc[known].copy()
    out[name] = had_event[known].astype(int)
    return out



# ------------------------------------------------------------ public API
def _info(name: str) -> DatasetInfo:
    if not isinstance(name, str) or name not in DATASETS:
        known = ", ".join(sorted(DATASETS))
        raise IASanteError(f"jeu de données inconnu : « {name} ». Jeux disponibles : {known}.")
    return DATASETS[name]


def load(name: str) -> pd.DataFrame:
    """Load a registered dataset by name (see :func:`list_datasets`)."""
    return _info(name).loader()


def list_datasets() -> pd.DataFrame:
    """All registered datasets, one row each (name, title, size, licence, source)."""
    rows = [
        {
            "nom": i.name,
            "titre": i.title,
            "lignes": i.n_rows,
            "colonnes": i.n_columns,
            "cible": i.target,
            "licence": i.licence,
            "source": i.source,
        }
        for i in DATASETS.values()
    ]
    return pd.DataFrame(rows).set_index("nom")


def describe_columns(name: str) -> pd.DataFrame:
    """French description of each column of a dataset (index: column name)."""
    info = _info(name)
    return pd.DataFrame({"description": info.columns}).rename_axis("colonne")


def _size_line(i: DatasetInfo) -> str:
    if i.kind == "table":
        return f"- **Taille** : {i.n_rows} lignes × {i.n_columns} colonnes ; cible : `{i.target}`."
    return f"- **Contenu** : {i.n_rows} éléments ({', '.join(f'`{c}`' for c in i.columns)})."


def data_card(name: str) -> str:
    """A Markdown card of a dataset: description, size, source, licence, citation, limits."""
    i = _info(name)
    return "\n".join(
        [
            f"**{i.title}** (`{i.name}`) — {i.description}",
            "",
            _size_line(i),
            f"- **Source** : {i.source}",
            f"- **Licence** : {i.licence}",
            f"- **Citation** : {i.citation}",
            f"- **Usages prévus** : {i.uses}",
            f"- **Limites** : {i.limits}",
            f"- **Chargement** : `iasante.datasets.load(\"{i.name}\")` ({i.origin}, hors ligne).",
        ]
    )


def render_markdown() -> str:
    """The book's data page (``book/donnees.md``), generated from the registry."""
    parts = [
        "<!-- Generated by `python -m iasante.datasets` from the registry in src/iasante/datasets/: do not edit by hand. -->",
        "# Données et licences",
        "",
        "Chaque jeu de données du cours est chargé hors ligne par une seule fonction du paquet "
        "`iasante` et possède une fiche : description, taille, source, licence, citation, usages "
        "prévus et limites, puis la description de chaque colonne. Cette page est produite "
        "automatiquement à partir du registre `iasante.datasets` ; un test vérifie qu'elle est à jour.",
        "",
        "| nom | titre | lignes × colonnes | licence |",
        "|---|---|---|---|",
    ]
    for i in DATASETS.values():
        size = f"{i.n_rows} × {i.n_columns}" if i.kind == "table" else f"{i.n_rows} éléments"
        parts.append(f"| `{i.name}` | {i.title} | {size} | {i.licence} |")
    for i in DATASETS.values():
        header = "| colonne | description |" if i.kind == "table" else "| élément | description |"
        parts += ["", f"## {i.title}", "", data_card(i.name), "", header, "|---|---|"]
        parts += [f"| `{col}` | {desc} |" for col, desc in i.columns.items()]
    return "\n".join(parts) + "\n"



def _load_submodules() -> None:
    """Import every sub-module (they register their datasets) and re-export its loaders."""
    for mod in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        if mod.name.startswith("__"):
            continue
        module = importlib.import_module(f"{__name__}.{mod.name}")
        for name in getattr(module, "__all__", []):
            globals()[name] = getattr(module, name)
            if name not in __all__:
                __all__.append(name)


_load_submodules()
