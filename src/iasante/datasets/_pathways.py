"""Synthetic city–hospital–home care pathways of older adults (notebook M2.3).

No open French individual-level data on care pathways can ship with the
course (SNDS and PMSI data are pseudonymised personal data under strict
access rules), so :func:`load_care_pathways` *simulates* them. The simulation
is seeded and vectorised: all patients move one step at a time together
(numpy arrays), never one patient at a time in a Python loop.

The cohort: adults aged 65 or more, living at home (not in a nursing home),
included on the day of admission for a medical stay in a short-stay hospital
unit (MCO, *médecine-chirurgie-obstétrique*): the **index stay**. Each patient
is then followed for 365 days. Age 65 is the usual lower bound of French
statistics on « personnes âgées » and lets the fairness audit compare
65–74, 75–84 and 85+ year-olds; the subgroup aged 75 or more and admitted
through the emergency department is the population of the French SAFES
cohort, on which most targets below are calibrated.

Target rates, their sources and tolerances (for 10,000 simulated patients;
with fewer patients the sampling error grows, about ±2.5 points for a 14 %
rate in 2,000 patients):

==================================================  ========  ==========  =========================
indicator (subgroup)                                target    tolerance   source
==================================================  ========  ==========  =========================
unplanned MCO readmission ≤ 30 days after the       14.2 %    ± 2 pts     Lanièce et al. 2008
index discharge (≥ 75 y, admitted via the ED)
death ≤ 42 days after admission (≥ 75 y, via ED)    10.6 %    ± 2.5 pts   Dramé et al. 2008
death ≤ 183 days after admission (≥ 75 y, via ED)   24 %      ± 3 pts     Dramé et al. 2012
nursing-home entry ≤ 183 days (≥ 75 y, via ED)      18 %      ± 3 pts     Dramé et al. 2012
ED visits followed by an MCO admission              56 %      ± 4 pts     Boisguérin & Mauro 2017
(≥ 75 y, visits after the index stay)
share aged 85+ among patients aged 75+              44 %      ± 3 pts     Boisguérin & Mauro 2017
mean length of a follow-up and rehabilitation       33.8 d    ± 3 d       DREES 2023 (moyen séjour)
(SSR/SMR) stay
mean length of a hospital-at-home (HAD) stay        24.8 d    ± 3 d       DREES 2023 (6.8 M days /
                                                                          274,600 stays)
median length of an index MCO stay                  6 d       ± 1 d       DREES 2023: mean 5.6 d in
                                                                          short stay, all ages
share living in a rural municipality                33 %      ± 2 pts     Insee 2021
share living alone                                  33 %      ± 5 pts     Insee 2025 (65 y or more)
==================================================  ========  ==========  =========================

Everything else (discharge destinations, GP visit and home-nursing rates,
effects of each covariate, diagnosis mix) is a documented teaching choice,
not a published figure. One bias is built in on purpose, for the fairness
audit: at equal need, only 45 % of the past emergency visits of rural
patients are recorded in ``ed_visits_6m`` (distance to the emergency
department), and rural patients see their GP less often in the week after
discharge. :meth:`CarePathways.calibration` compares each
simulated rate with its target.
"""

from __future__ import annotations

import numbers
from dataclasses import dataclass

import numpy as np
import pandas as pd

from .._errors import IASanteError
from . import DatasetInfo, register

__all__ = ["load_care_pathways", "CarePathways"]

#: Follow-up after the index admission, in days.
HORIZON = 365
#: Event labels (the ``event`` column of :attr:`CarePathways.events`).
EVENTS = ("consultation MG", "urgences", "MCO", "SSR", "HAD", "soins infirmiers", "domicile", "EHPAD", "décès")
_GP, _ED, _MCO, _SSR, _HAD, _NURSE, _HOME, _NH, _DEATH = range(len(EVENTS))
#: Care settings: the events that make the pathway (community acts excluded).
SETTINGS = ("urgences", "MCO", "SSR", "HAD", "domicile", "EHPAD", "décès")
DIAGNOSES = ("insuffisance cardiaque", "pneumopathie", "chute", "AVC", "autre")
DISCHARGE = ("domicile", "domicile + soins infirmiers", "SSR", "HAD", "EHPAD")

# Internal states of the simulation.
_S_HOME, _S_NH, _S_MCO, _S_SSR, _S_HAD, _S_DEAD, _S_END = 0, 1, 2, 3, 4, 9, 10
_MAX_STEPS = 200
# Baseline daily hazards at home (calibrated on TARGETS).
_BASE_U, _BASE_D, _BASE_I = 0.00085, 0.00036, 0.00009

