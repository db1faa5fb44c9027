package io.github.backprop4j.internal.training;

import io.github.backprop4j.LinearLayer;
import io.github.backprop4j.optim.Parameter;
import io.github.backprop4j.train.EpochMetrics;
import java.util.List;

/**
 * Best-weight restore (a loop listener, after {@link EarlyStopper}): keeps a copy of every
 * parameter at the best epoch so far, and at the end of the run puts them back. The parameters
 * it replaces are kept in the run as the point to continue from, so a run resumed to a larger
 * epoch total goes on from where it was, not from the best epoch.
 */
final class BestWeights implements LoopListener {

    private final List<LinearLayer> layers;
    private final List<Parameter> parameters;
    private final TrainingRun run;

    BestWeights(List<LinearLayer> layers, List<Parameter> parameters, TrainingRun run) {
        this.layers = layers;
        this.parameters = parameters;
        this.run = run;
    }

    @Override
    public String onEpochEnd(EpochMetrics metrics) {
        if (run.bestEpoch == metrics.epoch()) {
            if (run.bestParameters == null) {
                run.bestParameters = new double[parameters.size()][][];
                for (int p = 0; p < parameters.size(); p++) {
                    run.bestParameters[p] = new double[parameters.get(p).rows()][parameters.get(p).columns()];
                }
            }
            copy(parameters, run.bestParameters, true);
        }
        return null;
    }

    @Override
    public String onTrainEnd() {
        if (run.bestParameters == null || run.bestEpoch == run.epochsDone) {
            return null;
        }
        run.continueFrom = new double[parameters.size()][][];
        for (int p = 0; p < parameters.size(); p++) {
            run.continueFrom[p] = new double[parameters.get(p).rows()][parameters.get(p).columns()];
        }
        copy(parameters, run.continueFrom, true);
        // predictions running meanwhile see the weights before or after the restore, never a mix
        BufferedUpdate.underWriteLock(layers, () -> copy(parameters, run.bestParameters, false));
        return "restored the weights of epoch " + run.bestEpoch;
    }

    /** Puts back the parameters a previous end replaced, before the run continues. */
    static void continueFrom(List<LinearLayer> layers, List<Parameter> parameters, TrainingRun run) {
        if (run.continueFrom != null) {
            BufferedUpdate.underWriteLock(layers, () -> copy(parameters, run.continueFrom, false));
            run.continueFrom = null;
        }
    }

    /** Copies the live parameters into {@code saved} ({@code toSaved}) or back from it. */
    private static void copy(List<Parameter> parameters, double[][][] saved, boolean toSaved) {
        for (int p = 0; p < parameters.size(); p++) {
            double[][] live = parameters.get(p).values();
            for (int i = 0; i < live.length; i++) {
                if (toSaved) {
                    System.arraycopy(live[i], 0, saved[p][i], 0, live[i].length);
                } else {
                    System.arraycopy(saved[p][i], 0, live[i], 0, live[i].length);
                }
            }
        }
    }
}
