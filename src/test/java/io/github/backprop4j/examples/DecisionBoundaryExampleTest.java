package io.github.backprop4j.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.backprop4j.plot.DecisionMap;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DecisionBoundaryExampleTest {

    @TempDir
    Path dir;

    @Test
    void learnsTheMoonsAndXorAndDrawsBothClasses() throws IOException {
        double[] accuracy = DecisionBoundaryExample.run(dir, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        assertThat(accuracy[0]).as("moons").isGreaterThanOrEqualTo(0.97);
        assertThat(accuracy[1]).as("xor").isEqualTo(1.0);
        for (String name : new String[] {"moons.png", "xor.png"}) {
            BufferedImage image = ImageIO.read(dir.resolve(name).toFile());
            assertThat(image.getWidth()).isEqualTo(800);
            assertThat(image.getHeight()).isEqualTo(600);
            int[] regionPixels = new int[2];
            for (int x = 0; x < 800; x++) {
                for (int y = 0; y < 600; y++) {
                    int rgb = image.getRGB(x, y) & 0xffffff;
                    for (int k = 0; k < 2; k++) {
                        regionPixels[k] += rgb == (light(k) & 0xffffff) ? 1 : 0;
                    }
                }
            }
            assertThat(regionPixels[0]).as("%s class 0 region", name).isGreaterThan(20_000);
            assertThat(regionPixels[1]).as("%s class 1 region", name).isGreaterThan(20_000);
        }
    }

    private static int light(int k) {
        Color c = DecisionMap.PALETTE.get(k);
        return new Color(255 - (255 - c.getRed()) * 3 / 10, 255 - (255 - c.getGreen()) * 3 / 10, 255 - (255 - c.getBlue()) * 3 / 10).getRGB();
    }
}