#: Targets: (key, French label, value, tolerance, source).
TARGETS = (
    ("readmission_30d", "Réhospitalisation non programmée ≤ 30 j (≥ 75 ans, admis par les urgences)",
     0.142, 0.02, "Lanièce et al. 2008"),
    ("death_42d", "Décès ≤ 42 j après l'admission (≥ 75 ans, admis par les urgences)",
     0.106, 0.025, "Dramé et al. 2008"),
    ("death_183d", "Décès ≤ 183 j après l'admission (≥ 75 ans, admis par les urgences)",
     0.24, 0.03, "Dramé et al. 2012"),
    ("nursing_home_183d", "Entrée en EHPAD ≤ 183 j (≥ 75 ans, admis par les urgences)",
     0.18, 0.03, "Dramé et al. 2012"),
    ("ed_admission", "Passages aux urgences suivis d'une hospitalisation (≥ 75 ans, après le séjour index)",
     0.56, 0.04, "Boisguérin et Mauro 2017"),
    ("share_85_plus", "Part des 85 ans ou plus parmi les 75 ans ou plus (source : patients des urgences)",
     0.44, 0.03, "Boisguérin et Mauro 2017"),
    ("ssr_mean_los", "Durée moyenne d'un séjour SSR (jours)", 33.8, 3.0, "DREES 2023"),
    ("had_mean_los", "Durée moyenne d'un séjour HAD (jours)", 24.8, 3.0, "DREES 2023"),
    ("index_median_los", "Durée médiane du séjour MCO index (jours)", 6.0, 1.0,
     "DREES 2023 (5,6 j en moyenne, tous âges)"),
    ("rural", "Part des patients vivant dans une commune rurale (source : population générale)",
     0.33, 0.02, "Insee 2021"),
    ("lives_alone", "Part des patients vivant seuls (source : population de 65 ans ou plus)",
     0.33, 0.05, "Insee 2025"),
)


def _sigmoid(x: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-x))


def _check_args(n_patients: object, random_state: object) -> None:
    if isinstance(n_patients, bool) or not isinstance(n_patients, numbers.Integral):
        raise IASanteError(
            f"« n_patients » doit être un nombre entier de patients (reçu : {n_patients!r})."
        )
    if not 1 <= int(n_patients) <= 1_000_000:
        raise IASanteError(f"« n_patients » doit être compris entre 1 et 1 000 000 (reçu : {n_patients}).")
    if isinstance(random_state, bool) or not isinstance(random_state, numbers.Integral) or int(random_state) < 0:
        raise IASanteError(
            f"« random_state » doit être un entier positif ou nul, la graine du hasard (reçu : {random_state!r})."
        )


@dataclass(frozen=True)
class CarePathways:
    """Simulated care pathways: three tidy tables.

    Attributes
    ----------
    events : one row per event (see ``EVENT_COLUMNS``), sorted by patient then
        chronologically (``step`` = rank of the event for the patient).
    patients : one row per patient (see ``PATIENT_COLUMNS``).
    frame : one row per index stay ended alive: the table used to predict
        30-day unplanned readmission (see ``FRAME_COLUMNS``; the dataset card's
        columns).
    """

    events: pd.DataFrame
    patients: pd.DataFrame
    frame: pd.DataFrame

    def __len__(self) -> int:
        return len(self.frame)

    def calibration(self) -> pd.DataFrame:
        """Each target rate, its tolerance, the simulated value and whether it is within tolerance."""
        rows = []
        observed = _observed_rates(self)
        for key, label, value, tol, source in TARGETS:
            obs = observed[key]
            rows.append({"indicateur": label, "cible": value, "tolérance": tol, "simulé": obs,
                         "dans la tolérance": bool(abs(obs - value) <= tol), "source": source})
        return pd.DataFrame(rows, index=[t[0] for t in TARGETS])


def _observed_rates(data: CarePathways) -> dict[str, float]:
    """The simulated counterpart of every entry of ``TARGETS``."""
    pat, ev = data.patients, data.events
    safes = pat.loc[(pat["age"] >= 75) & (pat["admission_via_ed"] == 1), "patient_id"]
    death = pat.set_index("patient_id")["death_day"].astype(float).fillna(np.inf)
    nh = ev.loc[ev["event"] == "EHPAD"].groupby("patient_id")["start_day"].min()
    frame = data.frame.set_index("patient_id")
    ed = ev.loc[(ev["event"] == "urgences") & (ev["start_day"] > 0)]
    ed = ed.merge(pat[["patient_id", "age"]], on="patient_id")
    ed = ed.loc[ed["age"] >= 75]
    admitted = ev.loc[ev["event"] == "MCO", ["patient_id", "start_day"]].assign(adm=1)
    ed = ed.merge(admitted, on=["patient_id", "start_day"], how="left")
    old = pat.loc[pat["age"] >= 75, "age"]
    los = ev.groupby("event", observed=False)["length_of_stay"].mean()
    return {
        "readmission_30d": float(frame.loc[frame.index.intersection(safes), "readmission_30d"].mean()),
        "death_42d": float((death.reindex(safes) <= 42).mean()),
        "death_183d": float((death.reindex(safes) <= 183).mean()),
        "nursing_home_183d": float((nh.reindex(safes) <= 183).mean()),
        "ed_admission": float(ed["adm"].fillna(0).mean()),
        "share_85_plus": float((old >= 85).mean()),
        "ssr_mean_los": float(los["SSR"]),
        "had_mean_los": float(los["HAD"]),
        "index_median_los": float(data.patients["index_length_of_stay"].median()),
        "rural": float(pat["rural"].mean()),
        "lives_alone": float(pat["lives_alone"].mean()),
    }


