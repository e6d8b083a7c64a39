"""Shortcut learning and acquisition shifts on small grey images (module 3).

Two ways an image classifier can look better in the laboratory than in the
clinic, made reproducible:

* :func:`add_marker` stamps a small bright square in a corner of some images,
  with a probability that depends on the label: a stand-in for the laterality
  letters, burned-in hospital tokens or portable-unit labels through which
  chest X-ray models learned the hospital instead of the disease (Zech et al.,
  *PLoS Med* 2018; DeGrave et al., *Nat Mach Intell* 2021). :func:`marker_mask`
  gives the region where the marker lies and :func:`attribution_share` the share
  of an explanation map (occlusion, SHAP) that falls in it.
* :func:`acquisition_shift` imitates images from "another hospital": lower
  contrast, Gaussian noise, blur, or lower resolution (down-sampling then
  up-sampling), at a chosen strength.

:func:`show_attribution` draws an explanation map over the image it explains.

Every function takes a batch of grey-level images ``(n, height, width)`` (or a
single 2-D image), uint8 0–255 as in :mod:`iasante.datasets`, and returns new
arrays: the input is never modified.
"""

from __future__ import annotations

import numpy as np
from scipy import ndimage
from skimage.transform import resize

from ._errors import IASanteError

__all__ = ["CORNERS", "SHIFTS", "add_marker", "marker_mask", "attribution_share", "acquisition_shift",
           "show_attribution"]

#: Corners where :func:`add_marker` can stamp its square.
CORNERS: tuple[str, ...] = ("top-left", "top-right", "bottom-left", "bottom-right")

#: Kinds of :func:`acquisition_shift` and the meaning (unit) of their strength.
SHIFTS: dict[str, str] = {
    "contrast": "fraction of contrast lost around each image's mean grey level (0 = unchanged, < 1)",
    "noise": "standard deviation of additive Gaussian noise, in grey levels (0–255 scale)",
    "blur": "standard deviation of a Gaussian blur, in pixels",
    "resolution": "down-sampling factor (1 = unchanged, 2 = half the pixels in each direction)",
}


def _images(images) -> tuple[np.ndarray, bool]:
    """Validate grey images; return a float batch (n, h, w) and whether the input was 2-D."""
    try:
        arr = np.asarray(images)
    except Exception:  # noqa: BLE001
        raise IASanteError("« images » doit être un tableau d'images (n, hauteur, largeur).") from None
    single = arr.ndim == 2
    if single:
        arr = arr[None]
    if arr.ndim != 3 or arr.size == 0 or arr.dtype.kind not in "uif":
        raise IASanteError(
            f"Un lot d'images en niveaux de gris (n, hauteur, largeur) est attendu ; reçu la forme {arr.shape}."
        )
    if arr.dtype.kind == "f" and not np.isfinite(arr).all():
        raise IASanteError("Les images contiennent des valeurs manquantes ou infinies (NaN, inf).")
    return arr.astype(float), single


def _as_uint8(batch: np.ndarray, single: bool) -> np.ndarray:
    out = np.clip(np.rint(batch), 0, 255).astype(np.uint8)
    return out[0] if single else out


def _probability(value, name: str) -> float:
    try:
        p = float(value)
    except (TypeError, ValueError):
        raise IASanteError(f"« {name} » doit être une probabilité entre 0 et 1.") from None
    if not 0.0 <= p <= 1.0:
        raise IASanteError(f"« {name} » doit être une probabilité entre 0 et 1 (reçu {value}).")
    return p


