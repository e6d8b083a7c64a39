"""Medical-image helpers for module 3: Hounsfield units, windowing, overlap, occlusion."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from ._errors import IASanteError

__all__ = ["to_hounsfield", "window", "WINDOWS", "dice", "iou", "occlusion_map", "to_pixels"]

#: Usual CT windows (centre, width) in Hounsfield units.
WINDOWS: dict[str, tuple[float, float]] = {
    "poumon": (-600.0, 1500.0),
    "médiastin": (50.0, 350.0),
    "os": (400.0, 1800.0),
    "cerveau": (40.0, 80.0),
}


def to_hounsfield(dataset) -> np.ndarray:
    """Pixel values of a CT DICOM dataset converted to Hounsfield units (float).

    Applies the modality LUT: ``HU = pixel × RescaleSlope + RescaleIntercept``
    (DICOM PS3.3 C.11.1), as :func:`pydicom.pixels.apply_modality_lut` does.
    """
    if not hasattr(dataset, "pixel_array"):
        raise IASanteError("Un objet DICOM lu par pydicom.dcmread(...) est attendu (avec des pixels).")
    pixels = dataset.pixel_array.astype(float)
    slope = float(getattr(dataset, "RescaleSlope", 1.0))
    intercept = float(getattr(dataset, "RescaleIntercept", 0.0))
    return pixels * slope + intercept


def window(image, center: float, width: float) -> np.ndarray:
    """Map ``[center − width/2, center + width/2]`` linearly to [0, 1] and clip outside.

    Examples
    --------
    >>> window(np.array([-1000.0, 40.0, 1000.0]), center=40, width=400).tolist()
    [0.0, 0.5, 1.0]
    """
    try:
        img = np.asarray(image, dtype=float)
        center, width = float(center), float(width)
    except (TypeError, ValueError):
        raise IASanteError("« image » doit être un tableau de nombres ; « center » et « width » des nombres.") from None
    if not np.isfinite(width) or width <= 0:
        raise IASanteError("La largeur de fenêtre « width » doit être un nombre positif (en UH).")
    low = center - width / 2
    return np.clip((img - low) / width, 0.0, 1.0)


def _masks(a, b) -> tuple[np.ndarray, np.ndarray]:
    a, b = np.asarray(a), np.asarray(b)
    if a.shape != b.shape:
        raise IASanteError(f"Les deux masques n'ont pas la même forme : {a.shape} et {b.shape}.")
    for m, name in ((a, "a"), (b, "b")):
        if m.dtype != bool and not np.isin(m, (0, 1)).all():
            raise IASanteError(f"Le masque « {name} » doit être booléen (ou ne contenir que 0 et 1).")
    return a.astype(bool), b.astype(bool)


def dice(a, b) -> float:
    """Dice coefficient ``2|A∩B| / (|A| + |B|)``; 1.0 when both masks are empty."""
    a, b = _masks(a, b)
    total = a.sum() + b.sum()
    return 1.0 if total == 0 else float(2 * np.logical_and(a, b).sum() / total)


def iou(a, b) -> float:
    """Intersection over union (Jaccard) ``|A∩B| / |A∪B|``; 1.0 when both masks are empty."""
    a, b = _masks(a, b)
    union = np.logical_or(a, b).sum()
    return 1.0 if union == 0 else float(np.logical_and(a, b).sum() / union)


def occlusion_map(
    predict_proba: Callable[[np.ndarray], np.ndarray],
    image,
    patch: int = 4,
    stride: int = 2,
    baseline: float | None = None,
) -> np.ndarray:
    """Occlusion sensitivity (Zeiler & Fergus, ECCV 2014) of a 2-D image.

    A square of ``patch`` pixels, filled with ``baseline`` (default: the image
    mean), slides with step ``stride``; the map holds, for each pixel, the mean
    drop of the positive-class probability over the positions that covered it.
    ``predict_proba`` takes a batch ``(n, height, width)`` and returns
    probabilities ``(n,)`` or ``(n, 2)``. Positive values: regions that
    support the positive prediction.
    """
    img = np.asarray(image, dtype=float)
    if img.ndim != 2:
        raise IASanteError(f"Une image 2-D (hauteur × largeur) est attendue, reçu la forme {img.shape}.")
    if not (isinstance(patch, int) and isinstance(stride, int)) or patch < 1 or stride < 1:
        raise IASanteError("« patch » et « stride » doivent être des entiers positifs.")
    if patch > min(img.shape):
        raise IASanteError("« patch » est plus grand que l'image.")
    fill = float(img.mean()) if baseline is None else float(baseline)
    h, w = img.shape
    positions = [(i, j) for i in range(0, h - patch + 1, stride) for j in range(0, w - patch + 1, stride)]
    batch = np.repeat(img[None], len(positions) + 1, axis=0)
    for k, (i, j) in enumerate(positions, start=1):
        batch[k, i:i + patch, j:j + patch] = fill
    proba = np.asarray(predict_proba(batch), dtype=float)
    proba = proba[:, 1] if proba.ndim == 2 else proba
    drops = proba[0] - proba[1:]
    total = np.zeros_like(img)
    count = np.zeros_like(img)
    for drop, (i, j) in zip(drops, positions, strict=True):
        total[i:i + patch, j:j + patch] += drop
        count[i:i + patch, j:j + patch] += 1
    return np.divide(total, count, out=np.zeros_like(total), where=count > 0)


def to_pixels(images, dtype=np.float64) -> np.ndarray:
    """Flatten a batch of grey images ``(n, height, width)`` into rows of pixels in [0, 1].

    Grey levels are on the 0–255 scale (uint8 images, or floats such as the
    occluded copies made by :func:`occlusion_map`). The input of a pixel-based
    scikit-learn model: one row of ``height × width`` values divided by 255.
    """
    arr = np.asarray(images)
    if arr.ndim != 3 or arr.dtype.kind not in "uif":
        raise IASanteError(
            f"Un lot d'images en niveaux de gris (n, hauteur, largeur) est attendu ; reçu {arr.dtype} {arr.shape}."
        )
    return (arr.reshape(len(arr), -1) / 255).astype(dtype)
