"""Synthetic French clinical notes (notebook M2.6): seeded, written for the course, no real patient.

No open corpus of French clinical notes can ship with the course (hospital
notes are personal health data, even after de-identification), so
:func:`load_clinical_notes` *writes* short notes from templates: consultation
reports, hospital stay reports and discharge letters from general medicine
services (internal medicine, post-emergency, geriatrics). The task is to
route each note to the specialty of its **main problem**: cardiologie,
pneumologie, endocrinologie or neurologie (about a quarter each).

What makes the task realistic, and not trivial:

- the service never names the specialty; every note lists comorbidities, and
  about half also discuss a **secondary problem** from another specialty
  (``secondary_specialty``); in half of those (``MIXED_RATE``), the secondary
  problem is worked up like the main one (history, tests, treatment, as after
  a copy-paste from a previous stay) while the main problem is given only by
  the reason for the visit, one finding, one test and the conclusion;
- some specialties share words (dyspnoea in heart failure and COPD,
  « troponine » in pulmonary embolism, « HbA1c » in diabetic neuropathy,
  palpitations in hyperthyroidism, cardiac work-up after a stroke);
- negated findings from other specialties (« pas de douleur thoracique »)
  that a bag of words counts as mentions;
- abbreviations or full forms (HTA / hypertension artérielle, FEVG, BPCO,
  DT2…), telegraphic or written style, and typing errors (about 2 % of the
  words of 5 letters or more: a lost accent, two swapped, doubled or dropped
  letters);
- a short main section in some notes.

Each note carries ground truth for two findings, « fièvre » and « dyspnée »
(``affirmé``, ``nié`` or ``non mentionné``, as written by the generator,
including formulations that defeat simple negation rules), and the list of
the direct identifiers it contains, as written: names, dates, phone numbers,
e-mail addresses and NIRs. All identities are **fictitious**: names drawn
from lists of common French first names and surnames, birth dates at random,
NIRs built with a valid key (about 8 % carry a typing error, 10 % are written
without their key), phone numbers in the blocks the French regulator (Arcep)
reserves for fiction (01 99 00, 02 61 91, 03 53 01, 04 65 71, 05 36 49,
06 39 98), e-mail addresses in the reserved domain ``.example`` (RFC 2606).
Any resemblance to a real person is coincidental.
"""

from __future__ import annotations

import math
import numbers
import random
import re
import unicodedata
from datetime import date, timedelta

import pandas as pd

from .._errors import IASanteError
from ..text import nir_key
from . import DatasetInfo, register

__all__ = ["load_clinical_notes"]

SPECIALTIES = ("cardiologie", "pneumologie", "endocrinologie", "neurologie")
NOTE_TYPES = ("consultation", "hospitalisation", "courrier de sortie")
STATUSES = ("affirmé", "nié", "non mentionné")
SEPARATOR = " | "
#: Share of the notes with a secondary problem in which that problem is also worked up.
MIXED_RATE = 0.5

# ------------------------------------------------------------------ identities
_FIRST_M = ("Jean", "Pierre", "Michel", "André", "Philippe", "Alain", "Bernard", "Jacques", "Daniel", "Patrick",
            "Christian", "Gérard", "Nicolas", "Olivier", "Thierry", "Éric", "Laurent", "Stéphane", "Mohamed",
            "Karim", "Yannick", "Loïc", "Mathieu", "Sébastien", "Julien", "Hervé", "Didier", "Rachid", "Antoine",
            "François", "Joël", "Marcel", "Roger", "Hugo", "Thomas", "Paul")
_FIRST_F = ("Marie", "Monique", "Françoise", "Catherine", "Nathalie", "Isabelle", "Sylvie", "Jacqueline",
            "Martine", "Christine", "Nicole", "Valérie", "Sophie", "Sandrine", "Claire", "Hélène", "Fatima",
            "Nadia", "Aurélie", "Céline", "Julie", "Anne", "Brigitte", "Chantal", "Josiane", "Odile", "Yvette",
            "Élodie", "Camille", "Léa", "Émilie", "Amina", "Danielle", "Suzanne", "Lucie", "Agnès")
_SURNAMES = ("Martin", "Bernard", "Thomas", "Robert", "Richard", "Durand", "Dubois", "Moreau", "Laurent",
             "Simon", "Michel", "Lefebvre", "Leroy", "Roux", "David", "Bertrand", "Morel", "Fournier", "Girard",
             "Bonnet", "Dupont", "Lambert", "Fontaine", "Rousseau", "Vincent", "Muller", "Lefèvre", "Faure",
             "Mercier", "Guérin", "Boyer", "Garnier", "Chevalier", "Legrand", "Gauthier", "Garcia", "Perrin",
             "Robin", "Clément", "Morin", "Henry", "Roussel", "Mathieu", "Masson", "Marchand", "Duval", "Denis",
             "Dumont", "Lemaire", "Meyer", "Dufour", "Meunier", "Blanchard", "Giraud", "Joly", "Rivière",
             "Lucas", "Brunet", "Gaillard", "Barbier", "Arnaud", "Martinez", "Roche", "Renard", "Schmitt",
             "Leroux", "Colin", "Vidal", "Caron", "Picard", "Aubert", "Lemoine", "Renaud", "Dumas", "Lacroix",
             "Bourgeois", "Leclerc", "Payet", "Rolland", "Le Gall", "Hoarau", "Nguyen", "Benali", "Haddad",
             "Diallo", "Traoré", "Da Silva", "Ferreira", "Cohen", "Kowalski", "Rossi", "Lopez", "Fabre", "Hamon")
_CITIES = ("Lyon", "Nantes", "Rennes", "Lille", "Bordeaux", "Toulouse", "Strasbourg", "Dijon", "Tours", "Amiens",
           "Limoges", "Poitiers", "Reims", "Angers", "Brest", "Nancy", "Grenoble", "Clermont-Ferrand")
_DEPARTMENTS = ("75", "69", "13", "59", "33", "31", "44", "67", "35", "34", "06", "38", "76", "62", "92", "93",
                "57", "29", "21", "63", "87", "80", "49", "37", "2A", "2B", "99", "971", "974")
_FICTION_BLOCKS = ("01 99 00", "02 61 91", "03 53 01", "04 65 71", "05 36 49")
_MOBILE_BLOCK = "06 39 98"
_MONTH_NAMES = ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
                "novembre", "décembre")
_SERVICES = ("Service de médecine polyvalente", "Service de médecine interne", "Unité de court séjour gériatrique",
             "Consultation de médecine interne", "Unité post-urgences", "Hôpital de jour de médecine",
             "Service de médecine gériatrique")

