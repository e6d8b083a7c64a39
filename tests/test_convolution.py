"""iasante.convolution: checked against SciPy and hand-computed values."""

import numpy as np
import pytest
from scipy import ndimage, signal

from iasante import IASanteError
from iasante.convolution import (
    KERNELS,
    augment,
    conv2d,
    conv_features,
    max_pool,
    receptive_field,
    relu,
)

RNG = np.random.default_rng(0)
IMAGE = RNG.random((28, 28))
ASYMMETRIC = RNG.normal(size=(3, 3))


@pytest.mark.parametrize("name", sorted(KERNELS))
def test_conv2d_is_scipy_correlation(name):
    kernel = KERNELS[name]
    assert np.allclose(conv2d(IMAGE, kernel), signal.correlate2d(IMAGE, kernel, mode="valid"))
    assert np.allclose(conv2d(IMAGE, kernel, padding="same"), signal.correlate2d(IMAGE, kernel, mode="same"))


def test_conv2d_flip_is_scipy_convolution():
    assert np.allclose(conv2d(IMAGE, ASYMMETRIC, flip=True), signal.convolve2d(IMAGE, ASYMMETRIC, mode="valid"))
    assert np.allclose(conv2d(IMAGE, ASYMMETRIC, padding="same", flip=True),
                       signal.convolve2d(IMAGE, ASYMMETRIC, mode="same"))
    assert not np.allclose(conv2d(IMAGE, ASYMMETRIC), conv2d(IMAGE, ASYMMETRIC, flip=True))


def test_conv2d_matches_ndimage_with_zero_padding():
    expected = ndimage.correlate(IMAGE, ASYMMETRIC, mode="constant", cval=0.0)
    assert np.allclose(conv2d(IMAGE, ASYMMETRIC, padding="same"), expected)


def test_conv2d_by_hand():
    image = np.arange(16.0).reshape(4, 4)
    out = conv2d(image, KERNELS["sobel_x"])
    # each row increases by 1 per column: (1+2+1) * (2 - 0) = 8 everywhere
    assert out.shape == (2, 2) and np.allclose(out, 8.0)
    assert np.allclose(conv2d(image, KERNELS["sobel_y"]), 32.0)  # rows differ by 4: 4 * 2 * 4
    assert np.allclose(conv2d(np.ones((5, 5)), KERNELS["blur"]), 1.0)
    assert np.allclose(conv2d(np.ones((5, 5)), KERNELS["laplacian"]), 0.0)


def test_conv2d_batch_equals_image_by_image():
    batch = RNG.random((5, 10, 9))
    out = conv2d(batch, ASYMMETRIC, padding="same")
    assert out.shape == batch.shape
    for img, res in zip(batch, out, strict=True):
        assert np.allclose(res, signal.correlate2d(img, ASYMMETRIC, mode="same"))


def test_non_square_kernel_valid():
    kernel = RNG.normal(size=(2, 3))
    assert np.allclose(conv2d(IMAGE, kernel), signal.correlate2d(IMAGE, kernel, mode="valid"))


@pytest.mark.parametrize("bad", [
    dict(images="image"), dict(images=np.zeros(5)), dict(images=np.zeros((2, 2, 2, 2))),
    dict(images=np.full((4, 4), np.nan)), dict(kernel=np.zeros(3)), dict(kernel="k"),
    dict(padding="full"), dict(kernel=np.ones((2, 2)), padding="same"), dict(images=np.zeros((2, 2))),
])
def test_conv2d_errors_are_french(bad):
    kwargs = dict(images=IMAGE, kernel=KERNELS["blur"], padding="valid") | bad
    with pytest.raises(IASanteError):
        conv2d(kwargs["images"], kwargs["kernel"], padding=kwargs["padding"])


def test_relu():
    assert np.array_equal(relu([-2.0, 0.0, 3.5]), [0.0, 0.0, 3.5])


