"""iasante.imaging against pydicom and hand-made masks."""

import numpy as np
import pydicom
import pytest
from pydicom.data import get_testdata_file
from pydicom.pixels import apply_modality_lut

from iasante import IASanteError
from iasante.imaging import WINDOWS, dice, iou, occlusion_map, to_hounsfield, window


def test_hounsfield_agrees_with_pydicom():
    ds = pydicom.dcmread(get_testdata_file("CT_small.dcm"))
    hu = to_hounsfield(ds)
    assert hu.dtype == float and hu.shape == (128, 128)
    np.testing.assert_allclose(hu, apply_modality_lut(ds.pixel_array, ds))
    assert float(ds.RescaleIntercept) == -1024  # so HU differ from raw pixels here


def test_hounsfield_rejects_non_dicom():
    with pytest.raises(IASanteError, match="DICOM"):
        to_hounsfield(np.zeros((2, 2)))


def test_window():
    assert window([-1000, 40, 1000], 40, 400).tolist() == [0.0, 0.5, 1.0]
    lung = window(np.linspace(-2000, 2000, 9), *WINDOWS["poumon"])
    assert lung.min() == 0.0 and lung.max() == 1.0
    with pytest.raises(IASanteError, match="positif"):
        window([0], 40, 0)
    with pytest.raises(IASanteError):
        window("abc", 40, 400)


def test_dice_iou_by_hand():
    a = np.zeros((4, 4), bool)
    b = np.zeros((4, 4), bool)
    a[:2, :2] = True  # 4 pixels
    b[:2, :3] = True  # 6 pixels, 4 shared
    assert dice(a, b) == pytest.approx(8 / 10)
    assert iou(a, b) == pytest.approx(4 / 6)
    assert dice(a, a) == iou(a, a) == 1.0
    assert dice(np.zeros(3), np.zeros(3)) == iou(np.zeros(3), np.zeros(3)) == 1.0
    assert dice(a, ~a) == 0.0
    # Dice = 2 IoU / (1 + IoU)
    assert dice(a, b) == pytest.approx(2 * iou(a, b) / (1 + iou(a, b)))


def test_masks_validation():
    with pytest.raises(IASanteError, match="même forme"):
        dice(np.zeros((2, 2)), np.zeros((3, 3)))
    with pytest.raises(IASanteError, match="booléen"):
        iou(np.array([0, 2]), np.array([0, 1]))


def test_occlusion_finds_the_informative_region():
    img = np.zeros((12, 12))
    img[2:5, 7:10] = 1.0  # the "lesion"

    def predict(batch):
        return batch[:, 2:5, 7:10].mean(axis=(1, 2))  # probability = brightness of the lesion

    heat = occlusion_map(predict, img, patch=3, stride=1, baseline=0.0)
    assert heat.shape == img.shape
    assert heat[2:5, 7:10].mean() > 0 and np.abs(heat[8:, :4]).max() == 0
    assert np.unravel_index(heat.argmax(), heat.shape) in [(i, j) for i in range(2, 5) for j in range(7, 10)]
    with pytest.raises(IASanteError, match="2-D"):
        occlusion_map(predict, np.zeros((2, 3, 3)))


def test_to_pixels():
    from iasante.imaging import to_pixels

    images = np.array([[[0, 255], [51, 102]]], dtype=np.uint8)
    rows = to_pixels(images)
    assert rows.shape == (1, 4) and rows.tolist() == [[0.0, 1.0, 0.2, 0.4]]
    assert to_pixels(images, dtype=np.float32).dtype == np.float32
    assert to_pixels(images.astype(float)).tolist() == rows.tolist()  # occluded copies are floats
    with pytest.raises(IASanteError, match="niveaux de gris"):
        to_pixels(np.zeros((2, 4)))