# ------------------------------------------------------------- clinical text
# Mini-language of the templates: {i:a-b} integer, {f:a-b} one decimal (comma),
# {c:x|y} choice, {a:ABBR|full form} abbreviation or full form (style of the note),
# {g:masc|fem} agreement with the patient's sex.
# Only the dedicated sentences below use the words « fièvre », « fébrile » or
# « dyspnée » (the ground truth of the two findings depends on it).
_DX: dict[str, list[dict]] = {
    "cardiologie": [
        {"name": "insuffisance cardiaque", "fever": 0.05, "dyspnea": 0.9,
         "motif": ["{a:ICA|insuffisance cardiaque aiguë}", "œdèmes des membres inférieurs et prise de poids",
                   "décompensation cardiaque globale"],
         "histoire": ["Majoration des œdèmes des membres inférieurs depuis {i:7-21} jours, orthopnée à "
                      "{i:2-3} oreillers, prise de poids de {i:3-7} kg.",
                      "Écart de régime hyposodé et arrêt du diurétique depuis {i:1-3} semaines.",
                      "{a:IC|Insuffisance cardiaque} connue, {i:2-3}e décompensation de l'année."],
         "examen": ["Œdèmes des membres inférieurs prenant le godet jusqu'aux genoux, turgescence jugulaire, "
                    "reflux hépato-jugulaire.", "Crépitants bilatéraux aux bases, galop protodiastolique."],
         "para": ["NT-proBNP à {i:1800-9500} pg/mL.",
                  "{a:ETT|Échographie transthoracique} : {a:FEVG|fraction d'éjection ventriculaire gauche} à "
                  "{i:25-40} %, {a:VG|ventricule gauche} dilaté, {a:PAPs|pression artérielle pulmonaire "
                  "systolique} à {i:40-60} mmHg.",
                  "Radiographie thoracique : cardiomégalie, redistribution vasculaire vers les sommets, "
                  "épanchements pleuraux bilatéraux de faible abondance."],
         "concl": ["Insuffisance cardiaque à {a:FEVG|fraction d'éjection} altérée, décompensée sur écart de "
                   "régime.", "Décompensation cardiaque globale d'origine ischémique."],
         "trait": ["Furosémide IV puis relais per os, perte de {i:3-8} kg.",
                   "Introduction de sacubitril/valsartan et d'une gliflozine, titration du bêtabloquant.",
                   "Éducation thérapeutique : pesée quotidienne, régime pauvre en sel ; consultation de "
                   "cardiologie à 1 mois."]},
        {"name": "syndrome coronarien aigu", "fever": 0.03, "dyspnea": 0.2,
         "motif": ["douleur thoracique constrictive", "{a:SCA|syndrome coronarien aigu}",
                   "douleur rétrosternale irradiant dans le bras gauche"],
         "histoire": ["Douleur rétrosternale constrictive apparue au repos, irradiant dans la mâchoire, durée "
                      "supérieure à 20 minutes.", "Angor d'effort depuis {i:2-6} semaines, épisode prolongé ce "
                      "jour."],
         "examen": ["Pas de souffle cardiaque, pouls périphériques présents.", "Patient{g:|e} algique et en "
                    "sueurs à l'arrivée."],
         "para": ["ECG : sus-décalage du segment ST en {c:antérieur|inférieur|latéral} avec miroir.",
                  "Troponine hypersensible à {i:150-4800} ng/L.",
                  "Coronarographie : sténose serrée de l'{c:IVA|artère circonflexe|artère coronaire droite}, "
                  "angioplastie avec pose d'un stent actif.",
                  "{a:ETT|Échographie cardiaque} : hypokinésie {c:antérieure|inférieure}, {a:FEVG|fraction "
                  "d'éjection} à {i:40-55} %."],
         "concl": ["{a:SCA|Syndrome coronarien aigu} {c:avec|sans} sus-décalage de ST, revascularisé.",
                   "Infarctus du myocarde {c:antérieur|inférieur} traité par angioplastie primaire."],
         "trait": ["Double anti-agrégation plaquettaire (aspirine et ticagrélor) pendant 12 mois, statine à forte "
                   "dose, bêtabloquant, IEC.", "Réadaptation cardiaque prescrite ; contrôle des facteurs de risque cardiovasculaire."]},
        {"name": "fibrillation atriale", "fever": 0.03, "dyspnea": 0.3,
         "motif": ["palpitations", "{a:FA|fibrillation atriale} rapide",
                   "découverte d'une {a:ACFA|arythmie complète par fibrillation atriale}"],
         "histoire": ["Palpitations irrégulières depuis {i:2-10} jours, asthénie.",
                      "Pouls irrégulier découvert par le médecin traitant lors d'une consultation de suivi."],
         "examen": ["Rythme cardiaque irrégulier à {i:110-160}/min.", "Bruits du cœur irréguliers, pas de "
                    "souffle."],
         "para": ["ECG : fibrillation atriale à {i:110-160}/min, QRS fins.",
                  "{a:ETT|Échographie cardiaque} : oreillette gauche dilatée, {a:FEVG|fraction d'éjection} "
                  "conservée à {i:55-65} %.", "Score CHA2DS2-VASc à {i:2-6}, HAS-BLED à {i:1-3}."],
         "concl": ["{a:FA|Fibrillation atriale} {c:paroxystique|persistante} à haut risque embolique.",
                   "{a:ACFA|Fibrillation atriale} rapide de découverte récente."],
         "trait": ["Anticoagulation par {c:apixaban|rivaroxaban|édoxaban}, contrôle de la fréquence par "
                   "bisoprolol.", "Cardioversion à discuter après 3 semaines d'anticoagulation efficace, voire "
                   "ablation."]},
        {"name": "rétrécissement aortique", "fever": 0.02, "dyspnea": 0.5,
         "motif": ["souffle systolique", "{a:RAo|rétrécissement aortique} serré", "syncope d'effort"],
         "histoire": ["Syncope à l'effort il y a {i:1-4} semaines, angor d'effort.",
                      "Souffle connu depuis plusieurs années, majoration récente des symptômes."],
         "examen": ["Souffle systolique éjectionnel {i:3-4}/6 au foyer aortique irradiant aux carotides, B2 "
                    "aboli."],
         "para": ["{a:ETT|Échographie cardiaque} : {a:RAo|rétrécissement aortique} serré, surface "
                  "{f:0.6-0.9} cm², gradient moyen {i:42-65} mmHg.",
                  "Coronarographie pré-opératoire sans lésion significative.",
                  "Scanner aortique du bilan pré-{a:TAVI|implantation valvulaire percutanée}."],
         "concl": ["{a:RAo|Rétrécissement aortique} serré symptomatique.",
                   "{a:RAo|Rétrécissement aortique} calcifié serré, indication de remplacement valvulaire."],
         "trait": ["Dossier présenté en réunion médico-chirurgicale : {a:TAVI|remplacement valvulaire aortique "
                   "percutané} retenu.", "Remplacement valvulaire aortique chirurgical programmé."]},
        {"name": "hypertension artérielle", "fever": 0.02, "dyspnea": 0.05, "tension": ((160, 190), (90, 110)),
         "motif": ["{a:HTA|hypertension artérielle} non contrôlée",
                   "bilan d'une {a:HTA|hypertension artérielle} résistante"],
         "histoire": ["Chiffres tensionnels élevés en automesure malgré une trithérapie.",
                      "Céphalées matinales, pression artérielle à {i:165-190}/{i:95-110} mmHg à domicile."],
         "examen": ["Pression artérielle élevée aux deux bras, pas de souffle abdominal, pouls fémoraux présents."],
         "para": ["{a:MAPA|Mesure ambulatoire de la pression artérielle} : moyenne diurne {i:145-165}/"
                  "{i:88-100} mmHg.", "Kaliémie {f:3.1-4.5} mmol/L, rapport aldostérone/rénine "
                  "{c:normal|élevé}.", "{a:ETT|Échographie cardiaque} : hypertrophie ventriculaire gauche "
                  "concentrique."],
         "concl": ["{a:HTA|Hypertension artérielle} résistante, recherche d'une cause secondaire en cours."],
         "trait": ["Ajout de spironolactone, ionogramme de contrôle à 1 semaine.",
                   "Nouvelle {a:MAPA|mesure ambulatoire de la pression artérielle} dans 3 mois."]},
    ],
    "pneumologie": [
        {"name": "exacerbation de BPCO", "fever": 0.3, "dyspnea": 0.9,
         "motif": ["exacerbation de {a:BPCO|bronchopneumopathie chronique obstructive}",
                   "majoration des expectorations"],
         "histoire": ["Majoration de la toux et des expectorations, devenues purulentes depuis {i:3-7} jours.",
                      "{a:BPCO|Bronchopneumopathie chronique obstructive} stade {c:3|4} GOLD, tabagisme sevré à "
                      "{i:30-60} PA, {i:2-3} exacerbations l'an dernier."],
         "examen": ["Sibilants diffus, freinage expiratoire, tirage sus-claviculaire.",
                    "Distension thoracique, murmure vésiculaire diminué."],
         "para": ["Gaz du sang en air ambiant : pH {f:7.28-7.38}, PaCO2 {i:48-70} mmHg, PaO2 {i:50-62} mmHg.",
                  "{a:EFR|Épreuves fonctionnelles respiratoires} antérieures : {a:VEMS|volume expiratoire maximal "
                  "par seconde} à {i:30-55} % de la théorique.", "Radiographie thoracique : distension, pas de "
                  "foyer.", "ECBC : {c:Haemophilus influenzae|Streptococcus pneumoniae|flore commensale}."],
         "concl": ["Exacerbation de {a:BPCO|bronchopneumopathie chronique obstructive} d'origine "
                   "{c:infectieuse|virale} avec acidose respiratoire.", "Exacerbation modérée de "
                   "{a:BPCO|bronchopneumopathie chronique obstructive}."],
         "trait": ["Aérosols de bronchodilatateurs, corticothérapie orale 5 jours, amoxicilline-acide "
                   "clavulanique.", "{a:VNI|Ventilation non invasive} nocturne pendant {i:2-5} jours, "
                   "kinésithérapie respiratoire.", "Réhabilitation respiratoire et consultation de pneumologie "
                   "à 2 mois."]},
        {"name": "pneumopathie", "fever": 0.85, "dyspnea": 0.5,
         "motif": ["pneumopathie aiguë communautaire", "toux productive et douleur basithoracique"],
         "histoire": ["Toux productive depuis {i:3-6} jours, douleur basithoracique {c:droite|gauche} majorée à "
                      "l'inspiration.", "Frissons et asthénie depuis {i:2-5} jours."],
         "examen": ["Foyer de crépitants en base {c:droite|gauche}, souffle tubaire.",
                    "Polypnée à {i:22-30}/min, SpO2 {i:88-94} % en air ambiant."],
         "para": ["Radiographie thoracique : opacité alvéolaire systématisée du lobe inférieur "
                  "{c:droit|gauche}.", "CRP {i:90-320} mg/L, polynucléaires neutrophiles à {f:9.0-18.0} G/L.",
                  "Antigénurie pneumocoque {c:positive|négative}, hémocultures stériles."],
         "concl": ["Pneumopathie aiguë communautaire du lobe inférieur {c:droit|gauche}.",
                   "Pneumonie franche lobaire aiguë non compliquée."],
         "trait": ["Amoxicilline 1 g trois fois par jour pendant 7 jours, apyrexie obtenue à J{i:2-4}.",
                   "Radiographie de contrôle à 6 semaines."]},
        {"name": "asthme", "age": (18, 70), "fever": 0.05, "dyspnea": 0.7,
         "motif": ["asthme mal contrôlé", "crises d'asthme nocturnes"],
         "histoire": ["Asthme allergique connu depuis l'enfance, réveils nocturnes {i:2-4} fois par semaine.",
                      "Recours pluriquotidien au salbutamol, observance irrégulière du traitement de fond."],
         "examen": ["Sibilants expiratoires bilatéraux.", "DEP à {i:180-320} L/min ({i:45-70} % de la valeur "
                    "prédite)."],
         "para": ["{a:EFR|Épreuves fonctionnelles respiratoires} : trouble ventilatoire obstructif réversible "
                  "après bronchodilatateur (+{i:14-25} % du {a:VEMS|volume expiratoire maximal par seconde}).",
                  "Éosinophiles sanguins à {i:350-900}/mm³.", "Prick-tests positifs aux acariens."],
         "concl": ["Asthme allergique non contrôlé (palier {c:3|4} GINA)."],
         "trait": ["Association corticostéroïde inhalé et bêta-2 agoniste de longue durée d'action ; "
                   "vérification de la technique d'inhalation.", "Plan d'action écrit remis, éviction des "
                   "acariens."]},
        {"name": "embolie pulmonaire", "age": (25, 90), "fever": 0.1, "dyspnea": 0.85,
         "motif": ["embolie pulmonaire", "douleur thoracique et malaise"],
         "histoire": ["Douleur basithoracique brutale au décours d'un voyage en avion de {i:8-12} heures.",
                      "Mollet {c:droit|gauche} douloureux depuis une semaine, immobilisation récente pour "
                      "entorse."],
         "examen": ["Tachycardie à {i:100-125}/min, SpO2 {i:89-94} % en air ambiant.",
                    "Mollet {c:droit|gauche} chaud et œdématié."],
         "para": ["Angioscanner thoracique : embolie pulmonaire {c:segmentaire|lobaire|proximale} bilatérale.",
                  "D-dimères à {i:1200-6000} ng/mL.", "Écho-doppler veineux : thrombose veineuse profonde "
                  "fémoro-poplitée {c:droite|gauche}.", "Pas de dilatation du ventricule droit, troponine "
                  "négative."],
         "concl": ["Embolie pulmonaire {c:segmentaire|lobaire} à risque intermédiaire-faible, provoquée."],
         "trait": ["Anticoagulation curative par {c:apixaban|rivaroxaban} pendant au moins 3 mois.",
                   "Consultation de pneumologie à 3 mois avec scintigraphie de contrôle."]},
        {"name": "nodule pulmonaire", "fever": 0.02, "dyspnea": 0.2,
         "motif": ["nodule pulmonaire", "bilan d'une opacité pulmonaire"],
         "histoire": ["Nodule découvert sur un scanner réalisé pour une toux persistante.",
                      "Tabagisme actif à {i:30-50} PA, amaigrissement de {i:3-8} kg."],
         "examen": ["Examen pleuro-pulmonaire normal, pas d'adénopathie sus-claviculaire."],
         "para": ["Scanner thoracique : nodule spiculé de {i:12-28} mm du lobe supérieur {c:droit|gauche}.",
                  "TEP-TDM : hypermétabolisme du nodule (SUVmax {f:4.0-12.0}), pas d'autre fixation.",
                  "Fibroscopie bronchique : pas de lésion endobronchique visible."],
         "concl": ["Nodule pulmonaire suspect de malignité."],
         "trait": ["Dossier présenté en {a:RCP|réunion de concertation pluridisciplinaire} d'oncologie "
                   "thoracique : biopsie sous scanner.", "Sevrage tabagique proposé avec substituts "
                   "nicotiniques."]},
        {"name": "apnées du sommeil", "fever": 0.02, "dyspnea": 0.1,
         "motif": ["suspicion de {a:SAOS|syndrome d'apnées obstructives du sommeil}",
                   "somnolence diurne et ronflements"],
         "histoire": ["Ronflements et pauses respiratoires nocturnes rapportés par le conjoint, somnolence "
                      "diurne (Epworth {i:12-19}).", "Nycturie et céphalées matinales."],
         "examen": ["Tour de cou {i:42-48} cm, IMC {i:31-40} kg/m²."],
         "para": ["Polygraphie ventilatoire : index d'apnées-hypopnées à {i:25-60}/h, désaturations "
                  "nocturnes."],
         "concl": ["{a:SAOS|Syndrome d'apnées obstructives du sommeil} {c:modéré|sévère}."],
         "trait": ["Mise en place d'une {a:PPC|pression positive continue} nocturne, règles hygiéno-"
                   "diététiques."]},
    ],
    "endocrinologie": [
        {"name": "diabète de type 2 déséquilibré", "fever": 0.02, "dyspnea": 0.05,
         "motif": ["déséquilibre glycémique", "{a:DT2|diabète de type 2} déséquilibré"],
         "histoire": ["{a:DT2|Diabète de type 2} connu depuis {i:5-20} ans, {a:HbA1c|hémoglobine glyquée} en "
                      "hausse progressive.", "Syndrome polyuro-polydipsique depuis {i:2-6} semaines, perte de "
                      "{i:2-6} kg."],
         "examen": ["IMC {i:27-38} kg/m² ; examen des pieds : monofilament perçu, pas de plaie.",
                    "Pouls pédieux présents."],
         "para": ["{a:HbA1c|Hémoglobine glyquée} à {f:8.5-11.9} %.", "Glycémie à jeun {f:1.8-3.2} g/L.",
                  "Microalbuminurie {i:30-250} mg/g de créatinine, {a:DFG|débit de filtration glomérulaire} "
                  "{i:55-95} mL/min.", "Fond d'œil : rétinopathie diabétique {c:non proliférante minime|absente}."],
         "concl": ["{a:DT2|Diabète de type 2} déséquilibré, sans complication aiguë.",
                   "Déséquilibre d'un {a:DT2|diabète de type 2} insulino-requérant."],
         "trait": ["Introduction d'un {a:aGLP-1|agoniste du récepteur du GLP-1} hebdomadaire, poursuite de la "
                   "metformine.", "Insuline basale {i:10-24} UI le soir avec titration, éducation à "
                   "l'autosurveillance glycémique.", "Consultation diététique ; bilan annuel des complications "
                   "programmé."]},
        {"name": "acidocétose", "age": (18, 50), "fever": 0.05, "dyspnea": 0.05,
         "motif": ["acidocétose diabétique", "déséquilibre aigu d'un {a:DT1|diabète de type 1}"],
         "histoire": ["Polyuro-polydipsie, amaigrissement de {i:4-9} kg en un mois, douleurs abdominales et "
                      "vomissements.", "Arrêt de l'insuline au cours d'une gastro-entérite."],
         "examen": ["Déshydratation extracellulaire, respiration de Kussmaul, haleine cétonique."],
         "para": ["Glycémie {f:3.5-6.0} g/L, pH {f:7.05-7.25}, bicarbonates {i:6-14} mmol/L, cétonémie "
                  "{f:3.5-6.5} mmol/L.", "Anticorps anti-GAD positifs."],
         "concl": ["Acidocétose diabétique compliquant un {a:DT1|diabète de type 1}."],
         "trait": ["Insuline IV au pousse-seringue, réhydratation, relais par schéma basal-bolus.",
                   "Éducation thérapeutique, capteur de glucose en continu."]},
        {"name": "hypothyroïdie", "fever": 0.02, "dyspnea": 0.05,
         "motif": ["hypothyroïdie", "asthénie et prise de poids"],
         "histoire": ["Asthénie, frilosité, constipation et prise de poids de {i:3-8} kg depuis quelques mois."],
         "examen": ["Peau sèche, bradycardie à {i:52-60}/min, réflexes achilléens lents."],
         "para": ["TSH à {f:9.0-48.0} mUI/L, T4 libre {c:basse|normale basse}.", "Anticorps anti-TPO positifs.",
                  "Échographie thyroïdienne : thyroïde hypoéchogène et hétérogène."],
         "concl": ["Hypothyroïdie {c:franche|fruste} sur thyroïdite de Hashimoto."],
         "trait": ["Lévothyroxine {i:25-100} µg/j, TSH de contrôle à 6 semaines."]},
        {"name": "maladie de Basedow", "age": (20, 65), "fever": 0.05, "dyspnea": 0.1,
         "motif": ["hyperthyroïdie", "amaigrissement et palpitations"],
         "histoire": ["Amaigrissement de {i:4-10} kg malgré un appétit conservé, tremblements, thermophobie, "
                      "palpitations."],
         "examen": ["Goitre diffus vasculaire, tachycardie sinusale à {i:100-125}/min, exophtalmie bilatérale."],
         "para": ["TSH effondrée, inférieure à 0,01 mUI/L, T4 libre à {i:30-60} pmol/L.",
                  "Anticorps anti-récepteurs de la TSH positifs.", "Scintigraphie thyroïdienne : hyperfixation "
                  "homogène."],
         "concl": ["Maladie de Basedow."],
         "trait": ["Antithyroïdien de synthèse (thiamazole) et propranolol, surveillance de la NFS.",
                   "Consultation d'ophtalmologie pour l'orbitopathie."]},
        {"name": "nodule thyroïdien", "age": (25, 75), "fever": 0.02, "dyspnea": 0.02,
         "motif": ["nodule thyroïdien", "découverte d'un nodule thyroïdien"],
         "histoire": ["Nodule thyroïdien découvert à la palpation par le médecin traitant."],
         "examen": ["Nodule {c:droit|gauche} ferme de {i:15-35} mm, pas d'adénopathie cervicale."],
         "para": ["Échographie thyroïdienne : nodule {c:droit|gauche} de {i:15-35} mm classé EU-TIRADS {i:3-5}.",
                  "Cytoponction : Bethesda {c:II|III|IV}.", "TSH normale, calcitonine normale."],
         "concl": ["Nodule thyroïdien {c:bénin|indéterminé} en cytologie."],
         "trait": ["Surveillance échographique à 1 an.", "Dossier discuté en {a:RCP|réunion de concertation "
                   "pluridisciplinaire} : lobectomie proposée."]},
        {"name": "hypoglycémies", "fever": 0.02, "dyspnea": 0.02,
         "motif": ["malaises hypoglycémiques", "hypoglycémies récidivantes"],
         "histoire": ["Malaises avec sueurs et tremblements, glycémie capillaire à {f:0.35-0.60} g/L sous "
                      "sulfamide hypoglycémiant.", "Hypoglycémies nocturnes sous insuline, repas irréguliers."],
         "examen": ["Examen clinique sans particularité."],
         "para": ["{a:HbA1c|Hémoglobine glyquée} à {f:5.8-6.8} %.", "{a:DFG|Débit de filtration glomérulaire} "
                  "à {i:28-45} mL/min."],
         "concl": ["Hypoglycémies iatrogènes sous {c:sulfamide|insuline} favorisées par l'insuffisance rénale."],
         "trait": ["Arrêt du sulfamide, relais par un inhibiteur de la DPP-4 ; objectif "
                   "d'{a:HbA1c|hémoglobine glyquée} assoupli à 8 %."]},
        {"name": "insuffisance surrénalienne", "fever": 0.1, "dyspnea": 0.02, "tension": ((85, 100), (50, 60)),
         "motif": ["insuffisance surrénalienne", "asthénie et hypotension"],
         "histoire": ["Asthénie intense, anorexie, nausées, amaigrissement de {i:3-7} kg ; corticothérapie "
                      "prolongée arrêtée brutalement."],
         "examen": ["Hypotension artérielle, pli cutané, mélanodermie."],
         "para": ["Natrémie {i:124-132} mmol/L, kaliémie {f:5.1-6.0} mmol/L.",
                  "Cortisol à 8 h à {i:20-90} nmol/L, pas de réponse au test au Synacthène."],
         "concl": ["Insuffisance surrénalienne {c:primaire|secondaire}."],
         "trait": ["Hydrocortisone {i:20-30} mg/j, carte d'insuffisant surrénalien, éducation à l'adaptation "
                   "des doses."]},
    ],
    "neurologie": [
        {"name": "AVC ischémique", "fever": 0.05, "dyspnea": 0.05,
         "motif": ["déficit moteur brachio-facial {c:droit|gauche}", "{a:AVC|accident vasculaire cérébral} "
                   "ischémique", "aphasie d'installation brutale"],
         "histoire": ["Installation brutale d'une hémiparésie {c:droite|gauche} et de troubles du langage, "
                      "appel immédiat du SAMU.", "Retrouvé{g:|e} au sol au réveil, heure de début inconnue."],
         "examen": ["Score NIHSS à {i:3-18} : hémiparésie {c:droite|gauche} à prédominance brachio-faciale, "
                    "aphasie.", "Paralysie faciale centrale, héminégligence."],
         "para": ["IRM cérébrale : infarctus {c:sylvien superficiel|jonctionnel|lacunaire} {c:gauche|droit}.",
                  "Angioscanner des troncs supra-aortiques : sténose carotidienne {c:non significative|à 70 %}.",
                  "Holter ECG de 24 h : pas de trouble du rythme.", "{a:ETT|Échographie cardiaque} "
                  "transthoracique normale."],
         "concl": ["{a:AVC|Accident vasculaire cérébral} ischémique {c:sylvien|jonctionnel} {c:gauche|droit} "
                   "thrombolysé.", "Infarctus cérébral d'origine {c:athéromateuse|cardio-embolique|"
                   "indéterminée}."],
         "trait": ["Thrombolyse IV puis thrombectomie mécanique.", "Aspirine et statine ; rééducation en unité "
                   "neurovasculaire puis en {a:SMR|soins médicaux et de réadaptation}.", "Orthophonie et "
                   "kinésithérapie."]},
        {"name": "épilepsie", "age": (18, 80), "fever": 0.1, "dyspnea": 0.02,
         "motif": ["crise convulsive", "première crise d'épilepsie"],
         "histoire": ["Crise tonico-clonique généralisée devant témoin, durée {i:1-4} min, morsure latérale de "
                      "langue, perte d'urines.", "Confusion post-critique d'une vingtaine de minutes."],
         "examen": ["Examen neurologique normal à distance de la crise."],
         "para": ["EEG : anomalies paroxystiques temporales {c:gauches|droites}.",
                  "IRM cérébrale : {c:pas de lésion épileptogène|sclérose hippocampique}.",
                  "Ionogramme et glycémie normaux."],
         "concl": ["Épilepsie focale temporale avec généralisation secondaire.",
                   "Première crise généralisée sur privation de sommeil."],
         "trait": ["Lévétiracétam {i:500-1500} mg deux fois par jour ; conduite automobile contre-indiquée.",
                   "Consultation de neurologie à 3 mois."]},
        {"name": "maladie de Parkinson", "fever": 0.02, "dyspnea": 0.02,
         "motif": ["tremblement de repos", "maladie de Parkinson"],
         "histoire": ["Tremblement de repos de la main {c:droite|gauche} depuis {i:1-3} ans, lenteur à la "
                      "marche, micrographie.", "Fluctuations motrices de fin de dose sous lévodopa."],
         "examen": ["Akinésie, rigidité en roue dentée {c:droite|gauche}, tremblement de repos, marche à petits "
                    "pas."],
         "para": ["DaTSCAN : dénervation dopaminergique présynaptique {c:bilatérale asymétrique|gauche|droite}.",
                  "IRM cérébrale sans anomalie."],
         "concl": ["Maladie de Parkinson idiopathique, stade {i:1-3} de Hoehn et Yahr."],
         "trait": ["Lévodopa/bensérazide en {i:3-5} prises par jour, kinésithérapie.",
                   "Adjonction d'un agoniste dopaminergique."]},
        {"name": "migraine", "age": (18, 60), "fever": 0.02, "dyspnea": 0.02,
         "motif": ["céphalées", "migraine"],
         "histoire": ["Céphalées pulsatiles hémicrâniennes avec photophobie et phonophobie, {i:4-10} crises par "
                      "mois.", "Aura visuelle (scotome scintillant) précédant certaines crises."],
         "examen": ["Examen neurologique normal, pas de raideur méningée."],
         "para": ["IRM cérébrale normale.", "Agenda des crises : {i:6-14} jours de céphalées par mois."],
         "concl": ["Migraine {c:sans|avec} aura, épisodique fréquente.",
                   "Céphalées par abus médicamenteux sur migraine."],
         "trait": ["Triptan en crise, traitement de fond par {c:propranolol|topiramate|amitriptyline}.",
                   "Sevrage des antalgiques."]},
        {"name": "sclérose en plaques", "age": (20, 55), "fever": 0.02, "dyspnea": 0.02,
         "motif": ["baisse de vision douloureuse", "poussée de {a:SEP|sclérose en plaques}"],
         "histoire": ["Baisse d'acuité visuelle de l'œil {c:droit|gauche}, douloureuse aux mouvements "
                      "oculaires.", "Paresthésies ascendantes des membres inférieurs depuis {i:5-15} jours."],
         "examen": ["Signe de Babinski {c:droit|gauche|bilatéral}, hypoesthésie en chaussette.",
                    "Déficit pupillaire afférent relatif."],
         "para": ["IRM encéphalique et médullaire : lésions de la substance blanche périventriculaires, "
                  "{i:1-3} rehaussée(s) par le gadolinium.", "Ponction lombaire : bandes oligoclonales dans le "
                  "LCR.", "Potentiels évoqués visuels allongés."],
         "concl": ["{a:SEP|Sclérose en plaques} de forme rémittente-récurrente, poussée {c:optique|médullaire}."],
         "trait": ["Bolus de méthylprednisolone 1 g/j pendant 3 jours.",
                   "Traitement de fond discuté en réunion de concertation de neurologie."]},
        {"name": "polyneuropathie", "fever": 0.02, "dyspnea": 0.02,
         "motif": ["paresthésies des pieds", "polyneuropathie"],
         "histoire": ["Paresthésies et brûlures des deux pieds remontant aux chevilles, aggravées la nuit, "
                      "instabilité à la marche."],
         "examen": ["Aréflexie achilléenne bilatérale, hypoesthésie en chaussettes, signe de Romberg."],
         "para": ["ENMG : polyneuropathie sensitive axonale longueur-dépendante.",
                  "Vitamine B12 et électrophorèse des protéines normales, {a:HbA1c|hémoglobine glyquée} à "
                  "{f:7.5-9.5} %."],
         "concl": ["Polyneuropathie sensitive axonale {c:probablement diabétique|d'origine indéterminée}."],
         "trait": ["Prégabaline {i:75-150} mg deux fois par jour, soins de podologie, équilibration du diabète."]},
    ],
}

