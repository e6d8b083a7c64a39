"""Omics data (module 2): breast-cancer gene expression of the TRANSBIG series (GSE7390).

The 76 probe sets are those of the 76-gene prognostic signature of Wang et al.
(Lancet 2005;365:671–679, table 3): 60 probe sets chosen for oestrogen-receptor
(ER) positive tumours and 16 for ER-negative tumours. Desmedt et al. (2007)
validated that signature on these 198 patients; scikit-survival ships the
expression of those probe sets with the clinical data.
"""

from __future__ import annotations

import pandas as pd

from . import DatasetInfo, register

__all__ = ["load_breast_cancer_genes", "probe_annotation"]

# Probe set -> (short gene label, gene name as annotated by Wang et al. 2005, signature group).
# Labels keep the 2005 names (several genes have been renamed since); a few are shortened.
_PROBES: dict[str, tuple[str, str, str]] = {
    "219340_s_at": ("CLN8", "putative transmembrane protein CLN8", "RE+"),
    "217771_at": ("GP73", "golgi membrane protein GP73", "RE+"),
    "202418_at": ("YIF1", "homologue of yeast Golgi membrane protein Yif1p", "RE+"),
    "206295_at": ("IL18", "interleukin 18", "RE+"),
    "201091_s_at": ("HP1", "heterochromatin-like protein 1", "RE+"),
    "204015_s_at": ("DUSP4", "dual specificity phosphatase 4", "RE+"),
    "200726_at": ("PPP1CC", "protein phosphatase 1, catalytic subunit, gamma isoform", "RE+"),
    "200965_s_at": ("ABLIM1", "actin binding LIM protein 1", "RE+"),
    "210314_x_at": ("TRDL-1γ", "TNF-related death ligand-1 gamma", "RE+"),
    "221882_s_at": ("M83", "five-span transmembrane protein M83", "RE+"),
    "217767_at": ("C3", "complement component 3", "RE+"),
    "219588_s_at": ("FLJ20311", "hypothetical protein FLJ20311", "RE+"),
    "204073_s_at": ("C11orf9", "chromosome 11 open reading frame 9", "RE+"),
    "212567_s_at": ("eIF (putatif)", "putative translation initiation factor", "RE+"),
    "211382_s_at": ("TACC2", "transforming acidic coiled-coil protein 2", "RE+"),
    "201663_s_at": ("CAP-C", "chromosome-associated polypeptide C", "RE+"),
    "221344_at": ("OR12D2", "olfactory receptor, family 12, subfamily D, member 2", "RE+"),
    "210028_s_at": ("ORC3", "origin recognition complex subunit 3", "RE+"),
    "218782_s_at": ("PRO2000", "PRO2000 protein", "RE+"),
    "201664_at": ("SMC4", "structural maintenance of chromosomes 4", "RE+"),
    "219724_s_at": ("KIAA0748", "KIAA0748 gene product", "RE+"),
    "204014_at": ("DUSP4", "dual specificity phosphatase 4", "RE+"),
    "212014_x_at": ("CD44", "CD44 antigen", "RE+"),
    "202240_at": ("PLK1", "polo-like kinase 1", "RE+"),
    "204740_at": ("CNK1", "connector enhancer of KSR-like", "RE+"),
    "208180_s_at": ("H4FH", "H4 histone family, member H", "RE+"),
    "204768_s_at": ("FEN1", "flap structure-specific endonuclease 1", "RE+"),
    "203391_at": ("FKBP2", "FK506-binding protein 2", "RE+"),
    "211762_s_at": ("KPNA2", "karyopherin alpha 2", "RE+"),
    "218914_at": ("CGI-41", "CGI-41 protein", "RE+"),
    "221028_s_at": ("MGC11335", "hypothetical protein MGC11335", "RE+"),
    "211779_x_at": ("MGC:13188", "clone MGC:13188", "RE+"),
    "218883_s_at": ("FLJ23468", "hypothetical protein FLJ23468", "RE+"),
    "204888_s_at": ("NEURL", "neuralized-like", "RE+"),
    "217815_at": ("FACTP140", "chromatin-specific transcription elongation factor, 140 kDa subunit", "RE+"),
    "201368_at": ("TIS11D", "Tis11d", "RE+"),
    "201288_at": ("ARHGDIB", "Rho GDP dissociation inhibitor beta", "RE+"),
    "201068_s_at": ("PSMC2", "proteasome 26S subunit, ATPase, 2", "RE+"),
    "218478_s_at": ("DKFZp434E2220", "hypothetical protein DKFZp434E2220", "RE+"),
    "214919_s_at": ("KIAA1085", "KIAA1085 protein", "RE+"),
    "209835_x_at": ("CD44 (bis)", "similar to CD44 antigen", "RE+"),
    "217471_at": ("AL117652", "mRNA AL117652.1", "RE+"),
    "203306_s_at": ("SLC35A1", "solute carrier family 35 (CMP-sialic acid transporter), member 1", "RE+"),
    "205034_at": ("CCNE2", "cyclin E2", "RE+"),
    "221816_s_at": ("NY-REN-34", "putative zinc finger protein NY-REN-34 antigen", "RE+"),
    "219510_at": ("POLQ", "DNA polymerase theta", "RE+"),
    "217102_at": ("MAP (AF041410)", "malignancy-associated protein", "RE+"),
    "208683_at": ("CAPN2", "calcium-activated neutral protease, large subunit", "RE+"),
    "215510_at": ("ETV2", "ets variant gene 2", "RE+"),
    "218533_s_at": ("FLJ20517", "hypothetical protein FLJ20517", "RE+"),
    "215633_x_at": ("LST1", "LST-1N protein", "RE+"),
    "221928_at": ("EST AI057637", "EST weakly similar to B cell growth factor", "RE+"),
    "214806_at": ("BICD", "bicaudal-D", "RE+"),
    "204540_at": ("EEF1A2", "eukaryotic translation elongation factor 1 alpha 2", "RE+"),
    "221916_at": ("EST BF055311", "hypothetical protein (BF055311)", "RE+"),
    "216693_x_at": ("DKFZp434C1722", "cDNA DKFZp434C1722", "RE+"),
    "209500_x_at": ("TRDL-1", "TNF-related death ligand-1", "RE+"),
    "209524_at": ("FLJ10418", "cDNA FLJ10418, similar to hepatoma-derived growth factor", "RE+"),
    "207118_s_at": ("MMP23A", "matrix metalloproteinase 23A", "RE+"),
    "211040_x_at": ("GTSE1", "G-2 and S-phase expressed 1", "RE+"),
    "218430_s_at": ("FLJ12994", "hypothetical protein FLJ12994", "RE−"),
    "217404_s_at": ("COL2A1", "collagen, type II, alpha 1", "RE−"),
    "205848_at": ("GAS2", "growth arrest-specific 2", "RE−"),
    "214915_at": ("FLJ11780", "cDNA FLJ11780, weakly similar to zinc finger protein 83", "RE−"),
    "216010_x_at": ("FUT (α1,3)", "alpha (1,3/1,4) fucosyltransferase", "RE−"),
    "204631_at": ("MYH2", "myosin, heavy polypeptide 2, skeletal muscle", "RE−"),
    "202687_s_at": ("TNFSF10", "Apo-2 ligand (TRAIL)", "RE−"),
    "221634_at": ("RPL23A (sim.)", "similar to ribosomal protein L23a", "RE−"),
    "220886_at": ("GABRQ", "GABA receptor, theta", "RE−"),
    "202239_at": ("ADPRTL1", "poly(ADP-ribose) polymerase-like 1", "RE−"),
    "204218_at": ("DKFZP564M082", "DKFZP564M082 protein", "RE−"),
    "221241_s_at": ("BCLG", "apoptosis regulator BCL-G", "RE−"),
    "209862_s_at": ("KIAA0092 (sim.)", "similar to KIAA0092 gene product", "RE−"),
    "217019_at": ("RPS4X (sim.)", "novel gene similar to X-linked ribosomal protein 4", "RE−"),
    "210593_at": ("SAT", "spermidine/spermine N1-acetyltransferase", "RE−"),
    "216103_at": ("KIAA0707", "KIAA0707 protein", "RE−"),
}