# ---------------------------------------------------------------- covariates
def _covariates(n: int, rng: np.random.Generator) -> dict[str, np.ndarray]:
    band = rng.choice(3, size=n, p=[0.28, 0.40, 0.32])
    age = np.where(band == 0, rng.integers(65, 75, n),
                   np.where(band == 1, rng.integers(75, 85, n),
                            85 + np.minimum(rng.exponential(4.5, n).astype(int), 15)))
    female = (rng.random(n) < np.array([0.48, 0.56, 0.66])[band]).astype(int)
    rural = (rng.random(n) < 0.33).astype(int)
    deprivation = rng.choice(np.arange(1, 6), size=n, p=[0.17, 0.19, 0.20, 0.21, 0.23])
    lives_alone = (rng.random(n) < _sigmoid(-1.75 + 0.045 * (age - 65) + 0.6 * female)).astype(int)
    frailty = rng.standard_normal(n)  # unobserved: drives risks, never given to the learner
    charlson = np.minimum(rng.poisson(np.exp(np.log(1.6) + 0.015 * (age - 65) + 0.25 * frailty)), 12)
    prior_adm = np.minimum(rng.poisson(np.exp(np.log(0.45) + 0.18 * (charlson - 2) + 0.35 * frailty)), 6)
    # emergency visits the patient needed; far from an emergency department, fewer of them happen or are
    # recorded where the patient lives (the observed count under-measures the need of rural patients)
    ed_need = np.minimum(rng.poisson(np.exp(np.log(0.40) + 0.12 * (charlson - 2) + 0.3 * frailty
                                            + 0.2 * lives_alone)), 6)
    ed_6m = rng.binomial(ed_need, np.where(rural == 1, 0.45, 1.0))
    diagnosis = rng.choice(len(DIAGNOSES), size=n, p=[0.16, 0.16, 0.12, 0.08, 0.48])
    acute = diagnosis < 4
    via_ed = (rng.random(n) < _sigmoid(-0.1 + 1.4 * acute + 0.02 * (age - 80))).astype(int)
    return {"age": age, "female": female, "rural": rural, "deprivation_quintile": deprivation,
            "lives_alone": lives_alone, "charlson": charlson, "prior_admissions_12m": prior_adm,
            "ed_visits_6m": ed_6m, "ed_need": ed_need, "diagnosis": diagnosis, "admission_via_ed": via_ed,
            "frailty": frailty}


# ---------------------------------------------------------------- simulation
class _Log:
    """Growing lists of event arrays, concatenated once at the end."""

    def __init__(self) -> None:
        self.parts: list[tuple[np.ndarray, ...]] = []

    def add(self, pid, code, start, los, unplanned, order) -> None:
        k = len(pid)
        if k == 0:
            return
        self.parts.append((pid, np.full(k, code) if np.isscalar(code) else code, start,
                           np.broadcast_to(los, (k,)).copy(), np.broadcast_to(unplanned, (k,)).copy(),
                           np.full(k, float(order))))

    def frame(self) -> pd.DataFrame:
        cols = ["patient_id", "code", "start_day", "length_of_stay", "unplanned", "order"]
        if not self.parts:
            return pd.DataFrame(columns=cols)
        return pd.DataFrame({c: np.concatenate([p[i] for p in self.parts]) for i, c in enumerate(cols)})


def _mco_los(rng, cov, idx, first: np.ndarray, planned: np.ndarray) -> np.ndarray:
    diag = np.where(first, cov["diagnosis"][idx], 4)
    log_median = (np.log(6.0) + 0.06 * (cov["charlson"][idx] - 2) + 0.008 * (cov["age"][idx] - 80)
                  + 0.25 * (diag == 3) + 0.15 * (diag == 2) + 0.10 * (diag == 0)
                  - 0.25 * planned + 0.10 * cov["frailty"][idx])
    return np.maximum(1, np.rint(np.exp(log_median + 0.6 * rng.standard_normal(len(idx))))).astype(int)