_HISTORY: dict[str, list[str]] = {
    "cardiologie": ["{a:HTA|hypertension artérielle}", "{a:FA|fibrillation atriale} paroxystique sous "
                    "{c:apixaban|rivaroxaban|AVK}", "cardiopathie ischémique stentée en {i:2008-2019}",
                    "{a:IC|insuffisance cardiaque} à {a:FEVG|fraction d'éjection} préservée",
                    "dyslipidémie sous statine", "pacemaker pour bloc auriculo-ventriculaire complet"],
    "pneumologie": ["{a:BPCO|bronchopneumopathie chronique obstructive} stade {c:2|3} GOLD",
                    "asthme allergique depuis l'enfance", "{a:SAOS|syndrome d'apnées obstructives du sommeil} "
                    "appareillé", "tabagisme actif à {i:20-60} PA", "tuberculose pulmonaire traitée dans "
                    "l'enfance", "embolie pulmonaire en {i:2010-2020}"],
    "endocrinologie": ["{a:DT2|diabète de type 2} sous {c:metformine|metformine et sitagliptine|insuline "
                       "basale}", "hypothyroïdie substituée par lévothyroxine", "obésité (IMC {i:31-42} kg/m²)",
                       "thyroïdectomie totale pour goitre multinodulaire", "adénome hypophysaire non sécrétant "
                       "surveillé"],
    "neurologie": ["{a:AVC|accident vasculaire cérébral} ischémique en {i:2012-2021} sans séquelle",
                   "épilepsie sous lévétiracétam", "maladie de Parkinson depuis {i:3-12} ans",
                   "migraine sans aura", "{a:SEP|sclérose en plaques} rémittente",
                   "{a:AIT|accident ischémique transitoire} en {i:2015-2022}"],
    "aucune": ["insuffisance rénale chronique stade {c:3a|3b}", "arthrose des genoux", "cancer de la prostate "
               "traité par radiothérapie", "cholécystectomie", "syndrome dépressif", "prothèse totale de hanche "
               "{c:droite|gauche}", "glaucome", "hernie hiatale", "ostéoporose"],
}