_GRADES = {
    "well differentiated": "I",
    "intermediate": "II",
    "poorly differentiated": "III",
    "unkown": "unknown",  # sic in scikit-survival
}


def _columns() -> dict[str, str]:
    cols = {}
    for probe, (label, name, group) in _PROBES.items():
        cols[f"X{probe}"] = (
            f"Expression du gène {label} ({name}) mesurée par la sonde Affymetrix {probe} "
            f"(puce HG-U133A), en log2 de l'intensité normalisée ; gène de la signature à 76 gènes, "
            f"groupe {group}."
        )
    cols.update({
        "age": "Âge au diagnostic, en années (24 à 60 ans).",
        "size": "Taille de la tumeur, en cm.",
        "grade": "Grade histologique : « I » bien différencié, « II » intermédiaire, « III » peu "
                 "différencié, « unknown » non renseigné.",
        "er": "Récepteurs des œstrogènes de la tumeur : 1 = positifs, 0 = négatifs.",
        "time_to_metastasis": "Délai entre le diagnostic et la métastase à distance ou la dernière "
                              "nouvelle, en jours.",
        "metastasis": "Métastase à distance pendant le suivi : 1 = oui, 0 = non (censurée).",
    })
    return cols


_COLUMNS = _columns()


def probe_annotation() -> pd.DataFrame:
    """Gene annotation of the 76 probe sets, as published by Wang et al. (2005).

    Returns
    -------
    DataFrame
        Indexed by the column name of :func:`load_breast_cancer_genes`
        (``"X202240_at"``...), with columns ``probe`` (Affymetrix probe set),
        ``gene`` (short label, 2005 nomenclature), ``name`` (gene name) and
        ``group`` (``"RE+"`` or ``"RE−"``: the part of the signature built for
        ER-positive or ER-negative tumours).
    """
    rows = [{"column": f"X{p}", "probe": p, "gene": g, "name": n, "group": s} for p, (g, n, s) in _PROBES.items()]
    return pd.DataFrame(rows).set_index("column")


