"""Writes stratified 75/25 splits of four scikit-learn data sets (features standardised on the
training part) and prints MLPClassifier's default test accuracy on each, for DefaultsVsSklearn.

Run (Debian's python3-sklearn):  /usr/bin/python3 src/jmh/python/sklearn_defaults.py target/sklearn-splits
Then:  mvn -q -Pbench test-compile exec:java -Dexample=io.github.backprop4j.bench.DefaultsVsSklearn -Dexec.args=target/sklearn-splits
"""
import os
import sys
import warnings

import numpy as np
from sklearn.datasets import load_breast_cancer, load_digits, load_iris, load_wine
from sklearn.exceptions import ConvergenceWarning
from sklearn.model_selection import train_test_split
from sklearn.neural_network import MLPClassifier
from sklearn.preprocessing import StandardScaler

warnings.simplefilter("ignore", ConvergenceWarning)
out = sys.argv[1] if len(sys.argv) > 1 else "target/sklearn-splits"
os.makedirs(out, exist_ok=True)
SETS = {"iris": (load_iris, 30), "wine": (load_wine, 30), "cancer": (load_breast_cancer, 30), "digits": (load_digits, 10)}
for name, (load, splits) in SETS.items():
    d = load()
    accuracies = []
    for s in range(splits):
        xtr, xte, ytr, yte = train_test_split(d.data, d.target, test_size=0.25, stratify=d.target, random_state=s)
        scaler = StandardScaler().fit(xtr)
        xtr, xte = scaler.transform(xtr), scaler.transform(xte)
        prefix = os.path.join(out, f"{name}_{s}_")
        np.savetxt(prefix + "xtr.csv", xtr, delimiter=",")
        np.savetxt(prefix + "xte.csv", xte, delimiter=",")
        np.savetxt(prefix + "ytr.csv", ytr, fmt="%d")
        np.savetxt(prefix + "yte.csv", yte, fmt="%d")
        accuracies.append(MLPClassifier(random_state=s).fit(xtr, ytr).score(xte, yte))
    print(f"{name:7s} {splits} splits  scikit-learn MLPClassifier() mean {np.mean(accuracies):.4f}")