_SECONDARY: dict[str, list[str]] = {
    "cardiologie": ["Sur le plan cardiologique, {a:FA|fibrillation atriale} connue sous anticoagulant, "
                    "{a:ETT|échographie cardiaque} récente : {a:FEVG|fraction d'éjection} à {i:45-65} %.",
                    "Sur le plan cardiovasculaire, {a:HTA|hypertension artérielle} équilibrée sous "
                    "bithérapie ; ECG inchangé.", "Cardiopathie ischémique stable, pas d'angor ; poursuite de "
                    "l'aspirine et de la statine.", "Surveillance du NT-proBNP à {i:300-1500} pg/mL, "
                    "{a:IC|insuffisance cardiaque} stable sous diurétique."],
    "pneumologie": ["Sur le plan respiratoire, {a:BPCO|bronchopneumopathie chronique obstructive} stable, "
                    "{a:VEMS|volume expiratoire maximal par seconde} à {i:50-75} % sous bronchodilatateurs.",
                    "{a:SAOS|Syndrome d'apnées obstructives du sommeil} appareillé, bonne observance de la "
                    "{a:PPC|pression positive continue}.", "Radiographie thoracique : séquelles pleurales "
                    "anciennes, pas de foyer.", "Asthme contrôlé sous corticoïde inhalé ; sevrage tabagique à "
                    "poursuivre."],
    "endocrinologie": ["Sur le plan métabolique, {a:HbA1c|hémoglobine glyquée} à {f:7.0-9.5} %, poursuite de la "
                       "metformine.", "{a:DT2|Diabète de type 2} sous insuline basale, glycémies capillaires "
                       "entre {f:1.2-1.6} et {f:2.0-2.8} g/L.", "Hypothyroïdie substituée, TSH à "
                       "{f:0.8-3.5} mUI/L.", "Obésité, IMC {i:31-40} kg/m², suivi diététique proposé."],
    "neurologie": ["Sur le plan neurologique, séquelles d'{a:AVC|accident vasculaire cérébral} à type "
                   "d'hémiparésie {c:droite|gauche} discrète.", "Épilepsie équilibrée sous lévétiracétam, "
                   "dernière crise il y a {i:2-8} ans.", "Maladie de Parkinson stable sous lévodopa, chutes "
                   "à domicile.", "Troubles cognitifs débutants (MMSE {i:20-26}/30), IRM cérébrale : "
                   "leucopathie vasculaire."],
}

