"""iasante.shortcut: markers, attribution share and acquisition shifts, against hand-computed values."""

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402
from scipy import ndimage  # noqa: E402

from iasante import IASanteError  # noqa: E402
from iasante.shortcut import (  # noqa: E402
    CORNERS,
    SHIFTS,
    acquisition_shift,
    add_marker,
    attribution_share,
    marker_mask,
    show_attribution,
)


def _images(n=6, size=10, value=100):
    return np.full((n, size, size), value, dtype=np.uint8)


# ----------------------------------------------------------------- marker_mask
def test_marker_mask_by_hand():
    top_left = marker_mask((10, 12), size=3, corner="top-left", margin=1)
    assert top_left.sum() == 9 and top_left[1:4, 1:4].all()
    bottom_right = marker_mask((10, 12), size=2, corner="bottom-right", margin=0)
    assert bottom_right.sum() == 4 and bottom_right[8:10, 10:12].all()
    top_right = marker_mask((10, 12), size=3, corner="top-right", margin=1)
    assert top_right[1:4, 8:11].all() and top_right.sum() == 9
    bottom_left = marker_mask((10, 12), size=3, corner="bottom-left", margin=1)
    assert bottom_left[6:9, 1:4].all() and bottom_left.sum() == 9
    padded = marker_mask((28, 28), size=3, margin=1, pad=3)
    assert padded.sum() == 36 and padded[1:7, 1:7].all()


@pytest.mark.parametrize("kwargs", [{"corner": "centre"}, {"size": 0}, {"margin": -1}, {"size": 30},
                                    {"pad": 1.5}], ids=lambda v: repr(v))
def test_marker_mask_rejects_bad_input(kwargs):
    with pytest.raises(IASanteError):
        marker_mask((28, 28), **kwargs)


# ------------------------------------------------------------------ add_marker
def test_add_marker_by_class_and_copy():
    images = _images(n=8)
    labels = np.array([0, 1] * 4)
    marked, has_marker = add_marker(images, labels, p_positive=1.0, p_negative=0.0, size=2, margin=0,
                                    random_state=0)
    assert marked.dtype == np.uint8 and marked.shape == images.shape
    assert (has_marker == (labels == 1)).all()
    assert (marked[labels == 1][:, :2, :2] == 255).all() and (marked[labels == 1][:, 2:, :] == 100).all()
    assert (marked[labels == 0] == 100).all()
    assert (images == 100).all(), "the input must not be modified"


def test_add_marker_frequencies_and_seed():
    rng = np.random.default_rng(1)
    labels = rng.integers(0, 2, 4000)
    images = np.zeros((4000, 8, 8), dtype=np.uint8)
    marked, has_marker = add_marker(images, labels, p_positive=0.8, p_negative=0.1, random_state=3)
    assert abs(has_marker[labels == 1].mean() - 0.8) < 0.03
    assert abs(has_marker[labels == 0].mean() - 0.1) < 0.03
    again, has_again = add_marker(images, labels, p_positive=0.8, p_negative=0.1, random_state=3)
    assert (again == marked).all() and (has_again == has_marker).all()
    mask = marker_mask((8, 8))
    assert (marked[has_marker][:, mask] == 255).all() and (marked[~has_marker] == 0).all()


@pytest.mark.parametrize("corner", CORNERS)
def test_add_marker_corners(corner):
    marked, _ = add_marker(_images(n=2), [1, 1], p_positive=1.0, corner=corner, value=7, random_state=0)
    mask = marker_mask((10, 10), corner=corner)
    assert (marked[:, mask] == 7).all() and (marked[:, ~mask] == 100).all()


@pytest.mark.parametrize(
    "args, kwargs",
    [((_images(n=3), [0, 1]), {}),
     ((_images(n=2), [0, 2]), {}),
     ((_images(n=2), [0, 1]), {"p_positive": 1.5}),
     ((_images(n=2), [0, 1]), {"p_negative": "abc"}),
     ((_images(n=2), [0, 1]), {"value": 300}),
     ((np.zeros((10, 10)), [1]), {}),
     (("abc", [1]), {})],
    ids=["n-labels", "labels-not-binary", "p-too-large", "p-text", "value", "single-image", "text"])
def test_add_marker_rejects_bad_input(args, kwargs):
    with pytest.raises(IASanteError):
        add_marker(*args, **kwargs)


# ----------------------------------------------------------- attribution_share
def test_attribution_share_by_hand():
    att = np.zeros((4, 4))
    att[0, 0], att[3, 3] = 3.0, -1.0
    mask = np.zeros((4, 4), bool)
    mask[:2, :2] = True
    assert attribution_share(att, mask) == pytest.approx(0.75)
    assert attribution_share(np.zeros((4, 4)), mask) == 0.0
    stack = np.stack([att, np.ones((4, 4))])  # |values| summed: 4 + 16 = 20, 3 + 4 = 7 inside
    assert attribution_share(stack, mask) == pytest.approx(7 / 20)
    with pytest.raises(IASanteError, match="même forme"):
        attribution_share(att, np.zeros((3, 3), bool))
    with pytest.raises(IASanteError):
        attribution_share(np.full((4, 4), np.nan), mask)


