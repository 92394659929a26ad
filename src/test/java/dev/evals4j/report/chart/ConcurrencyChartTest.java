package dev.evals4j.report.chart;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConcurrencyChartTest {

    private static final ConcurrencySeries SERIES = new ConcurrencySeries(0.25, List.of(
            new ConcurrencyPoint(0, 4, 4, null, 16, 0, 0),
            new ConcurrencyPoint(0.25, 8, 8, null, 16, 0, 3),
            new ConcurrencyPoint(0.5, 6, 8, 5.0, 4, 2, 0),
            new ConcurrencyPoint(0.75, 6, 8, 6.0, 6, 0, 0)));

    @Test
    void writesAPngOfTheChartsSizeWithTheCallsInFlightAndTheRateLimitsMarked(@TempDir Path directory)
            throws IOException {
        Path file = ConcurrencyChart.write(SERIES, "Evals.answers", ConcurrencyChart.file(directory.resolve("out"),
                "Evals.answers"));

        BufferedImage image = ImageIO.read(file.toFile());
        assertThat(file).hasFileName("Evals.answers.png");
        assertThat(image.getWidth()).isEqualTo(ConcurrencyChart.WIDTH);
        assertThat(image.getHeight()).isEqualTo(ConcurrencyChart.HEIGHT);
        assertThat(pixels(image, new Color(214, 39, 40))).as("red 429 markers").isGreaterThan(20);
        assertThat(pixels(image, new Color(255, 127, 14))).as("orange retry ticks").isGreaterThan(10);
        assertThat(pixels(image, new Color(44, 160, 44))).as("the pacer's rate").isGreaterThan(20);
    }

    @Test
    void drawsAnEmptySeriesWithoutFailing() {
        BufferedImage image = ConcurrencyChart.draw(ConcurrencySeries.EMPTY, "Evals.none");

        assertThat(image.getWidth()).isEqualTo(ConcurrencyChart.WIDTH);
    }

    @Test
    void aMethodsFileNameKeepsOnlySafeCharacters() {
        assertThat(ConcurrencyChart.file(Path.of("dir"), "Evals.answers[x]/y")).isEqualTo(Path.of("dir",
                "Evals.answers_x__y.png"));
    }

    private static long pixels(BufferedImage image, Color color) {
        long count = 0;
        for (int x = 0; x < image.getWidth(); x++) {
            for (int y = 0; y < image.getHeight(); y++) {
                if ((image.getRGB(x, y) & 0xFFFFFF) == (color.getRGB() & 0xFFFFFF)) {
                    count++;
                }
            }
        }
        return count;
    }
}
