"""Penguins, backprop4j against scikit-learn on the same splits, both measured in one run.

Runs our side (PenguinsVsSklearn: it writes each split's test lines and our scores), then
scikit-learn's ColumnTransformer(SimpleImputer + StandardScaler for numbers, SimpleImputer +
OneHotEncoder for text) + MLPClassifier / MLPRegressor on the very same rows, and prints both
per seed with the medians. Both sides: one hidden layer of 16 ReLU units; body-mass targets
standardised on both sides (TransformedTargetRegressor here, the default of Model.train there).

Run from the repository root with a Python that has scikit-learn and pandas, e.g. the wheels on
disk:  python3 -m venv /tmp/venv && /tmp/venv/bin/pip install --no-index --find-links <wheels> scikit-learn pandas
then:  /tmp/venv/bin/python src/jmh/python/penguins_sklearn.py target/penguins-compare
"""
import os
import subprocess
import sys
import warnings

import numpy as np
import pandas as pd
import sklearn
from sklearn.compose import ColumnTransformer, TransformedTargetRegressor
from sklearn.exceptions import ConvergenceWarning
from sklearn.impute import SimpleImputer
from sklearn.metrics import accuracy_score, r2_score
from sklearn.neural_network import MLPClassifier, MLPRegressor
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler

warnings.simplefilter("ignore", ConvergenceWarning)
out = sys.argv[1] if len(sys.argv) > 1 else "target/penguins-compare"
subprocess.run(["mvn", "-q", "-Pbench", "test-compile", "exec:java",
                "-Dexample=io.github.backprop4j.bench.PenguinsVsSklearn", f"-Dexec.args={out}"],
               check=True, stdout=subprocess.DEVNULL)
ours = pd.read_csv(os.path.join(out, "backprop4j.csv"))

data = pd.read_csv("examples/resources/io/github/backprop4j/examples/penguins.csv")   # "NA" and "" read as gaps
data.index = data.index + 2    # the file line of each row: the header is line 1
TEXT = ["species", "island", "sex"]


def pipeline(features, model):
    numbers = [c for c in features if c not in TEXT]
    text = [c for c in features if c in TEXT]
    encode = ColumnTransformer([
        ("numbers", make_pipeline(SimpleImputer(strategy="median"), StandardScaler()), numbers),
        ("text", make_pipeline(SimpleImputer(strategy="constant", fill_value="(missing)"),
                               OneHotEncoder(handle_unknown="ignore")), text)])
    return make_pipeline(encode, model)


def split(rows, task, seed):
    test_lines = np.loadtxt(os.path.join(out, f"{task}_{seed}_test.txt"), dtype=int, ndmin=1)
    test = rows.loc[test_lines]
    return rows.drop(index=test_lines), test


TASKS = {
    "species": ("species", lambda s: MLPClassifier(hidden_layer_sizes=(16,), max_iter=2000, random_state=s),
                data, accuracy_score),
    "mass": ("body_mass_g", lambda s: TransformedTargetRegressor(
        regressor=MLPRegressor(hidden_layer_sizes=(16,), max_iter=2000, random_state=s), transformer=StandardScaler()),
             data.dropna(subset=["body_mass_g"]), r2_score),
}
print(f"scikit-learn {sklearn.__version__}; score: species test accuracy, mass test R^2")
print("task     seed  backprop4j  scikit-learn")
verdicts = []
for task, (target, make, rows, score) in TASKS.items():
    features = [c for c in data.columns if c != target]
    theirs = []
    for seed in range(10):
        train, test = split(rows, task, seed)
        fitted = pipeline(features, make(seed)).fit(train[features], train[target])
        theirs.append(score(test[target], fitted.predict(test[features])))
        mine = ours[(ours.task == task) & (ours.seed == seed)].score.iloc[0]
        print(f"{task:8s} {seed:4d}  {mine:10.4f}  {theirs[-1]:12.4f}")
    mine = ours[ours.task == task].score
    ok = np.median(mine) >= np.median(theirs) - 0.01
    verdicts.append(ok)
    print(f"{task:8s} median {np.median(mine):.4f} (worst {np.min(mine):.4f})  scikit-learn {np.median(theirs):.4f}"
          f" (worst {np.min(theirs):.4f})  target: at least scikit-learn - 0.01: {'met' if ok else 'MISSED'}")
sys.exit(0 if all(verdicts) else 1)
