package dev.evals4j.bench;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Draws {@code concurrency.png}: for each charted scenario (a column) and each contender (a row),
 * the calls in flight over time and, where the contender has one, its concurrency limit; a contender
 * that ran a scenario several times is drawn from its median run.
 *
 * <p>One small panel per contender keeps a contender at 5 calls readable next to one at 100.
 * Needs AWT, which the benchmark runs headless ({@code java.awt.headless=true}).
 */
public final class ConcurrencyChart {

    private static final double BUCKET_SECONDS = 0.1;
    private static final int PANEL_WIDTH = 620;
    private static final int PANEL_HEIGHT = 200;

    /**
     * Writes the chart of {@code results} for {@code scenarios} (in that column order) to {@code file}.
     * Contenders are the rows, in the order they first appear in {@code results}. Writes nothing when
     * no panel is left (a run that selected only the engine overhead).
     */
    public void write(List<ContenderResult> results, List<Scenario> scenarios, Path file) throws IOException {
        List<String> contenders = results.stream().map(r -> r.row().contender()).distinct().toList();
        List<XYChart> panels = new ArrayList<>();
        for (String contender : contenders) {
            for (Scenario scenario : scenarios) {
                panels.add(panel(scenario, contender, find(results, scenario.name(), contender)));
            }
        }
        if (panels.isEmpty()) {
            return;
        }
        BitmapEncoder.saveBitmap(panels, contenders.size(), scenarios.size(), file.toString(),
                BitmapEncoder.BitmapFormat.PNG);
    }

    private static XYChart panel(Scenario scenario, String contender, ContenderResult result) {
        XYChart chart = new XYChartBuilder().width(PANEL_WIDTH).height(PANEL_HEIGHT)
                .title(scenario.name() + " - " + contender).xAxisTitle("s").yAxisTitle("calls").build();
        chart.getStyler().setLegendVisible(true);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
        chart.getStyler().setChartTitleFont(chart.getStyler().getChartTitleFont().deriveFont(12f));
        chart.getStyler().setYAxisMin(0.0);
        List<ConcurrencyTrace.Sample> samples = result == null ? List.of() : result.trace().peaksPerBucket(BUCKET_SECONDS);
        if (samples.isEmpty()) {
            samples = List.of(new ConcurrencyTrace.Sample(0, 0, ConcurrencyTrace.NO_LIMIT));
        }
        double[] seconds = samples.stream().mapToDouble(ConcurrencyTrace.Sample::seconds).toArray();
        addSeries(chart, "in flight", seconds,
                samples.stream().mapToDouble(ConcurrencyTrace.Sample::inFlight).toArray(), new Color(31, 119, 180));
        if (samples.stream().anyMatch(s -> s.limit() != ConcurrencyTrace.NO_LIMIT)) {
            addSeries(chart, "limit", seconds,
                    samples.stream().mapToDouble(s -> Math.max(0, s.limit())).toArray(), new Color(214, 39, 40));
        }
        return chart;
    }

    private static void addSeries(XYChart chart, String name, double[] x, double[] y, Color color) {
        XYSeries series = chart.addSeries(name, x, y);
        series.setMarker(SeriesMarkers.NONE);
        series.setLineColor(color);
    }

    private static ContenderResult find(List<ContenderResult> results, String scenario, String contender) {
        List<ContenderResult> runs = results.stream()
                .filter(r -> r.row().scenario().equals(scenario) && r.row().contender().equals(contender))
                .toList();
        if (runs.isEmpty()) {
            return null;
        }
        BenchRow median = Spread.medianRun(runs.stream().map(ContenderResult::row).toList());
        return runs.stream().filter(r -> r.row() == median).findFirst().orElseThrow();
    }
}
