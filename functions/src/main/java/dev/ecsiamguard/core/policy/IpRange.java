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

    boolean contains(String ipText) {
        IpRange other = parse(ipText);
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