_REVIEW: dict[str, list[str]] = {
    "cardiologie": ["pas de douleur thoracique", "pas de palpitations", "absence d'œdème des membres inférieurs",
                    "pas de syncope"],
    "pneumologie": ["pas de toux", "pas d'expectoration", "pas d'hémoptysie", "auscultation pulmonaire libre"],
    "endocrinologie": ["pas de syndrome polyuro-polydipsique", "pas d'amaigrissement",
                       "pas de malaise hypoglycémique"],
    "neurologie": ["pas de céphalées", "pas de déficit sensitivo-moteur", "pas de trouble de la conscience",
                   "pas de trouble phasique"],
}

# The only sentences where the two annotated findings appear. « piège » = written so that
# simple negation rules get it wrong (kept rare, as in real notes).
_FEVER = {
    "affirmé": ["fièvre à {f:38.2-39.9} °C", "Fièvre à {f:38.2-39.6} °C depuis {i:2-5} jours",
                "fébrile à {f:38.1-39.5} °C", "notion de fièvre {c:vespérale|avec frissons|non chiffrée} à domicile",
                "fièvre persistante à {f:38.1-39.2} °C", "Pas d'amélioration de la fièvre sous paracétamol",
                "pas de frissons mais fièvre à {f:38.1-39.0} °C"],
    "piège": ["Pas de douleur, fièvre à {f:38.1-39.0} °C", "Sans point d'appel évident, fièvre à "
              "{f:38.1-39.0} °C"],
    "nié": ["Pas de fièvre", "pas de fièvre ni de frissons", "Absence de fièvre", "Apyrétique", "sans fièvre",
            "Fièvre : non", "{g:Le patient|La patiente} nie toute fièvre", "pas de notion de fièvre",
            "aucune fièvre rapportée", "Afébrile", "T {f:36.4-37.4} °C, pas de fièvre"],
}
_DYSPNEA = {
    "affirmé": ["dyspnée d'effort stade {c:II|III} de la NYHA", "dyspnée de repos", "majoration de la dyspnée",
                "Dyspnée d'effort {c:depuis 3 semaines|à la montée des escaliers|depuis quelques jours}",
                "dyspnée aiguë", "Pas d'amélioration de la dyspnée sous traitement"],
    "piège": ["Sans antécédent particulier, dyspnée d'apparition brutale", "Pas de douleur, dyspnée au moindre "
              "effort"],
    "nié": ["pas de dyspnée", "Absence de dyspnée", "sans dyspnée", "Dyspnée : non", "Eupnéique",
            "pas de dyspnée ni d'orthopnée", "Dyspnée absente"],
}

