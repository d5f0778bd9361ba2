package org.torchglot.spark;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Base64;

/**
 * Encodes a worker's contribution to one synchronisation as the text {@code allGather} carries:
 * its weight (rows behind it), its summed loss and its values (gradients or parameters), as
 * little-endian bytes in Base64.
 */
final class FloatMessages {
    private FloatMessages() {
    }

    record Contribution(double weight, double lossSum, float[] values) {
    }

    /** The weighted means of the values and of the loss over all workers. */
    record Mean(double loss, float[] values) {
    }

    static String encode(Contribution contribution) {
        ByteBuffer buffer = ByteBuffer.allocate(16 + 4 * contribution.values().length).order(ByteOrder.LITTLE_ENDIAN);
        buffer.putDouble(contribution.weight()).putDouble(contribution.lossSum());
        buffer.asFloatBuffer().put(contribution.values());
        return Base64.getEncoder().encodeToString(buffer.array());
    }

    static Contribution decode(String message) {
        ByteBuffer buffer = ByteBuffer.wrap(Base64.getDecoder().decode(message)).order(ByteOrder.LITTLE_ENDIAN);
        double weight = buffer.getDouble();
        double lossSum = buffer.getDouble();
        float[] values = new float[buffer.remaining() / 4];
        buffer.asFloatBuffer().get(values);
        return new Contribution(weight, lossSum, values);
    }

    /** The weighted means of the contributions' values and losses. */
    static Mean average(String[] messages) {
        double weight = 0;
        double lossSum = 0;
        double[] sum = null;
        for (String message : messages) {
            Contribution c = decode(message);
            if (sum == null) {
                sum = new double[c.values().length];
            }
            if (c.values().length != sum.length) {
                throw new IllegalStateException("workers sent " + sum.length + " and " + c.values().length
                        + " values: every worker must build the same module");
            }
            weight += c.weight();
            lossSum += c.lossSum();
            for (int i = 0; i < sum.length; i++) {
                sum[i] += c.weight() * c.values()[i];
            }
        }
        float[] mean = new float[sum.length];
        for (int i = 0; i < mean.length; i++) {
            mean[i] = (float) (sum[i] / weight);
        }
        return new Mean(lossSum / weight, mean);
    }
}
