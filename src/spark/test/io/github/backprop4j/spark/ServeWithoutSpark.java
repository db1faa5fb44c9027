package io.github.backprop4j.spark;

import io.github.backprop4j.Model;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A service's side: started in a JVM whose class path holds only the core library, commons-csv
 * and this class, it checks that Spark is absent, loads a model file that Spark saved, and prints
 * the probabilities of each raw feature row of a text file (one row per line, comma-separated).
 */
public final class ServeWithoutSpark {

    private ServeWithoutSpark() {
    }

    /**
     * @param args the model file and the rows file
     * @throws Exception when a file cannot be read
     */
    public static void main(String[] args) throws Exception {
        try {
            Class.forName("org.apache.spark.SparkContext");
            System.out.println("spark present");
        } catch (ClassNotFoundException e) {
            System.out.println("spark absent");
        }
        Model model = Model.load(Path.of(args[0]));
        List<String> lines = Files.readAllLines(Path.of(args[1]));
        for (String line : lines) {
            String[] cells = line.split(",");
            double[] row = new double[cells.length];
            for (int j = 0; j < cells.length; j++) {
                row[j] = Double.parseDouble(cells[j]);
            }
            double[] p = model.predictProbabilities(row);
            StringBuilder out = new StringBuilder();
            for (int k = 0; k < p.length; k++) {
                out.append(k == 0 ? "" : ",").append(p[k]);
            }
            System.out.println(out);
        }
    }
}