_TEMPLATE = re.compile(r"\{([icfag]):([^{}]*)\}")


class _Writer:
    """Fills templates for one note (its style and the patient's sex are fixed)."""

    def __init__(self, rng: random.Random, abbreviate: float, female: bool):
        self.rng = rng
        self.abbreviate = abbreviate
        self.female = female

    def pick(self, options):
        return options[self.rng.randrange(len(options))]

    def fill(self, template: str) -> str:
        def one(match: re.Match) -> str:
            kind, body = match.groups()
            if kind == "i":
                lo, hi = (int(v) for v in body.split("-"))
                return str(self.rng.randint(lo, hi))
            if kind == "f":
                lo, hi = (float(v) for v in body.split("-"))
                return f"{self.rng.uniform(lo, hi):.1f}".replace(".", ",")
            options = body.split("|")
            if kind == "c":
                return self.pick(options)
            if kind == "a":
                return options[0] if self.rng.random() < self.abbreviate else options[1]
            return options[1] if self.female else options[0]  # "g"

        while "{" in template:  # nested templates are filled from the inside out
            template = _TEMPLATE.sub(one, template)
        return template


_WORD5 = re.compile(r"(?<![\w@.])[^\W\d_]{5,}(?![\w@])")


def _typos(text: str, rng: random.Random, rate: float) -> str:
    """Introduce typing errors in words of 5 letters or more (lost accent, swap, double, drop).

    Each word is hit with probability ``rate``; the gaps between hit words are drawn from the
    geometric distribution, so that the cost does not grow with the number of words left intact.
    """
    words = list(_WORD5.finditer(text))
    pieces, last = [], 0
    i = int(math.log(1.0 - rng.random()) / math.log(1.0 - rate))
    while i < len(words):
        match = words[i]
        word = match.group()
        kind = rng.randrange(4)
        j = rng.randrange(1, len(word) - 1)
        if kind == 0:
            plain = unicodedata.normalize("NFKD", word).encode("ascii", "ignore").decode()
            new = plain if plain != word and len(plain) == len(word) else word[:j] + word[j + 1:]
        elif kind == 1:
            new = word[:j] + word[j + 1] + word[j] + word[j + 2:]
        elif kind == 2:
            new = word[:j] + word[j] + word[j:]
        else:
            new = word[:j] + word[j + 1:]
        pieces += [text[last:match.start()], new]
        last = match.end()
        i += 1 + int(math.log(1.0 - rng.random()) / math.log(1.0 - rate))
    return "".join(pieces) + text[last:]


def _sentence(text: str) -> str:
    text = text.strip()
    text = text[0].upper() + text[1:]
    return text if text.endswith((".", "!", "?")) else text + "."


def _date_text(rng: random.Random, day: int, month: int, year: int) -> str:
    u = rng.random()
    if u < 0.45:
        return f"{day:02d}/{month:02d}/{year}"
    if u < 0.70:
        return f"{'1er' if day == 1 else day} {_MONTH_NAMES[month - 1]} {year}"
    if u < 0.85:
        return f"{year}-{month:02d}-{day:02d}"
    return f"{day:02d}.{month:02d}.{year % 100:02d}"


def _phone_text(rng: random.Random, block: str) -> str:
    digits = (block + " " + " ".join(f"{rng.randrange(100):02d}" for _ in range(2))).split()
    u = rng.random()
    if u < 0.5:
        return " ".join(digits)
    if u < 0.7:
        return ".".join(digits)
    if u < 0.85:
        return "".join(digits)
    return "+33 " + digits[0][1] + " " + " ".join(digits[1:])


def _nir_text(rng: random.Random, female: bool, year: int, month: int) -> tuple[str, str]:
    """A fictitious NIR as written in the note, and whether it is « complet », « erroné » or « sans clé »."""
    department = rng.choice(_DEPARTMENTS)
    if department == "99":
        commune = f"{rng.randrange(101, 450):03d}"
    elif len(department) == 3:
        commune = f"{rng.randrange(1, 35):02d}"
    else:
        commune = f"{rng.randrange(1, 700):03d}"
    order = f"{rng.randrange(1, 1000):03d}"
    body = f"{2 if female else 1}{year % 100:02d}{month:02d}{department}{commune}{order}"
    key = f"{nir_key(body):02d}"
    kind = "complet"
    u = rng.random()
    if u < 0.08:  # one digit mistyped: the key no longer matches
        i = rng.randrange(7, 13)
        body = body[:i] + str((int(body[i]) + rng.randrange(1, 10)) % 10) + body[i + 1:]
        kind = "erroné"
    elif u < 0.18:
        kind = "sans clé"
    groups = [body[0], body[1:3], body[3:5], body[5:7], body[7:10], body[10:13]]
    v = rng.random()
    if kind == "sans clé":
        return "".join(groups) if v < 0.5 else " ".join(groups), kind
    if v < 0.5:
        return " ".join([*groups, key]), kind
    if v < 0.8:
        return "".join(groups) + key, kind
    if v < 0.9:
        return "".join(groups) + " " + key, kind
    return ".".join([*groups, key]), kind


def _ascii(text: str) -> str:
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower().replace(" ", "")


