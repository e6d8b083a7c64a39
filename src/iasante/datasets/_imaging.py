"""Small real medical images shipped in the repository (module 3): MedMNIST v2 subsets."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from .._errors import IASanteError
from . import DatasetInfo, data_file, register

__all__ = ["ImageSet", "load_pneumoniamnist", "load_breastmnist"]

_SPLITS = ("train", "val", "test")


@dataclass(frozen=True)
class ImageSet:
    """Images with one label each and the official split of every image.

    Attributes
    ----------
    images : uint8 array (n, height, width), grey levels 0–255.
    labels : int array (n,), 1 = disease (the positive class), 0 = not.
    split : str array (n,), ``"train"``, ``"val"`` or ``"test"``.
    frame : DataFrame with one row per image: ``split``, ``label``.
    """

    images: np.ndarray
    labels: np.ndarray
    split: np.ndarray

    @property
    def frame(self) -> pd.DataFrame:
        return pd.DataFrame({"split": self.split, "label": self.labels})

    def get(self, split: str) -> tuple[np.ndarray, np.ndarray]:
        """Images and labels of one official split (``"train"``, ``"val"``, ``"test"``)."""
        if split not in _SPLITS:
            raise IASanteError(f"partition inconnue : « {split} » (choisir parmi train, val, test).")
        mask = self.split == split
        return self.images[mask], self.labels[mask]

    def __len__(self) -> int:
        return len(self.labels)


def _load_npz(relative: str, sha256: str, positive_is_zero: bool) -> ImageSet:
    with np.load(data_file(relative, sha256)) as npz:
        images = [npz[f"{s}_images"] for s in _SPLITS]
        labels = [npz[f"{s}_labels"].reshape(-1).astype(int) for s in _SPLITS]
    y = np.concatenate(labels)
    if positive_is_zero:
        y = 1 - y
    split = np.concatenate([np.full(len(lab), s) for s, lab in zip(_SPLITS, labels, strict=True)])
    return ImageSet(np.concatenate(images), y, split)


def load_pneumoniamnist() -> ImageSet:
    """PneumoniaMNIST: 5,856 paediatric chest X-rays (28×28), label 1 = pneumonia."""
    return _load_npz(
        "medmnist/pneumoniamnist.npz", "d0bfa3330f26554c4117328b1117f52bfb3746404b0594c58f37a09b4314d396", False
    )


def load_breastmnist() -> ImageSet:
    """BreastMNIST: 780 breast ultrasound images (28×28), label 1 = malignant.

    The official file codes 0 = malignant; the course recodes it so that the
    positive class (1) is the disease, as everywhere else.
    """
    return _load_npz(
        "medmnist/breastmnist.npz", "5e68d79723fb3a63a399b0a66b66451799fc2eb3651f469cec0b679cfd743b68", True
    )


_IMAGE_COLUMNS = {
    "split": "Partition officielle de l'image : « train » (entraînement), « val » (validation) ou « test ».",
    "label": "Étiquette : 1 = malade (classe positive), 0 = non.",
}
_MEDMNIST_CITATION = (
    "Yang J. et al. MedMNIST v2 — A large-scale lightweight benchmark for 2D and 3D biomedical "
    "image classification. Sci Data 2023;10:41."
)

for _info in [
    DatasetInfo(
        name="pneumoniamnist",
        title="PneumoniaMNIST (radiographies thoraciques pédiatriques)",
        description=(
            "Radiographies thoraciques d'enfants de 1 à 5 ans (Guangzhou Women and Children's Medical "
            "Center), réduites à 28 × 28 pixels en niveaux de gris : normales ou pneumonie. Les images "
            "sont dans `ImageSet.images` ; le tableau décrit ci-dessous est `ImageSet.frame`."
        ),
        loader=load_pneumoniamnist,
        columns={**_IMAGE_COLUMNS, "label": "Étiquette : 1 = pneumonie, 0 = radiographie normale."},
        target="label",
        source="MedMNIST v2 (sous-ensemble PneumoniaMNIST, d'après Kermany et al. 2018), fichier livré dans le dépôt.",
        licence="CC BY 4.0",
        citation=_MEDMNIST_CITATION + " Kermany D.S. et al. Cell 2018;172(5):1122–1131.",
        bibkey="yang2023",
        n_rows=5856,
        uses="Classification d'images, caractéristiques radiomiques, réseaux de neurones, explicabilité, défi ScanCovid-IA.",
        limits=(
            "Images pédiatriques très réduites, non spécifiques de la COVID-19 ; un seul centre ; pas de "
            "donnée démographique (aucun audit d'équité possible). Jamais pour un usage diagnostique."
        ),
        origin="dépôt : src/iasante/data/medmnist/pneumoniamnist.npz (4,2 Mo, SHA-256 vérifié)",
    ),
    DatasetInfo(
        name="breastmnist",
        title="BreastMNIST (échographies mammaires)",
        description=(
            "Échographies mammaires de femmes de 25 à 75 ans (hôpital Baheya, Le Caire), réduites à "
            "28 × 28 pixels : malignes, ou normales et bénignes. Les images sont dans `ImageSet.images` ; "
            "le tableau décrit ci-dessous est `ImageSet.frame`."
        ),
        loader=load_breastmnist,
        columns={**_IMAGE_COLUMNS,
                 "label": "Étiquette : 1 = tumeur maligne, 0 = normal ou bénin (recodée : le fichier officiel code 0 = malin)."},
        target="label",
        source="MedMNIST v2 (sous-ensemble BreastMNIST, d'après Al-Dhabyani et al. 2020), fichier livré dans le dépôt.",
        licence="CC BY 4.0",
        citation=_MEDMNIST_CITATION + " Al-Dhabyani W. et al. Data in Brief 2020;28:104863.",
        bibkey="yang2023",
        n_rows=780,
        uses="Classification d'images sur un petit échantillon, calibration, comparaison avec PneumoniaMNIST.",
        limits="Très petit échantillon d'un seul centre ; images très réduites ; jamais pour un usage diagnostique.",
        origin="dépôt : src/iasante/data/medmnist/breastmnist.npz (0,6 Mo, SHA-256 vérifié)",
    ),
]:
    register(_info)