def marker_mask(shape: tuple[int, int], size: int = 3, corner: str = "top-left", margin: int = 1,
                pad: int = 0) -> np.ndarray:
    """Boolean mask of the marker square stamped by :func:`add_marker`.

    Parameters
    ----------
    shape : (height, width) of one image.
    size, corner, margin : as in :func:`add_marker`.
    pad : int
        Pixels added around the square on the image side (useful for an
        occlusion map, whose patches touching the marker spread its effect).

    Returns
    -------
    ndarray of bool, of shape ``shape``.
    """
    if corner not in CORNERS:
        raise IASanteError(f"Coin inconnu : « {corner} » (choisir parmi {', '.join(CORNERS)}).")
    try:
        h, w = (int(v) for v in shape)
    except (TypeError, ValueError):
        raise IASanteError("« shape » doit être (hauteur, largeur).") from None
    for name, value, low in (("size", size, 1), ("margin", margin, 0), ("pad", pad, 0)):
        if not isinstance(value, int | np.integer) or value < low:
            raise IASanteError(f"« {name} » doit être un entier supérieur ou égal à {low}.")
    if margin + size > min(h, w):
        raise IASanteError("Le marqueur (marge + taille) ne tient pas dans l'image.")
    rows = slice(margin, margin + size + pad) if corner.startswith("top") else slice(
        max(h - margin - size - pad, 0), h - margin)
    cols = slice(margin, margin + size + pad) if corner.endswith("left") else slice(
        max(w - margin - size - pad, 0), w - margin)
    mask = np.zeros((h, w), dtype=bool)
    mask[rows, cols] = True
    return mask


def add_marker(images, labels, p_positive: float = 0.9, p_negative: float = 0.1, size: int = 3,
               corner: str = "top-left", value: int = 255, margin: int = 1,
               random_state: int | None = None) -> tuple[np.ndarray, np.ndarray]:
    """Stamp a square marker on some images, more often on one class than the other.

    Each image with label 1 receives the marker with probability
    ``p_positive``, each image with label 0 with probability ``p_negative``
    (independently). With ``p_positive = p_negative`` the marker carries no
    information on the label; with 1 and 0 it predicts it perfectly.

    Parameters
    ----------
    images : array (n, height, width), uint8 grey levels 0–255.
    labels : array (n,) of 0 and 1.
    p_positive, p_negative : float
        Probabilities of marking an image of class 1 and of class 0.
    size : int
        Side of the square, in pixels.
    corner : str
        One of :data:`CORNERS`.
    value : int
        Grey level of the marker (255 = white, like a burned-in letter).
    margin : int
        Distance from the image border, in pixels.
    random_state : int or None
        Seed of the draw.

    Returns
    -------
    marked : uint8 array (n, height, width)
        A copy of ``images`` with the marker on the selected images.
    has_marker : bool array (n,)
        Which images received the marker.
    """
    batch, single = _images(images)
    if single:
        raise IASanteError("add_marker attend un lot d'images (n, hauteur, largeur) et une étiquette par image.")
    y = np.asarray(labels).reshape(-1)
    if len(y) != len(batch):
        raise IASanteError(f"{len(batch)} images mais {len(y)} étiquettes : il en faut une par image.")
    if not np.isin(y, (0, 1)).all():
        raise IASanteError("Les étiquettes doivent valoir 0 ou 1.")
    pp = _probability(p_positive, "p_positive")
    pn = _probability(p_negative, "p_negative")
    if not 0 <= value <= 255:
        raise IASanteError("« value » doit être un niveau de gris entre 0 et 255.")
    mask = marker_mask(batch.shape[1:], size=size, corner=corner, margin=margin)
    draw = np.random.default_rng(random_state).random(len(y))
    has_marker = np.where(y == 1, draw < pp, draw < pn)
    batch[has_marker] = np.where(mask, float(value), batch[has_marker])
    return _as_uint8(batch, False), has_marker


def attribution_share(attribution, mask) -> float:
    """Share of the absolute attribution that falls inside ``mask``.

    ``attribution`` is an explanation map (occlusion drop, SHAP values) with
    the shape of one image, or a stack of maps (their absolute values are
    summed). Returns a number between 0 and 1; 0 when the map is all zeros.
    """
    att = np.abs(np.asarray(attribution, dtype=float))
    region = np.asarray(mask, dtype=bool)
    if att.ndim == 3:
        att = att.sum(axis=0)
    if att.shape != region.shape:
        raise IASanteError(f"La carte {att.shape} et le masque {region.shape} n'ont pas la même forme.")
    if not np.isfinite(att).all():
        raise IASanteError("La carte d'attribution contient des valeurs non finies.")
    total = att.sum()
    return float(att[region].sum() / total) if total > 0 else 0.0