def _one_note(rng: random.Random, index: int) -> dict:
    specialty = rng.choice(SPECIALTIES)
    note_type = rng.choices(NOTE_TYPES, weights=[0.4, 0.35, 0.25])[0]
    female = rng.random() < 0.5
    telegraphic = rng.random() < 0.5
    w = _Writer(rng, abbreviate=0.75 if telegraphic else 0.3, female=female)
    dx = rng.choice(_DX[specialty])
    others = [s for s in SPECIALTIES if s != specialty]
    secondary = rng.choice(others) if rng.random() < 0.5 else "aucune"

    # ---- identities (all fictitious)
    first = rng.choice(_FIRST_F if female else _FIRST_M)
    last = rng.choice(_SURNAMES)
    note_day = date(2019, 1, 1) + timedelta(days=rng.randrange(6 * 365))
    age = rng.randint(*dx.get("age", (45, 95)))
    birth_day = date(note_day.year - age, rng.randint(1, 12), rng.randint(1, 28))
    if (birth_day.month, birth_day.day) > (note_day.month, note_day.day):
        age -= 1
    names, dates, phones, emails, nirs = [], [], [], [], []
    u = rng.random()
    patient = f"{first} {last.upper()}" if u < 0.4 else f"{last.upper()} {first}" if u < 0.7 else f"{first} {last}"
    names.append(patient)
    title = "Mme" if female else rng.choice(["M.", "M.", "Monsieur", "Mr"])
    birth = _date_text(rng, birth_day.day, birth_day.month, birth_day.year)
    note_date = _date_text(rng, note_day.day, note_day.month, note_day.year)
    dates += [birth, note_date]
    identity = f"{title} {patient}, né{'e' if female else ''} le {birth}"
    if rng.random() < 0.55:
        nir, _ = _nir_text(rng, female, birth_day.year, birth_day.month)
        nirs.append(nir)
        identity += f" — {rng.choice(['NIR', 'NIR', 'NSS', 'N° SS'])} : {nir}"
    doc_first, doc_last = rng.choice(_FIRST_F + _FIRST_M), rng.choice(_SURNAMES)
    doctor = f"{doc_first[0]}. {doc_last.upper()}" if rng.random() < 0.4 else f"{doc_first} {doc_last}"
    names.append(doctor)
    city = rng.choice(_CITIES)
    service = rng.choice(_SERVICES)

    # ---- clinical content
    own = rng.sample(_HISTORY[specialty], rng.randint(0, 1))
    sec = rng.sample(_HISTORY[secondary], rng.randint(1, 3)) if secondary != "aucune" else []
    generic = rng.sample(_HISTORY["aucune"], rng.randint(0, 2))
    history = own + sec + generic
    rng.shuffle(history)
    history = [w.fill(h) for h in history]
    # Two problems in one note: the secondary one is also worked up (history, tests, treatment),
    # the main one is told only by the reason for admission, one finding and the conclusion.
    mixed = secondary != "aucune" and rng.random() < MIXED_RATE
    short = mixed or rng.random() < 0.15  # a short main section: harder to classify
    motif = w.fill(rng.choice(dx["motif"]))
    story = [w.fill(s) for s in rng.sample(dx["histoire"], 1 if short else min(2, len(dx["histoire"])))]
    exam = [w.fill(s) for s in rng.sample(dx["examen"], 1)]
    para = [w.fill(s) for s in rng.sample(dx["para"], 1 if short else min(rng.randint(2, 3), len(dx["para"])))]
    concl = w.fill(rng.choice(dx["concl"]))
    treat = [w.fill(s) for s in rng.sample(dx["trait"], 1 if short else min(2, len(dx["trait"])))]
    if mixed:
        other = rng.choice(_DX[secondary])
        story = [w.fill(rng.choice(other["histoire"]))]
        para += [w.fill(t) for t in rng.sample(other["para"], min(2, len(other["para"])))]
        rng.shuffle(para)
        treat.append(w.fill(rng.choice(other["trait"])))
    secondary_text = [w.fill(rng.choice(_SECONDARY[secondary]))] \
        if secondary != "aucune" and (mixed or rng.random() < 0.6) else []
    review = [w.fill(s) for s in rng.sample([r for s in others for r in _REVIEW[s]], rng.randint(0, 3))]

    findings = {}
    for key, table in (("fever", _FEVER), ("dyspnea", _DYSPNEA)):
        if rng.random() < dx[key]:
            status = "affirmé"
            phrase = rng.choice(table["piège"] if rng.random() < 0.12 else table["affirmé"])
        elif rng.random() < 0.55:
            status, phrase = "nié", rng.choice(table["nié"])
        else:
            status, phrase = "non mentionné", ""
        findings[key] = status
        if phrase:
            (story if key == "dyspnea" and rng.random() < 0.5 else exam).append(w.fill(phrase))
    (sys_lo, sys_hi), (dia_lo, dia_hi) = dx.get("tension", ((105, 175), (55, 95)))
    systolic, diastolic = rng.randint(sys_lo, sys_hi), rng.randint(dia_lo, dia_hi)
    if rng.random() < 0.2:  # in cmHg, as often written: « TA 13/8 »
        bp = f"TA {round(systolic / 10)}/{round(diastolic / 10)}"
    else:
        bp = f"TA {systolic}/{diastolic} mmHg"
    vitals = f"{bp}, FC {rng.randint(55, 115)}/min, SpO2 {rng.randint(90, 99)} % en air ambiant"
    if findings["fever"] == "non mentionné" and rng.random() < 0.5:
        vitals += f", T {rng.uniform(36.3, 37.5):.1f} °C".replace(".", ",")
    exam = [vitals, *exam, *review]

    def block(items):
        if telegraphic:
            return "\n- " + "\n- ".join(_sentence(s) for s in items)
        return " " + " ".join(_sentence(s) for s in items)

    living = ["Vit {c:seul{g:|e}|avec son conjoint|avec sa fille} à domicile, autonome."]
    if age >= 62:
        living.append("Retraité{g:|e}, vit à domicile avec {g:son épouse|son époux}.")
    if age >= 75:
        living.append("Vit en EHPAD, aide pour la toilette.")
    life = w.fill(rng.choice(living))
    if rng.random() < 0.15:  # a relative named without title: missed by title-based rules
        rel_female = rng.random() < 0.5
        rel_first = rng.choice(_FIRST_F if rel_female else _FIRST_M)
        relative = rel_first if rng.random() < 0.5 else f"{rel_first} {rng.choice(_SURNAMES)}"
        names.append(relative)
        link = rng.choice(["sa fille", "sa nièce", "sa voisine", "sa sœur"] if rel_female else
                          ["son fils", "son neveu", "son voisin", "son frère"])
        life += f" Personne de confiance : {link}, {relative}"
        if rng.random() < 0.7:
            phone = _phone_text(rng, _MOBILE_BLOCK)
            phones.append(phone)
            life += f", joignable au {phone}"
        life += "."
    control = ""
    if rng.random() < 0.1:  # a date without year (not caught: « TA 12/8 » looks the same)
        control_date = f"{rng.randint(1, 28)}/{rng.randint(1, 12)}"
        dates.append(control_date)
        control = f" Prochain contrôle le {control_date}."
    rate = 0.02
    p = {
        "antecedents": "; ".join(history) if history else "aucun antécédent notable",
        "histoire": block(story), "examen": block(exam), "para": block(para),
        "secondaire": block(secondary_text).lstrip() if secondary_text else "",
        "conclusion": " " + _sentence(concl), "traitement": block(treat) + control,
    }
    p = {k: _typos(v, rng, rate) for k, v in p.items()}
    motif = _typos(motif, rng, rate)

    secretariat = _phone_text(rng, rng.choice(_FICTION_BLOCKS))
    signature = f"Dr {doctor}"
    contact = []
    if rng.random() < 0.6:
        phones.append(secretariat)
        contact.append(f"Secrétariat : {secretariat}")
    if rng.random() < 0.3:
        email = f"{_ascii(doc_first)}.{_ascii(doc_last)}@hopital.example"
        emails.append(email)
        contact.append(f"Courriel : {email}")
    contact_text = ("\n" + " — ".join(contact)) if contact else ""
    sec_line = f"\n{p['secondaire']}" if p["secondaire"] else ""

    if note_type == "consultation":
        header = rng.choice(["COMPTE RENDU DE CONSULTATION", "Compte rendu de consultation", "CR CONSULTATION"])
        text = (f"{header}\n{service} — CH de {city}\nConsultation du {note_date}\nPatient{'e' if female else ''}"
                f" : {identity}.\nMotif : {motif}.\nAntécédents : {p['antecedents']}.\n{life}\n"
                f"Histoire de la maladie :{p['histoire']}\nExamen clinique :{p['examen']}\n"
                f"Examens complémentaires :{p['para']}{sec_line}\nConclusion :{p['conclusion']}\n"
                f"Conduite à tenir :{p['traitement']}\n{signature}{contact_text}")
    elif note_type == "hospitalisation":
        admission_day = note_day - timedelta(days=rng.randint(2, 14))
        admission = _date_text(rng, admission_day.day, admission_day.month, admission_day.year)
        dates.append(admission)
        header = rng.choice(["COMPTE RENDU D'HOSPITALISATION", "Compte rendu d'hospitalisation", "CRH"])
        text = (f"{header}\n{service} — CH de {city}\n{identity}.\n"
                f"Hospitalisé{'e' if female else ''} du {admission} au {note_date}.\n"
                f"Motif d'hospitalisation : {motif}.\nAntécédents : {p['antecedents']}.\n{life}\n"
                f"Histoire de la maladie :{p['histoire']}\nExamen d'entrée :{p['examen']}\n"
                f"Examens complémentaires :{p['para']}{sec_line}\nÉvolution et traitement :{p['traitement']}\n"
                f"Conclusion :{p['conclusion']}\n{signature}{contact_text}")
    else:
        greeting = rng.choice(["Cher confrère,", "Chère consœur,", "Cher ami,", "Chère collègue,"])
        short_name = last if rng.random() < 0.5 else patient
        if short_name != patient:
            names.append(short_name)
        text = (f"{city}, le {note_date}\n{service}\nObjet : {identity}.\n{greeting}\n"
                f"J'ai vu {'Mme' if female else 'M.'} {short_name}, {age} ans, pour {motif}. "
                f"Dans ses antécédents, on note : {p['antecedents']}. {life}\n{p['histoire'].lstrip()}\n"
                f"À l'examen :{p['examen']}\nBilan :{p['para']}{sec_line}\nEn conclusion :{p['conclusion']}\n"
                f"{p['traitement'].lstrip()}\nJe reste à votre disposition. Bien confraternellement,\n"
                f"{signature}{contact_text}")
    return {
        "note_id": f"N{index + 1:04d}", "note_type": note_type, "specialty": specialty,
        "secondary_specialty": secondary, "text": text, "fever": findings["fever"],
        "dyspnea": findings["dyspnea"], "names": SEPARATOR.join(dict.fromkeys(names)),
        "dates": SEPARATOR.join(dict.fromkeys(dates)), "phones": SEPARATOR.join(phones),
        "emails": SEPARATOR.join(emails), "nirs": SEPARATOR.join(nirs),
    }


