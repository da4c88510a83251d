package dev.boxauth.testing;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/** Collects everything box-auth logs, at every level, formatted as a handler would print it, and keeps it off the console. */
public final class CapturedLog extends Handler implements AutoCloseable {

    private final Logger logger = Logger.getLogger("dev.boxauth");
    private final List<LogRecord> records = new CopyOnWriteArrayList<>();
    private final boolean parentHandlers;
    private final Level level;
    private final SimpleFormatter formatter = new SimpleFormatter();

    public CapturedLog() {
        parentHandlers = logger.getUseParentHandlers();
        level = logger.getLevel();
        logger.setUseParentHandlers(false);
        logger.setLevel(Level.ALL);
        setLevel(Level.ALL);
        logger.addHandler(this);
    }

    public List<LogRecord> records() {
        return records;
    }

    /** Every record as printed, with its stack trace. */
    public String text() {
        StringBuilder text = new StringBuilder();
        records.forEach(r -> text.append(formatter.format(r)));
        return text.toString();
    }

    @Override
    public void publish(LogRecord record) {
        records.add(record);
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        logger.removeHandler(this);
        logger.setLevel(level);
        logger.setUseParentHandlers(parentHandlers);
    }
}
