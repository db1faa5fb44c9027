"""Expected values for the optimizer tests (OptimizerStepsTest): three steps of each rule on one
1x3 parameter with fixed gradients, written out from the papers' update rules with numpy.
Run: python3 src/test/resources/optimizer-steps.py"""
import numpy as np

theta0 = np.array([0.5, -1.0, 2.0])
grads = [np.array([0.1, -0.2, 0.3]), np.array([-0.4, 0.5, 0.0]), np.array([1.0, 1.0, -2.0])]
lr = 0.1

def sgd():
    t = theta0.copy()
    for g in grads:
        t = t - lr * g
    return t

def momentum(mu, nesterov):
    t, v = theta0.copy(), np.zeros(3)
    for g in grads:
        v = mu * v + g
        t = t - lr * (g + mu * v if nesterov else v)
    return t

def rmsprop(rho, eps):
    t, s = theta0.copy(), np.zeros(3)
    for g in grads:
        s = rho * s + (1 - rho) * g * g
        t = t - lr * g / (np.sqrt(s) + eps)
    return t

def adam(b1, b2, eps, wd=0.0):
    t, m, v = theta0.copy(), np.zeros(3), np.zeros(3)
    for k, g in enumerate(grads, start=1):
        t = t - lr * wd * t
        m = b1 * m + (1 - b1) * g
        v = b2 * v + (1 - b2) * g * g
        mh, vh = m / (1 - b1 ** k), v / (1 - b2 ** k)
        t = t - lr * mh / (np.sqrt(vh) + eps)
    return t

np.set_printoptions(precision=17)
for name, value in [("sgd", sgd()), ("momentum", momentum(0.9, False)), ("nesterov", momentum(0.9, True)),
                    ("rmsprop", rmsprop(0.9, 1e-7)), ("adam", adam(0.9, 0.999, 1e-8)),
                    ("adamw", adam(0.9, 0.999, 1e-8, wd=0.5))]:
    print(name, ", ".join(repr(float(x)) for x in value))
