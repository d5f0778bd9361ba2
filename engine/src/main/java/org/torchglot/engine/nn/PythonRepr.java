package org.torchglot.engine.nn;

import java.math.BigDecimal;
import java.util.List;

/**
 * Python's {@code repr} of the values that appear in module reprs and error messages, so that
 * {@code Dropout(p=0.5, inplace=False)} and {@code Invalid learning rate: -1.0} read as in PyTorch.
 */
public final class PythonRepr {
    private PythonRepr() {
    }

    /** {@code repr(float)}: shortest round-trip digits, exponent form below 1e-4 and from 1e16. */
    public static String ofFloat(double v) {
        if (Double.isNaN(v)) {
            return "nan";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "inf" : "-inf";
        }
        if (v == 0) {
            return 1 / v < 0 ? "-0.0" : "0.0";
        }
        BigDecimal exact = new BigDecimal(Double.toString(Math.abs(v))).stripTrailingZeros();
        String digits = exact.unscaledValue().toString();
        int exponent = digits.length() - 1 - exact.scale();
        String sign = v < 0 ? "-" : "";
        if (exponent < -4 || exponent >= 16) {
            String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
            String exp = String.format("%02d", Math.abs(exponent));
            return sign + mantissa + "e" + (exponent < 0 ? "-" : "+") + exp;
        }
        String plain = exact.toPlainString();
        return sign + (plain.contains(".") ? plain : plain + ".0");
    }

    /** {@code repr} of a Python number: a Long/Integer prints as an int, anything else as a float. */
    public static String ofNumber(Number n) {
        if (n instanceof Long || n instanceof Integer) {
            return Long.toString(n.longValue());
        }
        return ofFloat(n.doubleValue());
    }

    /** {@code repr(bool)}. */
    public static String ofBool(boolean b) {
        return b ? "True" : "False";
    }

    /** {@code repr(str)} for plain ASCII text: single-quoted. */
    public static String ofString(String s) {
        return "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

    /** {@code torch.Size([3, 2])}. */
    public static String ofSize(int[] shape) {
        StringBuilder sb = new StringBuilder("torch.Size([");
        for (int i = 0; i < shape.length; i++) {
            sb.append(i == 0 ? "" : ", ").append(shape[i]);
        }
        return sb.append("])").toString();
    }

    /** {@code repr} of a Python value held as a Java object (numbers, booleans, strings, lists, null). */
    public static String of(Object value) {
        if (value == null) {
            return "None";
        }
        if (value instanceof Boolean b) {
            return ofBool(b);
        }
        if (value instanceof Number n) {
            return ofNumber(n);
        }
        if (value instanceof String s) {
            return ofString(s);
        }
        if (value instanceof List<?> list) {
            StringBuilder sb = new StringBuilder("(");
            for (int i = 0; i < list.size(); i++) {
                sb.append(i == 0 ? "" : ", ").append(of(list.get(i)));
            }
            return sb.append(list.size() == 1 ? ",)" : ")").toString();
        }
        return value.toString();
    }
}