NOTE_COLUMNS: dict[str, str] = {
    "note_id": "Identifiant de la note (N0001, N0002…), sans lien avec une personne.",
    "note_type": "Type de document : consultation, hospitalisation (compte rendu de séjour) ou courrier de "
                 "sortie.",
    "specialty": "Cible : spécialité du problème principal de la note (cardiologie, pneumologie, "
                 "endocrinologie ou neurologie).",
    "secondary_specialty": "Spécialité d'un problème secondaire évoqué dans la note (antécédents, paragraphe "
                           "« sur le plan… »), ou « aucune ».",
    "text": "Texte de la note, en français, avec abréviations, style variable et fautes de frappe.",
    "fever": "Vérité terrain pour la fièvre telle qu'écrite : affirmé, nié (y compris « apyrétique ») ou non "
             "mentionné.",
    "dyspnea": "Vérité terrain pour la dyspnée telle qu'écrite : affirmé, nié (y compris « eupnéique ») ou non "
               "mentionné.",
    "names": "Noms de personnes présents dans la note, tels qu'écrits (patient, médecin, proche), séparés par "
             "« | ».",
    "dates": "Dates présentes dans la note, telles qu'écrites, séparées par « | ».",
    "phones": "Numéros de téléphone présents dans la note, séparés par « | » ; vide s'il n'y en a pas.",
    "emails": "Adresses électroniques présentes dans la note ; vide s'il n'y en a pas.",
    "nirs": "NIR présent dans la note, tel qu'écrit (parfois erroné ou sans clé) ; vide s'il n'y en a pas.",
}


def _check_args(n_notes: object, random_state: object) -> None:
    if isinstance(n_notes, bool) or not isinstance(n_notes, numbers.Integral):
        raise IASanteError(f"« n_notes » doit être un nombre entier de notes (reçu : {n_notes!r}).")
    if not 1 <= int(n_notes) <= 100_000:
        raise IASanteError(f"« n_notes » doit être compris entre 1 et 100 000 (reçu : {n_notes}).")
    if isinstance(random_state, bool) or not isinstance(random_state, numbers.Integral) or int(random_state) < 0:
        raise IASanteError(
            f"« random_state » doit être un entier positif ou nul, la graine du hasard (reçu : {random_state!r})."
        )


def load_clinical_notes(n_notes: int = 600, random_state: int = 0) -> pd.DataFrame:
    """Synthetic French clinical notes to de-identify, search for negations and classify.

    Parameters
    ----------
    n_notes : int, default 600
        Number of notes (1 to 100,000).
    random_state : int, default 0
        Seed: the same seed always gives the same notes.

    Returns
    -------
    DataFrame
        One row per note; columns described in ``NOTE_COLUMNS`` (the dataset
        card ``clinical_notes``). The target is ``specialty``; ``fever`` and
        ``dyspnea`` are the ground truth of two findings; ``names``, ``dates``,
        ``phones``, ``emails`` and ``nirs`` list the identifiers written in
        the note (joined by `` | ``, empty when absent).

    Notes
    -----
    Every note is written by templates for the course: no real patient, no
    real physician, fictitious NIRs, telephone numbers in the blocks Arcep
    reserves for fiction and e-mail addresses in the reserved ``.example``
    domain. See the module docstring for what makes the task non-trivial.
    """
    _check_args(n_notes, random_state)
    rng = random.Random(int(random_state))
    rows = [_one_note(rng, i) for i in range(int(n_notes))]
    return pd.DataFrame(rows, columns=list(NOTE_COLUMNS))


register(
    DatasetInfo(
        name="clinical_notes",
        title="Notes cliniques en français (synthétiques)",
        description=(
            "Notes cliniques courtes ÉCRITES POUR LE COURS par un générateur à gabarits (aucun patient réel) : "
            "comptes rendus de consultation, comptes rendus d'hospitalisation et courriers de sortie de services "
            "de médecine polyvalente, de médecine interne ou de gériatrie. Chaque note doit être orientée vers "
            "la spécialité de son problème principal (cardiologie, pneumologie, endocrinologie, neurologie, "
            "environ un quart chacune). La tâche n'est pas triviale : antécédents et problème secondaire d'une "
            "autre spécialité dans la moitié des notes (dans la moitié de celles-ci, le problème secondaire est "
            "aussi détaillé que le principal), vocabulaire partagé entre spécialités, signes négatifs "
            "(« pas de douleur thoracique »), abréviations (HTA, FEVG, BPCO, DT2…) ou formes longues, style "
            "télégraphique ou rédigé, environ 2 % de fautes de frappe. Chaque note porte une vérité terrain pour "
            "la fièvre et la dyspnée (affirmée, niée ou non mentionnée, y compris des tournures qui piègent les "
            "règles de négation) et la liste des identifiants directs qu'elle contient. Identités fictives : noms "
            "tirés de listes de prénoms et de noms courants, NIR construits avec une clé valide (environ 8 % avec "
            "une faute de frappe, 10 % sans clé), numéros de téléphone dans les tranches réservées par l'Arcep "
            "aux œuvres de fiction, adresses dans le domaine réservé « .example ». Générées par "
            "`load_clinical_notes(n_notes, random_state)` (graine fixée)."
        ),
        loader=load_clinical_notes,
        columns=NOTE_COLUMNS,
        target="specialty",
        source="Générateur du cours (`iasante.datasets.load_clinical_notes`), gabarits rédigés pour le cours.",
        licence="Licence du code du cours (données générées, aucune personne réelle)",
        citation=(
            "Données synthétiques du cours IA Santé. Règles de négation d'après Chapman W. W. et al. A simple "
            "algorithm for identifying negated findings and diseases in discharge summaries. J Biomed Inform "
            "2001;34(5):301–310."
        ),
        bibkey="chapman2001",
        n_rows=600,
        uses=(
            "Apprendre la désidentification par règles et son risque résiduel, la clé du NIR, la détection de la "
            "négation, la classification de textes (TF-IDF et modèle linéaire) et l'analyse des erreurs."
        ),
        limits=(
            "Données SYNTHÉTIQUES : notes plus courtes, plus régulières et moins variées que de vraies notes ; "
            "les phrases viennent d'un nombre limité de gabarits, si bien que les scores obtenus ici surestiment "
            "ce que l'on obtiendrait sur un entrepôt de données de santé réel. Aucune conclusion clinique ne peut "
            "en être tirée. Les identifiants sont fictifs mais réalistes : ne pas les réutiliser hors du cours."
        ),
        origin="générateur du paquet iasante, sans fichier",
    )
)