def _simulate(n: int, rng: np.random.Generator, cov: dict[str, np.ndarray]):
    age, frailty, charlson = cov["age"], cov["frailty"], cov["charlson"]
    old = age >= 75
    log = _Log()
    state = np.full(n, _S_MCO)
    t = np.zeros(n, dtype=int)              # day of the pending stay, or of the last event at home
    disch = np.zeros(n, dtype=int)          # day of the last discharge (risk is higher for 30 days)
    home_start = np.zeros(n, dtype=int)
    first = np.ones(n, dtype=bool)          # the pending MCO stay is the index stay
    planned = np.zeros(n, dtype=bool)
    nurse_start = np.full(n, -1)
    nurse_end = np.full(n, -1)
    gp7_day = np.full(n, -1)
    gp7 = np.zeros(n, dtype=bool)
    resident = np.zeros(n, dtype=bool)
    index = {"los": np.zeros(n, dtype=int), "dest": np.full(n, -1), "end": np.zeros(n, dtype=int)}
    periods: list[tuple[np.ndarray, np.ndarray, np.ndarray]] = []
    nursing: list[tuple[np.ndarray, np.ndarray, np.ndarray]] = []
    gp_early: list[tuple[np.ndarray, np.ndarray]] = []

    ids = np.arange(n)
    log.add(ids[cov["admission_via_ed"] == 1], _ED, np.zeros(int(cov["admission_via_ed"].sum()), dtype=int),
            0, -1, -1)

    # risk at home (per day); the linear predictor uses what a discharge letter would show, plus frailty
    lp_u = (0.25 * (charlson - 2) + 0.40 * np.minimum(cov["prior_admissions_12m"], 3)
            + 0.25 * np.minimum(cov["ed_need"], 3) + 0.60 * (cov["diagnosis"] == 0)
            + 0.25 * (cov["diagnosis"] == 1) + 0.30 * cov["lives_alone"] + 0.10 * (cov["deprivation_quintile"] - 3)
            + 0.01 * (age - 80) + 0.45 * frailty)
    p_adm = np.where(old, 0.56, 0.48)  # share of ED visits ending in an admission
    lp_d = 0.06 * (age - 80) + 0.15 * (charlson - 2) + 0.6 * frailty
    lp_i = 0.07 * (age - 80) + 0.7 * cov["lives_alone"] + 0.5 * frailty

    def close_home(idx: np.ndarray, end: np.ndarray) -> None:
        """End the home period of ``idx`` at day ``end`` (exclusive)."""
        periods.append((idx, home_start[idx].copy(), end.copy()))
        has_n = nurse_start[idx] >= 0
        if has_n.any():
            j = idx[has_n]
            nursing.append((j, nurse_start[j].copy(), np.minimum(nurse_end[j], end[has_n])))
            nurse_start[j] = -1
        has_g = (gp7_day[idx] >= 0) & (gp7_day[idx] < end)
        gp_early.append((idx[has_g], gp7_day[idx[has_g]].copy()))
        gp7_day[idx] = -1
        gp7[idx] = False

    def go_home(idx: np.ndarray, day: np.ndarray, nurse_p: np.ndarray, order: float) -> np.ndarray:
        """Discharge ``idx`` on ``day`` to home (or back to the nursing home); return who gets home nursing."""
        res = resident[idx]
        log.add(idx[~res], _HOME, day[~res], 0, -1, order)
        log.add(idx[res], _NH, day[res], 0, -1, order)
        state[idx] = np.where(res, _S_NH, _S_HOME)
        t[idx] = day
        disch[idx] = day
        home_start[idx] = day
        with_n = (~res) & (rng.random(len(idx)) < nurse_p)
        j = idx[with_n]
        nurse_start[j] = day[with_n]
        nurse_end[j] = day[with_n] + np.maximum(7, rng.gamma(2.0, 25.0, len(j)).astype(int))
        p_gp = _sigmoid(-0.1 - 0.6 * cov["rural"][idx] - 0.15 * (cov["deprivation_quintile"][idx] - 3)
                        + 0.4 * with_n)
        g = (~res) & (rng.random(len(idx)) < p_gp)
        gp7[idx[g]] = True
        gp7_day[idx[g]] = day[g] + rng.integers(1, 8, int(g.sum()))
        return with_n

    def enter_nursing_home(idx: np.ndarray, day: np.ndarray, order: float) -> None:
        log.add(idx, _NH, day, 0, -1, order)
        resident[idx] = True
        state[idx] = _S_NH
        t[idx] = day
        disch[idx] = day
        home_start[idx] = day

    def die(idx: np.ndarray, day: np.ndarray, order: float) -> None:
        log.add(idx, _DEATH, day, 0, -1, order)
        state[idx] = _S_DEAD
        t[idx] = day

    for step in range(_MAX_STEPS):
        order = 10.0 * step
        active = state < _S_DEAD
        if not active.any():
            break
        # ------------------------------------------------------------ MCO stays
        idx = np.flatnonzero(state == _S_MCO)
        if len(idx):
            f = first[idx]
            los = _mco_los(rng, cov, idx, f, planned[idx])
            end = t[idx] + los
            log.add(idx, _MCO, t[idx].copy(), los, (~planned[idx]).astype(int), order)
            p_death = _sigmoid(-3.55 + 0.05 * (age[idx] - 80) + 0.15 * (charlson[idx] - 2) + 0.5 * frailty[idx]
                               + 0.4 * (cov["diagnosis"][idx] == 3) * f + 0.3 * ~f)
            dead = rng.random(len(idx)) < p_death
            # destination among home, SSR, HAD, nursing home (logits relative to home)
            diag = np.where(f, cov["diagnosis"][idx], 4)
            a, la = age[idx], cov["lives_alone"][idx]
            logits = np.column_stack([
                np.zeros(len(idx)),
                -1.45 + 0.04 * (a - 80) + 0.8 * (diag == 2) + 1.0 * (diag == 3) + 0.3 * la + 0.2 * frailty[idx],
                -3.4 + 0.2 * (charlson[idx] - 2) + 0.3 * frailty[idx],
                -2.7 + 0.07 * (a - 80) + 0.6 * la + 0.5 * frailty[idx] - 9.0 * resident[idx],
            ])
            prob = np.exp(logits)
            dest = (rng.random(len(idx))[:, None] > np.cumsum(prob / prob.sum(1, keepdims=True), 1)).sum(1)
            dest = np.where(dead, 9, dest)
            fi = idx[f]
            index["los"][fi] = los[f]
            index["end"][fi] = end[f]
            first[idx] = False
            d = dead
            die(idx[d], end[d], order + 1)
            h = dest == 0
            with_n = go_home(idx[h], end[h], _sigmoid(-0.8 + 0.05 * (a[h] - 80) + 0.15 * charlson[idx[h]]
                                                     + 0.4 * la[h]), order + 1)
            index["dest"][idx[h & f]] = with_n[f[h]].astype(int)  # 0 home, 1 home + nursing
            for code, st in ((1, _S_SSR), (2, _S_HAD)):
                m = dest == code
                state[idx[m]] = st
                t[idx[m]] = end[m]
                index["dest"][idx[m & f]] = code + 1
            m = dest == 3
            enter_nursing_home(idx[m], end[m], order + 1)
            index["dest"][idx[m & f]] = 4
        # ------------------------------------------------------------ SSR stays
        idx = np.flatnonzero(state == _S_SSR)
        if len(idx):
            a = age[idx]
            los = np.maximum(1, rng.gamma(2.0, 18.0, len(idx)).astype(int))
            u = rng.random(len(idx))
            p_death = 0.035 * np.exp(0.4 * frailty[idx])
            p_mco = 0.10 * np.exp(0.3 * frailty[idx])
            p_nh = np.where(resident[idx], 0.0, _sigmoid(-2.3 + 0.06 * (a - 80) + 0.6 * cov["lives_alone"][idx]
                                                          + 0.4 * frailty[idx]))
            p_had = 0.02
            dest = np.select([u < p_death, u < p_death + p_mco, u < p_death + p_mco + p_nh,
                              u < p_death + p_mco + p_nh + p_had], [9, 2, 7, 4], 6)
            short = (dest == 2) | (dest == 9)
            los = np.where(short, np.maximum(1, (los * rng.uniform(0.15, 1.0, len(idx))).astype(int)), los)
            log.add(idx, _SSR, t[idx].copy(), los, -1, order + 2)
            end = t[idx] + los
            die(idx[dest == 9], end[dest == 9], order + 3)
            m = dest == 2
            state[idx[m]] = _S_MCO
            t[idx[m]] = end[m]
            planned[idx[m]] = False
            m = dest == 4
            state[idx[m]] = _S_HAD
            t[idx[m]] = end[m]
            m = dest == 7
            enter_nursing_home(idx[m], end[m], order + 3)
            m = dest == 6
            go_home(idx[m], end[m], np.full(int(m.sum()), 0.5), order + 3)
        # ------------------------------------------------------------ HAD stays
        idx = np.flatnonzero(state == _S_HAD)
        if len(idx):
            los = np.maximum(1, np.rint(rng.gamma(1.3, 18.8, len(idx)))).astype(int)
            log.add(idx, _HAD, t[idx].copy(), los, -1, order + 4)
            end = t[idx] + los
            u = rng.random(len(idx))
            p_death = 0.16 * np.exp(0.3 * frailty[idx])
            dest = np.select([u < p_death, u < p_death + 0.15, u < p_death + 0.17], [9, 2, 7], 6)
            dest = np.where(resident[idx] & (dest == 7), 6, dest)
            die(idx[dest == 9], end[dest == 9], order + 5)
            m = dest == 2
            state[idx[m]] = _S_MCO
            t[idx[m]] = end[m]
            planned[idx[m]] = False
            m = dest == 7
            enter_nursing_home(idx[m], end[m], order + 5)
            m = dest == 6
            go_home(idx[m], end[m], np.full(int(m.sum()), 0.6), order + 5)
        # ------------------------------------------------------------ at home or in a nursing home
        idx = np.flatnonzero((state == _S_HOME) | (state == _S_NH))
        if len(idx):
            nh = state[idx] == _S_NH
            early_index = index["end"][idx] == disch[idx]   # first discharge after the index stay
            base_u = _BASE_U * np.exp(lp_u[idx]) * np.where(nh, 0.8, 1.0)
            boost = 2.6 * np.exp(-0.45 * gp7[idx]) * np.where(
                early_index, (1.0 + 0.15 * cov["admission_via_ed"][idx]) * (index["los"][idx] / 6.0) ** 0.3, 1.0)
            h_u = np.column_stack([base_u * boost, base_u])          # early (< 30 days) and late
            h_e = h_u * ((1 - p_adm[idx]) / p_adm[idx])[:, None]
            h_p = np.full((len(idx), 2), 0.0008)
            base_d = _BASE_D * np.exp(lp_d[idx]) * np.where(nh, 1.6, 1.0)
            h_d = np.column_stack([base_d * 3.2, base_d])
            base_i = np.where(nh, 0.0, _BASE_I * np.exp(lp_i[idx]))
            h_i = np.column_stack([base_i, base_i])
            hz = np.stack([h_u, h_e, h_p, h_d, h_i], axis=2)         # (k, piece, kind)
            total = hz.sum(2)
            c = (t[idx] - disch[idx]).astype(float)                  # days since discharge
            e = rng.exponential(1.0, len(idx))
            room = np.maximum(30.0 - c, 0.0) * total[:, 0]
            s = np.where(e < room, c + e / total[:, 0], np.maximum(c, 30.0) + (e - room) / total[:, 1])
            piece = (s >= 30.0).astype(int)
            day = np.maximum(t[idx] + 1, disch[idx] + np.ceil(s).astype(int))
            p = hz[np.arange(len(idx)), piece] / total[np.arange(len(idx)), piece][:, None]
            kind = (rng.random(len(idx))[:, None] > np.cumsum(p, 1)).sum(1)
            over = day > HORIZON
            kind = np.where(over, 5, np.minimum(kind, 4))
            # censored at the horizon
            m = kind == 5
            close_home(idx[m], np.full(int(m.sum()), HORIZON + 1))
            state[idx[m]] = _S_END
            # unplanned admission through the emergency department
            m = kind == 0
            log.add(idx[m], _ED, day[m], 0, -1, order + 6)
            close_home(idx[m], day[m])
            state[idx[m]] = _S_MCO
            t[idx[m]] = day[m]
            planned[idx[m]] = False
            # emergency visit, back home the same day
            m = kind == 1
            log.add(idx[m], _ED, day[m], 0, -1, order + 6)
            log.add(idx[m & ~nh], _HOME, day[m & ~nh], 0, -1, order + 7)
            log.add(idx[m & nh], _NH, day[m & nh], 0, -1, order + 7)
            t[idx[m]] = day[m]
            # planned admission
            m = kind == 2
            close_home(idx[m], day[m])
            state[idx[m]] = _S_MCO
            t[idx[m]] = day[m]
            planned[idx[m]] = True
            # death at home or in the nursing home
            m = kind == 3
            close_home(idx[m], day[m])
            die(idx[m], day[m], order + 6)
            # entry into a nursing home from home
            m = kind == 4
            close_home(idx[m], day[m])
            enter_nursing_home(idx[m], day[m], order + 6)
    else:  # pragma: no cover - safety net, never reached with the default rates
        left = np.flatnonzero(state < _S_DEAD)
        close_home(left, np.maximum(t[left] + 1, HORIZON + 1))
    return log, periods, nursing, gp_early, index