# ----------------------------------------------------------- acquisition_shift
@pytest.mark.parametrize("kind, neutral", [("contrast", 0), ("noise", 0), ("blur", 0), ("resolution", 1)])
def test_shift_identity(kind, neutral):
    images = np.random.default_rng(0).integers(0, 256, (3, 12, 12)).astype(np.uint8)
    out = acquisition_shift(images, kind, neutral, random_state=0)
    assert out.dtype == np.uint8 and (out == images).all()
    assert set(SHIFTS) == {"contrast", "noise", "blur", "resolution"}


def test_contrast_by_hand():
    image = np.array([[0, 100], [100, 200]], dtype=np.uint8)  # mean 100
    out = acquisition_shift(image, "contrast", 0.5)
    assert out.shape == (2, 2) and out.tolist() == [[50, 100], [100, 150]]
    assert (acquisition_shift(image, "contrast", 0.99) >= 98).all()


def test_noise_statistics_and_seed():
    images = np.full((50, 28, 28), 128, dtype=np.uint8)
    out = acquisition_shift(images, "noise", 20, random_state=1)
    assert abs(out.astype(float).std() - 20) < 1 and abs(out.astype(float).mean() - 128) < 1
    assert (acquisition_shift(images, "noise", 20, random_state=1) == out).all()
    assert not (acquisition_shift(images, "noise", 20, random_state=2) == out).all()
    assert acquisition_shift(images, "noise", 500, random_state=0).max() == 255  # clipped


def test_blur_matches_scipy_per_image():
    images = np.random.default_rng(0).integers(0, 256, (2, 16, 16)).astype(np.uint8)
    out = acquisition_shift(images, "blur", 1.5)
    for k in range(2):
        ref = ndimage.gaussian_filter(images[k].astype(float), 1.5, mode="nearest")
        np.testing.assert_array_equal(out[k], np.clip(np.rint(ref), 0, 255).astype(np.uint8))
    assert out.astype(float).std() < images.astype(float).std()
    flat = np.full((1, 16, 16), 90, dtype=np.uint8)
    assert (acquisition_shift(flat, "blur", 2.0) == 90).all()


def test_resolution_loses_detail_keeps_size():
    checker = ((np.indices((28, 28)).sum(axis=0) % 2) * 200).astype(np.uint8)[None]  # 1-pixel checkerboard
    out = acquisition_shift(checker, "resolution", 2)
    assert out.shape == checker.shape and out.dtype == np.uint8
    assert out.astype(float).std() < 0.1 * checker.astype(float).std()  # the fine pattern is gone
    assert abs(out.astype(float).mean() - 100) < 5
    flat = np.full((2, 28, 28), 60, dtype=np.uint8)
    assert (acquisition_shift(flat, "resolution", 3) == 60).all()
    smooth = np.tile(np.linspace(0, 255, 28), (28, 1)).astype(np.uint8)  # a gentle ramp survives
    assert np.abs(acquisition_shift(smooth, "resolution", 2).astype(int) - smooth).max() <= 12


@pytest.mark.parametrize(
    "kind, strength",
    [("gamma", 1), ("contrast", 1.0), ("contrast", -0.1), ("noise", float("nan")), ("blur", "abc"),
     ("resolution", 0.5)],
    ids=lambda v: repr(v))
def test_shift_rejects_bad_input(kind, strength):
    with pytest.raises(IASanteError):
        acquisition_shift(_images(), kind, strength)


def test_shift_rejects_bad_images():
    with pytest.raises(IASanteError):
        acquisition_shift(np.zeros((2, 2, 2, 2)), "blur", 1)
    with pytest.raises(IASanteError):
        acquisition_shift(np.array([[np.nan, 1.0], [1.0, 1.0]]), "blur", 1)
    with pytest.raises(IASanteError):
        acquisition_shift(np.array([["a", "b"]]), "noise", 1)


# ------------------------------------------------------------ show_attribution
def test_show_attribution_draws_a_centred_transparent_map():
    image = np.full((6, 6), 120, dtype=np.uint8)
    att = np.zeros((6, 6))
    att[0, 0], att[5, 5] = 2.0, -1.0
    fig, ax = plt.subplots()
    shown = show_attribution(ax, image, att, title="carte")
    assert shown.get_clim() == (-2.0, 2.0) and ax.get_title() == "carte"
    alpha = np.asarray(shown.get_alpha())
    assert alpha[0, 0] == pytest.approx(0.85) and alpha[5, 5] == pytest.approx(0.425) and alpha[2, 2] == 0
    assert len(ax.images) == 2 and ax.images[0].get_clim() == (0, 255)
    shown = show_attribution(ax, image / 255, np.zeros((6, 6)), limit=None)
    assert shown.get_clim() == (-1.0, 1.0) and ax.images[-2].get_clim() == (0, 1)
    assert show_attribution(ax, image, att, limit=0.5).get_clim() == (-0.5, 0.5)
    with pytest.raises(IASanteError, match="même forme"):
        show_attribution(ax, image, np.zeros((5, 5)))
    with pytest.raises(IASanteError):
        show_attribution(ax, image, np.full((6, 6), np.inf))
    plt.close(fig)
