package dev.boxauth.internal.cache;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/** Collects what the cache logs (System.Logger goes to java.util.logging by default) and keeps it off the console. */
final class CapturedLog extends Handler implements AutoCloseable {

    private final Logger logger = Logger.getLogger(RefreshingTokenCache.class.getName());
    private final List<LogRecord> records = new CopyOnWriteArrayList<>();
    private final boolean parentHandlers;

    CapturedLog() {
        parentHandlers = logger.getUseParentHandlers();
        logger.setUseParentHandlers(false);
        logger.addHandler(this);
    }

    List<LogRecord> records() {
        return records;
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
        logger.setUseParentHandlers(parentHandlers);
    }
}