def test_max_pool_by_hand_and_shapes():
    image = np.array([[1, 2, 0, 0], [3, 4, 0, 5], [9, 0, 1, 1], [0, 0, 1, 2]], dtype=float)
    assert np.array_equal(max_pool(image, 2), [[4, 5], [9, 2]])
    assert max_pool(IMAGE).shape == (14, 14)
    assert max_pool(max_pool(IMAGE)).shape == (7, 7)
    assert max_pool(np.zeros((3, 7, 5)), 2).shape == (3, 3, 2)  # incomplete blocks are dropped
    assert max_pool(IMAGE, 1).shape == (28, 28)
    for bad in (0, 2.5, True, 40):
        with pytest.raises(IASanteError):
            max_pool(IMAGE, bad)


def test_conv_features():
    batch = RNG.random((3, 28, 28))
    feats = conv_features(batch)
    assert feats.shape == (3, len(KERNELS) * 7 * 7)
    first = max_pool(max_pool(relu(conv2d(batch[0], KERNELS["sobel_x"], padding="same"))))
    assert np.allclose(feats[0, :49], first.ravel())
    assert (feats >= 0).all()
    assert conv_features(batch, [KERNELS["blur"]], n_pool=1).shape == (3, 196)
    assert conv_features(batch, {"b": KERNELS["blur"]}, n_pool=0).shape == (3, 784)
    with pytest.raises(IASanteError):
        conv_features(batch, [])
    with pytest.raises(IASanteError):
        conv_features(batch, n_pool=-1)


def test_receptive_field():
    assert receptive_field([(3, 1), (2, 2), (3, 1), (2, 2)]) == [3, 4, 8, 10]
    assert receptive_field([(3, 1)] * 3) == [3, 5, 7]  # three 3 × 3 convolutions see 7 × 7
    assert receptive_field([]) == []
    with pytest.raises(IASanteError):
        receptive_field([(0, 1)])
    with pytest.raises(IASanteError):
        receptive_field("abc")


def test_kernels_are_read_only():
    with pytest.raises(ValueError):
        KERNELS["blur"][0, 0] = 1.0


def test_augment_shapes_types_and_reproducibility():
    batch = (RNG.random((6, 28, 28)) * 255).astype(np.uint8)
    a = augment(batch, random_state=1)
    assert a.shape == batch.shape and a.dtype == np.uint8
    assert np.array_equal(a, augment(batch, random_state=1))
    assert not np.array_equal(a, augment(batch, random_state=2))
    floats = augment(batch / 255.0, random_state=1)
    assert floats.dtype == np.float64 and floats.min() >= 0 and floats.max() <= 1
    assert augment(batch[0], random_state=1).shape == (28, 28)


def test_augment_identity_and_pure_shift():
    batch = (RNG.random((2, 28, 28)) * 255).astype(np.uint8)
    same = augment(batch, max_shift=0, max_angle=0, contrast=0)
    assert np.array_equal(same, batch)
    # a pure integer shift moves the content (checked against ndimage.shift)
    image = np.zeros((1, 9, 9))
    image[0, 4, 4] = 1.0
    rng = np.random.default_rng(5)
    shift = rng.uniform(-2, 2, size=(1, 2))
    out = augment(image, random_state=5, max_shift=2, max_angle=0, contrast=0)
    expected = ndimage.shift(image[0], shift[0], order=1, mode="nearest")
    assert np.allclose(out[0], expected)


def test_augment_flip_mirrors_left_right():
    image = np.zeros((8, 28, 28))
    image[:, :, :5] = 1.0  # a bright band on the left
    flipped = augment(image, random_state=0, max_shift=0, max_angle=0, contrast=0, flip=True)
    left, right = flipped[:, :, :5].mean(axis=(1, 2)), flipped[:, :, -5:].mean(axis=(1, 2))
    assert (right == 1).any() and (left == 1).any()  # some images mirrored, some not
    assert np.array_equal(augment(image, max_shift=0, max_angle=0, contrast=0), image)  # default: no flip


@pytest.mark.parametrize("bad", [dict(max_shift=-1), dict(max_angle=np.nan), dict(contrast=1.0),
                                 dict(images=np.full((2, 4, 4), 300.0))])
def test_augment_errors_are_french(bad):
    kwargs = dict(images=np.zeros((2, 4, 4))) | bad
    images = kwargs.pop("images")
    with pytest.raises(IASanteError):
        augment(images, **kwargs)
