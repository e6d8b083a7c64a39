"""Clinical tables shipped by scikit-learn and scikit-survival (modules 1 and 2)."""

from __future__ import annotations

import pandas as pd

from . import DatasetInfo, register

__all__ = ["load_breast_cancer", "load_whas500", "load_gbsg2"]

_WDBC_MEASURES = {
    "radius": "rayon (moyenne des distances du centre au contour), en pixels",
    "texture": "texture (écart-type des niveaux de gris)",
    "perimeter": "périmètre du noyau, en pixels",
    "area": "aire du noyau, en pixels²",
    "smoothness": "régularité du contour (variation locale du rayon)",
    "compactness": "compacité (périmètre² / aire − 1)",
    "concavity": "concavité (profondeur des portions concaves du contour)",
    "concave_points": "nombre de portions concaves du contour",
    "symmetry": "symétrie du noyau",
    "fractal_dimension": "dimension fractale du contour (« approximation du littoral » − 1)",
}
_WDBC_STATS = {
    "mean": "moyenne sur les noyaux de l'image",
    "se": "erreur standard sur les noyaux de l'image",
    "worst": "moyenne des trois plus grandes valeurs (« pire » valeur)",
}


def _wdbc_columns() -> dict[str, str]:
    cols = {}
    for stat, stat_fr in _WDBC_STATS.items():
        for measure, measure_fr in _WDBC_MEASURES.items():
            cols[f"{stat}_{measure}"] = f"{measure_fr.capitalize()} — {stat_fr}."
    cols["malignant"] = "Diagnostic de référence (histologie) : 1 = tumeur maligne, 0 = tumeur bénigne."
    return cols


def load_breast_cancer() -> pd.DataFrame:
    """Wisconsin Diagnostic Breast Cancer (569 fine-needle aspirates, 30 features).

    Returns a DataFrame whose columns are the 30 nuclear features named
    ``<stat>_<measure>`` (``mean_radius``, ``se_texture``, ``worst_area``...)
    and the target ``malignant`` (1 = malignant, 0 = benign). Note that
    scikit-learn codes the target the other way round (0 = malignant).
    """
    from sklearn.datasets import load_breast_cancer as _sk_load

    bunch = _sk_load(as_frame=True)
    frame = bunch.data.copy()
    rename = {}
    for col in frame.columns:
        stat, measure = col.split(" ", 1) if not col.startswith("mean ") else ("mean", col[5:])
        if col.startswith("worst "):
            stat, measure = "worst", col[6:]
        elif col.endswith(" error"):
            stat, measure = "se", col[: -len(" error")]
        rename[col] = f"{stat}_{measure.replace(' ', '_')}"
    frame = frame.rename(columns=rename)
    frame["malignant"] = (bunch.target == 0).astype(int)
    return frame[list(_wdbc_columns())]


_WHAS_BINARY = ["afb", "av3", "chf", "cvd", "gender", "miord", "mitype", "sho"]


def load_whas500() -> pd.DataFrame:
    """Worcester Heart Attack Study (500 patients hospitalised for myocardial infarction).

    One row per patient: clinical variables at admission, length of stay,
    follow-up time ``lenfol`` (days) and vital status ``fstat`` (1 = died
    during follow-up). Binary variables are coded 0/1 as integers.
    """
    from sksurv.datasets import load_whas500 as _load

    X, y = _load()
    frame = X.copy()
    for col in _WHAS_BINARY:
        frame[col] = frame[col].astype(int)
    frame["lenfol"] = y["lenfol"].astype(float)
    frame["fstat"] = y["fstat"].astype(int)
    return frame[list(_WHAS_COLUMNS)]


_WHAS_COLUMNS = {
    "age": "Âge à l'admission, en années.",
    "gender": "Sexe : 0 = homme, 1 = femme.",
    "hr": "Fréquence cardiaque initiale, en battements par minute.",
    "sysbp": "Pression artérielle systolique initiale, en mmHg.",
    "diasbp": "Pression artérielle diastolique initiale, en mmHg.",
    "bmi": "Indice de masse corporelle, en kg/m².",
    "cvd": "Antécédent de maladie cardiovasculaire : 1 = oui.",
    "afb": "Fibrillation atriale : 1 = oui.",
    "sho": "Choc cardiogénique : 1 = oui.",
    "chf": "Complication d'insuffisance cardiaque congestive : 1 = oui.",
    "av3": "Bloc auriculo-ventriculaire complet (3e degré) : 1 = oui.",
    "miord": "Rang de l'infarctus : 0 = premier, 1 = récidive.",
    "mitype": "Type d'infarctus : 1 = avec onde Q, 0 = sans onde Q.",
    "los": "Durée du séjour hospitalier, en jours.",
    "lenfol": "Durée du suivi depuis l'admission, en jours (jusqu'au décès ou à la dernière nouvelle).",
    "fstat": "Statut au dernier suivi : 1 = décédé, 0 = vivant (censuré).",
}