def _community_events(rng, cov, periods, nursing, gp_early) -> pd.DataFrame:
    """GP visits (a Poisson process during each period at home) and home-nursing episodes."""
    empty = np.zeros(0, dtype=int)
    pid = np.concatenate([empty] + [p[0] for p in periods])
    start = np.concatenate([empty] + [p[1] for p in periods])
    end = np.minimum(np.concatenate([empty] + [p[2] for p in periods]), HORIZON + 1)
    inner = np.maximum(end - start - 1, 0)  # days strictly between the two events
    rate = 0.018 * np.exp(0.08 * (cov["charlson"][pid] - 2)) * np.where(cov["rural"][pid] == 1, 0.85, 1.0)
    k = rng.poisson(rate * inner)
    rep = np.repeat(np.arange(len(pid)), k)
    days = start[rep] + 1 + (rng.random(len(rep)) * inner[rep]).astype(int)
    g_pid = np.concatenate([pid[rep]] + [g[0] for g in gp_early])
    g_day = np.concatenate([days] + [g[1] for g in gp_early])
    keep = g_day <= HORIZON
    gp = pd.DataFrame({"patient_id": g_pid[keep], "code": _GP, "start_day": g_day[keep], "length_of_stay": 0,
                       "unplanned": -1, "order": 1e9})
    gp = gp.drop_duplicates(["patient_id", "start_day"])
    n_pid = np.concatenate([empty] + [x[0] for x in nursing])
    n_start = np.concatenate([empty] + [x[1] for x in nursing])
    n_end = np.concatenate([empty] + [x[2] for x in nursing])
    nurse = pd.DataFrame({"patient_id": n_pid, "code": _NURSE, "start_day": n_start,
                          "length_of_stay": np.maximum(n_end - n_start, 1), "unplanned": -1, "order": -1.0})
    return pd.concat([gp, nurse], ignore_index=True)


