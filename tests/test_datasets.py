"""The data registry: every dataset loads offline and has a complete card."""

from pathlib import Path

import pandas as pd
import pytest

from iasante import IASanteError, datasets

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize("name", sorted(datasets.DATASETS))
def test_dataset_matches_its_card(name):
    info = datasets.DATASETS[name]
    loaded = datasets.load(name)
    if info.kind == "collection":  # named images, volumes or DICOM files
        assert isinstance(loaded, dict) and list(loaded) == list(info.columns)
        assert len(loaded) == info.n_rows and all(item is not None for item in loaded.values())
    else:
        frame = loaded if isinstance(loaded, pd.DataFrame) else loaded.frame  # image sets: one row per image
        assert isinstance(frame, pd.DataFrame)
        assert list(frame.columns) == list(info.columns), "columns differ from the registry"
        assert len(frame) == info.n_rows
        assert info.target in frame.columns
        assert not frame.isna().any().any()
    for field in ("title", "description", "source", "licence", "citation", "bibkey", "uses", "limits", "origin"):
        assert str(getattr(info, field)).strip(), f"{name}: empty {field}"
    for col, text in info.columns.items():
        assert len(text) > 10 and text.endswith("."), f"{name}.{col}: description too short"


def test_bibkeys_exist_in_references():
    bib = (ROOT / "book" / "references.bib").read_text(encoding="utf-8")
    bib += "".join(p.read_text(encoding="utf-8") for p in (ROOT / "book" / "bib").glob("*.bib"))
    for info in datasets.DATASETS.values():
        assert f"{{{info.bibkey}," in bib, info.bibkey


def test_breast_cancer_target_is_malignant_positive():
    frame = datasets.load_breast_cancer()
    assert frame["malignant"].sum() == 212  # 212 malignant, 357 benign (UCI)


def test_list_and_describe():
    table = datasets.list_datasets()
    assert set(table.index) == set(datasets.DATASETS)
    desc = datasets.describe_columns("whas500")
    assert "Sexe" in desc.loc["gender", "description"]
    assert "Licence" in datasets.data_card("gbsg2")


def test_unknown_dataset_is_a_french_error():
    with pytest.raises(IASanteError, match="jeu de données inconnu.*breast_cancer"):
        datasets.load("breast_cancr")


def test_data_page_is_up_to_date():
    page = (ROOT / "book" / "donnees.md").read_text(encoding="utf-8")
    assert page == datasets.render_markdown(), "run: make datapage"


def test_outcome_by_horizon_drops_early_censoring():
    frame = pd.DataFrame({"t": [100, 400, 200, 500], "e": [1, 1, 0, 0]})
    out = datasets.outcome_by_horizon(frame, 365, "t", "e", "y")
    assert out["y"].tolist() == [1, 0, 0] and len(out) == 3  # the patient censored at 200 is dropped
    with pytest.raises(IASanteError, match="absente"):
        datasets.outcome_by_horizon(frame, 365, "time", "e")
    with pytest.raises(IASanteError, match="positive"):
        datasets.outcome_by_horizon(frame, -1, "t", "e")


@pytest.mark.parametrize("name, counts", [
    ("pneumoniamnist", {"train": (4708, 3494), "val": (524, 389), "test": (624, 390)}),
    ("breastmnist", {"train": (546, 147), "val": (78, 21), "test": (156, 42)}),
])
def test_image_sets_official_splits(name, counts):
    images = datasets.load(name)
    assert images.images.shape == (len(images), 28, 28) and images.images.dtype == "uint8"
    for split, (n, positives) in counts.items():
        X, y = images.get(split)
        assert (len(X), int(y.sum())) == (n, positives)
    with pytest.raises(IASanteError, match="partition inconnue"):
        images.get("validation")


def test_data_file_detects_missing_and_altered_files():
    with pytest.raises(IASanteError, match="introuvable"):
        datasets.data_file("medmnist/absent.npz", "0" * 64)
    with pytest.raises(IASanteError, match="modifié"):
        datasets.data_file("medmnist/breastmnist.npz", "0" * 64)


def test_reference_collections():
    dicom = datasets.load_dicom_examples()
    assert dicom["ct"].Modality == "CT" and dicom["mr"].Modality == "MR"
    mni = datasets.load_mni152(resolution=2)
    assert mni["template"].shape == mni["brain_mask"].shape
    with pytest.raises(IASanteError, match="resolution"):
        datasets.load_mni152(resolution=3)
    assert datasets.load_microscopy_images()["immunohistochemistry"].shape == (512, 512, 3)