_GBSG2_COLUMNS = {
    "age": "Âge au diagnostic, en années.",
    "menostat": "Statut ménopausique : « Pre » (préménopause) ou « Post » (ménopause).",
    "tsize": "Taille de la tumeur, en mm.",
    "tgrade": "Grade histologique de la tumeur : « I », « II » ou « III ».",
    "pnodes": "Nombre de ganglions lymphatiques envahis.",
    "progrec": "Récepteurs de la progestérone, en fmol/mg.",
    "estrec": "Récepteurs des œstrogènes, en fmol/mg.",
    "horTh": "Hormonothérapie (tamoxifène) : 1 = oui, 0 = non.",
    "time": "Survie sans récidive : durée de suivi en jours.",
    "cens": "Événement : 1 = récidive ou décès, 0 = censuré (sans événement au dernier suivi).",
}


def load_gbsg2() -> pd.DataFrame:
    """German Breast Cancer Study Group 2 trial (686 node-positive patients).

    One row per patient: prognostic factors, hormonal treatment ``horTh``
    (0/1), recurrence-free survival time ``time`` (days) and event ``cens``
    (1 = recurrence or death).
    """
    from sksurv.datasets import load_gbsg2 as _load

    X, y = _load()
    frame = X.copy()
    frame["horTh"] = (frame["horTh"] == "yes").astype(int)
    frame["menostat"] = frame["menostat"].astype(str)
    frame["tgrade"] = frame["tgrade"].astype(str)
    frame["time"] = y["time"].astype(float)
    frame["cens"] = y["cens"].astype(int)
    return frame[list(_GBSG2_COLUMNS)]




for _info in [
        DatasetInfo(
            name="breast_cancer",
            title="Cancer du sein, Wisconsin (cytoponction)",
            description=(
                "Caractéristiques de noyaux cellulaires mesurées sur des images numérisées de "
                "cytoponctions à l'aiguille fine de masses mammaires, avec le diagnostic "
                "histologique (malin ou bénin). Hôpitaux de l'Université du Wisconsin, 1989–1993."
            ),
            loader=load_breast_cancer,
            columns=_wdbc_columns(),
            target="malignant",
            source="UCI Machine Learning Repository, distribué avec scikit-learn (`sklearn.datasets.load_breast_cancer`).",
            licence="CC BY 4.0",
            citation=(
                "Wolberg W., Mangasarian O., Street N., Street W. Breast Cancer Wisconsin (Diagnostic). "
                "UCI Machine Learning Repository, 1995. doi:10.24432/C5DW2B ; Street W.N., Wolberg W.H., "
                "Mangasarian O.L. Nuclear feature extraction for breast tumor diagnosis. SPIE 1905, 1993."
            ),
            bibkey="street1993",
            n_rows=569,
            uses="Apprendre la classification supervisée, l'évaluation clinique d'un modèle et l'explicabilité.",
            limits=(
                "Petit échantillon ancien d'un seul centre ; pas de variable démographique : aucun audit "
                "d'équité possible. Ne pas en tirer de conclusion diagnostique."
            ),
            origin="paquet scikit-learn",
        ),
        DatasetInfo(
            name="whas500",
            title="Worcester Heart Attack Study (WHAS500)",
            description=(
                "500 patients hospitalisés pour un infarctus du myocarde dans l'agglomération de "
                "Worcester (Massachusetts, États-Unis), suivis après l'admission : variables cliniques "
                "initiales, durée de séjour, durée de suivi et décès."
            ),
            loader=load_whas500,
            columns=_WHAS_COLUMNS,
            target="fstat",
            source="Hosmer, Lemeshow & May (2008), distribué avec scikit-survival (`sksurv.datasets.load_whas500`).",
            licence=(
                "Données pédagogiques publiées avec le manuel (Wiley) et redistribuées par scikit-survival "
                "(GPL-3.0) ; usage d'enseignement."
            ),
            citation=(
                "Hosmer D.W., Lemeshow S., May S. Applied Survival Analysis: Regression Modeling of "
                "Time-to-Event Data, 2e éd. Wiley, 2008."
            ),
            bibkey="hosmer2008",
            n_rows=500,
            uses="Découvrir des données cliniques, comparer des groupes, analyse de survie, premier audit d'équité (sexe, âge).",
            limits=(
                "Sous-échantillon pédagogique d'une cohorte américaine des années 1997–2001 ; "
                "pas représentatif de la population française actuelle."
            ),
            origin="paquet scikit-survival",
        ),
        DatasetInfo(
            name="gbsg2",
            title="German Breast Cancer Study Group 2 (GBSG2)",
            description=(
                "686 patientes atteintes d'un cancer du sein avec envahissement ganglionnaire, incluses "
                "dans un essai randomisé allemand (1984–1989) : facteurs pronostiques, hormonothérapie "
                "et survie sans récidive."
            ),
            loader=load_gbsg2,
            columns=_GBSG2_COLUMNS,
            target="cens",
            source="Schumacher et al. (1994), distribué avec scikit-survival (`sksurv.datasets.load_gbsg2`).",
            licence="Redistribué par scikit-survival (GPL-3.0) et le paquet R TH.data (GPL-2) ; usage d'enseignement.",
            citation=(
                "Schumacher M. et al. Randomized 2×2 trial evaluating hormonal treatment and the duration "
                "of chemotherapy in node-positive breast cancer patients. J Clin Oncol 1994;12:2086–2093."
            ),
            bibkey="schumacher1994",
            n_rows=686,
            uses="Analyse de survie (Kaplan–Meier, Cox, forêts aléatoires de survie).",
            limits="Essai ancien ; l'hormonothérapie n'est randomisée que dans une partie de l'essai.",
            origin="paquet scikit-survival",
        ),
]:
    register(_info)