def _tables(n: int, rng: np.random.Generator) -> CarePathways:
    cov = _covariates(n, rng)
    log, periods, nursing, gp_early, index = _simulate(n, rng, cov)
    events = pd.concat([log.frame(), _community_events(rng, cov, periods, nursing, gp_early)], ignore_index=True)
    events = events.loc[events["start_day"] <= HORIZON]
    # a home-nursing episode starts on the day of the discharge home: after every other event of that day
    nurse = events["code"].to_numpy() == _NURSE
    events = events.assign(order=np.where(nurse, np.inf, events["order"]))
    events = events.sort_values(["patient_id", "start_day", "order"], kind="stable").reset_index(drop=True)
    unplanned = events["unplanned"].to_numpy()
    out = pd.DataFrame({
        "patient_id": events["patient_id"].to_numpy().astype(int),
        "step": events.groupby("patient_id").cumcount().to_numpy() + 1,
        "event": pd.Categorical.from_codes(events["code"].to_numpy().astype(int), categories=list(EVENTS)),
        "start_day": events["start_day"].to_numpy().astype(int),
        "length_of_stay": events["length_of_stay"].to_numpy().astype(int),
    })
    out["end_day"] = out["start_day"] + out["length_of_stay"]
    out["unplanned"] = pd.array(np.where(unplanned >= 0, unplanned, 0), dtype="Int8")
    out.loc[unplanned < 0, "unplanned"] = pd.NA

    # patients
    death = out.loc[out["event"] == "décès"].set_index("patient_id")["start_day"]
    death_day = pd.array(death.reindex(np.arange(n)).to_numpy(), dtype="Int64")
    patients = pd.DataFrame({
        "patient_id": np.arange(n),
        "age": cov["age"], "female": cov["female"], "rural": cov["rural"],
        "deprivation_quintile": cov["deprivation_quintile"], "lives_alone": cov["lives_alone"],
        "charlson": cov["charlson"], "prior_admissions_12m": cov["prior_admissions_12m"],
        "ed_visits_6m": cov["ed_visits_6m"],
        "diagnosis_group": pd.Categorical.from_codes(cov["diagnosis"], categories=list(DIAGNOSES)),
        "admission_via_ed": cov["admission_via_ed"], "index_length_of_stay": index["los"],
        "death_day": death_day,
    })
    patients["follow_up_days"] = np.minimum(patients["death_day"].fillna(HORIZON).to_numpy(dtype=float),
                                            HORIZON).astype(int)
    patients = patients[list(PATIENT_COLUMNS)]

    # per-stay prediction table: index stays ended alive
    alive = index["dest"] >= 0
    end = index["end"]
    frame = patients.loc[alive, ["patient_id", "age", "female", "rural", "deprivation_quintile", "lives_alone",
                                 "charlson", "prior_admissions_12m", "ed_visits_6m", "diagnosis_group",
                                 "admission_via_ed"]].copy()
    frame["length_of_stay"] = index["los"][alive]
    frame["discharge_to"] = pd.Categorical.from_codes(index["dest"][alive], categories=list(DISCHARGE))
    ends = pd.Series(end, index=np.arange(n))
    ev = out.merge(ends.rename("index_end"), left_on="patient_id", right_index=True)
    after = ev["start_day"] - ev["index_end"]
    window = (after > 0) & (after <= 30)
    gp_week = ev.loc[(ev["event"] == "consultation MG") & (after > 0) & (after <= 7), "patient_id"].unique()
    ed_month = ev.loc[(ev["event"] == "urgences") & window, "patient_id"].unique()
    readm = ev.loc[(ev["event"] == "MCO") & window & (ev["unplanned"] == 1), "patient_id"].unique()
    frame["gp_visit_7d"] = frame["patient_id"].isin(gp_week).astype(int)
    frame["ed_visit_30d"] = frame["patient_id"].isin(ed_month).astype(int)
    frame["readmission_30d"] = frame["patient_id"].isin(readm).astype(int)
    frame = frame.reset_index(drop=True)[list(FRAME_COLUMNS)]
    return CarePathways(events=out, patients=patients, frame=frame)


