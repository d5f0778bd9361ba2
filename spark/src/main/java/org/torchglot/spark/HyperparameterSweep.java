package org.torchglot.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.Function;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;
import org.torchglot.bindings.TorchglotContext;
import org.torchglot.engine.random.Generator;

/**
 * Runs one training script per parameter set, each in its own Spark task (so across executors)
 * and its own sandboxed context, and collects what each run reports as a DataFrame. The script
 * finds its parameters in {@code params} (a Python dict, JavaScript object or R named list) and
 * leaves its results in {@code metrics}, a dict/object/named list of numbers. The DataFrame has a
 * {@code config} column (the parameter set's position), one column per parameter (in name order, since
 * parameter sets are often {@code Map.of}s, whose order changes from one JVM to the next), one per metric,
 * and {@code error}: null, or the script's error as its language reports it. Each run has a
 * default generator of its own, seeded like a new {@code torch.Generator()} until the script calls
 * {@code manual_seed}.
 */
public final class HyperparameterSweep {
    private HyperparameterSweep() {
    }

    public static Dataset<Row> run(SparkSession spark, TrainingScript script, List<Map<String, Object>> configs) {
        if (configs.isEmpty()) {
            throw new IllegalArgumentException("a sweep needs at least one parameter set");
        }
        List<Run> runs = new ArrayList<>();
        for (int i = 0; i < configs.size(); i++) {
            Map<String, Object> params = new LinkedHashMap<>(configs.get(i));
            ScriptParams.assignment(script.language(), params);
            runs.add(new Run(i, params, Map.of(), null));
        }
        List<Run> done = JavaSparkContext.fromSparkContext(spark.sparkContext())
                .parallelize(runs, runs.size())
                .map(new ScriptTask(script))
                .collect();
        return table(spark, done);
    }

    /** A parameter set and, once run, its metrics or error. */
    record Run(int config, Map<String, Object> params, Map<String, Double> metrics, String error) implements Serializable {
    }

    private record ScriptTask(TrainingScript script) implements Function<Run, Run> {
        @Override
        public Run call(Run run) {
            // NOTE: runs on one executor share its JVM; each gets its own default generator, as each PyTorch process has.
            return Generator.callWithDefault(new Generator(), () -> runScript(run));
        }

        private Run runScript(Run run) {
            try (TorchglotContext context = TorchglotContext.builder().languages(script.language()).noFileAccess().build()) {
                try {
                    context.eval(Source.newBuilder(script.language().id(), ScriptParams.assignment(script.language(), run.params()),
                            "<params>").buildLiteral());
                    context.eval(Source.newBuilder(script.language().id(), script.code(), script.name()).buildLiteral());
                    return new Run(run.config(), run.params(), metrics(context.eval(script.language(), "metrics")), null);
                } catch (PolyglotException e) {
                    return new Run(run.config(), run.params(), Map.of(), context.describe(e));
                } catch (IllegalArgumentException e) {
                    return new Run(run.config(), run.params(), Map.of(), e.getMessage());
                }
            }
        }

        private Map<String, Double> metrics(Value value) {
            Map<String, Double> metrics = new LinkedHashMap<>();
            if (value.hasHashEntries()) {
                Value keys = value.getHashKeysIterator();
                while (keys.hasIteratorNextElement()) {
                    Value key = keys.getIteratorNextElement();
                    metrics.put(key.asString(), number(key.asString(), value.getHashValue(key)));
                }
            } else if (value.hasMembers() && !value.isNull()) {
                for (String key : value.getMemberKeys()) {
                    metrics.put(key, number(key, value.getMember(key)));
                }
            }
            if (metrics.isEmpty()) {
                throw new IllegalArgumentException(script.name() + " must leave its results in 'metrics', a "
                        + "dict/object/named list of numbers; it holds " + value);
            }
            return metrics;
        }

        private Double number(String key, Value value) {
            Value number = value.fitsInDouble() ? value : value.canInvokeMember("item") ? value.invokeMember("item") : value;
            if (!number.fitsInDouble()) {
                throw new IllegalArgumentException(script.name() + ": metrics['" + key + "'] is " + value + ", not a number");
            }
            return number.asDouble();
        }
    }

    private static Dataset<Row> table(SparkSession spark, List<Run> runs) {
        Set<String> paramNames = new TreeSet<>();
        Set<String> metricNames = new LinkedHashSet<>();
        runs.forEach(run -> {
            paramNames.addAll(run.params().keySet());
            metricNames.addAll(run.metrics().keySet());
        });
        metricNames.removeAll(paramNames);
        StructType schema = new StructType().add("config", DataTypes.IntegerType, false);
        for (String name : paramNames) {
            schema = schema.add(name, paramType(name, runs), true);
        }
        for (String name : metricNames) {
            schema = schema.add(name, DataTypes.DoubleType, true);
        }
        schema = schema.add("error", DataTypes.StringType, true);
        List<Row> rows = new ArrayList<>();
        for (Run run : runs.stream().sorted(Comparator.comparingInt(Run::config)).toList()) {
            List<Object> values = new ArrayList<>();
            values.add(run.config());
            for (String name : paramNames) {
                values.add(paramValue(run.params().get(name), schema.apply(name).dataType()));
            }
            for (String name : metricNames) {
                values.add(run.metrics().get(name));
            }
            values.add(run.error());
            rows.add(RowFactory.create(values.toArray()));
        }
        return spark.createDataFrame(rows, schema);
    }

    /** long when every value of the parameter is an integer, double when all are numbers, else string or boolean. */
    private static DataType paramType(String name, List<Run> runs) {
        List<Object> values = runs.stream().map(r -> r.params().get(name)).filter(v -> v != null).toList();
        if (values.stream().allMatch(v -> v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte)) {
            return DataTypes.LongType;
        }
        if (values.stream().allMatch(v -> v instanceof Number)) {
            return DataTypes.DoubleType;
        }
        if (values.stream().allMatch(v -> v instanceof Boolean)) {
            return DataTypes.BooleanType;
        }
        return DataTypes.StringType;
    }

    private static Object paramValue(Object value, DataType type) {
        if (value == null) {
            return null;
        }
        if (type == DataTypes.LongType) {
            return ((Number) value).longValue();
        }
        if (type == DataTypes.DoubleType) {
            return ((Number) value).doubleValue();
        }
        return type == DataTypes.StringType ? value.toString() : value;
    }
}