def load_breast_cancer_genes() -> pd.DataFrame:
    """Gene expression and follow-up of 198 node-negative breast cancers (TRANSBIG, GSE7390).

    One row per patient: 76 expression columns (``X<probe set>``, log2
    intensity), age (years), tumour size (cm), histological ``grade``
    (``"I"``, ``"II"``, ``"III"`` or ``"unknown"``), oestrogen receptors ``er``
    (1 = positive), time to distant metastasis ``time_to_metastasis`` (days)
    and event ``metastasis`` (1 = distant metastasis, 0 = censored).
    """
    from sksurv.datasets import load_breast_cancer as _load

    X, y = _load()
    frame = X.copy()
    frame["grade"] = frame["grade"].astype(str).map(_GRADES)
    frame["er"] = (frame["er"].astype(str) == "positive").astype(int)
    frame["age"] = frame["age"].astype(float)
    frame["size"] = frame["size"].astype(float)
    frame["time_to_metastasis"] = y["t.tdm"].astype(float)
    frame["metastasis"] = y["e.tdm"].astype(int)
    return frame[list(_COLUMNS)].reset_index(drop=True)


register(
    DatasetInfo(
        name="breast_cancer_genes",
        title="Expression génique du cancer du sein sans envahissement ganglionnaire (TRANSBIG, GSE7390)",
        description=(
            "198 patientes de moins de 61 ans, opérées d'un cancer du sein de 5 cm au plus sans "
            "envahissement ganglionnaire et n'ayant reçu aucun traitement systémique adjuvant, suivies dans six centres "
            "européens (série de validation TRANSBIG). Pour chaque tumeur : l'expression des 76 sondes de la "
            "signature pronostique de Wang et al. (2005), mesurée sur puce Affymetrix HG-U133A, quatre "
            "variables cliniques et le délai jusqu'à une métastase à distance."
        ),
        loader=load_breast_cancer_genes,
        columns=_COLUMNS,
        target="metastasis",
        source=(
            "NCBI Gene Expression Omnibus, série GSE7390 (Desmedt et al., 2007) ; sous-ensemble distribué "
            "avec scikit-survival (`sksurv.datasets.load_breast_cancer`). Annotation des sondes : "
            "Wang et al., Lancet 2005, tableau 3 (`iasante.datasets.probe_annotation()`)."
        ),
        licence=(
            "Données publiques de GEO (le NCBI n'en restreint pas l'usage ni la redistribution), "
            "redistribuées par scikit-survival (GPL-3.0) ; usage d'enseignement et de recherche."
        ),
        citation=(
            "Desmedt C. et al. Strong time dependence of the 76-gene prognostic signature for "
            "node-negative breast cancer patients in the TRANSBIG multicenter independent validation "
            "series. Clin Cancer Res 2007;13(11):3207–3214. doi:10.1158/1078-0432.CCR-06-2765"
        ),
        bibkey="desmedt2007",
        n_rows=198,
        uses=(
            "Réduction de dimension (ACP), partitionnement de patientes, tests multiples, modèles pénalisés "
            "et stabilité de la sélection de gènes, analyse de survie."
        ),
        limits=(
            "Les 76 gènes ont été choisis sur une autre cohorte (Rotterdam) pour leur valeur pronostique : "
            "ils ne représentent pas le transcriptome et les associations observées ici sont attendues. "
            "Patientes sans traitement systémique, diagnostiquées avant les traitements adjuvants actuels et presque toutes "
            "âgées de moins de 61 ans ; HER2 non renseigné. Ne pas utiliser pour une décision clinique."
        ),
        origin="paquet scikit-survival",
    )
)
