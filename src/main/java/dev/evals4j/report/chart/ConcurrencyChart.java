package dev.evals4j.report.chart;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.Polygon;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.lang.System.Logger.Level;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.ToDoubleFunction;
import javax.imageio.ImageIO;
import org.apiguardian.api.API;

/**
 * Draws a {@link ConcurrencySeries} as a PNG of {@value #WIDTH}×{@value #HEIGHT} pixels: the calls in
 * flight (a filled area) and the strategy's concurrency limit against the left axis, the request starts
 * per second and the rate the pacer admitted against the right one, retries as orange ticks along the
 * bottom and rate limits (429s) as red triangles along the top, with their totals in the legend.
 *
 * <p>It draws with {@code java.awt} into an image, never on a screen: unless the JVM was told otherwise,
 * it sets {@code java.awt.headless=true} before its first drawing, so that no display is needed and no
 * window system is started. Stateless and thread-safe.
 */
@API(status = INTERNAL, since = "0.1")
public final class ConcurrencyChart {

    /** The image's width in pixels. */
    public static final int WIDTH = 960;
    /** The image's height in pixels. */
    public static final int HEIGHT = 420;

    private static final int LEFT = 64;
    private static final int RIGHT = 72;
    private static final int TOP = 56;
    private static final int BOTTOM = 44;
    private static final int TICKS = 5;
    private static final Color IN_FLIGHT = new Color(31, 119, 180);
    private static final Color IN_FLIGHT_FILL = new Color(31, 119, 180, 60);
    private static final Color LIMIT = new Color(44, 44, 44);
    private static final Color STARTED = new Color(148, 103, 189);
    private static final Color ADMITTED = new Color(44, 160, 44);
    private static final Color RETRY = new Color(255, 127, 14);
    private static final Color RATE_LIMITED = new Color(214, 39, 40);
    private static final Color GRID = new Color(225, 225, 225);

    private static final System.Logger LOG = System.getLogger(ConcurrencyChart.class.getName());

    private ConcurrencyChart() {}

    /**
     * Writes the chart of the method {@code methodName} to {@link #file(Path, String) its file} under
     * {@code directory} and returns the file; a chart that cannot be drawn or written (a read-only
     * directory, a JVM without fonts) is logged as a warning and gives an empty result, never a failure.
     */
    public static Optional<Path> writeForMethod(ConcurrencySeries series, String methodName, Path directory) {
        try {
            Path file = write(series, methodName, file(directory, methodName));
            LOG.log(Level.DEBUG, () -> "evals4j concurrency chart written to " + file.toAbsolutePath());
            return Optional.of(file);
        } catch (VirtualMachineError e) {
            throw e;
        } catch (RuntimeException | Error e) {
            LOG.log(Level.WARNING, "evals4j could not draw the concurrency chart of " + methodName + " ("
                    + e + "); set evals4j.charts=false to skip charts");
            return Optional.empty();
        }
    }

    /**
     * The file a method's chart is written to under {@code directory}: its name with every character
     * other than a letter, a digit, {@code .}, {@code _} or {@code -} replaced by {@code _}, then
     * {@code .png}.
     */
    public static Path file(Path directory, String methodName) {
        return directory.resolve(methodName.replaceAll("[^A-Za-z0-9._-]", "_") + ".png");
    }

