# The numeric gradient-descent example of shared/seeds/003 (numpy only), unchanged apart from layout.
import numpy as np


def f_w(w, x):
    w1, w2 = w
    x1, x2 = x
    f = w1*x1 - w2*x2 + 1
    return f


def Loss_f(w, x):
    L = (1.0 - f_w(w, x)) ** 2
    return L


def gradient(w, x):
    dw = 1e-6
    w1 = np.array([w[0] + dw, w[1]])
    w2 = np.array([w[0], w[1] + dw])
    gra_w1 = (Loss_f(w1, x) - Loss_f(w, x))/dw
    gra_w2 = (Loss_f(w2, x) - Loss_f(w, x))/dw
    return np.array([gra_w1, gra_w2])


def main():
    w = np.array([0.5, 1.2])
    x = np.array([1.0, 2.0])
    alpha = 0.01
    print("init : ", f_w(w, x))
    for i in range(50):
        w = w - alpha * gradient(w, x)
        print("w : ", w)
        print("update : ", f_w(w, x))


main()
