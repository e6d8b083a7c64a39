"""iasante.radiomics against scikit-image and simple images."""

import numpy as np
import pytest
from skimage.feature import graycomatrix, graycoprops, hog

from iasante import IASanteError
from iasante.radiomics import (
    glcm_features,
    hog_features,
    intensity_features,
    lbp_features,
    radiomic_features,
)

RNG = np.random.default_rng(0)
IMAGES = RNG.integers(0, 256, (5, 28, 28), dtype=np.uint8)


def test_intensity_by_hand():
    flat = np.zeros((1, 10, 10), np.uint8)
    flat[0, :5] = 200
    f = intensity_features(flat).iloc[0]
    assert f["int_mean"] == 100 and f["int_std"] == 100 and f["int_entropy"] == pytest.approx(1.0)
    assert intensity_features(IMAGES)["int_mean"].tolist() == pytest.approx(IMAGES.reshape(5, -1).mean(axis=1))


@pytest.mark.parametrize("kind", ["random", "smooth", "constant"])
def test_glcm_matches_skimage(kind):
    if kind == "random":
        img = IMAGES[0]
    elif kind == "smooth":
        img = np.add.outer(np.arange(28), np.arange(28)).astype(np.uint8) * 4
    else:
        img = np.full((28, 28), 77, np.uint8)
    q = (img.astype(int) * 32 // 256).astype(np.uint8)
    glcm = graycomatrix(q, [1, 2], [0, np.pi / 4, np.pi / 2, 3 * np.pi / 4], levels=32, symmetric=True, normed=True)
    ours = glcm_features(np.stack([img, IMAGES[1]]))  # batch: the first row must not depend on the second
    for prop in ("contrast", "dissimilarity", "homogeneity", "energy", "correlation"):
        expected = np.nan_to_num(graycoprops(glcm, prop)).mean()
        assert ours[f"glcm_{prop}"].iloc[0] == pytest.approx(expected, abs=1e-9), prop


def test_hog_matches_skimage_and_shapes():
    expected = hog(IMAGES[1], orientations=9, pixels_per_cell=(7, 7), cells_per_block=(2, 2))
    assert hog_features(IMAGES)[1:2].to_numpy().ravel() == pytest.approx(expected)
    assert hog_features(IMAGES).shape == (5, 324)
    assert lbp_features(IMAGES).sum(axis=1).tolist() == pytest.approx([1.0] * 5)
    all_features = radiomic_features(IMAGES)
    assert all_features.shape == (5, 8 + 5 + 10 + 324) and not all_features.isna().any().any()


def test_float_images_and_bad_input():
    assert intensity_features(IMAGES / 255.0)["int_mean"].tolist() == pytest.approx(
        intensity_features(IMAGES)["int_mean"].tolist())
    for bad, words in [(np.zeros((3, 4, 4)), "8 × 8"), (np.full((1, 10, 10), 2.0), "entre 0 et 1"),
                       ("abc", "images"), (np.array([[["a"] * 10] * 10]), "nombres")]:
        with pytest.raises(IASanteError, match=words):
            intensity_features(bad)
