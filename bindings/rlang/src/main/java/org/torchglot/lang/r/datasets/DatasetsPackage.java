package org.torchglot.lang.r.datasets;

import org.torchglot.lang.r.RPackage;
import org.torchglot.lang.r.RPackageBuilder;

/**
 * GNU R's {@code datasets} package ({@code mtcars}, {@code iris}, each read on first use) with the data frame and
 * factor functions of base R that work on them. Attached in every session, as in GNU R.
 */
public final class DatasetsPackage implements RPackage {
    @Override
    public String name() {
        return "datasets";
    }

    @Override
    public void install(RPackageBuilder pkg) {
        pkg.sourceResource(DatasetsPackage.class, "/org/torchglot/lang/r/datasets/dataframe.R");
        pkg.sourceResource(DatasetsPackage.class, "/org/torchglot/lang/r/datasets/data.R");
    }
}
