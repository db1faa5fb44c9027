package io.github.backprop4j;

import io.github.backprop4j.activation.Activation;
import java.util.Map;

/**
 * A user-defined activation, as an application would write one: Swish, {@code f(z) = z·σ(βz)}
 * (Ramachandran, Zoph &amp; Le, 2017), with its one setting {@code β}.
 */
public class Swish implements Activation {

    private final double beta;

    public Swish(double beta) {
        this.beta = beta;
    }

    private double sigma(double z) {
        return 1 / (1 + Math.exp(-beta * z));
    }

    @Override
    public double[][] forward(double[][] z) {
        double[][] a = new double[z.length][z[0].length];
        for (int i = 0; i < z.length; i++) {
            for (int j = 0; j < z[0].length; j++) {
                a[i][j] = z[i][j] * sigma(z[i][j]);                          // a = z·σ(βz)
            }
        }
        return a;
    }

    @Override
    public double[][] backward(double[][] z, double[][] a, double[][] outputGradient) {
        double[][] dz = new double[z.length][z[0].length];
        for (int i = 0; i < z.length; i++) {
            for (int j = 0; j < z[0].length; j++) {
                double s = sigma(z[i][j]);
                dz[i][j] = outputGradient[i][j] * (s + beta * z[i][j] * s * (1 - s));   // f' = σ + βz·σ(1 − σ)
            }
        }
        return dz;
    }

    @Override
    public Map<String, Double> settings() {
        return Map.of("beta", beta);
    }

    @Override
    public String toString() {
        return "Swish(beta=" + beta + ")";
    }
}
