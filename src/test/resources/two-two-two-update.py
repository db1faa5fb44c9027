"""Expected values for NeuralNetTest.firstUpdateOfAHandComputedTwoTwoTwoNetwork.

One SGD step (lr 0.5) of a 2-2-2 network (Sigmoid hidden, Softmax output) on one sample,
written out with the textbook formulas in numpy, independently of the Java code.
Run: python3 two-two-two-update.py
"""
import numpy as np

X = np.array([[1.0, 2.0]])
Y = np.array([[0.0, 1.0]])          # class 1
W1 = np.array([[0.1, 0.2], [-0.3, 0.4]]); b1 = np.array([0.05, -0.05])
W2 = np.array([[0.5, -0.6], [0.7, 0.8]]); b2 = np.array([0.1, -0.1])
lr = 0.5

Z1 = X @ W1 + b1
A1 = 1 / (1 + np.exp(-Z1))
Z2 = A1 @ W2 + b2
P = np.exp(Z2 - Z2.max()) / np.exp(Z2 - Z2.max()).sum()
loss = -np.log(P[0, 1])

dZ2 = P - Y                          # softmax + cross-entropy, batch of 1
dW2 = A1.T @ dZ2; db2 = dZ2.sum(0)
dA1 = dZ2 @ W2.T
dZ1 = dA1 * A1 * (1 - A1)
dW1 = X.T @ dZ1; db1 = dZ1.sum(0)

np.set_printoptions(precision=17)
print("loss", repr(loss))
print("W1", (W1 - lr * dW1).tolist()); print("b1", (b1 - lr * db1).tolist())
print("W2", (W2 - lr * dW2).tolist()); print("b2", (b2 - lr * db2).tolist())