def load_care_pathways(n_patients: int = 2000, random_state: int = 0) -> CarePathways:
    """Simulate the care pathways of older adults after a medical hospital stay (synthetic, French context).

    Each patient (65 years or more, living at home) is included on the day of
    admission for an index medical stay in a short-stay unit (MCO) and
    followed for 365 days through emergency visits (``urgences``), hospital
    stays (``MCO``), follow-up and rehabilitation care (``SSR``, now called
    SMR), hospital at home (``HAD``), returns home (``domicile``), home-nursing
    episodes (``soins infirmiers``: IDEL or SSIAD), GP visits
    (``consultation MG``), nursing-home entries or returns (``EHPAD``) and
    death (``décès``). Rates are calibrated on French figures (see the module
    docstring: target, tolerance and source of each rate;
    :meth:`CarePathways.calibration` compares them with the simulation).

    Parameters
    ----------
    n_patients : int, default 2000
        Number of simulated patients (1 to 1,000,000). 10,000 patients take
        well under 5 seconds.
    random_state : int, default 0
        Seed: the same seed always gives the same tables.

    Returns
    -------
    CarePathways
        ``.events`` (one row per event), ``.patients`` (one row per
        patient) and ``.frame`` (one row per index stay ended alive, with
        the target ``readmission_30d``: an unplanned MCO admission 1 to 30
        days after the index discharge).

    Raises
    ------
    IASanteError
        If ``n_patients`` is not a positive integer or ``random_state`` not
        a non-negative integer (message in French).

    Notes
    -----
    The data are synthetic: every association in them was put there by this
    function. Simplifications: every unplanned admission from home goes
    through the emergency department; days are whole numbers; follow-up ends
    at day 365 for new events (a stay begun before may end after); death
    before any readmission counts as « not readmitted » (competing risk).
    """
    _check_args(n_patients, random_state)
    rng = np.random.default_rng(int(random_state))
    return _tables(int(n_patients), rng)


EVENT_COLUMNS = {
    "patient_id": "Identifiant du patient (entier, sans lien avec une personne réelle).",
    "step": "Rang de l'événement dans le parcours du patient (1 = premier), dans l'ordre chronologique.",
    "event": "Type d'événement : consultation MG, urgences, MCO, SSR, HAD, soins infirmiers, domicile (retour), "
             "EHPAD (entrée ou retour), décès.",
    "start_day": "Jour de début, en jours depuis l'inclusion (jour 0 = admission du séjour index).",
    "length_of_stay": "Durée en jours (séjour ou épisode de soins infirmiers ; 0 pour un événement ponctuel).",
    "end_day": "Jour de fin (début + durée).",
    "unplanned": "Pour un séjour MCO : 1 = non programmé, 0 = programmé ; vide pour les autres événements.",
}
PATIENT_COLUMNS = {
    "patient_id": "Identifiant du patient.",
    "age": "Âge à l'inclusion, en années (65 ans ou plus).",
    "female": "Sexe : 1 = femme, 0 = homme.",
    "rural": "Territoire de résidence : 1 = commune rurale (peu ou très peu dense), 0 = urbaine.",
    "deprivation_quintile": "Quintile de l'indice de défavorisation sociale de la commune (1 = plus favorisé, "
                            "5 = plus défavorisé).",
    "lives_alone": "Vit seul à domicile : 1 = oui.",
    "charlson": "Indice de comorbidité de Charlson (sans le point d'âge), de 0 à 12.",
    "prior_admissions_12m": "Nombre d'hospitalisations MCO dans les 12 mois précédant l'inclusion.",
    "ed_visits_6m": "Nombre de passages aux urgences dans les 6 mois précédant l'inclusion.",
    "diagnosis_group": "Motif principal du séjour index : insuffisance cardiaque, pneumopathie, chute, AVC, autre.",
    "admission_via_ed": "Séjour index admis par les urgences : 1 = oui, 0 = admission directe.",
    "index_length_of_stay": "Durée du séjour MCO index, en jours.",
    "death_day": "Jour du décès depuis l'inclusion ; vide si le patient est vivant à 365 jours.",
    "follow_up_days": "Durée de suivi, en jours (jusqu'au décès ou à 365 jours).",
}
FRAME_COLUMNS = {
    "patient_id": "Identifiant du patient (un séjour index par patient).",
    "age": "Âge à l'admission, en années (65 ans ou plus).",
    "female": "Sexe : 1 = femme, 0 = homme.",
    "rural": "Territoire de résidence : 1 = commune rurale (peu ou très peu dense, grille de l'Insee), 0 = urbaine.",
    "deprivation_quintile": "Quintile de l'indice de défavorisation sociale de la commune de résidence "
                            "(1 = plus favorisé, 5 = plus défavorisé).",
    "lives_alone": "Vit seul à domicile : 1 = oui, 0 = non.",
    "charlson": "Indice de comorbidité de Charlson (sans le point d'âge), de 0 à 12.",
    "prior_admissions_12m": "Nombre d'hospitalisations MCO dans les 12 mois précédant l'admission.",
    "ed_visits_6m": "Nombre de passages aux urgences dans les 6 mois précédant l'admission.",
    "diagnosis_group": "Motif principal du séjour : insuffisance cardiaque, pneumopathie, chute, AVC, autre.",
    "admission_via_ed": "Admission par les urgences : 1 = oui, 0 = admission directe (programmée ou adressée).",
    "length_of_stay": "Durée du séjour MCO index, en jours.",
    "discharge_to": "Destination à la sortie : domicile, domicile + soins infirmiers, SSR, HAD ou EHPAD.",
    "gp_visit_7d": "Consultation du médecin généraliste dans les 7 jours après la sortie : 1 = oui. "
                   "Connue APRÈS la sortie : ne pas l'utiliser pour prédire.",
    "ed_visit_30d": "Passage aux urgences dans les 30 jours après la sortie : 1 = oui. "
                    "Connu APRÈS la sortie : ne pas l'utiliser pour prédire.",
    "readmission_30d": "Cible : hospitalisation MCO non programmée 1 à 30 jours après la sortie : 1 = oui.",
}


