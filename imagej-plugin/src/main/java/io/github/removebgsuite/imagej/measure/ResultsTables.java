package io.github.removebgsuite.imagej.measure;

import ij.measure.ResultsTable;
import java.awt.GraphicsEnvironment;
import java.awt.Rectangle;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The results table of the remove.bg commands: ImageJ's own {@link ResultsTable}, one row per image or slice, so it
 * can be saved, sorted, plotted and read by macros ({@code Table.get}, {@code getResult}) like any measurement.
 *
 * <p>Columns: {@code Image} (file or title), {@code Slice} (0 for a single image), {@code Outcome}, {@code Type}
 * (detected foreground type), {@code Result_Width} and {@code Result_Height} (pixels), {@code FG_Left},
 * {@code FG_Top}, {@code FG_Width}, {@code FG_Height} (the foreground box in result pixels, as remove.bg reports it in
 * {@code X-Foreground-*}), {@code FG_Pixels} (pixels whose alpha reaches {@code Threshold}), {@code FG_Area} (that
 * area in calibrated units squared), {@code Unit}, {@code Threshold}, {@code Credits} and {@code Message}.
 */
public final class ResultsTables {

    /** The title of the table's window in Fiji. */
    public static final String TITLE = "remove.bg results";

    private ResultsTables() {
    }

    /** Builds the table; a row without a result leaves the size, box and area columns empty (NaN). */
    public static ResultsTable toTable(List<Measurement> rows) {
        ResultsTable table = new ResultsTable();
        table.setNaNEmptyCells(true);
        for (Measurement row : rows) {
            table.addRow();
            table.addValue("Image", row.label());
            table.addValue("Slice", row.slice());
            table.addValue("Outcome", row.outcome());
            table.addValue("Type", row.detectedType().orElse(""));
            boolean hasResult = row.resultWidth() > 0;
            table.addValue("Result_Width", hasResult ? row.resultWidth() : Double.NaN);
            table.addValue("Result_Height", hasResult ? row.resultHeight() : Double.NaN);
            Rectangle box = row.foregroundBox().orElse(null);
            table.addValue("FG_Left", box == null ? Double.NaN : box.x);
            table.addValue("FG_Top", box == null ? Double.NaN : box.y);
            table.addValue("FG_Width", box == null ? Double.NaN : box.width);
            table.addValue("FG_Height", box == null ? Double.NaN : box.height);
            table.addValue("FG_Pixels", hasResult ? row.foregroundPixels() : Double.NaN);
            table.addValue("FG_Area", hasResult ? row.foregroundArea() : Double.NaN);
            table.addValue("Unit", row.unit());
            table.addValue("Threshold", hasResult ? row.threshold() : Double.NaN);
            table.addValue("Credits", row.credits());
            table.addValue("Message", row.message().orElse(""));
        }
        for (String column : List.of("Slice", "Result_Width", "Result_Height", "FG_Left", "FG_Top", "FG_Width",
                "FG_Height", "FG_Pixels", "Threshold")) {
            table.setDecimalPlaces(table.getColumnIndex(column), 0);
        }
        table.setDecimalPlaces(table.getColumnIndex("Credits"), 2);
        table.setDecimalPlaces(table.getColumnIndex("FG_Area"), 4);
        return table;
    }

    /**
     * Saves the table as CSV, atomically: written to a temporary file in the same folder, then moved over
     * {@code target}, so a reader never sees half a table.
     *
     * @throws IOException when the folder cannot be written
     */
    public static void saveCsv(ResultsTable table, Path target) throws IOException {
        // The extension tells ImageJ's writer to use commas.
        AtomicOutput.write(target, ".csv", temp -> table.saveAs(temp.toString()));
    }

    /** Shows the table in its own window when Fiji has a screen; headless it does nothing. */
    public static void show(ResultsTable table) {
        if (!GraphicsEnvironment.isHeadless()) {
            table.show(TITLE);
        }
    }
}