    /**
     * Draws {@code series} titled {@code title} into {@code file}, creating its directory if missing and
     * replacing an earlier file; returns the file.
     *
     * @throws UncheckedIOException if the file cannot be written
     */
    public static Path write(ConcurrencySeries series, String title, Path file) {
        BufferedImage image = draw(series, title);
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            ImageIO.write(image, "png", file.toFile());
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the evals4j concurrency chart to " + file.toAbsolutePath()
                    + " (set evals4j.reportDir to a writable directory, or evals4j.charts=false): " + e.getMessage(), e);
        }
    }

    /** The chart of {@code series} titled {@code title}. */
    public static BufferedImage draw(ConcurrencySeries series, String title) {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, WIDTH, HEIGHT);
            new Plot(g, series).draw(title);
        } finally {
            g.dispose();
        }
        return image;
    }

    /** One drawing: the scales of both axes and the series. Used once, by one thread. */
    private static final class Plot {

        private final Graphics2D g;
        private final List<ConcurrencyPoint> points;
        private final double seconds;
        private final double interval;
        private final double callsMax;
        private final double rateMax;
        private final int width = WIDTH - LEFT - RIGHT;
        private final int height = HEIGHT - TOP - BOTTOM;

        Plot(Graphics2D g, ConcurrencySeries series) {
            this.g = g;
            this.points = series.points();
            this.interval = series.intervalSeconds();
            this.seconds = niceCeiling(Math.max(series.durationSeconds(), 1));
            this.callsMax = niceCeiling(Math.max(1, points.stream()
                    .mapToInt(p -> Math.max(p.inFlight(), p.limit())).max().orElse(1)));
            this.rateMax = niceCeiling(Math.max(1, points.stream().mapToDouble(p -> Math.max(p.startedPerSecond(),
                    p.admittedPerSecond() == null ? 0 : p.admittedPerSecond())).max().orElse(1)));
        }

        void draw(String title) {
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
            axes();
            inFlight();
            line(ConcurrencyPoint::limit, callsMax, LIMIT, new BasicStroke(2f), false);
            line(ConcurrencyPoint::startedPerSecond, rateMax, STARTED, new BasicStroke(1.2f), false);
            line(p -> p.admittedPerSecond() == null ? Double.NaN : p.admittedPerSecond(), rateMax, ADMITTED,
                    new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f),
                    true);
            markers();
            legend(title);
        }

        private void axes() {
            g.setColor(GRID);
            for (int i = 0; i <= TICKS; i++) {
                int y = TOP + height - i * height / TICKS;
                g.drawLine(LEFT, y, LEFT + width, y);
            }
            g.setColor(Color.DARK_GRAY);
            g.drawRect(LEFT, TOP, width, height);
            FontMetrics metrics = g.getFontMetrics();
            for (int i = 0; i <= TICKS; i++) {
                int y = TOP + height - i * height / TICKS + metrics.getAscent() / 2 - 1;
                String calls = number(callsMax * i / TICKS);
                g.drawString(calls, LEFT - 6 - metrics.stringWidth(calls), y);
                g.drawString(number(rateMax * i / TICKS), LEFT + width + 6, y);
                String time = number(seconds * i / TICKS);
                g.drawString(time, x(seconds * i / TICKS) - metrics.stringWidth(time) / 2,
                        TOP + height + 4 + metrics.getAscent());
            }
            g.drawString("seconds", LEFT + width / 2 - metrics.stringWidth("seconds") / 2, HEIGHT - 8);
            g.setColor(IN_FLIGHT);
            g.drawString("calls", 8, TOP - 8);
            g.setColor(STARTED);
            g.drawString("requests/s", WIDTH - 8 - metrics.stringWidth("requests/s"), TOP - 8);
        }

        /** The calls in flight as a filled step area. */
        private void inFlight() {
            if (points.isEmpty()) {
                return;
            }
            Path2D area = new Path2D.Double();
            area.moveTo(x(0), y(0, callsMax));
            for (ConcurrencyPoint p : points) {
                area.lineTo(x(p.seconds()), y(p.inFlight(), callsMax));
                area.lineTo(x(p.seconds() + interval), y(p.inFlight(), callsMax));
            }
            area.lineTo(x(points.get(points.size() - 1).seconds() + interval), y(0, callsMax));
            area.closePath();
            g.setColor(IN_FLIGHT_FILL);
            g.fill(area);
            g.setColor(IN_FLIGHT);
            g.setStroke(new BasicStroke(1.2f));
            g.draw(area);
        }

        /** A step line of {@code value}; NaN values leave a gap. */
        private void line(ToDoubleFunction<ConcurrencyPoint> value, double max, Color color, BasicStroke stroke,
                boolean gaps) {
            Path2D path = new Path2D.Double();
            boolean drawing = false;
            for (ConcurrencyPoint p : points) {
                double v = value.applyAsDouble(p);
                if (Double.isNaN(v) && gaps) {
                    drawing = false;
                    continue;
                }
                double y = y(Double.isNaN(v) ? 0 : v, max);
                if (drawing) {
                    path.lineTo(x(p.seconds()), y);
                } else {
                    path.moveTo(x(p.seconds()), y);
                    drawing = true;
                }
                path.lineTo(x(p.seconds() + interval), y);
            }
            g.setColor(color);
            g.setStroke(stroke);
            g.draw(path);
        }

        /** Retries along the bottom, rate limits along the top, one mark per interval that had any. */
        private void markers() {
            g.setStroke(new BasicStroke(2f));
            for (ConcurrencyPoint p : points) {
                int x = x(p.seconds() + interval / 2);
                if (p.retries() > 0) {
                    g.setColor(RETRY);
                    g.drawLine(x, TOP + height, x, TOP + height - 10);
                }
                if (p.rateLimited() > 0) {
                    g.setColor(RATE_LIMITED);
                    g.fillPolygon(new Polygon(new int[] {x - 5, x + 5, x}, new int[] {TOP + 1, TOP + 1, TOP + 10}, 3));
                }
            }
        }

        private void legend(String title) {
            g.setColor(Color.BLACK);
            g.setFont(g.getFont().deriveFont(Font.BOLD, 14f));
            g.drawString(title, LEFT, 20);
            g.setFont(g.getFont().deriveFont(Font.PLAIN, 12f));
            long retries = points.stream().mapToLong(ConcurrencyPoint::retries).sum();
            long rateLimited = points.stream().mapToLong(ConcurrencyPoint::rateLimited).sum();
            int x = LEFT;
            x = legendEntry(x, IN_FLIGHT, "in flight");
            x = legendEntry(x, LIMIT, "concurrency limit");
            x = legendEntry(x, STARTED, "started/s");
            x = legendEntry(x, ADMITTED, "pacer's admitted rate/s");
            x = legendEntry(x, RETRY, "retries: " + retries);
            legendEntry(x, RATE_LIMITED, "429s: " + rateLimited);
        }

        private int legendEntry(int x, Color color, String text) {
            int y = 38;
            g.setColor(color);
            g.fillRect(x, y - 8, 14, 8);
            g.setColor(Color.DARK_GRAY);
            g.drawString(text, x + 18, y);
            return x + 18 + g.getFontMetrics().stringWidth(text) + 16;
        }

        private int x(double atSeconds) {
            return LEFT + (int) Math.round(atSeconds / seconds * width);
        }

        private static int y(double value, double max) {
            return TOP + (int) Math.round((1 - Math.min(value, max) / max) * (HEIGHT - TOP - BOTTOM));
        }

        /** The smallest of 1, 2, 2.5, 5 times a power of ten, times {@value #TICKS}, that holds {@code value}. */
        private static double niceCeiling(double value) {
            double step = value / TICKS;
            double magnitude = Math.pow(10, Math.floor(Math.log10(step)));
            for (double nice : new double[] {1, 2, 2.5, 5, 10}) {
                if (nice * magnitude >= step) {
                    return nice * magnitude * TICKS;
                }
            }
            return 10 * magnitude * TICKS;
        }

        private static String number(double value) {
            return value == Math.rint(value) ? Long.toString((long) value) : String.format(Locale.ROOT, "%.1f", value);
        }
    }
}
