"""Hand-crafted ("radiomics-style") image features for module 3.

Each function takes a batch of grey-level images ``(n, height, width)``
(uint8 0–255, or floats in [0, 1]) and returns a DataFrame with one row per
image. They wrap scikit-image (``graycomatrix``/``graycoprops``,
``local_binary_pattern``, ``hog``) so that every notebook computes the same
features the same way. The feature families follow the IBSI vocabulary
(Zwanenburg et al., Radiology 2020;295:328–338): first-order intensity,
texture (GLCM), local patterns (LBP), gradients (HOG).
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from scipy import stats
from skimage.feature import hog, local_binary_pattern

from ._errors import IASanteError

__all__ = ["intensity_features", "glcm_features", "lbp_features", "hog_features", "radiomic_features"]

_GLCM_PROPS = ("contrast", "dissimilarity", "homogeneity", "energy", "correlation")


def _batch(images) -> np.ndarray:
    """Validate a batch of 2-D grey images and return it as uint8 (0–255)."""
    try:
        arr = np.asarray(images)
    except Exception:  # noqa: BLE001
        raise IASanteError("« images » doit être un tableau d'images (n, hauteur, largeur).") from None
    if arr.ndim == 2:
        arr = arr[None]
    if arr.ndim != 3 or arr.shape[0] == 0 or min(arr.shape[1:]) < 8:
        raise IASanteError(f"Un lot d'images (n, hauteur, largeur) d'au moins 8 × 8 pixels est attendu ; forme reçue {arr.shape}.")
    if arr.dtype.kind == "f":
        if np.nanmin(arr) < 0 or np.nanmax(arr) > 1 or np.isnan(arr).any():
            raise IASanteError("Des images en réels doivent avoir des valeurs entre 0 et 1, sans NaN.")
        arr = np.round(arr * 255)
    elif arr.dtype.kind not in "ui":
        raise IASanteError("Les images doivent contenir des nombres (niveaux de gris).")
    if arr.min() < 0 or arr.max() > 255:
        raise IASanteError("Les niveaux de gris doivent être entre 0 et 255.")
    return arr.astype(np.uint8)


def intensity_features(images) -> pd.DataFrame:
    """First-order statistics of the grey levels: mean, spread, shape, percentiles, entropy."""
    batch = _batch(images)
    arr = batch.reshape(len(batch), -1).astype(float)
    offsets = (np.arange(len(batch)) * 256)[:, None]
    hist = np.bincount((batch.reshape(len(batch), -1) + offsets).ravel(), minlength=256 * len(batch))
    hist = hist.reshape(len(batch), 256) / arr.shape[1]
    with np.errstate(divide="ignore", invalid="ignore"):
        entropy = -np.nansum(np.where(hist > 0, hist * np.log2(hist), 0.0), axis=1)
    return pd.DataFrame({
        "int_mean": arr.mean(axis=1),
        "int_std": arr.std(axis=1),
        "int_skewness": stats.skew(arr, axis=1),
        "int_kurtosis": stats.kurtosis(arr, axis=1),
        "int_p10": np.percentile(arr, 10, axis=1),
        "int_p50": np.percentile(arr, 50, axis=1),
        "int_p90": np.percentile(arr, 90, axis=1),
        "int_entropy": entropy,
    })


def glcm_features(images, distances=(1, 2), levels: int = 32) -> pd.DataFrame:
    """Grey-level co-occurrence (GLCM) texture features, averaged over 4 directions.

    Grey levels are first quantised to ``levels`` bins (IBSI fixed bin number).
    Same definitions as :func:`skimage.feature.graycoprops` on a symmetric,
    normalised :func:`skimage.feature.graycomatrix` (tested against it), computed
    for the whole batch at once with NumPy (about 50 times faster than a loop).
    """
    arr = _batch(images)
    n, rows, cols = arr.shape
    q = (arr.astype(np.int64) * levels // 256)
    i, j = np.meshgrid(np.arange(levels, dtype=float), np.arange(levels, dtype=float), indexing="ij")
    base = (np.arange(n) * levels * levels)[:, None, None]
    totals = {p: np.zeros(n) for p in _GLCM_PROPS}
    combos = [(d, a) for d in distances for a in (0, np.pi / 4, np.pi / 2, 3 * np.pi / 4)]
    for distance, angle in combos:
        dr, dc = int(round(np.sin(angle) * distance)), int(round(np.cos(angle) * distance))
        r0, r1 = max(0, -dr), min(rows, rows - dr)
        c0, c1 = max(0, -dc), min(cols, cols - dc)
        a = q[:, r0:r1, c0:c1]
        b = q[:, r0 + dr:r1 + dr, c0 + dc:c1 + dc]
        counts = np.bincount((a * levels + b + base).ravel(), minlength=n * levels * levels)
        glcm = counts.reshape(n, levels, levels)
        glcm = (glcm + glcm.transpose(0, 2, 1)).reshape(n, -1).astype(float)  # symmetric
        glcm /= np.maximum(glcm.sum(axis=1, keepdims=True), 1e-12)  # normed
        totals["contrast"] += glcm @ ((i - j) ** 2).ravel()
        totals["dissimilarity"] += glcm @ np.abs(i - j).ravel()
        totals["homogeneity"] += glcm @ (1.0 / (1.0 + (i - j) ** 2)).ravel()
        totals["energy"] += np.sqrt(np.einsum("nk,nk->n", glcm, glcm))
        mean_i, mean_j = glcm @ i.ravel(), glcm @ j.ravel()
        var_i = glcm @ (i ** 2).ravel() - mean_i ** 2
        var_j = glcm @ (j ** 2).ravel() - mean_j ** 2
        cov = glcm @ (i * j).ravel() - mean_i * mean_j
        std_i, std_j = np.sqrt(np.maximum(var_i, 0)), np.sqrt(np.maximum(var_j, 0))
        flat = (std_i < 1e-7) | (std_j < 1e-7)
        totals["correlation"] += np.where(flat, 1.0, cov / np.where(flat, 1.0, std_i * std_j))
    return pd.DataFrame({f"glcm_{p}": totals[p] / len(combos) for p in _GLCM_PROPS})


def lbp_features(images, points: int = 8, radius: float = 1.0) -> pd.DataFrame:
    """Histogram of uniform local binary patterns (``points + 2`` bins, proportions)."""
    arr = _batch(images)
    n_bins = points + 2
    rows = []
    for img in arr:
        codes = local_binary_pattern(img, points, radius, method="uniform")
        rows.append(np.bincount(codes.astype(int).ravel(), minlength=n_bins)[:n_bins] / codes.size)
    return pd.DataFrame(rows, columns=[f"lbp_{k}" for k in range(n_bins)])


def hog_features(images, orientations: int = 9, pixels_per_cell=(7, 7), cells_per_block=(2, 2)) -> pd.DataFrame:
    """Histograms of oriented gradients (Dalal & Triggs, CVPR 2005); 324 features on 28 × 28."""
    arr = _batch(images)
    rows = [hog(img, orientations=orientations, pixels_per_cell=pixels_per_cell,
                cells_per_block=cells_per_block, feature_vector=True) for img in arr]
    data = np.asarray(rows)
    return pd.DataFrame(data, columns=[f"hog_{k}" for k in range(data.shape[1])])


def radiomic_features(images, include_hog: bool = True) -> pd.DataFrame:
    """All families side by side: intensity, GLCM, LBP and (optionally) HOG."""
    parts = [intensity_features(images), glcm_features(images), lbp_features(images)]
    if include_hog:
        parts.append(hog_features(images))
    return pd.concat(parts, axis=1)
