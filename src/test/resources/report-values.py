"""Expected values for ClassificationReportTest and RegressionReportTest, from scikit-learn.
Run with Debian's python3-sklearn: /usr/bin/python3 src/test/resources/report-values.py"""
import numpy as np
from sklearn.metrics import classification_report, precision_recall_fscore_support, accuracy_score, log_loss, roc_auc_score, mean_squared_error, mean_absolute_error, r2_score
y  = [0,0,1,1,2,2,2,0,1,2,2,1,0,0,2]
yp = [0,1,1,1,2,0,2,0,2,2,1,1,0,0,2]
names = ["setosa","versicolor","virginica"]
print(classification_report(y, yp, target_names=names, digits=4))
p, r, f, s = precision_recall_fscore_support(y, yp)
print(repr(p.tolist()), repr(r.tolist()), repr(f.tolist()), s.tolist())
for avg in ["macro","weighted"]:
    print(avg, [repr(v) for v in precision_recall_fscore_support(y, yp, average=avg)[:3]])
print("acc", repr(accuracy_score(y, yp)))
print(classification_report(y, yp, target_names=names))
# binary
yb = [0,1,1,0,1,0,0,1,1,0]
pb = [0.1,0.8,0.35,0.4,0.9,0.2,0.65,0.7,0.6,0.05]
ybp = [1 if q >= 0.5 else 0 for q in pb]
print(classification_report(yb, ybp, target_names=["no","yes"], digits=4))
print("binary prf", [repr(v) for v in precision_recall_fscore_support(yb, ybp)[0]], [repr(v) for v in precision_recall_fscore_support(yb, ybp)[1]], [repr(v) for v in precision_recall_fscore_support(yb, ybp)[2]])
print("logloss", repr(log_loss(yb, pb)), "auc", repr(roc_auc_score(yb, pb)))
# ties in scores
yt = [0,1,0,1,1,0]; pt = [0.5,0.5,0.2,0.8,0.5,0.2]
print("auc ties", repr(roc_auc_score(yt, pt)), "logloss ties", repr(log_loss(yt, pt)))
# zero division: class 2 never predicted
yz = [0,1,2,2]; yzp = [0,1,1,1]
print("zero", [[repr(v) for v in a] for a in precision_recall_fscore_support(yz, yzp, zero_division=0)[:3]])
# regression
t = np.array([[3.0, -0.5], [2.0, 0.0], [7.0, 2.0], [4.5, 1.0], [1.0, -1.5]])
q = np.array([[2.5, -0.3], [2.2, 0.1], [6.0, 2.4], [5.0, 0.7], [1.5, -1.2]])
print("mse", repr(mean_squared_error(t, q)), "mae", repr(mean_absolute_error(t, q)), "rmse", repr(mean_squared_error(t, q, squared=False)), "r2", repr(r2_score(t, q)))
print("per output mse", [repr(v) for v in mean_squared_error(t, q, multioutput='raw_values')], "r2", [repr(v) for v in r2_score(t, q, multioutput='raw_values')])
t1 = t[:, :1]; q1 = q[:, :1]
print("single mse", repr(mean_squared_error(t1, q1)), "mae", repr(mean_absolute_error(t1, q1)), "rmse", repr(mean_squared_error(t1, q1, squared=False)), "r2", repr(r2_score(t1, q1)))
