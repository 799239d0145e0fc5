package dev.ecsiamguard.core.policy;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** A CIDR block (v4 or v6) from an IpAddress condition; parsing never triggers a DNS lookup. */
record IpRange(byte[] network, int prefixBits) {

    /** Returns null when the text is not an IP address or CIDR block, so the clause simply never matches. */
    static IpRange parse(String text) {
        String trimmed = text.strip();
        int slash = trimmed.indexOf('/');
        String address = slash < 0 ? trimmed : trimmed.substring(0, slash);
        byte[] bytes = addressBytes(address);
        if (bytes == null) {
            return null;
        }
        int bits = bytes.length * 8;
        if (slash >= 0) {
            try {
                bits = Integer.parseInt(trimmed.substring(slash + 1));
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return bits < 0 || bits > bytes.length * 8 ? null : new IpRange(bytes, bits);
    }

    /** Request values are nearly always plain dotted IPv4, which is read without building an address object. */
    boolean contains(String ipText) {
        long v4 = plainIpv4(ipText);
        if (v4 >= 0) {
            return network.length == 4 && containsIpv4((int) v4);
        }
        return containsParsed(parse(ipText));
    }

    private boolean containsIpv4(int address) {
        int net = (network[0] & 0xff) << 24 | (network[1] & 0xff) << 16 | (network[2] & 0xff) << 8 | network[3] & 0xff;
        int mask = prefixBits == 0 ? 0 : -1 << (32 - prefixBits);
        return ((net ^ address) & mask) == 0;
    }

    /**
     * The address as an unsigned value, or -1 unless the text is four dot-separated decimal parts of 0 to 255 with
     * no leading zero and nothing else: the one form every IPv4 reader (InetAddress included) reads the same way.
     * Anything else takes the general path of {@link #parse}.
     */
    static long plainIpv4(String text) {
        int n = text.length();
        if (n < 7 || n > 15) {
            return -1;
        }
        long value = 0;
        int part = 0;
        int digits = 0;
        int parts = 0;
        for (int i = 0; i <= n; i++) {
            char c = i < n ? text.charAt(i) : '.';
            if (c >= '0' && c <= '9' && !(digits > 0 && part == 0)) {
                part = part * 10 + (c - '0');
                digits++;
                if (part > 255) {
                    return -1;
                }
            } else if (c == '.' && digits > 0) {
                value = value << 8 | part;
                parts++;
                part = 0;
                digits = 0;
            } else {
                return -1;
            }
        }
        return parts == 4 ? value : -1;
    }

    /** The general rule: same address family, and the first prefixBits bits equal. */
    boolean containsParsed(IpRange other) {
        if (other == null || other.network.length != network.length) {
            return false;
        }
        for (int bit = 0; bit < prefixBits; bit++) {
            int mask = 0x80 >>> (bit % 8);
            if ((network[bit / 8] & mask) != (other.network[bit / 8] & mask)) {
                return false;
            }
        }
        return true;
    }

    private static byte[] addressBytes(String address) {
        if (address.isEmpty() || !address.chars().allMatch(c -> Character.digit(c, 16) >= 0 || c == '.' || c == ':')) {
            return null;
        }
        boolean v4 = address.indexOf(':') < 0;
        if (v4 && (address.split("\\.", -1).length != 4 || !address.chars().allMatch(c -> c == '.' || (c >= '0'
                && c <= '9')))) {
            return null;
        }
        try {
            return InetAddress.getByName(address).getAddress();
        } catch (UnknownHostException e) {
            return null;
        }
    }
}
