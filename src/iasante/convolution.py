"""Convolution, pooling and data augmentation written out in NumPy (module 3).

What a convolutional neural network computes in its first layers, without a
deep-learning framework: a small kernel slides over the image
(:func:`conv2d`), a rectifier keeps the positive responses (:func:`relu`),
max-pooling halves the resolution (:func:`max_pool`). :func:`conv_features`
chains them with a bank of fixed kernels (:data:`KERNELS`) into a tiny
"hand-built convolutional feature extractor"; :func:`receptive_field` gives the
size of the input region one output unit sees; :func:`augment` draws small
random shifts, rotations and contrast changes of a batch of images.

Like PyTorch's ``Conv2d`` (and every CNN library), :func:`conv2d` computes a
*cross-correlation* by default: the kernel is not flipped. With
``flip=True`` it computes the convolution of the mathematicians (the kernel is
rotated by 180°), which equals :func:`scipy.signal.convolve2d`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np
from numpy.lib.stride_tricks import sliding_window_view
from scipy import ndimage

from ._errors import IASanteError

__all__ = ["KERNELS", "conv2d", "relu", "max_pool", "conv_features", "receptive_field", "augment"]

#: Classic 3 × 3 kernels. ``sobel_x`` responds to a grey level that increases
#: from left to right (vertical edges), ``sobel_y`` from top to bottom
#: (horizontal edges); ``laplacian`` to spots and thin lines; ``blur`` averages
#: (a binomial approximation of a Gaussian, weights summing to 1).
KERNELS: dict[str, np.ndarray] = {
    "sobel_x": np.array([[-1.0, 0.0, 1.0], [-2.0, 0.0, 2.0], [-1.0, 0.0, 1.0]]),
    "sobel_y": np.array([[-1.0, -2.0, -1.0], [0.0, 0.0, 0.0], [1.0, 2.0, 1.0]]),
    "laplacian": np.array([[0.0, 1.0, 0.0], [1.0, -4.0, 1.0], [0.0, 1.0, 0.0]]),
    "blur": np.array([[1.0, 2.0, 1.0], [2.0, 4.0, 2.0], [1.0, 2.0, 1.0]]) / 16.0,
}
for _kernel in KERNELS.values():
    _kernel.setflags(write=False)


def _images(images, name: str = "images") -> tuple[np.ndarray, bool]:
    """Return ``images`` as a float batch (n, h, w) and whether the input was a single image."""
    try:
        arr = np.asarray(images, dtype=float)
    except (TypeError, ValueError):
        raise IASanteError(f"« {name} » doit être un tableau de nombres (une image ou un lot d'images).") from None
    if arr.ndim not in (2, 3) or arr.size == 0:
        raise IASanteError(f"« {name} » doit être une image (hauteur, largeur) ou un lot (n, hauteur, largeur) ; "
                           f"forme reçue {arr.shape}.")
    if not np.isfinite(arr).all():
        raise IASanteError(f"« {name} » contient des valeurs manquantes ou infinies.")
    single = arr.ndim == 2
    return (arr[None] if single else arr), single


def _kernel(kernel) -> np.ndarray:
    try:
        k = np.asarray(kernel, dtype=float)
    except (TypeError, ValueError):
        raise IASanteError("Le noyau doit être un petit tableau 2-D de nombres.") from None
    if k.ndim != 2 or k.size == 0 or not np.isfinite(k).all():
        raise IASanteError(f"Le noyau doit être un tableau 2-D de nombres finis ; forme reçue {k.shape}.")
    return k


def conv2d(images, kernel, padding: str = "valid", flip: bool = False) -> np.ndarray:
    """Slide ``kernel`` over one image or a batch of images.

    Parameters
    ----------
    images : array (h, w) or (n, h, w)
        Grey-level image(s).
    kernel : array (kh, kw)
        The filter, for example ``KERNELS["sobel_x"]``.
    padding : {"valid", "same"}
        ``"valid"``: only positions where the kernel lies entirely inside the
        image, output (h − kh + 1, w − kw + 1). ``"same"``: the image is padded
        with zeros so that the output has the size of the input (odd kernels).
    flip : bool
        ``False`` (default): cross-correlation, what CNNs compute, equal to
        :func:`scipy.signal.correlate2d`. ``True``: true convolution (kernel
        rotated by 180°), equal to :func:`scipy.signal.convolve2d`.

    Returns
    -------
    ndarray of float, shape (h', w') or (n, h', w')
        The feature map(s): at each position, the sum of the pixels times the
        kernel weights.
    """
    batch, single = _images(images)
    k = _kernel(kernel)
    if padding not in ("valid", "same"):
        raise IASanteError(f"padding doit valoir « valid » ou « same » (reçu : {padding!r}).")
    if flip:
        k = k[::-1, ::-1]
    kh, kw = k.shape
    if padding == "same":
        if kh % 2 == 0 or kw % 2 == 0:
            raise IASanteError("padding « same » demande un noyau de taille impaire (3 × 3, 5 × 5…).")
        batch = np.pad(batch, ((0, 0), (kh // 2, kh // 2), (kw // 2, kw // 2)))
    if batch.shape[1] < kh or batch.shape[2] < kw:
        raise IASanteError(f"Le noyau {k.shape} est plus grand que l'image {batch.shape[1:]}.")
    windows = sliding_window_view(batch, (kh, kw), axis=(1, 2))  # (n, h', w', kh, kw)
    out = np.einsum("nijkl,kl->nij", windows, k)
    return out[0] if single else out


def relu(x) -> np.ndarray:
    """Rectified linear unit: keep positive values, replace negative ones by 0."""
    return np.maximum(np.asarray(x, dtype=float), 0.0)


def max_pool(images, size: int = 2) -> np.ndarray:
    """Non-overlapping max-pooling: keep the maximum of each ``size`` × ``size`` block.

    A 28 × 28 map becomes 14 × 14 with ``size=2``. Rows or columns that do not
    fill a whole block are dropped (as PyTorch's ``MaxPool2d`` does).
    """
    batch, single = _images(images)
    if isinstance(size, bool) or not isinstance(size, int | np.integer) or size < 1:
        raise IASanteError(f"size doit être un entier positif (reçu : {size!r}).")
    n, h, w = batch.shape
    if h < size or w < size:
        raise IASanteError(f"L'image {h} × {w} est plus petite que la fenêtre de {size} × {size}.")
    hh, ww = h // size, w // size
    blocks = batch[:, : hh * size, : ww * size].reshape(n, hh, size, ww, size)
    out = blocks.max(axis=(2, 4))
    return out[0] if single else out


def conv_features(images, kernels: Mapping[str, np.ndarray] | Sequence[np.ndarray] | None = None,
                  n_pool: int = 2) -> np.ndarray:
    """A hand-built convolutional feature extractor: fixed kernels → ReLU → max-pooling.

    Each kernel is applied with ``"same"`` padding, the map is rectified, then
    max-pooled ``n_pool`` times by 2 (28 → 14 → 7). The pooled maps of all
    kernels are flattened side by side.

    Parameters
    ----------
    images : array (n, h, w)
        Images, ideally scaled to [0, 1].
    kernels : dict or list of 2-D arrays, optional
        The filter bank (default: :data:`KERNELS`).
    n_pool : int
        Number of 2 × 2 max-pooling steps.

    Returns
    -------
    ndarray (n, n_kernels × h' × w')
        One row of features per image.
    """
    batch, _ = _images(images)
    source = KERNELS if kernels is None else kernels
    bank = list(source.values()) if isinstance(source, Mapping) else list(source)
    if not bank:
        raise IASanteError("La banque de filtres est vide.")
    if isinstance(n_pool, bool) or not isinstance(n_pool, int | np.integer) or n_pool < 0:
        raise IASanteError(f"n_pool doit être un entier positif ou nul (reçu : {n_pool!r}).")
    maps = []
    for kernel in bank:
        fmap = relu(conv2d(batch, kernel, padding="same"))
        for _ in range(n_pool):
            fmap = max_pool(fmap, 2)
        maps.append(fmap.reshape(len(batch), -1))
    return np.concatenate(maps, axis=1)


def receptive_field(layers: Sequence[tuple[int, int]]) -> list[int]:
    """Receptive-field size after each layer of a stack of convolutions and poolings.

    Parameters
    ----------
    layers : sequence of (kernel_size, stride)
        For example ``[(3, 1), (2, 2), (3, 1), (2, 2)]`` for
        conv 3 × 3 → max-pool 2 → conv 3 × 3 → max-pool 2.

    Returns
    -------
    list of int
        Side (in input pixels) of the square region that one unit of each
        layer sees: r ← r + (k − 1) × j, where j is the product of the
        previous strides (Dumoulin & Visin, 2016).
    """
    try:
        pairs = [(int(k), int(s)) for k, s in layers]
    except (TypeError, ValueError):
        raise IASanteError("layers doit être une liste de couples (taille du noyau, pas).") from None
    if any(k < 1 or s < 1 for k, s in pairs):
        raise IASanteError("Tailles de noyau et pas doivent être des entiers ≥ 1.")
    size, jump, sizes = 1, 1, []
    for k, s in pairs:
        size += (k - 1) * jump
        jump *= s
        sizes.append(size)
    return sizes


def augment(images, random_state: int | np.random.Generator | None = 0, max_shift: float = 2.0,
            max_angle: float = 10.0, contrast: float = 0.2, flip: bool = False) -> np.ndarray:
    """Random, label-preserving small transformations of a batch of grey images.

    Each image receives its own random translation (up to ``max_shift`` pixels
    in each direction), rotation (up to ``max_angle`` degrees about the centre)
    and contrast change (a gamma correction with exponent drawn in
    [1 − ``contrast``, 1 + ``contrast``]). Borders are filled with the nearest
    pixel values.

    ``flip=True`` also mirrors half the images left–right. For a chest X-ray
    this is **not** innocuous: it puts the heart on the right, which mimics a
    dextrocardia; the default is therefore ``False``.

    Parameters
    ----------
    images : array (n, h, w)
        uint8 (0–255) or floats in [0, 1].
    random_state : int, Generator or None
        Seed for reproducibility.

    Returns
    -------
    ndarray with the dtype and shape of ``images``.
    """
    batch, single = _images(images)
    dtype = np.asarray(images).dtype
    top = 255.0 if dtype.kind in "ui" else 1.0
    if batch.min() < 0 or batch.max() > top:
        raise IASanteError("Les niveaux de gris doivent être entre 0 et 255 (entiers) ou entre 0 et 1 (réels).")
    for name, value in (("max_shift", max_shift), ("max_angle", max_angle), ("contrast", contrast)):
        if not np.isfinite(value) or value < 0:
            raise IASanteError(f"{name} doit être un nombre positif ou nul (reçu : {value!r}).")
    if contrast >= 1:
        raise IASanteError("contrast doit être inférieur à 1 (exposant gamma entre 1 − contrast et 1 + contrast).")
    rng = np.random.default_rng(random_state)
    n, h, w = batch.shape
    shifts = rng.uniform(-max_shift, max_shift, size=(n, 2))
    angles = np.deg2rad(rng.uniform(-max_angle, max_angle, size=n))
    gammas = rng.uniform(1 - contrast, 1 + contrast, size=n)
    flips = rng.random(n) < 0.5 if flip else np.zeros(n, dtype=bool)
    centre = np.array([(h - 1) / 2, (w - 1) / 2])
    out = np.empty_like(batch)
    for i in range(n):
        img = batch[i, :, ::-1] if flips[i] else batch[i]
        c, s = np.cos(angles[i]), np.sin(angles[i])
        matrix = np.array([[c, -s], [s, c]])
        # output pixel o reads input pixel matrix @ (o - centre) + centre - shift
        offset = centre - matrix @ centre - matrix @ shifts[i]
        moved = ndimage.affine_transform(img, matrix, offset=offset, order=1, mode="nearest")
        out[i] = top * (np.clip(moved, 0, top) / top) ** gammas[i]
    if dtype.kind in "ui":
        out = np.round(out)
    out = out.astype(dtype)
    return out[0] if single else out
