package dev.boxauth.internal.keys;

import java.math.BigInteger;
import java.util.Arrays;

/**
 * Just enough DER to read the structures of a PKCS#8 key (RFC 5958) and of its PBES2 parameters (RFC 8018):
 * a cursor over one constructed value's contents. Malformed input throws {@link Malformed}.
 */
final class Der {

    static final int INTEGER = 0x02;
    static final int OCTET_STRING = 0x04;
    static final int NULL = 0x05;
    static final int OID = 0x06;
    static final int SEQUENCE = 0x30;

    /** The input is not the DER expected. Carries no input: a problem must never show key material. */
    static final class Malformed extends Exception {

        private static final long serialVersionUID = 1L;

        Malformed() {
            super(null, null, false, false);
        }
    }

    private final byte[] data;
    private int position;
    private final int end;

    private Der(byte[] data, int start, int end) {
        this.data = data;
        this.position = start;
        this.end = end;
    }

    /** The contents of the one SEQUENCE that {@code encoded} must be, with nothing after it. */
    static Der sequence(byte[] encoded) throws Malformed {
        Der whole = new Der(encoded, 0, encoded.length);
        Der contents = whole.sequence();
        whole.end();
        return contents;
    }

    boolean hasMore() {
        return position < end;
    }

    /** The tag of the next value, without reading it; -1 at the end. */
    int peekTag() {
        return hasMore() ? data[position] & 0xff : -1;
    }

    Der sequence() throws Malformed {
        int length = header(SEQUENCE);
        Der contents = new Der(data, position, position + length);
        position += length;
        return contents;
    }

    byte[] octetString() throws Malformed {
        return bytes(OCTET_STRING);
    }

    BigInteger integer() throws Malformed {
        byte[] value = bytes(INTEGER);
        if (value.length == 0) {
            throw new Malformed();
        }
        return new BigInteger(value);
    }

    /** An object identifier in dotted form, such as {@code 1.2.840.113549.1.1.1}. */
    String oid() throws Malformed {
        byte[] value = bytes(OID);
        if (value.length == 0) {
            throw new Malformed();
        }
        StringBuilder dotted = new StringBuilder();
        long arc = 0;
        boolean first = true;
        for (byte b : value) {
            if (arc > (Long.MAX_VALUE >> 7)) {
                throw new Malformed();
            }
            arc = (arc << 7) | (b & 0x7f);
            if ((b & 0x80) == 0) {
                if (first) {
                    int top = (int) Math.min(arc / 40, 2);
                    dotted.append(top).append('.').append(arc - 40L * top);
                    first = false;
                } else {
                    dotted.append('.').append(arc);
                }
                arc = 0;
            }
        }
        if ((value[value.length - 1] & 0x80) != 0) {
            throw new Malformed();
        }
        return dotted.toString();
    }

    /** Skips one value of any tag. */
    void skip() throws Malformed {
        if (!hasMore()) {
            throw new Malformed();
        }
        position++;
        int length = length();
        position += length;
    }

    /** Fails unless every value was read. */
    void end() throws Malformed {
        if (position != end) {
            throw new Malformed();
        }
    }

    private byte[] bytes(int tag) throws Malformed {
        int length = header(tag);
        byte[] value = Arrays.copyOfRange(data, position, position + length);
        position += length;
        return value;
    }

    private int header(int tag) throws Malformed {
        if (peekTag() != tag) {
            throw new Malformed();
        }
        position++;
        return length();
    }

    private int length() throws Malformed {
        if (!hasMore()) {
            throw new Malformed();
        }
        int first = data[position++] & 0xff;
        int length;
        if (first < 0x80) {
            length = first;
        } else {
            int count = first & 0x7f;
            if (count == 0 || count > 3) {
                throw new Malformed();
            }
            length = 0;
            for (int i = 0; i < count; i++) {
                if (!hasMore()) {
                    throw new Malformed();
                }
                length = (length << 8) | (data[position++] & 0xff);
            }
        }
        if (length > end - position) {
            throw new Malformed();
        }
        return length;
    }
}