def acquisition_shift(images, kind: str, strength: float, random_state: int | None = None) -> np.ndarray:
    """Degrade images as a different acquisition chain ("another hospital") would.

    Parameters
    ----------
    images : array (n, height, width) or (height, width), grey levels 0–255.
    kind : str
        One of :data:`SHIFTS`:

        * ``"contrast"`` — each image is pulled towards its mean grey level,
          ``mean + (1 - strength) * (x - mean)``; ``strength`` in [0, 1);
        * ``"noise"`` — Gaussian noise of standard deviation ``strength`` grey
          levels is added;
        * ``"blur"`` — Gaussian blur of standard deviation ``strength`` pixels;
        * ``"resolution"`` — the image is reduced by the factor ``strength``
          (≥ 1, with anti-aliasing) then brought back to its size by bilinear
          interpolation: the pixel count is unchanged, the detail is lost.
    strength : float
        0 (1 for ``"resolution"``) leaves the images unchanged.
    random_state : int or None
        Seed of the noise (``"noise"`` only).

    Returns
    -------
    uint8 array of the same shape, rounded and clipped to 0–255.
    """
    if kind not in SHIFTS:
        raise IASanteError(f"Perturbation inconnue : « {kind} » (choisir parmi {', '.join(SHIFTS)}).")
    try:
        s = float(strength)
    except (TypeError, ValueError):
        raise IASanteError("« strength » doit être un nombre.") from None
    if not np.isfinite(s) or s < 0:
        raise IASanteError("« strength » doit être un nombre positif ou nul.")
    batch, single = _images(images)
    if kind == "contrast":
        if s >= 1:
            raise IASanteError("Pour « contrast », « strength » est une fraction de contraste perdue, entre 0 et 1 (exclu).")
        mean = batch.mean(axis=(1, 2), keepdims=True)
        out = mean + (1 - s) * (batch - mean)
    elif kind == "noise":
        out = batch + np.random.default_rng(random_state).normal(0.0, s, size=batch.shape)
    elif kind == "blur":
        out = ndimage.gaussian_filter(batch, sigma=(0, s, s), mode="nearest") if s > 0 else batch
    else:
        if s < 1:
            raise IASanteError("Pour « resolution », « strength » est un facteur de réduction supérieur ou égal à 1.")
        n, h, w = batch.shape
        small = (n, max(1, round(h / s)), max(1, round(w / s)))
        out = resize(resize(batch, small, order=1, anti_aliasing=s > 1, preserve_range=True),
                     batch.shape, order=1, preserve_range=True) if s > 1 else batch
    return _as_uint8(out, single)


def show_attribution(ax, image, attribution, limit: float | None = None, title: str = "", cmap: str = "PuOr_r"):
    """Draw a grey-level image with an explanation map on top of it.

    The map (occlusion drop, SHAP values...) uses a diverging colour map
    centred on 0, from ``-limit`` to ``+limit``: with the default ``PuOr_r``,
    orange marks regions that support the positive class and purple regions
    that argue against it. Its opacity grows with ``|attribution| / limit``,
    so that the anatomy stays visible where the map is close to 0.

    Parameters
    ----------
    ax : matplotlib Axes.
    image : 2-D array, grey levels 0–255 (or floats in [0, 1]).
    attribution : 2-D array of the same shape.
    limit : float, optional
        Half-width of the colour scale (default: the largest absolute value);
        give the same limit to maps that should be compared.
    title : str
        Title of the panel.
    cmap : str
        A diverging matplotlib colour map.

    Returns
    -------
    The ``AxesImage`` of the map, to pass to ``fig.colorbar``.
    """
    img = np.asarray(image, dtype=float)
    att = np.asarray(attribution, dtype=float)
    if img.ndim != 2 or att.shape != img.shape:
        raise IASanteError(f"L'image {img.shape} et la carte {att.shape} doivent être deux tableaux 2-D de même forme.")
    if not (np.isfinite(img).all() and np.isfinite(att).all()):
        raise IASanteError("L'image et la carte ne doivent contenir que des valeurs finies.")
    half = float(np.abs(att).max()) if limit is None else float(limit)
    if half <= 0:
        half = 1.0
    ax.imshow(img, cmap="gray", vmin=0, vmax=255 if img.max() > 1 else 1)
    opacity = np.clip(np.abs(att) / half, 0, 1) * 0.85
    shown = ax.imshow(att, cmap=cmap, vmin=-half, vmax=half, alpha=opacity)
    h, w = img.shape
    ax.set(title=title, xticks=[0, w - 1], yticks=[0, h - 1])
    ax.grid(False)
    return shown