def _targets_text() -> str:
    return " ; ".join(f"{label} : {value:g} (± {tol:g}, {source})" for _, label, value, tol, source in TARGETS)


register(
    DatasetInfo(
        name="care_pathways",
        title="Parcours de soins ville–hôpital–domicile (synthétiques)",
        description=(
            "Parcours simulés de patients de 65 ans ou plus vivant à domicile, inclus le jour de leur admission "
            "pour un séjour de médecine (MCO, séjour index) et suivis 365 jours : urgences, séjours MCO, SSR et "
            "HAD, retours à domicile, soins infirmiers, consultations de médecine générale, entrées en EHPAD, "
            "décès. Générés par `load_care_pathways(n_patients, random_state)` (graine fixée). Le tableau "
            "décrit ci-dessous est `.frame` : un séjour index terminé vivant par ligne, avec la cible "
            "`readmission_30d` ; `.events` et `.patients` donnent les événements et les patients. Taux cibles, "
            "tolérance (pour 10 000 patients simulés) et source : " + _targets_text() + "."
        ),
        loader=load_care_pathways,
        columns=FRAME_COLUMNS,
        target="readmission_30d",
        source=(
            "Générateur du cours (`iasante.datasets.load_care_pathways`), calibré sur des chiffres publiés : "
            "cohorte SAFES (Lanièce et al. 2008 ; Dramé et al. 2008 et 2012), DREES (Boisguérin et Mauro 2017 ; "
            "Les établissements de santé, édition 2023), Insee (La France et ses territoires 2021 ; Insee "
            "Première n° 2040, 2025)."
        ),
        licence="Licence du code du cours (données générées, aucune personne réelle)",
        citation=(
            "Données synthétiques du cours IA Santé. Taux de réhospitalisation : Lanièce I. et al. Incidence and "
            "main factors associated with early unplanned hospital readmission among French medical inpatients "
            "aged 75 and over admitted through emergency units. Age Ageing 2008;37(4):416–422."
        ),
        bibkey="laniece2008",
        n_rows=1918,
        uses=(
            "Apprendre l'analyse de parcours (matrice de transition, trajectoires, délais), la prédiction de la "
            "réhospitalisation, l'explicabilité, l'audit d'équité et le passage d'un score à une action."
        ),
        limits=(
            "Données SYNTHÉTIQUES : toutes les associations ont été mises par le générateur ; aucune conclusion "
            "clinique ou organisationnelle ne peut en être tirée. Les taux cités sont reproduits à la tolérance "
            "près ; les autres paramètres (destinations de sortie, consultations, soins infirmiers, effet de "
            "chaque variable) sont des choix pédagogiques. Simplifications : toute hospitalisation non programmée "
            "depuis le domicile passe par les urgences ; jours entiers ; suivi limité à 365 jours ; un décès "
            "avant toute réhospitalisation compte comme « non réhospitalisé » (risque concurrent). Les colonnes "
            "`gp_visit_7d` et `ed_visit_30d` sont postérieures à la sortie (démonstration de fuite de données). "
            "Biais introduit volontairement (audit d'équité) : à besoin égal, 45 % seulement des passages aux "
            "urgences antérieurs des patients ruraux sont enregistrés (`ed_visits_6m`), et ces patients consultent "
            "moins souvent leur médecin traitant dans la semaine suivant la sortie."
        ),
        origin="générateur du paquet iasante, sans fichier",
    )
)
