"""Reference images shipped inside installed packages (module 3): DICOM, MNI152, microscopy."""

from __future__ import annotations

from typing import Any

from .._errors import IASanteError
from . import DatasetInfo, register

__all__ = ["load_dicom_examples", "load_mni152", "load_microscopy_images"]


def load_dicom_examples() -> dict[str, Any]:
    """pydicom's bundled test files: a CT slice, an MR slice and an RT structure set.

    Returns a dict ``{"ct", "mr", "rtstruct"}`` of :class:`pydicom.Dataset`.
    """
    import pydicom
    from pydicom.data import get_testdata_file

    files = {"ct": "CT_small.dcm", "mr": "MR_small.dcm", "rtstruct": "rtstruct.dcm"}
    return {key: pydicom.dcmread(get_testdata_file(name), force=True) for key, name in files.items()}


def load_mni152(resolution: int = 2) -> dict[str, Any]:
    """The MNI152 (2009) brain template shipped with nilearn, with its masks.

    Parameters
    ----------
    resolution : 1 or 2
        Voxel size in mm.

    Returns
    -------
    dict of nibabel images: ``template`` (T1), ``brain_mask``, ``gm``
    (grey-matter probability) and ``wm`` (white-matter probability).
    """
    from nilearn import datasets as nd

    if resolution not in (1, 2):
        raise IASanteError("« resolution » doit valoir 1 ou 2 (taille des voxels en mm).")
    return {
        "template": nd.load_mni152_template(resolution=resolution),
        "brain_mask": nd.load_mni152_brain_mask(resolution=resolution),
        "gm": nd.load_mni152_gm_template(resolution=resolution),
        "wm": nd.load_mni152_wm_template(resolution=resolution),
    }


def load_microscopy_images() -> dict[str, Any]:
    """scikit-image's bundled biomedical images (RGB or grey uint8 arrays).

    ``immunohistochemistry`` (IHC slide, haematoxylin and DAB), ``retina``
    (fundus photograph), ``cell`` (fluorescence microscopy).
    """
    from skimage import data

    return {"immunohistochemistry": data.immunohistochemistry(), "retina": data.retina(), "cell": data.cell()}


for _info in [
    DatasetInfo(
        name="dicom_examples",
        title="Fichiers DICOM d'exemple (pydicom)",
        description=(
            "Trois fichiers de test distribués avec pydicom : une coupe de scanner (CT), une coupe "
            "d'IRM (MR) et un RT Structure Set (contours de radiothérapie). En-têtes complets, "
            "identités fictives ou anciennes fournies pour tester les logiciels."
        ),
        loader=load_dicom_examples,
        columns={
            "ct": "Coupe de scanner 128 × 128 pixels (CT_small.dcm), pente 1 et ordonnée à l'origine −1024.",
            "mr": "Coupe d'IRM 64 × 64 pixels (MR_small.dcm).",
            "rtstruct": "Structure de radiothérapie (rtstruct.dcm) : contours de régions d'intérêt, sans pixels.",
        },
        target="",
        source="Paquet pydicom (`pydicom.data.get_testdata_file`), fichiers d'exemple de NEMA et de la communauté.",
        licence="Distribués avec pydicom (licence MIT pour le paquet) ; fichiers publics de test.",
        citation="Mason D. et al. pydicom: an open source DICOM library. Med Phys 2011;38:3493.",
        bibkey="mason2011pydicom",
        n_rows=3,
        uses="Lire un en-tête DICOM, calculer des unités Hounsfield, fenêtrer, dé-identifier.",
        limits="Images isolées et réduites, sans vérité clinique ; ne décrivent aucun patient réel identifiable.",
        origin="paquet pydicom",
        kind="collection",
    ),
    DatasetInfo(
        name="mni152",
        title="Gabarit cérébral MNI152 (nilearn)",
        description=(
            "Gabarit d'IRM cérébrale pondérée T1 (ICBM 2009, moyenne de 152 sujets) dans l'espace MNI, "
            "avec un masque du cerveau et des cartes de probabilité de substance grise et blanche."
        ),
        loader=load_mni152,
        columns={
            "template": "Volume T1 moyen (NIfTI), voxels de 1 ou 2 mm.",
            "brain_mask": "Masque binaire du cerveau dans le même espace.",
            "gm": "Probabilité de substance grise par voxel (0 à 1).",
            "wm": "Probabilité de substance blanche par voxel (0 à 1).",
        },
        target="",
        source="Paquet nilearn (`nilearn.datasets.load_mni152_*`), fichiers livrés avec le paquet (sans téléchargement).",
        licence="Distribués avec nilearn (BSD-3) ; gabarit ICBM 2009 (McConnell Brain Imaging Centre), usage libre avec citation.",
        citation="Fonov V. et al. Unbiased average age-appropriate atlases for pediatric studies. NeuroImage 2011;54:313–327.",
        bibkey="fonov2011",
        n_rows=4,
        uses="Volumes 3-D, plans de coupe, segmentation des tissus cérébraux, Dice et IoU.",
        limits="Gabarit moyen, pas un patient : pas de pathologie, contraste lissé.",
        origin="paquet nilearn",
        kind="collection",
    ),
    DatasetInfo(
        name="microscopy_images",
        title="Images biomédicales de scikit-image",
        description=(
            "Images livrées avec scikit-image : une lame d'immunohistochimie (hématoxyline et DAB), "
            "une photographie du fond d'œil et une image de phase quantitative d'une cellule."
        ),
        loader=load_microscopy_images,
        columns={
            "immunohistochemistry": "Lame d'immunohistochimie en couleurs (RGB 512 × 512) : noyaux bleus (hématoxyline) et marquage brun (DAB).",
            "retina": "Photographie couleur du fond d'œil (RGB 1411 × 1411), vaisseaux rétiniens visibles.",
            "cell": "Image de phase quantitative (niveaux de gris) d'une cellule isolée en suspension dans du sérum physiologique.",
        },
        target="",
        source="Paquet scikit-image (`skimage.data`), images livrées avec le paquet (sans téléchargement).",
        licence="Distribuées avec scikit-image (BSD-3) ; images du domaine public ou sous licence libre (voir la documentation de `skimage.data`).",
        citation="van der Walt S. et al. scikit-image: image processing in Python. PeerJ 2014;2:e453.",
        bibkey="vanderwalt2014",
        n_rows=3,
        uses="Filtrage, seuillage, morphologie, déconvolution des couleurs, comptage de noyaux, vaisseaux.",
        limits="Images isolées, sans vérité terrain annotée ; usage pédagogique uniquement.",
        origin="paquet scikit-image",
        kind="collection",
    ),
]:
    register(_info)
